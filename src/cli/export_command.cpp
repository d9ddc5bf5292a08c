// tunelab-cli export: what the page's Export menu gives — the PyTorch + Optuna script, the trials as
// CSV, the studies as JSON — from a file the CLI or the app saved: a study (`study --save`), the
// app's session (~/.config/tunelab/session.json) or the page's exported tunelab-session.json.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/optuna_storage.h"
#include "core/files.h"
#include "core/json.h"
#include "core/limits.h"
#include "core/settings_json.h"
#include "core/validate.h"
#include "tune/export_python.h"
#include "tune/mlp_objective.h"
#include "tune/objective.h"
#include "tune/strategy.h"

namespace tunelab::cli {

namespace {

const char* kUsage =
    "usage: tunelab-cli export --from FILE [--python OUT.py] [--csv OUT.csv] [--json OUT.json]\n"
    "  --from FILE       a study saved with `study --save`, or a session saved by the app\n"
    "                    (session.json) or exported from the page (tunelab-session.json)\n"
    "  --python FILE     the PyTorch + Optuna script (the default, to standard output: -)\n"
    "  --csv FILE        the trials as CSV (one block per strategy for a session's race)\n"
    "  --json FILE       the studies as JSON\n"
    "  --optuna-storage URL  the studies into an Optuna storage (sqlite:///race.db, postgresql://...,\n"
    "                    mysql://..., or a journal file's path), for optuna-dashboard; needs Python's optuna\n"
    "  --optuna-study NAME   the study's name there (default tunelab; several studies: NAME-strategy)\n"
    "  --data-dir DIR    a study of mlp:<dataset>: folder of the bundled data sets (default assets/data)\n"
    "  -h, --help        this help\n"
    "A CSV data set saved in a session is written beside the script (OUT.csv next to OUT.py).\n";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Arguments {
    std::string from, python, csv, json, optuna_storage, optuna_study = "tunelab", data_dir = "assets/data";
};

Arguments parse(const std::vector<std::string>& given) {
    Arguments a;
    const std::vector<std::string> args = split_inline_values(given);
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (i + 1 >= args.size())
            throw UsageError(flag.rfind("--", 0) == 0 ? flag + " needs a value" : "unexpected argument '" + flag + "'");
        const std::string& value = args[++i];
        if (flag == "--from") a.from = value;
        else if (flag == "--python") a.python = value;
        else if (flag == "--csv") a.csv = value;
        else if (flag == "--json") a.json = value;
        else if (flag == "--optuna-storage") a.optuna_storage = value;
        else if (flag == "--optuna-study") a.optuna_study = value;
        else if (flag == "--data-dir") a.data_dir = value;
        else throw UsageError("unknown option '" + flag + "'");
    }
    if (a.from.empty()) throw UsageError("--from FILE is required");
    if (a.python.empty() && a.csv.empty() && a.json.empty() && a.optuna_storage.empty()) a.python = "-";
    return a;
}

void write(const std::string& path, const std::string& text) {
    if (path == "-") {
        std::fputs(text.c_str(), stdout);
        return;
    }
    if (std::string error = write_file_atomic(path, text); !error.empty()) throw std::runtime_error(error);
    std::fprintf(stderr, "wrote %s\n", path.c_str());
}

const json::Value& member(const json::Value& object, const char* key, const std::string& where) {
    const json::Value* v = object.is_object() ? object.find(key) : nullptr;
    if (!v) throw std::invalid_argument(where + ": has no \"" + key + "\"");
    return *v;
}

template <typename Config>
Config settings(const json::Value& document, const std::string& where) {
    Config config;
    if (std::vector<Issue> issues = update_from_json(config, document); !issues.empty())
        throw std::invalid_argument(where + ": " + describe(issues));
    return config;
}

// What one file gives: the script's data, network and search, and the studies behind them.
struct Source {
    std::optional<DataConfig> data;
    TrainConfig run;
    std::optional<tune::PythonSearch> search;
    std::vector<std::pair<std::string, tune::Study>> studies;  // strategy, study
    std::string no_script;  // why there is no script (a test function has no network)
};

Source from_study(const json::Value& doc, const Arguments& a) {
    Source s;
    const tune::Study study = tune::Study::from_json(doc);
    const json::Value* objective = doc.find("objective");
    const json::Value* sampler = doc.find("sampler");
    const std::string spec = objective && objective->is_string() ? objective->as_string() : "";
    const std::string strategy = sampler && sampler->is_string() ? sampler->as_string() : "tpe";
    s.studies.emplace_back(strategy, study);
    if (spec.rfind("mlp:", 0) != 0) {
        s.no_script = spec.empty() ? "the study file does not say which objective it ran (saved before studies named it)"
                                   : "the study ran the test function '" + spec + "', not a network";
        return s;
    }
    const auto built = tune::make_objective(spec, 0, study.space(), a.data_dir);
    const auto& mlp = dynamic_cast<const tune::MlpObjective&>(*built);
    s.data = tune::MlpObjective::data_config(*parse_enum<DatasetKind>(spec.substr(4, spec.find(':', 4) - 4)), a.data_dir);
    s.run = mlp.base();
    s.run.seed = study.seed();
    s.search = tune::PythonSearch{study.space(), tune::python_sampler(strategy), std::max(1, study.next_number()),
                                  mlp.max_epochs(),
                                  spec.ends_with(":error") ? tune::MlpScore::validation_error : tune::MlpScore::validation_loss};
    return s;
}

// The app's saved session ({lab, arena, race}) or the page's export ({session, results, arena_studies}).
Source from_session(const json::Value& doc) {
    Source s;
    const json::Value& session = doc.find("session") ? *doc.find("session") : doc;
    const json::Value& lab = member(session, "lab", "the session");
    const json::Value& runs = member(lab, "runs", "lab");
    if (!runs.is_array() || runs.as_array().empty()) throw std::invalid_argument("lab.runs: must list the lab's runs");
    s.data = settings<DataConfig>(member(lab, "data", "lab"), "lab.data");
    s.run = settings<TrainConfig>(runs.as_array()[0], "lab.runs[0]");
    s.search = tune::default_python_search(s.run);
    const json::Value* race = doc.find("race");
    if (const json::Value* studies = doc.find("arena_studies"); studies && studies->is_array())
        for (const json::Value& racer : studies->as_array())
            s.studies.emplace_back(member(racer, "strategy", "arena_studies[]").as_string(),
                                   tune::Study::from_json(member(racer, "study", "arena_studies[]")));
    if (!race || !race->is_object()) return s;
    for (const json::Value& racer : member(*race, "racers", "race").as_array())
        s.studies.emplace_back(member(racer, "strategy", "race.racers[]").as_string(),
                               tune::Study::from_json(member(racer, "study", "race.racers[]")));
    const json::Value& setup = member(*race, "setup", "race");
    const json::Value* objective = setup.find("objective");
    if (!objective || !objective->is_string() || objective->as_string() != "lab" || s.studies.empty()) return s;
    // The race on the lab's network: its data and network as they were at its start, its first
    // strategy, budget, epochs per trial, score and warm start, as the page's export reproduces them.
    const json::Value& raced_lab = member(*race, "lab", "race");
    s.data = settings<DataConfig>(member(raced_lab, "data", "race.lab"), "race.lab.data");
    s.run = tune::strategy_training(s.studies.front().first,
                                    settings<TrainConfig>(member(raced_lab, "run", "race.lab"), "race.lab.run"));
    const json::Value& metric = member(setup, "metric", "race.setup");
    s.search = tune::PythonSearch{s.studies.front().second.space(), tune::python_sampler(s.studies.front().first),
                                  int(member(setup, "trials", "race.setup").as_number()),
                                  int(member(setup, "epochs", "race.setup").as_number()),
                                  metric.is_string() && metric.as_string() == "val_accuracy" ? tune::MlpScore::validation_error
                                                                                             : tune::MlpScore::validation_loss};
    s.search->earlier = s.studies.front().second.warm_start();  // a warm strategy's earlier trials go with it
    return s;
}

int run(const Arguments& a) {
    FileText file = read_file(a.from, limits::kMaxJsonBytes, "a study or session file");
    if (!file.text) throw std::invalid_argument("--from: " + file.error);
    json::ParseResult parsed = json::parse(*file.text);
    if (!parsed.ok())
        throw std::invalid_argument(a.from + ":" + std::to_string(parsed.line) + ":" + std::to_string(parsed.column) + ": " + parsed.error);
    const json::Value& doc = parsed.value;
    Source s;
    try {
        if (doc.is_object() && doc.find("space") && doc.find("trials")) s = from_study(doc, a);
        else if (doc.is_object() && (doc.find("lab") || doc.find("session"))) s = from_session(doc);
        else throw std::invalid_argument("is neither a saved study (space, trials) nor a session (lab, arena)");
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument("--from " + a.from + ": " + e.what());
    }
    if (!a.python.empty()) {
        if (!s.data) throw std::invalid_argument("--python: no script from " + a.from + ": " + s.no_script);
        std::string csv_name;
        if (s.data->kind == DatasetKind::csv) {  // the learner's data travel in the session: put them beside the script
            csv_name = a.python == "-" ? "tunelab_data.csv" : std::filesystem::path(a.python).replace_extension(".csv").string();
            write(csv_name, s.data->csv_text);
        }
        write(a.python, tune::export_python(*s.data, s.run, s.search ? &*s.search : nullptr, csv_name));
    }
    if (!a.csv.empty() || !a.json.empty() || !a.optuna_storage.empty()) {
        if (s.studies.empty()) throw std::invalid_argument(a.from + " holds no trials (no race was saved with it)");
        std::string csv;
        json::Array studies;
        for (const auto& [strategy, study] : s.studies) {
            csv += s.studies.size() > 1 ? study.to_csv_block(strategy) : study.to_csv();
            studies.push_back(json::Object{{"strategy", strategy}, {"study", study.to_json()}});
        }
        if (!a.csv.empty()) write(a.csv, csv);
        if (!a.json.empty()) write(a.json, json::Value(studies).dump(2) + "\n");
        if (!a.optuna_storage.empty()) write_optuna_storage(s.studies, a.optuna_storage, a.optuna_study);
    }
    return 0;
}

}  // namespace

int run_export(const std::vector<std::string>& args) {
    for (const std::string& arg : args)
        if (is_help(arg)) {
            std::fputs(kUsage, stdout);
            return 0;
        }
    try {
        return run(parse(args));
    } catch (const UsageError& e) {
        std::fprintf(stderr, "tunelab-cli export: %s\n%s", e.what(), kUsage);
        return 2;
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "tunelab-cli export: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tunelab-cli export: %s\n", e.what());
        return 1;
    }
}

}  // namespace tunelab::cli
