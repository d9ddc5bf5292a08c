#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <vector>

#include "tune/sobol.h"

using namespace tunelab::tune;

TEST_CASE("Sobol: the first points match the published sequence (Joe & Kuo, Gray-code order)") {
    // The first eight points in three dimensions, as tabulated by Joe & Kuo and printed by
    // scipy.stats.qmc.Sobol(d=3, scramble=False).
    const std::array<std::array<double, 3>, 8> expected = {{{0, 0, 0},
                                                            {0.5, 0.5, 0.5},
                                                            {0.75, 0.25, 0.25},
                                                            {0.25, 0.75, 0.75},
                                                            {0.375, 0.375, 0.625},
                                                            {0.875, 0.875, 0.125},
                                                            {0.625, 0.125, 0.875},
                                                            {0.125, 0.625, 0.375}}};
    Sobol sobol(3);
    std::vector<std::vector<double>> sequence = sobol.first(8);
    for (uint32_t i = 0; i < expected.size(); ++i) {
        std::vector<double> x = sobol.point(i);
        for (int j = 0; j < 3; ++j) CHECK(x[std::size_t(j)] == expected[i][std::size_t(j)]);
        CHECK(sequence[i] == x);
    }
}

TEST_CASE("Sobol: every dyadic box of a 2^k-point prefix holds one point in each coordinate") {
    // The (0, 1)-sequence property of each coordinate: points 0..2^k−1 hit each of the 2^k
    // intervals [j/2^k, (j+1)/2^k) exactly once — which also checks the higher direction numbers.
    Sobol sobol(Sobol::kMaxDimensions);
    for (int dim = 0; dim < Sobol::kMaxDimensions; ++dim) {
        std::vector<int> hits(64, 0);
        for (uint32_t i = 0; i < 64; ++i) ++hits[std::size_t(sobol.point(i)[std::size_t(dim)] * 64)];
        for (int h : hits) CHECK(h == 1);
    }
    CHECK_THROWS(Sobol(Sobol::kMaxDimensions + 1));
}

TEST_CASE("Halton: radical inverses in bases 2 and 3") {
    const double base2[] = {0, 1.0 / 2, 1.0 / 4, 3.0 / 4, 1.0 / 8, 5.0 / 8, 3.0 / 8};
    const double base3[] = {0, 1.0 / 3, 2.0 / 3, 1.0 / 9, 4.0 / 9, 7.0 / 9, 2.0 / 9};
    for (uint32_t i = 0; i < 7; ++i) {
        std::vector<double> x = halton_point(i, 2);
        CHECK(x[0] == doctest::Approx(base2[i]));
        CHECK(x[1] == doctest::Approx(base3[i]));
    }
}
