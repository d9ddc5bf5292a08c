#include <doctest/doctest.h>

#include <cmath>

#include "tune/gp.h"

using namespace tunelab::tune;

namespace {

// Matérn-5/2 written out from its definition, independently of gp.cpp.
double matern(double r) { return (1 + std::sqrt(5.0) * r + 5.0 * r * r / 3.0) * std::exp(-std::sqrt(5.0) * r); }

}  // namespace

TEST_CASE("GP: posterior of a 2-point data set matches the hand computation") {
    // x = {0, 1}, y = {1, −1}: standardized y = {1/√2, −1/√2} (sample sd √2). ℓ = 1, s² = 1, σ² = 0.01.
    Eigen::MatrixXd x(2, 1);
    x << 0, 1;
    Eigen::VectorXd y(2);
    y << 1, -1;
    Eigen::VectorXd theta(3);
    theta << 0.0, 0.0, std::log(0.01);
    GaussianProcess gp;
    gp.condition(x, y, theta);

    Eigen::MatrixXd at(1, 1);
    at << 0.25;
    Eigen::VectorXd mean, stddev;
    gp.predict(at, mean, stddev);
    // K = [[a, c], [c, a]], a = 1.01, c = k(1); k* = (k(0.25), k(0.75)).
    const double a = 1.01, c = matern(1.0), k1 = matern(0.25), k2 = matern(0.75), det = a * a - c * c;
    const double ys = 1 / std::sqrt(2.0);
    // α = K⁻¹ y_s = (a y₁ − c y₂, a y₂ − c y₁)/det; μ_s = k*·α; σ²_s = 1 − k*ᵀK⁻¹k*.
    const double alpha1 = (a * ys + c * ys) / det, alpha2 = (-a * ys - c * ys) / det;
    const double mean_s = k1 * alpha1 + k2 * alpha2;
    const double var_s = 1 - (a * (k1 * k1 + k2 * k2) - 2 * c * k1 * k2) / det;
    CHECK(mean(0) == doctest::Approx(mean_s * std::sqrt(2.0)).epsilon(1e-12));
    CHECK(stddev(0) == doctest::Approx(std::sqrt(var_s) * std::sqrt(2.0)).epsilon(1e-10));

    // At a training point with little noise the posterior almost interpolates.
    at << 1.0;
    gp.predict(at, mean, stddev);
    CHECK(mean(0) == doctest::Approx(-1).epsilon(0.02));
    CHECK(stddev(0) < 0.15);
}

TEST_CASE("GP: a point added to a conditioned model keeps its θ and standardization (a fantasy of a running trial)") {
    // One point (0, 1): its standardization is y_mean = 1, y_scale = 1. Adding (1, −1) gives the 2-point data
    // set of the test above in those units, y_s = {0, −2}: the hand computation again, with ℓ = 1, s² = 1, σ² = 0.01.
    Eigen::MatrixXd x(1, 1), added(1, 1), at(1, 1);
    x << 0;
    added << 1;
    at << 0.25;
    Eigen::VectorXd theta(3);
    theta << 0.0, 0.0, std::log(0.01);
    GaussianProcess gp;
    gp.condition(x, Eigen::VectorXd::Constant(1, 1.0), theta);
    REQUIRE(gp.add_observations(added, Eigen::VectorXd::Constant(1, -1.0)));
    CHECK(gp.size() == 2);
    CHECK(gp.theta() == theta);
    Eigen::VectorXd mean, stddev;
    gp.predict(at, mean, stddev);
    // The added point is taken as exact: its diagonal holds the jitter 1e-6 instead of σ².
    const double a = 1.01, b = 1 + 1e-6, c = matern(1.0), k1 = matern(0.25), k2 = matern(0.75), det = a * b - c * c;
    const double alpha1 = 2 * c / det, alpha2 = -2 * a / det;  // K⁻¹ y_s
    CHECK(mean(0) == doctest::Approx(1 + k1 * alpha1 + k2 * alpha2).epsilon(1e-12));
    CHECK(stddev(0) == doctest::Approx(std::sqrt(1 - (b * k1 * k1 - 2 * c * k1 * k2 + a * k2 * k2) / det)).epsilon(1e-10));
    // At the added point the function is now known: the mean is its value and σ almost 0.
    gp.predict(added, mean, stddev);
    CHECK(mean(0) == doctest::Approx(-1).epsilon(1e-5));
    CHECK(stddev(0) < 0.01);
}

TEST_CASE("GP: the log marginal likelihood's gradient matches central finite differences") {
    tunelab::Rng rng(3);
    const int n = 12, d = 3;
    Eigen::MatrixXd x(n, d);
    Eigen::VectorXd y(n);
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < d; ++j) x(i, j) = rng.uniform();
        y(i) = std::sin(4 * x(i, 0)) + x(i, 1) * x(i, 2) + 0.05 * rng.normal();
    }
    Eigen::VectorXd theta(d + 2);
    theta << std::log(0.3), std::log(0.7), std::log(1.5), std::log(0.8), std::log(0.05);
    GaussianProcess gp;
    gp.condition(x, y, theta);
    Eigen::VectorXd gradient;
    gp.log_marginal_likelihood(theta, &gradient);
    for (int j = 0; j < d + 2; ++j) {
        const double h = 1e-5;
        Eigen::VectorXd plus = theta, minus = theta;
        plus(j) += h;
        minus(j) -= h;
        double numeric = (gp.log_marginal_likelihood(plus) - gp.log_marginal_likelihood(minus)) / (2 * h);
        CHECK(gradient(j) == doctest::Approx(numeric).epsilon(1e-5));
    }
}

TEST_CASE("GP: fitting raises the marginal likelihood and finds the relevant input") {
    tunelab::Rng rng(5);
    const int n = 30;
    Eigen::MatrixXd x(n, 2);
    Eigen::VectorXd y(n);
    for (int i = 0; i < n; ++i) {
        x(i, 0) = rng.uniform(), x(i, 1) = rng.uniform();
        y(i) = std::sin(6 * x(i, 0));  // the second input is irrelevant
    }
    GaussianProcess gp;
    Eigen::VectorXd start(4);
    start << std::log(0.2), std::log(0.2), 0.0, std::log(1e-3);
    gp.condition(x, y, start);
    const double before = gp.log_marginal_likelihood(start);
    gp.fit(x, y, rng, GaussianProcess::FitOptions{});
    CHECK(gp.log_marginal_likelihood(gp.theta()) > before);
    CHECK(gp.length_scales()(1) > 3 * gp.length_scales()(0));
}

TEST_CASE("GP: the fitted noise variance recovers the noise the data were drawn with") {
    // y = sin(6 x₁) + x₂ + ε, ε ~ N(0, 0.1²): the noise is a tenth of the signal's spread.
    tunelab::Rng rng(9);
    const int n = 80;
    Eigen::MatrixXd x(n, 2);
    Eigen::VectorXd y(n);
    for (int i = 0; i < n; ++i) {
        x(i, 0) = rng.uniform(), x(i, 1) = rng.uniform();
        y(i) = std::sin(6 * x(i, 0)) + x(i, 1) + 0.1 * rng.normal();
    }
    GaussianProcess gp;
    GaussianProcess::FitOptions options;
    options.restarts = 3, options.iterations = 60;
    gp.fit(x, y, rng, options);
    const double noise_sd = std::sqrt(gp.noise_variance()) * gp.y_scale();
    CHECK(noise_sd > 0.07);
    CHECK(noise_sd < 0.14);
    // The same function without noise: the fitted noise is tiny.
    for (int i = 0; i < n; ++i) y(i) = std::sin(6 * x(i, 0)) + x(i, 1);
    gp.fit(x, y, rng, options);
    CHECK(std::sqrt(gp.noise_variance()) * gp.y_scale() < 0.02);
}

TEST_CASE("GP: the prior mean is where predictions far from the data go back to") {
    Eigen::MatrixXd x(3, 1);
    x << 0.0, 0.05, 0.1;
    Eigen::VectorXd y(3);
    y << 1.0, 2.0, 3.0;  // mean 2, standard deviation 1
    tunelab::Rng rng(1);
    for (double offset : {0.0, 1.0}) {
        GaussianProcess gp;
        GaussianProcess::FitOptions options;
        options.prior.mean = offset;
        gp.fit(x, y, rng, options);
        Eigen::MatrixXd far(1, 1);
        far << 50.0;
        Eigen::VectorXd mean, stddev;
        gp.predict(far, mean, stddev);
        CHECK(mean(0) == doctest::Approx(2.0 + offset).epsilon(1e-6));
        CHECK(gp.y_mean() == doctest::Approx(2.0 + offset));
    }
}
