#pragma once
// The generated summary of a race and the trials-to-target table, from plain numbers: pure helpers,
// tested without a race (tests/ui/arena_summary_test.cpp).
#include <cmath>
#include <string>
#include <vector>

#include "tune/study.h"
#include "ui/i18n.h"

namespace tunelab::ui {

struct StrategyResult {
    std::string label;                // "BO (EI)"
    std::vector<double> best_so_far;  // per finished trial (mean over seeds when repeated)
    int distinct_values = -1;         // distinct values it tried of the first tuned parameter
    std::vector<double> finals;       // each seed's best value so far (NaN: nothing finished), in seed order
    // A model-based strategy (BO, TPE): how many spread-out trials it starts with before modelling
    // (0: not model-based), and the share of its later trials that landed among the best quarter of
    // all the race's trials on the same seed (NaN when unknown): why such a strategy wins.
    int model_start = 0;
    double good_share = NAN;
};
// One strategy against another over the seeds, paired seed by seed: within a seed every strategy
// faces the same landscape (the same data, split and starting weights: common random numbers), so
// the seed's own luck cancels in the difference. `gap`, the mean over seeds of how much better `a`
// ended than `b`; `margin`, the half-width of that mean's 95% confidence interval (Student's t on the
// per-seed differences: a paired t-test); `wins`, the seeds on which `a` ended better, of `seeds`.
// `a` is told apart from `b` when the gap exceeds its margin (the interval lies above zero). NaN
// gap and margin with fewer than two seeds.
struct Comparison {
    double gap = NAN, margin = NAN;
    int wins = 0, seeds = 0;
    bool separated = false;
};
Comparison compare(const StrategyResult& a, const StrategyResult& b, tune::Direction direction);
// Trials (1-based) until best_so_far first reaches `target`, or -1 if it never does.
int trials_to_reach(const std::vector<double>& best_so_far, double target, tune::Direction direction);
// The value every strategy is measured against: the best anyone found, give or take 10% of it or 5% of
// the way to the median first trial (whichever is smaller), so "reached" means "got close to the best".
double summary_target(const std::vector<StrategyResult>& results, tune::Direction direction);
// "BO (EI) reached 0.41 in 14 trials, random in 41, grid never (30 trials). …", then whether the
// best strategy is told apart from the others over the seeds, and why a model-based winner won.
std::string summary_text(const std::vector<StrategyResult>& results, tune::Direction direction,
                         const std::string& first_param, const Translator& tr);

}  // namespace tunelab::ui
