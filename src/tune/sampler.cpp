#include "tune/sampler.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "tune/bayes.h"
#include "tune/cmaes.h"
#include "tune/hyperband.h"
#include "tune/parego.h"
#include "tune/sobol.h"
#include "tune/tpe.h"

namespace tunelab::tune {

namespace {

// rng_for purposes, so that different uses of one trial's stream never overlap.
constexpr uint64_t kShiftPurpose = 1, kGridPurpose = 2;

}  // namespace

Proposal RandomSampler::ask(const Study& study) {
    Rng rng = study.rng_for(study.next_number());
    std::vector<double> unit(study.space().size());
    for (double& u : unit) u = rng.uniform();
    return {study.space().decode(unit)};
}

std::vector<double> QuasiRandomSampler::unit_point(const Study& study, int index, bool halton) {
    int d = int(study.space().size());
    std::vector<double> u = halton ? halton_point(uint32_t(index), d) : Sobol(d).point(uint32_t(index));
    Rng shift = study.rng_for(0, kShiftPurpose);
    for (double& x : u) {
        x += shift.uniform();
        x -= std::floor(x);
    }
    return u;
}

Proposal QuasiRandomSampler::ask(const Study& study) {
    return {study.space().decode(unit_point(study, study.next_number(), halton_))};
}

std::vector<int> GridSampler::points_per_dimension(const Space& space, int budget) {
    const size_t d = space.size();
    std::vector<int> k(d, 1), cap(d);
    for (size_t i = 0; i < d; ++i) {
        const Param& p = space.params()[i];
        cap[i] = p.kind == ParamKind::categorical ? int(p.choices.size())
                 : p.kind == ParamKind::integer        ? int(std::min(p.high - p.low + 1, 1e6))
                                                   : 1 << 20;
    }
    // Grow the dimension with the fewest points while the whole grid still fits in the budget:
    // the grid stays as even as the budget allows (9 trials in 2-D: 3 × 3).
    double total = 1;
    for (;;) {
        int grow = -1;
        for (size_t i = 0; i < d; ++i)
            if (k[i] < cap[i] && total / k[i] * (k[i] + 1) <= budget && (grow < 0 || k[i] < k[size_t(grow)]))
                grow = int(i);
        if (grow < 0) return k;
        total = total / k[size_t(grow)] * (k[size_t(grow)] + 1);
        ++k[size_t(grow)];
    }
}

Proposal GridSampler::ask(const Study& study) {
    const Space& space = study.space();
    std::vector<int> k = points_per_dimension(space, budget_);
    int size = std::accumulate(k.begin(), k.end(), 1, std::multiplies<>());
    int index = study.next_number() % size;
    if (shuffle_) {
        std::vector<int> order(static_cast<size_t>(size));
        std::iota(order.begin(), order.end(), 0);
        Rng rng = study.rng_for(0, kGridPurpose);
        rng.shuffle(std::span<int>(order));
        index = order[size_t(index)];
    }
    // Mixed-radix digits of the index pick each dimension's point; endpoints are included, as in
    // np.linspace / np.logspace, because that is the grid a learner writes by hand.
    std::vector<double> unit(space.size());
    for (size_t i = 0; i < space.size(); ++i) {
        int digit = index % k[i];
        index /= k[i];
        const Param& p = space.params()[i];
        if (p.kind == ParamKind::categorical) unit[i] = (digit + 0.5) / k[i];
        else unit[i] = k[i] == 1 ? 0.5 : double(digit) / (k[i] - 1);
    }
    return {space.decode(unit)};
}

Observations observations(const Study& study, PendingLie lie) {
    Observations obs;
    double best = INFINITY, worst = -INFINITY;
    // A warm start's trials first, as prior observations (Study::warm_start_from), then the study's own.
    for (const auto* trials : {&study.warm_start(), &study.trials()})
        for (const Trial& t : *trials)
            if (t.finished()) {
                obs.params.push_back(t.params);
                obs.loss.push_back(study.loss(*t.value));
                best = std::min(best, obs.loss.back());
                worst = std::max(worst, obs.loss.back());
            }
    if (!std::isfinite(worst)) return obs;
    for (const auto* trials : {&study.warm_start(), &study.trials()})
        for (const Trial& t : *trials)
            if (t.status == TrialStatus::diverged) {
                obs.params.push_back(t.params);
                obs.loss.push_back(worst);
            }
    if (lie == PendingLie::none) return obs;
    for (const Trial& t : study.trials())
        if (t.status == TrialStatus::running) {
            obs.params.push_back(t.params);
            obs.loss.push_back(lie == PendingLie::best ? best : worst);
            ++obs.lies;
        }
    return obs;
}

Observations best_observations(Observations all, size_t most) {
    if (all.size() <= most) return all;
    std::vector<size_t> order(all.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return all.loss[a] < all.loss[b]; });
    order.resize(most);
    std::sort(order.begin(), order.end());
    Observations best;
    for (size_t i : order) {
        best.params.push_back(std::move(all.params[i]));
        best.loss.push_back(all.loss[i]);
        if (i >= all.observed()) ++best.lies;
    }
    return best;
}

const std::vector<std::string>& sampler_names() {
    static const std::vector<std::string> names = {"grid", "random", "sobol",     "halton", "bayes",
                                                   "tpe",  "cmaes",  "hyperband", "asha",   "parego"};
    return names;
}

std::unique_ptr<Sampler> make_sampler(const std::string& name, const SamplerOptions& options) {
    if (name == "grid") return std::make_unique<GridSampler>(options.budget, options.shuffle_grid);
    if (name == "random") return std::make_unique<RandomSampler>();
    if (name == "sobol" || name == "halton") return std::make_unique<QuasiRandomSampler>(name == "halton");
    if (name == "bayes") {
        BayesOptions bayes;
        bayes.initial_points = options.initial_points;
        bayes.acquisition = options.acquisition;
        bayes.constant_liar = options.constant_liar;
        return std::make_unique<BayesSampler>(bayes);
    }
    if (name == "parego") {
        ParEgoOptions parego;
        parego.bayes.initial_points = options.initial_points;
        parego.bayes.acquisition = options.acquisition;
        parego.bayes.constant_liar = options.constant_liar;
        return std::make_unique<ParEgoSampler>(parego);
    }
    if (name == "tpe") {
        TpeOptions tpe;
        tpe.initial_points = options.initial_points;
        tpe.constant_liar = options.constant_liar;
        return std::make_unique<TpeSampler>(tpe);
    }
    if (name == "cmaes") {
        CmaEsOptions cmaes;
        cmaes.separable = options.cmaes_separable;
        cmaes.restarts = options.cmaes_restarts;
        return std::make_unique<CmaEsSampler>(cmaes);
    }
    if (name == "hyperband" || name == "asha") {
        if (options.hyperband_source != "random" && options.hyperband_source != "bayes")
            throw std::invalid_argument(name + " takes its configurations from random or bayes");
        const HyperbandOptions hyperband{options.max_epochs, options.eta};
        std::unique_ptr<Sampler> source = make_sampler(options.hyperband_source, options);
        if (name == "asha") return std::make_unique<AshaSampler>(hyperband, std::move(source));
        return std::make_unique<HyperbandSampler>(hyperband, std::move(source));
    }
    std::string known;
    for (const std::string& n : sampler_names()) known += (known.empty() ? "" : ", ") + n;
    throw std::invalid_argument("unknown sampler '" + name + "' (" + known + ")");
}

}  // namespace tunelab::tune
