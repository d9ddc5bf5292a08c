#pragma once
// Acquisition functions: how much a point is worth evaluating next, given the GP's posterior mean μ
// and standard deviation σ there. Everything minimizes: `best` is the lowest loss seen so far, and
// a larger acquisition value is a better candidate.
#include <optional>
#include <string_view>

#include "core/enums.h"

namespace tunelab::tune {

enum class AcquisitionKind {
    expected_improvement,        // E[max(0, best − ξ − f)]
    probability_of_improvement,  // P(f < best − ξ)
    confidence_bound,            // −(μ − κσ): the lower confidence bound, for minimization
    hedge,                       // portfolio of the three above (GP-Hedge, Hoffman et al. 2011)
};

}  // namespace tunelab::tune

namespace tunelab {
// As the CLI's --acq takes them and a trial's `source` records the one that proposed it.
template <>
inline constexpr std::array<std::string_view, 4> enum_names<tune::AcquisitionKind> = {"ei", "pi", "ucb", "hedge"};
}  // namespace tunelab

namespace tunelab::tune {

struct Acquisition {
    AcquisitionKind kind = AcquisitionKind::expected_improvement;
    double xi = 0.0;     // EI/PI: improvement demanded beyond the best (in standard deviations
                         // of the observed losses, the units the GP works in)
    double kappa = 2.0;  // confidence bound: how many σ of optimism

    double operator()(double mean, double stddev, double best) const;
    bool operator==(const Acquisition&) const = default;
};

// parse_enum<AcquisitionKind>, and "lcb" as the lower confidence bound's other common name.
std::optional<AcquisitionKind> parse_acquisition(std::string_view name);

double normal_pdf(double z);
double normal_cdf(double z);

}  // namespace tunelab::tune
