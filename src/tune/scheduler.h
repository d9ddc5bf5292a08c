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
#include <algorithm>
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

}  // namespace tunelab::tune
