#include <doctest/doctest.h>
#include <imgui.h>

#include <functional>

#include "ui/app.h"
#include "ui/hook.h"
#include "ui/widgets/controls.h"

using namespace tunelab;
namespace controls = tunelab::ui::controls;

namespace {

// The controls' own hook commands, as the dispatcher answers them.
json::Value command(const json::Value& request) {
    static ui::AppState app;
    return ui::hook::dispatch(app, request, {controls::commands()});
}

// A headless ImGui context of 800×600 with the built-in font; frame() draws one frame.
struct ImGuiFixture {
    ImGuiFixture() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.Fonts->AddFontDefault();
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.DisplaySize = ImVec2(800, 600);
        io.DeltaTime = 1.0f / 60;
        io.IniFilename = nullptr;
    }
    ~ImGuiFixture() {
        controls::clear_highlight();
        ImGui::DestroyContext();
    }
    void frame(const std::function<void()>& draw) {
        ImGui::NewFrame();
        draw();
        ImGui::Render();
    }
    json::Value ask(const char* cmd, const char* name) { return command(json::Object{{"cmd", cmd}, {"name", name}}); }
};

// A window at (50, 40), 300×200, holding a button and, far below the fold, a second one.
void draw_window() {
    ImGui::SetNextWindowPos(ImVec2(50, 40));
    ImGui::SetNextWindowSize(ImVec2(300, 200));
    ImGui::Begin("test window", nullptr, ImGuiWindowFlags_NoDecoration);
    controls::named("near", ImGui::Button("near", ImVec2(100, 30)));
    ImGui::Dummy(ImVec2(10, 600));
    controls::named("far", ImGui::Button("far", ImVec2(100, 30)));
    ImGui::End();
}

double number(const json::Value& v, const char* a, const char* b) { return v.find(a)->find(b)->as_number(); }

}  // namespace

TEST_CASE_FIXTURE(ImGuiFixture, "controls: a named control reports where it was drawn, and whether it is on screen") {
    frame(draw_window);
    json::Value near = ask("ui.control", "near");
    REQUIRE(near.find("error") == nullptr);
    CHECK(number(near, "rect", "w") == 100);
    CHECK(number(near, "rect", "h") == 30);
    CHECK(number(near, "rect", "x") > 50);
    CHECK(near.find("fully_visible")->as_bool());

    json::Value far = ask("ui.control", "far");
    CHECK_FALSE(far.find("fully_visible")->as_bool());
    CHECK(number(far, "rect", "y") > 600);           // below the window's bottom edge
    CHECK(number(far, "visible", "h") == 0);
    CHECK(number(far, "scroller", "y") >= 40);        // the window that would scroll it into view
    CHECK(number(far, "scroller", "h") <= 200);

    CHECK(command(json::Object{{"cmd", "ui.controls"}}).find("names")->as_array().size() == 2);
    CHECK(ask("ui.control", "nowhere").find("error") != nullptr);
    frame([] {});  // a frame without the window: its controls are not on screen now
    CHECK(ask("ui.control", "near").find("error")->as_string().find("not drawn now") != std::string::npos);
}

TEST_CASE_FIXTURE(ImGuiFixture, "controls: a highlight scrolls the named control into view, and ends when it is used") {
    frame(draw_window);
    controls::highlight("far");
    CHECK(controls::highlighted() == "far");
    for (int i = 0; i < 3; ++i) frame(draw_window);
    json::Value far = ask("ui.control", "far");
    CHECK(far.find("fully_visible")->as_bool());
    CHECK(controls::highlighted() == "far");  // no time limit: it stays until the learner uses it

    // Press and release the button: the highlight has done its work.
    const double x = number(far, "rect", "x") + 10, y = number(far, "rect", "y") + 10;
    ImGui::GetIO().MousePos = ImVec2(float(x), float(y));
    ImGui::GetIO().MouseDown[0] = true;
    frame(draw_window);
    CHECK(controls::highlighted().empty());
}

TEST_CASE_FIXTURE(ImGuiFixture, "controls: a popup in front of a control is reported as covering it") {
    auto draw = [] {
        draw_window();
        ImGui::SetNextWindowPos(ImVec2(40, 30));
        ImGui::SetNextWindowSize(ImVec2(200, 100));
        ImGui::Begin("card", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::End();
    };
    frame(draw);
    frame(draw);
    json::Value near = ask("ui.control", "near");
    REQUIRE(near.find("covered_by") != nullptr);
    CHECK(near.find("covered_by")->as_string() == "card");
}

TEST_CASE_FIXTURE(ImGuiFixture, "controls: a highlight opens the collapsed section its control was drawn in") {
    bool collapse = false;  // the learner folds the section in one frame
    auto draw = [&] {
        ImGui::SetNextWindowPos(ImVec2(50, 40));
        ImGui::SetNextWindowSize(ImVec2(300, 200));
        ImGui::Begin("panel", nullptr, ImGuiWindowFlags_NoDecoration);
        if (collapse) ImGui::SetNextItemOpen(false);
        if (controls::Section section{"section", "Section", ImGuiTreeNodeFlags_DefaultOpen})
            controls::named("inside", ImGui::Button("inside"));
        controls::named("after", ImGui::Button("after"));
        ImGui::End();
    };
    frame(draw);
    REQUIRE(ask("ui.control", "inside").find("error") == nullptr);
    collapse = true;
    frame(draw);
    collapse = false;
    frame(draw);
    CHECK(ask("ui.control", "inside").find("error") != nullptr);  // folded away
    CHECK(ask("ui.control", "after").find("error") == nullptr);

    controls::highlight("after");  // a control outside the section does not open it
    frame(draw);
    CHECK(ask("ui.control", "inside").find("error") != nullptr);

    controls::highlight("inside");
    frame(draw);
    frame(draw);
    const json::Value inside = ask("ui.control", "inside");
    REQUIRE(inside.find("error") == nullptr);
    CHECK(inside.find("fully_visible")->as_bool());
    CHECK(controls::highlighted() == "inside");
}
