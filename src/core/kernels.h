#pragma once
// The matrix product a dense layer needs, on raw column-major float buffers, and a dot product.
// Eigen 3.4 has no WebAssembly SIMD path, and its native products sum in an order of their own, so
// TuneLab has its own kernels (kernels.cpp): one SIMD version for WebAssembly SIMD, SSE2, AVX2 and
// AVX-512 (the widest the CPU has, chosen at run time), and `scalar::`, the plain loops, which the
// web-scalar build uses and the tests compare against. All add in the same order, so native and web
// runs of one seed stay bit-for-bit the same.
//
//   forward        Z  = W · X + b    multiply(Z, W, units, inputs, X, 1, inputs, batch, b)
//   weight grad    dW = dZ · Xᵀ      multiply(dW, dZ, units, batch, X, inputs, 1, inputs)
//   input grad     dX = Wᵀ · dZ      multiply(dX, Wᵀ, inputs, units, dZ, 1, units, batch), with Wᵀ
//                                    copied out first so that its columns are contiguous too
#include <vector>

namespace tunelab::kernels {

// C (m×n) = A (m×k) · S (k×n), plus bias (m values, one per row) when given. A is column-major
// with leading dimension m; S is read through strides: S(p, c) = s[p·sp + c·sc] (so S may be a
// transposed view). Each entry of C starts at its bias (or 0) and adds the products over
// p = 0 … k−1 in order.
void multiply(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int n,
              const float* bias = nullptr);

// Σ x·y over m entries, summed in `kDotLanes` interleaved lanes (lane l takes entries l, l + 16,
// …), then the upper half of the lanes added to the lower until one is left, then the tail.
inline constexpr int kDotLanes = 16;
float dot(const float* x, const float* y, int m);

namespace scalar {
void multiply(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int n,
              const float* bias = nullptr);
float dot(const float* x, const float* y, int m);
}  // namespace scalar

// Which SIMD version multiply runs in this build on this CPU: "wasm-simd128", "sse2", "avx2",
// "avx512f", or "none" (the scalar loops).
const char* simd_name();

// Every SIMD version of multiply in this build that this CPU can run, so the tests can hold each
// one to the scalar twin's bits (none in the web-scalar build).
struct Version {
    const char* name;
    void (*multiply)(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int n, const float* bias);
};
std::vector<Version> versions();

// Runs f() compiled for the widest SIMD this CPU has: for element-wise loops (optimizers,
// activations), which the compiler vectorizes at that width. Element-wise results do not depend on
// the width, so these keep the web build's bits too. f must be a lambda (inlined into each version).
#if defined(__x86_64__) || defined(__i386__)
enum class Width { sse2, avx2, avx512f };
Width widest();
template <typename F>
[[gnu::target("avx512f"), gnu::flatten]] void run_avx512f(const F& f) { f(); }
template <typename F>
[[gnu::target("avx2"), gnu::flatten]] void run_avx2(const F& f) { f(); }
template <typename F>
[[gnu::flatten]] void run_sse2(const F& f) { f(); }
template <typename F>
void with_widest_simd(const F& f) {
    switch (widest()) {
        case Width::avx512f: run_avx512f(f); break;
        case Width::avx2: run_avx2(f); break;
        case Width::sse2: run_sse2(f); break;
    }
}
#else
template <typename F>
void with_widest_simd(const F& f) { f(); }
#endif

}  // namespace tunelab::kernels
