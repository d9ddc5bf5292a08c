#include "tune/warping.h"

#include <cmath>

namespace tunelab::tune {

namespace {

// λ stays between the identity (1) and the log (0) for Box-Cox, and between the log of either
// tail for Yeo-Johnson ([0, 2]): a more negative λ bounds the transform above and stretches the
// few best losses into isolated spikes, which the GP can only fit by calling every other region
// hopeless (on Branin one seed in ten then re-proposed its incumbent for 20 trials).
constexpr double kBoxCoxMin = 0, kBoxCoxMax = 1, kYeoJohnsonMin = 0, kYeoJohnsonMax = 2;

// Box-Cox: ψ(y) = (y^λ − 1)/λ = expm1(λ log y)/λ, or log y at λ = 0 (expm1 and log1p keep
// small λ exact).
double box_cox(double y, double lambda) {
    return lambda == 0 ? std::log(y) : std::expm1(lambda * std::log(y)) / lambda;
}
double box_cox_inverse(double z, double lambda) {
    if (lambda == 0) return std::exp(z);
    return std::exp(std::log1p(std::max(lambda * z, -1.0)) / lambda);
}

// Yeo-Johnson: Box-Cox of y + 1 with power λ for y ≥ 0; mirrored, −ψ_{2−λ}(1 − y), for y < 0.
double yeo_johnson(double y, double lambda) {
    return y >= 0 ? box_cox(1 + y, lambda) : -box_cox(1 - y, 2 - lambda);
}
double yeo_johnson_inverse(double z, double lambda) {
    return z >= 0 ? box_cox_inverse(z, lambda) - 1 : 1 - box_cox_inverse(-z, 2 - lambda);
}

// log L(λ) = −n/2 log σ̂²(ψ_λ(y)) + (λ − 1) Σ log J(y), J the Jacobian's power base
// (y for Box-Cox, |y| + 1 with y's sign for Yeo-Johnson).
double log_likelihood(const Eigen::VectorXd& y, double lambda, bool box) {
    Eigen::VectorXd z(y.size());
    double jacobian = 0;
    for (Eigen::Index i = 0; i < y.size(); ++i) {
        z(i) = box ? box_cox(y(i), lambda) : yeo_johnson(y(i), lambda);
        jacobian += box ? std::log(y(i)) : std::copysign(std::log1p(std::abs(y(i))), y(i));
    }
    const double variance = (z.array() - z.mean()).square().mean();
    if (!(variance > 0) || !std::isfinite(variance)) return -INFINITY;
    return -0.5 * double(y.size()) * std::log(variance) + (lambda - 1) * jacobian;
}

}  // namespace

PowerTransform PowerTransform::fit(const Eigen::VectorXd& y) {
    PowerTransform t;
    if (y.size() < 3) return t;
    const double sd = std::sqrt((y.array() - y.mean()).square().mean());
    if (!(sd > 0) || !std::isfinite(sd)) return t;
    const Eigen::VectorXd scaled = y / sd;
    const bool box = scaled.minCoeff() > 0;
    // Golden-section search: the profile likelihood is unimodal in λ in practice, and 40 steps
    // narrow the range to 1e-8.
    const double ratio = (std::sqrt(5.0) - 1) / 2;
    double a = box ? kBoxCoxMin : kYeoJohnsonMin, b = box ? kBoxCoxMax : kYeoJohnsonMax;
    double c = b - ratio * (b - a), d = a + ratio * (b - a);
    double fc = log_likelihood(scaled, c, box), fd = log_likelihood(scaled, d, box);
    for (int it = 0; it < 40; ++it) {
        if (fc >= fd) b = d, d = c, fd = fc, c = b - ratio * (b - a), fc = log_likelihood(scaled, c, box);
        else a = c, c = d, fc = fd, d = a + ratio * (b - a), fd = log_likelihood(scaled, d, box);
    }
    const double lambda = (a + b) / 2;
    if (!std::isfinite(log_likelihood(scaled, lambda, box))) return t;
    t.kind = box ? Kind::box_cox : Kind::yeo_johnson;
    t.lambda = lambda;
    t.scale = sd;
    return t;
}

double PowerTransform::operator()(double y) const {
    switch (kind) {
        case Kind::identity: return y;
        case Kind::box_cox: return box_cox(std::max(y / scale, 1e-300), lambda);
        case Kind::yeo_johnson: return yeo_johnson(y / scale, lambda);
    }
    return y;
}

double PowerTransform::inverse(double z) const {
    switch (kind) {
        case Kind::identity: return z;
        case Kind::box_cox: return scale * box_cox_inverse(z, lambda);
        case Kind::yeo_johnson: return scale * yeo_johnson_inverse(z, lambda);
    }
    return z;
}

}  // namespace tunelab::tune
