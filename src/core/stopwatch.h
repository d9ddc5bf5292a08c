#pragma once
// The one way TuneLab measures how long something took: a stopwatch on a monotonic clock. The clock
// is a plain function so that tests can drive time themselves (tests/tune/scheduler_test.cpp).
#include <chrono>

namespace tunelab {

using Clock = double (*)();  // milliseconds since an arbitrary, fixed start

// std::chrono::steady_clock in milliseconds: never goes back, unlike the wall clock.
inline double steady_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

class Stopwatch {
public:
    explicit Stopwatch(Clock clock = steady_ms) : clock_(clock), start_(clock()) {}
    double elapsed_ms() const { return clock_() - start_; }
    double elapsed_seconds() const { return elapsed_ms() / 1000; }
    void restart() { start_ = clock_(); }

private:
    Clock clock_;
    double start_;
};

}  // namespace tunelab
