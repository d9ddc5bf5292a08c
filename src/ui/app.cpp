#include "ui/app.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/arena/arena_warm.h"
#include "ui/widgets/controls.h"
#include "core/stopwatch.h"
#include "ui/widgets/fonts.h"
#include "ui/widgets/widgets.h"

namespace tunelab::ui {
namespace {

// 中文 / English radio buttons; returns nothing, edits the translator in place.
void draw_language_switch(Translator& tr) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Language"));
    ImGui::SameLine();
    if (ImGui::RadioButton("中文", tr.language == Language::chinese)) tr.language = Language::chinese;
    controls::name_item("language.zh");
    ImGui::SameLine();
    if (ImGui::RadioButton("English", tr.language == Language::english)) tr.language = Language::english;
    controls::name_item("language.en");
}

float language_switch_width(const Translator& tr) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float radio = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x;
    return ImGui::CalcTextSize(tr("Language")).x + ImGui::CalcTextSize("中文").x +
           ImGui::CalcTextSize("English").x + 2 * radio + 2 * style.ItemSpacing.x;
}

// Title, subtitle and the language switch on one line when they fit, the subtitle below when not
// (phones).
void draw_header(Translator& tr) {
    ImGui::PushFont(heading_font());
    ImGui::TextUnformatted(tr("TuneLab"));
    float title_width = ImGui::GetItemRectSize().x;
    ImGui::PopFont();
    const ImGuiStyle& style = ImGui::GetStyle();
    float available = ImGui::GetContentRegionAvail().x;
    float switch_width = language_switch_width(tr);
    const char* subtitle = tr("A hyperparameter-tuning playground");
    bool subtitle_fits = title_width + ImGui::CalcTextSize(subtitle).x + switch_width + 4 * style.ItemSpacing.x < available;
    if (subtitle_fits) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", subtitle);
    }
    // The switch at the right of the title's line, or of the subtitle's when the title leaves no room.
    const bool switch_fits = title_width + switch_width + 2 * style.ItemSpacing.x < available;
    if (!switch_fits) ImGui::TextDisabled("%s", subtitle);
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - switch_width);
    draw_language_switch(tr);
    if (switch_fits && !subtitle_fits) ImGui::TextDisabled("%s", subtitle);
}

// First visit: one button to the first lesson, and one to dismiss it.
void draw_first_run_offer(AppState& app, bool same_line) {
    const Translator& tr = app.tr;
    const std::string start = tr.label("New here? Start with Lesson 1 →");
    const std::string later = tr.label("Not now");
    if (same_line) ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - button_width(start.c_str()) - button_width(later.c_str()) -
                                   ImGui::GetStyle().ItemSpacing.x);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.98f, 0.80f, 0.45f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(1.00f, 0.72f, 0.30f, 1));
    const bool begin = controls::named("first_run.lesson", ImGui::Button(start.c_str()));
    ImGui::PopStyleColor(2);
    tooltip(tr("A two-minute lesson: what a learning rate that is too large, too small and just right does to training."));
    ImGui::SameLine();
    if (controls::named("first_run.dismiss", ImGui::Button(later.c_str()))) app.first_run = false;
    if (!begin) return;
    app.first_run = false;
    handle_command(app, json::Object{{"cmd", "lesson.open"}, {"id", lesson_catalogue().front().id}});
    handle_command(app, json::Object{{"cmd", "lesson.setup"}});
}

void draw_frame_readout(const AppState& app) {
    const Translator& tr = app.tr;
    ImGui::TextDisabled("%s %.1f ms · %.0f fps", tr("Frame time"), app.stats.recent_mean_ms(), app.stats.fps);
    controls::name_item("header.frame_time");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("CPU time per frame (training slice + drawing), averaged over the last 120 frames."));
}

void draw_main_window(AppState& app) {
    Translator& tr = app.tr;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    // The lesson card (widgets.h SideCard) takes its place beside the page, never over it.
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(place_side_card(app.card, viewport->WorkPos, viewport->WorkSize));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
    ImGui::Begin("###TuneLab", nullptr, flags);
    draw_header(tr);
    // Tabs keep their whole labels: on a phone the bar scrolls instead of cutting them to "Tr…".
    if (ImGui::BeginTabBar("##pages", ImGuiTabBarFlags_FittingPolicyScroll)) {
        // The page can also be switched by the hook ({"cmd":"show","page":…}) or a lesson.
        auto tab = [&](const char* english, Page page, const char* control) {
            ImGuiTabItemFlags flags = app.page_requested == page ? ImGuiTabItemFlags_SetSelected : 0;
            const bool open = ImGui::BeginTabItem(tr.label(english).c_str(), nullptr, flags);
            controls::name_item(control);
            if (open) {
                app.page = page;
                ImGui::EndTabItem();
            }
        };
        tab(tr_key("Training lab"), Page::lab, "tab.lab");
        tab(tr_key("Search arena"), Page::arena, "tab.arena");
        tab(tr_key("Lessons"), Page::lessons, "tab.lessons");
        app.page_requested.reset();  // before the menu: its reset asks for the lab page, next frame
        draw_session_menu(app);
        // At the tab row's right on a wide screen; on a phone they would cover the tabs.
        const bool room = ImGui::GetContentRegionAvail().x > 700;
        const bool offer = app.first_run && app.lessons.open < 0;
        if (room && offer) draw_first_run_offer(app, true);
        else if (room && app.show_frame_time) {
            ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 230);
            draw_frame_readout(app);
        }
        ImGui::EndTabBar();
        if (!room && offer) draw_first_run_offer(app, false);
    }
    switch (app.page) {
        case Page::lab: draw_lab(app.lab, tr); break;
        case Page::arena: draw_arena(app); break;
        case Page::lessons: draw_lessons(app); break;
    }
    ImGui::End();
    draw_lesson_card(app);  // over the lab or arena while a lesson is open
}

}  // namespace

void apply_style() {
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 6.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(8, 7);
    style.WindowPadding = ImVec2(14, 12);
    style.Colors[ImGuiCol_PlotHistogram] = ImVec4(0.23f, 0.51f, 0.77f, 1.0f);  // progress bars in the accent blue
    style.Colors[ImGuiCol_PopupBg].w = 1.0f;  // opaque: a menu over a plot must not show the plot through it
}

void draw_app(AppState& app) { draw_main_window(app); }

Language language_for_locale(std::string_view locale) {
    return locale.substr(0, 2) == "zh" ? Language::chinese : Language::english;
}

double work_in_frame(AppState& app, double frame_ms) {
    // A frame's CPU time aims at 10 ms, under the 12 ms that keeps a 60 Hz page smooth. Working
    // after the frame is drawn and rendered means their cost is known, not guessed: a frame that
    // refreshed a picture, or waited on the browser's WebGL, simply trains less.
    constexpr double kFrameTargetMs = 10.0;
    const double budget = std::clamp(kFrameTargetMs - frame_ms, 1.0, 8.0);
    const Stopwatch watch;
    if (app.page == Page::lab) {
        app.lab.frame_budget_ms = budget;
        advance_runs(app.lab);
    } else if (app.page == Page::arena) {
        app.arena.frame_budget_ms = budget;
        advance_race(app.arena);
    }
    return watch.elapsed_ms();
}

// ---------------------------------------------------------------------------------------- hook

namespace {

json::Value app_status(AppState& app, const hook::Request&) {
    return json::Object{{"ready", app.stats.frames > 0},
                        {"frames", app.stats.frames},
                        {"fps", app.stats.fps},
                        {"frame_cpu_ms", app.stats.frame_cpu_ms},
                        {"frame_cpu_ms_mean", app.stats.recent_mean_ms()},
                        {"frame_cpu_ms_max", app.stats.recent_max_ms()},
                        {"first_frame_ms", app.stats.first_frame_ms},
                        {"language", name(app.tr.language)},
                        {"page", name(app.page)}};
}

// The last frames' CPU times and their training / race share, oldest first.
json::Value frame_times(AppState& app, const hook::Request&) {
    json::Array times, work;
    const size_t count = app.stats.recent_count();
    for (size_t i = 0; i < count; ++i) {
        const size_t slot = (app.stats.frames - count + i) % app.stats.recent_cpu_ms.size();
        times.push_back(app.stats.recent_cpu_ms[slot]);
        work.push_back(app.stats.recent_work_ms[slot]);
    }
    return json::Object{{"frames", app.stats.frames}, {"cpu_ms", std::move(times)}, {"work_ms", std::move(work)}};
}

json::Value set_language(AppState& app, const hook::Request& request) {
    constexpr const char* kMust = "\"language\" must be \"zh\" or \"en\"";
    const std::optional<Language> language = request.choice<Language>("language", kMust);
    if (!language) throw hook::Refusal(kMust);
    app.tr.language = *language;
    return hook::ok();
}

// The page can also be switched by a lesson, or by the learner's tabs.
json::Value show(AppState& app, const hook::Request& request) {
    constexpr const char* kMust = "\"page\" must be \"lab\", \"arena\" or \"lessons\"";
    const std::optional<Page> page = request.choice<Page>("page", kMust);
    if (!page) throw hook::Refusal(kMust);
    app.page_requested = *page;
    return hook::ok();
}

//   status                  {ready, frames, fps, frame_cpu_ms(_mean, _max), first_frame_ms, language, page}
//   frame_times             {frames, cpu_ms: [...], work_ms: [...]} of the last frames
//   set_language {language} "zh" | "en"
//   show {page}             "lab" | "arena" | "lessons"
constexpr hook::Command kCommands[] = {
    {"status", app_status},
    {"frame_times", frame_times},
    {"set_language", set_language},
    {"show", show},
};

}  // namespace

json::Value handle_command(AppState& app, const json::Value& request) {
    return hook::dispatch(app, request,
                          {kCommands, controls::commands(), lab_commands(), arena_commands(), warm_commands(), lesson_commands(),
                           session_commands()});
}

}  // namespace tunelab::ui
