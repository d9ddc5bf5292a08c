#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

#include "core/schedule.h"

using namespace tunelab;

TEST_CASE("schedules: each formula at chosen times") {
    LrSchedule s;
    s.lr = 0.1;
    const double T = 100;
    s.kind = ScheduleKind::constant;
    CHECK(learning_rate(s, 73, T) == doctest::Approx(0.1));
    s.kind = ScheduleKind::linear;  // lr·(1 − t/T)
    CHECK(learning_rate(s, 25, T) == doctest::Approx(0.075));
    s.kind = ScheduleKind::polynomial;  // lr·(1 − t/T)^β
    s.power = 2;
    CHECK(learning_rate(s, 50, T) == doctest::Approx(0.025));
    s.power = 0.5;
    CHECK(learning_rate(s, 75, T) == doctest::Approx(0.05));
    s.kind = ScheduleKind::step;  // lr·γ^⌊t/step⌋
    s.step_epochs = 10;
    s.gamma = 0.5;
    CHECK(learning_rate(s, 9.9, T) == doctest::Approx(0.1));
    CHECK(learning_rate(s, 25, T) == doctest::Approx(0.025));
    s.kind = ScheduleKind::exponential;  // lr·γ^t
    s.gamma = 0.9;
    CHECK(learning_rate(s, 3, T) == doctest::Approx(0.1 * 0.729));
    s.kind = ScheduleKind::cosine;  // lr·½(1 + cos(πt/T))
    CHECK(learning_rate(s, 50, T) == doctest::Approx(0.05));
    CHECK(learning_rate(s, 0, T) == doctest::Approx(0.1));
}

TEST_CASE("schedules: a warm-up ramps linearly, then the schedule starts from its beginning") {
    LrSchedule s;
    s.lr = 0.2;
    s.kind = ScheduleKind::cosine;
    s.warmup_epochs = 10;
    CHECK(learning_rate(s, 0, 110) == doctest::Approx(0.0));
    CHECK(learning_rate(s, 5, 110) == doctest::Approx(0.1));
    CHECK(learning_rate(s, 10, 110) == doctest::Approx(0.2));
    CHECK(learning_rate(s, 60, 110) == doctest::Approx(0.1));  // half-way through the cosine's 100
}

TEST_CASE("schedules: a preview samples the same function the trainer reads") {
    LrSchedule s;
    s.kind = ScheduleKind::step;
    s.lr = 1;
    s.gamma = 0.1;
    s.step_epochs = 5;
    auto curve = sample_schedule(s, 20, 40);
    REQUIRE(curve.size() == 40);
    for (int i = 0; i < 40; ++i) CHECK(curve[i] == learning_rate(s, 20.0 * i / 40, 20));
    CHECK(curve.front() == doctest::Approx(1.0));
    CHECK(curve.back() == doctest::Approx(0.001));
}

TEST_CASE("schedules: batch size grows or decays per epoch within [1, training size]") {
    BatchSchedule b{8, 2.0};
    CHECK(batch_size(b, 0, 100) == 8);
    CHECK(batch_size(b, 2, 100) == 32);
    CHECK(batch_size(b, 5, 100) == 100);
    BatchSchedule shrink{8, 0.5};
    CHECK(batch_size(shrink, 1, 100) == 4);
    CHECK(batch_size(shrink, 10, 100) == 1);
}
