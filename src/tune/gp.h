#pragma once
// Gaussian-process regression, the model behind Bayesian optimization.
//
// Kernel: Matérn-5/2 with one length-scale per input (ARD), k(x, x') = s² (1 + √5 r + 5r²/3) e^{-√5 r}
// with r² = Σ_d (x_d − x'_d)² / ℓ_d², plus a noise term σ²·I whose variance is fitted with the
// rest, so observation noise (a training seed's luck) is modelled rather than interpolated. Outputs
// are standardized before fitting, so s² ≈ 1 and the hyperparameter bounds mean the same for every
// objective. The prior mean is a constant (Prior::mean). The hyperparameters
// θ = (log ℓ_1..ℓ_d, log s², log σ²) maximize the log marginal likelihood plus a log-prior.
#include <Eigen/Dense>

#include "core/random.h"

namespace tunelab::tune {

class GaussianProcess {
public:
    // θ layout: [0, d) log length-scales, d log signal variance, d+1 log noise variance.
    struct Bounds {
        double log_length_min = std::log(0.01), log_length_max = std::log(20.0);
        double log_signal_min = std::log(0.05), log_signal_max = std::log(20.0);
        double log_noise_min = std::log(1e-6), log_noise_max = std::log(1.0);
    };
    // A weak log-normal prior on each length-scale (maximum a posteriori rather than pure maximum
    // likelihood): with a few dozen points the likelihood alone often stretches a length-scale
    // until the model ignores an input that matters, and BO then stops searching along it.
    // (A much longer one, the dimension-scaled log-normal of Hvarfner et al. 2024 that BoTorch now
    // uses, LN(√2 + ½ ln d, √3), made 31-97 % of the proposals on the benchmark suite land on the
    // box's faces: along an input the model deems flat, the variance still grows towards a face,
    // and EI follows it there.)
    struct Prior {
        double log_length_mean = std::log(0.5), log_length_sd = 1.0;
        // The constant prior mean, in standard deviations of the observations above their mean:
        // what the model assumes where it has seen nothing. 0 is the classic choice.
        double mean = 0.0;
    };
    struct FitOptions {
        int restarts = 2;    // starting points: the warm start (or a default), the others random
        int iterations = 10; // Rprop steps per start
        Bounds bounds;
        Prior prior;
    };

    // Fixed hyperparameters: stores the data and factorizes K (one Cholesky, reused by predict).
    void condition(Eigen::MatrixXd x, const Eigen::VectorXd& y, Eigen::VectorXd theta);
    // This model (θ, the outputs' standardization) conditioned on more points as well, without refitting θ: what it
    // would predict had it also observed `values` (caller's units) at the rows of `points` exactly — the function's
    // own values, with the least noise a fit allows (Bounds::log_noise_min) as a jitter. BO's fantasies of running
    // trials: values drawn from the posterior this way are a joint draw. Returns false, and leaves the model as it
    // was, when the covariance is not positive definite with them (a point on top of an observed one).
    bool add_observations(const Eigen::MatrixXd& points, const Eigen::VectorXd& values);
    // Fits θ by multi-start maximization of the log marginal likelihood, then conditions on it.
    // `warm_start`: the θ fitted on the previous data, usually close (BO adds one point per trial):
    // starting there lets a few steps per trial track the optimum while one random restart per
    // trial keeps looking for a better one.
    void fit(Eigen::MatrixXd x, const Eigen::VectorXd& y, Rng& rng, const FitOptions& options,
             const Eigen::VectorXd* warm_start = nullptr);

    // log p(y | X, θ) of the standardized outputs, and its gradient in θ when `gradient` is given.
    double log_marginal_likelihood(const Eigen::VectorXd& theta, Eigen::VectorXd* gradient = nullptr) const;

    // Posterior at the rows of `points`, in the caller's units.
    void predict(const Eigen::MatrixXd& points, Eigen::VectorXd& mean, Eigen::VectorXd& stddev) const;

    const Eigen::VectorXd& theta() const { return theta_; }
    Eigen::VectorXd length_scales() const { return theta_.head(dims()).array().exp(); }
    int dims() const { return int(x_.cols()); }
    int size() const { return int(x_.rows()); }
    double noise_variance() const { return std::exp(theta_(dims() + 1)); }  // in standardized units
    double y_mean() const { return y_mean_; }  // the prior mean, in the caller's units
    double y_scale() const { return y_scale_; }
    // Standardized observations, as the model sees them.
    const Eigen::VectorXd& y_standardized() const { return y_; }

private:
    void set_data(Eigen::MatrixXd x, const Eigen::VectorXd& y);
    double log_posterior(const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) const;  // LML + log prior
    // K + σ²I on the training inputs; optionally, per pair, ∂k/∂(log ℓ_d) divided by Δ_d²/ℓ_d²
    // (s² · 5/3 · (1 + √5 r) e^{-√5 r}), which the gradient needs.
    Eigen::MatrixXd kernel(const Eigen::VectorXd& theta, Eigen::VectorXd* length_factor = nullptr) const;

    Eigen::MatrixXd x_;        // n × d inputs
    Eigen::MatrixXd sq_diff_;  // n² × d squared differences, (i, j) at row i*n + j: cached for fits
    Eigen::VectorXd y_;        // standardized outputs
    double y_mean_ = 0, y_scale_ = 1;
    Eigen::VectorXd theta_;
    Prior prior_;
    Eigen::LLT<Eigen::MatrixXd> llt_;  // Cholesky of K + σ²I for θ
    Eigen::VectorXd alpha_;            // (K + σ²I)⁻¹ y
};

}  // namespace tunelab::tune
