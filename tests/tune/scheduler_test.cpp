#include <doctest/doctest.h>

#include <cmath>

#include "core/stopwatch.h"
#include "tune/scheduler.h"

using namespace tunelab;
using namespace tunelab::tune;

namespace {

// A clock the test moves by hand: each simulated step advances it by the step's cost.
double g_now = 0;
double fake_clock() { return g_now; }

}  // namespace

TEST_CASE("stopwatch: measures on the clock it is given") {
    g_now = 100;
    Stopwatch watch(fake_clock);
    g_now = 112.5;
    CHECK(watch.elapsed_ms() == 12.5);
    CHECK(watch.elapsed_seconds() == doctest::Approx(0.0125));
    watch.restart();
    g_now = 113;
    CHECK(watch.elapsed_ms() == 0.5);
}

TEST_CASE("frame slice: the first step always runs, later ones only while their expected cost fits") {
    g_now = 0;
    FrameSlice slice(10, fake_clock);
    CHECK(slice.fits(50));  // a step larger than the whole budget still runs first
    CHECK(slice.run([] { g_now += 4; }) == 4);
    CHECK(slice.fits(6));   // 4 + 6 = 10: exactly fits
    CHECK_FALSE(slice.fits(6.5));
    slice.run([] { g_now += 6; });
    CHECK(slice.elapsed_ms() == 10);
    CHECK(slice.left_ms() == 0);
    CHECK_FALSE(slice.fits(0.1));
}

TEST_CASE("rate cost: prices a step by its size at a moving average of the time per unit") {
    RateCost cost;
    CHECK(cost.expected_ms(1e6) == 0);  // nothing learned yet: the slice's first step measures it
    cost.record(2, 1e6);                 // 2 ms per million FLOPs
    CHECK(cost.expected_ms(3e6) == doctest::Approx(6));
    cost.record(12, 1e6);  // one slow step (a garbage collection) moves it by a fifth of the difference
    CHECK(cost.expected_ms(1e6) == doctest::Approx(0.8 * 2 + 0.2 * 12));
    cost.record(5, 0);  // a step of no size teaches nothing
    CHECK(cost.expected_ms(1e6) == doctest::Approx(4));
}

TEST_CASE("peak cost: a costly step is expected again, and forgotten slowly") {
    PeakCost cost;
    cost.record(1);
    CHECK(cost.expected_ms() == 1);
    cost.record(20);  // fitting a GP
    CHECK(cost.expected_ms() == 20);
    cost.record(1);
    CHECK(cost.expected_ms() == doctest::Approx(18));
    for (int i = 0; i < 40; ++i) cost.record(1);
    CHECK(cost.expected_ms() < 1.5);
    CHECK(cost.expected_ms() >= 1);
}

TEST_CASE("frame slice with a rate cost: a large network takes fewer steps per frame instead of overrunning it") {
    // Steps of 2 ms for small batches and 5 ms for large ones (at 1 ms per million FLOPs).
    auto steps_in_frame = [](double step_flops, RateCost& cost) {
        FrameSlice slice(10, fake_clock);
        int steps = 0;
        while (steps < 100 && slice.fits(cost.expected_ms(step_flops))) {
            const double spent = slice.run([&] { g_now += step_flops / 1e6; });
            cost.record(spent, step_flops);
            steps++;
        }
        return std::pair{steps, slice.elapsed_ms()};
    };
    g_now = 0;
    RateCost cost;
    const auto [small, small_ms] = steps_in_frame(2e6, cost);
    CHECK(small == 5);
    CHECK(small_ms == 10);
    const auto [large, large_ms] = steps_in_frame(5e6, cost);
    CHECK(large == 2);
    CHECK(large_ms <= 10);
    const auto [huge, huge_ms] = steps_in_frame(30e6, cost);
    CHECK(huge == 1);  // over budget alone: it still runs, once
    CHECK(huge_ms == 30);
}

TEST_CASE("frame clock: seconds between ticks, a chosen first step, and nothing counted across a stop") {
    g_now = 1000;
    FrameClock clock(fake_clock);
    CHECK(clock.tick(1.0 / 60) == doctest::Approx(1.0 / 60));  // the first tick: no previous frame
    g_now = 1250;
    CHECK(clock.tick() == doctest::Approx(0.25));
    g_now = 1260;
    CHECK(clock.tick() == doctest::Approx(0.01));
    clock.stop();
    g_now = 9000;  // a long pause
    CHECK(clock.tick() == 0);
    g_now = 9100;
    CHECK(clock.tick() == doctest::Approx(0.1));
}

TEST_CASE("pace credit: whole steps by time, fractions carried, capped after a stall") {
    PaceCredit credit;
    int steps = 0;
    for (int frame = 0; frame < 60; ++frame) {  // 20 steps a second at 60 frames a second
        credit.accrue(20, 1.0 / 60, 5);
        steps += credit.take_all();
    }
    CHECK(std::abs(steps - 20) <= 1);
    credit.accrue(20, 10, 5);  // a ten-second stall releases only the cap
    CHECK(credit.take_all() == 5);
    CHECK(credit.steps < 1);
    credit.accrue(20, -1, 5);  // a clock that went back adds nothing
    CHECK(credit.take_all() == 0);

    PaceCredit rounds;
    CHECK_FALSE(rounds.take_one());
    rounds.accrue(4, 0.2, 1);  // 0.8 of a round
    CHECK_FALSE(rounds.take_one());
    rounds.accrue(4, 0.2, 1);  // capped at one round banked
    CHECK(rounds.steps == 1);
    CHECK(rounds.take_one());
    CHECK_FALSE(rounds.take_one());
}
