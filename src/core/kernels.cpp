#include "core/kernels.h"

#include <algorithm>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace tunelab::kernels {

namespace scalar {

void multiply(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int n,
              bool accumulate) {
    for (int col = 0; col < n; ++col) {
        float* out = c + size_t(col) * m;
        if (!accumulate) std::fill(out, out + m, 0.0f);
        for (int p = 0; p < k; ++p) {  // out += A[:, p] · S(p, col)
            const float* a_col = a + size_t(p) * m;
            const float factor = s[size_t(p) * sp + size_t(col) * sc];
            for (int i = 0; i < m; ++i) out[i] += a_col[i] * factor;
        }
    }
}

// Sums in four interleaved lanes, added pairwise at the end, then the m mod 4 tail: exactly the
// order of the SIMD version, so both builds produce the same bits and the same training run.
float dot(const float* x, const float* y, int m) {
    float lane[4] = {0, 0, 0, 0};
    int i = 0;
    for (; i + 4 <= m; i += 4)
        for (int l = 0; l < 4; ++l) lane[l] += x[i + l] * y[i + l];
    float sum = (lane[0] + lane[1]) + (lane[2] + lane[3]);
    for (; i < m; ++i) sum += x[i] * y[i];
    return sum;
}

void multiply_transposed(float* c, const float* a, int m, int k, const float* b, int n) {
    for (int j = 0; j < n; ++j)
        for (int q = 0; q < k; ++q) c[q + size_t(j) * k] = dot(a + size_t(q) * m, b + size_t(j) * m, m);
}

}  // namespace scalar

#ifdef __wasm_simd128__

namespace {

// Rows [row, row + 4·Vecs) of `Cols` adjacent output columns starting at `col`, kept in registers
// while the k products are summed: each load of A's 4·Vecs floats serves Cols columns.
template <int Cols, int Vecs>
void multiply_block(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int col,
                    int row, bool accumulate) {
    v128_t acc[Cols][Vecs];
    for (int j = 0; j < Cols; ++j)
        for (int v = 0; v < Vecs; ++v)
            acc[j][v] = accumulate ? wasm_v128_load(c + size_t(col + j) * m + row + 4 * v)
                                   : wasm_f32x4_splat(0.0f);
    for (int p = 0; p < k; ++p) {
        const float* a_col = a + size_t(p) * m + row;
        v128_t a_vec[Vecs];
        for (int v = 0; v < Vecs; ++v) a_vec[v] = wasm_v128_load(a_col + 4 * v);
        for (int j = 0; j < Cols; ++j) {
            v128_t factor = wasm_f32x4_splat(s[size_t(p) * sp + size_t(col + j) * sc]);
            for (int v = 0; v < Vecs; ++v)
                acc[j][v] = wasm_f32x4_add(acc[j][v], wasm_f32x4_mul(a_vec[v], factor));
        }
    }
    for (int j = 0; j < Cols; ++j)
        for (int v = 0; v < Vecs; ++v) wasm_v128_store(c + size_t(col + j) * m + row + 4 * v, acc[j][v]);
}

template <int Cols>
void multiply_columns(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int col,
                      bool accumulate) {
    int row = 0;
    for (; row + 16 <= m; row += 16) multiply_block<Cols, 4>(c, a, m, k, s, sp, sc, col, row, accumulate);
    for (; row + 4 <= m; row += 4) multiply_block<Cols, 1>(c, a, m, k, s, sp, sc, col, row, accumulate);
    for (; row < m; ++row)  // the last m mod 4 rows, one at a time
        for (int j = 0; j < Cols; ++j) {
            float sum = accumulate ? c[size_t(col + j) * m + row] : 0.0f;
            for (int p = 0; p < k; ++p) sum += a[size_t(p) * m + row] * s[size_t(p) * sp + size_t(col + j) * sc];
            c[size_t(col + j) * m + row] = sum;
        }
}

float horizontal_sum(v128_t v) {
    return (wasm_f32x4_extract_lane(v, 0) + wasm_f32x4_extract_lane(v, 1)) +
           (wasm_f32x4_extract_lane(v, 2) + wasm_f32x4_extract_lane(v, 3));
}

}  // namespace

float dot(const float* x, const float* y, int m) {
    v128_t lanes = wasm_f32x4_splat(0.0f);
    int i = 0;
    for (; i + 4 <= m; i += 4) lanes = wasm_f32x4_add(lanes, wasm_f32x4_mul(wasm_v128_load(x + i), wasm_v128_load(y + i)));
    float sum = horizontal_sum(lanes);
    for (; i < m; ++i) sum += x[i] * y[i];
    return sum;
}

namespace {

// Dot products of columns q, q+1 of A with columns j, j+1 of B: four sums sharing the loads.
void dot_block(float* c, const float* a, int m, int k, const float* b, int q, int j) {
    const float* a0 = a + size_t(q) * m;
    const float* a1 = a0 + m;
    const float* b0 = b + size_t(j) * m;
    const float* b1 = b0 + m;
    v128_t s00 = wasm_f32x4_splat(0.0f), s01 = s00, s10 = s00, s11 = s00;
    int i = 0;
    for (; i + 4 <= m; i += 4) {
        v128_t x0 = wasm_v128_load(a0 + i), x1 = wasm_v128_load(a1 + i);
        v128_t y0 = wasm_v128_load(b0 + i), y1 = wasm_v128_load(b1 + i);
        s00 = wasm_f32x4_add(s00, wasm_f32x4_mul(x0, y0));
        s01 = wasm_f32x4_add(s01, wasm_f32x4_mul(x0, y1));
        s10 = wasm_f32x4_add(s10, wasm_f32x4_mul(x1, y0));
        s11 = wasm_f32x4_add(s11, wasm_f32x4_mul(x1, y1));
    }
    float d00 = horizontal_sum(s00), d01 = horizontal_sum(s01), d10 = horizontal_sum(s10),
          d11 = horizontal_sum(s11);
    for (; i < m; ++i) {
        d00 += a0[i] * b0[i];
        d01 += a0[i] * b1[i];
        d10 += a1[i] * b0[i];
        d11 += a1[i] * b1[i];
    }
    c[q + size_t(j) * k] = d00;
    c[q + size_t(j + 1) * k] = d01;
    c[q + 1 + size_t(j) * k] = d10;
    c[q + 1 + size_t(j + 1) * k] = d11;
}

}  // namespace

void multiply(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int n,
              bool accumulate) {
    int col = 0;
    for (; col + 2 <= n; col += 2) multiply_columns<2>(c, a, m, k, s, sp, sc, col, accumulate);
    for (; col < n; ++col) multiply_columns<1>(c, a, m, k, s, sp, sc, col, accumulate);
}

void multiply_transposed(float* c, const float* a, int m, int k, const float* b, int n) {
    if (m < 4) {  // no full vector: the scalar loops add in the same order, without the set-up
        scalar::multiply_transposed(c, a, m, k, b, n);
        return;
    }
    const int k_even = k & ~1, n_even = n & ~1;
    for (int j = 0; j < n_even; j += 2)
        for (int q = 0; q < k_even; q += 2) dot_block(c, a, m, k, b, q, j);
    // An odd last row or column of C: one dot product at a time.
    for (int j = 0; j < n; ++j)
        for (int q = (j < n_even ? k_even : 0); q < k; ++q)
            c[q + size_t(j) * k] = scalar::dot(a + size_t(q) * m, b + size_t(j) * m, m);
}

bool simd_enabled() { return true; }

#else

void multiply(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int n,
              bool accumulate) {
    scalar::multiply(c, a, m, k, s, sp, sc, n, accumulate);
}

void multiply_transposed(float* c, const float* a, int m, int k, const float* b, int n) {
    scalar::multiply_transposed(c, a, m, k, b, n);
}

float dot(const float* x, const float* y, int m) { return scalar::dot(x, y, m); }

bool simd_enabled() { return false; }

#endif

}  // namespace tunelab::kernels
