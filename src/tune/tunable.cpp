#include "tune/tunable.h"

#include <algorithm>
#include <cmath>

namespace tunelab::tune {

namespace {

std::vector<TunableSetting> make_table() {
    using T = NetworkTrial;
    using K = ParamKind;
    using G = TunableTarget;
    // name, label, kind, limits, default range and scale, choices, in the arena, target, apply.
    // The defaults are the ranges the literature and Optuna's examples start from: a learning rate
    // over four decades, batches 8–128, a few units and layers.
    return {
        {"lr", "Learning rate", K::real, 1e-6, 10, 1e-4, 1.0, true, {}, true, G::setting,
         [](T& t, double v, const std::string&) { t.config.lr.lr = v; }},
        {"batch", "Batch size", K::integer, 1, 4096, 8, 128, true, {}, true, G::setting,
         [](T& t, double v, const std::string&) { t.config.batch.size = std::min(int(v), t.train_size); }},
        {"optimizer", "Optimizer", K::categorical, 0, 0, 0, 0, false, {"sgd", "momentum", "adam"}, true, G::setting,
         [](T& t, double, const std::string& c) { t.config.optimizer.kind = parse_enum<OptimizerKind>(c).value_or(OptimizerKind::sgd); }},
        {"l2", "L2 penalty", K::real, 1e-8, 1, 1e-6, 1e-1, true, {}, true, G::setting,
         [](T& t, double v, const std::string&) { t.config.l2 = v; }},
        {"dropout", "Dropout", K::real, 0, 0.9, 0, 0.5, false, {}, true, G::layer,
         [](T& t, double v, const std::string&) { t.layer.dropout = v; }},
        {"units", "Units per layer", K::integer, 1, 512, 2, 64, true, {}, true, G::layer,
         [](T& t, double v, const std::string&) { t.layer.units = int(v); }},
        {"layers", "Hidden layers", K::integer, 1, 6, 1, 3, false, {}, true, G::layer,
         [](T& t, double v, const std::string&) { t.layers = int(v); }},
        {"epochs", "Training epochs", K::integer, 1, 200, 1, 10, false, {}, true, G::epochs,
         [](T& t, double v, const std::string&) { t.config.epochs = std::clamp(int(std::lround(v)), 1, t.max_epochs); }},
        {"momentum", "Momentum", K::real, 0, 0.999, 0.5, 0.99, false, {}, false, G::setting,
         [](T& t, double v, const std::string&) { t.config.optimizer.momentum = v; }},
        {"beta1", "Adam β1", K::real, 0, 0.999, 0.5, 0.99, false, {}, false, G::setting,
         [](T& t, double v, const std::string&) { t.config.optimizer.beta1 = v; }},
        {"beta2", "Adam β2", K::real, 0, 0.99999, 0.9, 0.9999, false, {}, false, G::setting,
         [](T& t, double v, const std::string&) { t.config.optimizer.beta2 = v; }},
        {"activation", "Activation", K::categorical, 0, 0, 0, 0, false, {"relu", "tanh"}, false, G::layer,
         [](T& t, double, const std::string& c) { t.layer.activation = parse_enum<Activation>(c).value_or(Activation::tanh); }},
    };
}

}  // namespace

const std::vector<TunableSetting>& tunable_settings() {
    static const std::vector<TunableSetting> table = make_table();
    return table;
}

const TunableSetting* find_tunable(std::string_view name) {
    const auto& table = tunable_settings();
    const auto found = std::find_if(table.begin(), table.end(), [&](const TunableSetting& s) { return name == s.name; });
    return found == table.end() ? nullptr : &*found;
}

std::string tunable_names(bool arena_only) {
    std::string out;
    for (const TunableSetting& s : tunable_settings())
        if (s.in_arena || !arena_only) out += (out.empty() ? "" : ", ") + std::string(s.name);
    return out;
}

Param tunable_param(const TunableSetting& s, double low, double high, bool log) {
    switch (s.kind) {
        case ParamKind::real: return Param::real(s.name, low, high, log);
        case ParamKind::integer: return Param::integer(s.name, low, high, log);
        case ParamKind::categorical: return Param::categorical(s.name, s.choices);
    }
    return {};
}

Param tunable_param(const TunableSetting& s) { return tunable_param(s, s.low, s.high, s.log); }

}  // namespace tunelab::tune
