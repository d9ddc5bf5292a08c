#include <doctest/doctest.h>

#include <cmath>

#include "tune/acquisition.h"

using namespace tunelab::tune;

TEST_CASE("Acquisition: EI, PI and the confidence bound at the standard normal's textbook values") {
    Acquisition ei{AcquisitionKind::expected_improvement, 0.0, 2.0};
    Acquisition pi{AcquisitionKind::probability_of_improvement, 0.0, 2.0};
    Acquisition cb{AcquisitionKind::confidence_bound, 0.0, 2.0};
    // μ = best, σ = 1: EI = φ(0) = 1/√(2π), PI = Φ(0) = ½, −LCB = −(μ − 2σ) = 2.
    CHECK(ei(0, 1, 0) == doctest::Approx(0.3989422804014327));
    CHECK(pi(0, 1, 0) == doctest::Approx(0.5));
    CHECK(cb(0, 1, 0) == doctest::Approx(2.0));
    // μ = 1, σ = 2, best = 0.5, ξ = 0.1: z = (0.5 − 0.1 − 1)/2 = −0.3, Φ(−0.3) = 0.382088578,
    // φ(−0.3) = 0.381387815: EI = −0.6 Φ(z) + 2 φ(z).
    ei.xi = pi.xi = 0.1;
    CHECK(ei(1, 2, 0.5) == doctest::Approx(-0.6 * 0.382088578 + 2 * 0.381387815).epsilon(1e-8));
    CHECK(pi(1, 2, 0.5) == doctest::Approx(0.382088578).epsilon(1e-8));
    cb.kappa = 0.5;
    CHECK(cb(1, 2, 0.5) == doctest::Approx(0.0));
}

TEST_CASE("Acquisition: EI equals E[max(0, best − ξ − f)] for f ~ N(μ, σ²), by quadrature") {
    Acquisition ei{AcquisitionKind::expected_improvement, 0.05, 2.0};
    for (double mean : {-1.0, 0.3, 2.0})
        for (double sd : {0.1, 0.7, 3.0}) {
            double integral = 0, h = sd * 1e-3;
            for (double f = mean - 12 * sd; f < mean + 12 * sd; f += h)
                integral += std::max(0.0, 0.5 - 0.05 - f) * normal_pdf((f - mean) / sd) / sd * h;
            CHECK(ei(mean, sd, 0.5) == doctest::Approx(integral).epsilon(1e-3));
        }
}

TEST_CASE("Acquisition: names parse and unknown names are refused") {
    CHECK(parse_acquisition("pi") == AcquisitionKind::probability_of_improvement);
    CHECK(parse_acquisition("lcb") == AcquisitionKind::confidence_bound);
    CHECK_FALSE(parse_acquisition("thompson"));
}
