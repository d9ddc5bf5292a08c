#include "ui/widgets/widgets.h"

#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "ui/widgets/controls.h"

namespace tunelab::ui {
namespace {

bool is_cjk(unsigned int c) { return c >= 0x2E80; }  // CJK scripts, their punctuation, full-width forms

// Punctuation that must not begin a line (Chinese typesetting's 避头点).
bool closes(unsigned int c) {
    for (unsigned int p :
         {0xFF0Cu, 0x3002u, 0x3001u, 0xFF1Bu, 0xFF1Au, 0xFF01u, 0xFF1Fu, 0xFF09u, 0x300Du, 0x300Fu, 0x3011u, 0x300Bu, 0x201Du})
        if (c == p) return true;
    return false;
}

}  // namespace

std::string wrap_lines(std::string_view text, float wrap_width, const ImFont& font, float font_size) {
    const float scale = font_size / font.FontSize;
    std::string out;
    const char* s = text.data();
    const char* const end = s + text.size();
    while (s < end) {
        const char* p = s;
        const char* break_at = nullptr;  // the last place this line may end
        float width = 0;
        unsigned int previous = 0;
        while (p < end && *p != '\n') {
            unsigned int c = 0;
            const int bytes = ImTextCharFromUtf8(&c, p, end);
            // A line may end after a blank, or between two characters one of which is Chinese.
            if (p > s && (previous == ' ' || is_cjk(previous) || is_cjk(c)) && !closes(c)) break_at = p;
            const float advance = font.GetCharAdvance(static_cast<ImWchar>(c)) * scale;
            if (width + advance > wrap_width && p > s) break;
            width += advance;
            previous = c;
            p += bytes;
        }
        const char* stop = p < end && *p != '\n' && break_at ? break_at : p;
        const char* shown_end = stop;
        while (shown_end > s && shown_end[-1] == ' ') --shown_end;  // a line's trailing blanks are not drawn
        out.append(s, shown_end);
        s = stop;
        while (s < end && *s == ' ') ++s;
        if (s < end) out += '\n';
        if (s < end && *s == '\n') ++s;
    }
    return out;
}

void wrapped_text(std::string_view text, float wrap_width, bool disabled) {
    if (wrap_width <= 0) wrap_width = ImGui::GetContentRegionAvail().x;
    wrap_width = std::max(wrap_width, 4 * ImGui::GetFontSize());
    const std::string lines = wrap_lines(text, wrap_width, *ImGui::GetFont(), ImGui::GetFontSize());
    if (disabled) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(lines.data(), lines.data() + lines.size());
    if (disabled) ImGui::PopStyleColor();
}

namespace {

// A pencil drawn in the square [corner, corner + size] (the UI font has no pencil character).
void draw_pencil(ImDrawList* draw, ImVec2 corner, float size, ImU32 colour) {
    const auto at = [&](float x, float y) { return ImVec2(corner.x + x * size, corner.y + y * size); };
    draw->AddLine(at(0.36f, 0.64f), at(0.70f, 0.30f), colour, 0.16f * size);
    draw->AddTriangleFilled(at(0.25f, 0.75f), at(0.30f, 0.58f), at(0.42f, 0.70f), colour);
    draw->AddLine(at(0.25f, 0.82f), at(0.75f, 0.82f), colour, 1.0f);
}

// The slider drawn by `draw` (given its label and width), followed by a small pencil button that
// opens the slider's text entry (on touch there is no Ctrl+click), then the label. The slider keeps
// the ID its label gives it; the pencil is named control + ".type".
template <typename Draw>
bool slider_with_entry(const char* label, const std::string& control, Draw draw) {
    const float pen = ImGui::GetFrameHeight();
    const float spacing = ImGui::GetStyle().ItemInnerSpacing.x;
    const std::string unlabelled = std::string("##") + label;  // same ID: a "###" part resets the hash
    ImGui::SetNextItemWidth(std::max(ImGui::CalcItemWidth() - pen - spacing, 2 * pen));
    const bool changed = controls::named(control, draw(unlabelled.c_str()));
    // The pencil pressed last frame: focusing the slider through the API opens it as a text field.
    static ImGuiID typing_requested = 0;
    const ImGuiID slider = ImGui::GetItemID();
    if (typing_requested == slider) {
        ImGui::SetKeyboardFocusHere(-1);
        typing_requested = 0;
    }
    ImGui::SameLine(0, spacing);
    ImGui::PushID(unlabelled.c_str());
    const ImVec2 corner = ImGui::GetCursorScreenPos();
    if (controls::named(control + ".type", ImGui::Button("##type", ImVec2(pen, pen)))) typing_requested = slider;
    draw_pencil(ImGui::GetWindowDrawList(), corner, pen, ImGui::GetColorU32(ImGuiCol_Text));
    ImGui::PopID();
    const char* label_end = ImGui::FindRenderedTextEnd(label);
    if (label_end != label) {
        ImGui::SameLine(0, spacing);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label, label_end);
    }
    return changed;
}

}  // namespace

bool slider_float(const char* label, float& value, float low, float high, const char* format, ImGuiSliderFlags flags,
                  const std::string& control) {
    return slider_with_entry(label, control, [&](const char* id) { return ImGui::SliderFloat(id, &value, low, high, format, flags); });
}

bool slider_int(const char* label, int& value, int low, int high, const std::string& control, const char* format,
                ImGuiSliderFlags flags) {
    return slider_with_entry(label, control, [&](const char* id) { return ImGui::SliderInt(id, &value, low, high, format, flags); });
}

bool named_combo(const char* label, int& current, std::span<const char* const> labels,
                 std::span<const std::string> names, const std::string& control) {
    const bool valid = current >= 0 && size_t(current) < labels.size();
    if (!controls::named(control, ImGui::BeginCombo(label, valid ? labels[size_t(current)] : ""))) return false;
    const int before = current;
    for (size_t i = 0; i < labels.size() && i < names.size(); ++i) {
        if (controls::named(control + "." + names[i], ImGui::Selectable(labels[i], int(i) == current))) current = int(i);
    }
    ImGui::EndCombo();
    return current != before;
}

void progress_bar(float fraction, ImVec2 size, const char* overlay) {
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.85f, 0.87f, 0.91f, 1.0f));
    ImGui::ProgressBar(fraction, size, overlay);
    ImGui::PopStyleColor();
}

ImVec2 place_side_card(SideCard& card, ImVec2 work_pos, ImVec2 work_size) {
    // The lab lays its settings and views side by side from 900 px of content: a card beside it
    // keeps that, or goes below.
    constexpr float kPageMinWidth = 940;
    const float side_width = std::clamp(work_size.x * 0.25f, 300.0f, 380.0f);
    card.was_wanted = card.wanted;
    card.wanted = false;
    card.beside = work_size.x - side_width >= kPageMinWidth;
    if (card.beside) {
        card.pos = ImVec2(work_pos.x + work_size.x - side_width, work_pos.y);
        card.size = ImVec2(side_width, work_size.y);
        return card.was_wanted ? ImVec2(work_size.x - side_width, work_size.y) : work_size;
    }
    card.pos = ImVec2(work_pos.x, work_pos.y + work_size.y);
    card.size = ImVec2(work_size.x, 0);
    return card.was_wanted ? ImVec2(work_size.x, std::max(work_size.y - card.drawn_height, work_size.y * 0.5f)) : work_size;
}

bool begin_side_card(SideCard& card, const char* title) {
    card.wanted = true;
    // No title bar (it would cut a long title): the title is wrapped inside, after the fold arrow.
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoTitleBar;
    if (card.beside) {
        ImGui::SetNextWindowPos(card.pos, ImGuiCond_Always);
        ImGui::SetNextWindowSize(card.size, ImGuiCond_Always);
    } else {
        // At the bottom, as tall as its content up to 45% of the screen.
        ImGui::SetNextWindowPos(card.pos, ImGuiCond_Always, ImVec2(0, 1));
        ImGui::SetNextWindowSizeConstraints(ImVec2(card.size.x, 0), ImVec2(card.size.x, ImGui::GetMainViewport()->WorkSize.y * 0.45f));
        flags |= ImGuiWindowFlags_AlwaysAutoResize;
    }
    ImGui::Begin(title, nullptr, flags);
    card.drawn_height = ImGui::GetWindowHeight();
    if (!card.beside) {  // folds to its title so the page gets the whole screen
        if (controls::named("card.fold", ImGui::ArrowButton("##fold", card.folded ? ImGuiDir_Up : ImGuiDir_Down)))
            card.folded = !card.folded;
        ImGui::SameLine();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_PlotHistogram));
    wrapped_text(std::string_view(title, size_t(ImGui::FindRenderedTextEnd(title) - title)));
    ImGui::PopStyleColor();
    return card.beside || !card.folded;
}

}  // namespace tunelab::ui
