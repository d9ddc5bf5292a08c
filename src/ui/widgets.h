#pragma once
// Small helpers shared by the panels, in the spirit of imgui_demo.cpp's HelpMarker.
#include <imgui.h>

namespace tunelab::ui {

// A wrapped explanation of the item just drawn, shown on hover (also when the item is disabled).
inline void tooltip(const char* text) {
    if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
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

}  // namespace tunelab::ui
