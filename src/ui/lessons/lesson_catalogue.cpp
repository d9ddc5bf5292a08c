// The lessons, as a table. Setups and actions are the hook commands a test would send; the English
// texts are keys into strings_lessons.cpp. Each lesson keeps its training small (a few hundred
// points, tens of epochs) so it finishes in a second or two, also in a browser.
#include <algorithm>
#include <cmath>
#include <set>

#include "ui/app.h"
#include "ui/arena/arena_pool.h"
#include "ui/arena/arena_summary.h"
#include "ui/arena/arena_tradeoff.h"
#include "ui/lessons/lessons.h"

namespace tunelab::ui {
namespace {

// ---------------------------------------------------------------------------- reading the lab

// Run i's trainer once it has run to its end (finished, stopped early or diverged), else null.
const Trainer* ended(const AppState& app, int i) {
    if (i == 1 && !app.lab.compare) return nullptr;
    const Trainer* trainer = app.lab.runs[size_t(i)].trainer.get();
    return trainer && trainer->finished() ? trainer : nullptr;
}

bool finished_normally(const Trainer* t) {
    return t && !t->history().empty() && (t->status() == Status::finished || t->status() == Status::stopped_early);
}

bool both_finished_normally(const AppState& app) { return finished_normally(ended(app, 0)) && finished_normally(ended(app, 1)); }

const EpochRecord& last(const Trainer* t) { return t->history().back(); }

const TrainConfig& config(const AppState& app, int i) { return app.lab.runs[size_t(i)].config; }

// ---------------------------------------------------------------------------- figures
// Each returns NaN until the runs it reads have ended; the lesson's Contrast says what it shows.

constexpr double kNotYet = NAN;

// A run's final training loss; a diverged run's is infinite (its loss left the plot).
double final_train_loss(const Trainer* t) {
    if (t->status() == Status::diverged) return INFINITY;
    return t->history().empty() ? kNotYet : last(t).train_loss;
}

// B's final training loss over A's (both must have ended; a diverged B gives infinity).
double loss_b_over_a(const AppState& app) {
    const Trainer *a = ended(app, 0), *b = ended(app, 1);
    if (!finished_normally(a) || !b) return kNotYet;
    return final_train_loss(b) / last(a).train_loss;
}

// Run i's final validation metric (accuracy or R²) in percent, or its R² as it is.
double validation_accuracy(const AppState& app, int i) {
    const Trainer* t = ended(app, i);
    return finished_normally(t) ? 100 * last(t).validation_metric : kNotYet;
}
double accuracy_a(const AppState& app) { return validation_accuracy(app, 0); }
double accuracy_b(const AppState& app) { return validation_accuracy(app, 1); }
double r2_a(const AppState& app) { return finished_normally(ended(app, 0)) ? last(ended(app, 0)).validation_metric : kNotYet; }

// The lower of both runs' final validation accuracies: both runs learn when it is high.
double accuracy_both(const AppState& app) { return std::min(accuracy_a(app), accuracy_b(app)); }

// The epoch at which a run's validation accuracy first reached `level` (infinity if never).
double epochs_to(const Trainer* t, double level) {
    for (const EpochRecord& r : t->history())
        if (r.validation_metric >= level) return r.epoch;
    return INFINITY;
}
constexpr double kFastLevel = 0.9;  // "reaches 90% validation accuracy"

// Run i's learning rate in its last epoch over the rate set: how far hypergradient descent moved it.
double rate_change(const AppState& app, int i) {
    const Trainer* t = ended(app, i);
    return finished_normally(t) ? last(t).learning_rate / config(app, i).lr.lr : kNotYet;
}
double rate_change_a(const AppState& app) { return rate_change(app, 0); }
double rate_change_b(const AppState& app) { return rate_change(app, 1); }

double epochs_to_90_b_over_a(const AppState& app) {
    if (!both_finished_normally(app)) return kNotYet;
    return epochs_to(ended(app, 1), kFastLevel) / epochs_to(ended(app, 0), kFastLevel);
}

// How much the training loss jumps from epoch to epoch over the second half of training, relative
// to its level: the visible jaggedness of a curve on the log-scale loss plot.
double roughness(const Trainer* t) {
    const auto& h = t->history();
    double jumps = 0, level = 0;
    for (size_t e = h.size() / 2 + 1; e < h.size(); ++e) {
        jumps += std::abs(h[e].train_loss - h[e - 1].train_loss);
        level += h[e].train_loss;
    }
    return level > 0 ? jumps / level : 0;
}

double roughness_a_over_b(const AppState& app) {
    if (!both_finished_normally(app)) return kNotYet;
    return roughness(ended(app, 0)) / roughness(ended(app, 1));
}

// Run i's final validation loss.
double validation_loss(const AppState& app, int i) {
    const Trainer* t = ended(app, i);
    return finished_normally(t) ? last(t).validation_loss : kNotYet;
}
double validation_loss_a_over_b(const AppState& app) { return validation_loss(app, 0) / validation_loss(app, 1); }

double lowest_validation_loss(const Trainer* t) {
    double best = INFINITY;
    for (const EpochRecord& r : t->history()) best = std::min(best, r.validation_loss);
    return best;
}

// Run A's final validation loss over its lowest: how far it climbed back after its best epoch.
double validation_loss_climb(const AppState& app) {
    const Trainer* a = ended(app, 0);
    return finished_normally(a) ? last(a).validation_loss / lowest_validation_loss(a) : kNotYet;
}

// Run i's final training accuracy minus its validation accuracy, in points.
double accuracy_gap(const AppState& app, int i) {
    const Trainer* t = ended(app, i);
    return finished_normally(t) ? 100 * (last(t).train_metric - last(t).validation_metric) : kNotYet;
}
double accuracy_gap_a(const AppState& app) { return accuracy_gap(app, 0); }

// Run i's final validation loss minus its training loss: the over-fitting gap on the loss plot.
double loss_gap(const AppState& app, int i) {
    const Trainer* t = ended(app, i);
    return finished_normally(t) ? last(t).validation_loss - last(t).train_loss : kNotYet;
}
double loss_gap_a_over_b(const AppState& app) { return loss_gap(app, 0) / loss_gap(app, 1); }

double weight_norm(const Trainer* t) {
    double sum = 0;
    for (double n : last(t).weight_norms) sum += n;
    return sum;
}
double weight_norm_a_over_b(const AppState& app) {
    if (!both_finished_normally(app)) return kNotYet;
    return weight_norm(ended(app, 0)) / weight_norm(ended(app, 1));
}

// Share of run B's weights (not biases) that are zero, to the histogram's eye (|w| < 0.001), in percent.
double zero_weight_share_b(const AppState& app) {
    const Trainer* b = ended(app, 1);
    if (!finished_normally(b)) return kNotYet;
    int zeros = 0, all = 0;
    for (int l = 0; l < b->model().layer_count(); ++l)
        for (float w : b->model().weights(l).reshaped()) {
            ++all;
            zeros += std::abs(w) < 1e-3f;
        }
    return 100.0 * zeros / all;
}

// Epochs run A trained before it stopped.
double epochs_trained_a(const AppState& app) {
    const Trainer* a = ended(app, 0);
    return finished_normally(a) ? a->epoch() : kNotYet;
}

// How many different units run i's first hidden layer has: units whose incoming weights and bias
// equal another's compute the same thing and get the same update, forever.
double distinct_units(const AppState& app, int i) {
    const Trainer* t = ended(app, i);
    if (!finished_normally(t)) return kNotYet;
    const auto weights = t->model().weights(0);
    const auto bias = t->model().bias(0);
    int distinct = 0;
    for (int u = 0; u < weights.rows(); ++u) {
        bool seen = false;
        for (int v = 0; v < u && !seen; ++v)
            seen = (weights.row(u) - weights.row(v)).cwiseAbs().maxCoeff() < 1e-6f && std::abs(bias(u) - bias(v)) < 1e-6f;
        distinct += !seen;
    }
    return distinct;
}
double distinct_units_a(const AppState& app) { return distinct_units(app, 0); }
double distinct_units_b(const AppState& app) { return distinct_units(app, 1); }

// Run A's first-epoch training loss over B's; infinity when A diverged.
double first_loss_a_over_b(const AppState& app) {
    const Trainer *a = ended(app, 0), *b = ended(app, 1);
    if (!a || !finished_normally(b)) return kNotYet;
    if (a->status() == Status::diverged || a->history().empty()) return INFINITY;
    return a->history().front().train_loss / b->history().front().train_loss;
}

double flops_b_over_a(const AppState& app) {
    return both_finished_normally(app) ? ended(app, 1)->flops() / ended(app, 0)->flops() : kNotYet;
}
double accuracy_difference(const AppState& app) { return std::abs(accuracy_b(app) - accuracy_a(app)); }

// One validation point's share of the validation accuracy, in points: the smallest step it can take.
double validation_granularity(const AppState& app) {
    if (!finished_normally(ended(app, 0)) || !app.lab.data) return kNotYet;
    return 100.0 / std::max(app.lab.data->info.validation_size, 1);
}

// ---------------------------------------------------------------------------- shared setups

// Run B, in compare mode, with the same training settings as A: an A/B test where only the change
// the learner makes shows. `train` is a JSON object literal.
#define AND_B_ALIKE(train) R"({"cmd":"lab.set","run":1,"compare":true,"train":)" train "}"

// `data` for both runs, trained alike (A/B).
#define AB(data, train) "[" R"({"cmd":"lab.set","data":)" data R"(,"train":)" train "}," AND_B_ALIKE(train) "]"

// Two tanh layers of `units`.
#define TANH2(units) R"("hidden":[{"units":)" #units R"(,"activation":"tanh"},{"units":)" #units R"(,"activation":"tanh"}])"

// Noisy moons, few points, half held out, and a network much larger than it needs: it learns the
// moons in a few dozen epochs, then memorises the noise (the over-fitting stage).
#define OVERFIT_DATA R"({"kind":"moons","size":120,"noise":0.3,"validation_ratio":0.5})"
#define OVERFIT_TRAIN R"({"model":{)" TANH2(48) R"(},"optimizer":{"kind":"adam"},"lr":{"lr":0.01},"epochs":200})"
#define OVERFIT_SETUP R"({"cmd":"lab.set","data":)" OVERFIT_DATA R"(,"train":)" OVERFIT_TRAIN "}"

// One round of the arena, as "Step one round" does.
#define ROUND R"({"cmd":"arena.round"})"
// The initial design of a 1-D BO study (5 evenly spread trials) and its first model-guided trial.
#define SIX_ROUNDS ROUND "," ROUND "," ROUND "," ROUND "," ROUND "," ROUND

// A small network for the cost lesson: one hidden layer of 8 units.
#define SMALL_NET R"({"model":{"hidden":[{"units":8,"activation":"tanh"}]},"optimizer":{"kind":"adam"},"lr":{"lr":0.03},"epochs":40})"

// The arena challenge's base network: what a search starts from and does not tune.
#define CHALLENGE_NET                                                                                  \
    R"({"model":{"hidden":[{"units":32,"activation":"relu"},{"units":32,"activation":"relu"}],"init":"he"},)" \
    R"("optimizer":{"kind":"adam"},"lr":{"kind":"cosine"}})"

// Four ReLU layers of 32 units.
#define DEEP_RELU                                                                       \
    R"("hidden":[{"units":32,"activation":"relu"},{"units":32,"activation":"relu"},)" \
    R"({"units":32,"activation":"relu"},{"units":32,"activation":"relu"}])"
// Those layers started from Gaussian weights of sigma 1: signals grow layer by layer.
#define DEEP_GAUSSIAN R"({"model":{)" DEEP_RELU R"(,"init":"gaussian","init_scale":1},"lr":{"lr":0.03},"epochs":40})"

// The warm-start lesson: a network trained with plain SGD, whose good learning rates (0.1 to 1) lie far
// from the middle of the searched range (1e-6 to 3, log), so a cold search must find them; sin x and
// sin y features let it learn the spiral in 40 epochs, so a trial stays cheap in a browser.
#define WARM_NET                                                                                                \
    R"({"model":{"hidden":[{"units":32,"activation":"relu"},{"units":32,"activation":"relu"}],"init":"he"},)" \
    R"("optimizer":{"kind":"sgd"},"lr":{"lr":0.01},"batch":{"size":10},"epochs":40})"
#define WARM_DATA(kind, size) \
    R"({"kind":")" kind R"(","size":)" #size R"(,"noise":0.05,"validation_ratio":0.5,"extra":{"sin_x":true,"sin_y":true}})"
#define WARM_RACE                                                                                                            \
    R"({"cmd":"arena.set","objective":"lab","metric":"val_accuracy","strategies":["bo_ei"],"trials":15,"epochs":40,)"        \
    R"("repeats":5,"params":{"lr":{"tuned":true,"low":1e-06,"high":3,"log":true},"batch":{"tuned":true,"low":2,"high":128,)" \
    R"("log":true}}})"
// What the later steps ask: "Reuse this race's trials", then ▶ Start race.
#define REUSE_AND_START R"([{"cmd":"arena.reuse"},{"cmd":"arena.start"}])"
// The earlier study the later steps reuse: BO (EI) on the small spiral, raced to its end.
#define EARLIER_RACE R"({"cmd":"lab.set","data":)" WARM_DATA("spiral", 200) R"(},{"cmd":"arena.start"},{"cmd":"arena.finish"})"

// Distinct values a racer tried of the search space's first parameter.
size_t distinct_first_values(const Racer& racer) {
    std::set<double> values;
    for (const tune::Trial& trial : racer.runner->study().trials()) values.insert(trial.params.at(0));
    return values.size();
}

const Racer* finished_racer(const AppState& app, const char* strategy) {
    if (app.arena.racers.empty() || !race_finished(app.arena)) return nullptr;
    for (const Racer& racer : app.arena.racers)
        if (racer.strategy == strategy) return &racer;
    return nullptr;
}

// The racer of a strategy (its first seed), or null.
const Racer* racer_of(const AppState& app, const char* strategy) {
    for (const Racer& racer : app.arena.racers)
        if (racer.strategy == strategy) return &racer;
    return nullptr;
}

// How far a trial's first parameter lies from the nearest earlier trial's: small when the
// sampler exploits a known good spot, large when it explores a gap.
double gap_to_earlier(const tune::Study& study, int number) {
    double gap = INFINITY;
    for (int n = 0; n < number; ++n) gap = std::min(gap, std::abs(study.trial(n).params.at(0) - study.trial(number).params.at(0)));
    return gap;
}

// Trials the Bayesian model proposed (after the evenly spread initial design).
int model_trials(const tune::Study& study) {
    return int(std::count_if(study.trials().begin(), study.trials().end(), [](const tune::Trial& t) { return t.source == "ei"; }));
}

int trials_with(const tune::Study& study, tune::TrialStatus status) {
    return int(std::count_if(study.trials().begin(), study.trials().end(), [&](const tune::Trial& t) { return t.status == status; }));
}

double random_distinct_over_grid(const AppState& app) {
    const Racer *grid = finished_racer(app, "grid"), *random = finished_racer(app, "random");
    return grid && random ? double(distinct_first_values(*random)) / double(distinct_first_values(*grid)) : kNotYet;
}

double model_trials_bo(const AppState& app) {
    const Racer* bo = racer_of(app, "bo_ei");
    return bo && !app.arena.racing ? model_trials(bo->runner->study()) : kNotYet;
}

// The newest trial's distance to the trials before it, over the first model-guided trial's.
double exploration_gap_ratio(const AppState& app) {
    const Racer* bo = racer_of(app, "bo_ei");
    if (!bo) return kNotYet;
    const tune::Study& study = bo->runner->study();
    const int n = int(study.trials().size()) - 1;
    const auto first = std::find_if(study.trials().begin(), study.trials().end(), [](const tune::Trial& t) { return t.source == "ei"; });
    if (model_trials(study) < 2 || !study.trial(n).finished()) return kNotYet;
    return gap_to_earlier(study, n) / gap_to_earlier(study, int(first - study.trials().begin()));
}

// ParEGO's hypervolume over BO's (arena_tradeoff.h), once both racers have finished.
double hypervolume_parego_over_bo(const AppState& app) {
    if (!finished_racer(app, "parego") || !finished_racer(app, "bo_ei")) return kNotYet;
    double parego = NAN, bo = NAN;
    for (const StrategyTradeOff& s : trade_offs(app.arena)) {
        if (s.strategy == "parego") parego = s.mean_hypervolume();
        if (s.strategy == "bo_ei") bo = s.mean_hypervolume();
    }
    return parego / bo;
}

// Trials a racer's model chose (its random start left out) that cost less than the middle of the
// race's cost range on its log scale: where a search looks, cheap networks or costly ones.
int cheap_model_trials(const Racer& racer, const tune::TradeOffBox& box) {
    const double middle = 0.5 * (box.ideal[1] + box.nadir[1]);
    return int(std::count_if(racer.runner->study().trials().begin(), racer.runner->study().trials().end(), [&](const tune::Trial& t) {
        return t.source != "init" && t.status == tune::TrialStatus::complete && std::log10(std::max(t.cost.flops, 1.0)) < middle;
    }));
}
double cheap_trials_parego_minus_bo(const AppState& app) {
    const Racer *parego = finished_racer(app, "parego"), *bo = finished_racer(app, "bo_ei");
    const std::optional<tune::TradeOffBox> box = race_box(app.arena);
    if (!parego || !bo || !box) return kNotYet;
    return cheap_model_trials(*parego, *box) - cheap_model_trials(*bo, *box);
}

double epochs_random_over_hyperband(const AppState& app) {
    const Racer *random = finished_racer(app, "random"), *hyperband = finished_racer(app, "hyperband");
    if (!random || !hyperband) return kNotYet;
    return double(epochs_trained(random->runner->study())) / std::max(epochs_trained(hyperband->runner->study()), 1);
}

double pruned_share_hyperband(const AppState& app) {
    const Racer* hyperband = finished_racer(app, "hyperband");
    if (!hyperband) return kNotYet;
    const tune::Study& hb = hyperband->runner->study();
    return 100.0 * trials_with(hb, tune::TrialStatus::pruned) / std::max<size_t>(hb.trials().size(), 1);
}

// ---- four trials at once

// The mean distance from each point to the nearest other, in the unit box of the search space (its
// diagonal is √d): how far apart simultaneous proposals landed.
double mean_nearest(const tune::Space& space, const std::vector<tune::Values>& points) {
    double sum = 0;
    for (size_t a = 0; a < points.size(); ++a) {
        double nearest = INFINITY;
        const std::vector<double> pa = space.encode(points[a]);
        for (size_t b = 0; b < points.size(); ++b) {
            if (a == b) continue;
            const std::vector<double> pb = space.encode(points[b]);
            double d2 = 0;
            for (size_t j = 0; j < pa.size(); ++j) d2 += (pa[j] - pb[j]) * (pa[j] - pb[j]);
            nearest = std::min(nearest, std::sqrt(d2));
        }
        sum += nearest;
    }
    return sum / double(points.size());
}

// BO's batches in rounds (trials k·N … k·N + N − 1 were proposed together, each seeing the ones
// before it running) that its model chose: their spread, and the spread of N proposals the same
// model makes from the same finished trials when it leaves the running ones out (its sampler for
// one trial at a time), averaged over the batches. Remembered per finished race: the BO fits cost
// milliseconds, and the card asks every frame.
struct BatchSpread {
    double together = NAN, blind = NAN;
};
BatchSpread bo_batch_spread_of(const AppState& app) {
    const Racer* bo = finished_racer(app, "bo_ei");
    const int n = app.arena.raced.at_once;
    if (!bo || n < 2) return {};
    static const tune::Study* cached_study = nullptr;
    static size_t cached_trials = 0;
    static BatchSpread cached;
    const tune::Study& study = bo->runner->study();
    if (cached_study == &study && cached_trials == study.trials().size()) return cached;
    ArenaSetup alone = app.arena.raced;
    alone.at_once = 1;
    double together = 0, blind = 0;
    int batches = 0;
    const std::vector<tune::Trial>& trials = study.trials();
    for (size_t first = 0; first + size_t(n) <= trials.size(); first += size_t(n)) {
        const auto batch = trials.begin() + long(first);
        if (std::any_of(batch, batch + n, [](const tune::Trial& t) { return t.source == "init"; })) continue;
        std::vector<tune::Values> chosen, ignoring;
        for (auto t = batch; t != batch + n; ++t) chosen.push_back(t->params);
        tune::Study before = study.with_trials(std::vector<tune::Trial>(trials.begin(), batch));
        const std::unique_ptr<tune::Sampler> sampler = make_race_sampler("bo_ei", alone, bo->runner->objective().max_epochs());
        for (int k = 0; k < n; ++k) ignoring.push_back(before.start(sampler->ask(before)).params);
        together += mean_nearest(study.space(), chosen);
        blind += mean_nearest(study.space(), ignoring);
        ++batches;
    }
    cached_study = &study;
    cached_trials = trials.size();
    cached = batches > 0 ? BatchSpread{together / batches, blind / batches} : BatchSpread{};
    return cached;
}

double bo_batch_spread(const AppState& app) { return bo_batch_spread_of(app).together; }
double bo_spread_over_blind(const AppState& app) {
    const BatchSpread s = bo_batch_spread_of(app);
    return s.together / s.blind;
}

// The share of its at_once places a finished racer kept busy, on its epoch clock (arena_pool.h), in
// percent: what the Timeline shows above its lanes.
double busy_percent(const AppState& app, const char* strategy) {
    const Racer* racer = finished_racer(app, strategy);
    const std::optional<EpochTimeline> timeline = racer ? epoch_timeline(*racer) : std::nullopt;
    return timeline ? 100 * busy_share(*timeline, app.arena.raced.at_once) : kNotYet;
}
double busy_asha(const AppState& app) { return busy_percent(app, "asha"); }
double busy_asha_over_hyperband(const AppState& app) { return busy_percent(app, "asha") / busy_percent(app, "hyperband"); }

// The best validation accuracy any racer reached, in percent.
double best_race_accuracy(const AppState& app) {
    if (app.arena.racers.empty() || !race_finished(app.arena)) return kNotYet;
    double best = kNotYet;
    for (const Racer& r : app.arena.racers)
        if (const tune::Trial* trial = r.runner->study().best(); trial)
            best = std::isnan(best) ? 100 * (1 - *trial->value) : std::max(best, 100 * (1 - *trial->value));
    return best;
}

// Trials a racer needed until its best validation error reached `error` (its budget + 1 when it never
// did: "never" counts as worse than the last trial).
int trials_to_error(const Racer& racer, double error) {
    const int n = trials_to_reach(racer.runner->study().best_so_far(), error + 1e-12, tune::Direction::minimize);
    return n > 0 ? n : racer.runner->budget() + 1;
}

// Seeds on which BO (EI), warm, reached `error` in at most half (`faster`), or in at least as many
// (`!faster`), trials as BO (EI) cold on the same seed, once the race of both has ended.
double seeds_warm_vs_cold(const AppState& app, double error, bool faster) {
    if (!finished_racer(app, "bo_ei") || !finished_racer(app, "bo_ei_warm")) return kNotYet;
    int seeds = 0;
    for (const Racer& warm : app.arena.racers) {
        if (warm.strategy != "bo_ei_warm") continue;
        for (const Racer& cold : app.arena.racers) {
            if (cold.strategy != "bo_ei" || cold.repeat != warm.repeat) continue;
            const int w = trials_to_error(warm, error), c = trials_to_error(cold, error);
            seeds += faster ? 2 * w <= c : w >= c;
        }
    }
    return seeds;
}
double warm_halves_spiral(const AppState& app) { return seeds_warm_vs_cold(app, kWarmSpiralError, true); }
double warm_halves_moons(const AppState& app) { return seeds_warm_vs_cold(app, kWarmMoonsError, true); }
double warm_not_faster_spiral(const AppState& app) { return seeds_warm_vs_cold(app, kWarmSpiralError, false); }

// The race of the warm-start lesson's step has ended, cold beside warm, on the lab's data of `kind` and `size`.
bool warm_race_on(const AppState& app, DatasetKind kind, int size) {
    return finished_racer(app, "bo_ei") && finished_racer(app, "bo_ei_warm") && app.arena.raced_data.kind == kind &&
           app.arena.raced_data.size == size;
}

}  // namespace

const std::vector<Lesson>& lesson_catalogue() {
    // Claims shared by several steps.
    const Contrast both_learn_90{"Both runs learn: the lower of their validation accuracies is at least 90%.", "%.1f%%", 90, false,
                                 accuracy_both};
    const Contrast both_learn_85{"Both runs learn: the lower of their validation accuracies is at least 85%.", "%.1f%%", 85, false,
                                 accuracy_both};
    const Contrast b_learns_90{"B learns: its validation accuracy is at least 90%.", "%.1f%%", 90, false, accuracy_b};
    // Each optimizer that beats plain SGD (the optimizers lesson's three steps).
    const Contrast b_twice_as_fast_to_90{"B needs at most half the epochs A needs to reach a validation accuracy of 90%.", "%.2f×", 0.5,
                                         true, epochs_to_90_b_over_a};
    static const std::vector<Lesson> lessons = {
        {"learning_rate", "Learning rate: too large, too small, just right",
         "The learning rate is the size of each step down the loss. Too large and every step overshoots "
         "the valley until the numbers explode; too small and training crawls. It is the first "
         "hyperparameter to tune, and a good value is usually the largest one that is still stable. "
         "Run A keeps a good learning rate, 0.03, as the reference; you change run B's.",
         AB(R"({"kind":"plane","size":200,"noise":0.05})", R"({"model":{"output":"linear","loss":"mse"},"lr":{"lr":0.03},"epochs":30})"),
         {
             {"[]", "lab.lr", "Set run B's learning rate to 3 (the Learning rate field) and press ▶.",
              "B's loss shoots off the top of the Loss plot and its status line says it diverged; A's loss falls and stays low.",
              R"([{"cmd":"lab.set","run":1,"train":{"lr":{"lr":3}}},{"cmd":"lab.start"}])",
              [](const AppState& app) { return ended(app, 0) && ended(app, 1) && config(app, 1).lr.lr >= 1; },
              {{"B's final training loss is at least 100× A's (∞ when B diverged).", "%.3g×", 100, false, loss_b_over_a},
               {"A learns: its validation R² is at least 0.9.", "%.3f", 0.9, false, r2_a}}},
             {"[]", "lab.lr", "Now set run B's learning rate to 0.0001 and press ▶.",
              "B's loss curve stays high and almost flat, far above A's: its steps are too small to get anywhere in 30 epochs.",
              R"([{"cmd":"lab.set","run":1,"train":{"lr":{"lr":0.0001}}},{"cmd":"lab.start"}])",
              [](const AppState& app) { return both_finished_normally(app) && config(app, 1).lr.lr <= 0.001; },
              {{"B's final training loss is at least 10× A's.", "%.3g×", 10, false, loss_b_over_a},
               {"A learns: its validation R² is at least 0.9.", "%.3f", 0.9, false, r2_a}}},
         }},
        {"lr_schedule", "Learning-rate decay",
         "A learning rate large enough to make fast progress early is too large to settle into the "
         "bottom of the valley later. Decaying it over training (step, exponential, cosine) gets both: "
         "big steps first, small steps at the end.",
         AB(R"({"kind":"circle","size":300,"noise":0.05})",
            R"({"model":{)" TANH2(16) R"(},"optimizer":{"kind":"adam"},"lr":{"lr":0.1},"epochs":60})"),
         {
             {"[]",
              "lab.schedule", "Compare A / B is on, both with Adam at learning rate 0.1. Set run B's LR schedule to cosine and press ▶.",
              "In the Loss plot (log scale) A's training loss keeps jumping while B's sinks smoothly far below it; the Learning rate plot "
              "shows B's rate falling to zero.",
              R"([{"cmd":"lab.set","run":1,"train":{"lr":{"kind":"cosine"}}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  return both_finished_normally(app) && config(app, 1).lr.kind != ScheduleKind::constant &&
                         config(app, 0).lr.kind == ScheduleKind::constant;
              },
              {{"B's final training loss is at most half of A's.", "%.3g×", 0.5, true, loss_b_over_a}, both_learn_85}},
         }},
        {"hypergradient", "Let the learning rate learn (hypergradient descent)",
         "The learning rate can be tuned during training by gradient descent itself: before each step, compare the new gradient "
         "with the direction of the last step. If the new step would go the same way, the last one was too short, so the rate "
         "grows; if it would turn back, the last one overshot, so the rate shrinks (Baydin et al., ICLR 2018). One training run "
         "tunes its own rate, with a hyper learning rate β in place of the learning rate.",
         "[]",
         {
             {AB(R"({"kind":"moons","size":300,"noise":0.05})", R"({"model":{)" TANH2(16) R"(},"lr":{"lr":0.0003},"epochs":30})"),
              "lab.hypergradient",
              "Both runs use SGD at learning rate 0.0003, 100 times too small. Tick \"Adapt the learning rate by its gradient\" for run B "
              "and press ▶.",
              "In the Learning rate plot B's adapted rate leaves the schedule's line within the first epoch and settles near 0.03; "
              "B's accuracy climbs while A's stays near a coin toss.",
              R"([{"cmd":"lab.set","run":1,"train":{"optimizer":{"hypergradient":true}}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  return both_finished_normally(app) && config(app, 1).optimizer.hypergradient && !config(app, 0).optimizer.hypergradient &&
                         config(app, 1).lr.lr <= 0.001;
              },
              {{"A stays near chance: its validation accuracy is at most 70%.", "%.1f%%", 70, true, accuracy_a},
               b_learns_90,
               {"B's learning rate ends at least 10× the rate it started from.", "%.3g×", 10, false, rate_change_b}}},
             {AB(R"({"kind":"plane","size":200,"noise":0.05})",
                 R"({"model":{"output":"linear","loss":"mse"},"optimizer":{"hypergradient":true,"hypergradient_beta":0.01},)"
                 R"("lr":{"lr":0.3},"epochs":30})"),
              "lab.lr",
              "Now both runs adapt their rate (β = 0.01) on the plane, starting at 0.3, at the edge of stability. Set run B's learning "
              "rate to 1 and press ▶.",
              "A's adapted rate falls below the schedule's line: its steps overshot, so it shrank them. B's loss explodes in its first "
              "epoch: the rate changes by a little each step, too slowly to rescue a rate far too large. Start too small rather than "
              "too large.",
              R"([{"cmd":"lab.set","run":1,"train":{"lr":{"lr":1}}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  return ended(app, 0) && ended(app, 1) && config(app, 0).optimizer.hypergradient &&
                         config(app, 1).optimizer.hypergradient && config(app, 1).lr.lr >= 0.9;
              },
              {{"A's learning rate ends at most 0.7× the rate it started from.", "%.3g×", 0.7, true, rate_change_a},
               {"B's final training loss is at least 100× A's (∞ when B diverged).", "%.3g×", 100, false, loss_b_over_a}}},
         }},
        {"batch_size", "Batch size and gradient noise",
         "Each step estimates the gradient from one mini-batch. A small batch gives a noisy estimate but "
         "many steps per epoch; a large batch gives a smooth estimate but few steps. The noise is not "
         "only a cost: it also helps escape sharp minima.",
         AB(R"({"kind":"moons","size":300,"noise":0.05})", R"({"lr":{"lr":0.1},"batch":{"size":2},"epochs":60})"),
         {
             {"[]", "lab.batch", "Both runs use batch size 2. Set run B's batch size to 100 and press ▶.",
              "A's loss curve is jagged, B's is smooth; B's accuracy reaches 90%, but far later, because it takes 2 steps an epoch where A "
              "takes 75.",
              R"([{"cmd":"lab.set","run":1,"train":{"batch":{"size":100}}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  return both_finished_normally(app) && config(app, 0).batch.size <= 8 && config(app, 1).batch.size >= 50;
              },
              {{"A's loss curve is at least 5× as jagged as B's (mean jump between epochs, relative to the loss).", "%.3g×", 5, false,
                roughness_a_over_b},
               {"To reach a validation accuracy of 90%, B needs at least 3× the epochs A needs.", "%.3g×", 3, false, epochs_to_90_b_over_a},
               both_learn_85}},
         }},
        {"overfitting", "Epochs, over-fitting and early stopping",
         "Train long enough and a large network memorises the training points, noise included: the "
         "training loss keeps falling while the validation loss turns and rises. Early stopping watches "
         "the validation loss and stops when it has not improved for a few epochs (the patience).",
         "[" OVERFIT_SETUP "]",
         {
             {"[]", "toolbar.start", "Press ▶ and train for 200 epochs.",
              "In the Loss plot the validation loss reaches its lowest point in the first few dozen epochs and then climbs, while the "
              "training loss keeps falling.",
              R"([{"cmd":"lab.start"}])",
              [](const AppState& app) { return finished_normally(ended(app, 0)) && config(app, 0).patience == 0; },
              {{"The final validation loss is at least 1.5× its lowest.", "%.3g×", 1.5, false, validation_loss_climb},
               {"Training accuracy ends at least 10 points above validation accuracy.", "%.1f", 10, false, accuracy_gap_a}}},
             {"[]", "lab.patience", "Set the early-stopping patience to 10 and press ▶ again.",
              "Training stops by itself soon after the validation loss stops improving: the progress bar ends early and the status line "
              "says so.",
              R"([{"cmd":"lab.set","train":{"patience":10}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  const Trainer* a = ended(app, 0);
                  return a && a->status() == Status::stopped_early;
              },
              {{"Training stops after at most 60 of the 200 epochs.", "%.0f", 60, true, epochs_trained_a},
               {"The final validation loss is at most 1.3× its lowest.", "%.3g×", 1.3, true, validation_loss_climb}}},
         }},
        {"optimizers", "SGD, momentum, RMSprop and Adam",
         "Plain SGD steps straight down the current gradient. Momentum keeps a running direction, so it "
         "rolls through flat stretches and damps zig-zags; RMSprop divides each weight's step by its "
         "recent gradient size; Adam does both. Same data, same seed, only the optimizer changes.",
         AB(R"({"kind":"circle","size":300,"noise":0.05})", R"({"lr":{"lr":0.03},"epochs":60})"),
         {
             {"[]", "lab.optimizer", "Run A uses SGD. Set run B's optimizer to momentum and press ▶.",
              "In the Accuracy plot B's validation curve climbs past 90%, within a few epochs; A's needs several times as many.",
              R"([{"cmd":"lab.set","run":1,"train":{"optimizer":{"kind":"momentum"}}},{"cmd":"lab.start"}])",
              [](const AppState& app) { return both_finished_normally(app) && config(app, 1).optimizer.kind == OptimizerKind::momentum; },
              {b_twice_as_fast_to_90, both_learn_90}},
             {"[]", "lab.optimizer", "Set run B's optimizer to RMSprop and press ▶.",
              "RMSprop also beats plain SGD: each weight gets a step sized to its own gradients, and B's accuracy curve shoots up first.",
              R"([{"cmd":"lab.set","run":1,"train":{"optimizer":{"kind":"rmsprop"}}},{"cmd":"lab.start"}])",
              [](const AppState& app) { return both_finished_normally(app) && config(app, 1).optimizer.kind == OptimizerKind::rmsprop; },
              {b_twice_as_fast_to_90, both_learn_90}},
             {"[]", "lab.optimizer", "Set run B's optimizer to Adam and press ▶.",
              "Adam, momentum plus per-weight step sizes: B's accuracy curve is above 90%, while A's is still climbing.",
              R"([{"cmd":"lab.set","run":1,"train":{"optimizer":{"kind":"adam"}}},{"cmd":"lab.start"}])",
              [](const AppState& app) { return both_finished_normally(app) && config(app, 1).optimizer.kind == OptimizerKind::adam; },
              {b_twice_as_fast_to_90, both_learn_90}},
         }},
        {"regularization", "L1, L2 and dropout",
         "Regularization trades a little training fit for better generalization. L2 (weight decay) "
         "shrinks all weights a little; L1 pushes many of them to exactly zero; dropout switches random "
         "units off while training, so no unit can rely on another. Run A is the over-fitting baseline.",
         AB(OVERFIT_DATA, OVERFIT_TRAIN),
         {
             {"[]", "lab.l2", "Set run B's L2 penalty to 0.01 and press ▶.",
              "B's connections are much thinner in the Network view; in the Loss plot B's validation loss stays close to its training loss "
              "while A's climbs away.",
              R"([{"cmd":"lab.set","run":1,"train":{"l2":0.01}},{"cmd":"lab.start"}])",
              [](const AppState& app) { return both_finished_normally(app) && config(app, 1).l2 > 0; },
              {{"A's weights are at least 2× B's (sum of the layers' weight norms).", "%.3g×", 2, false, weight_norm_a_over_b},
               {"A's gap between validation and training loss is at least 2× B's.", "%.3g×", 2, false, loss_gap_a_over_b}}},
             {"[]", "lab.l1", "Set run B's L2 back to 0, its L1 penalty to 0.03, and press ▶.",
              "In the Histograms view B's weights pile up in one tall bar at zero: L1 switches many connections off entirely.",
              R"([{"cmd":"lab.set","run":1,"train":{"l2":0,"l1":0.03}},{"cmd":"lab.start"}])",
              [](const AppState& app) { return both_finished_normally(app) && config(app, 1).l1 > 0 && config(app, 1).l2 == 0; },
              {{"At least a quarter (25%) of B's weights are zero.", "%.0f%%", 25, false, zero_weight_share_b},
               {"A's final validation loss is at least 1.2× B's.", "%.3g×", 1.2, false, validation_loss_a_over_b}}},
             {"[]", "lab.layer1.dropout", "Set run B's L1 back to 0, give both of its hidden layers dropout 0.3, and press ▶.",
              "B's training loss stays above A's (some of its units are missing at every step), but its validation loss ends well below "
              "A's.",
              R"([{"cmd":"lab.set","run":1,"train":{"l1":0,"model":{"hidden":[{"units":48,"activation":"tanh","dropout":0.3},{"units":48,)"
              R"("activation":"tanh","dropout":0.3}]}}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  return both_finished_normally(app) && config(app, 1).model.hidden[0].dropout > 0 && config(app, 1).l1 == 0 &&
                         config(app, 1).l2 == 0;
              },
              {{"A's final validation loss is at least 1.3× B's.", "%.3g×", 1.3, false, validation_loss_a_over_b},
               {"B's final training loss is at least 1.5× A's.", "%.3g×", 1.5, false, loss_b_over_a}}},
         }},
        {"initialization", "Zero, Gaussian and He initialization",
         "Training starts from the initial weights. All zeros makes every unit in a layer compute the "
         "same thing forever; Gaussian noise of the wrong size makes signals explode or vanish through "
         "deep layers; He initialization scales the noise to each layer's fan-in, so ReLU networks start "
         "with signals of a healthy size.",
         AB(R"({"kind":"circle","size":300,"noise":0.05})",
            R"({"model":{"hidden":[{"units":16,"activation":"relu"},{"units":16,"activation":"relu"}],"init":"he"},"lr":{"lr":0.1},)"
            R"("epochs":40})"),
         {
             {"[]", "lab.init", "Both runs start from He initialization. Set run B's initialization to zeros and press ▶.",
              "B's loss stays flat at 0.69 and its decision boundary stays one colour; in the Network view all of B's connections look the "
              "same, while A's differ and A learns the circle.",
              R"([{"cmd":"lab.set","run":1,"train":{"model":{"init":"zeros"}}},{"cmd":"lab.start"}])",
              [](const AppState& app) { return both_finished_normally(app) && config(app, 1).model.init == Init::zeros; },
              {{"All of B's 16 first-layer units stay identical: it has 1 distinct unit.", "%.0f", 1, true, distinct_units_b},
               {"A's 16 first-layer units all differ.", "%.0f", 16, false, distinct_units_a},
               {"A learns: its validation accuracy is at least 90%.", "%.1f%%", 90, false, accuracy_a}}},
             {"[" R"({"cmd":"lab.set","train":)" DEEP_GAUSSIAN "}," AND_B_ALIKE(DEEP_GAUSSIAN) "]", "lab.init",
              "Both runs now use a deep ReLU network with Gaussian weights of σ = 1. Set run B's initialization to He and press ▶.",
              "A's loss starts huge (or A diverges at once and says so); B's loss starts near 0.7 and falls smoothly.",
              R"([{"cmd":"lab.set","run":1,"train":{"model":{"init":"he"}}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  return ended(app, 0) && finished_normally(ended(app, 1)) && config(app, 1).model.init == Init::he;
              },
              {{"A's first-epoch loss is at least 10× B's (∞ when A diverged).", "%.3g×", 10, false, first_loss_a_over_b}, b_learns_90}},
         }},
        {"normalization", "Feature normalization",
         "When one feature is in the thousands and another below one, the loss is a long narrow valley: "
         "a learning rate small enough for the large feature is far too small for the others. "
         "Standardizing every feature to mean 0 and standard deviation 1 (fitted on the training part "
         "only) makes the valley round.",
         R"([{"cmd":"lab.set","data":{"kind":"wine","validation_ratio":0.3},"train":{"model":{"output":"softmax",)"
         R"("loss":"categorical_cross_entropy"},"lr":{"lr":0.03},"epochs":40}}])",
         {
             {"[]", "toolbar.start", "The wine data is loaded without preprocessing. Press ▶.",
              "The validation accuracy stays near 40%, what always guessing the largest class gives: the proline feature (hundreds to "
              "thousands) dominates every step.",
              R"([{"cmd":"lab.start"}])",
              [](const AppState& app) { return ended(app, 0) && app.lab.data_config.preprocessing == Preprocessing::none; },
              {{"The validation accuracy is at most 50%.", "%.1f%%", 50, true, accuracy_a}}},
             {"[]", "lab.normalize", "Set Normalize to standardize and press ▶.",
              "With the same learning rate, the validation accuracy now climbs above 90%.",
              R"([{"cmd":"lab.set","data":{"preprocessing":"standardize"}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  return finished_normally(ended(app, 0)) && app.lab.data_config.preprocessing != Preprocessing::none;
              },
              {{"The validation accuracy is at least 90%.", "%.1f%%", 90, false, accuracy_a}}},
         }},
        {"validation_split", "Training and validation data",
         "The training loss says how well the network fits the points it has seen; only data it has "
         "never seen says how well it will do on new ones. Hold a part out for validation, and keep it "
         "large enough to be a fair estimate.",
         "[" OVERFIT_SETUP "]",
         {
             {"[]", "toolbar.start", "Press ▶ and compare the training and validation accuracy at the end.",
              "In the Accuracy plot the training curve climbs to nearly 100%, while the validation curve stays clearly lower: the gap is "
              "over-fitting.",
              R"([{"cmd":"lab.start"}])",
              [](const AppState& app) { return finished_normally(ended(app, 0)); },
              {{"Training accuracy ends at least 10 points above validation accuracy.", "%.1f", 10, false, accuracy_gap_a}}},
             {"[]", "lab.validation_share", "Set the validation share to 0.1, its smallest, and press ▶.",
              "Only 12 points are held out: the validation accuracy curve moves in jumps of about 8 points, too coarse to trust.",
              R"([{"cmd":"lab.set","data":{"validation_ratio":0.1}},{"cmd":"lab.start"}])",
              [](const AppState& app) { return finished_normally(ended(app, 0)) && app.lab.data_config.validation_ratio <= 0.15; },
              {{"One validation point moves the validation accuracy by at least 5 points.", "%.1f", 5, false, validation_granularity}}},
         }},
        {"accuracy_cost", "Accuracy vs training cost",
         "A bigger network can draw more complicated boundaries, but every extra unit costs arithmetic on "
         "every example, every epoch. On an easy problem a small network is already nearly perfect, and a "
         "big one pays many times more for a gain too small to matter: the best settings are those on "
         "the Pareto front of accuracy against cost.",
         AB(R"({"kind":"moons","size":300,"noise":0.05})", SMALL_NET),
         {
             {"[]",
              "lab.layers.add",
              "Compare A / B is on; both runs have one hidden layer of 8 units. Give run B three hidden layers of 64 units each and press "
              "▶.",
              "The status lines: both validation accuracies are about the same, but B's training cost (in FLOPs) is hundreds of times A's.",
              R"([{"cmd":"lab.set","run":1,"train":{"model":{"hidden":[{"units":64,"activation":"tanh"},{"units":64,"activation":"tanh"},)"
              R"({"units":64,"activation":"tanh"}]}}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  return both_finished_normally(app) && config(app, 1).model.hidden.size() > config(app, 0).model.hidden.size();
              },
              {{"B's training cost is at least 50× A's.", "%.3g×", 50, false, flops_b_over_a},
               {"The two validation accuracies differ by at most 3 points.", "%.1f", 3, true, accuracy_difference},
               both_learn_90}},
         }},
        {"grid_vs_random", "Grid search vs random search",
         "Grid search tries every combination of a few values per hyperparameter; random search draws "
         "each trial anew. With the same budget, a 4 × 4 grid tests only 4 learning rates, while 16 "
         "random trials test 16: when only one hyperparameter really matters, random search explores "
         "it far better (Bergstra & Bengio, 2012).",
         R"([{"cmd":"arena.set","objective":"branin","strategies":["grid","random"],"trials":16,"repeats":1},{"cmd":"arena.view",)"
         R"("tab":"landscape"}])",
         {
             {"[]", "arena.start", "Grid and random search are set up with 16 trials each on the Branin function. Press ▶ Start race.",
              "In the \"Where they looked\" view, grid's points sit on 4 columns only; random's 16 points cover 16 different values of x1.",
              R"([{"cmd":"arena.start"}])",
              [](const AppState& app) { return finished_racer(app, "grid") && finished_racer(app, "random"); },
              {{"Random search tries at least 3× as many values of x1 as grid search.", "%.3g×", 3, false, random_distinct_over_grid}}},
         }},
        {"bayes_step", "Bayesian optimization step by step",
         "Bayesian optimization fits a Gaussian-process surrogate model to the trials so far: its mean is "
         "the best guess of the objective, its uncertainty says how far to trust it. An acquisition "
         "function such as Expected Improvement (EI) turns both into a score of every point, and the "
         "point with the highest score is tried next. It balances exploitation (near the best so far) "
         "and exploration (where the model is unsure). Evolution strategies such as CMA-ES (also in the "
         "arena) model no loss at all: they move a Gaussian cloud of trials towards the good ones and "
         "stretch it along the valley they find. They shine when trials are cheap and many, on narrow "
         "tilted valleys and on noisy losses; with a few dozen costly trials a model-based search usually wins.",
         R"([{"cmd":"arena.set","objective":"forrester","strategies":["bo_ei"],"trials":15,"repeats":1,"xi":0.01},{"cmd":"arena.view",)"
         R"("tab":"bayes"}])",
         {
             {R"([{"cmd":"arena.start"},{"cmd":"arena.pause"}])", "arena.step",
              "BO (EI) is ready on the 1-D Forrester function, paused. Press Step one round six times: the first five trials are spread "
              "evenly, the sixth is the model's choice.",
              "In the Bayesian optimization view, the band (mean ± 2σ) is narrow at the trials and wide between them; the red line marks "
              "the highest point of the acquisition curve, the next trial.",
              "[" SIX_ROUNDS "]",
              [](const AppState& app) { return racer_of(app, "bo_ei") && !app.arena.racing; },
              {{"At least 1 trial was chosen by the model.", "%.0f", 1, false, model_trials_bo}}},
             {"[" R"({"cmd":"arena.start"},)" SIX_ROUNDS "]", "arena.xi",
              "Drag the ξ slider above the plots to 0.5, then press Step one round.",
              "A larger ξ demands more improvement: the acquisition peak leaves the trials behind and the next trial lands in a gap the "
              "model knows little about.",
              R"([{"cmd":"arena.set","xi":0.5},)" ROUND "]",
              [](const AppState& app) { return racer_of(app, "bo_ei") && app.arena.setup.xi >= 0.3; },
              {{"The new trial lies at least 2× farther from the earlier trials than the first model-chosen trial did.", "%.3g×", 2, false,
                exploration_gap_ratio}}},
         }},
        {"hyperband", "Hyperband: stop the weak trials early",
         "Most configurations are bad, and a few epochs are often enough to tell. Successive halving "
         "starts many configurations with a small budget, keeps the best third at each rung and trains "
         "only those longer; Hyperband runs it at several levels of aggressiveness. The epochs saved on "
         "hopeless trials are the point: an early-stopping rule for the whole search.",
         R"([{"cmd":"lab.set","data":{"kind":"spiral","size":300},"train":{"optimizer":{"kind":"adam"}}},{"cmd":"arena.set",)"
         R"("objective":"lab","strategies":["random","hyperband"],"trials":9,"epochs":9,"repeats":1},{"cmd":"arena.view","tab":"trials"}])",
         {
             {"[]",
              "arena.start", "Random search and Hyperband each get 9 trials of at most 9 epochs on the lab's spiral. Press ▶ Start race.",
              "Each progress bar counts the epochs trained: random trains every trial for all 9, Hyperband far fewer. In the Trials view, "
              "pick Hyperband: most of its trials are \"pruned\", stopped after 1 or 3 epochs.",
              R"([{"cmd":"arena.start"}])",
              [](const AppState& app) { return finished_racer(app, "random") && finished_racer(app, "hyperband"); },
              {{"Random search trains at least 2× the epochs Hyperband trains.", "%.3g×", 2, false, epochs_random_over_hyperband},
               {"At least half of Hyperband's trials are pruned.", "%.0f%%", 50, false, pruned_share_hyperband}}},
         }},
        {"at_once", "Four trials at once",
         "Real tuning runs several trials side by side, one per worker. A strategy then proposes a trial while others are still "
         "running. BO that left them out of its model would propose the same point again and again: nothing it knows has changed. "
         "Counting the running trials in (BO guesses their scores, TPE counts them as bad) spreads simultaneous proposals out. And "
         "stopping weak trials early must not leave workers waiting: synchronous Hyperband waits for a whole rung before it "
         "promotes anyone; its asynchronous form, ASHA, promotes a trial as soon as it is in the top third of its rung so far.",
         R"([{"cmd":"arena.set","objective":"branin","strategies":["bo_ei"],"trials":24,"repeats":1,"at_once":4,)"
         R"("parallel":"batch_synchronous"},{"cmd":"arena.view","tab":"landscape"}])",
         {
             {"[]", "arena.start",
              "BO (EI) searches Branin with 4 trials at once: each round it proposes 4 points together, each while the ones before "
              "it are still running. Press ▶ Start race.",
              "In the Landscape view, BO's points come in fours that lie apart; while trials run they are hollow pulsing rings.",
              R"([{"cmd":"arena.start"}])",
              [](const AppState& app) { return finished_racer(app, "bo_ei") != nullptr; },
              // Measured on seed 1: 0.069 of the box's side, 5.98× the blind model's spread.
              {{"BO's 4 simultaneous proposals lie at least 0.04 of the box's side apart (each from its nearest of the four, on "
                "average).",
                "%.3f", 0.04, false, bo_batch_spread},
               {"That is at least 3× the spread of 4 proposals from the same model leaving the running trials out.", "%.3g×", 3, false,
                bo_spread_over_blind}}},
             // In the page's frames (no background workers), so that the race keeps its epoch clock: each strategy's 4
             // places are workers of equal speed, and the figure is the same on any machine and in any browser.
             {R"([{"cmd":"lab.set","data":{"kind":"spiral","size":200},"train":{"optimizer":{"kind":"adam"}}},)"
              R"({"cmd":"arena.workers","count":0},{"cmd":"arena.set","objective":"lab","strategies":["hyperband","asha"],)"
              R"("trials":10,"epochs":9,"repeats":1,"at_once":4,"parallel":"asynchronous","pace":0},)"
              R"({"cmd":"arena.view","tab":"timeline"}])",
              "arena.start",
              "Hyperband and ASHA each keep 4 trials of the lab's network running, a new one as soon as a worker is free. The "
              "page plays the 4 workers: on a clock that counts epochs, every running trial trains one epoch per tick. Press ▶ "
              "Start race.",
              "In the Timeline, Hyperband's lanes have gaps at the end of each rung, where it waits for the rung's last trial before "
              "it promotes, though it has new configurations left; ASHA's stay full until its last new configuration starts. At "
              "the end both have only their longest trials left. Above the lanes: how busy each kept its workers while it still "
              "had new configurations to start. With trials of unequal length (bigger networks) each rung waits for its slowest, "
              "and the gaps grow.",
              R"([{"cmd":"arena.start"}])",
              [](const AppState& app) { return finished_racer(app, "hyperband") && finished_racer(app, "asha"); },
              // Hyperband: its first bracket (9 trials at 1 epoch, 3 at 3, 1 at 9), then its second bracket's first
              // configuration, started once the first's top rung is. Seeds 1 to 24 (tests/ui/lessons_test.cpp runs 1 to 8):
              // ASHA 100%, Hyperband 75% on every seed (its waits come from its rungs, not from the scores), 1.33×.
              {{"While it still has new configurations to start, ASHA's 4 workers are busy at least 95%: they never wait.", "%.0f%%",
                95, false, busy_asha},
               {"That is at least 1.25× Hyperband's share.", "%.3g×", 1.25, false, busy_asha_over_hyperband}}},
         }},
        {"tradeoffs", "Trade-offs: one corner or the whole front",
         "A network can be made more accurate by making it bigger or training it longer, and both cost "
         "computation. A search that optimizes the score alone finds the accurate corner; but the learner "
         "who must pay for training wants the whole Pareto front: for each budget, the best score it buys. "
         "ParEGO (Knowles 2006) searches for that front with Bayesian optimization: before each trial it "
         "weighs error and cost at random, so different trials aim at different trade-offs. The hypervolume "
         "measures a front by one number: how much of the box of error and cost its trials dominate.",
         R"([{"cmd":"lab.set","data":{"kind":"digits"},"train":{"model":{"hidden":[{"units":16,"activation":"relu"}],"init":"he"},)"
         R"("optimizer":{"kind":"adam"},"lr":{"lr":0.01},"epochs":20}},{"cmd":"arena.set","objective":"lab","metric":"val_accuracy",)"
         R"("strategies":["bo_ei","parego"],"trials":20,"epochs":20,"repeats":1,"params":{"lr":{"tuned":false,"low":0.001,"high":1,)"
         R"("log":true},"batch":{"tuned":false,"low":1,"high":256,"log":true},"units":{"tuned":true,"low":2,"high":64,"log":true},)"
         R"("epochs":{"tuned":true,"low":1,"high":20,"log":false}}},{"cmd":"arena.view","tab":"tradeoffs"}])",
         {
             {"[]", "arena.start",
              "BO (EI) and ParEGO each get 20 trials to choose the units of the lab's network and its epochs on the digits. BO optimizes "
              "the validation error alone; ParEGO the error and the training cost. Press ▶ Start race.",
              "In the Trade-offs view, BO's trials crowd into the costly, accurate corner; ParEGO's spread from cheap networks to "
              "accurate ones, its front is longer and its hypervolume curve climbs higher.",
              R"([{"cmd":"arena.start"}])",
              [](const AppState& app) { return finished_racer(app, "bo_ei") && finished_racer(app, "parego"); },
              // Thresholds that hold on every seed from 1 to 6 of this set-up (3 to 9 more cheap trials, 1.12 to 1.36×
              // the hypervolume), not only on the lesson's seed 1 (6 and 1.20×).
              {{"Of the trials their models chose, ParEGO put at least 3 more than BO into the cheaper half of the cost range.", "%.0f", 3,
                false, cheap_trials_parego_minus_bo},
               {"ParEGO's hypervolume is at least 1.1× BO's.", "%.3g×", 1.1, false, hypervolume_parego_over_bo}}},
         }},
        {"warm_start", "Reuse earlier tuning",
         "Tuning a new model rarely starts from nothing: good settings for a similar task are a strong hint. Warm-starting (a simple form "
         "of meta-learning) gives a Bayesian optimizer the trials of an earlier study as its first observations, so its model points it at "
         "the region that was good there from the very first trial, where a cold start spends its first trials on a spread-out design. "
         "Here the network trains with plain SGD, whose good learning rates (about 0.1 to 1) lie far from the middle of the searched "
         "range. "
         "The hint helps only when the tasks are alike.",
         "[" R"({"cmd":"lab.set","train":)" WARM_NET "}," WARM_RACE "]",
         {
             {"[" R"({"cmd":"lab.set","data":)" WARM_DATA("spiral", 200) "}]", "arena.start",
              "BO (EI) tunes the learning rate and the batch size of the lab's network on a small spiral (200 points), 15 trials on each "
              "of 5 seeds. Press ▶ Start race.",
              "In the \"Where they looked\" view the good trials (dark) gather in a band of large learning rates: this is the experience "
              "the next steps reuse.",
              R"([{"cmd":"arena.start"}])",
              [](const AppState& app) {
                  const DataConfig& raced = app.arena.raced_data;
                  return finished_racer(app, "bo_ei") && raced.kind == DatasetKind::spiral && raced.size == 200;
              },
              {{"The best validation accuracy of the race is at least 80%.", "%.1f%%", 80, false, best_race_accuracy}}},
             {"[" EARLIER_RACE R"(,{"cmd":"lab.set","data":)" WARM_DATA("spiral", 600) R"(},{"cmd":"arena.view","tab":"landscape"}])",
              "arena.warm.reuse",
              "The small spiral's race is done (run again for this step) and the lab now holds a spiral three times larger. Press "
              "\"Reuse this race's trials\" beside the Start button, then ▶ Start race.",
              "BO (EI), warm's map shows the earlier trials as faint crosses: its first trials already land among the good ones, while BO "
              "(EI) cold spends its first five on a spread-out design. In the progress view's table, warm needs far fewer trials.",
              REUSE_AND_START,
              [](const AppState& app) { return warm_race_on(app, DatasetKind::spiral, 600); },
              {{"On at least 3 of the 5 seeds, BO (EI), warm needs at most half the trials BO (EI) needs to reach a validation "
                "accuracy of 90% (never counts as 16).",
                "%.0f", 3, false, warm_halves_spiral}}},
             {"[" EARLIER_RACE R"(,{"cmd":"lab.set","data":)" WARM_DATA("moons", 600) "}]", "arena.warm.reuse",
              "Again the small spiral's race is done, and the lab now holds the moons, another data set. Press \"Reuse this race's "
              "trials\", then ▶ Start race.",
              "The moons want large learning rates too: the spiral's experience carries over, and warm reaches the target at once while "
              "cold needs several trials.",
              REUSE_AND_START,
              [](const AppState& app) { return warm_race_on(app, DatasetKind::moons, 600); },
              {{"On at least 3 of the 5 seeds, BO (EI), warm needs at most half the trials BO (EI) needs to reach a validation "
                "accuracy of 99% (never counts as 16).",
                "%.0f", 3, false, warm_halves_moons}}},
             {"[" R"({"cmd":"lab.set","train":{"optimizer":{"kind":"adam"}}},)" EARLIER_RACE
              R"(,{"cmd":"lab.set","data":)" WARM_DATA("spiral", 600) R"(,"train":{"optimizer":{"kind":"sgd"}}}])",
              "arena.warm.reuse",
              "This time the earlier race trained the network with Adam, whose good learning rates are about 100 times smaller than "
              "SGD's; the lab is back to SGD on the larger spiral. Press \"Reuse this race's trials\", then ▶ Start race.",
              "Warm starts where Adam was good, at rates far too small for SGD, and keeps looking there: the misleading hint makes it "
              "slower than cold, which finds the large rates by itself.",
              REUSE_AND_START,
              [](const AppState& app) {
                  return warm_race_on(app, DatasetKind::spiral, 600) && app.arena.raced_run.optimizer.kind == OptimizerKind::sgd;
              },
              {{"On at least 3 of the 5 seeds, BO (EI), warm needs at least as many trials as BO (EI) to reach a validation accuracy "
                "of 90% (never counts as 16).",
                "%.0f", 3, false, warm_not_faster_spiral}}},
         }},
        {"challenge_spiral", "Challenge: the spiral at 90%, within 100 epochs",
         "Goal: reach a validation accuracy of 90% (or more) on the spiral (500 points, noise 0.05, validation "
         "fraction 0.3) with "
         "at most 100 epochs of training. Change anything in the Network and Hyperparameters panels; "
         "the data set and its split stay as they are.",
         R"([{"cmd":"lab.set","data":{"kind":"spiral","size":500,"noise":0.05,"validation_ratio":0.3},"train":{"epochs":100}}])",
         {
             {"[]", "toolbar.start", "Find settings that reach the goal and press ▶.",
              "The run's final validation accuracy, in the status line under the progress bar.",
              R"([{"cmd":"lab.set","train":{"model":{"hidden":[{"units":32,"activation":"relu"},{"units":32,"activation":"relu"},)"
              R"({"units":32,"activation":"relu"}],"init":"he"},"optimizer":{"kind":"adam"},"lr":{"lr":0.01},"batch":{"size":5}}},)"
              R"({"cmd":"lab.start"}])",
              [](const AppState& app) {
                  const Trainer* a = ended(app, 0);
                  const DataConfig& d = app.lab.data_config;
                  // The budget and the data are part of the goal: more epochs or an easier split would not count.
                  return finished_normally(a) && d.kind == DatasetKind::spiral && d.size == 500 && d.noise >= 0.05 &&
                         d.validation_ratio >= 0.3 && a->epoch() <= 100;
              },
              {{"The validation accuracy is at least 90%.", "%.1f%%", 90, false, accuracy_a}}},
         },
         true},
        {"challenge_arena", "Challenge: the spiral at 95%, within 20 trials",
         "Goal: a validation accuracy of at least 95%, reached by a search on the spiral (500 points, noise "
         "0.02, validation fraction 0.3) with at most 20 trials per strategy of at most 50 epochs each. "
         "The lab's network (ReLU, He initialization, Adam, cosine decay) is the starting point; choose "
         "what to tune, its ranges and the strategies. The score is set to validation accuracy.",
         "[" R"({"cmd":"lab.set","data":{"kind":"spiral","size":500,"noise":0.02,"validation_ratio":0.3},"train":)" CHALLENGE_NET "},"
         R"({"cmd":"arena.set","objective":"lab","metric":"val_accuracy","trials":20,"epochs":50,"repeats":1}])",
         {
             {"[]",
              "arena.start",
              "Hint: tune the learning rate (0.001 to 0.1, log), the batch size (4 to 32, log), the units per layer (16 to 64) and the "
              "hidden layers (2 to 3) with random search, then press ▶ Start race.",
              "Each strategy's progress bar shows its best validation accuracy so far.",
              R"([{"cmd":"arena.set","params":{"lr":{"tuned":true,"low":0.001,"high":0.1,"log":true},"batch":{"tuned":true,"low":4,)"
              R"("high":32,"log":true},"units":{"tuned":true,"low":16,"high":64,"log":false},"layers":{"tuned":true,"low":2,"high":3,)"
              R"("log":false}},"strategies":["random"]},{"cmd":"arena.start"}])",
              [](const AppState& app) {
                  const ArenaState& arena = app.arena;
                  const DataConfig& d = app.lab.data_config;
                  // The budget, the score and the data are part of the goal.
                  return !arena.racers.empty() && race_finished(arena) && arena.raced.objective == "lab" &&
                         arena.raced.metric == "val_accuracy" && arena.raced.trials <= 20 && arena.raced.epochs <= 50 &&
                         d.kind == DatasetKind::spiral && d.size == 500 && d.noise >= 0.02 && d.validation_ratio >= 0.3;
              },
              {{"The best validation accuracy of the race is at least 95%.", "%.1f%%", 95, false, best_race_accuracy}}},
         },
         true},
    };
    return lessons;
}

}  // namespace tunelab::ui
