#include "tune/acquisition.h"

#include <cmath>
#include <numbers>

namespace tunelab::tune {

double normal_pdf(double z) { return std::exp(-0.5 * z * z) / std::sqrt(2 * std::numbers::pi); }
double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

double Acquisition::operator()(double mean, double stddev, double best) const {
    double improvement = best - xi - mean;
    switch (kind) {
        case AcquisitionKind::expected_improvement: {
            if (stddev <= 0) return std::max(improvement, 0.0);
            double z = improvement / stddev;
            return improvement * normal_cdf(z) + stddev * normal_pdf(z);
        }
        case AcquisitionKind::probability_of_improvement:
            if (stddev <= 0) return improvement > 0 ? 1.0 : 0.0;
            return normal_cdf(improvement / stddev);
        case AcquisitionKind::confidence_bound:
        case AcquisitionKind::hedge:  // the hedge's members are evaluated one by one (bayes.cpp)
            return -(mean - kappa * stddev);
    }
    return 0;
}

std::optional<AcquisitionKind> parse_acquisition(std::string_view name) {
    return name == "lcb" ? AcquisitionKind::confidence_bound : parse_enum<AcquisitionKind>(name);
}

}  // namespace tunelab::tune
