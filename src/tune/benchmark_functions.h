#pragma once
// The benchmark suite: standard synthetic functions for black-box optimization, as collected in the
// Virtual Library of Simulation Experiments (Surjanovic & Bingham, sfu.ca/~ssurjano) and BoTorch's
// `test_functions.synthetic`, on their usual boxes. `tools/tunelab bench search` races every
// sampler on them; none of them was used to choose a sampler's defaults.
#include <string>
#include <vector>

#include "tune/objective.h"

namespace tunelab::tune {

// Named by function and dimension ("ackley5", "levy10", ...). Every optimum is interior, as it is
// for most hyperparameters worth tuning; "rosenbrock4wide" spans six orders of magnitude
// (heavy-tailed values), "powell4" and "rosenbrock4" are narrow curved valleys.
const std::vector<TestFunction>& benchmark_suite();

}  // namespace tunelab::tune
