#include "tune/strategy.h"

#include <algorithm>
#include <stdexcept>

namespace tunelab::tune {

const std::vector<Strategy>& strategies() {
    using A = AcquisitionKind;
    static const std::vector<Strategy> table = {
        {"grid", "Grid",
         "Every combination of a few values per hyperparameter. With 9 trials over 2 hyperparameters it tries only 3 "
         "values of each: trials are wasted on the one that does not matter.",
         "grid", std::nullopt},
        {"random", "Random",
         "Independent random points. 9 trials try 9 different values of every hyperparameter, so the important one is "
         "explored well (Bergstra & Bengio 2012).",
         "random", std::nullopt},
        {"sobol", "Sobol",
         "Quasi-random points that fill the space more evenly than random ones, with no clumps and no gaps.", "sobol",
         std::nullopt},
        {"bo_ei", "BO (EI)",
         "Bayesian optimization with Expected Improvement: fits a Gaussian process to the trials so far and tries where "
         "the expected gain over the best is largest. ξ demands a bigger gain (more exploration).",
         "bayes", A::expected_improvement},
        {"bo_pi", "BO (PI)",
         "Bayesian optimization with Probability of Improvement: tries where beating the best by ξ is most likely. "
         "Greedy when ξ is small.",
         "bayes", A::probability_of_improvement},
        {"bo_ucb", "BO (UCB)",
         "Bayesian optimization with a confidence bound: tries where mean − κ·σ is lowest, i.e. optimistically. Larger "
         "κ explores more.",
         "bayes", A::confidence_bound},
        {"tpe", "TPE",
         "Tree-structured Parzen estimator (as in Optuna and Hyperopt): models where good and bad trials lie and "
         "samples where good ones are dense.",
         "tpe", std::nullopt},
        {"cmaes", "CMA-ES",
         "CMA-ES, an evolution strategy (Hansen): samples a generation of points from a Gaussian, moves it towards the "
         "best of them and stretches it along the directions that paid off. Strong on narrow, tilted valleys; needs no "
         "model of the loss.",
         "cmaes", std::nullopt},
        {"hyperband", "Hyperband",
         "Hyperband: starts many configurations for a few epochs, keeps the best third at each rung (a checkpoint with "
         "more epochs) and stops the rest early.",
         "hyperband", std::nullopt},
        {"asha", "ASHA",
         "ASHA, asynchronous successive halving: Hyperband's rungs, but a trial moves up as soon as it is in the best third "
         "of its rung so far. With several trials at once no worker waits for a rung to fill.",
         "asha", std::nullopt},
        {"parego", "ParEGO",
         "ParEGO (Knowles 2006) searches for good scores and cheap training at once: before each trial it weighs the two "
         "objectives at random, then Bayesian optimization proposes on that blend. Different weights aim at different trade-offs, "
         "so it fills in the whole Pareto front instead of one corner.",
         "parego", std::nullopt, true},
        {"motpe", "MOTPE",
         "MOTPE (Ozaki et al. 2022; Optuna's TPE on several objectives) searches for good scores and cheap training at once: TPE "
         "whose good trials are those on the best Pareto fronts so far, so it samples where good trade-offs lie.",
         "tpe", std::nullopt, true},
        {"gradient", "Gradient-based",
         "Tunes the learning rate inside each training run by hypergradient descent (Baydin et al. 2018): the rate follows the "
         "gradient of the loss with respect to itself, step by step. Each trial starts from a random point and trains as long as "
         "any other strategy's trial, so the race compares them on equal training cost (epochs).",
         "random", std::nullopt, false, true},
        {"bo_ei_warm", "BO (EI), warm",
         "BO (EI) warm-started: the trials of an earlier study on the same hyperparameters are its first observations, so its "
         "model points it at the region that was good there from its very first trial instead of starting from a random design. "
         "It pays off when the tasks are alike and misleads it when they are not.",
         "bayes", A::expected_improvement, false, false, "bo_ei"},
        {"tpe_warm", "TPE, warm",
         "TPE warm-started: the trials of an earlier study on the same hyperparameters count as its first observations, so it "
         "samples where good trials were dense there from its very first trial instead of after 10 random ones.",
         "tpe", std::nullopt, false, false, "tpe"},
    };
    return table;
}

const Strategy* find_strategy(std::string_view name) {
    const auto& table = strategies();
    const auto found = std::find_if(table.begin(), table.end(), [&](const Strategy& s) { return name == s.name; });
    return found == table.end() ? nullptr : &*found;
}

std::unique_ptr<Sampler> make_strategy_sampler(std::string_view name, SamplerOptions options) {
    const Strategy* strategy = find_strategy(name);
    if (!strategy) throw std::invalid_argument("unknown strategy '" + std::string(name) + "'");
    if (strategy->acquisition) options.acquisition.kind = *strategy->acquisition;
    return make_sampler(strategy->sampler, options);
}

TrainConfig strategy_training(std::string_view name, TrainConfig run) {
    const Strategy* strategy = find_strategy(name);
    if (strategy && strategy->hypergradient) run.optimizer.hypergradient = true;
    return run;
}

std::vector<Measure> strategy_objectives(std::string_view name) {
    const Strategy* strategy = find_strategy(name);
    if (strategy && strategy->multi_objective) return {Measure::value, Measure::flops};
    return {Measure::value};
}

}  // namespace tunelab::tune
