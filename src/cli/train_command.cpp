// tunelab-cli train: one training run from command-line settings, printed as a table or as one
// JSON document (--json). Exit codes: 0 for any run that trained (a diverged run too: divergence is
// a result), 2 for refused arguments or settings.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "core/dataset.h"
#include "core/files.h"
#include "core/json.h"
#include "core/limits.h"
#include "core/records_json.h"
#include "core/trainer.h"
#include "core/validate.h"

namespace tunelab::cli {

namespace {

// Every setting as given on the command line; lists that depend on --layers are resolved after all
// arguments are read.
struct Arguments {
    DataConfig data;
    TrainConfig train;
    std::string layers = "8,8", activation = "tanh", dropout = "0";
    bool activation_given = false, dropout_given = false;
    std::optional<Output> output;
    std::optional<Loss> loss;
    std::string csv_path;
    bool json = false, timing = false, help = false;
};

std::optional<double> parse_number(const std::string& text) {
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, separator);) parts.push_back(part);
    return parts;
}

// One option: its name, the placeholder shown in --help, what it sets, and a setter returning an
// error message (empty when accepted).
struct Option {
    const char* name;
    const char* value;  // nullptr for a flag
    const char* help;
    std::function<std::string(Arguments&, const std::string&)> set;
};

template <typename E>
Option enum_option(const char* name, const char* help, std::function<void(Arguments&, E)> assign) {
    return {name, "NAME", help, [assign, name](Arguments& a, const std::string& text) -> std::string {
                std::optional<E> value = parse_enum<E>(text);
                if (!value) return std::string("--") + name + ": '" + text + "' is not one of: " + allowed_names<E>();
                assign(a, *value);
                return "";
            }};
}

Option number_option(const char* name, const char* help, std::function<void(Arguments&, double)> assign) {
    return {name, "X", help, [assign, name](Arguments& a, const std::string& text) -> std::string {
                std::optional<double> value = parse_number(text);
                if (!value) return std::string("--") + name + ": '" + text + "' is not a number";
                assign(a, *value);
                return "";
            }};
}

Option integer_option(const char* name, const char* help, std::function<void(Arguments&, int)> assign) {
    return {name, "N", help, [assign, name](Arguments& a, const std::string& text) -> std::string {
                std::optional<double> value = parse_number(text);
                if (!value || *value != std::floor(*value) || std::abs(*value) > 1e9)  // before the cast to int
                    return std::string("--") + name + ": " + limits::quote(text) + " is not a whole number from -10^9 to 10^9";
                assign(a, static_cast<int>(*value));
                return "";
            }};
}

Option text_option(const char* name, const char* help, std::function<void(Arguments&, const std::string&)> assign) {
    return {name, "TEXT", help, [assign](Arguments& a, const std::string& text) -> std::string {
                assign(a, text);
                return "";
            }};
}

Option flag(const char* name, const char* help, std::function<void(Arguments&)> assign) {
    return {name, nullptr, help, [assign](Arguments& a, const std::string&) -> std::string {
                assign(a);
                return "";
            }};
}

std::string set_features(Arguments& a, const std::string& text) {
    for (const std::string& f : split(text, ',')) {
        if (f == "x2") a.data.extra.x_squared = true;
        else if (f == "y2") a.data.extra.y_squared = true;
        else if (f == "xy") a.data.extra.x_times_y = true;
        else if (f == "sinx") a.data.extra.sin_x = true;
        else if (f == "siny") a.data.extra.sin_y = true;
        else return "--features: '" + f + "' is not one of: x2, y2, xy, sinx, siny";
    }
    return "";
}

const std::vector<Option>& options() {
    static const std::vector<Option> all = {
        // data
        enum_option<DatasetKind>("dataset", "data set (csv: use --csv)", [](Arguments& a, DatasetKind k) { a.data.kind = k; }),
        integer_option("size", "points generated, 10-5000", [](Arguments& a, int v) { a.data.size = v; }),
        number_option("noise", "generator noise, 0-1", [](Arguments& a, double v) { a.data.noise = v; }),
        number_option("val-split", "validation share, 0-0.9", [](Arguments& a, double v) { a.data.validation_ratio = v; }),
        enum_option<Preprocessing>("normalize", "preprocessing fitted on the training part",
                                   [](Arguments& a, Preprocessing p) { a.data.preprocessing = p; }),
        {"features", "LIST", "extra 2-D inputs: x2,y2,xy,sinx,siny", set_features},
        text_option("data-dir", "folder of the bundled CSV data sets", [](Arguments& a, const std::string& t) { a.data.data_dir = t; }),
        text_option("csv", "your own CSV file (header line, numeric features)", [](Arguments& a, const std::string& t) {
            a.csv_path = t;
            a.data.kind = DatasetKind::csv;
        }),
        text_option("target", "CSV target column name", [](Arguments& a, const std::string& t) { a.data.target_column = t; }),
        enum_option<Task>("task", "CSV task", [](Arguments& a, Task t) { a.data.csv_task = t; }),
        flag("drop-missing", "CSV: leave out rows with a missing value (else refused)", [](Arguments& a) { a.data.drop_missing = true; }),
        flag("decimal-comma", "CSV: read numbers written 3,14 as 3.14 (else refused)", [](Arguments& a) { a.data.decimal_comma = true; }),
        // model
        text_option("layers", "hidden units per layer, e.g. 8,8 (none: no hidden layer)",
                    [](Arguments& a, const std::string& t) { a.layers = t; }),
        text_option("activation", "activation, or one per layer (relu,tanh)", [](Arguments& a, const std::string& t) {
            a.activation = t;
            a.activation_given = true;
        }),
        text_option("dropout", "dropout rate, or one per layer", [](Arguments& a, const std::string& t) {
            a.dropout = t;
            a.dropout_given = true;
        }),
        enum_option<Output>("output", "output function (default: fits the task)", [](Arguments& a, Output o) { a.output = o; }),
        enum_option<Loss>("loss", "loss (default: fits the task)", [](Arguments& a, Loss l) { a.loss = l; }),
        enum_option<Init>("init", "weight initialization", [](Arguments& a, Init i) { a.train.model.init = i; }),
        number_option("init-scale", "constant value, uniform a, or gaussian sigma",
                      [](Arguments& a, double v) { a.train.model.init_scale = v; }),
        // optimizer
        enum_option<OptimizerKind>("optimizer", "optimizer", [](Arguments& a, OptimizerKind k) { a.train.optimizer.kind = k; }),
        number_option("lr", "learning rate", [](Arguments& a, double v) { a.train.lr.lr = v; }),
        number_option("momentum", "momentum, nesterov: mu", [](Arguments& a, double v) { a.train.optimizer.momentum = v; }),
        number_option("rho", "rmsprop: decay", [](Arguments& a, double v) { a.train.optimizer.rho = v; }),
        number_option("beta1", "adam: first-moment decay", [](Arguments& a, double v) { a.train.optimizer.beta1 = v; }),
        number_option("beta2", "adam: second-moment decay", [](Arguments& a, double v) { a.train.optimizer.beta2 = v; }),
        number_option("epsilon", "adagrad, rmsprop, adam: epsilon", [](Arguments& a, double v) { a.train.optimizer.epsilon = v; }),
        number_option("weight-decay", "adamw: decoupled weight decay", [](Arguments& a, double v) { a.train.optimizer.weight_decay = v; }),
        number_option("hypergradient", "adapt the learning rate by its gradient, with hyper-learning-rate BETA (e.g. 0.001)",
                      [](Arguments& a, double v) {
                          a.train.optimizer.hypergradient = true;
                          a.train.optimizer.hypergradient_beta = v;
                      }),
        // schedules
        enum_option<ScheduleKind>("schedule", "learning-rate schedule", [](Arguments& a, ScheduleKind k) { a.train.lr.kind = k; }),
        number_option("power", "polynomial schedule: lr*(1-t/T)^power", [](Arguments& a, double v) { a.train.lr.power = v; }),
        number_option("step-epochs", "step schedule: epochs per step", [](Arguments& a, double v) { a.train.lr.step_epochs = v; }),
        number_option("gamma", "step / exponential schedule: factor", [](Arguments& a, double v) { a.train.lr.gamma = v; }),
        number_option("warmup", "linear warm-up epochs", [](Arguments& a, double v) { a.train.lr.warmup_epochs = v; }),
        integer_option("batch", "mini-batch size", [](Arguments& a, int v) { a.train.batch.size = v; }),
        number_option("batch-growth", "batch size factor per epoch (1: constant)",
                      [](Arguments& a, double v) { a.train.batch.growth = v; }),
        // training
        integer_option("epochs", "epochs", [](Arguments& a, int v) { a.train.epochs = v; }),
        number_option("l1", "L1 penalty on weights", [](Arguments& a, double v) { a.train.l1 = v; }),
        number_option("l2", "L2 penalty on weights", [](Arguments& a, double v) { a.train.l2 = v; }),
        integer_option("patience", "early stopping patience in epochs (0: off)", [](Arguments& a, int v) { a.train.patience = v; }),
        integer_option("seed", "seed of data, initialization, shuffling, dropout",
                       [](Arguments& a, int v) { a.data.seed = a.train.seed = static_cast<uint64_t>(static_cast<uint32_t>(v)); }),
        flag("json", "print one JSON document", [](Arguments& a) { a.json = true; }),
        flag("timing", "add wall time and samples/s (not reproducible)", [](Arguments& a) { a.timing = true; }),
        flag("help", "show this help (also -h)", [](Arguments& a) { a.help = true; }),
    };
    return all;
}

void print_help() {
    std::fputs("usage: tunelab-cli train [options]   (--name value or --name=value)\n", stdout);
    for (const Option& o : options()) {
        std::string left = std::string("  --") + o.name + (o.value ? std::string(" ") + o.value : "");
        std::printf("%-26s %s\n", left.c_str(), o.help);
    }
}

// Reads --name value / --name=value pairs; returns an error message or "".
std::string parse_arguments(const std::vector<std::string>& args, Arguments& a) {
    for (size_t i = 0; i < args.size(); ++i) {
        std::string key = args[i], value;
        if (is_help(key)) key = "--help";
        if (key.rfind("--", 0) != 0) return "unexpected argument '" + key + "' (options start with --)";
        key = key.substr(2);
        size_t equals = key.find('=');
        bool inline_value = equals != std::string::npos;
        if (inline_value) {
            value = key.substr(equals + 1);
            key = key.substr(0, equals);
        }
        const Option* option = nullptr;
        for (const Option& o : options())
            if (key == o.name) option = &o;
        if (!option) return "unknown option --" + key + " (see train --help)";
        if (option->value && !inline_value) {
            if (i + 1 >= args.size()) return "--" + key + " needs a value";
            value = args[++i];
        }
        std::string error = option->set(a, value);
        if (!error.empty()) return error;
    }
    return "";
}

// Builds the hidden layers from --layers, --activation and --dropout.
std::string resolve_layers(Arguments& a) {
    std::vector<std::string> units = a.layers == "none" || a.layers.empty() ? std::vector<std::string>{}
                                                                           : split(a.layers, ',');
    std::vector<std::string> activations = split(a.activation, ','), dropouts = split(a.dropout, ',');
    if (units.empty() && (a.activation_given || a.dropout_given))
        return "layers: --activation and --dropout need at least one hidden layer (allowed: 1 to 8 "
               "comma-separated sizes of 1 to 256 units)";
    auto pick = [](const std::vector<std::string>& list, size_t i) { return list.size() == 1 ? list[0] : list[i]; };
    if ((activations.size() != 1 && activations.size() != units.size()) ||
        (dropouts.size() != 1 && dropouts.size() != units.size()))
        return "--activation and --dropout take one value, or one per hidden layer (" +
               std::to_string(units.size()) + ")";
    if (units.size() > size_t(limits::kMaxHiddenLayers))
        return "layers: has " + std::to_string(units.size()) + " hidden layers; allowed: 0 to " +
               std::to_string(limits::kMaxHiddenLayers);
    a.train.model.hidden.clear();
    for (size_t i = 0; i < units.size(); ++i) {
        std::optional<double> size = parse_number(units[i]);
        std::optional<Activation> activation = parse_enum<Activation>(pick(activations, i));
        std::optional<double> dropout = parse_number(pick(dropouts, i));
        if (!size || *size != std::floor(*size)) return "--layers: " + limits::quote(units[i]) + " is not a whole number of units";
        // Checked on the number as given, before it becomes an int (1e300 has no int).
        if (*size < 1 || *size > limits::kMaxUnits)
            return "layers[" + std::to_string(i) + "].units: is " + units[i] + "; allowed: [1, " +
                   std::to_string(limits::kMaxUnits) + "]";
        if (!activation) return "--activation: " + limits::quote(pick(activations, i)) + " is not one of: " + allowed_names<Activation>();
        if (!dropout) return "--dropout: " + limits::quote(pick(dropouts, i)) + " is not a number";
        a.train.model.hidden.push_back({static_cast<int>(*size), *activation, *dropout});
    }
    return "";
}

// ------------------------------------------------------------------------------------------ output

// Summaries that let two builds (native, wasm) confirm they generated the same data and weights.
// Sums in storage order (not Eigen's reductions, whose order depends on the build's SIMD).
json::Value fingerprint(std::span<const float> values) {
    double sum = 0, squares = 0;
    for (float v : values) {
        sum += v;
        squares += double(v) * v;
    }
    json::Array first;
    for (size_t i = 0; i < std::min<size_t>(values.size(), 6); ++i) first.push_back(double(values[i]));
    return json::Object{{"count", double(values.size())}, {"sum", sum}, {"squared_sum", squares}, {"first", first}};
}

json::Value data_fingerprint(const Dataset& part) {
    return json::Object{{"x", fingerprint({part.x.data(), static_cast<size_t>(part.x.size())})},
                        {"y", fingerprint({part.y.data(), static_cast<size_t>(part.y.size())})}};
}

json::Value settings_json(const Arguments& a, const TrainConfig& t) {
    json::Array layers;
    for (const LayerConfig& l : t.model.hidden)
        layers.push_back(json::Object{{"units", l.units}, {"activation", name(l.activation)}, {"dropout", l.dropout}});
    return json::Object{
        {"dataset", name(a.data.kind)},   {"size", a.data.size},
        {"noise", a.data.noise},          {"val_split", a.data.validation_ratio},
        {"normalize", name(a.data.preprocessing)},
        {"layers", layers},               {"output", name(t.model.output)},
        {"loss", name(t.model.loss)},     {"init", name(t.model.init)},
        {"init_scale", t.model.init_scale},
        {"optimizer", name(t.optimizer.kind)},
        {"lr", t.lr.lr},                  {"momentum", t.optimizer.momentum},
        {"rho", t.optimizer.rho},         {"beta1", t.optimizer.beta1},
        {"beta2", t.optimizer.beta2},     {"epsilon", t.optimizer.epsilon},
        {"weight_decay", t.optimizer.weight_decay},
        {"hypergradient", t.optimizer.hypergradient ? t.optimizer.hypergradient_beta : 0.0},
        {"schedule", name(t.lr.kind)},    {"warmup", t.lr.warmup_epochs},
        {"batch", t.batch.size},          {"batch_growth", t.batch.growth},
        {"epochs", t.epochs},             {"l1", t.l1},
        {"l2", t.l2},                     {"patience", t.patience},
        {"seed", double(t.seed)}};
}

double samples_trained(const Trainer& trainer) {
    return double(trainer.data().info.train_size) * trainer.epoch() +
           double(trainer.batch_in_epoch()) * (trainer.history().empty() ? 0 : trainer.history().back().batch_size);
}

// The data set's summary and fingerprints of both parts (the same data gives the same bytes).
json::Value data_json(const Trainer& trainer) {
    json::Value out = to_json(trainer.data().info);
    out["train_fingerprint"] = data_fingerprint(trainer.data().train);
    out["validation_fingerprint"] = data_fingerprint(trainer.data().validation);
    return out;
}

json::Value run_json(const Arguments& a, const Trainer& trainer, const json::Value& initial_weights) {
    const DataInfo& info = trainer.data().info;
    const char* metric = info.task == Task::classification ? "accuracy" : "r2";
    json::Array epochs;
    for (const EpochRecord& r : trainer.history()) {
        json::Array norms, gradient_norms;
        for (double n : r.weight_norms) norms.push_back(n);
        for (double n : r.layer_gradient_norms) gradient_norms.push_back(n);
        json::Object e{{"epoch", r.epoch},
                       {"train_loss", r.train_loss},
                       {"validation_loss", r.validation_loss},
                       {std::string("train_") + metric, r.train_metric},
                       {std::string("validation_") + metric, r.validation_metric},
                       {"learning_rate", r.learning_rate},
                       {"batch_size", r.batch_size},
                       {"gradient_norm", r.gradient_norm},
                       {"layer_gradient_norms", gradient_norms},
                       {"weight_norms", norms},
                       {"flops", r.flops}};
        if (a.timing) e.emplace_back("seconds", r.seconds);
        epochs.push_back(e);
    }
    json::Object final_metrics;
    if (!trainer.history().empty()) {
        const EpochRecord& last = trainer.history().back();
        final_metrics = {{"train_loss", last.train_loss},
                         {"validation_loss", last.validation_loss},
                         {std::string("train_") + metric, last.train_metric},
                         {std::string("validation_") + metric, last.validation_metric}};
    }
    json::Object doc{
        {"command", "train"},
        {"settings", settings_json(a, trainer.config())},
        {"data", data_json(trainer)},
        {"initial_weights", initial_weights},
        {"epochs", epochs},
        {"final", final_metrics},
        {"epochs_run", trainer.epoch()},
        {"flops", trainer.flops()},
        {"status", name(trainer.status())},
        {"message", trainer.message()},
        {"diverged_epoch", trainer.diverged_epoch() ? json::Value(trainer.diverged_epoch()) : json::Value()}};
    if (a.timing) {
        const double seconds = trainer.history().empty() ? 0 : trainer.history().back().seconds;
        doc.emplace_back("seconds", seconds);
        doc.emplace_back("samples_per_second", seconds > 0 ? samples_trained(trainer) / seconds : 0.0);
    }
    return doc;
}

void print_table(const Arguments& a, const Trainer& trainer) {
    const DataInfo& info = trainer.data().info;
    const TrainConfig& t = trainer.config();
    const Model& model = trainer.model();
    std::string shape = std::to_string(model.inputs());
    for (int l = 0; l < model.layer_count(); ++l) shape += "-" + std::to_string(model.layer(l).units);
    std::printf("data    %s: %s%s, %d train / %d validation samples, %d inputs\n",
                std::string(name(a.data.kind)).c_str(), std::string(name(info.task)).c_str(),
                info.task == Task::classification ? (", " + std::to_string(info.classes) + " classes").c_str() : "",
                info.train_size, info.validation_size, info.inputs);
    for (const std::string& note : info.notes) std::printf("        (%s)\n", note.c_str());
    std::printf("model   %s, output %s, loss %s, init %s, %zu parameters\n", shape.c_str(),
                std::string(name(t.model.output)).c_str(), std::string(name(t.model.loss)).c_str(),
                std::string(name(t.model.init)).c_str(), model.parameters().size());
    std::printf("train   %s lr %g (%s), batch %d, %d epochs, seed %llu\n\n",
                std::string(name(t.optimizer.kind)).c_str(), t.lr.lr, std::string(name(t.lr.kind)).c_str(),
                t.batch.size, t.epochs, static_cast<unsigned long long>(t.seed));
    const char* metric = info.task == Task::classification ? "acc" : "r2";
    std::printf("%6s %11s %11s %9s%s %9s%s %10s %10s\n", "epoch", "train_loss", "val_loss", "train_", metric,
                "val_", metric, "lr", "grad_norm");
    const auto& history = trainer.history();
    const int every = std::max<int>(1, static_cast<int>(history.size()) / 20);
    for (size_t i = 0; i < history.size(); ++i) {
        const EpochRecord& r = history[i];
        if (r.epoch > 10 && r.epoch % every != 0 && i + 1 != history.size()) continue;
        std::printf("%6d %11.6f %11.6f %12.4f %12.4f %10.6f %10.4f\n", r.epoch, r.train_loss, r.validation_loss,
                    r.train_metric, r.validation_metric, r.learning_rate, r.gradient_norm);
    }
    std::printf("\nstatus  %s%s%s\n", std::string(name(trainer.status())).c_str(),
                trainer.message().empty() ? "" : ": ", trainer.message().c_str());
    if (a.timing && !history.empty())
        std::printf("time    %.3f s, %.0f samples/s\n", history.back().seconds,
                    samples_trained(trainer) / history.back().seconds);
}

int refuse(const std::string& message) {
    std::fprintf(stderr, "tunelab-cli train: %s\n", message.c_str());
    return 2;
}

int train(const std::vector<std::string>& args, bool run) {
    Arguments a;
    if (std::string error = parse_arguments(args, a); !error.empty()) return refuse(error);
    if (a.help) {
        print_help();
        return 0;
    }
    if (std::string error = resolve_layers(a); !error.empty()) return refuse(error);
    if (!a.csv_path.empty()) {
        FileText file = read_file(a.csv_path, limits::kMaxCsvBytes, "a CSV file");
        if (!file.text) return refuse("--csv: " + file.error);
        a.data.csv_text = std::move(*file.text);
    }
    DataResult prepared = prepare_data(a.data);
    if (!prepared.data) return refuse(describe(prepared.issues));

    fit_output_to_task(a.train.model, prepared.data->info);
    if (a.output) a.train.model.output = *a.output;
    if (a.loss) a.train.model.loss = *a.loss;
    std::vector<Issue> issues = validate(a.train, prepared.data->info);
    if (!issues.empty()) return refuse(describe(issues));
    if (!run) return 0;

    Trainer trainer(a.train, std::move(*prepared.data));
    json::Value initial_weights = fingerprint(trainer.model().parameters());
    trainer.run();
    if (a.json) {
        std::printf("%s\n", run_json(a, trainer, initial_weights).dump(2).c_str());
    } else {
        print_table(a, trainer);
    }
    return 0;
}

}  // namespace

int run_train(const std::vector<std::string>& args) { return train(args, true); }
int check_train(const std::vector<std::string>& args) { return train(args, false); }

}  // namespace tunelab::cli
