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
    int max_epochs = 1;       // Hyperband: the full training length R
    int eta = 3;              // Hyperband: keep 1/η of each rung
    std::string hyperband_source = "random";  // "random" or "bayes" (BOHB)
    bool cmaes_separable = false;  // CMA-ES: diagonal covariance (sep-CMA-ES)
    bool cmaes_restarts = false;   // CMA-ES: IPOP restarts
};

// "grid", "random", "sobol", "halton", "bayes", "tpe", "cmaes", "hyperband"; throws std::invalid_argument.
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
struct Observations {
    std::vector<Values> params;
    std::vector<double> loss;
    size_t size() const { return loss.size(); }
    bool operator==(const Observations&) const = default;
};
Observations observations(const Study& study);
// The `most` observations of lowest loss, in their order: a model whose cost grows faster than the
// study (a GP, n³) learns from the promising region only once the study is large.
Observations best_observations(Observations all, size_t most);

}  // namespace tunelab::tune
