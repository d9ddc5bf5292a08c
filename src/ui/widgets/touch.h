#pragma once
// Finger drags that scroll. Dear ImGui 1.86 knows only a mouse: a finger that drags over a window
// would press whatever lies under it and scroll nothing. The platform hands the finger's mouse events
// (SDL synthesizes them from touches) here first: a drag that leaves its starting point by more than
// a few pixels along an axis the windows under it can scroll becomes a scroll of those windows (the
// innermost first, what it cannot take goes to the window around it, as a browser chains scrolling),
// and ImGui stops seeing that finger. A tap, or a drag across a slider, stays a mouse press.
#include <imgui.h>

struct ImGuiWindow;

namespace tunelab::ui::touch {

// What the platform does with a finger's mouse event.
struct Decision {
    enum Kind {
        drop,                // ImGui does not see it (the finger scrolls, or has not yet chosen)
        forward,             // ImGui sees it as it is
        press_then_forward,  // ImGui first sees the button pressed at `press_at`, then this event
    } kind = drop;
    ImVec2 press_at;
};

// The finger's events, in ImGui's units (window coordinates). The press waits until the finger
// lifts (a tap) or drags along an axis nothing under it scrolls (a slider): a swipe that starts
// on a slider or a button scrolls without touching it.
Decision finger_down(ImVec2 position);
Decision finger_move(ImVec2 position);
Decision finger_up();
// True while a finger drag is scrolling: the platform then shows ImGui no mouse at all.
bool scrolling();

// The topmost window under a point, as ImGui picks it for the mouse (last frame's order).
ImGuiWindow* window_under(ImVec2 point);

}  // namespace tunelab::ui::touch
