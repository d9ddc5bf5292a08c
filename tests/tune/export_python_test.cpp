#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "tune/export_python.h"
#include "tune/mlp_objective.h"
#include "tune/sampler.h"

using namespace tunelab;
using namespace tunelab::tune;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

PythonSearch search_with(std::string sampler) {
    return {MlpObjective::default_space(), std::move(sampler), 12, Direction::Minimize};
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
    CHECK(has(script, "optuna.samplers.TPESampler(seed=SEED)"));
    CHECK(has(script, "optuna.create_study(direction=\"minimize\""));
    CHECK(has(script, "parser.add_argument(\"--trials\", type=int, default=12)"));
    CHECK(has(script, "print(\"Best trial #%d"));
}

TEST_CASE("export_python: each TuneLab sampler maps to its Optuna counterpart") {
    const std::pair<const char*, const char*> expected[] = {
        {"grid", "optuna.samplers.GridSampler(space, seed=SEED)"},
        {"random", "optuna.samplers.RandomSampler(seed=SEED)"},
        {"sobol", "QMCSampler(qmc_type=\"sobol\""},
        {"halton", "QMCSampler(qmc_type=\"halton\""},
        {"bayes", "optuna.samplers.GPSampler(seed=SEED)"},
        {"tpe", "optuna.samplers.TPESampler(seed=SEED)"},
        {"hyperband", "optuna.pruners.HyperbandPruner("},
    };
    for (const auto& [name, line] : expected) {
        const std::string sampler = name;  // CAPTURE takes a variable, not a structured binding (clang 14)
        CAPTURE(sampler);
        const PythonSearch search = search_with(sampler);
        CHECK(has(export_python(DataConfig{}, TrainConfig{}, &search), line));
    }
    const PythonSearch grid = search_with("grid");
    CHECK(has(export_python(DataConfig{}, TrainConfig{}, &grid), "\"units\": [2, 6, 20, 64],"));
}

TEST_CASE("export_python: the learner's text stays inside string literals") {
    DataConfig data;
    data.kind = DatasetKind::csv;
    data.target_column = "y\"\nimport os\nos.system(\"rm -rf /\")\n#";
    const std::string script = export_python(data, TrainConfig{}, nullptr, "my \"data\".csv");
    CHECK(has(script, "\"target_column\": \"y\\\"\\nimport os\\nos.system(\\\"rm -rf /\\\")\\n#\",\n"));
    CHECK(!has(script, "\nimport os\n"));
    CHECK(has(script, "\"csv_file\": \"my \\\"data\\\".csv\",\n"));
}

// Writes one script per sampler and data-set family to $TUNELAB_EXPORT_DIR, for the ctest that
// checks Python compiles them (tests/cli/export.cmake). Without the variable it only generates.
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
    CHECK((dir == nullptr || written == int(sampler_names().size()) * 3));
}
