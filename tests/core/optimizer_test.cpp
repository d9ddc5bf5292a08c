// Each optimizer's first two steps against values worked out by hand from its published rule:
// θ₀ = 1, learning rate 0.1, gradients 0.5 then −1.
#include <doctest/doctest.h>

#include <array>
#include <cmath>

#include "core/optimizer.h"
#include "core/surfaces.h"

using namespace tunelab;

namespace {

std::array<float, 2> two_steps(OptimizerKind kind) {
    OptimizerConfig config;
    config.kind = kind;  // defaults: μ = 0.9, ρ = 0.9, β1 = 0.9, β2 = 0.999, ε = 1e-8, λ = 0.01
    Optimizer optimizer(config, 1, 0.1);
    std::array<float, 1> theta = {1.0f};
    std::array<float, 2> after{};
    const std::array<float, 2> gradients = {0.5f, -1.0f};
    for (int i = 0; i < 2; ++i) {
        std::array<float, 1> g = {gradients[i]};
        optimizer.step(theta, g, 0.1f);
        after[i] = theta[0];
    }
    return after;
}

void check_steps(OptimizerKind kind, double first, double second) {
    auto after = two_steps(kind);
    INFO(name(kind));
    CHECK(after[0] == doctest::Approx(first).epsilon(1e-5));
    CHECK(after[1] == doctest::Approx(second).epsilon(1e-5));
}

}  // namespace

TEST_CASE("optimizers: first steps match the hand-computed update rules") {
    // θ ← θ − ηg:  1 − 0.05 = 0.95;  0.95 + 0.1 = 1.05
    check_steps(OptimizerKind::sgd, 0.95, 1.05);
    // v ← μv + g, θ ← θ − ηv:  v = 0.5, θ = 0.95;  v = 0.45 − 1 = −0.55, θ = 1.005
    check_steps(OptimizerKind::momentum, 0.95, 1.005);
    // θ ← θ − η(g + μv):  1 − 0.1·(0.5 + 0.45) = 0.905;  0.905 − 0.1·(−1 − 0.495) = 1.0545
    check_steps(OptimizerKind::nesterov, 0.905, 1.0545);
    // G = 0.25: 1 − 0.05/0.5 = 0.9;  G = 1.25: 0.9 + 0.1/1.118034 = 0.989443
    check_steps(OptimizerKind::adagrad, 0.9, 0.989443);
    // E = 0.025: 1 − 0.05/0.158114 = 0.683772;  E = 0.0225 + 0.1 = 0.1225: + 0.1/0.35 = 0.969487
    check_steps(OptimizerKind::rmsprop, 0.683772, 0.969487);
    // m̂ = 0.5, ŝ = 0.25: 1 − 0.1 = 0.9;  m = −0.055, m̂ = −0.289474, s = 0.00124975,
    // ŝ = 0.625188: 0.9 + 0.1·0.289474/0.790688 = 0.936610
    check_steps(OptimizerKind::adam, 0.9, 0.936610);
    // as Adam, minus ηλθ: 1 − 0.1 − 0.001 = 0.899;  0.899 + 0.036610 − 0.000899 = 0.934711
    check_steps(OptimizerKind::adamw, 0.899, 0.934711);
}

TEST_CASE("optimizers: each update applies elementwise to every parameter of a span") {
    for (size_t k = 0; k < enum_names<OptimizerKind>.size(); ++k) {
        OptimizerConfig config;
        config.kind = static_cast<OptimizerKind>(k);
        Optimizer together(config, 3, 0.1), alone(config, 1, 0.1);
        std::array<float, 3> theta = {1.0f, 1.0f, 1.0f}, g = {0.2f, 0.5f, -0.3f};
        std::array<float, 1> single = {1.0f}, g_single = {0.5f};
        together.step(theta, g, 0.1f);
        alone.step(single, g_single, 0.1f);
        CHECK(theta[1] == single[0]);  // one entry's update ignores its neighbours
        CHECK(theta[0] < 1.0f);        // positive gradient: down
        CHECK(theta[2] > 1.0f);        // negative gradient: up
    }
}

TEST_CASE("surfaces: gradients match finite differences") {
    for (Surface s : {Surface::bowl, Surface::rosenbrock, Surface::saddle}) {
        Point2 p = {0.3f, -0.7f};
        Point2 g = surface_gradient(s, p);
        const float h = 1e-3f;
        for (int d = 0; d < 2; ++d) {
            Point2 up = p, down = p;
            up[d] += h;
            down[d] -= h;
            double fd = (double(surface_value(s, up)) - surface_value(s, down)) / (2 * h);
            CHECK(g[d] == doctest::Approx(fd).epsilon(1e-2));
        }
    }
}

TEST_CASE("surfaces: SGD walks down the bowl; a too-large step leaves it and the trail ends") {
    OptimizerConfig sgd;
    sgd.kind = OptimizerKind::sgd;
    auto path = optimizer_path(Surface::bowl, sgd, 0.05f, {1.0f, 1.0f}, 100);
    REQUIRE(path.size() == 101);
    CHECK(surface_value(Surface::bowl, path.back()) < 1e-3f * surface_value(Surface::bowl, path.front()));
    // y has curvature 20: steps above 2/20 = 0.1 overshoot further each time, until overflow.
    auto diverging = optimizer_path(Surface::bowl, sgd, 0.3f, {1.0f, 1.0f}, 1000);
    CHECK(diverging.size() < 1001);
    CHECK(std::abs(diverging.back()[1]) > 1e10f);
    // Momentum gets further along the shallow x direction than plain SGD in the same steps.
    OptimizerConfig momentum;
    momentum.kind = OptimizerKind::momentum;
    auto fast = optimizer_path(Surface::bowl, momentum, 0.01f, {1.0f, 0.0f}, 30);
    auto slow = optimizer_path(Surface::bowl, sgd, 0.01f, {1.0f, 0.0f}, 30);
    CHECK(std::abs(fast.back()[0]) < std::abs(slow.back()[0]));
}

TEST_CASE("hypergradient descent: SGD-HD's first steps by hand") {
    OptimizerConfig config;
    config.hypergradient = true;
    config.hypergradient_beta = 0.01;
    Optimizer optimizer(config, 1, 0.1);
    std::array<float, 1> theta = {1.0f}, g = {0.5f};
    CHECK(optimizer.step(theta, g, 0.1f) == doctest::Approx(0.1));  // no previous step: α stays
    CHECK(theta[0] == doctest::Approx(0.95));
    g = {-1.0f};  // α = 0.1 + 0.01·(−1)·0.5 = 0.095: the gradient turned, the rate shrinks
    CHECK(optimizer.step(theta, g, 0.1f) == doctest::Approx(0.095));
    CHECK(theta[0] == doctest::Approx(1.045));
    g = {-1.0f};  // α = 0.095 + 0.01·(−1)·(−1) = 0.105: same way again, it grows
    CHECK(optimizer.step(theta, g, 0.1f) == doctest::Approx(0.105));
    // The schedule multiplies the adapted rate: half the set rate now, half the adapted one used.
    CHECK(optimizer.step(theta, g, 0.05f) == doctest::Approx(0.5 * (0.105 + 0.01 * 1 * 1)));
}

TEST_CASE("hypergradient descent: each optimizer's rate change is −β times the loss's derivative by the last rate") {
    // Finite differences on the bowl: step once at the rate α·(1 ± ε) from the same state, and
    // compare dL(θₜ)/dα with what the next step adds to α, which must be −β·dL/dα (the paper's rule).
    for (size_t k = 0; k < enum_names<OptimizerKind>.size(); ++k) {
        OptimizerConfig config;
        config.kind = static_cast<OptimizerKind>(k);
        config.hypergradient = true;
        config.hypergradient_beta = 1e-4;
        INFO(name(config.kind));
        const float lr = 0.02f;
        Optimizer optimizer(config, 2, lr);
        Point2 theta = {0.8f, 0.6f};
        for (int i = 0; i < 5; ++i) optimizer.step(theta, surface_gradient(Surface::bowl, theta), lr);
        const double eps = 1e-2;
        Point2 up = theta, down = theta;
        Optimizer up_optimizer = optimizer, down_optimizer = optimizer;
        const double used = up_optimizer.step(up, surface_gradient(Surface::bowl, up), static_cast<float>(lr * (1 + eps)));
        down_optimizer.step(down, surface_gradient(Surface::bowl, down), static_cast<float>(lr * (1 - eps)));
        const double rate = used / (1 + eps);
        const double derivative = (double(surface_value(Surface::bowl, up)) - surface_value(Surface::bowl, down)) / (2 * eps * rate);
        Point2 after = theta;
        optimizer.step(after, surface_gradient(Surface::bowl, after), lr);
        const double before = optimizer.adapted_rate();
        optimizer.step(after, surface_gradient(Surface::bowl, after), lr);
        CHECK(derivative != 0.0);
        CHECK(optimizer.adapted_rate() - before == doctest::Approx(-1e-4 * derivative).epsilon(0.03));
    }
}

TEST_CASE("hypergradient descent: from a rate 100x too small on the bowl it gets down where fixed SGD crawls") {
    OptimizerConfig fixed, adapted;
    adapted.hypergradient = true;
    adapted.hypergradient_beta = 1e-4;
    auto fixed_path = optimizer_path(Surface::bowl, fixed, 0.0005f, {1.0f, 1.0f}, 200);
    auto adapted_path = optimizer_path(Surface::bowl, adapted, 0.0005f, {1.0f, 1.0f}, 200);
    CHECK(surface_value(Surface::bowl, fixed_path.back()) > 0.5f);
    CHECK(surface_value(Surface::bowl, adapted_path.back()) < 0.05f);
}
