#pragma once
// Small helpers shared by the panels, in the spirit of imgui_demo.cpp's HelpMarker.
#include <imgui.h>

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/settings.h"
#include "ui/i18n.h"

namespace tunelab::ui {

// `text` with line breaks where it reaches `wrap_width` pixels: after a blank, or between two
// characters one of which is Chinese (but never before a closing mark such as ，or 。). ImGui 1.86
// breaks only at blanks and ASCII punctuation, so a Chinese sentence with a few Latin words in it
// broke at their spaces and left lines half empty. widgets.cpp; tested in tests/ui/widgets_test.cpp.
std::string wrap_lines(std::string_view text, float wrap_width, const ImFont& font, float font_size);
// The text, wrapped so (at the window's edge when `wrap_width` is 0); greyed when `disabled`.
void wrapped_text(std::string_view text, float wrap_width = 0, bool disabled = false);

// A wrapped explanation of the item just drawn, shown on hover (also when the item is disabled).
inline void tooltip(const char* text) {
    if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
    ImGui::BeginTooltip();
    wrapped_text(text, ImGui::GetFontSize() * 24);
    ImGui::EndTooltip();
}

// The width of a button with this label (text after "##" is not shown, so not counted).
inline float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

// Continues the current row when an item `width` wide still fits, else starts a new row: toolbars
// that wrap on a phone instead of running off the screen.
inline void same_line_if_fits(float width) {
    const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right_edge) ImGui::SameLine();
}

// Sliders named `control` ("lab.lr", see controls.h), returning true when edited. A value can also be
// typed, exactly (a log slider cannot be dragged onto 3): a tap on the small pencil after the slider
// (named control + ".type"), or Ctrl+click, turns the slider into a text field; Enter confirms.
bool slider_float(const char* label, float& value, float low, float high, const char* format, ImGuiSliderFlags flags,
                  const std::string& control);
bool slider_int(const char* label, int& value, int low, int high, const std::string& control, const char* format = "%d",
                ImGuiSliderFlags flags = 0);

// A combo over `labels` (shown) whose choices `names` (the same order, stable, language-independent)
// are also its controls' names: the combo is `control` ("arena.objective"), each choice
// control + "." + name ("arena.objective.branin"). True when the learner picked another choice.
bool named_combo(const char* label, int& current, std::span<const char* const> labels,
                 std::span<const std::string> names, const std::string& control);

// A progress bar on a grey track: ImGui's own has the white of a text field, and an empty one looked
// like a broken field.
void progress_bar(float fraction, ImVec2 size, const char* overlay);

// A card beside the page: on a wide screen a full-height panel at the right that the page makes room
// for, on a narrow one a collapsible strip at the bottom that the page ends above. Either way it
// covers nothing. app.cpp places it each frame (place_side_card) before the page is drawn; whoever
// shows a card (the lesson card, the first-run card) sets `wanted` and draws between
// begin_side_card() and ImGui::End() (always called; the card's content only when it returns true).
struct SideCard {
    bool wanted = false;      // a card is shown this frame (cleared by place_side_card)
    bool was_wanted = false;  // last frame's: the page's size follows it
    bool beside = true;     // docked at the right (wide screens) or at the bottom
    ImVec2 pos, size;       // where it goes
    float drawn_height = 0; // at the bottom: its height last frame
    bool folded = false;    // at the bottom: folded to its title by the learner
};
// The room the page keeps for the card this frame, given the work area; returns the page's size.
ImVec2 place_side_card(SideCard& card, ImVec2 work_pos, ImVec2 work_size);
bool begin_side_card(SideCard& card, const char* title);

// The refusals of the field just drawn ("is 0; allowed: (0, 10]"), in red under it, in the
// learner's language.
inline void field_issues(const std::vector<Issue>& issues, const std::string& field, const Translator& tr) {
    for (const Issue& issue : issues) {
        if (issue.field != field) continue;
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.80f, 0.15f, 0.10f, 1));
        wrapped_text("▲ " + tr.issue(issue.message));
        ImGui::PopStyleColor();
    }
}

}  // namespace tunelab::ui
