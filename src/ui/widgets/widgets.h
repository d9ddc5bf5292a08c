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

// Sliders named `control` ("lab.lr", see controls.h), returning true when edited.
bool slider_float(const char* label, float& value, float low, float high, const char* format, ImGuiSliderFlags flags,
                  const std::string& control);
bool slider_int(const char* label, int& value, int low, int high, const std::string& control, const char* format = "%d",
                ImGuiSliderFlags flags = 0);

// A combo over `labels` (shown) whose choices `names` (the same order, stable, language-independent)
// are also its controls' names: the combo is `control` ("arena.objective"), each choice
// control + "." + name ("arena.objective.branin"). True when the learner picked another choice.
bool named_combo(const char* label, int& current, std::span<const char* const> labels,
                 std::span<const std::string> names, const std::string& control);

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
