// tunelab-cli study: run one search strategy on one objective and print every trial and the best.
#include <cmath>
#include <cstdio>
#include <optional>
#include <stdexcept>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/optuna_storage.h"
#include "core/files.h"
#include "core/json.h"
#include "core/limits.h"
#include "tune/hyperband.h"
#include "tune/objective.h"
#include "tune/parallel.h"
#include "tune/pareto.h"
#include "tune/runner.h"

namespace tunelab::cli {

namespace {

const char* kUsage =
    "usage: tunelab-cli study --objective NAME --sampler NAME [options]\n"
    "  --objective branin|hartmann6|rosenbrock|forrester|mlp:<dataset>, or a benchmark (ackley5, levy4, ...)\n"
    "  --sampler   grid|random|sobol|halton|bayes|tpe|cmaes|hyperband\n"
    "  --trials N          trials to run (default 30)\n"
    "  --seed S            study seed (default 1)\n"
    "  --acq ei|pi|ucb|hedge   Bayesian acquisition (default ei); --xi X, --kappa K\n"
    "  --initial N         random/quasi-random trials before BO or TPE model the loss\n"
    "  --grid-order shuffled|ordered   grid visiting order (default shuffled)\n"
    "  --source random|bayes   where Hyperband gets configurations (bayes: BOHB)\n"
    "  --eta N             Hyperband: keep 1/N at each rung (default 3)\n"
    "  --cmaes full|sep    CMA-ES covariance: full (default) or diagonal; --restarts: IPOP restarts\n"
    "  --noise SIGMA       test functions: add Gaussian noise to every evaluation (--json then gives\n"
    "                      each trial's true_value too, the function without the noise)\n"
    "  --data-dir DIR      mlp:<dataset>: folder of the bundled data sets (default assets/data)\n"
    "  --space FILE        JSON search space (array of parameters) instead of the default\n"
    "  --resume FILE       continue a study saved with --save (same objective)\n"
    "  --save FILE         save the study as JSON (tunelab-cli export turns it into a script)\n"
    "  --trials-csv FILE   write its trials as CSV (formerly --csv)\n"
    "  --optuna-storage URL  also write the study into an Optuna storage (sqlite:///race.db,\n"
    "                    postgresql://..., mysql://..., or a journal file's path); needs Python's optuna\n"
    "  --optuna-study NAME the study's name there (default tunelab-SAMPLER)\n"
    "  --json              print {space, optimum, trials, best_value, best_params} as JSON\n"
    "  --timings           with --json: each trial's sampler time in milliseconds\n"
    "  --pareto            also report the Pareto front of value against cost (FLOPs)\n"
    "  --seeds N           run seeds S, S+1, ..., S+N-1 (one JSON line each; for benchmarks)\n"
    "  --jobs N            train N trials at once on N threads (BO and TPE count the running ones\n"
    "                      at a made-up loss, a constant liar); trials are told as they end\n"
    "  --sync              with --jobs: ask N, train them, tell them in order: the same trials\n"
    "                      whatever the timing\n"
    "  -h, --help          this help\n"
    "Options take their value as the next argument or after '=' (--trials=20).\n";

struct Arguments {
    std::string objective, sampler, space_file, resume_file, save_file, csv_file, optuna_storage, optuna_study,
        data_dir = "assets/data";
    int trials = 30, seeds = 1, jobs = 1;
    bool sync = false;
    uint64_t seed = 1;
    double noise = 0;
    bool json = false, timings = false, pareto = false;
    bool check_only = false;  // check_study: stop before the first trial
    tune::SamplerOptions options;
};

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

double to_number(const std::string& flag, const std::string& text) {
    try {
        size_t used = 0;
        double v = std::stod(text, &used);
        if (used == text.size() && std::isfinite(v)) return v;
    } catch (const std::exception&) {
    }
    throw UsageError(flag + " needs a number, not " + limits::quote(text));
}

int to_count(const std::string& flag, const std::string& text, int minimum, int maximum = 1'000'000) {
    double v = to_number(flag, text);
    if (v != std::floor(v) || v < minimum || v > maximum)
        throw UsageError(flag + " needs a whole number from " + std::to_string(minimum) + " to " +
                         limits::describe_count(maximum) + ", not " + limits::quote(text));
    return int(v);
}

Arguments parse(const std::vector<std::string>& given) {
    Arguments a;
    const std::vector<std::string> args = split_inline_values(given);
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) throw UsageError(flag + " needs a value");
            return args[++i];
        };
        if (flag == "--objective") a.objective = value();
        else if (flag == "--sampler") a.sampler = value();
        else if (flag == "--trials") a.trials = to_count(flag, value(), 1, limits::kMaxTrials);
        else if (flag == "--seed") a.seed = uint64_t(to_count(flag, value(), 0));
        else if (flag == "--acq") {
            const std::optional<tune::AcquisitionKind> kind = tune::parse_acquisition(value());
            if (!kind) throw UsageError("--acq is ei, pi, ucb or hedge, not '" + args[i] + "'");
            a.options.acquisition.kind = *kind;
        } else if (flag == "--xi") a.options.acquisition.xi = to_number(flag, value());
        else if (flag == "--kappa") a.options.acquisition.kappa = to_number(flag, value());
        else if (flag == "--initial") a.options.initial_points = to_count(flag, value(), 1);
        else if (flag == "--grid-order") {
            const std::string& order = value();
            if (order != "shuffled" && order != "ordered") throw UsageError("--grid-order is shuffled or ordered");
            a.options.shuffle_grid = order == "shuffled";
        } else if (flag == "--source") a.options.hyperband_source = value();
        else if (flag == "--eta") a.options.eta = to_count(flag, value(), 2);
        else if (flag == "--cmaes") {
            const std::string& kind = value();
            if (kind != "full" && kind != "sep") throw UsageError("--cmaes is full or sep, not " + limits::quote(kind));
            a.options.cmaes_separable = kind == "sep";
        } else if (flag == "--restarts") a.options.cmaes_restarts = true;
        else if (flag == "--noise") a.noise = to_number(flag, value());
        else if (flag == "--space") a.space_file = value();
        else if (flag == "--resume") a.resume_file = value();
        else if (flag == "--save") a.save_file = value();
        else if (flag == "--trials-csv") a.csv_file = value();
        else if (flag == "--optuna-storage") a.optuna_storage = value();
        else if (flag == "--optuna-study") a.optuna_study = value();
        else if (flag == "--csv") {  // the old name, kept working: train's --csv is an input file
            a.csv_file = value();
            std::fputs("tunelab-cli study: --csv is now --trials-csv (train --csv reads a data file)\n", stderr);
        } else if (flag == "--data-dir") a.data_dir = value();
        else if (flag == "--seeds") a.seeds = to_count(flag, value(), 1);
        else if (flag == "--jobs") a.jobs = to_count(flag, value(), 1, limits::kMaxJobs);
        else if (flag == "--sync") a.sync = true;
        else if (flag == "--json") a.json = true;
        else if (flag == "--timings") a.timings = true;
        else if (flag == "--pareto") a.pareto = true;
        else throw UsageError("unknown option '" + flag + "'");
    }
    if (a.objective.empty()) throw UsageError("--objective is required");
    if (a.sampler.empty()) throw UsageError("--sampler is required");
    if (a.noise < 0) throw UsageError("--noise must be at least 0");
    if (a.seeds > 1 && (!a.json || !a.resume_file.empty() || !a.save_file.empty() || !a.csv_file.empty() ||
                        !a.optuna_storage.empty()))
        throw UsageError("--seeds runs many studies: it needs --json and takes no --resume, --save, --trials-csv or "
                         "--optuna-storage");
    if (a.optuna_study.empty()) a.optuna_study = "tunelab-" + a.sampler;
    if (a.jobs > 1) {
#ifdef __EMSCRIPTEN__
        throw UsageError("--jobs: this build runs under node without threads; the native tunelab-cli runs trials at once");
#endif
        if (a.sampler == "hyperband")
            throw UsageError("--jobs: Hyperband continues its paused trials one at a time (its asynchronous form, ASHA, "
                             "is not in TuneLab yet); run it without --jobs");
        a.options.constant_liar = true;
    } else if (a.sync) {
        throw UsageError("--sync goes with --jobs N (N > 1)");
    }
    a.options.budget = a.trials;
    return a;
}

json::Value read_json_file(const std::string& path) {
    FileText file = read_file(path, limits::kMaxJsonBytes, "a JSON file");
    if (!file.text) throw UsageError(file.error);
    json::ParseResult parsed = json::parse(*file.text);
    if (!parsed.ok())
        throw UsageError(path + ":" + std::to_string(parsed.line) + ":" + std::to_string(parsed.column) + ": " +
                         parsed.error);
    return parsed.value;
}

// Atomic (see core/files.h): a study saved over its own --resume file is never left half-written.
void write_file(const std::string& path, const std::string& text) {
    if (std::string error = write_file_atomic(path, text); !error.empty()) throw std::runtime_error(error);
}

// A refusal of a file's contents names the file it came from.
template <typename Load>
auto from_document(const char* flag, const std::string& path, const json::Value& document, Load load) {
    try {
        return load(document);
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(std::string(flag) + " " + path + ": " + e.what());
    }
}

std::string describe(const tune::Study& study, const tune::Trial& t) {
    std::string line = "trial " + std::to_string(t.number) + "  " + std::string(name(t.status));
    if (t.value) line += "  value " + json::format_number(*t.value);
    for (size_t i = 0; i < study.space().size(); ++i)
        if (tune::is_active(t.params[i])) line += "  " + study.space().params()[i].name + "=" + study.space().format(i, t.params[i]);
    if (t.rung >= 0) line += "  (bracket " + std::to_string(t.bracket) + ", rung " + std::to_string(t.rung) + ")";
    return line;
}

json::Value report(const tune::Study& study, const tune::Objective& objective, bool timings, bool pareto) {
    json::Value out = json::Object{};
    out["space"] = tune::space_to_json(study.space());
    if (auto optimum = objective.known_optimum()) out["optimum"] = *optimum;
    json::Array trials;
    for (const tune::Trial& t : study.trials()) {
        json::Value v = json::Object{};
        v["number"] = t.number;
        v["params"] = tune::params_to_json(study.space(), t.params);
        v["value"] = t.value ? json::Value(*t.value) : json::Value(nullptr);
        v["status"] = name(t.status);
        v["source"] = t.source;
        if (timings) v["sampler_ms"] = t.sampler_seconds * 1e3;
        // With noise, what the trial's point is worth without it: the benchmark's regret.
        if (auto* test = dynamic_cast<const tune::TestObjective*>(&objective); test && test->noise() > 0 && t.value)
            v["true_value"] = test->function().f(t.params);
        trials.push_back(std::move(v));
    }
    out["trials"] = std::move(trials);
    const tune::Trial* best = study.best();
    out["best_value"] = best ? json::Value(*best->value) : json::Value(nullptr);
    out["best_params"] = best ? tune::params_to_json(study.space(), best->params) : json::Value(nullptr);
    if (pareto) {
        json::Array front;
        for (int number : tune::pareto_front(study)) front.emplace_back(number);
        out["pareto_front"] = std::move(front);
    }
    return out;
}

// A saved study says which objective and sampler made it (beside Study's own fields), so that a
// resume cannot mix the values of two objectives and `export` knows what to reproduce.
json::Value saved_study(const Arguments& a, const tune::Study& study) {
    json::Value document = study.to_json();
    document["objective"] = a.objective;
    document["sampler"] = a.sampler;
    return document;
}

void check_same_objective(const Arguments& a, const json::Value& saved) {
    const json::Value* objective = saved.find("objective");
    if (!objective) {  // saved before studies named their objective
        std::fprintf(stderr, "tunelab-cli study: %s does not say which objective it ran; resuming it as %s\n",
                     a.resume_file.c_str(), a.objective.c_str());
        return;
    }
    if (!objective->is_string() || objective->as_string() != a.objective)
        throw std::invalid_argument("--resume " + a.resume_file + ": this study ran the objective " + objective->dump() +
                                    ", not \"" + a.objective + "\"; its values cannot be mixed with another objective's " +
                                    "(resume it with --objective " + (objective->is_string() ? objective->as_string() : "…") +
                                    ", or start a new study)");
}

int run_one(const Arguments& a) {
    std::optional<tune::Study> resumed;
    std::optional<tune::Space> space;
    if (!a.resume_file.empty()) {
        const json::Value saved = read_json_file(a.resume_file);
        check_same_objective(a, saved);
        resumed = from_document("--resume", a.resume_file, saved, tune::Study::from_json);
        space = resumed->space();
    } else if (!a.space_file.empty()) {
        space = from_document("--space", a.space_file, read_json_file(a.space_file), tune::space_from_json);
    }
    std::shared_ptr<const tune::Objective> objective;
    try {
        objective = tune::make_objective(a.objective, a.noise, space, a.data_dir);
    } catch (const std::invalid_argument& e) {  // the objective refuses the space: name where it came from
        if (a.resume_file.empty() && a.space_file.empty()) throw;
        throw std::invalid_argument(std::string(a.resume_file.empty() ? "--space " + a.space_file : "--resume " + a.resume_file) +
                                    ": " + e.what());
    }
    tune::SamplerOptions options = a.options;
    options.max_epochs = objective->max_epochs();
    std::unique_ptr<tune::Sampler> sampler = tune::make_sampler(a.sampler, options);
    if (a.check_only) return 0;
    tune::Study study = resumed ? std::move(*resumed) : tune::Study(objective->space(), objective->direction(), a.seed);
    tune::StudyRunner runner(std::move(study), std::move(sampler), objective, a.trials);
    if (a.jobs > 1) {
        tune::run_parallel(runner, a.jobs, a.sync ? tune::ParallelMode::batch_synchronous : tune::ParallelMode::asynchronous,
                           [&](const tune::Trial& t, const std::string& error) {
                               if (!error.empty()) std::fprintf(stderr, "trial %d failed: %s\n", t.number, error.c_str());
                               if (!a.json) std::printf("%s\n", describe(runner.study(), t).c_str());
                           });
    } else {
        while (runner.run_trial() != tune::RunEvent::finished)
            if (!a.json) {
                const tune::Trial& t = runner.study().trial(runner.last_told());
                std::printf("%s\n", describe(runner.study(), t).c_str());
            }
    }
    const tune::Study& done = runner.study();
    if (a.json) {
        std::printf("%s\n", report(done, *objective, a.timings, a.pareto).dump().c_str());
    } else if (const tune::Trial* best = done.best()) {
        std::printf("best: %s\n", describe(done, *best).c_str());
    } else {
        std::printf("best: none (no trial completed)\n");
    }
    if (a.pareto && !a.json) {
        std::printf("pareto front (value vs FLOPs), cheapest first:\n");
        for (int number : tune::pareto_front(done))
            std::printf("  %s  flops %s\n", describe(done, done.trial(number)).c_str(),
                        json::format_number(done.trial(number).cost.flops).c_str());
    }
    if (!a.save_file.empty()) write_file(a.save_file, saved_study(a, done).dump(1) + "\n");
    if (!a.csv_file.empty()) write_file(a.csv_file, done.to_csv());
    if (!a.optuna_storage.empty()) write_optuna_storage({{a.sampler, done}}, a.optuna_storage, a.optuna_study);
    return 0;
}

int run(Arguments a) {
    for (int k = 0; k < a.seeds; ++k, ++a.seed)
        if (int code = run_one(a); code != 0) return code;
    return 0;
}

int study(const std::vector<std::string>& args, bool check_only) {
    for (const std::string& a : args)
        if (is_help(a)) {
            std::fputs(kUsage, stdout);
            return 0;
        }
    try {
        Arguments parsed = parse(args);
        parsed.check_only = check_only;
        return run(parsed);
    } catch (const UsageError& e) {
        std::fprintf(stderr, "tunelab-cli study: %s\n%s", e.what(), kUsage);
        return 2;
    } catch (const std::invalid_argument& e) {  // bad objective, sampler, space or study file
        std::fprintf(stderr, "tunelab-cli study: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tunelab-cli study: %s\n", e.what());
        return 1;
    }
}

}  // namespace

int run_study(const std::vector<std::string>& args) { return study(args, false); }
int check_study(const std::vector<std::string>& args) { return study(args, true); }

}  // namespace tunelab::cli
