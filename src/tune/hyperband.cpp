#include "tune/hyperband.h"

#include <algorithm>
#include <cmath>

namespace tunelab::tune {

namespace {

int power(int base, int exponent) {
    int p = 1;
    while (exponent-- > 0) p *= base;
    return p;
}

int bracket_s(int bracket, const HyperbandOptions& options) {
    int s_max = max_bracket(options);
    return s_max - bracket % (s_max + 1);
}

// What a configuration source learns from: every trial that trained at least `epochs` epochs,
// scored by its value at that epoch, on the largest budget with enough of them to fit a model.
Study source_view(const Study& study, const HyperbandOptions& options) {
    int enough = int(study.space().size()) + 2;
    for (int s = 0; s <= max_bracket(options); ++s) {
        int epochs = bracket_rungs(s, options)[0].epochs;  // budgets from largest to smallest
        std::vector<Trial> seen;
        for (const Trial& t : study.trials())
            if (int(t.intermediate.size()) >= epochs && (t.finished() || t.status == TrialStatus::running)) {
                Trial copy = t;
                copy.status = TrialStatus::complete;
                copy.value = t.intermediate[size_t(epochs - 1)];
                seen.push_back(std::move(copy));
            }
        if (int(seen.size()) >= enough || s == max_bracket(options)) return study.with_trials(std::move(seen));
    }
    return study.with_trials({});
}

}  // namespace

int max_bracket(const HyperbandOptions& options) {
    int s = 0;
    while (power(options.eta, s + 1) <= options.max_epochs) ++s;
    return s;
}

std::vector<Rung> bracket_rungs(int s, const HyperbandOptions& options) {
    const int s_max = max_bracket(options), eta = options.eta;
    const int n0 = ((s_max + 1) * power(eta, s) + s) / (s + 1);  // ceiling division
    std::vector<Rung> rungs;
    for (int i = 0; i <= s; ++i)
        rungs.push_back({n0 / power(eta, i), std::max(1, options.max_epochs / power(eta, s - i))});
    return rungs;
}

std::vector<BracketView> brackets(const Study& study, const HyperbandOptions& options) {
    std::vector<BracketView> views;
    for (const Trial& t : study.trials()) {
        if (t.bracket < 0) continue;
        while (int(views.size()) <= t.bracket) {
            BracketView v;
            v.bracket = int(views.size());
            v.s = bracket_s(v.bracket, options);
            v.rungs = bracket_rungs(v.s, options);
            v.trials.resize(v.rungs.size());
            views.push_back(std::move(v));
        }
        for (int i = 0; i <= t.rung && i < int(views[size_t(t.bracket)].trials.size()); ++i)
            views[size_t(t.bracket)].trials[size_t(i)].push_back(t.number);
    }
    return views;
}

Proposal HyperbandSampler::ask(const Study& study) {
    int bracket = 0;
    for (const Trial& t : study.trials()) bracket = std::max(bracket, t.bracket);
    for (;; ++bracket) {
        const std::vector<Rung> rungs = bracket_rungs(bracket_s(bracket, options_), options_);
        std::vector<const Trial*> members;
        for (const Trial& t : study.trials())
            if (t.bracket == bracket) members.push_back(&t);
        if (int(members.size()) < rungs[0].configs) {
            Proposal p = source_->ask(source_view(study, options_));
            p.budget = rungs[0].epochs;
            p.bracket = bracket;
            p.rung = 0;
            return p;
        }
        for (int i = 1; i < int(rungs.size()); ++i) {
            int promoted = int(std::count_if(members.begin(), members.end(), [&](const Trial* t) { return t->rung >= i; }));
            if (promoted >= rungs[size_t(i)].configs) continue;
            if (std::any_of(members.begin(), members.end(),
                            [&](const Trial* t) { return t->rung == i - 1 && t->status == TrialStatus::running; })) {
                Proposal wait;  // the rung below is not in yet
                wait.wait = true;
                return wait;
            }
            // Promote the best trial that stopped at the rung below (promoted ones have moved up).
            const Trial* best = nullptr;
            for (const Trial* t : members)
                if (t->rung == i - 1 && t->status == TrialStatus::pruned && (!best || study.better(*t->value, *best->value)))
                    best = t;
            if (!best) break;  // the rung below lost its trials (failed or diverged): bracket ends
            Proposal p{best->params};
            p.budget = rungs[size_t(i)].epochs;
            p.bracket = bracket;
            p.rung = i;
            p.resume = best->number;
            p.source = "promotion";
            return p;
        }
    }
}

Proposal AshaSampler::ask(const Study& study) {
    const std::vector<Rung> rungs = bracket_rungs(max_bracket(options_), options_);
    for (int k = int(rungs.size()) - 2; k >= 0; --k) {
        // Everything that has trained through rung k, ranked by its value there.
        const int epochs = rungs[size_t(k)].epochs;
        std::vector<const Trial*> reached;
        for (const Trial& t : study.trials())
            if (t.bracket == 0 && int(t.intermediate.size()) >= epochs && std::isfinite(t.intermediate[size_t(epochs - 1)]))
                reached.push_back(&t);
        std::stable_sort(reached.begin(), reached.end(), [&](const Trial* a, const Trial* b) {
            return study.better(a->intermediate[size_t(epochs - 1)], b->intermediate[size_t(epochs - 1)]);
        });
        reached.resize(reached.size() / size_t(options_.eta));  // the top 1/η
        for (const Trial* t : reached)
            if (t->rung == k && t->status == TrialStatus::pruned) {
                Proposal p{t->params};
                p.budget = rungs[size_t(k + 1)].epochs;
                p.bracket = 0;
                p.rung = k + 1;
                p.resume = t->number;
                p.source = "promotion";
                return p;
            }
    }
    Proposal p = source_->ask(source_view(study, options_));
    p.budget = rungs[0].epochs;
    p.bracket = 0;
    p.rung = 0;
    return p;
}

}  // namespace tunelab::tune
