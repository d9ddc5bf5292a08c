#pragma once
// exp, tanh, σ, log and log1p written in plain float arithmetic, for the activations' and losses'
// hot loops. Two reasons:
// libm's tanhf/expf are calls the compiler cannot vectorize (in the wasm build they were over half
// of a small network's training time), and each libm rounds its last bit its own way, while these
// give the same bits natively and in WebAssembly. Accuracy: a few float ulps (tests/core).
#include <cmath>
#include <cstdint>
#include <cstring>

namespace tunelab {

// std::bit_cast, which the web build's libc++ (clang 14) lacks; compilers turn this into a move.
template <typename To, typename From>
To reinterpret_bits(From from) {
    static_assert(sizeof(To) == sizeof(From));
    To to;
    std::memcpy(&to, &from, sizeof(To));
    return to;
}

// eˣ = 2ᵏ·eʳ with k = round(x/ln 2) and |r| ≤ ln2/2, eʳ by its Taylor series to r⁶ (error < 2e-7).
inline float exp_approx(float x) {
    // Keeps 2ᵏ a normal float. Comparisons rather than fmin/fmax: a NaN must stay NaN (so a
    // diverging run is seen as one), and a select vectorizes where a call to fminf does not.
    x = x < -87.0f ? -87.0f : x > 88.0f ? 88.0f : x;
    constexpr float round_magic = 12582912.0f;   // 1.5·2²³: adding it rounds to an integer
    const float shifted = x * 1.44269504f + round_magic;
    const float k = shifted - round_magic;
    const auto k_int = static_cast<int32_t>(reinterpret_bits<uint32_t>(shifted) - reinterpret_bits<uint32_t>(round_magic));
    const float r = (x - k * 0.693145752f) - k * 1.42860677e-6f;  // ln 2 split in two: exact k·hi
    float p = 1.0f / 720;
    p = p * r + 1.0f / 120;
    p = p * r + 1.0f / 24;
    p = p * r + 1.0f / 6;
    p = p * r + 0.5f;
    p = p * r + 1.0f;
    p = p * r + 1.0f;
    return p * reinterpret_bits<float>(static_cast<uint32_t>(k_int + 127) << 23);
}

// tanh x = 1 − 2/(e²ˣ + 1) for |x| ≥ 0.25; near 0 that difference would cancel, so its odd Taylor
// series x − x³/3 + 2x⁵/15 − 17x⁷/315 + 62x⁹/2835 is used instead (error < 1e-8 there).
inline float tanh_approx(float x) {
    const float a = std::fabs(x) > 10.0f ? 10.0f : std::fabs(x);  // tanh(10) is 1 in float; NaN stays
    const float a2 = a * a;
    const float series = a + a * a2 * (-1.0f / 3 + a2 * (2.0f / 15 + a2 * (-17.0f / 315 + a2 * (62.0f / 2835))));
    const float exponential = 1.0f - 2.0f / (exp_approx(2.0f * a) + 1.0f);
    return std::copysign(a < 0.25f ? series : exponential, x);
}

// log x for x > 0: x = 2ᵏ·m with m in [√½, √2), log m = 2·atanh(f/(2 + f)) with f = m − 1, by its
// series to s⁹ (|s| ≤ 0.172; error < 2 ulps). NaN and +∞ give NaN (a diverged run stays one).
inline float log_approx(float x) {
    constexpr uint32_t kSqrtHalf = 0x3f3504f3;  // the bits of √½: m's exponent is taken from there
    const uint32_t shifted = reinterpret_bits<uint32_t>(x) - kSqrtHalf;
    const auto k = static_cast<float>(static_cast<int32_t>(shifted) >> 23);
    const float m = reinterpret_bits<float>((shifted & 0x007fffffu) + kSqrtHalf);
    const float f = m - 1.0f;
    const float s = f / (2.0f + f);
    const float s2 = s * s;
    const float tail = s2 * (2.0f / 3 + s2 * (2.0f / 5 + s2 * (2.0f / 7 + s2 * (2.0f / 9))));
    return (2.0f * s + s * tail) + k * 0.693147182f + (x - x);
}

// log(1 + e) for e ≥ 0, exact where 1 + e rounds to 1: log(u)·e/(u − 1) with u = 1 + e corrects the
// rounding of u (Goldberg's trick; error < 4 ulps). The losses' softplus term.
inline float log1p_approx(float e) {
    const float u = 1.0f + e;
    return u == 1.0f ? e : log_approx(u) * (e / (u - 1.0f));
}

// σ(z) = 1/(1 + e⁻ᶻ), written as eᶻ/(1 + eᶻ) for z < 0 so exp never overflows.
inline float sigmoid_approx(float z) {
    const float e = exp_approx(-std::fabs(z));
    const float small_side = e / (1.0f + e);  // σ(−|z|)
    return z >= 0 ? 1.0f - small_side : small_side;
}

}  // namespace tunelab
