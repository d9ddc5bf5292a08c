#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>

#include "core/json.h"
#include "core/random.h"
#include "core/trainer.h"
#include "core/validate.h"
#include "tune/export_python.h"
#include "tune/mlp_objective.h"
#include "tune/sampler.h"

using namespace tunelab;
using namespace tunelab::tune;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

PythonSearch search_with(std::string sampler) {
    return {MlpObjective::default_space(), std::move(sampler), 12, 20, MlpScore::validation_loss};
}

// `count` complete trials of `space` at quasi-random points, with made-up losses 0.5, 0.6, …: a warm
// start's earlier trials.
std::vector<Trial> earlier_trials(const Space& space, int count) {
    Study earlier(space, Direction::minimize, 3);
    for (int i = 0; i < count; ++i) {
        const int number = earlier.start(space.decode(QuasiRandomSampler::unit_point(earlier, i, false))).number;
        earlier.tell(number, TrialStatus::complete, 0.5 + 0.1 * i);
    }
    return earlier.trials();
}

TrainConfig adam_config() {
    TrainConfig c;
    c.optimizer.kind = OptimizerKind::adam;
    c.lr.lr = 0.01;
    c.model.hidden = {{32, Activation::relu, 0.2}, {16, Activation::elu, 0.0}};
    c.lr.kind = ScheduleKind::cosine;
    c.l2 = 1e-4;
    c.seed = 11;
    return c;
}

}  // namespace

TEST_CASE("export_python: the script carries the settings") {
    const std::string script = export_python(DataConfig{}, adam_config(), nullptr);
    CHECK(has(script, "import torch\n"));
    CHECK(has(script, "import optuna\n"));
    CHECK(has(script, "import numpy as np\n"));
    CHECK(has(script, "\"kind\": \"spiral\","));
    CHECK(has(script, "\"hidden\": [(32, \"relu\", 0.2), (16, \"elu\", 0), ],"));
    CHECK(has(script, "\"optimizer\": \"adam\",\n"));
    CHECK(has(script, "\"lr\": 0.01,\n"));
    CHECK(has(script, "\"schedule\": \"cosine\",\n"));
    CHECK(has(script, "\"l2\": 0.0001,  # penalty"));
    CHECK(has(script, "SEED = 11\n"));
    CHECK(has(script, "return torch.optim.Adam(parameters, lr=cfg[\"lr\"], betas=(cfg[\"beta1\"], cfg[\"beta2\"])"));
    CHECK(!has(script, "torch.optim.SGD"));  // only the optimizers the script can meet
    CHECK(!has(script, "create_study"));      // no study: the settings are trained once
}

TEST_CASE("export_python: the search space, log scales and conditions match the study") {
    const PythonSearch search = search_with("tpe");
    const std::string script = export_python(DataConfig{}, TrainConfig{}, &search);
    CHECK(has(script, "p[\"lr\"] = trial.suggest_float(\"lr\", 0.0001, 1, log=True)\n"));
    CHECK(has(script, "p[\"units\"] = trial.suggest_int(\"units\", 2, 64, log=True)\n"));
    CHECK(has(script, "p[\"layers\"] = trial.suggest_int(\"layers\", 1, 3)\n"));
    CHECK(has(script, "p[\"optimizer\"] = trial.suggest_categorical(\"optimizer\", [\"sgd\", \"momentum\", \"adam\"])\n"));
    // beta1 only for adam, and asked after its parent.
    const size_t beta1 = script.find("    if p.get(\"optimizer\") in (\"adam\",):\n        p[\"beta1\"] = trial.suggest_float(\"beta1\", 0.5, 0.99)\n");
    REQUIRE(beta1 != std::string::npos);
    CHECK(script.find("p[\"optimizer\"] = trial") < beta1);
    CHECK(has(script, "torch.optim.SGD(parameters, lr=cfg[\"lr\"], momentum=cfg[\"momentum\"])"));
    CHECK(has(script, "optuna.samplers.TPESampler(seed=seed)"));
    CHECK(has(script, "direction=\"minimize\", sampler=sampler, pruner=pruner)"));
    CHECK(has(script, "\"trials\": 12,\n"));
    CHECK(has(script, "parser.add_argument(\"--n-trials\", \"--trials\", dest=\"trials\", type=int, default=SEARCH[\"trials\"],"));
    // Workers on a shared Optuna storage: the study is loaded when it exists, each worker seeds its
    // sampler afresh (tests/cli/optuna_storage.py runs three of them on one SQLite file).
    CHECK(has(script, "parser.add_argument(\"--storage\", metavar=\"URL\""));
    CHECK(has(script, "parser.add_argument(\"--study-name\", default=\"tunelab-tpe\""));
    CHECK(has(script, "study = create_shared_study(open_storage(args.storage) if args.storage else None"));
    CHECK(has(script, "n_trials=args.trials, n_jobs=args.n_jobs)"));
    CHECK(has(script, "print(\"Best trial #%d"));
}

TEST_CASE("export_python: each TuneLab sampler maps to its Optuna counterpart") {
    const std::pair<const char*, const char*> expected[] = {
        {"grid", "optuna.samplers.GridSampler(space, seed=seed)"},
        {"random", "optuna.samplers.RandomSampler(seed=seed)"},
        {"sobol", "QMCSampler(qmc_type=\"sobol\""},
        {"halton", "QMCSampler(qmc_type=\"halton\""},
        {"bayes", "optuna.samplers.GPSampler(seed=seed)"},
        {"tpe", "optuna.samplers.TPESampler(seed=seed)"},
        {"cmaes", "optuna.samplers.CmaEsSampler(seed=seed)"},
        {"hyperband", "optuna.pruners.HyperbandPruner("},
        // Several objectives: the script tunes the score alone and says so.
        {"parego", "TuneLab's ParEGO traded the error against FLOPs; this script tunes the score alone, with TPE"},
        {"motpe", "TuneLab's MOTPE traded the error against FLOPs; this script tunes the score alone, with TPE"},
    };
    for (const auto& [name, line] : expected) {
        const std::string sampler = name;  // CAPTURE takes a variable, not a structured binding (clang 14)
        CAPTURE(sampler);
        const PythonSearch search = search_with(sampler);
        CHECK(has(export_python(DataConfig{}, TrainConfig{}, &search), line));
    }
}

// The values TuneLab's GridSampler proposes for each parameter over `trials` trials, as the script
// would print them (numeric parameters only).
std::vector<std::string> grid_proposals(const Space& space, int trials) {
    Study study(space);
    GridSampler sampler(trials, true);
    std::vector<std::set<double>> seen(space.size());
    for (int t = 0; t < trials; ++t) {
        const Trial& trial = study.start(sampler.ask(study));
        for (size_t i = 0; i < space.size(); ++i) {  // exp(log(low)) may be an ulp off low: the script says low
            const Param& p = space.params()[i];
            const double v = trial.params[i];
            seen[i].insert(std::abs(v - p.low) < 1e-12 * p.low ? p.low : std::abs(v - p.high) < 1e-12 * p.high ? p.high : v);
        }
        study.tell(trial.number, TrialStatus::complete, 0.0);
    }
    std::vector<std::string> lines;
    for (size_t i = 0; i < space.size(); ++i) {
        std::string line;
        for (double v : seen[i]) line += (line.empty() ? "" : ", ") + json::format_number(v);
        lines.push_back("\"" + space.params()[i].name + "\": [" + line + "],");
    }
    return lines;
}

TEST_CASE("export_python: the grid is TuneLab's for the budget, endpoints exact") {
    PythonSearch grid{Space({Param::integer("units", 2, 64, true)}), "grid", 4, 20, MlpScore::validation_loss};
    CHECK(has(export_python(DataConfig{}, TrainConfig{}, &grid), grid_proposals(grid.space, 4)[0]));
    // 30 trials over two parameters: 6 × 5 points, not 4 × 4 (16 trials that would stop the study early).
    grid.space = Space({Param::real("lr", 1e-4, 1.0, true), Param::integer("units", 2, 64, true)});
    grid.trials = 30;
    const std::string script = export_python(DataConfig{}, TrainConfig{}, &grid);
    CHECK(has(script, "a budget of 30 trials: 30 points"));
    for (const std::string& line : grid_proposals(grid.space, 30)) CHECK(has(script, line));
    CHECK(has(script, "\"lr\": [0.0001, 0.00063"));  // the range's own endpoints, not exp(log(·)) of them
    CHECK(has(script, ", 1],\n"));
}

TEST_CASE("export_python: the arena's score, epochs per trial and tuned epochs carry over") {
    PythonSearch race{Space({Param::integer("epochs", 1, 30), Param::integer("units", 2, 32)}), "bayes", 20, 30,
                      MlpScore::validation_error};
    TrainConfig base;
    base.model.hidden = {{24, Activation::relu, 0.3}};
    const std::string script = export_python(DataConfig{}, base, &race);
    CHECK(has(script, "\"epochs\": 30,  # per trial"));
    CHECK(has(script, "\"score\": \"validation_accuracy\","));
    CHECK(has(script, "direction=\"maximize\", sampler=sampler, pruner=pruner)"));
    CHECK(has(script, "    return metric\n"));
    CHECK(has(script, "cfg[\"epochs\"] = min(max(1, p[\"epochs\"]), SEARCH[\"epochs\"])"));
    CHECK(has(script, "p.get(\"dropout\", dropout)"));  // the base layer's rate, as MlpObjective keeps it
    CHECK(has(script, "TPE stands in for Bayesian optimization"));
    CHECK(has(script, "(Debian 12 has 3.1)"));
}

TEST_CASE("export_python: the learner's text stays inside string literals") {
    DataConfig data;
    data.kind = DatasetKind::csv;
    data.target_column = "y\"\nimport shutil\nshutil.rmtree(\"/\")\n#";
    const std::string script = export_python(data, TrainConfig{}, nullptr, "my \"data\".csv");
    CHECK(has(script, "\"target_column\": \"y\\\"\\nimport shutil\\nshutil.rmtree(\\\"/\\\")\\n#\",\n"));
    CHECK(!has(script, "\nimport shutil\n"));
    CHECK(has(script, "\"csv_file\": \"my \\\"data\\\".csv\",  # your file"));
}

// Writes one script per sampler and data-set family to $TUNELAB_EXPORT_DIR, for the ctest that
// checks Python compiles them (tests/cli/export.cmake). Without the variable it only generates.
TEST_CASE("export_python: a warm start's earlier trials go into the new study, in the score the script optimizes") {
    PythonSearch search = search_with("bayes");
    CHECK_FALSE(has(export_python(DataConfig{}, adam_config(), &search), "EARLIER_TRIALS"));  // cold: none
    search.earlier = earlier_trials(search.space, 3);
    search.earlier.push_back(search.earlier.front());
    search.earlier.back().status = TrialStatus::failed;  // only complete trials carry a value to learn from
    std::string script = export_python(DataConfig{}, adam_config(), &search);
    CHECK(has(script, "    add_earlier_trials(study)\n    study.optimize("));
    CHECK(has(script, R"(\"value\":0.5})"));
    CHECK(has(script, R"(\"value\":0.7})"));
    CHECK_FALSE(has(script, R"(\"value\":0.8})"));
    const size_t listed = script.find("EARLIER_TRIALS = ");
    REQUIRE(listed != std::string::npos);
    CHECK(std::count(script.begin() + long(listed), script.begin() + long(script.find('\n', listed)), '{') == 3 * 2);
    search.score = MlpScore::validation_error;  // TuneLab keeps 1 − accuracy; the script maximizes accuracy
    script = export_python(DataConfig{}, adam_config(), &search);
    CHECK(has(script, R"(\"value\":0.5})"));
    CHECK(has(script, R"(\"value\":0.4})"));
    CHECK(has(script, R"(\"value\":0.30000000000000004})"));
}

TEST_CASE("export_python: write scripts for the py_compile check") {
    const char* dir = std::getenv("TUNELAB_EXPORT_DIR");
    if (dir) std::filesystem::create_directories(dir);
    DataConfig real, csv, toy;
    real.kind = DatasetKind::digits;
    real.preprocessing = Preprocessing::min_max;
    csv.kind = DatasetKind::csv;
    csv.target_column = "label";
    toy.kind = DatasetKind::circle;
    toy.extra.x_squared = toy.extra.y_squared = true;
    const std::pair<std::string, DataConfig> sets[] = {{"real", real}, {"csv", csv}, {"toy", toy}};
    int written = 0;
    for (const std::string& sampler : sampler_names()) {
        for (const auto& [set_name, data] : sets) {
            const PythonSearch search = search_with(sampler);
            const std::string script = export_python(data, adam_config(), &search, "learner's file.csv");
            CHECK(!script.empty());
            if (!dir) continue;
            std::ofstream(std::filesystem::path(dir) / (sampler + "_" + set_name + ".py")) << script;
            ++written;
        }
    }
    if (dir) std::ofstream(std::filesystem::path(dir) / "once.py") << export_python(DataConfig{}, TrainConfig{}, nullptr);
    PythonSearch warm = search_with("bayes");
    warm.earlier = earlier_trials(warm.space, 5);
    if (dir) std::ofstream(std::filesystem::path(dir) / "warm.py") << export_python(DataConfig{}, adam_config(), &warm);
    CHECK((dir == nullptr || written == int(sampler_names().size()) * 3));
}

// ------------------------------------------------------------------------------ reproduction cases
// The scripts of tests/cli/export_runs.py, each with TuneLab's own figure for the same settings
// over five seeds: the runner trains the script on the same seeds and compares the means. Written
// only with $TUNELAB_EXPORT_DIR (the ctest fixture), so the unit suite stays quick.

namespace {

constexpr int kSeeds[] = {1, 2, 3, 4, 5};

struct Case {
    std::string name;
    DataConfig data;
    TrainConfig train;
    std::optional<PythonSearch> search;
    std::vector<std::pair<std::string, std::string>> params;  // one trial's parameters (search cases)
};

Case make_case(std::string name, TrainConfig train) {
    Case c;
    c.name = std::move(name);
    c.train = std::move(train);
    return c;
}

// A case on one of the bundled data sets, read from `data_dir`.
Case bundled_case(std::string name, TrainConfig train, DatasetKind kind, double validation_ratio, Preprocessing preprocessing,
                  const std::string& data_dir) {
    Case c = make_case(std::move(name), std::move(train));
    c.data.kind = kind;
    c.data.validation_ratio = validation_ratio;
    c.data.preprocessing = preprocessing;
    c.data.data_dir = data_dir;
    return c;
}

TrainConfig network(std::vector<LayerConfig> hidden, OptimizerKind optimizer, double lr, int batch, int epochs) {
    TrainConfig c;
    c.model.hidden = std::move(hidden);
    c.optimizer.kind = optimizer;
    c.lr.lr = lr;
    c.batch.size = batch;
    c.epochs = epochs;
    return c;
}

// A learner's file as pandas and a spreadsheet leave it: a byte-order mark, semicolons, pandas'
// index column, quoted header names, text labels and a few rows with missing values (dropped).
std::string learner_csv() {
    Rng rng(7, 3);
    std::string text = "\xEF\xBB\xBF;\"width; cm\";height;depth;kind\n";
    const char* kinds[] = {"oak", "pine", "birch"};
    auto cell = [&](double v) { return json::format_number(std::round(v * 100) / 100); };
    for (int i = 0; i < 240; ++i) {
        const int k = i % 3;
        const std::string width = i % 50 == 7 ? "NA" : cell(k + rng.normal() * 0.45);
        text += std::to_string(i) + ";" + width + ";" + cell(k % 2 + rng.normal() * 0.45) + ";" + cell(rng.normal()) + ";" +
                (i % 61 == 30 ? "" : kinds[k]) + "\n";
    }
    return text;
}

// One trial's parameters as the space stores them (a categorical by its choice's index).
Values values_of(const Space& space, const std::vector<std::pair<std::string, std::string>>& params) {
    Values v(space.size(), std::nan(""));
    for (const auto& [key, text] : params) {
        const int i = space.index_of(key);
        REQUIRE(i >= 0);
        const Param& p = space.params()[size_t(i)];
        if (p.kind == ParamKind::categorical)
            v[size_t(i)] = double(std::find(p.choices.begin(), p.choices.end(), text) - p.choices.begin());
        else
            v[size_t(i)] = std::stod(text);
    }
    return v;
}

// TuneLab's last-epoch validation metric (accuracy or R²) for one seed of a case.
double tunelab_figure(const Case& c, int seed) {
    DataConfig data = c.data;
    data.seed = uint64_t(seed);
    DataResult prepared = prepare_data(data);
    REQUIRE(prepared.data);
    TrainConfig train = c.train;
    train.seed = uint64_t(seed);
    if (c.search) {
        const MlpObjective objective(*prepared.data, train, "lab", c.search->score, c.search->epochs, c.search->space);
        train = objective.config_for(values_of(c.search->space, c.params), uint64_t(seed));
    }
    Trainer trainer(train, std::move(*prepared.data));
    trainer.run();
    REQUIRE(!trainer.history().empty());
    return trainer.history().back().validation_metric;
}

std::vector<Case> reproduction_cases(const std::string& data_dir) {
    std::vector<Case> cases;
    {
        Case c = make_case("spiral", network({{24, Activation::tanh, 0}, {24, Activation::tanh, 0}}, OptimizerKind::adam, 0.02, 32, 80));
        c.data.kind = DatasetKind::spiral;
        c.data.size = 600;
        c.data.validation_ratio = 0.3;
        c.data.extra.sin_x = c.data.extra.sin_y = true;
        cases.push_back(c);
    }
    cases.push_back(bundled_case("digits", network({{32, Activation::relu, 0}}, OptimizerKind::adam, 0.003, 32, 6),
                                 DatasetKind::digits, 0.3, Preprocessing::min_max, data_dir));
    cases.push_back(bundled_case("diabetes", network({{16, Activation::relu, 0}}, OptimizerKind::adam, 0.05, 32, 40),
                                 DatasetKind::diabetes, 0.3, Preprocessing::standardize, data_dir));
    {
        Case c = make_case("learner_csv", network({{8, Activation::tanh, 0}}, OptimizerKind::adam, 0.02, 16, 15));
        c.data.kind = DatasetKind::csv;
        c.data.csv_text = learner_csv();
        c.data.target_column = "kind";
        c.data.drop_missing = true;
        c.data.preprocessing = Preprocessing::standardize;
        cases.push_back(c);
    }
    {   // A 9-parameter study (the default space and more), one trial's parameters reproduced; BO.
        Case c = bundled_case("study", network({{8, Activation::tanh, 0}}, OptimizerKind::sgd, 0.1, 32, 30), DatasetKind::wine,
                              0.4, Preprocessing::standardize, data_dir);
        Space space({Param::real("lr", 1e-4, 1.0, true), Param::categorical("optimizer", {"sgd", "momentum", "adam"}),
                     Param::real("beta1", 0.5, 0.99).only_when("optimizer", {"adam"}), Param::integer("units", 2, 64, true),
                     Param::integer("layers", 1, 3), Param::categorical("activation", {"relu", "tanh"}),
                     Param::real("l2", 1e-6, 1e-1, true), Param::real("dropout", 0.0, 0.5), Param::integer("batch", 8, 128, true)});
        c.search = PythonSearch{space, "bayes", 3, 12, MlpScore::validation_loss};
        c.search->earlier = earlier_trials(space, 4);  // warm-started: the script adds them before its own
        c.params = {{"lr", "0.01"}, {"optimizer", "adam"}, {"beta1", "0.9"}, {"units", "16"}, {"layers", "2"},
                    {"activation", "relu"}, {"l2", "0.0001"}, {"dropout", "0.1"}, {"batch", "16"}};
        cases.push_back(c);
    }
    {   // The arena's race scored by accuracy, epochs tuned, dropout kept from the base layer; grid; the
        // learning rate adapted by hypergradient descent (SGDN-HD's momentum sibling).
        Case c = make_case("race", network({{24, Activation::relu, 0.3}}, OptimizerKind::momentum, 0.05, 20, 10));
        c.train.optimizer.hypergradient = true;
        c.data.kind = DatasetKind::circle;
        c.data.size = 400;
        Space space({Param::real("lr", 0.001, 0.3, true), Param::integer("epochs", 1, 30), Param::integer("units", 2, 32, true)});
        c.search = PythonSearch{space, "grid", 8, 30, MlpScore::validation_error};
        c.params = {{"lr", "0.01"}, {"epochs", "12"}, {"units", "12"}};
        cases.push_back(c);
    }
    for (Case& c : cases) {  // the lab's run always has its output and loss fitted to the data's task
        DataResult prepared = prepare_data(c.data);
        REQUIRE(prepared.data);
        fit_output_to_task(c.train.model, prepared.data->info);
    }
    return cases;
}

}  // namespace

TEST_CASE("export_python: write the reproduction cases with TuneLab's figures") {
    const char* dir = std::getenv("TUNELAB_EXPORT_DIR");
    if (!dir) return;  // generated for the ctest fixture only
    const std::filesystem::path out = std::filesystem::path(dir) / "runs";
    std::filesystem::create_directories(out);
    json::Array list;
    for (const Case& c : reproduction_cases(TUNELAB_ASSETS_DIR "/data")) {
        CAPTURE(c.name);
        std::string csv_name;
        if (c.data.kind == DatasetKind::csv) {
            csv_name = (out / (c.name + ".csv")).string();
            std::ofstream(csv_name, std::ios::binary) << c.data.csv_text;
        }
        std::ofstream(out / (c.name + ".py")) << export_python(c.data, c.train, c.search ? &*c.search : nullptr, csv_name);
        json::Array figures, params;
        for (int seed : kSeeds) figures.push_back(tunelab_figure(c, seed));
        json::Object trial;
        for (const auto& [key, text] : c.params) {
            const Param& p = c.search->space.params()[size_t(c.search->space.index_of(key))];
            trial.emplace_back(key, p.kind == ParamKind::categorical ? json::Value(text) : json::Value(std::stod(text)));
        }
        list.push_back(json::Object{{"name", c.name},
                                    {"task", c.data.kind == DatasetKind::diabetes ? "regression" : "classification"},
                                    {"params", c.search ? json::Value(trial).dump() : json::Value()},
                                    {"search", c.search ? json::Value(c.search->sampler) : json::Value()},
                                    {"earlier", c.search ? int(c.search->earlier.size()) : 0},
                                    {"tunelab", figures}});
    }
    std::ofstream(out / "cases.json") << json::Value(list).dump(2) << "\n";
    CHECK(std::filesystem::exists(out / "cases.json"));
}
