#pragma once
// Several trials of one study at once, on worker threads (native builds; the web build's page runs
// its trials in frames instead). The runner's thread asks and tells — the study and the sampler are
// never touched by two threads — and each worker trains one trial's evaluation to its end.
#include <functional>
#include <string>

#include "core/enums.h"
#include "tune/runner.h"

namespace tunelab::tune {

enum class ParallelMode {
    // As soon as a trial ends it is told and a new one asked: no worker waits, but which trials a
    // model-based sampler proposes depends on which ended first (the study records that order:
    // trials are numbered as asked and hold their values, so a saved study still resumes exactly).
    asynchronous,
    // `jobs` trials are asked (each seeing the ones before it pending), trained side by side and
    // told in their numbers' order: a seed gives the same trials whatever the timing.
    batch_synchronous,
};

}  // namespace tunelab::tune

namespace tunelab {
// As a race's set-up (ui/arena) names them.
template <>
inline constexpr std::array<std::string_view, 2> enum_names<tune::ParallelMode> = {"asynchronous", "batch_synchronous"};
}  // namespace tunelab

namespace tunelab::tune {

// Runs the rest of the runner's budget with at most `jobs` trials training at once; `told` hears
// of each trial as it is told, with what its evaluation threw (empty when nothing did). Samplers
// should see running trials (SamplerOptions::constant_liar) or parallel proposals pile up.
void run_parallel(StudyRunner& runner, int jobs, ParallelMode mode,
                  const std::function<void(const Trial&, const std::string& error)>& told);

}  // namespace tunelab::tune
