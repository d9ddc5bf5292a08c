#pragma once
// Successive halving and Hyperband (Li et al. 2018), with epochs as the budget.
//
// A bracket starts n configurations for r epochs each, keeps the best 1/η of them for η·r epochs,
// and so on until the survivors train for the full R epochs. Hyperband runs brackets from the most
// aggressive (many configurations, few epochs) to plain full training, and starts over. Promoted
// trials continue where they stopped (the runner keeps their training state). Configurations come
// from another sampler: random (Hyperband) or the GP (a small BOHB, fitted on the largest budget
// that has enough results, as Falkner et al. 2018 do with TPE).
#include <memory>
#include <vector>

#include "tune/sampler.h"

namespace tunelab::tune {

struct HyperbandOptions {
    int max_epochs = 27;  // R
    int eta = 3;          // η
};

struct Rung {
    int configs = 0;  // n_i = ⌊n_0 η^{-i}⌋
    int epochs = 0;   // r_i = R η^{i-s}
};

// The rungs of bracket s (0 ≤ s ≤ s_max = ⌊log_η R⌋), with n_0 = ⌈(s_max + 1) η^s / (s + 1)⌉.
std::vector<Rung> bracket_rungs(int s, const HyperbandOptions& options);
int max_bracket(const HyperbandOptions& options);  // s_max

// Which trial reached which rung, for the UI: trials[i] holds the numbers of the trials that
// trained at rung i; those that are not in trials[i + 1] were stopped there.
struct BracketView {
    int bracket = 0;  // order in which it ran
    int s = 0;
    std::vector<Rung> rungs;
    std::vector<std::vector<int>> trials;
};
std::vector<BracketView> brackets(const Study& study, const HyperbandOptions& options);

// What Hyperband and ASHA share: rungs of epochs, and a sampler that proposes their configurations.
// The arena's brackets view draws either through it.
class HalvingSampler : public Sampler {
public:
    HalvingSampler(HyperbandOptions options, std::unique_ptr<Sampler> source)
        : options_(options), source_(std::move(source)) {}
    const HyperbandOptions& options() const { return options_; }

protected:
    HyperbandOptions options_;
    std::unique_ptr<Sampler> source_;
};

// Synchronous: a rung's best are promoted once the whole rung is in, so with several trials at once
// a worker waits (Proposal::wait) while the rung's last trials still train.
class HyperbandSampler : public HalvingSampler {
public:
    using HalvingSampler::HalvingSampler;
    std::string name() const override { return "hyperband"; }
    Proposal ask(const Study& study) override;
};

// Asynchronous successive halving, ASHA (Li et al., "A System for Massively Parallel Hyperparameter
// Tuning", MLSys 2020; Optuna's SuccessiveHalvingPruner): one bracket, rungs at the most aggressive
// bracket's budgets (R/η^k epochs, down to 1). Whenever a worker is free it promotes a trial that is
// in the top 1/η of everything that reached its rung so far — from the highest rung down — or else
// starts a new configuration at the lowest rung. No worker ever waits for a rung to fill; the price
// is an occasional promotion that a full rung would not have made.
class AshaSampler : public HalvingSampler {
public:
    using HalvingSampler::HalvingSampler;
    std::string name() const override { return "asha"; }
    Proposal ask(const Study& study) override;
};

}  // namespace tunelab::tune
