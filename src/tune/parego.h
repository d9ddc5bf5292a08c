#pragma once
// ParEGO (Knowles, "ParEGO: a hybrid algorithm with on-line landscape approximation for expensive
// multiobjective optimization problems", IEEE TEC 2006): several objectives searched with the
// single-objective Bayesian optimization already here. Each proposal draws a fresh weight vector,
// turns every trial's objectives into one number by the augmented Chebyshev scalarization with those
// weights and lets BO propose on that. Different weights aim at different parts of the front, so
// over many proposals the whole front is filled in. As in Optuna, the sampler only proposes; the
// study records each trial's objectives.
#include "tune/bayes.h"
#include "tune/sampler.h"

namespace tunelab::tune {

struct ParEgoOptions {
    // The BO that proposes on the scalarized study. Two departures from Knowles, both TuneLab's BO
    // defaults: its quasi-random start of max(5, 2d) trials (Knowles: 11d − 1 Latin-hypercube points,
    // too many for a 20-trial race) and its acquisition maximizer (quasi-random candidates and a
    // compass search; Knowles: an evolutionary algorithm).
    BayesOptions bayes;
    // ρ of the augmented Chebyshev function max_j(λ_j f_j) + ρ Σ_j λ_j f_j: the small sum makes a
    // point worse on one objective and equal on the others score worse. Knowles' value.
    double rho = 0.05;
};

class ParEgoSampler : public Sampler {
public:
    explicit ParEgoSampler(ParEgoOptions options) : options_(std::move(options)), bayes_(options_.bayes) {}
    std::string name() const override { return "parego"; }
    // Throws std::invalid_argument for a single-objective study: there is nothing to trade off.
    Proposal ask(const Study& study) override;
    bool prepare(const Study& study) override;
    int initial_points(const Space& space) const { return bayes_.initial_points(space); }  // BO's start

    // The weights of the next proposal: one of Knowles' evenly spaced vectors (components l/s
    // summing to 1; s = 10 for 2 objectives, 11 vectors; s = 4 for 3, 15 vectors), drawn uniformly
    // from the study's stream for its next trial.
    static std::vector<double> weights(const Study& study);
    // The study as BO sees it: single-objective, minimized, each complete trial's value its
    // scalarized objectives, each objective (pareto.h: trade_off_point) first scaled to [0, 1] over
    // the range the study's complete trials span, as Knowles normalizes by the ranges found so far.
    static Study scalarized(const Study& study, const std::vector<double>& weights, double rho);

private:
    Study view(const Study& study) const;

    ParEgoOptions options_;
    BayesSampler bayes_;
};

}  // namespace tunelab::tune
