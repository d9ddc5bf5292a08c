#include "ui/widgets/touch.h"

#include <imgui_internal.h>  // windows, their scroll limits and parents; ClearActiveID

#include <cmath>

namespace tunelab::ui::touch {
namespace {

// A finger wanders a few pixels while it taps; beyond this it drags.
constexpr float kSlopPixels = 8.0f;

struct Finger {
    bool down = false;
    bool pressing = false;   // ImGui sees this finger as the mouse (a tap, or a drag across a slider)
    bool scrolling = false;  // the finger scrolls the windows under it; ImGui sees no mouse
    ImVec2 start, last;
    ImGuiID window = 0;      // the innermost window under the finger when it went down
};
Finger g_finger;

ImGuiWindow* scroll_window() { return g_finger.window ? ImGui::FindWindowByID(g_finger.window) : nullptr; }

// Whether the window, or a window around it, can scroll along the axis (0: x, 1: y).
bool can_scroll(const ImGuiWindow* window, int axis) {
    for (const ImGuiWindow* w = window; w; w = (w->Flags & ImGuiWindowFlags_ChildWindow) ? w->ParentWindow : nullptr)
        if ((axis == 0 ? w->ScrollMax.x : w->ScrollMax.y) > 0 && !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse)) return true;
    return false;
}

// Moves the content with the finger by `delta`: the innermost window takes what it can, the window
// around it the rest. Several moves may arrive before the next frame applies them, so each starts
// from the scroll already asked for.
void scroll_by(ImGuiWindow* window, ImVec2 delta) {
    for (ImGuiWindow* w = window; w && (delta.x != 0 || delta.y != 0);
         w = (w->Flags & ImGuiWindowFlags_ChildWindow) ? w->ParentWindow : nullptr) {
        if (w->Flags & ImGuiWindowFlags_NoScrollWithMouse) continue;
        for (int axis = 0; axis < 2; ++axis) {
            float& d = axis == 0 ? delta.x : delta.y;
            const float max = axis == 0 ? w->ScrollMax.x : w->ScrollMax.y;
            if (d == 0 || max <= 0) continue;
            const float target = axis == 0 ? w->ScrollTarget.x : w->ScrollTarget.y;
            const float current = target < FLT_MAX ? target : (axis == 0 ? w->Scroll.x : w->Scroll.y);
            const float next = ImClamp(current - d, 0.0f, max);
            if (axis == 0) ImGui::SetScrollX(w, next);
            else ImGui::SetScrollY(w, next);
            d -= current - next;
        }
    }
}

}  // namespace

ImGuiWindow* window_under(ImVec2 point) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int i = g.Windows.Size - 1; i >= 0; --i) {
        ImGuiWindow* w = g.Windows[i];
        if (!w->WasActive || w->Hidden || (w->Flags & ImGuiWindowFlags_NoMouseInputs)) continue;
        if (w->OuterRectClipped.Contains(point)) return w;
    }
    return nullptr;
}

Decision finger_down(ImVec2 position) {
    const ImGuiWindow* window = window_under(position);
    g_finger = Finger{true, false, false, position, position, window ? window->ID : 0};
    return {Decision::drop, position};  // decided when the finger moves or lifts
}

Decision finger_move(ImVec2 position) {
    if (!g_finger.down) return {Decision::forward, g_finger.start};
    const ImVec2 step(position.x - g_finger.last.x, position.y - g_finger.last.y);
    g_finger.last = position;
    if (g_finger.scrolling) {
        scroll_by(scroll_window(), step);
        return {Decision::drop, g_finger.start};
    }
    if (g_finger.pressing) return {Decision::forward, g_finger.start};
    const ImVec2 moved(position.x - g_finger.start.x, position.y - g_finger.start.y);
    if (std::fabs(moved.x) <= kSlopPixels && std::fabs(moved.y) <= kSlopPixels) return {Decision::drop, g_finger.start};
    const int axis = std::fabs(moved.y) >= std::fabs(moved.x) ? 1 : 0;
    if (can_scroll(scroll_window(), axis)) {
        g_finger.scrolling = true;
        ImGui::ClearActiveID();
        scroll_by(scroll_window(), axis == 1 ? ImVec2(0, moved.y) : ImVec2(moved.x, 0));
        return {Decision::drop, g_finger.start};
    }
    g_finger.pressing = true;  // a drag across something that does not scroll: a slider, a plot
    return {Decision::press_then_forward, g_finger.start};
}

Decision finger_up() {
    const Finger finger = g_finger;
    g_finger = Finger{};
    if (finger.scrolling || !finger.down) return {Decision::drop, finger.start};
    return {finger.pressing ? Decision::forward : Decision::press_then_forward, finger.start};  // a tap when not pressing yet
}

bool scrolling() { return g_finger.scrolling; }

}  // namespace tunelab::ui::touch
