#include <doctest/doctest.h>

#include <cmath>

#include "core/fastmath.h"

using namespace tunelab;

TEST_CASE("fastmath: exp, tanh and sigmoid agree with the C library to a few float ulps") {
    double worst_exp = 0, worst_tanh = 0, worst_sigmoid = 0;
    for (int i = -40000; i <= 40000; ++i) {
        const float x = i * 0.0005f;  // [−20, 20], dense near 0 where tanh switches formulas
        const double e = std::exp(double(x)), t = std::tanh(double(x)), s = 1 / (1 + std::exp(-double(x)));
        worst_exp = std::max(worst_exp, std::abs(exp_approx(x) - e) / e);
        worst_tanh = std::max(worst_tanh, std::abs(tanh_approx(x) - t));
        worst_sigmoid = std::max(worst_sigmoid, std::abs(sigmoid_approx(x) - s));
    }
    CHECK(worst_exp < 5e-7);
    CHECK(worst_tanh < 3e-7);
    CHECK(worst_sigmoid < 2e-7);
    CHECK(exp_approx(-200.0f) >= 0.0f);
    CHECK(std::isfinite(exp_approx(200.0f)));
    CHECK(tanh_approx(50.0f) == 1.0f);
    CHECK(tanh_approx(-50.0f) == -1.0f);
    CHECK(tanh_approx(0.0f) == 0.0f);
    CHECK(sigmoid_approx(-200.0f) >= 0.0f);
    CHECK(sigmoid_approx(200.0f) == 1.0f);
    // NaN goes through, so that a diverging run shows as NaN instead of a saturated unit.
    CHECK(std::isnan(exp_approx(NAN)));
    CHECK(std::isnan(tanh_approx(NAN)));
    CHECK(std::isnan(sigmoid_approx(NAN)));
}

TEST_CASE("fastmath: log and log1p agree with the C library to a few float ulps") {
    // Ulps of the correctly rounded result, from tiny to huge and densely around 1.
    const auto ulps = [](float got, double exact) {
        const float rounded = static_cast<float>(exact);
        return std::abs(got - exact) / std::abs(std::nextafter(rounded, INFINITY) - rounded);
    };
    double worst_log = 0, worst_log1p = 0;
    for (float x = 1e-30f; x < 1e30f; x *= 1.0003f) worst_log = std::max(worst_log, ulps(log_approx(x), std::log(double(x))));
    for (float x = 0.5f; x < 2.0f; x += 1e-5f) worst_log = std::max(worst_log, ulps(log_approx(x), std::log(double(x))));
    for (float e = 1e-30f; e <= 1.0f; e *= 1.0003f) worst_log1p = std::max(worst_log1p, ulps(log1p_approx(e), std::log1p(double(e))));
    CHECK(worst_log < 2.5);
    CHECK(worst_log1p < 4);
    CHECK(log_approx(1.0f) == 0.0f);
    CHECK(log1p_approx(0.0f) == 0.0f);
    CHECK(log1p_approx(1e-20f) == 1e-20f);
    CHECK(std::isnan(log_approx(NAN)));
    CHECK(std::isnan(log_approx(INFINITY)));
    CHECK(std::isnan(log1p_approx(NAN)));
}
