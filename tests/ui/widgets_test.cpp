#include <doctest/doctest.h>
#include <imgui.h>

#include <string>

#include "ui/widgets/widgets.h"

using namespace tunelab::ui;

namespace {

// ImGui's built-in font: every glyph it lacks (all of Chinese) takes its fallback width, so the
// widths below are known without the app's CJK font.
struct FontFixture {
    FontFixture() {
        ImGui::CreateContext();
        ImGui::GetIO().Fonts->AddFontDefault();
        ImGui::GetIO().Fonts->Build();
        font = ImGui::GetIO().Fonts->Fonts[0];
    }
    ~FontFixture() { ImGui::DestroyContext(); }
    std::string wrap(const char* text, float chars_of_latin) const {
        return wrap_lines(text, chars_of_latin * font->GetCharAdvance('a'), *font, font->FontSize);
    }
    std::string wrap_cjk(const char* text, float chars_of_chinese) const {
        return wrap_lines(text, chars_of_chinese * font->FallbackAdvanceX, *font, font->FontSize);
    }
    ImFont* font = nullptr;
};

}  // namespace

TEST_CASE_FIXTURE(FontFixture, "wrap_lines: Latin text breaks at blanks only, Chinese between any two characters") {
    REQUIRE(font->GetCharAdvance('a') == font->GetCharAdvance('b'));  // a fixed-width font
    CHECK(wrap("aaa bbb ccc", 8) == "aaa bbb\nccc");
    CHECK(wrap("aaa bbb ccc", 100) == "aaa bbb ccc");
    CHECK(wrap("abcdefghij", 4) == "abcd\nefgh\nij");  // a word longer than a line is cut anywhere
    CHECK(wrap("aaa\nbbb", 100) == "aaa\nbbb");        // the text's own line breaks stay
    CHECK(wrap_cjk("一二三四五六七", 3) == "一二三\n四五六\n七");
}

TEST_CASE_FIXTURE(FontFixture, "wrap_lines: a Chinese sentence with Latin words fills its lines; no line starts with a closing mark") {
    // ImGui alone would break this only at its spaces, leaving "BO 在 20" on a line of its own.
    const std::string wrapped = wrap_cjk("BO 在 20 次试验中没有达到目标", 10);
    CHECK(wrapped.find('\n') != std::string::npos);
    CHECK(wrapped.substr(0, wrapped.find('\n')).size() > std::string("BO 在 20").size());
    CHECK(wrap_cjk("一二三，四五", 3) == "一二\n三，四\n五");
}
