#include "tune/parego.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "tune/pareto.h"

namespace tunelab::tune {

namespace {

// rng_for purpose of the weight draw, apart from the BO's own stream for the same trial.
constexpr uint64_t kWeightPurpose = 7;

// Every vector of `objectives` components l/s (l = 0..s) that sum to 1, in lexicographic order.
void lattice(size_t objectives, int left, int s, std::vector<double>& prefix, std::vector<std::vector<double>>& out) {
    if (prefix.size() + 1 == objectives) {
        prefix.push_back(double(left) / s);
        out.push_back(prefix);
        prefix.pop_back();
        return;
    }
    for (int l = 0; l <= left; ++l) {
        prefix.push_back(double(l) / s);
        lattice(objectives, left - l, s, prefix, out);
        prefix.pop_back();
    }
}

}  // namespace

std::vector<double> ParEgoSampler::weights(const Study& study) {
    const size_t k = study.objectives().size();
    const int s = k == 2 ? 10 : 4;  // Knowles 2006: 11 vectors for 2 objectives, 15 for 3
    std::vector<std::vector<double>> all;
    std::vector<double> prefix;
    lattice(k, s, s, prefix, all);
    Rng rng = study.rng_for(study.next_number(), kWeightPurpose);
    return all[rng.below(uint32_t(all.size()))];
}

Study ParEgoSampler::scalarized(const Study& study, const std::vector<double>& weights, double rho) {
    std::vector<ObjectivePoint> points(study.trials().size());
    ObjectivePoint low(weights.size(), INFINITY), high(weights.size(), -INFINITY);
    for (const Trial& t : study.trials())
        if (t.status == TrialStatus::complete) {
            points[size_t(t.number)] = trade_off_point(study, t);
            for (size_t j = 0; j < weights.size(); ++j) {
                low[j] = std::min(low[j], points[size_t(t.number)][j]);
                high[j] = std::max(high[j], points[size_t(t.number)][j]);
            }
        }
    std::vector<Trial> trials = study.trials();
    for (Trial& t : trials) {
        if (t.status != TrialStatus::complete) continue;
        double largest = -INFINITY, sum = 0;
        for (size_t j = 0; j < weights.size(); ++j) {
            // An objective all trials share (one so far) scales to 0: it tells no trial apart.
            const double f = high[j] > low[j] ? (points[size_t(t.number)][j] - low[j]) / (high[j] - low[j]) : 0;
            largest = std::max(largest, weights[j] * f);
            sum += weights[j] * f;
        }
        t.value = largest + rho * sum;
    }
    return study.with_trials(std::move(trials), Direction::minimize);
}

Study ParEgoSampler::view(const Study& study) const {
    if (!study.multi_objective())
        throw std::invalid_argument("ParEGO trades several objectives off: this study has one (give it error and FLOPs)");
    return scalarized(study, weights(study), options_.rho);
}

Proposal ParEgoSampler::ask(const Study& study) {
    Proposal p = bayes_.ask(view(study));
    if (p.source != "init") p.source = "parego";
    return p;
}

bool ParEgoSampler::prepare(const Study& study) { return bayes_.prepare(view(study)); }

}  // namespace tunelab::tune
