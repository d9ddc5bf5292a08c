#include "tune/gp.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tunelab::tune {

namespace {

const double kSqrt5 = std::sqrt(5.0);

// Matérn-5/2 correlation at scaled distance r.
double matern52(double r) { return (1 + kSqrt5 * r + 5.0 / 3.0 * r * r) * std::exp(-kSqrt5 * r); }

// K⁻¹ from K's Cholesky factor L (lower triangle of `l`): first L⁻¹ by forward substitution on
// each unit vector, then (K⁻¹)_ij = Σ_{k ≥ max(i,j)} (L⁻¹)_ki (L⁻¹)_kj. A third of the work of two
// general triangular solves, in loops along contiguous columns that vectorize in WebAssembly too.
Eigen::MatrixXd inverse_from_cholesky(const Eigen::MatrixXd& l) {
    const Eigen::Index n = l.rows();
    Eigen::MatrixXd inv_l = Eigen::MatrixXd::Zero(n, n);
    for (Eigen::Index c = 0; c < n; ++c) {
        double* x = inv_l.data() + c * n;
        x[c] = 1;
        for (Eigen::Index i = c; i < n; ++i) {
            x[i] /= l(i, i);
            const double* li = l.data() + i * n;
            for (Eigen::Index r = i + 1; r < n; ++r) x[r] -= x[i] * li[r];
        }
    }
    Eigen::MatrixXd inv(n, n);
    for (Eigen::Index j = 0; j < n; ++j)
        for (Eigen::Index i = j; i < n; ++i) {
            const double *a = inv_l.data() + i * n, *b = inv_l.data() + j * n;
            double sum = 0;
            for (Eigen::Index k = i; k < n; ++k) sum += a[k] * b[k];
            inv(i, j) = inv(j, i) = sum;
        }
    return inv;
}

}  // namespace

void GaussianProcess::set_data(Eigen::MatrixXd x, const Eigen::VectorXd& y) {
    x_ = std::move(x);
    const Eigen::Index n = x_.rows();
    const double centre = y.mean();
    double var = n > 1 ? (y.array() - centre).square().sum() / double(n - 1) : 0.0;
    y_scale_ = var > 1e-24 ? std::sqrt(var) : 1.0;
    y_mean_ = centre + prior_.mean * y_scale_;
    y_ = (y.array() - y_mean_) / y_scale_;
    sq_diff_.resize(n * (n - 1) / 2, x_.cols());
    Eigen::Index row = 0;
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index j = 0; j < i; ++j) sq_diff_.row(row++) = (x_.row(i) - x_.row(j)).array().square();
}

Eigen::MatrixXd GaussianProcess::kernel(const Eigen::VectorXd& theta, Eigen::VectorXd* length_factor) const {
    const Eigen::Index n = x_.rows(), d = x_.cols();
    const double signal = std::exp(theta(d)), noise = std::exp(theta(d + 1));
    Eigen::VectorXd r2 = sq_diff_ * (-2.0 * theta.head(d)).array().exp().matrix();
    if (length_factor) length_factor->resize(r2.size());
    Eigen::MatrixXd k(n, n);
    Eigen::Index row = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < i; ++j, ++row) {
            // One exponential per pair serves both k and its length-scale derivative.
            double r = std::sqrt(r2(row)), e = std::exp(-kSqrt5 * r);
            k(i, j) = k(j, i) = signal * (1 + kSqrt5 * r + 5.0 / 3.0 * r * r) * e;
            if (length_factor) (*length_factor)(row) = signal * 5.0 / 3.0 * (1 + kSqrt5 * r) * e;
        }
        k(i, i) = signal + noise;
    }
    return k;
}

void GaussianProcess::condition(Eigen::MatrixXd x, const Eigen::VectorXd& y, Eigen::VectorXd theta) {
    set_data(std::move(x), y);
    theta_ = std::move(theta);
    llt_.compute(kernel(theta_));
    alpha_ = llt_.solve(y_);
}

bool GaussianProcess::add_observations(const Eigen::MatrixXd& points, const Eigen::VectorXd& values) {
    const Eigen::Index n = x_.rows(), m = points.rows();
    Eigen::MatrixXd x(n + m, x_.cols());
    x << x_, points;
    Eigen::MatrixXd sq_diff(sq_diff_.rows() + n * m + m * (m - 1) / 2, x_.cols());
    sq_diff.topRows(sq_diff_.rows()) = sq_diff_;  // pairs (i, j < i) row by row: the new rows' pairs come last
    Eigen::Index row = sq_diff_.rows();
    for (Eigen::Index i = n; i < n + m; ++i)
        for (Eigen::Index j = 0; j < i; ++j) sq_diff.row(row++) = (x.row(i) - x.row(j)).array().square();
    std::swap(x_, x), std::swap(sq_diff_, sq_diff);
    Eigen::MatrixXd k = kernel(theta_);
    const double exact = std::exp(Bounds().log_noise_min);  // the least noise a fit may find: a jitter
    for (Eigen::Index i = n; i < n + m; ++i) k(i, i) += exact - noise_variance();
    Eigen::LLT<Eigen::MatrixXd> llt(k);
    if (llt.info() != Eigen::Success) {
        std::swap(x_, x), std::swap(sq_diff_, sq_diff);
        return false;
    }
    y_.conservativeResize(n + m);
    y_.tail(m) = (values.array() - y_mean_) / y_scale_;
    llt_ = std::move(llt);
    alpha_ = llt_.solve(y_);
    return true;
}

double GaussianProcess::log_marginal_likelihood(const Eigen::VectorXd& theta, Eigen::VectorXd* gradient) const {
    const Eigen::Index n = x_.rows(), d = x_.cols();
    Eigen::VectorXd length_factor;
    const Eigen::MatrixXd k = kernel(theta, gradient ? &length_factor : nullptr);
    Eigen::LLT<Eigen::MatrixXd> llt(k);
    if (llt.info() != Eigen::Success) return -INFINITY;
    Eigen::VectorXd alpha = llt.solve(y_);
    const Eigen::MatrixXd& l = llt.matrixLLT();
    // log p(y) = −½ yᵀK⁻¹y − ½ log|K| − (n/2) log 2π, with ½ log|K| = Σ log L_ii.
    double lml = -0.5 * y_.dot(alpha) - l.diagonal().array().log().sum() -
                 0.5 * double(n) * std::log(2 * std::numbers::pi);
    if (gradient) {
        // ∂/∂θ_j log p = ½ tr(W ∂K/∂θ_j) with W = ααᵀ − K⁻¹ (Rasmussen & Williams, eq. 5.9).
        Eigen::MatrixXd w = alpha * alpha.transpose() - inverse_from_cholesky(l);
        const double signal = std::exp(theta(d)), noise = std::exp(theta(d + 1));
        // Off-diagonal pairs appear twice in the trace (W and K are symmetric): weight 2 · ½ = 1.
        // ∂k/∂(log s²) = k without noise; ∂k/∂(log ℓ_d) = length_factor · Δ_d²/ℓ_d².
        Eigen::VectorXd pair_weight(sq_diff_.rows());
        double signal_trace = 0;
        Eigen::Index row = 0;
        for (Eigen::Index i = 0; i < n; ++i)
            for (Eigen::Index j = 0; j < i; ++j, ++row) {
                pair_weight(row) = w(i, j) * length_factor(row);
                signal_trace += w(i, j) * k(i, j);
            }
        gradient->resize(d + 2);
        gradient->head(d) = (sq_diff_.transpose() * pair_weight).cwiseProduct((-2.0 * theta.head(d)).array().exp().matrix());
        (*gradient)(d) = signal_trace + 0.5 * w.diagonal().sum() * signal;
        (*gradient)(d + 1) = 0.5 * w.diagonal().sum() * noise;
    }
    return lml;
}

double GaussianProcess::log_posterior(const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) const {
    const Eigen::Index d = x_.cols();
    const Prior& prior = prior_;
    double value = log_marginal_likelihood(theta, &gradient);
    Eigen::ArrayXd z = (theta.head(d).array() - prior.log_length_mean) / prior.log_length_sd;
    gradient.head(d).array() -= z / prior.log_length_sd;
    return value - 0.5 * z.square().sum();
}

void GaussianProcess::fit(Eigen::MatrixXd x, const Eigen::VectorXd& y, Rng& rng, const FitOptions& options,
                          const Eigen::VectorXd* warm_start) {
    prior_ = options.prior;
    set_data(std::move(x), y);
    const Eigen::Index d = x_.cols(), p = d + 2;
    const Bounds& b = options.bounds;
    Eigen::VectorXd low(p), high(p);
    low << Eigen::VectorXd::Constant(d, b.log_length_min), b.log_signal_min, b.log_noise_min;
    high << Eigen::VectorXd::Constant(d, b.log_length_max), b.log_signal_max, b.log_noise_max;

    Eigen::VectorXd best_theta;
    double best = -INFINITY;
    for (int start = 0; start < std::max(1, options.restarts); ++start) {
        Eigen::VectorXd theta(p);
        if (start == 0 && warm_start && warm_start->size() == p) {
            theta = warm_start->cwiseMax(low).cwiseMin(high);
        } else if (start == 0) {
            // A sensible default: each input matters at a fifth of its range, little noise.
            theta << Eigen::VectorXd::Constant(d, std::log(0.2)), 0.0, std::log(1e-3);
        } else {
            for (Eigen::Index j = 0; j < p; ++j) theta(j) = rng.uniform(low(j), high(j));
        }
        // iRprop⁻ (Igel & Hüsken 2000): steps grow while the gradient keeps its sign and shrink
        // when it flips. It needs no line search and copes with the LML's badly scaled directions,
        // which is why it suits GP hyperparameters (Blum & Riedmiller 2013).
        Eigen::VectorXd step = Eigen::VectorXd::Constant(p, 0.1), previous = Eigen::VectorXd::Zero(p), grad;
        double value = log_posterior(theta, grad);
        if (value > best) best = value, best_theta = theta;
        for (int it = 0; it < options.iterations && std::isfinite(value); ++it) {
            for (Eigen::Index j = 0; j < p; ++j) {
                double sign_product = grad(j) * previous(j);
                if (sign_product > 0) step(j) = std::min(step(j) * 1.2, 1.0);
                else if (sign_product < 0) step(j) = std::max(step(j) * 0.5, 1e-6), grad(j) = 0;
                theta(j) = std::clamp(theta(j) + (grad(j) > 0 ? step(j) : grad(j) < 0 ? -step(j) : 0.0),
                                      low(j), high(j));
            }
            previous = grad;
            value = log_posterior(theta, grad);
            if (value > best) best = value, best_theta = theta;
        }
    }
    if (!std::isfinite(best)) best_theta = high;  // everything failed: the smoothest, noisiest model
    theta_ = best_theta;
    llt_.compute(kernel(theta_));
    alpha_ = llt_.solve(y_);
}

void GaussianProcess::predict(const Eigen::MatrixXd& points, Eigen::VectorXd& mean, Eigen::VectorXd& stddev) const {
    const Eigen::Index n = x_.rows(), d = x_.cols(), m = points.rows();
    const double signal = std::exp(theta_(d));
    const Eigen::ArrayXd inv_length = (-theta_.head(d)).array().exp();
    // Training inputs scaled by 1/ℓ; each input dimension is a contiguous column (column-major),
    // so the loops below run along memory and vectorize, also in WebAssembly, where Eigen's
    // matrix kernels have no SIMD path for doubles.
    const Eigen::MatrixXd scaled_x = x_ * inv_length.matrix().asDiagonal();
    const Eigen::MatrixXd& l = llt_.matrixLLT();
    Eigen::VectorXd k(n);
    mean.resize(m);
    stddev.resize(m);
    for (Eigen::Index j = 0; j < m; ++j) {
        // k*_i = k(x_i, p): squared scaled distances accumulated one dimension at a time.
        k.setZero();
        for (Eigen::Index c = 0; c < d; ++c) {
            const double p = points(j, c) * inv_length(c);
            const double* xc = scaled_x.data() + c * n;
            for (Eigen::Index i = 0; i < n; ++i) k(i) += (xc[i] - p) * (xc[i] - p);
        }
        for (Eigen::Index i = 0; i < n; ++i) k(i) = signal * matern52(std::sqrt(k(i)));
        // μ = k*ᵀα; σ² = s² − ‖L⁻¹k*‖², by forward substitution in column (axpy) order.
        mean(j) = k.dot(alpha_) * y_scale_ + y_mean_;
        double explained = 0;
        for (Eigen::Index c = 0; c < n; ++c) {
            const double v = k(c) / l(c, c);
            explained += v * v;
            const double* lc = l.data() + c * n;
            for (Eigen::Index i = c + 1; i < n; ++i) k(i) -= v * lc[i];
        }
        stddev(j) = std::sqrt(std::max(signal - explained, 1e-12)) * y_scale_;
    }
}

}  // namespace tunelab::tune
