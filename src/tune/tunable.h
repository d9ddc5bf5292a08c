#pragma once
// What the lab's network can tune, one row per setting: the one table that the MLP objective (its
// spaces and how a trial's values become training settings), the arena's set-up (its panel, JSON
// and checks) and the Python export read. Adding a tunable setting is one row in tunable.cpp (and
// its label's translation in the UI's string table).
#include <string>
#include <string_view>
#include <vector>

#include "core/settings.h"
#include "tune/space.h"

namespace tunelab::tune {

// A trial's network while its values are applied: the training settings, and the one shape every
// hidden layer gets when a shape setting is tuned.
struct NetworkTrial {
    TrainConfig config;
    LayerConfig layer;        // units, activation and dropout of every hidden layer
    int layers = 1;
    bool shape_tuned = false;  // else the base network keeps its own (possibly uneven) layers
    int train_size = 1;       // a batch is at most the training part
    int max_epochs = 1;       // a tuned "epochs" is at most the objective's
};

// Where a setting's value goes: a training setting, the shape of every hidden layer, or the epochs
// (at most the search's). The Python export applies each group the same way.
enum class TunableTarget { setting, layer, epochs };

struct TunableSetting {
    const char* name;   // as spaces, the arena's set-up, saved races and the export name it
    const char* label;  // English; the UI translates it
    ParamKind kind;
    double min = 0, max = 0;  // the widest range a search may give it (Float and Int)
    double low = 0, high = 0;  // the range it is tuned over unless the learner says otherwise
    bool log = false;
    std::vector<std::string> choices;  // Categorical: the values a search tries
    bool in_arena = false;             // offered by the arena's set-up, in this table's order
    TunableTarget target = TunableTarget::setting;
    void (*apply)(NetworkTrial& trial, double value, const std::string& choice) = nullptr;
};

// Every setting, the arena's first, in the order the set-up lists them.
const std::vector<TunableSetting>& tunable_settings();
// nullptr when `name` is not tunable.
const TunableSetting* find_tunable(std::string_view name);
// "lr, batch, optimizer, …": for messages that name what can be tuned.
std::string tunable_names(bool arena_only = false);
// The setting as a parameter over [low, high] (a categorical: all its choices).
Param tunable_param(const TunableSetting& setting, double low, double high, bool log);
Param tunable_param(const TunableSetting& setting);  // over its default range

}  // namespace tunelab::tune
