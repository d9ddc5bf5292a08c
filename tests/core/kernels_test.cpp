// The matrix kernels (SIMD in the web build) against Eigen's products and against their scalar
// twins, over shapes that exercise every remainder path (odd rows, columns and depths).
#include <doctest/doctest.h>

#include <Eigen/Core>

#include "core/kernels.h"
#include "core/random.h"

using namespace tunelab;

namespace {

Eigen::MatrixXf random_matrix(int rows, int cols, Rng& rng) {
    Eigen::MatrixXf m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = static_cast<float>(rng.uniform(-1, 1));
    return m;
}

}  // namespace

TEST_CASE("kernels: multiply, its transposed view and multiply_transposed match Eigen") {
    Rng rng(17);
    const int sizes[] = {1, 2, 3, 4, 5, 8, 13, 16, 17, 33, 64};
    for (int m : sizes)
        for (int k : {1, 3, 8, 19})
            for (int n : {1, 2, 5, 10, 32}) {
                INFO("m=" << m << " k=" << k << " n=" << n);
                Eigen::MatrixXf a = random_matrix(m, k, rng), s = random_matrix(k, n, rng);
                Eigen::MatrixXf st = s.transpose();  // n × k, read as S through strides
                Eigen::MatrixXf expected = a * s, start = random_matrix(m, n, rng);
                Eigen::MatrixXf c(m, n), c_scalar(m, n), c_transposed(m, n);
                kernels::multiply(c.data(), a.data(), m, k, s.data(), 1, k, n);
                kernels::scalar::multiply(c_scalar.data(), a.data(), m, k, s.data(), 1, k, n);
                kernels::multiply(c_transposed.data(), a.data(), m, k, st.data(), n, 1, n);
                CHECK((c - expected).cwiseAbs().maxCoeff() < 1e-4f);
                CHECK((c_scalar - expected).cwiseAbs().maxCoeff() < 1e-4f);
                CHECK((c_transposed - expected).cwiseAbs().maxCoeff() < 1e-4f);

                Eigen::MatrixXf accumulated = start;
                kernels::multiply(accumulated.data(), a.data(), m, k, s.data(), 1, k, n, true);
                CHECK((accumulated - (start + expected)).cwiseAbs().maxCoeff() < 1e-4f);

                Eigen::MatrixXf b = random_matrix(m, n, rng);
                Eigen::MatrixXf expected_t = a.transpose() * b, d(k, n), d_scalar(k, n);
                kernels::multiply_transposed(d.data(), a.data(), m, k, b.data(), n);
                kernels::scalar::multiply_transposed(d_scalar.data(), a.data(), m, k, b.data(), n);
                CHECK((d - expected_t).cwiseAbs().maxCoeff() < 1e-4f);
                CHECK((d_scalar - expected_t).cwiseAbs().maxCoeff() < 1e-4f);
            }
}

TEST_CASE("kernels: the SIMD and scalar versions add in the same order, to the same bits") {
    // Same bits, not just close: this is what keeps a seed's run identical natively and in wasm.
    Rng rng(23);
    for (int m : {1, 3, 4, 7, 8, 30, 64, 129}) {
        Eigen::MatrixXf a = random_matrix(m, 6, rng), b = random_matrix(m, 5, rng), s = random_matrix(6, 5, rng);
        Eigen::MatrixXf t(6, 5), t_scalar(6, 5), c(m, 5), c_scalar(m, 5);
        kernels::multiply_transposed(t.data(), a.data(), m, 6, b.data(), 5);
        kernels::scalar::multiply_transposed(t_scalar.data(), a.data(), m, 6, b.data(), 5);
        CHECK(t == t_scalar);
        kernels::multiply(c.data(), a.data(), m, 6, s.data(), 1, 6, 5);
        kernels::scalar::multiply(c_scalar.data(), a.data(), m, 6, s.data(), 1, 6, 5);
        CHECK(c == c_scalar);
        CHECK(kernels::dot(a.data(), b.data(), m) == kernels::scalar::dot(a.data(), b.data(), m));
        CHECK(kernels::dot(a.data(), b.data(), m) == doctest::Approx(a.col(0).dot(b.col(0))).epsilon(1e-5));
    }
}
