#pragma once
// CMA-ES, the covariance matrix adaptation evolution strategy (Hansen & Ostermeier 2001; the
// defaults and update of Hansen's tutorial, arXiv:1604.00772, 2016, as in the `cmaes` library behind
// Optuna's CmaEsSampler). Each generation samples λ points from N(m, σ²C) in the unit cube; once
// all of them are scored, m moves towards the best μ, C learns the directions that paid off (a
// valley's axis, correlated parameters) and σ grows or shrinks with the path the mean travels.
//
// As every sampler here, a pure function of the study: the distribution is replayed from the
// trials at each ask (a generation is λ consecutive trials; each trial keeps the unit point it was
// drawn at in its sampler_state), and the draws for trial k come from `study.rng_for(k)`.
#include <Eigen/Dense>
#include <array>
#include <vector>

#include "tune/sampler.h"

namespace tunelab::tune {

struct CmaEsOptions {
    bool separable = false;  // sep-CMA-ES (Ros & Hansen 2008): a diagonal C, learned faster, O(d) per step
    int population = 0;      // λ; 0: 4 + ⌊3 ln d⌋ (Hansen 2016, eq. 48)
    // Initial step size in unit coordinates: a sixth of each range, so the first generation spans
    // the box (Optuna's CmaEsSampler: σ₀ = min range / 6).
    double sigma0 = 1.0 / 6;
    // IPOP-CMA-ES (Auger & Hansen 2005): when the distribution has collapsed (or C is degenerate),
    // start again at a random mean with twice the population. Optuna's restart_strategy="ipop".
    bool restarts = false;
};

// The search distribution N(m, σ²C) that the next trial is drawn from, in unit coordinates.
struct CmaEsState {
    Eigen::VectorXd mean;
    double sigma = 0;
    Eigen::MatrixXd cov;  // C (diagonal for sep-CMA-ES)
    Eigen::VectorXd path_sigma, path_c;  // evolution paths p_σ and p_c
    int population = 0;   // λ of the current run
    int generation = 0;   // generations completed in the current run
    int first_trial = 0;  // number of the current generation's first trial
    int restarts = 0;     // runs started again (IPOP)

    // The k-σ ellipse of the distribution's marginal over coordinates (i, j), as `points` unit
    // points (x_i, x_j) around it: m + k σ L (cos t, sin t), with L L^T the 2×2 block of C. What
    // the arena draws over the landscape.
    std::vector<std::array<double, 2>> ellipse(int i, int j, double k, int points) const;
};

class CmaEsSampler : public Sampler {
public:
    explicit CmaEsSampler(CmaEsOptions options = {}) : options_(options) {}
    std::string name() const override { return "cmaes"; }
    Proposal ask(const Study& study) override;

    // The distribution after every generation the study has fully scored.
    CmaEsState state(const Study& study) const;
    const CmaEsOptions& options() const { return options_; }

private:
    CmaEsState start(int dims, int population, int first_trial, const Eigen::VectorXd& mean) const;
    // One generation's update from its points (unit coordinates) ranked best first.
    void update(CmaEsState& s, const std::vector<Eigen::VectorXd>& ranked) const;
    // IPOP's test after a generation whose losses spanned `spread`.
    bool collapsed(const CmaEsState& s, double spread) const;

    CmaEsOptions options_;
};

}  // namespace tunelab::tune
