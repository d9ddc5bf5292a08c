#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "core/random.h"
#include "ui/lab/lab_view_math.h"

using namespace tunelab;
using namespace tunelab::ui;

namespace {

// A history from per-epoch train and validation losses.
std::vector<EpochRecord> history(const std::vector<double>& train, const std::vector<double>& validation) {
    std::vector<EpochRecord> h(train.size());
    for (size_t i = 0; i < h.size(); ++i) {
        h[i].epoch = static_cast<int>(i) + 1;
        h[i].train_loss = train[i];
        h[i].validation_loss = validation[i];
    }
    return h;
}

// Train loss falling as 1/(1 + t/10); validation following it down to its lowest at epoch
// `turn`, then rising by `rise` per epoch; plus a deterministic ±`noise` wiggle.
std::vector<EpochRecord> u_shape(int epochs, int turn, double rise, double noise) {
    std::vector<double> train, validation;
    for (int e = 1; e <= epochs; ++e) {
        const double wiggle = noise * ((e * 7919) % 13 - 6) / 6.0;
        train.push_back(1.0 / (1.0 + e / 10.0));
        const double down = 1.0 / (1.0 + std::min(e, turn) / 10.0);
        validation.push_back(down + rise * std::max(0, e - turn) + wiggle);
    }
    return history(train, validation);
}

}  // namespace

TEST_CASE("over-fitting: the lowest validation epoch of a sustained rise") {
    const auto h = u_shape(60, 20, 0.01, 0.0);
    const int e = overfitting_epoch(h);
    CHECK(e >= 19);
    CHECK(e <= 21);
}

TEST_CASE("over-fitting: found through noise, not raised by it") {
    CHECK(std::abs(overfitting_epoch(u_shape(80, 30, 0.01, 0.02)) - 30) <= 3);
    // Both losses falling with noise: no alarm, whatever the wiggle's lowest point.
    CHECK(overfitting_epoch(u_shape(80, 80, 0.0, 0.02)) == 0);
    // A single late spike is not a sustained rise.
    auto spike = u_shape(60, 60, 0.0, 0.0);
    spike[57].validation_loss *= 3.0;
    CHECK(overfitting_epoch(spike) == 0);
}

TEST_CASE("over-fitting: a flat but noisy validation loss is not a rise, however small the loss") {
    // Validation noise of 10% of a small loss, around a level that never rises, while training
    // loss keeps falling: a noisy low point is then 5% below the later average by chance alone.
    Rng rng(7);
    int alarms = 0;
    for (int trial = 0; trial < 20; ++trial) {
        std::vector<double> train, validation;
        for (int e = 1; e <= 100; ++e) {
            train.push_back(0.1 / (1.0 + e / 50.0));
            validation.push_back(0.1 + rng.normal(0.0, 0.01));
        }
        alarms += overfitting_epoch(history(train, validation)) != 0;
    }
    CHECK(alarms == 0);
    // The same noise over a real, sustained rise is still found.
    std::vector<double> train, validation;
    for (int e = 1; e <= 100; ++e) {
        train.push_back(0.1 / (1.0 + e / 50.0));
        validation.push_back(0.1 + 0.002 * std::max(0, e - 40) + rng.normal(0.0, 0.01));
    }
    CHECK(std::abs(overfitting_epoch(history(train, validation)) - 40) <= 8);
}

TEST_CASE("over-fitting: needs enough epochs after the turn and a falling training loss") {
    CHECK(overfitting_epoch(u_shape(60, 57, 0.05, 0.0)) == 0);  // turned 3 epochs ago
    CHECK(overfitting_epoch(u_shape(6, 2, 0.05, 0.0)) == 0);    // too short to tell
    CHECK(overfitting_epoch({}) == 0);
    // Validation rising while training loss rises too is not over-fitting (a bad learning rate).
    std::vector<double> both;
    for (int e = 1; e <= 40; ++e) both.push_back(e < 10 ? 1.0 - e * 0.05 : 0.5 + (e - 10) * 0.05);
    CHECK(overfitting_epoch(history(both, both)) == 0);
}

TEST_CASE("over-fitting: reads only the finite part of a diverged run, and runs without validation") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    auto h = u_shape(60, 20, 0.01, 0.0);
    for (int i = 40; i < 60; ++i) h[i].train_loss = h[i].validation_loss = i == 40 ? INFINITY : nan;
    const int e = overfitting_epoch(h);  // the rise from 20 to 40 still counts
    CHECK(e >= 19);
    CHECK(e <= 21);
    for (auto& r : h) r.validation_loss = nan;
    CHECK(overfitting_epoch(h) == 0);
}

TEST_CASE("boundary grid: square, centred on the points, with a margin") {
    Eigen::MatrixXf train(2, 3), validation(2, 1);
    train << -1, 0, 3, 0, 1, 0.5;
    validation << 1, 2;
    const Grid g = boundary_grid(train, validation, 30);
    CHECK(g.resolution == 30);
    CHECK(g.x_max - g.x_min == doctest::Approx(g.y_max - g.y_min));
    CHECK(g.x_max - g.x_min == doctest::Approx(4.0 * 1.2));  // x spans 4, y only 2
    CHECK(g.x_min < -1.0f);
    CHECK(g.x_max > 3.0f);
    CHECK((g.y_min + g.y_max) / 2 == doctest::Approx(1.0));
    const Grid empty = boundary_grid(Eigen::MatrixXf(2, 0), Eigen::MatrixXf(2, 0), 10);
    CHECK(empty.x_max > empty.x_min);
}

TEST_CASE("network view: wide layers show a readable subset") {
    CHECK(shown_units(8, 16) == 8);
    CHECK(shown_units(128, 16) == 16);
    CHECK(shown_units(16, 16) == 16);
    CHECK(shown_units(5, 0) == 1);
}

TEST_CASE("views: two columns only when both stay readable") {
    CHECK(view_columns(740.0f, 13.0f) == 2);  // the lab beside its settings at 1280 px
    CHECK(view_columns(370.0f, 13.0f) == 1);  // a phone
    CHECK(view_columns(740.0f, 26.0f) == 1);  // the same width at twice the font size
}

TEST_CASE("parameter checksum: changes when weights move or swap") {
    std::vector<float> p = {0.5f, -0.25f, 1.0f};
    const double a = parameter_checksum(p);
    std::swap(p[0], p[1]);
    CHECK(parameter_checksum(p) != a);
    std::swap(p[0], p[1]);
    CHECK(parameter_checksum(p) == a);
}

TEST_CASE("grid pictures: bigger networks get coarser grids, within limits") {
    CHECK(grid_resolution(200.0, 1.5e7, 16, 40) == 40);     // a small network: full detail
    CHECK(grid_resolution(34000.0, 1.5e7, 16, 40) == 21);   // 2-64-128-64-1: about 450 cells
    CHECK(grid_resolution(1e9, 1.5e7, 16, 40) == 16);       // never below the floor
    CHECK(grid_resolution(0.0, 1.5e7, 8, 16) == 16);
}

TEST_CASE("optimizer paths: each optimizer's own rate on each surface descends without diverging") {
    const Surface surfaces[] = {Surface::bowl, Surface::rosenbrock};
    for (Surface s : surfaces)
        for (int k = 0; k < 7; ++k) {
            OptimizerConfig c;
            c.kind = static_cast<OptimizerKind>(k);
            const Point2 start = {-1.5f, 0.8f};
            const std::vector<Point2> path = optimizer_path(s, c, static_cast<float>(path_learning_rate(s, c.kind)), start, 500);
            CAPTURE(static_cast<int>(s));
            CAPTURE(k);
            CHECK(path.size() == 501);  // a diverging trail stops early
            CHECK(surface_value(s, path.back()) < 0.5f * surface_value(s, start));
        }
    // The lab's network rate, 0.01, is what made three of them blow up on Rosenbrock before.
    OptimizerConfig sgd;
    CHECK(optimizer_path(Surface::rosenbrock, sgd, 0.01f, {-1.5f, 0.8f}, 500).size() < 501);
}
