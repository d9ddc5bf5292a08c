#pragma once
// The one interface every search strategy implements (as in Optuna, a sampler only proposes; the
// study records). A sampler is a pure function of the study: everything it draws comes from
// `study.rng_for(study.next_number())`, so a study loaded from JSON asks the same next trial, and
// strategies raced on the same seed start from comparable streams.
#include <memory>
#include <string>
#include <vector>

#include "tune/acquisition.h"
#include "tune/study.h"

namespace tunelab::tune {

class Sampler {
public:
    virtual ~Sampler() = default;
    virtual std::string name() const = 0;
    virtual Proposal ask(const Study& study) = 0;
    // Does part of the next ask()'s work ahead of it and returns true, or returns false when
    // nothing is left to prepare. A caller slicing work into frames calls it until it returns false,
    // one call per slice, so it never pays for all of a costly proposal at once (BO: fitting the GP,
    // then maximizing the acquisition). Optional: ask() does whatever was not prepared.
    virtual bool prepare(const Study&) { return false; }
};

struct SamplerOptions {
    int budget = 30;          // trials the study will run (grid derives its points from it)
    bool shuffle_grid = true; // visit grid points in random order (else row by row)
    int initial_points = 0;   // BO / TPE random start; 0: a default from the dimension
    Acquisition acquisition;
    int max_epochs = 1;       // Hyperband and ASHA: the full training length R
    int eta = 3;              // Hyperband and ASHA: keep 1/η of each rung
    std::string hyperband_source = "random";  // Hyperband and ASHA: "random" or "bayes" (BOHB)
    bool cmaes_separable = false;  // CMA-ES: diagonal covariance (sep-CMA-ES)
    bool cmaes_restarts = false;   // CMA-ES: IPOP restarts
    // BO and TPE count trials still running (several at once) at a made-up loss: see
    // observations(). Off by default, as Optuna's TPESampler(constant_liar=False): one trial at a
    // time has nothing pending.
    bool constant_liar = false;
};

// "grid", "random", "sobol", "halton", "bayes", "tpe", "cmaes", "hyperband", "asha", "parego" (several
// objectives: parego.h); throws std::invalid_argument.
std::unique_ptr<Sampler> make_sampler(const std::string& name, const SamplerOptions& options);
const std::vector<std::string>& sampler_names();

class RandomSampler : public Sampler {
public:
    std::string name() const override { return "random"; }
    Proposal ask(const Study& study) override;
};

// Sobol' or Halton points, shifted by a random vector drawn from the study's seed (modulo 1,
// a Cranley-Patterson rotation) so that each seed gives a different but equally even design.
class QuasiRandomSampler : public Sampler {
public:
    explicit QuasiRandomSampler(bool halton = false) : halton_(halton) {}
    std::string name() const override { return halton_ ? "halton" : "sobol"; }
    Proposal ask(const Study& study) override;
    static std::vector<double> unit_point(const Study& study, int index, bool halton);

private:
    bool halton_;
};

// A full factorial grid with as many points per dimension as the budget allows (k^d ≤ budget;
// categoricals get all their choices, integers at most their count), log-spaced for log parameters.
class GridSampler : public Sampler {
public:
    GridSampler(int budget, bool shuffle) : budget_(budget), shuffle_(shuffle) {}
    std::string name() const override { return "grid"; }
    Proposal ask(const Study& study) override;
    // Points per dimension for this space and budget.
    static std::vector<int> points_per_dimension(const Space& space, int budget);

private:
    int budget_;
    bool shuffle_;
};

// Losses of finished trials as (unit point, loss) pairs: what model-based samplers learn from.
// Diverged trials count as the worst loss seen, so the model learns to avoid their region.
// Trials still running (several at once) may be counted too, at a made-up loss — the constant liar
// of Ginsbourger, Le Riche & Carraro ("Kriging is well-suited to parallelize optimization", 2010) —
// so that the next proposal moves away from points already being tried instead of piling onto
// them. `lies` counts them (they come last).
enum class PendingLie {
    none,   // running trials are left out (one trial at a time has none)
    best,   // CL-min: as good as the best loss. BO lists its running trials so (best_observations keeps them), and its
            // surrogate then fantasizes their losses from the posterior instead (bayes.h: kPendingFantasies)
    worst,  // CL-max: as bad as the worst loss. TPE's, as Optuna's TPESampler(constant_liar=True)
};
struct Observations {
    std::vector<Values> params;
    std::vector<double> loss;
    size_t lies = 0;
    size_t size() const { return loss.size(); }
    size_t observed() const { return loss.size() - lies; }
    bool operator==(const Observations&) const = default;
};
Observations observations(const Study& study, PendingLie lie = PendingLie::none);
// The `most` observations of lowest loss, in their order: a model whose cost grows faster than the
// study (a GP, n³) learns from the promising region only once the study is large.
Observations best_observations(Observations all, size_t most);

}  // namespace tunelab::tune
