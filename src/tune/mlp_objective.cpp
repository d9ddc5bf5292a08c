#include "tune/mlp_objective.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "core/base64.h"
#include "core/limits.h"
#include "core/model.h"
#include "core/settings_json.h"
#include "core/trainer.h"
#include "core/validate.h"
#include "tune/tunable.h"

namespace tunelab::tune {

namespace {

class MlpEvaluation : public Evaluation {
public:
    MlpEvaluation(const TrainConfig& config, const PreparedData& data, MlpScore score)
        : trainer_(config, data), score_(score) {}

    StepResult step() override {
        double seconds = trainer_.history().empty() ? 0 : trainer_.history().back().seconds;
        double flops = trainer_.flops();
        trainer_.run_epoch();
        StepResult result;
        result.diverged = trainer_.status() == Status::diverged;
        if (trainer_.history().empty()) return result;
        const EpochRecord& r = trainer_.history().back();
        result.value = score_ == MlpScore::validation_loss ? r.validation_loss : 1 - r.validation_metric;
        result.cost = {r.seconds - seconds, trainer_.flops() - flops};
        result.diverged = result.diverged || !std::isfinite(result.value);
        return result;
    }

private:
    Trainer trainer_;
    MlpScore score_;
};

// A float matrix or vector as base64url of its little-endian bytes (every platform TuneLab builds
// for is little-endian): exact, and a quarter of the text of decimal numbers.
template <typename M>
json::Value floats_to_json(const M& m) {
    if (double(m.size()) * 4 * 4 / 3 > double(limits::kMaxJsonStringBytes))
        throw std::invalid_argument("the data set is too large to send to a worker");
    return base64url_encode(std::string_view(reinterpret_cast<const char*>(m.data()), size_t(m.size()) * sizeof(float)));
}

template <typename M>
void floats_from_json(const json::Value* value, M& m, const char* what) {
    std::optional<std::string> bytes;
    if (value && value->is_string()) bytes = base64url_decode(value->as_string());
    if (!bytes || bytes->size() != size_t(m.size()) * sizeof(float))
        throw std::invalid_argument(std::string("objective data: ") + what + " is not " + std::to_string(m.size()) + " floats");
    std::memcpy(m.data(), bytes->data(), bytes->size());
}

const json::Value& member(const json::Value& object, const char* key) {
    const json::Value* found = object.find(key);
    if (!found) throw std::invalid_argument(std::string("objective: \"") + key + "\" is missing");
    return *found;
}

int count(const json::Value& object, const char* key, int low, double high) {
    const json::Value& v = member(object, key);
    if (!v.is_number() || v.as_number() != std::floor(v.as_number()) || v.as_number() < low || v.as_number() > high)
        throw std::invalid_argument(std::string("objective: \"") + key + "\" must be a whole number from " + std::to_string(low));
    return int(v.as_number());
}

json::Value part_to_json(const Dataset& part) { return json::Object{{"x", floats_to_json(part.x)}, {"y", floats_to_json(part.y)}}; }

Dataset part_from_json(const json::Value& value, int inputs, int samples, const char* what) {
    Dataset part;
    part.x.resize(inputs, samples);
    part.y.resize(samples);
    floats_from_json(value.find("x"), part.x, what);
    floats_from_json(value.find("y"), part.y, what);
    return part;
}

}  // namespace

json::Value MlpObjective::to_json() const {
    const DataInfo& info = data_.info;
    json::Value data = json::Object{{"task", std::string(tunelab::name(info.task))},
                                    {"classes", info.classes},
                                    {"inputs", info.inputs},
                                    {"train_size", info.train_size},
                                    {"validation_size", info.validation_size},
                                    {"train", part_to_json(data_.train)},
                                    {"validation", part_to_json(data_.validation)}};
    json::Value out = json::Object{{"name", name_},
                                   {"score", std::string(tunelab::name(score_))},
                                   {"epochs", epochs_},
                                   {"space", space_to_json(space_)},
                                   {"base", tunelab::to_json(base_)},
                                   {"data", std::move(data)}};
    if (common_seed_) out["common_seed"] = json::u64_to_json(*common_seed_);
    return out;
}

MlpObjective MlpObjective::from_json(const json::Value& value) {
    if (!value.is_object()) throw std::invalid_argument("objective: must be an object");
    const json::Value& data = member(value, "data");
    PreparedData prepared;
    DataInfo& info = prepared.info;
    const json::Value& task = member(data, "task");
    const std::optional<Task> parsed_task = task.is_string() ? parse_enum<Task>(task.as_string()) : std::nullopt;
    if (!parsed_task) throw std::invalid_argument("objective: \"task\" must be classification or regression");
    info.task = *parsed_task;
    info.classes = count(data, "classes", 0, limits::kMaxClasses);
    info.inputs = count(data, "inputs", 1, limits::kMaxColumns);
    info.train_size = count(data, "train_size", 1, limits::kMaxDataCells / info.inputs);
    info.validation_size = count(data, "validation_size", 0, limits::kMaxDataCells / info.inputs);
    prepared.train = part_from_json(member(data, "train"), info.inputs, info.train_size, "train");
    prepared.validation = part_from_json(member(data, "validation"), info.inputs, info.validation_size, "validation");
    TrainConfig base;
    if (std::vector<Issue> issues = update_from_json(base, member(value, "base")); !issues.empty())
        throw std::invalid_argument("objective base settings: " + describe(issues));
    const json::Value& score = member(value, "score");
    const std::optional<MlpScore> parsed_score = score.is_string() ? parse_enum<MlpScore>(score.as_string()) : std::nullopt;
    if (!parsed_score) throw std::invalid_argument("objective: \"score\" must be validation_loss or validation_error");
    const json::Value& name = member(value, "name");
    if (!name.is_string()) throw std::invalid_argument("objective: \"name\" must be a string");
    MlpObjective out(std::move(prepared), base, "", *parsed_score, count(value, "epochs", 1, limits::kMaxEpochs),
                     space_from_json(member(value, "space")));
    out.name_ = name.as_string();
    out.base_ = std::move(base);  // as sent: the constructor's own adjustments were made where it was built
    if (const json::Value* seed = value.find("common_seed")) {
        out.common_seed_ = json::u64_from_json(*seed);
        if (!out.common_seed_) throw std::invalid_argument("objective: \"common_seed\" must be a whole number in a string");
    }
    if (std::vector<Issue> issues = validate(out.base_, out.data_.info); !issues.empty())
        throw std::invalid_argument("objective base settings: " + describe(issues));
    return out;
}

Space MlpObjective::default_space() {
    std::vector<Param> params;
    for (const char* name : {"lr", "optimizer", "beta1", "units", "layers", "activation", "l2", "batch"})
        params.push_back(tunable_param(*find_tunable(name)));
    params[2].only_when("optimizer", {"adam"});  // beta1 is Adam's
    return Space(std::move(params));
}

void MlpObjective::check_space() const {
    for (const Param& p : space_.params())
        if (!find_tunable(p.name))
            throw std::invalid_argument("parameter '" + p.name + "': an MLP objective tunes only " + tunable_names());
    // Every value the space can produce must be one training accepts, checked now rather than at
    // the first trial. Counts are bounded before config_for casts them to int or allocates layers.
    for (size_t i = 0; i < space_.size(); ++i) {
        const Param& p = space_.params()[i];
        auto refuse = [&](const std::string& why) { throw std::invalid_argument("parameter '" + p.name + "': " + why); };
        if (p.kind == ParamKind::categorical) {
            for (const std::string& choice : p.choices) {
                const bool known_choice = p.name == "optimizer"    ? parse_enum<OptimizerKind>(choice).has_value()
                                          : p.name == "activation" ? parse_enum<Activation>(choice).has_value()
                                                                   : false;
                if (!known_choice)
                    refuse("'" + choice + "' is not one of: " +
                           (p.name == "optimizer"    ? allowed_names<OptimizerKind>()
                            : p.name == "activation" ? allowed_names<Activation>()
                                                     : std::string("(a numeric setting)")));
            }
            continue;
        }
        const double most = p.name == "units"    ? limits::kMaxUnits
                            : p.name == "layers" ? limits::kMaxHiddenLayers
                            : p.name == "epochs" ? limits::kMaxEpochs
                            : p.name == "batch"  ? limits::kMaxDataCells  // at most the data's rows
                                                 : INFINITY;
        if (std::isfinite(most) && (p.low < 1 || p.high > most))
            refuse("[" + space_.format(i, p.low) + ", " + space_.format(i, p.high) + "] is outside 1 to " +
                   limits::describe_count(most));
        for (const double bound : {p.low, p.high}) {
            Values values(space_.size(), kInactive);
            values[i] = bound;
            TrainConfig c = config_for(values, base_.seed);
            if (p.name == "momentum") c.optimizer.kind = OptimizerKind::momentum;  // checked where they count
            if (p.name == "beta1" || p.name == "beta2") c.optimizer.kind = OptimizerKind::adam;
            if (std::vector<Issue> issues = validate(c, data_.info); !issues.empty())
                refuse(space_.format(i, bound) + " is not a setting training accepts (" + describe(issues) + ")");
        }
    }
}

MlpObjective::MlpObjective(DatasetKind dataset, MlpScore score, int epochs, std::optional<Space> space,
                           std::string data_dir)
    : name_("mlp:" + std::string(tunelab::name(dataset))), score_(score), epochs_(epochs),
      space_(space ? std::move(*space) : default_space()) {
    DataConfig data;
    data.kind = dataset;
    data.preprocessing = Preprocessing::standardize;
    data.data_dir = std::move(data_dir);
    DataResult prepared = prepare_data(data);
    if (!prepared.data) throw std::invalid_argument("data set " + std::string(tunelab::name(dataset)) + ": " + describe(prepared.issues));
    data_ = std::move(*prepared.data);
    base_.epochs = epochs;
    fit_output_to_task(base_.model, data_.info);
    check_space();  // against the data: a batch or network must fit it
}

MlpObjective::MlpObjective(PreparedData data, TrainConfig base, std::string name, MlpScore score, int epochs,
                           std::optional<Space> space)
    : name_("mlp:" + name), score_(score), epochs_(epochs), space_(space ? std::move(*space) : default_space()),
      data_(std::move(data)), base_(std::move(base)) {
    check_space();
    base_.epochs = epochs;
    base_.patience = 0;  // every trial trains its full budget, so trials compare at equal cost
}

DataConfig MlpObjective::data_config(DatasetKind dataset, std::string data_dir) {
    DataConfig data;
    data.kind = dataset;
    data.preprocessing = Preprocessing::standardize;
    data.data_dir = std::move(data_dir);
    return data;
}

std::string MlpObjective::name() const { return name_; }

MlpObjective MlpObjective::with_space(Space space) const {
    MlpObjective out = *this;
    out.space_ = std::move(space);
    out.check_space();
    return out;
}

MlpObjective MlpObjective::with_common_seed(uint64_t seed) const {
    MlpObjective out = *this;
    out.common_seed_ = seed;
    return out;
}

MlpObjective MlpObjective::with_hypergradient() const {
    MlpObjective out = *this;
    out.base_.optimizer.hypergradient = true;
    return out;
}

TrainConfig MlpObjective::config_for(const Values& params, uint64_t seed) const {
    NetworkTrial trial{base_, base_.model.hidden.empty() ? LayerConfig{} : base_.model.hidden.front(),
                       int(base_.model.hidden.size()), false, data_.info.train_size, epochs_};
    trial.config.seed = seed;
    for (size_t i = 0; i < space_.size(); ++i) {
        if (!is_active(params[i])) continue;
        const Param& p = space_.params()[i];
        const TunableSetting& setting = *find_tunable(p.name);
        setting.apply(trial, params[i], p.kind == ParamKind::categorical ? space_.format(i, params[i]) : "");
        trial.shape_tuned = trial.shape_tuned || setting.target == TunableTarget::layer;
    }
    if (trial.shape_tuned) trial.config.model.hidden.assign(size_t(std::max(trial.layers, 1)), trial.layer);
    follow_default_hypergradient_beta(trial.config.optimizer);  // a tuned (or the lab's) Adam adapts with Adam's β
    return trial.config;
}

int MlpObjective::trial_epochs(const Values& params) const {
    const int i = space_.index_of("epochs");
    if (i < 0 || !is_active(params[size_t(i)])) return epochs_;
    return std::clamp(int(std::lround(params[size_t(i)])), 1, epochs_);
}

std::optional<std::array<double, 2>> MlpObjective::value_range() const {
    if (score_ != MlpScore::validation_error) return std::nullopt;
    return std::array<double, 2>{0, 1};
}

std::optional<std::array<double, 2>> MlpObjective::flops_range() const {
    std::array<double, 2> range;
    for (const int corner : {0, 1}) {
        Values values(space_.size());
        for (size_t i = 0; i < space_.size(); ++i) {
            const Param& p = space_.params()[i];
            values[i] = p.kind == ParamKind::categorical ? 0 : corner ? p.high : p.low;
        }
        const TrainConfig c = config_for(values, base_.seed);
        const Model model(c.model, data_.info.inputs, output_units(c.model, data_.info));
        const double per_epoch = model.forward_flops_per_sample() * (3.0 * data_.info.train_size + data_.info.validation_size);
        range[size_t(corner)] = per_epoch * trial_epochs(values);
    }
    return range;
}

std::unique_ptr<Evaluation> MlpObjective::start(const Values& params, uint64_t seed) const {
    return std::make_unique<MlpEvaluation>(config_for(params, common_seed_.value_or(seed)), data_, score_);
}

}  // namespace tunelab::tune
