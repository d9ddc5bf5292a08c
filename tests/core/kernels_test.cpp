// The matrix kernels (SIMD in the web build) against Eigen's products and against their scalar
// twins, over shapes that exercise every remainder path (odd rows, columns and depths).
#include <doctest/doctest.h>

#include <Eigen/Core>
#include <string>

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

TEST_CASE("kernels: multiply, with A·S, with S read as a transposed view and with a bias, matches Eigen") {
    Rng rng(17);
    const int sizes[] = {1, 2, 3, 4, 5, 8, 13, 16, 17, 33, 64};
    for (int m : sizes)
        for (int k : {1, 3, 8, 19})
            for (int n : {1, 2, 5, 10, 32}) {
                INFO("m=" << m << " k=" << k << " n=" << n);
                Eigen::MatrixXf a = random_matrix(m, k, rng), s = random_matrix(k, n, rng);
                Eigen::MatrixXf st = s.transpose();  // n × k, read as S through strides
                Eigen::MatrixXf expected = a * s;
                Eigen::MatrixXf c(m, n), c_scalar(m, n), c_transposed(m, n);
                kernels::multiply(c.data(), a.data(), m, k, s.data(), 1, k, n);
                kernels::scalar::multiply(c_scalar.data(), a.data(), m, k, s.data(), 1, k, n);
                kernels::multiply(c_transposed.data(), a.data(), m, k, st.data(), n, 1, n);
                CHECK((c - expected).cwiseAbs().maxCoeff() < 1e-4f);
                CHECK((c_scalar - expected).cwiseAbs().maxCoeff() < 1e-4f);
                CHECK((c_transposed - expected).cwiseAbs().maxCoeff() < 1e-4f);

                Eigen::VectorXf bias = random_matrix(m, 1, rng);
                Eigen::MatrixXf biased(m, n);
                kernels::multiply(biased.data(), a.data(), m, k, s.data(), 1, k, n, bias.data());
                CHECK((biased - ((a * s).colwise() + bias)).cwiseAbs().maxCoeff() < 1e-4f);
            }
}

TEST_CASE("kernels: every SIMD version adds in the scalar order, to the same bits") {
    // Same bits, not just close: this is what keeps a seed's run identical natively and in wasm.
    // Rows and columns cover each version's blocks (4·lanes rows, then lanes, then 4, then single
    // rows; pairs of columns, then one), both ways of reading S, with and without a bias.
    Rng rng(23);
    for (const kernels::Version& version : kernels::versions())
        for (int m : {1, 3, 4, 7, 8, 10, 16, 30, 64, 65, 100, 129})
            for (int n : {1, 2, 5}) {
                INFO(version.name << " m=" << m << " n=" << n);
                Eigen::MatrixXf a = random_matrix(m, 6, rng), s = random_matrix(6, n, rng), st = s.transpose();
                Eigen::VectorXf bias = random_matrix(m, 1, rng);
                Eigen::MatrixXf c(m, n), c_scalar(m, n), c_transposed(m, n), c_scalar_transposed(m, n);
                version.multiply(c.data(), a.data(), m, 6, s.data(), 1, 6, n, nullptr);
                kernels::scalar::multiply(c_scalar.data(), a.data(), m, 6, s.data(), 1, 6, n);
                CHECK(c == c_scalar);
                version.multiply(c_transposed.data(), a.data(), m, 6, st.data(), n, 1, n, bias.data());
                kernels::scalar::multiply(c_scalar_transposed.data(), a.data(), m, 6, st.data(), n, 1, n, bias.data());
                CHECK(c_transposed == c_scalar_transposed);
            }
    for (int m : {1, 3, 4, 7, 8, 15, 16, 17, 30, 64, 129, 1000}) {
        Eigen::VectorXf x = random_matrix(m, 1, rng), y = random_matrix(m, 1, rng);
        CHECK(kernels::dot(x.data(), y.data(), m) == kernels::scalar::dot(x.data(), y.data(), m));
        CHECK(kernels::dot(x.data(), y.data(), m) == doctest::Approx(x.dot(y)).epsilon(1e-5));
    }
}

TEST_CASE("kernels: the build runs the widest SIMD version it has") {
    const std::vector<kernels::Version> versions = kernels::versions();
    INFO("running " << kernels::simd_name());
    if (versions.empty()) CHECK(std::string(kernels::simd_name()) == "none");
    else CHECK(std::string(kernels::simd_name()) == versions.back().name);
}
