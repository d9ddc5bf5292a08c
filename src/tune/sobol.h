#pragma once
// Low-discrepancy sequences: points that fill the unit cube evenly, so a few dozen trials cover
// the space better than random ones (no clumps, no holes).
#include <cstdint>
#include <vector>

namespace tunelab::tune {

// Sobol' sequence (Bratley & Fox's Gray-code construction) with Joe & Kuo's direction numbers
// (new-joe-kuo-6.21201). Point 0 is the origin, as in the published sequence.
class Sobol {
public:
    static constexpr int kMaxDimensions = 32;
    explicit Sobol(int dimensions);  // throws std::invalid_argument beyond kMaxDimensions
    std::vector<double> point(uint32_t index) const;
    // Points 0 .. count−1, each from the previous one by a single XOR per coordinate.
    std::vector<std::vector<double>> first(uint32_t count) const;

private:
    int dimensions_;
    std::vector<std::vector<uint32_t>> direction_;  // [dimension][bit], scaled to 32 bits
};

// Halton sequence: coordinate j is the radical inverse of the index in the j-th prime base.
// Point 0 is the origin (index 0), point 1 is (1/2, 1/3, 1/5, ...).
std::vector<double> halton_point(uint32_t index, int dimensions);

}  // namespace tunelab::tune
