#pragma once
// The one frame scheduler. Work that runs beside drawing (the lab's training, the arena's race, the
// true landscape) is cut into steps, and a frame spends at most its budget on them: a step runs only
// while its expected cost still fits in what is left, so a slow step is foreseen instead of
// overrunning the frame. The first step of a slice always runs, so work goes on however slow a
// single step is.
//
// What a step is expected to cost is learned from the steps so far, in one of two ways:
//  - RateCost: a moving average of the time per unit of work, for steps whose size is known in
//    advance (the trainer foretells each step's FLOPs);
//  - PeakCost: recent peaks, slowly forgotten, for steps of one kind whose cost swings (a sampler's
//    steps alternate between fitting a GP and cheap ones; a frame is spoiled by underestimating,
//    not by overestimating).
//
// Work shown at a chosen speed (the lab's speeds, the arena's rounds per second) is paced by
// wall-clock time, not by frames, so what a learner watches does not depend on the frame rate:
// FrameClock measures the time between frames, PaceCredit turns it into whole steps due.
#include <algorithm>
#include <cmath>
#include <utility>

#include "core/stopwatch.h"

namespace tunelab::tune {

class FrameSlice {
public:
    explicit FrameSlice(double budget_ms, Clock clock = steady_ms) : watch_(clock), budget_ms_(budget_ms) {}

    // True when a step expected to take `expected_ms` still fits (always for the slice's first step).
    bool fits(double expected_ms) const { return !any_step_ || elapsed_ms() + expected_ms <= budget_ms_; }
    // Runs one step and returns the milliseconds it took.
    template <typename Step>
    double run(Step&& step) {
        const double before = elapsed_ms();
        std::forward<Step>(step)();
        any_step_ = true;
        return elapsed_ms() - before;
    }
    double elapsed_ms() const { return watch_.elapsed_ms(); }
    double left_ms() const { return budget_ms_ - elapsed_ms(); }

private:
    Stopwatch watch_;
    double budget_ms_;
    bool any_step_ = false;
};

// A step's cost as time per unit of work (ms per FLOP): the first measurement, then each new one
// weighted kWeight, so a few noisy steps (a page's garbage collection) do not swing it.
struct RateCost {
    static constexpr double kWeight = 0.2;
    double ms_per_unit = 0;  // 0 until the first step is measured

    double expected_ms(double units) const { return ms_per_unit * units; }
    void record(double ms, double units) {
        if (units <= 0) return;
        ms_per_unit = ms_per_unit == 0 ? ms / units : (1 - kWeight) * ms_per_unit + kWeight * ms / units;
    }
};

// A step's cost as its recent peak, decaying by kDecay per step: one costly step is expected again
// for a while, and forgotten over a few dozen cheap ones.
struct PeakCost {
    static constexpr double kDecay = 0.9;
    double ms = 0;

    double expected_ms() const { return ms; }
    void record(double spent_ms) { ms = std::max(spent_ms, kDecay * ms); }
};

// The seconds between one frame's tick and the next, on the one stopwatch clock.
class FrameClock {
public:
    explicit FrameClock(Clock clock = steady_ms) : clock_(clock) {}

    // Seconds since the previous tick; `first_s` on the first tick, and on the first after stop().
    double tick(double first_s = 0) {
        const double now = clock_();
        const double seconds = last_ms_ < 0 ? first_s : (now - last_ms_) / 1000;
        last_ms_ = now;
        return seconds;
    }
    // A pause: the time until the next tick is not counted.
    void stop() { last_ms_ = -1; }

private:
    Clock clock_;
    double last_ms_ = -1;
};

// Steps earned by time: `rate` steps a second accrue, fractions carried from frame to frame, and
// spent in whole steps.
struct PaceCredit {
    double steps = 0;

    // Adds `seconds` at `rate` steps per second, keeping at most `cap`, so a slow frame or a pause
    // never releases a burst.
    void accrue(double rate, double seconds, double cap) { steps = std::min(steps + rate * std::max(seconds, 0.0), cap); }
    // The whole steps due now, taken from the credit.
    int take_all() {
        const double due = std::floor(steps);
        steps -= due;
        return int(due);
    }
    // One step if a whole one has accrued.
    bool take_one() {
        if (steps < 1) return false;
        steps -= 1;
        return true;
    }
};

}  // namespace tunelab::tune
