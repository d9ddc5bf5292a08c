#include "core/kernels.h"

#include <algorithm>

namespace tunelab::kernels {

namespace scalar {

void multiply(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int n,
              const float* bias) {
    for (int col = 0; col < n; ++col) {
        float* out = c + size_t(col) * m;
        for (int i = 0; i < m; ++i) out[i] = bias ? bias[i] : 0.0f;
        for (int p = 0; p < k; ++p) {  // out += A[:, p] · S(p, col)
            const float* a_col = a + size_t(p) * m;
            const float factor = s[size_t(p) * sp + size_t(col) * sc];
            for (int i = 0; i < m; ++i) out[i] += a_col[i] * factor;
        }
    }
}

// The order of the SIMD version's lanes, so every build produces the same bits.
float dot(const float* x, const float* y, int m) {
    float lane[kDotLanes] = {};
    int i = 0;
    for (; i + kDotLanes <= m; i += kDotLanes)
        for (int l = 0; l < kDotLanes; ++l) lane[l] += x[i + l] * y[i + l];
    for (int width = kDotLanes / 2; width >= 1; width /= 2)  // halves added pairwise
        for (int l = 0; l < width; ++l) lane[l] = lane[l] + lane[l + width];
    float sum = lane[0];
    for (; i < m; ++i) sum += x[i] * y[i];
    return sum;
}

}  // namespace scalar

namespace {

// The SIMD versions are written once, over the compilers' generic vectors (GCC's and clang's
// vector_size extension), and instantiated for each width: 4 lanes for WebAssembly SIMD and SSE2,
// 8 for AVX2, 16 for AVX-512. Each output element is one scalar sum over p = 0 … k−1 whatever the
// width (the lanes run across rows, never along a sum), so every width gives the scalar twin's bits.
typedef float V4 __attribute__((vector_size(16)));
#if defined(__x86_64__) || defined(__i386__)
typedef float V8 __attribute__((vector_size(32)));
typedef float V16 __attribute__((vector_size(64)));
#endif

template <typename V>
constexpr int kLanes = sizeof(V) / sizeof(float);

// Vectors are loaded and stored at any float's address (rows start anywhere) through `At<V>`, a
// type that may alias float. (Not through helper functions: passing a vector wider than the
// default target's by value changes the ABI, and GCC says so.)
template <size_t Bytes>
struct Unaligned {
    typedef float type __attribute__((vector_size(Bytes), aligned(4), may_alias));
};
template <typename V>
using At = typename Unaligned<sizeof(V)>::type;

// Rows [row, row + lanes·Vecs) of `Cols` adjacent output columns starting at `col`, kept in
// registers while the k products are summed: each load of A's rows serves Cols columns.
template <typename V, int Cols, int Vecs>
[[gnu::always_inline]] inline void multiply_block(float* c, const float* a, int m, int k, const float* s,
                                                  int sp, int sc, int col, int row, const float* bias) {
    constexpr int L = kLanes<V>;
    V acc[Cols][Vecs];
    for (int j = 0; j < Cols; ++j)
        for (int v = 0; v < Vecs; ++v) acc[j][v] = bias ? *reinterpret_cast<const At<V>*>(bias + row + L * v) : V{};
    for (int p = 0; p < k; ++p) {
        V a_vec[Vecs];
        for (int v = 0; v < Vecs; ++v) a_vec[v] = *reinterpret_cast<const At<V>*>(a + size_t(p) * m + row + L * v);
        for (int j = 0; j < Cols; ++j) {
            const float factor = s[size_t(p) * sp + size_t(col + j) * sc];
            for (int v = 0; v < Vecs; ++v) acc[j][v] += a_vec[v] * factor;
        }
    }
    for (int j = 0; j < Cols; ++j)
        for (int v = 0; v < Vecs; ++v) *reinterpret_cast<At<V>*>(c + size_t(col + j) * m + row + L * v) = acc[j][v];
}

template <typename V, int Cols>
[[gnu::always_inline]] inline void multiply_columns(float* c, const float* a, int m, int k, const float* s,
                                                    int sp, int sc, int col, const float* bias) {
    constexpr int L = kLanes<V>;
    int row = 0;
    for (; row + 4 * L <= m; row += 4 * L) multiply_block<V, Cols, 4>(c, a, m, k, s, sp, sc, col, row, bias);
    for (; row + L <= m; row += L) multiply_block<V, Cols, 1>(c, a, m, k, s, sp, sc, col, row, bias);
    if constexpr (L > 4)
        for (; row + 4 <= m; row += 4) multiply_block<V4, Cols, 1>(c, a, m, k, s, sp, sc, col, row, bias);
    for (; row < m; ++row)  // the last m mod 4 rows, one at a time
        for (int j = 0; j < Cols; ++j) {
            float sum = bias ? bias[row] : 0.0f;
            for (int p = 0; p < k; ++p) sum += a[size_t(p) * m + row] * s[size_t(p) * sp + size_t(col + j) * sc];
            c[size_t(col + j) * m + row] = sum;
        }
}

template <typename V>
[[gnu::always_inline]] inline void multiply_simd(float* c, const float* a, int m, int k, const float* s, int sp,
                                                 int sc, int n, const float* bias) {
    int col = 0;
    if constexpr (kLanes<V> == 16)  // AVX-512's 32 registers hold four columns' sums (16) and A's rows (4)
        for (; col + 4 <= n; col += 4) multiply_columns<V, 4>(c, a, m, k, s, sp, sc, col, bias);
    for (; col + 2 <= n; col += 2) multiply_columns<V, 2>(c, a, m, k, s, sp, sc, col, bias);
    for (; col < n; ++col) multiply_columns<V, 1>(c, a, m, k, s, sp, sc, col, bias);
}

static_assert(kDotLanes % kLanes<V4> == 0, "dot's lanes are whole vectors of four");

[[gnu::always_inline]] inline float dot_simd(const float* x, const float* y, int m) {
    constexpr int Vecs = kDotLanes / kLanes<V4>;
    V4 acc[Vecs] = {};
    int i = 0;
    for (; i + kDotLanes <= m; i += kDotLanes)
        for (int v = 0; v < Vecs; ++v) 
            acc[v] += *reinterpret_cast<const At<V4>*>(x + i + 4 * v) * *reinterpret_cast<const At<V4>*>(y + i + 4 * v);
    for (int width = Vecs / 2; width >= 1; width /= 2)  // halves added pairwise, as scalar::dot
        for (int v = 0; v < width; ++v) acc[v] = acc[v] + acc[v + width];
    float sum = (acc[0][0] + acc[0][2]) + (acc[0][1] + acc[0][3]);
    for (; i < m; ++i) sum += x[i] * y[i];
    return sum;
}

}  // namespace

#if defined(__wasm_simd128__)

void multiply(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int n, const float* bias) {
    multiply_simd<V4>(c, a, m, k, s, sp, sc, n, bias);
}
float dot(const float* x, const float* y, int m) { return dot_simd(x, y, m); }
const char* simd_name() { return "wasm-simd128"; }
std::vector<Version> versions() { return {{"wasm-simd128", multiply}}; }

#elif defined(__x86_64__) || defined(__i386__)

// One binary for every x86 machine: SSE2 is always there, AVX2 and AVX-512 are used when the CPU
// has them (chosen once, at start-up). None of these targets lets the compiler fuse a multiply and
// an add (the build sets -ffp-contract=off, and FMA is not among the AVX2 target's features), so
// every product is rounded before it is added, as in the web build.
namespace {

void multiply_sse2(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int n, const float* bias) {
    multiply_simd<V4>(c, a, m, k, s, sp, sc, n, bias);
}
[[gnu::target("avx2")]] void multiply_avx2(float* c, const float* a, int m, int k, const float* s, int sp, int sc,
                                           int n, const float* bias) {
    multiply_simd<V8>(c, a, m, k, s, sp, sc, n, bias);
}
[[gnu::target("avx512f")]] void multiply_avx512(float* c, const float* a, int m, int k, const float* s, int sp,
                                                int sc, int n, const float* bias) {
    multiply_simd<V16>(c, a, m, k, s, sp, sc, n, bias);
}

Width choose_width() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") ? Width::avx512f
           : __builtin_cpu_supports("avx2") ? Width::avx2
                                            : Width::sse2;
}

const Width chosen_width = choose_width();
const Version chosen = chosen_width == Width::avx512f ? Version{"avx512f", multiply_avx512}
                       : chosen_width == Width::avx2  ? Version{"avx2", multiply_avx2}
                                                      : Version{"sse2", multiply_sse2};

}  // namespace

Width widest() { return chosen_width; }

void multiply(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int n, const float* bias) {
    chosen.multiply(c, a, m, k, s, sp, sc, n, bias);
}
float dot(const float* x, const float* y, int m) { return dot_simd(x, y, m); }
const char* simd_name() { return chosen.name; }
std::vector<Version> versions() {
    std::vector<Version> runnable = {{"sse2", multiply_sse2}};
    if (__builtin_cpu_supports("avx2")) runnable.push_back({"avx2", multiply_avx2});
    if (__builtin_cpu_supports("avx512f")) runnable.push_back({"avx512f", multiply_avx512});
    return runnable;
}

#else

void multiply(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int n, const float* bias) {
    scalar::multiply(c, a, m, k, s, sp, sc, n, bias);
}
float dot(const float* x, const float* y, int m) { return scalar::dot(x, y, m); }
const char* simd_name() { return "none"; }
std::vector<Version> versions() { return {}; }

#endif

}  // namespace tunelab::kernels
