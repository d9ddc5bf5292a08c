#pragma once
// The two matrix products a dense layer needs, on raw column-major float buffers. Eigen 3.4 has no
// WebAssembly SIMD path, so the web build uses hand-written wasm_simd128 versions (kernels.cpp);
// `scalar::` holds the plain loops, which the other builds use and the tests compare against. Both
// add in the same order, so native and web runs of one seed stay bit-for-bit the same.
//
//   forward        Z  = W · X        multiply(Z, W, units, inputs, X, 1, inputs, batch)
//   weight grad    dW = dZ · Xᵀ      multiply(dW, dZ, units, batch, X, inputs, 1, inputs)
//   input grad     dX = Wᵀ · dZ      multiply_transposed(dX, W, units, inputs, dZ, batch)
namespace tunelab::kernels {

// C (m×n) = A (m×k) · S (k×n), or C += A·S when accumulate. A is column-major with leading
// dimension m; S is read through strides: S(p, c) = s[p·sp + c·sc] (so S may be a transposed view).
void multiply(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int n,
              bool accumulate = false);

// C (k×n) = Aᵀ · B, with A (m×k) and B (m×n) column-major with leading dimension m: each entry is
// a dot product of two contiguous columns.
void multiply_transposed(float* c, const float* a, int m, int k, const float* b, int n);

namespace scalar {
float dot(const float* x, const float* y, int m);
void multiply(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int n,
              bool accumulate = false);
void multiply_transposed(float* c, const float* a, int m, int k, const float* b, int n);
}  // namespace scalar

// Σ x·y over m entries, summed in four interleaved lanes (as multiply_transposed does).
float dot(const float* x, const float* y, int m);

// True when multiply/multiply_transposed run the SIMD versions in this build.
bool simd_enabled();

}  // namespace tunelab::kernels
