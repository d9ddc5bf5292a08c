#pragma once
// The matrix product a dense layer needs, on raw column-major float buffers. Eigen 3.4 has no
// WebAssembly SIMD path, so the web build uses a hand-written wasm_simd128 version (kernels.cpp);
// `scalar::` holds the plain loops, which the other builds use and the tests compare against. Both
// add in the same order, so native and web runs of one seed stay bit-for-bit the same.
//
//   forward        Z  = W · X        multiply(Z, W, units, inputs, X, 1, inputs, batch)
//   weight grad    dW = dZ · Xᵀ      multiply(dW, dZ, units, batch, X, inputs, 1, inputs)
//   input grad     dX = Wᵀ · dZ      multiply(dX, Wᵀ, inputs, units, dZ, 1, units, batch), with Wᵀ
//                                    copied out first so that its columns are contiguous too
namespace tunelab::kernels {

// C (m×n) = A (m×k) · S (k×n), or C += A·S when accumulate. A is column-major with leading
// dimension m; S is read through strides: S(p, c) = s[p·sp + c·sc] (so S may be a transposed view).
// Each entry of C is summed over p = 0 … k−1 in order.
void multiply(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int n,
              bool accumulate = false);

// Σ x·y over m entries, summed in four interleaved lanes, then those pairwise, then the tail.
float dot(const float* x, const float* y, int m);

namespace scalar {
void multiply(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int n,
              bool accumulate = false);
float dot(const float* x, const float* y, int m);
}  // namespace scalar

// True when multiply and dot run the SIMD versions in this build.
bool simd_enabled();

}  // namespace tunelab::kernels
