#pragma once
// Gaussian-process regression, the model behind Bayesian optimization.
//
// Kernel: Matérn-5/2 with one length-scale per input (ARD), k(x, x') = s² (1 + √5 r + 5r²/3) e^{-√5 r}
// with r² = Σ_d (x_d − x'_d)² / ℓ_d², plus a noise term σ²·I. Outputs are standardized before
// fitting, so s² ≈ 1 and the hyperparameter bounds mean the same for every objective. The
// hyperparameters θ = (log ℓ_1..ℓ_d, log s², log σ²) maximize the log marginal likelihood.
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
    struct FitOptions {
        int restarts = 3;    // starting points: one default, the others random within the bounds
        int iterations = 40; // Rprop steps per start
        Bounds bounds;
    };

    // Fixed hyperparameters: stores the data and factorizes K (one Cholesky, reused by predict).
    void condition(Eigen::MatrixXd x, const Eigen::VectorXd& y, Eigen::VectorXd theta);
    // Fits θ by multi-start maximization of the log marginal likelihood, then conditions on it.
    void fit(Eigen::MatrixXd x, const Eigen::VectorXd& y, Rng& rng, const FitOptions& options);

    // log p(y | X, θ) of the standardized outputs, and its gradient in θ when `gradient` is given.
    double log_marginal_likelihood(const Eigen::VectorXd& theta, Eigen::VectorXd* gradient = nullptr) const;

    // Posterior at the rows of `points`, in the caller's units.
    void predict(const Eigen::MatrixXd& points, Eigen::VectorXd& mean, Eigen::VectorXd& stddev) const;

    const Eigen::VectorXd& theta() const { return theta_; }
    Eigen::VectorXd length_scales() const { return theta_.head(dims()).array().exp(); }
    int dims() const { return int(x_.cols()); }
    int size() const { return int(x_.rows()); }
    double y_mean() const { return y_mean_; }
    double y_scale() const { return y_scale_; }
    // Standardized observations, as the model sees them.
    const Eigen::VectorXd& y_standardized() const { return y_; }

private:
    void set_data(Eigen::MatrixXd x, const Eigen::VectorXd& y);
    Eigen::MatrixXd kernel(const Eigen::VectorXd& theta) const;  // K + σ²I on the training inputs

    Eigen::MatrixXd x_;        // n × d inputs
    Eigen::MatrixXd sq_diff_;  // n² × d squared differences, (i, j) at row i*n + j: cached for fits
    Eigen::VectorXd y_;        // standardized outputs
    double y_mean_ = 0, y_scale_ = 1;
    Eigen::VectorXd theta_;
    Eigen::LLT<Eigen::MatrixXd> llt_;  // Cholesky of K + σ²I for θ
    Eigen::VectorXd alpha_;            // (K + σ²I)⁻¹ y
};

}  // namespace tunelab::tune
