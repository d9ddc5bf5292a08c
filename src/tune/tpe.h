#pragma once
// Tree-structured Parzen estimator (Bergstra et al. 2011; multivariate as in Optuna, Falkner et al.
// 2018): split the observations at the γ-quantile of the loss into "good" and "bad", model each
// group's density with Parzen windows (a kernel on every point plus a broad prior), and propose the
// candidate that maximizes l(x)/g(x), good density over bad density.
// On a study of several objectives it is MOTPE, as Optuna's TPESampler: "good" are the best
// non-dominated ranks (tpe.cpp: multi_objective_split).
#include "tune/sampler.h"

namespace tunelab::tune {

struct TpeOptions {
    static constexpr int kDefaultInitialPoints = 10;  // Hyperopt's and Optuna's default
    int initial_points = 0;  // random trials before the first model; 0: kDefaultInitialPoints
    double gamma = 0.25;     // fraction of observations counted as good (at most 25 of them)
    int candidates = 24;     // draws from l(x) per proposal (Hyperopt's and Optuna's default)
    bool constant_liar = false;  // running trials count at the worst loss (sampler.h: PendingLie)
};

class TpeSampler : public Sampler {
public:
    explicit TpeSampler(TpeOptions options) : options_(options) {}
    std::string name() const override { return "tpe"; }
    Proposal ask(const Study& study) override;

private:
    TpeOptions options_;
};

}  // namespace tunelab::tune
