#include "tune/tpe.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

#include "tune/pareto.h"

namespace tunelab::tune {

namespace {

// A Parzen estimator on the unit cube: one product kernel per observation plus a uniform prior
// component (weight of one observation), so the density never vanishes where nothing was tried.
class Parzen {
public:
    Parzen(const Space& space, std::vector<const Values*> points) : space_(space), points_(std::move(points)) {
        // Scott-like bandwidth shrinking with the sample size (Optuna's multivariate TPE).
        const double n = double(points_.size()) + 1, d = double(space.size());
        sigma_ = std::clamp(0.2 * std::pow(n, -1.0 / (d + 4)), 0.01, 1.0);
    }

    double log_density(const Values& x) const {
        // Components in log space, combined with log-sum-exp: products of many small kernels underflow.
        std::vector<double> logs = {0.0};  // the uniform prior's density is 1 on the cube
        for (const Values* p : points_) logs.push_back(log_kernel(*p, x));
        double top = *std::max_element(logs.begin(), logs.end()), sum = 0;
        for (double l : logs) sum += std::exp(l - top);
        return top + std::log(sum / double(logs.size()));
    }

    Values sample(Rng& rng) const {
        size_t k = rng.below(uint32_t(points_.size() + 1));
        std::vector<double> u(space_.size());
        for (size_t i = 0; i < u.size(); ++i) {
            const Values* center = k < points_.size() ? points_[k] : nullptr;
            const Param& p = space_.params()[i];
            if (!center || !is_active((*center)[i])) {
                u[i] = rng.uniform();
            } else if (p.kind == ParamKind::categorical) {
                // Keep the centre's choice with probability 1 − ε, else any other.
                size_t choices = p.choices.size(), c = size_t((*center)[i]);
                if (!rng.bernoulli(kKeepChoice) && choices > 1) c = (c + 1 + rng.below(uint32_t(choices - 1))) % choices;
                u[i] = (double(c) + 0.5) / double(choices);
            } else {
                // Truncated normal by rejection (σ ≤ 0.2 keeps the acceptance high).
                double mu = space_.encode(i, (*center)[i]), x;
                do x = rng.normal(mu, sigma_);
                while (x < 0 || x > 1);
                u[i] = x;
            }
        }
        return space_.decode(u);
    }

private:
    static constexpr double kKeepChoice = 0.8;

    double log_kernel(const Values& center, const Values& x) const {
        double log_k = 0;
        for (size_t i = 0; i < space_.size(); ++i) {
            if (!is_active(center[i]) || !is_active(x[i])) continue;  // marginalized: density 1
            const Param& p = space_.params()[i];
            if (p.kind == ParamKind::categorical) {
                double k = double(p.choices.size());
                log_k += std::log(k == 1 ? 1.0 : x[i] == center[i] ? kKeepChoice * k : (1 - kKeepChoice) * k / (k - 1));
                continue;
            }
            double mu = space_.encode(i, center[i]), z = (space_.encode(i, x[i]) - mu) / sigma_;
            double mass = normal_cdf((1 - mu) / sigma_) - normal_cdf(-mu / sigma_);
            log_k += -0.5 * z * z - std::log(sigma_ * std::sqrt(2 * std::numbers::pi) * mass);
        }
        return log_k;
    }

    const Space& space_;
    std::vector<const Values*> points_;
    double sigma_;
};

// MOTPE's split (Ozaki et al., "Multiobjective tree-structured Parzen estimator", JAIR 2022; Optuna's
// TPESampler on a study of several objectives): the good trials are the best non-dominated ranks, and
// where a rank must be cut, its trials that add the most hypervolume, chosen greedily. Diverged and
// failed trials are bad. (Optuna also weights the good trials by their hypervolume contribution;
// here each counts once, as in the single-objective split.)
void multi_objective_split(const Study& study, size_t n_good, std::vector<const Values*>& good, std::vector<const Values*>& bad) {
    std::vector<const Trial*> done;
    std::vector<ObjectivePoint> points;
    for (const Trial& t : study.trials())
        if (t.status == TrialStatus::complete) {
            done.push_back(&t);
            points.push_back(trade_off_point(study, t));
        } else if (t.status == TrialStatus::pruned || t.status == TrialStatus::diverged) {
            bad.push_back(&t.params);
        }
    if (points.empty()) return;
    // The hypervolume's reference: 10 % of each objective's range beyond its worst value.
    ObjectivePoint reference = points.front(), low = points.front();
    for (const ObjectivePoint& p : points)
        for (size_t j = 0; j < p.size(); ++j) reference[j] = std::max(reference[j], p[j]), low[j] = std::min(low[j], p[j]);
    for (size_t j = 0; j < reference.size(); ++j) reference[j] += 0.1 * (reference[j] - low[j]) + 1e-12;
    const std::vector<int> ranks = nondominated_ranks(points);
    std::vector<bool> chosen(points.size(), false);
    for (int rank = 0; good.size() < n_good; ++rank) {
        std::vector<size_t> members;
        for (size_t i = 0; i < points.size(); ++i)
            if (ranks[i] == rank) members.push_back(i);
        if (members.empty()) break;
        std::vector<ObjectivePoint> kept;
        while (good.size() < n_good && !members.empty()) {
            size_t pick = 0;
            if (good.size() + members.size() > n_good) {  // the rank is cut: the largest contribution first
                double best = -1;
                for (size_t m = 0; m < members.size(); ++m) {
                    kept.push_back(points[members[m]]);
                    const double volume = hypervolume(kept, reference);
                    kept.pop_back();
                    if (volume > best) best = volume, pick = m;
                }
            }
            kept.push_back(points[members[pick]]);
            chosen[members[pick]] = true;
            good.push_back(&done[members[pick]]->params);
            members.erase(members.begin() + long(pick));
        }
    }
    for (size_t i = 0; i < points.size(); ++i)
        if (!chosen[i]) bad.push_back(&done[i]->params);
}

}  // namespace

Proposal TpeSampler::ask(const Study& study) {
    Observations obs = observations(study, options_.constant_liar ? PendingLie::worst : PendingLie::none);
    Rng rng = study.rng_for(study.next_number());
    int startup = options_.initial_points > 0 ? options_.initial_points : TpeOptions::kDefaultInitialPoints;
    if (int(obs.observed()) < startup) {
        Proposal p = RandomSampler().ask(study);
        p.source = "init";
        return p;
    }
    size_t n_good = std::min<size_t>(25, size_t(std::ceil(options_.gamma * double(obs.size()))));
    std::vector<const Values*> good, bad;
    if (study.multi_objective()) {
        multi_objective_split(study, n_good, good, bad);
        if (options_.constant_liar)  // running trials count as bad (their lie), as in the single-objective split
            for (const Trial& t : study.trials())
                if (t.status == TrialStatus::running) bad.push_back(&t.params);
    } else {
        std::vector<size_t> order(obs.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return obs.loss[a] < obs.loss[b]; });
        for (size_t r = 0; r < order.size(); ++r) (r < n_good ? good : bad).push_back(&obs.params[order[r]]);
    }
    Parzen l(study.space(), good), g(study.space(), bad);

    Proposal p{l.sample(rng)};
    double best = l.log_density(p.params) - g.log_density(p.params);
    for (int i = 1; i < options_.candidates; ++i) {
        Values x = l.sample(rng);
        double score = l.log_density(x) - g.log_density(x);
        if (score > best) best = score, p.params = std::move(x);
    }
    p.source = "tpe";
    return p;
}

}  // namespace tunelab::tune
