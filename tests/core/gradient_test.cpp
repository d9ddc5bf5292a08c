// Backpropagation against central finite differences of the loss, for every activation, every
// output/loss pairing, dropout on (fixed masks) and off, and the penalties.
#include <doctest/doctest.h>

#include <cmath>
#include <span>

#include "core/model.h"
#include "core/regularization.h"

using namespace tunelab;

namespace {

struct Problem {
    Model model;
    Eigen::MatrixXf x;
    Eigen::VectorXf y;
};

Problem make_problem(Activation activation, Output output, Loss loss, int outputs, double dropout) {
    ModelConfig config;
    config.hidden = {{5, activation, dropout}, {4, activation, dropout}};
    config.output = output;
    config.loss = loss;
    Problem p{Model(config, 3, outputs), Eigen::MatrixXf(3, 6), Eigen::VectorXf(6)};
    Rng rng(99);
    p.model.initialize(Init::gaussian, 0.7, rng);
    for (float& b : p.model.parameters()) b += static_cast<float>(rng.uniform(-0.1, 0.1));  // biases too
    for (int j = 0; j < 6; ++j) {
        for (int i = 0; i < 3; ++i) p.x(i, j) = static_cast<float>(rng.uniform(-1.5, 1.5));
        p.y(j) = outputs == 1 && loss == Loss::mse ? static_cast<float>(rng.normal()) : float(j % std::max(outputs, 2));
    }
    return p;
}

// (f(θ + h·eᵢ) − f(θ − h·eᵢ)) / 2h, restoring θᵢ afterwards.
template <typename F>
double central_difference(std::span<float> params, size_t i, F f) {
    const float saved = params[i], h = 1e-3f;
    params[i] = saved + h;
    const double up = f();
    params[i] = saved - h;
    const double down = f();
    params[i] = saved;
    return (up - down) / (2.0 * h);
}

// With a dropout generator, each evaluation starts from the same copy, so every pass draws the
// same masks and the loss is a smooth function of the parameters.
double loss_at(Problem& p, Workspace& work, const Rng* dropout) {
    Rng masks = dropout ? *dropout : Rng();
    forward(p.model, p.x.data(), 6, work, dropout ? &masks : nullptr);
    return batch_loss(p.model, work, p.y.data(), 6);
}

void check_gradient(Problem& p, const Rng* dropout) {
    Workspace work(p.model, 6);
    loss_at(p, work, dropout);
    Rng masks = dropout ? *dropout : Rng();
    forward(p.model, p.x.data(), 6, work, dropout ? &masks : nullptr);
    backward(p.model, p.x.data(), p.y.data(), 6, work);
    std::vector<float> analytic = work.gradients;
    auto params = p.model.parameters();
    int checked = 0;
    for (size_t i = 0; i < params.size(); ++i) {
        const double numeric = central_difference(params, i, [&] { return loss_at(p, work, dropout); });
        INFO("parameter " << i);
        CHECK(analytic[i] == doctest::Approx(numeric).epsilon(2e-2).scale(0.05));
        checked += std::abs(numeric) > 1e-4;
    }
    CHECK(checked > 10);  // the check compared real gradients, not zeros
}

}  // namespace

TEST_CASE("gradients: every hidden activation with each output and loss") {
    struct Pairing {
        Output output;
        Loss loss;
        int outputs;
    };
    const Pairing pairings[] = {{Output::linear, Loss::mse, 1},
                                {Output::sigmoid, Loss::binary_cross_entropy, 1},
                                {Output::sigmoid, Loss::binary_cross_entropy, 3},
                                {Output::softmax, Loss::categorical_cross_entropy, 3},
                                {Output::sigmoid, Loss::mse, 3},
                                {Output::softmax, Loss::mse, 3}};
    for (size_t a = 0; a < enum_names<Activation>.size(); ++a)
        for (const Pairing& pairing : pairings) {
            auto activation = static_cast<Activation>(a);
            INFO(name(activation) << " + " << name(pairing.output) << " + " << name(pairing.loss));
            Problem p = make_problem(activation, pairing.output, pairing.loss, pairing.outputs, 0.0);
            check_gradient(p, nullptr);
        }
}

TEST_CASE("gradients: dropout on (fixed masks) and off (prediction path)") {
    Problem p = make_problem(Activation::tanh, Output::softmax, Loss::categorical_cross_entropy, 3, 0.3);
    Rng dropout(5);
    check_gradient(p, &dropout);
    check_gradient(p, nullptr);
}

TEST_CASE("gradients: dropout zeroes units and scales the kept ones by 1/(1-p)") {
    Problem p = make_problem(Activation::relu, Output::linear, Loss::mse, 1, 0.5);
    Workspace work(p.model, 6);
    Rng rng(3);
    forward(p.model, p.x.data(), 6, work, &rng);
    int zeros = 0, scaled = 0;
    for (Eigen::Index i = 0; i < 5 * 6; ++i) {
        float mask = work.masks[0].data()[i];
        zeros += mask == 0.0f;
        scaled += mask == 2.0f;
        CHECK(work.dropped[0].data()[i] == work.activations[0].data()[i] * mask);
    }
    CHECK(zeros + scaled == 30);
    CHECK(zeros > 5);
    CHECK(scaled > 5);
}

TEST_CASE("gradients: L2 penalty gradient matches finite differences, biases untouched") {
    Problem p = make_problem(Activation::tanh, Output::linear, Loss::mse, 1, 0.0);
    const WeightRanges ranges = p.model.weight_ranges();
    auto params = p.model.parameters();
    std::vector<float> grads(params.size(), 0.0f);
    add_l2_gradient(params, grads, ranges, 0.3f);
    for (size_t i = 0; i < params.size(); ++i) {
        const double numeric = central_difference(params, i, [&] { return penalty(params, ranges, 0.0, 0.3); });
        CHECK(grads[i] == doctest::Approx(numeric).epsilon(1e-2).scale(1e-3));
    }
    CHECK(grads[p.model.layer(0).bias_offset] == 0.0f);
}

TEST_CASE("gradients: L1 penalty away from zero, and its proximal step minimizes the penalized step") {
    Problem p = make_problem(Activation::tanh, Output::linear, Loss::mse, 1, 0.0);
    const WeightRanges ranges = p.model.weight_ranges();
    auto params = p.model.parameters();
    // The slope of l1·Σ|w| is l1·sign(w) wherever w ≠ 0.
    const size_t i = ranges[0].first;
    const double slope = central_difference(params, i, [&] { return penalty(params, ranges, 0.2, 0.0); });
    CHECK(slope == doctest::Approx(0.2 * (params[i] > 0 ? 1 : -1)).epsilon(1e-2));

    // Proximal step: w = argmin ½(w − v)² + t·|w|, found here by brute force over a fine grid.
    const float t = 0.25f;
    for (float v : {-1.0f, -0.3f, -0.1f, 0.0f, 0.2f, 0.26f, 0.9f}) {
        std::vector<float> one = {v};
        l1_proximal_step(one, {{0, 1}}, t);
        double best = 0, best_cost = 1e9;
        for (int k = -2000; k <= 2000; ++k) {
            double w = k / 1000.0, cost = 0.5 * (w - v) * (w - v) + t * std::abs(w);
            if (cost < best_cost) best_cost = cost, best = w;
        }
        CHECK(one[0] == doctest::Approx(best).epsilon(1e-3).scale(1e-3));
    }
}
