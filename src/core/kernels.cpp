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

// The order of the SIMD version's lanes, so both builds produce the same bits.
float dot(const float* x, const float* y, int m) {
    float lane[4] = {0, 0, 0, 0};
    int i = 0;
    for (; i + 4 <= m; i += 4)
        for (int l = 0; l < 4; ++l) lane[l] += x[i + l] * y[i + l];
    float sum = (lane[0] + lane[1]) + (lane[2] + lane[3]);
    for (; i < m; ++i) sum += x[i] * y[i];
    return sum;
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
    for (; i + 4 <= m; i += 4)
        lanes = wasm_f32x4_add(lanes, wasm_f32x4_mul(wasm_v128_load(x + i), wasm_v128_load(y + i)));
    float sum = horizontal_sum(lanes);
    for (; i < m; ++i) sum += x[i] * y[i];
    return sum;
}

void multiply(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int n,
              bool accumulate) {
    int col = 0;
    for (; col + 2 <= n; col += 2) multiply_columns<2>(c, a, m, k, s, sp, sc, col, accumulate);
    for (; col < n; ++col) multiply_columns<1>(c, a, m, k, s, sp, sc, col, accumulate);
}

bool simd_enabled() { return true; }

#else

void multiply(float* c, const float* a, int m, int k, const float* s, int sp, int sc, int n,
              bool accumulate) {
    scalar::multiply(c, a, m, k, s, sp, sc, n, accumulate);
}

float dot(const float* x, const float* y, int m) { return scalar::dot(x, y, m); }

bool simd_enabled() { return false; }

#endif

}  // namespace tunelab::kernels
