// The lessons, as a table. Setups and actions are the hook commands a test would send; the English
// texts are keys into strings_lessons.cpp. Each lesson keeps its training small (a few hundred
// points, tens of epochs) so it finishes in a second or two, also in a browser.
#include <algorithm>
#include <cmath>
#include <set>

#include "ui/app.h"
#include "ui/lessons/lessons.h"

namespace tunelab::ui {
namespace {

// ---------------------------------------------------------------------------- reading the lab

// Run i's trainer once it has run to its end (finished, stopped early or diverged), else null.
const Trainer* ended(const AppState& app, int i) {
    if (i == 1 && !app.lab.compare) return nullptr;
    const Trainer* trainer = app.lab.runs[size_t(i)].trainer.get();
    return trainer && trainer->finished() && !trainer->history().empty() ? trainer : nullptr;
}

bool finished_normally(const Trainer* t) {
    return t && (t->status() == Status::finished || t->status() == Status::stopped_early);
}

const EpochRecord& last(const Trainer* t) { return t->history().back(); }

// How much the training loss jumps from epoch to epoch over the second half of training, relative
// to its level: the visible "noise" of a curve.
double roughness(const Trainer* t) {
    const auto& h = t->history();
    double jumps = 0, level = 0;
    const size_t from = h.size() / 2;
    for (size_t e = from + 1; e < h.size(); ++e) {
        jumps += std::abs(h[e].train_loss - h[e - 1].train_loss);
        level += h[e].train_loss;
    }
    return level > 0 ? jumps / level : 0;
}

double weight_norm(const Trainer* t) {
    double sum = 0;
    for (double n : last(t).weight_norms) sum += n;
    return sum;
}

// Both runs trained to the end and B's final training loss is below A's: the usual A/B verdict.
bool b_beats_a(const AppState& app) {
    const Trainer *a = ended(app, 0), *b = ended(app, 1);
    return finished_normally(a) && finished_normally(b) && last(b).train_loss < last(a).train_loss;
}

const TrainConfig& config(const AppState& app, int i) { return app.lab.runs[size_t(i)].config; }

// ---------------------------------------------------------------------------- shared setups

// Run B, in compare mode, with the same training settings as A: an A/B test where only the change
// the learner makes shows. `train` is a JSON object literal.
#define AND_B_ALIKE(train) R"({"cmd":"lab.set","run":1,"compare":true,"train":)" train "}"

// The spiral (300 points) for both runs, trained alike.
#define SPIRAL_AB(train) "[" R"({"cmd":"lab.set","data":{"kind":"spiral","size":300},"train":)" train "}," AND_B_ALIKE(train) "]"

// A small, noisy spiral and a network much larger than it needs: the classic over-fitting stage.
#define OVERFIT_TRAIN                                                                                   \
    R"({"model":{"hidden":[{"units":48,"activation":"tanh"},{"units":48,"activation":"tanh"}]},)"       \
    R"("optimizer":{"kind":"adam"},"lr":{"lr":0.01},"epochs":200})"
#define OVERFIT_SETUP \
    R"({"cmd":"lab.set","data":{"kind":"spiral","size":120,"noise":0.25,"validation_ratio":0.5},"train":)" OVERFIT_TRAIN "}"

// Four ReLU layers started from Gaussian weights of sigma 1: signals grow layer by layer.
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

#define DEEP_GAUSSIAN                                                                                   \
    R"({"model":{"hidden":[{"units":32,"activation":"relu"},{"units":32,"activation":"relu"},)"         \
    R"({"units":32,"activation":"relu"},{"units":32,"activation":"relu"}],"init":"gaussian","init_scale":1},"epochs":40})"

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

// Both runs ended normally and B's final validation loss is below A's.
bool b_validates_better(const AppState& app) {
    const Trainer *a = ended(app, 0), *b = ended(app, 1);
    return finished_normally(a) && finished_normally(b) && last(b).validation_loss < last(a).validation_loss;
}

// ... and, on top, B's weights are smaller: what a weight penalty is for.
bool b_penalized_better(const AppState& app) {
    return b_validates_better(app) && weight_norm(ended(app, 1)) < weight_norm(ended(app, 0));
}

}  // namespace

const std::vector<Lesson>& lesson_catalogue() {
    static const std::vector<Lesson> lessons = {
        {"learning_rate", "Learning rate: too large, too small, just right",
         "The learning rate is the size of each step down the loss. Too large and every step overshoots "
         "the valley until the numbers explode; too small and training crawls. It is the first "
         "hyperparameter to tune, and a good value is usually the largest one that is still stable.",
         R"([{"cmd":"lab.set","data":{"kind":"plane","size":200},"train":{"epochs":30}}])",
         {
             {"[]", "Set the learning rate to 3 and press ▶.",
              "The loss shoots up and training stops with a message: the weights exploded or the loss became NaN.",
              R"([{"cmd":"lab.set","train":{"lr":{"lr":3}}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  const Trainer* a = ended(app, 0);
                  return a && a->status() == Status::diverged && config(app, 0).lr.lr >= 1;
              }},
             {"[]", "Now set the learning rate to 0.0001 and press ▶.",
              "The loss curve is almost flat: the steps are too small to get anywhere in 30 epochs.",
              R"([{"cmd":"lab.set","train":{"lr":{"lr":0.0001}}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  const Trainer* a = ended(app, 0);
                  return finished_normally(a) && config(app, 0).lr.lr <= 0.001 &&
                         last(a).train_loss > 0.5 * a->history().front().train_loss;
              }},
             {"[]", "Set the learning rate to 0.03 and press ▶.",
              "The loss falls fast and settles low; the validation R² ends close to 1.",
              R"([{"cmd":"lab.set","train":{"lr":{"lr":0.03}}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  const Trainer* a = ended(app, 0);
                  return finished_normally(a) && config(app, 0).lr.lr < 1 && last(a).validation_metric > 0.9;
              }},
         }},
        {"lr_schedule", "Learning-rate decay",
         "A learning rate large enough to make fast progress early is too large to settle into the "
         "bottom of the valley later. Decaying it over training (step, exponential, cosine) gets both: "
         "big steps first, small steps at the end.",
         SPIRAL_AB(R"({"model":{"hidden":[{"units":16,"activation":"tanh"},{"units":16,"activation":"tanh"}]},"lr":{"lr":0.3},"epochs":60})"),
         {
             {"[]", "Compare A / B is on, both with learning rate 0.3. Give run B the cosine schedule and press ▶.",
              "B's learning rate falls to zero over training (Learning rate plot); its loss ends lower and calmer than A's.",
              R"([{"cmd":"lab.set","run":1,"train":{"lr":{"kind":"cosine"}}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  return b_beats_a(app) && config(app, 1).lr.kind != ScheduleKind::constant &&
                         config(app, 0).lr.kind == ScheduleKind::constant;
              }},
         }},
        {"batch_size", "Batch size and gradient noise",
         "Each step estimates the gradient from one mini-batch. A small batch gives a noisy estimate but "
         "many steps per epoch; a large batch gives a smooth estimate but few steps. The noise is not "
         "only a cost: it also helps escape sharp minima.",
         SPIRAL_AB(R"({"lr":{"lr":0.1},"epochs":40})"),
         {
             {"[]", "Set run A's batch size to 2 and run B's to 100, then press ▶.",
              "A's loss curve is jagged, B's is smooth; B makes far less progress per epoch because it takes fewer steps.",
              R"([{"cmd":"lab.set","train":{"batch":{"size":2}}},{"cmd":"lab.set","run":1,"train":{"batch":{"size":100}}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  const Trainer *a = ended(app, 0), *b = ended(app, 1);
                  return finished_normally(a) && finished_normally(b) && config(app, 0).batch.size <= 8 &&
                         config(app, 1).batch.size >= 50 && roughness(a) > roughness(b);
              }},
         }},
        {"overfitting", "Epochs, over-fitting and early stopping",
         "Train long enough and a large network memorises the training points, noise included: the "
         "training loss keeps falling while the validation loss turns and rises. Early stopping watches "
         "the validation loss and stops when it has not improved for a few epochs (the patience).",
         "[" OVERFIT_SETUP "]",
         {
             {"[]", "Press ▶ and train for 200 epochs.",
              "The validation loss reaches its lowest point early and then climbs, while the training loss keeps falling.",
              R"([{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  const Trainer* a = ended(app, 0);
                  if (!finished_normally(a) || config(app, 0).patience != 0) return false;
                  double best = INFINITY;
                  for (const EpochRecord& r : a->history()) best = std::min(best, r.validation_loss);
                  return last(a).validation_loss > 1.3 * best;
              }},
             {"[]", "Set the early-stopping patience to 10 and press ▶ again.",
              "Training stops by itself soon after the validation loss stops improving.",
              R"([{"cmd":"lab.set","train":{"patience":10}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  const Trainer* a = ended(app, 0);
                  return a && a->status() == Status::stopped_early;
              }},
         }},
        {"optimizers", "SGD, momentum, RMSprop and Adam",
         "Plain SGD steps straight down the current gradient. Momentum keeps a running direction, so it "
         "rolls through flat stretches and damps zig-zags; RMSprop divides each weight's step by its "
         "recent gradient size; Adam does both. Same data, same seed, only the optimizer changes.",
         SPIRAL_AB(R"({"lr":{"lr":0.01},"epochs":50})"),
         {
             {"[]", "Run A uses SGD. Set run B's optimizer to momentum and press ▶.",
              "With the same learning rate, B's loss falls much faster than A's.",
              R"([{"cmd":"lab.set","run":1,"train":{"optimizer":{"kind":"momentum"}}},{"cmd":"lab.start"}])",
              [](const AppState& app) { return b_beats_a(app) && config(app, 1).optimizer.kind == OptimizerKind::momentum; }},
             {"[]", "Set run B's optimizer to RMSprop and press ▶.",
              "RMSprop also beats plain SGD: each weight gets a step sized to its own gradients.",
              R"([{"cmd":"lab.set","run":1,"train":{"optimizer":{"kind":"rmsprop"}}},{"cmd":"lab.start"}])",
              [](const AppState& app) { return b_beats_a(app) && config(app, 1).optimizer.kind == OptimizerKind::rmsprop; }},
             {"[]", "Set run B's optimizer to Adam and press ▶.",
              "Adam, momentum plus per-weight step sizes, ends far below SGD.",
              R"([{"cmd":"lab.set","run":1,"train":{"optimizer":{"kind":"adam"}}},{"cmd":"lab.start"}])",
              [](const AppState& app) { return b_beats_a(app) && config(app, 1).optimizer.kind == OptimizerKind::adam; }},
         }},
        {"regularization", "L1, L2 and dropout",
         "Regularization trades a little training fit for better generalization. L2 (weight decay) "
         "shrinks all weights a little; L1 pushes many of them to exactly zero; dropout switches random "
         "units off while training, so no unit can rely on another. Run A is the over-fitting baseline.",
         "[" OVERFIT_SETUP "," AND_B_ALIKE(OVERFIT_TRAIN) "]",
         {
             {"[]", "Set run B's L2 penalty to 0.01 and press ▶.",
              "B's weights stay much smaller (Network view) and its validation loss does not climb like A's.",
              R"([{"cmd":"lab.set","run":1,"train":{"l2":0.01}},{"cmd":"lab.start"}])",
              [](const AppState& app) { return config(app, 1).l2 > 0 && b_penalized_better(app); }},
             {"[]", "Set run B's L2 back to 0, its L1 penalty to 0.005, and press ▶.",
              "B's weight histogram piles up at zero: L1 switches many connections off entirely.",
              R"([{"cmd":"lab.set","run":1,"train":{"l2":0,"l1":0.005}},{"cmd":"lab.start"}])",
              [](const AppState& app) { return config(app, 1).l1 > 0 && b_penalized_better(app); }},
             {"[]", "Set run B's L1 back to 0, give both of its hidden layers dropout 0.3, and press ▶.",
              "B's training loss is higher than A's (half its units are missing at times), but its validation loss ends lower.",
              R"([{"cmd":"lab.set","run":1,"train":{"l1":0,"model":{"hidden":[{"units":48,"activation":"tanh","dropout":0.3},{"units":48,"activation":"tanh","dropout":0.3}]}}},{"cmd":"lab.start"}])",
              [](const AppState& app) { return config(app, 1).model.hidden[0].dropout > 0 && b_validates_better(app); }},
         }},
        {"initialization", "Zero, Gaussian and He initialization",
         "Training starts from the initial weights. All zeros makes every unit in a layer compute the "
         "same thing forever; Gaussian noise of the wrong size makes signals explode or vanish through "
         "deep layers; He initialization scales the noise to each layer's fan-in, so ReLU networks start "
         "with signals of a healthy size.",
         R"([{"cmd":"lab.set","data":{"kind":"spiral","size":300},"train":{"lr":{"lr":0.03},"epochs":40}}])",
         {
             {"[]", "Set the initialization to zeros and press ▶.",
              "The loss does not move and the decision boundary stays empty: with equal weights every unit gets the same update.",
              R"([{"cmd":"lab.set","train":{"model":{"init":"zeros"}}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  const Trainer* a = ended(app, 0);
                  return a && config(app, 0).model.init == Init::zeros && last(a).validation_metric < 0.7;
              }},
             {"[" R"({"cmd":"lab.set","train":)" DEEP_GAUSSIAN "}," AND_B_ALIKE(DEEP_GAUSSIAN) "]",
              "Both runs now use a deep ReLU network with Gaussian weights of σ = 1. Set run B's initialization to He and press ▶.",
              "A's loss starts huge and jumps around or diverges; B trains smoothly from the first epoch.",
              R"([{"cmd":"lab.set","run":1,"train":{"model":{"init":"he"}}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  const Trainer *a = ended(app, 0), *b = ended(app, 1);
                  return a && finished_normally(b) && config(app, 1).model.init == Init::he &&
                         (a->status() == Status::diverged ||
                          a->history().front().train_loss > 10 * b->history().front().train_loss);
              }},
         }},
        {"normalization", "Feature normalization",
         "When one feature is in the thousands and another below one, the loss is a long narrow valley: "
         "a learning rate small enough for the large feature is far too small for the others. "
         "Standardizing every feature to mean 0 and standard deviation 1 (fitted on the training part "
         "only) makes the valley round.",
         R"([{"cmd":"lab.set","data":{"kind":"wine","validation_ratio":0.3},"train":{"lr":{"lr":0.01},"epochs":40}}])",
         {
             {"[]", "The wine data is loaded without preprocessing. Press ▶.",
              "Training fails or gets nowhere: the proline feature (hundreds to thousands) dominates every step.",
              R"([{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  const Trainer* a = ended(app, 0);
                  return a && app.lab.data_config.preprocessing == Preprocessing::none &&
                         (a->status() == Status::diverged || last(a).validation_metric < 0.8);
              }},
             {"[]", "Set the preprocessing to standardize and press ▶.",
              "With the same learning rate, the validation accuracy now climbs above 90%.",
              R"([{"cmd":"lab.set","data":{"preprocessing":"standardize"}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  const Trainer* a = ended(app, 0);
                  return finished_normally(a) && app.lab.data_config.preprocessing != Preprocessing::none &&
                         last(a).validation_metric >= 0.9;
              }},
         }},
        {"validation_split", "Training and validation data",
         "The training loss says how well the network fits the points it has seen; only data it has "
         "never seen says how well it will do on new ones. Hold a part out for validation, and keep it "
         "large enough to be a fair estimate.",
         "[" OVERFIT_SETUP "]",
         {
             {"[]", "Press ▶ and compare the training and validation accuracy at the end.",
              "Training accuracy reaches nearly 100%, validation accuracy stays clearly lower: the gap is over-fitting.",
              R"([{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  const Trainer* a = ended(app, 0);
                  return finished_normally(a) && last(a).train_metric - last(a).validation_metric >= 0.1;
              }},
             {"[]", "Set the validation fraction to 0.05 and press ▶.",
              "Only 6 points are held out: the validation accuracy can only move in jumps of about 17%, too coarse to trust.",
              R"([{"cmd":"lab.set","data":{"validation_ratio":0.05}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  return finished_normally(ended(app, 0)) && app.lab.data && app.lab.data->info.validation_size <= 10;
              }},
         }},
        {"accuracy_cost", "Accuracy vs training cost",
         "A bigger network can draw more complicated boundaries, but every extra unit costs arithmetic on "
         "every example, every epoch. On an easy problem a small network is already nearly perfect, and a "
         "big one pays many times more for a gain too small to matter: the best settings are those on "
         "the Pareto front of accuracy against cost.",
         "[" R"({"cmd":"lab.set","data":{"kind":"moons","size":300},"train":)" SMALL_NET "}," AND_B_ALIKE(SMALL_NET) "]",
         {
             {"[]", "Compare A / B is on; both runs have one hidden layer of 8 units. Give run B three hidden layers of 64 units each and press ▶.",
              "The status lines: both validation accuracies are about the same, but B's training cost (in FLOPs) is hundreds of times A's.",
              R"([{"cmd":"lab.set","run":1,"train":{"model":{"hidden":[{"units":64,"activation":"tanh"},{"units":64,"activation":"tanh"},{"units":64,"activation":"tanh"}]}}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  const Trainer *a = ended(app, 0), *b = ended(app, 1);
                  return finished_normally(a) && finished_normally(b) && b->flops() >= 50 * a->flops() &&
                         last(a).validation_metric >= 0.9 &&
                         last(b).validation_metric - last(a).validation_metric <= 0.03;
              }},
         }},
        {"grid_vs_random", "Grid search vs random search",
         "Grid search tries every combination of a few values per hyperparameter; random search draws "
         "each trial anew. With the same budget, a 4 × 4 grid tests only 4 learning rates, while 16 "
         "random trials test 16: when only one hyperparameter really matters, random search explores "
         "it far better (Bergstra & Bengio, 2012).",
         R"([{"cmd":"arena.set","objective":"branin","strategies":["grid","random"],"trials":16,"repeats":1},{"cmd":"arena.view","tab":"landscape"}])",
         {
             {"[]", "Grid and random search are set up with 16 trials each on the Branin function. Press ▶ Start race.",
              "In the \"Where they looked\" view, grid's points sit on 4 columns only; random's 16 points cover 16 different values of x1.",
              R"([{"cmd":"arena.start"}])",
              [](const AppState& app) {
                  const Racer *grid = finished_racer(app, "grid"), *random = finished_racer(app, "random");
                  return grid && random && distinct_first_values(*random) > distinct_first_values(*grid);
              }},
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
         R"([{"cmd":"arena.set","objective":"forrester","strategies":["bo_ei"],"trials":15,"repeats":1,"xi":0.01},{"cmd":"arena.view","tab":"bayes"}])",
         {
             {R"([{"cmd":"arena.start"},{"cmd":"arena.pause"}])",
              "BO (EI) is ready on the 1-D Forrester function, paused. Press Step one round six times: the first five trials are spread evenly, the sixth is the model's choice.",
              "In the Bayesian optimization view, the band (mean ± 2σ) is narrow at the trials and wide between them; the red line marks the highest point of the acquisition curve, the next trial.",
              "[" SIX_ROUNDS "]",
              [](const AppState& app) {
                  const Racer* bo = racer_of(app, "bo_ei");
                  return bo && !app.arena.racing && model_trials(bo->runner->study()) >= 1;
              }},
             {"[" R"({"cmd":"arena.start"},)" SIX_ROUNDS "]",
              "Drag the ξ slider above the plots to 0.5, then press Step one round.",
              "A larger ξ demands more improvement: the acquisition peak leaves the trials behind and the next trial lands in a gap the model knows little about.",
              R"([{"cmd":"arena.set","xi":0.5},)" ROUND "]",
              [](const AppState& app) {
                  const Racer* bo = racer_of(app, "bo_ei");
                  if (!bo || app.arena.setup.xi < 0.3) return false;
                  const tune::Study& study = bo->runner->study();
                  const int n = int(study.trials().size()) - 1;
                  const auto first = std::find_if(study.trials().begin(), study.trials().end(), [](const tune::Trial& t) { return t.source == "ei"; });
                  // The trial after raising ξ explores: farther from earlier trials than the first model-guided one.
                  return model_trials(study) >= 2 && study.trial(n).finished() &&
                         gap_to_earlier(study, n) > 2 * gap_to_earlier(study, int(first - study.trials().begin()));
              }},
         }},
        {"hyperband", "Hyperband: stop the weak trials early",
         "Most configurations are bad, and a few epochs are often enough to tell. Successive halving "
         "starts many configurations with a small budget, keeps the best third at each rung and trains "
         "only those longer; Hyperband runs it at several levels of aggressiveness. The epochs saved on "
         "hopeless trials are the point: an early-stopping rule for the whole search.",
         R"([{"cmd":"lab.set","data":{"kind":"spiral","size":300},"train":{"optimizer":{"kind":"adam"}}},{"cmd":"arena.set","objective":"lab","strategies":["random","hyperband"],"trials":9,"epochs":9,"repeats":1},{"cmd":"arena.view","tab":"trials"}])",
         {
             {"[]", "Random search and Hyperband each get 9 trials of at most 9 epochs on the lab's spiral. Press ▶ Start race.",
              "Each progress bar counts the epochs trained: random trains every trial for all 9, Hyperband far fewer. In the Trials view, pick Hyperband: most of its trials are \"pruned\", stopped after 1 or 3 epochs.",
              R"([{"cmd":"arena.start"}])",
              [](const AppState& app) {
                  const Racer *random = finished_racer(app, "random"), *hyperband = finished_racer(app, "hyperband");
                  if (!random || !hyperband) return false;
                  const tune::Study& hb = hyperband->runner->study();
                  return trials_with(hb, tune::TrialStatus::Pruned) > trials_with(hb, tune::TrialStatus::Complete) &&
                         2 * epochs_trained(hb) < epochs_trained(random->runner->study());
              }},
         }},
        {"challenge_spiral", "Challenge: the spiral at 90%, within 100 epochs",
         "Goal: reach a validation accuracy of 90% (or more) on the spiral (500 points, noise 0.05, validation "
         "fraction 0.3) with "
         "at most 100 epochs of training. Change anything in the Network and Hyperparameters panels; "
         "the data set and its split stay as they are.",
         R"([{"cmd":"lab.set","data":{"kind":"spiral","size":500,"noise":0.05,"validation_ratio":0.3},"train":{"epochs":100}}])",
         {
             {"[]", "Find settings that reach the goal and press ▶.",
              "The run's final validation accuracy, in the status line under the progress bar.",
              R"([{"cmd":"lab.set","train":{"model":{"hidden":[{"units":32,"activation":"relu"},{"units":32,"activation":"relu"},{"units":32,"activation":"relu"}],"init":"he"},"optimizer":{"kind":"adam"},"lr":{"lr":0.01},"batch":{"size":5}}},{"cmd":"lab.start"}])",
              [](const AppState& app) {
                  const Trainer* a = ended(app, 0);
                  const DataConfig& d = app.lab.data_config;
                  // The budget and the data are part of the goal: more epochs or an easier split would not count.
                  return finished_normally(a) && d.kind == DatasetKind::spiral && d.size == 500 && d.noise >= 0.05 &&
                         d.validation_ratio >= 0.3 && a->epoch() <= 100 && last(a).validation_metric >= 0.9;
              }},
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
             {"[]", "Hint: tune the learning rate (0.001 to 0.1, log), the batch size (4 to 32, log), the units per layer (16 to 64) and the hidden layers (2 to 3) with random search, then press ▶ Start race.",
              "Each strategy's progress bar shows its best validation accuracy so far.",
              R"([{"cmd":"arena.set","params":{"lr":{"tuned":true,"low":0.001,"high":0.1,"log":true},"batch":{"tuned":true,"low":4,"high":32,"log":true},"units":{"tuned":true,"low":16,"high":64,"log":false},"layers":{"tuned":true,"low":2,"high":3,"log":false}},"strategies":["random"]},{"cmd":"arena.start"}])",
              [](const AppState& app) {
                  const ArenaState& arena = app.arena;
                  const DataConfig& d = app.lab.data_config;
                  // The budget, the score and the data are part of the goal.
                  if (arena.racers.empty() || !race_finished(arena) || arena.raced.objective != "lab" ||
                      arena.raced.metric != "val_accuracy" || arena.raced.trials > 20 || arena.raced.epochs > 50 ||
                      d.kind != DatasetKind::spiral || d.size != 500 || d.noise < 0.02 || d.validation_ratio < 0.3)
                      return false;
                  return std::any_of(arena.racers.begin(), arena.racers.end(), [](const Racer& r) {
                      const tune::Trial* best = r.runner->study().best();
                      return best && 1 - *best->value >= 0.95;
                  });
              }},
         },
         true},
    };
    return lessons;
}

}  // namespace tunelab::ui
