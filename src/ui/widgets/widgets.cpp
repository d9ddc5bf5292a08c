#include "ui/widgets/widgets.h"

#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "ui/widgets/controls.h"

namespace tunelab::ui {
namespace {

bool is_cjk(unsigned int c) { return c >= 0x2E80; }  // CJK scripts, their punctuation, full-width forms

// Punctuation that must not begin a line (Chinese typesetting's 避头点).
bool closes(unsigned int c) {
    for (unsigned int p : {0xFF0Cu, 0x3002u, 0x3001u, 0xFF1Bu, 0xFF1Au, 0xFF01u, 0xFF1Fu, 0xFF09u, 0x300Du, 0x300Fu, 0x3011u, 0x300Bu, 0x201Du})
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

bool slider_float(const char* label, float& value, float low, float high, const char* format, ImGuiSliderFlags flags,
                  const std::string& control) {
    return controls::named(control, ImGui::SliderFloat(label, &value, low, high, format, flags));
}

bool slider_int(const char* label, int& value, int low, int high, const std::string& control, const char* format,
                ImGuiSliderFlags flags) {
    return controls::named(control, ImGui::SliderInt(label, &value, low, high, format, flags));
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

}  // namespace tunelab::ui
