#pragma once
// What a finished (or running) study teaches: which parameters mattered, and where each strategy
// actually looked.
#include <vector>

#include "tune/bayes.h"
#include "tune/study.h"

namespace tunelab::tune {

// Importance from the GP's length-scales: a parameter the loss varies fast along (short ℓ) matters.
// 1/ℓ per parameter, normalized to sum to 1.
std::vector<double> length_scale_importance(const Surrogate& model);

// Functional-ANOVA-style importance (Hutter et al. 2014, on the GP mean instead of a forest): the
// variance of each parameter's main effect, m_d(x_d) = E_{x_-d}[μ(x)], as a fraction of the total
// variance of μ over the space (interactions take the rest, so the fractions sum to ≤ 1).
std::vector<double> variance_importance(const Surrogate& model, Rng& rng, int samples = 64, int levels = 16);

// Where a study sampled one parameter: counts per bin of its unit coordinate (per choice for a
// categorical), and how many distinct values it tried ("9 trials, 3 learning rates").
struct Histogram {
    std::vector<double> edges;  // bins + 1 parameter values (a categorical: choice indices − ½)
    std::vector<int> counts;
    int distinct = 0;
};
Histogram histogram(const Study& study, int param, int bins = 10);

}  // namespace tunelab::tune
