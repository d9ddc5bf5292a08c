#include "tune/sobol.h"

#include <bit>
#include <stdexcept>
#include <string>

namespace tunelab::tune {

namespace {

// Joe & Kuo's table for dimensions 2..32: degree s of the primitive polynomial, its coefficients a,
// and the initial direction numbers m_1..m_s. (Dimension 1 is the van der Corput sequence.)
struct DirectionRow {
    int s;
    uint32_t a;
    uint32_t m[8];
};
constexpr DirectionRow kJoeKuo[] = {
    {1, 0, {1}}, {2, 1, {1, 3}}, {3, 1, {1, 3, 1}}, {3, 2, {1, 1, 1}}, {4, 1, {1, 1, 3, 3}},
    {4, 4, {1, 3, 5, 13}}, {5, 2, {1, 1, 5, 5, 17}}, {5, 4, {1, 1, 5, 5, 5}},
    {5, 7, {1, 1, 7, 11, 19}}, {5, 11, {1, 1, 5, 1, 1}}, {5, 13, {1, 1, 1, 3, 11}},
    {5, 14, {1, 3, 5, 5, 31}}, {6, 1, {1, 3, 3, 9, 7, 49}}, {6, 13, {1, 1, 1, 15, 21, 21}},
    {6, 16, {1, 3, 1, 13, 27, 49}}, {6, 19, {1, 1, 1, 15, 7, 5}}, {6, 22, {1, 3, 1, 15, 13, 25}},
    {6, 25, {1, 1, 5, 5, 19, 61}}, {7, 1, {1, 3, 7, 11, 23, 15, 103}},
    {7, 4, {1, 3, 7, 13, 13, 15, 69}}, {7, 7, {1, 1, 3, 13, 7, 35, 63}},
    {7, 8, {1, 3, 5, 9, 1, 25, 53}}, {7, 14, {1, 3, 1, 13, 9, 35, 107}},
    {7, 19, {1, 3, 1, 5, 27, 61, 31}}, {7, 21, {1, 1, 5, 11, 19, 41, 61}},
    {7, 28, {1, 3, 5, 3, 3, 13, 69}}, {7, 31, {1, 1, 7, 13, 1, 19, 1}},
    {7, 32, {1, 3, 7, 5, 13, 19, 59}}, {7, 37, {1, 1, 3, 9, 25, 29, 41}},
    {7, 41, {1, 3, 5, 13, 23, 1, 55}}, {7, 42, {1, 3, 7, 3, 13, 59, 17}},
};
static_assert(sizeof kJoeKuo / sizeof kJoeKuo[0] == Sobol::kMaxDimensions - 1);

constexpr int kBits = 32;

}  // namespace

Sobol::Sobol(int dimensions) : dimensions_(dimensions) {
    if (dimensions < 1 || dimensions > kMaxDimensions)
        throw std::invalid_argument("Sobol sequence supports 1 to " + std::to_string(kMaxDimensions) +
                                    " dimensions, not " + std::to_string(dimensions));
    direction_.assign(size_t(dimensions), std::vector<uint32_t>(kBits));
    for (int bit = 0; bit < kBits; ++bit) direction_[0][size_t(bit)] = 1u << (31 - bit);
    for (int j = 1; j < dimensions; ++j) {
        const DirectionRow& row = kJoeKuo[j - 1];
        auto& v = direction_[size_t(j)];
        for (int i = 0; i < row.s; ++i) v[size_t(i)] = row.m[i] << (31 - i);
        // v_i = a_1 v_{i-1} ^ ... ^ a_{s-1} v_{i-s+1} ^ v_{i-s} ^ (v_{i-s} >> s)
        for (int i = row.s; i < kBits; ++i) {
            uint32_t x = v[size_t(i - row.s)] ^ (v[size_t(i - row.s)] >> row.s);
            for (int k = 1; k < row.s; ++k)
                if ((row.a >> (row.s - 1 - k)) & 1u) x ^= v[size_t(i - k)];
            v[size_t(i)] = x;
        }
    }
}

std::vector<double> Sobol::point(uint32_t index) const {
    // Gray-code order: x_n is the XOR of the direction numbers of the bits set in n ^ (n >> 1).
    uint32_t gray = index ^ (index >> 1);
    std::vector<double> x(static_cast<size_t>(dimensions_));
    for (int j = 0; j < dimensions_; ++j) {
        uint32_t bits = 0;
        for (int b = 0; b < kBits; ++b)
            if ((gray >> b) & 1u) bits ^= direction_[size_t(j)][size_t(b)];
        x[size_t(j)] = double(bits) * 0x1.0p-32;
    }
    return x;
}

std::vector<std::vector<double>> Sobol::first(uint32_t count) const {
    std::vector<std::vector<double>> points;
    std::vector<uint32_t> bits(size_t(dimensions_), 0);
    for (uint32_t n = 0; n < count; ++n) {
        std::vector<double> x(static_cast<size_t>(dimensions_));
        for (int j = 0; j < dimensions_; ++j) x[size_t(j)] = double(bits[size_t(j)]) * 0x1.0p-32;
        points.push_back(std::move(x));
        // Gray code n → n+1 flips the bit at the position of n's lowest zero bit.
        int flip = std::countr_one(n);
        for (int j = 0; j < dimensions_; ++j) bits[size_t(j)] ^= direction_[size_t(j)][size_t(flip)];
    }
    return points;
}

std::vector<double> halton_point(uint32_t index, int dimensions) {
    static constexpr uint32_t kPrimes[] = {2,  3,  5,  7,  11, 13, 17, 19, 23, 29, 31,
                                           37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79,
                                           83, 89, 97, 101, 103, 107, 109, 113, 127, 131};
    if (dimensions < 1 || dimensions > int(std::size(kPrimes)))
        throw std::invalid_argument("Halton sequence supports 1 to 32 dimensions");
    std::vector<double> x(static_cast<size_t>(dimensions));
    for (int j = 0; j < dimensions; ++j) {
        uint32_t base = kPrimes[j], n = index;
        double scale = 1.0, value = 0.0;
        while (n > 0) {
            scale /= base;
            value += scale * double(n % base);
            n /= base;
        }
        x[size_t(j)] = value;
    }
    return x;
}

}  // namespace tunelab::tune
