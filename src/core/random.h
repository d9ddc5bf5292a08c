#pragma once
// TuneLab's one source of randomness. Every random draw in the project (data, shuffles,
// initialization, dropout, samplers) comes from here, never from std::*_distribution: those are
// implemented differently by libstdc++ (native) and libc++ (web), so the same seed would give
// different runs in the browser and on the desktop.
//
// PCG32 (O'Neill, "PCG: A Family of Simple Fast Space-Efficient Statistically Good Algorithms
// for Random Number Generation", 2014): 64-bit LCG state, 32-bit xorshift-rotate output.
#include <cmath>
#include <cstdint>
#include <numbers>
#include <span>
#include <utility>

namespace tunelab {

class Rng {
public:
    explicit Rng(uint64_t seed = 0x853c49e6748fea9bULL, uint64_t stream = 0xda3e39cb94b95bdbULL) {
        seed_stream(seed, stream);
    }

    void seed_stream(uint64_t seed, uint64_t stream) {
        state_ = 0;
        increment_ = (stream << 1u) | 1u;
        next_u32();
        state_ += seed;
        next_u32();
    }

    uint32_t next_u32() {
        uint64_t old = state_;
        state_ = old * 6364136223846793005ULL + increment_;
        auto xorshifted = static_cast<uint32_t>(((old >> 18u) ^ old) >> 27u);
        auto rot = static_cast<uint32_t>(old >> 59u);
        return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
    }

    uint64_t next_u64() { return (uint64_t(next_u32()) << 32) | next_u32(); }

    // Uniform in [0, 1) with 53 random bits: exact, so identical on every platform.
    double uniform() { return double(next_u64() >> 11) * 0x1.0p-53; }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }

    // Uniform integer in [0, bound) without modulo bias (Lemire's method).
    uint32_t below(uint32_t bound) {
        uint64_t m = uint64_t(next_u32()) * bound;
        auto low = static_cast<uint32_t>(m);
        if (low < bound) {
            uint32_t threshold = (0u - bound) % bound;
            while (low < threshold) {
                m = uint64_t(next_u32()) * bound;
                low = static_cast<uint32_t>(m);
            }
        }
        return static_cast<uint32_t>(m >> 32);
    }

    // Standard normal by Box-Muller. Uses log/sqrt/cos, whose last bit may differ between libms;
    // results agree across platforms to ~1e-15 relative, far below anything printed.
    double normal() {
        if (has_spare_) {
            has_spare_ = false;
            return spare_;
        }
        double u1 = 1.0 - uniform();  // (0, 1]: log never sees 0
        double u2 = uniform();
        double radius = std::sqrt(-2.0 * std::log(u1));
        double angle = 2.0 * std::numbers::pi * u2;
        spare_ = radius * std::sin(angle);
        has_spare_ = true;
        return radius * std::cos(angle);
    }
    double normal(double mean, double stddev) { return mean + stddev * normal(); }

    bool bernoulli(double p) { return uniform() < p; }

    // Fisher-Yates shuffle.
    template <typename T>
    void shuffle(std::span<T> items) {
        for (size_t i = items.size(); i > 1; --i) {
            size_t j = below(static_cast<uint32_t>(i));
            std::swap(items[i - 1], items[j]);
        }
    }

    // An independent generator for a sub-task (e.g. trial k of a study), so that adding draws in
    // one place does not shift every later random number elsewhere.
    Rng split(uint64_t stream_id) { return Rng(next_u64(), stream_id); }

private:
    uint64_t state_ = 0;
    uint64_t increment_ = 1;
    double spare_ = 0.0;
    bool has_spare_ = false;
};

}  // namespace tunelab
