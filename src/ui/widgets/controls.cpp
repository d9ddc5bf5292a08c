#include "ui/widgets/controls.h"

#include <imgui.h>
#include <imgui_internal.h>  // the last item's rectangles, windows' clip rectangles and display order

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "ui/widgets/touch.h"

namespace tunelab::ui::controls {
namespace {

struct Entry {
    ImRect rect;       // what a press hits (a slider's or combo's frame, without its label)
    ImRect visible;    // the part of it inside its window and every window around it
    ImRect scroller;   // the visible part of the window that scrolls it: where a wheel or swipe moves it
    ImGuiID window = 0;
    int frame = -1;    // ImGui's frame count when it was last drawn
    std::string section;  // the Section it was last drawn in ("": none)
};

struct Highlight {
    std::string name;
    double seconds = 0;   // 0: until the control is used
    double shown_at = -1; // ImGui time of the first frame it was drawn in, -1 before
};

// One registry for the one ImGui context the app draws into.
std::map<std::string, Entry, std::less<>> g_controls;
Highlight g_highlight;
std::string g_section;  // the Section being drawn ("": none)

// A window's visible inner area: its own clip rectangle cut by every window it is nested in.
ImRect visible_area(const ImGuiWindow* window) {
    ImRect clip = window->InnerClipRect;
    for (const ImGuiWindow* w = window; (w->Flags & ImGuiWindowFlags_ChildWindow) && w->ParentWindow; w = w->ParentWindow)
        clip.ClipWithFull(w->ParentWindow->InnerClipRect);
    return clip;
}

// The window a wheel or a swipe over the item scrolls: its own, or when that cannot scroll (a
// picture's child window that fits its content), the nearest around it that can, as the wheel and
// touch::scroll_by pass a scroll outwards.
const ImGuiWindow* scrolling_window(const ImGuiWindow* window) {
    for (const ImGuiWindow* w = window; w; w = (w->Flags & ImGuiWindowFlags_ChildWindow) ? w->ParentWindow : nullptr)
        if ((w->ScrollMax.x > 0 || w->ScrollMax.y > 0) && !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse)) return w;
    return window;
}

json::Value rect_json(const ImRect& r) {
    return json::Object{{"x", double(r.Min.x)}, {"y", double(r.Min.y)}, {"w", double(r.GetWidth())}, {"h", double(r.GetHeight())}};
}

// An obvious frame around the highlighted control: a thick orange border whose glow pulses.
void draw_highlight(const Entry& entry) {
    if (entry.visible.GetWidth() <= 0 || entry.visible.GetHeight() <= 0) return;
    const float pulse = 0.5f + 0.5f * std::sin(float(ImGui::GetTime()) * 2 * IM_PI * 1.2f);
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    ImRect clip = entry.visible;
    clip.Expand(8);
    draw->PushClipRect(clip.Min, clip.Max);
    ImRect frame = entry.rect;
    frame.Expand(3 + 2 * pulse);
    draw->AddRect(frame.Min, frame.Max, IM_COL32(255, 150, 0, int(90 + 110 * pulse)), 6, 0, 6);
    frame = entry.rect;
    frame.Expand(2);
    draw->AddRect(frame.Min, frame.Max, IM_COL32(230, 90, 0, 255), 5, 0, 2.5f);
    draw->PopClipRect();
}

}  // namespace

void name_item(std::string_view name) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiWindow* window = g.CurrentWindow;
    auto found = g_controls.find(name);
    if (found == g_controls.end()) found = g_controls.emplace(std::string(name), Entry{}).first;
    Entry& entry = found->second;
    entry.rect = g.LastItemData.NavRect;
    entry.visible = entry.rect;
    entry.visible.ClipWithFull(visible_area(window));
    entry.scroller = visible_area(scrolling_window(window));
    entry.window = window->ID;
    entry.frame = ImGui::GetFrameCount();
    if (entry.section != g_section) entry.section = g_section;

    if (g_highlight.name != name) return;
    if (g_highlight.shown_at < 0) {
        g_highlight.shown_at = ImGui::GetTime();
        ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleCenterY);  // also scrolls the windows around it
    }
    const bool used = ImGui::IsItemActivated();
    const bool expired = g_highlight.seconds > 0 && ImGui::GetTime() - g_highlight.shown_at > g_highlight.seconds;
    if (used || expired) clear_highlight();
    else draw_highlight(entry);
}

Section::Section(std::string_view name, const char* label, ImGuiTreeNodeFlags flags) {
    // A highlight not yet shown whose control was last drawn in this section: open it.
    if (!g_highlight.name.empty() && g_highlight.shown_at < 0) {
        const auto found = g_controls.find(g_highlight.name);
        if (found != g_controls.end() && found->second.section == name) ImGui::SetNextItemOpen(true);
    }
    open_ = ImGui::CollapsingHeader(label, flags);
    name_item(name);
    if (open_) g_section = name;
}

Section::~Section() {
    if (open_) g_section.clear();
}

void highlight(std::string_view name, double seconds) { g_highlight = Highlight{std::string(name), std::max(seconds, 0.0), -1}; }
void clear_highlight() { g_highlight = Highlight{}; }
std::string_view highlighted() { return g_highlight.name; }

namespace {

json::Value list_controls(AppState&, const hook::Request&) {
    json::Array names;
    for (const auto& [name, entry] : g_controls)
        if (entry.frame == ImGui::GetFrameCount()) names.push_back(name);
    return json::Object{{"names", std::move(names)}};
}

const std::string& control_name(const hook::Request& request) {
    const json::Value* name = request.find("name");
    if (!name || !name->is_string()) throw hook::Refusal("\"name\" must be a control's name, e.g. \"lab.lr\"");
    return name->as_string();
}

json::Value highlight_control(AppState&, const hook::Request& request) {
    const std::string& name = control_name(request);
    const std::optional<double> seconds = request.number("seconds", "\"seconds\" must be a number");
    highlight(name, seconds.value_or(0));
    return json::Object{{"ok", true}, {"known", g_controls.count(name) > 0}};
}

json::Value control(AppState&, const hook::Request& request) {
    const std::string& name = control_name(request);
    const int last_frame = ImGui::GetFrameCount();
    const auto found = g_controls.find(name);
    if (found == g_controls.end()) throw hook::Refusal("no control named '" + name + "' has been drawn");
    const Entry& entry = found->second;
    if (entry.frame != last_frame)
        throw hook::Refusal("'" + name + "' is not drawn now (last drawn " + std::to_string(last_frame - entry.frame) + " frames ago)");
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    json::Value out = json::Object{{"name", name},
                                   {"rect", rect_json(entry.rect)},
                                   {"visible", rect_json(entry.visible)},
                                   {"scroller", rect_json(entry.scroller)},
                                   {"display", json::Object{{"w", double(display.x)}, {"h", double(display.y)}}}};
    const bool on_screen = entry.visible.GetWidth() > 0 && entry.visible.GetHeight() > 0;
    out["fully_visible"] = on_screen && entry.visible.GetWidth() >= entry.rect.GetWidth() - 0.5f &&
                           entry.visible.GetHeight() >= entry.rect.GetHeight() - 0.5f;
    // Another window in front of the control's centre (a popup, the lesson card) takes the press.
    if (on_screen) {
        const ImGuiWindow* own = ImGui::FindWindowByID(entry.window);
        const ImGuiWindow* top = touch::window_under(entry.visible.GetCenter());
        if (own && top && top->RootWindow != own->RootWindow) out["covered_by"] = std::string(top->Name);
    }
    return out;
}

constexpr hook::Command kCommands[] = {
    {"ui.control", control},
    {"ui.controls", list_controls},
    {"ui.highlight", highlight_control},
    {"ui.clear_highlight", [](AppState&, const hook::Request&) { clear_highlight(); return hook::ok(); }},
};

}  // namespace

std::span<const hook::Command> commands() { return kCommands; }

}  // namespace tunelab::ui::controls
