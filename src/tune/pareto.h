#pragma once
// Two objectives at once: error and cost. A trial is on the Pareto front when no other trial is at
// least as good on both and strictly better on one — the trade-offs worth showing a learner.
#include <vector>

#include "tune/study.h"

namespace tunelab::tune {

enum class CostMeasure { seconds, flops };

// Numbers of the complete trials on the front, ordered by increasing cost.
std::vector<int> pareto_front(const Study& study, CostMeasure measure = CostMeasure::flops);

}  // namespace tunelab::tune
