#pragma once
// Refusal of impossible settings, one Issue per wrong field, each naming the allowed range.
#include <stdexcept>
#include <string_view>
#include <vector>

#include "core/dataset.h"
#include "core/settings.h"

namespace tunelab {

std::vector<Issue> validate(const DataConfig& config);
// Training settings checked against the data they will train on (batch ≤ training size, a loss
// that fits the task, …).
std::vector<Issue> validate(const TrainConfig& config, const DataInfo& data);

// Output units the model needs: one per class for softmax or more than 2 classes, else one.
int output_units(const ModelConfig& model, const DataInfo& data);

// The usual pairing for the task: sigmoid + binary cross-entropy for 2 classes, softmax +
// categorical cross-entropy for more, linear + MSE for regression.
void fit_output_to_task(ModelConfig& model, const DataInfo& data);

// Thrown by Trainer when given settings that validate() refuses.
struct ConfigError : std::invalid_argument {
    explicit ConfigError(std::vector<Issue> issues);
    std::vector<Issue> issues;
};

// "field: message" lines, for the CLI, exceptions and notices.
std::string describe(const std::vector<Issue>& issues);
// Appends `issues` to `into`, each field prefixed with the path of the part it was found in
// ("lab.runs[1]." + "lr.lr"), for documents made of several settings.
void add_issues(std::vector<Issue>& into, std::string_view prefix, const std::vector<Issue>& issues);

}  // namespace tunelab
