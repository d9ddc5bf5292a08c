#pragma once
// The real thing: train an MLP with core's Trainer on a data set, epoch by epoch, and score it on
// the validation part. Each trial trains from its own seed on the same data split.
#include "core/dataset.h"
#include "tune/objective.h"

namespace tunelab::tune {

enum class MlpScore { validation_loss, validation_error };

class MlpObjective : public Objective {
public:
    // `space` names the settings it tunes (tunable.h: tunable_settings()); default: `default_space()`.
    // Throws std::invalid_argument for an unknown data set or parameter.
    MlpObjective(DatasetKind dataset, MlpScore score = MlpScore::validation_loss, int epochs = 20,
                 std::optional<Space> space = std::nullopt, std::string data_dir = "assets/data");
    // On data already prepared, with `base` giving every setting the space does not tune (the
    // search arena tunes the lab's own network on the lab's own data). Named "mlp:<name>".
    MlpObjective(PreparedData data, TrainConfig base, std::string name, MlpScore score = MlpScore::validation_loss,
                 int epochs = 20, std::optional<Space> space = std::nullopt);

    std::string name() const override;
    Space space() const override { return space_; }
    int max_epochs() const override { return epochs_; }
    int trial_epochs(const Values& params) const override;  // the tuned "epochs", else max_epochs()
    std::unique_ptr<Evaluation> start(const Values& params, uint64_t seed) const override;
    // A validation error: 0 to 1 (a validation loss is unbounded).
    std::optional<std::array<double, 2>> value_range() const override;
    // Training's FLOPs depend on the network's shape and the epochs only (each epoch: a forward and a
    // backward pass, twice the forward's work, over the training part, and a forward pass over the
    // validation part; core/trainer.cpp), so the space's lowest and highest corners bound them.
    std::optional<std::array<double, 2>> flops_range() const override;

    // The training settings a trial uses: the base settings with the trial's parameters applied.
    TrainConfig config_for(const Values& params, uint64_t seed) const;
    // The same data, base settings, score and epochs over another space: a slice of this objective
    // with the parameters `space` leaves out at their base values (the arena's true landscape).
    MlpObjective with_space(Space space) const;
    // Every trial trains from `seed` (same initial weights, same batch order) instead of its own:
    // common random numbers. Trials then differ only by their settings, so the landscape a search
    // sees is smooth instead of a checkerboard of seed luck; repeating over seeds shows the luck.
    MlpObjective with_common_seed(uint64_t seed) const;
    // Every trial adapts its learning rate by hypergradient descent while it trains, starting from the
    // rate the trial gives (the gradient-based strategy; its β is the base settings').
    MlpObjective with_hypergradient() const;
    std::optional<uint64_t> common_seed() const { return common_seed_; }

    static Space default_space();
    // The data a bundled set's objective trains on (standardized, read from `data_dir`).
    static DataConfig data_config(DatasetKind dataset, std::string data_dir);
    // The settings every trial starts from, before its parameters apply.
    const TrainConfig& base() const { return base_; }
    // Parameter names this objective understands: lr, optimizer, momentum, beta1, beta2, units,
    // layers, activation, l2, dropout, batch, epochs (at most the objective's epochs).
    static const std::vector<std::string>& tunable_settings();

private:
    void check_space() const;

    std::string name_;
    MlpScore score_;
    int epochs_;
    Space space_;
    PreparedData data_;
    TrainConfig base_;
    std::optional<uint64_t> common_seed_;
};

}  // namespace tunelab::tune
