#pragma once
// Acquisition functions: how much a point is worth evaluating next, given the GP's posterior mean μ
// and standard deviation σ there. Everything minimizes: `best` is the lowest loss seen so far, and
// a larger acquisition value is a better candidate.
#include <string>

namespace tunelab::tune {

enum class AcquisitionKind {
    expected_improvement,        // E[max(0, best − ξ − f)]
    probability_of_improvement,  // P(f < best − ξ)
    confidence_bound,            // −(μ − κσ): the lower confidence bound, for minimization
    hedge,                       // portfolio of the three above (GP-Hedge, Hoffman et al. 2011)
};

struct Acquisition {
    AcquisitionKind kind = AcquisitionKind::expected_improvement;
    double xi = 0.0;     // EI/PI: improvement demanded beyond the best (in standard deviations
                         // of the observed losses, the units the GP works in)
    double kappa = 2.0;  // confidence bound: how many σ of optimism

    double operator()(double mean, double stddev, double best) const;
    bool operator==(const Acquisition&) const = default;
};

const char* to_string(AcquisitionKind kind);
// "ei", "pi", "ucb" (or "lcb"), "hedge"; false for anything else.
bool acquisition_from_string(const std::string& name, AcquisitionKind& kind);

double normal_pdf(double z);
double normal_cdf(double z);

}  // namespace tunelab::tune
