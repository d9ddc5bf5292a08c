#include <doctest/doctest.h>

#include <cmath>

#include "core/random.h"
#include "tune/warping.h"

using namespace tunelab::tune;

namespace {

// Sample skewness: E[(x − μ)³] / σ³.
double skewness(const Eigen::VectorXd& x) {
    const double m = x.mean(), sd = std::sqrt((x.array() - m).square().mean());
    return (x.array() - m).cube().mean() / (sd * sd * sd);
}

Eigen::VectorXd warped(const PowerTransform& t, const Eigen::VectorXd& y) {
    return y.unaryExpr([&](double v) { return t(v); });
}

}  // namespace

TEST_CASE("Warping: log-normal losses get Box-Cox with λ near 0 (the log), and look normal after it") {
    tunelab::Rng rng(3);
    Eigen::VectorXd y(200);
    for (Eigen::Index i = 0; i < y.size(); ++i) y(i) = std::exp(2.0 * rng.normal());  // six orders of magnitude
    const PowerTransform t = PowerTransform::fit(y);
    CHECK(t.kind == PowerTransform::Kind::box_cox);
    CHECK(std::abs(t.lambda) < 0.1);
    CHECK(skewness(y) > 5);
    CHECK(std::abs(skewness(warped(t, y))) < 0.3);
}

TEST_CASE("Warping: losses with negative values get Yeo-Johnson; normal ones stay nearly as they are") {
    tunelab::Rng rng(4);
    Eigen::VectorXd skewed(200), normal(200);
    for (Eigen::Index i = 0; i < 200; ++i) {
        skewed(i) = std::exp(rng.normal()) - 2;  // right-skewed, some negative
        normal(i) = rng.normal();
    }
    const PowerTransform t = PowerTransform::fit(skewed);
    CHECK(t.kind == PowerTransform::Kind::yeo_johnson);
    CHECK(t.lambda < 1);  // compresses the long right tail
    CHECK(std::abs(skewness(warped(t, skewed))) < std::abs(skewness(skewed)) / 2);
    CHECK(PowerTransform::fit(normal).lambda == doctest::Approx(1).epsilon(0.25));
}

TEST_CASE("Warping: monotone, inverted exactly, and the identity where nothing can be fitted") {
    Eigen::VectorXd positive(5), mixed(5);
    positive << 0.01, 0.3, 2, 40, 900;
    mixed << -3, -0.5, 0, 2, 80;
    for (const Eigen::VectorXd& y : {positive, mixed}) {
        const PowerTransform t = PowerTransform::fit(y);
        for (Eigen::Index i = 0; i + 1 < y.size(); ++i) CHECK(t(y(i)) < t(y(i + 1)));
        for (double v : y) CHECK(t.inverse(t(v)) == doctest::Approx(v).epsilon(1e-9));
    }
    Eigen::VectorXd constant = Eigen::VectorXd::Constant(4, 2.0);
    CHECK(PowerTransform::fit(constant).kind == PowerTransform::Kind::identity);
    CHECK(PowerTransform::fit(Eigen::VectorXd::Ones(2)).kind == PowerTransform::Kind::identity);
}
