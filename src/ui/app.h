#pragma once
// The whole interface as one plain struct plus the functions that draw it and answer the test hook.
// The platform layer (src/app) owns the window and the main loop; it fills in FrameStats each frame.
#include <algorithm>
#include <array>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string_view>

#include "core/json.h"
#include "ui/i18n.h"
#include "ui/arena/arena.h"
#include "ui/lab/lab.h"
#include "ui/lessons/lessons.h"
#include "ui/session.h"
#include "ui/widgets/widgets.h"

namespace tunelab::ui {

struct FrameStats {
    uint64_t frames = 0;         // frames drawn so far
    double fps = 0.0;            // ImGui's running average
    double frame_cpu_ms = 0.0;   // CPU time of the last frame: UI + any work sliced into it
    double first_frame_ms = -1;  // from page navigation (web) or process start (desktop) to the first frame
    std::array<float, 120> recent_cpu_ms{};   // the last 120 frames' CPU times, a ring
    std::array<float, 120> recent_work_ms{};  // and the training / race share of each (work_in_frame)

    void record(double cpu_ms, double work_ms) {
        frame_cpu_ms = cpu_ms;
        recent_cpu_ms[frames % recent_cpu_ms.size()] = float(cpu_ms);
        recent_work_ms[frames % recent_work_ms.size()] = float(work_ms);
        frames++;
    }
    size_t recent_count() const { return std::min<size_t>(frames, recent_cpu_ms.size()); }
    double recent_mean_ms() const {
        size_t n = recent_count();
        return n ? std::accumulate(recent_cpu_ms.begin(), recent_cpu_ms.begin() + long(n), 0.0) / double(n) : 0.0;
    }
    double recent_max_ms() const {
        size_t n = recent_count();
        return n ? *std::max_element(recent_cpu_ms.begin(), recent_cpu_ms.begin() + long(n)) : 0.0;
    }
};

enum class Page { lab, arena, lessons };

}  // namespace tunelab::ui

namespace tunelab {
template <>
inline constexpr std::array<std::string_view, 3> enum_names<ui::Page> = {"lab", "arena", "lessons"};
}  // namespace tunelab

namespace tunelab::ui {

struct AppState {
    Translator tr;
    FrameStats stats;
    Page page = Page::lab;
    std::optional<Page> page_requested;  // switch tabs on the next frame (hook, lessons)
    LabState lab;
    ArenaState arena;
    LessonState lessons;
    SessionState session;  // sharing, saving, export (session.h)
    SideCard card;         // the lesson card's place beside the page (widgets.h)
    bool first_run = false;        // no saved session and no link: the header offers Lesson 1
    bool show_frame_time = false;  // developer data in the header (the Share / Save / Export menu's toggle)
};

void apply_style();

// The interface's language for a system locale ("zh-CN", "zh_TW.UTF-8" → Chinese; anything else,
// or nothing, → English): a first visit follows the browser (navigator.language) or $LANG.
Language language_for_locale(std::string_view locale);

// Draws every window for this frame.
void draw_app(AppState& app);
// Trains the lab's runs or advances the arena's race (whichever page is shown: the learner watches
// what trains) in what is left of the frame once it has been drawn and rendered, `frame_ms` so far.
// Returns the milliseconds it took.
double work_in_frame(AppState& app, double frame_ms);

// The automation hook behind Module.tunelab.call() on the web: a JSON request such as
// {"cmd":"status"} or {"cmd":"set_language","language":"en"} and a JSON answer; a bad request is
// answered with {"error": "..."} and changes nothing.
json::Value handle_command(AppState& app, const json::Value& request);

}  // namespace tunelab::ui
