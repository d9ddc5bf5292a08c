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
    "  --sampler   grid|random|sobol|halton|bayes|tpe|cmaes|hyperband|asha|parego (parego: several objectives)\n"
    "  --objectives LIST   what the study optimizes: the score (error or loss for mlp:<dataset>, value for\n"
    "                    a test function), optionally then flops, the training cost: error,flops searches\n"
    "                    for the Pareto front of error against cost and prints it with its hypervolume\n"
    "                    (samplers: parego; tpe, which is MOTPE on several objectives; or any, on the score)\n"
    "  --trials N          trials to run (default 30)\n"
    "  --seed S            study seed (default 1)\n"
    "  --acq ei|pi|ucb|hedge   Bayesian acquisition (default ei); --xi X, --kappa K\n"
    "  --initial N         random/quasi-random trials before BO or TPE model the loss\n"
    "  --grid-order shuffled|ordered   grid visiting order (default shuffled)\n"
    "  --source random|bayes   where Hyperband and ASHA get configurations (bayes: BOHB)\n"
    "  --eta N             Hyperband and ASHA: keep 1/N at each rung (default 3)\n"
    "  --cmaes full|sep    CMA-ES covariance: full (default) or diagonal; --restarts: IPOP restarts\n"
    "  --noise SIGMA       test functions: add Gaussian noise to every evaluation (--json then gives\n"
    "                      each trial's true_value too, the function without the noise)\n"
    "  --data-dir DIR      mlp:<dataset>: folder of the bundled data sets (default assets/data)\n"
    "  --space FILE        JSON search space (array of parameters) instead of the default\n"
    "  --resume FILE       continue a study saved with --save (same objective)\n"
    "  --save FILE         save the study as JSON (tunelab-cli export turns it into a script)\n"
    "  --warm-start FILE   start from the trials of an earlier study (a --save file) on the same\n"
    "                      space: BO and TPE take them as prior observations\n"
    "  --trials-csv FILE   write its trials as CSV (formerly --csv)\n"
    "  --optuna-storage URL  also write the study into an Optuna storage (sqlite:///race.db,\n"
    "                    postgresql://..., mysql://..., or a journal file's path); needs Python's optuna\n"
    "  --optuna-study NAME the study's name there (default tunelab-SAMPLER)\n"
    "  --json              print {space, optimum, trials, best_value, best_params} as JSON\n"
    "  --timings           with --json: each trial's sampler time in milliseconds and its spans\n"
    "                      [worker, start s, end s], when and on which worker it trained\n"
    "  --pareto            also report the Pareto front of value against cost (FLOPs) of a one-objective study\n"
    "  --seeds N           run seeds S, S+1, ..., S+N-1 (one JSON line each; for benchmarks)\n"
    "  --jobs N            train N trials at once on N threads (BO averages over draws of the\n"
    "                      running ones' losses, TPE counts them at the worst); told as they end.\n"
    "                      Hyperband waits for each rung to be in; ASHA promotes without waiting\n"
    "  --sync              with --jobs: ask N, train them, tell them in order: the same trials\n"
    "                      whatever the timing\n"
    "  -h, --help          this help\n"
    "Options take their value as the next argument or after '=' (--trials=20).\n";

struct Arguments {
    std::string objective, sampler, objectives_list, space_file, resume_file, save_file, warm_start_file, csv_file, optuna_storage,
        optuna_study, data_dir = "assets/data";
    int trials = 30, seeds = 1, jobs = 1;
    bool sync = false;
    uint64_t seed = 1;
    double noise = 0;
    bool json = false, timings = false, pareto = false;
    bool check_only = false;  // check_study: stop before the first trial
    tune::SamplerOptions options;
    // --objectives resolved: what the study records, and how the output names each objective.
    std::vector<tune::Measure> measures = {tune::Measure::value};
    std::vector<std::string> measure_names = {"value"};
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

// --objectives: the score first, named as the objective scores it (an MLP's error or loss, a test
// function's value), then optionally flops. An MLP's error becomes its objective spec's ":error", so
// a saved study names the objective it ran.
void resolve_objectives(Arguments& a) {
    const bool network = a.objective.rfind("mlp:", 0) == 0;
    const bool by_error = network && a.objective.ends_with(":error");
    a.measure_names = {network ? (by_error ? "error" : "loss") : "value"};
    if (a.objectives_list.empty()) {
        if (a.sampler == "parego")
            throw UsageError("--sampler parego trades several objectives off: give them, e.g. --objectives error,flops");
        return;
    }
    std::vector<std::string> names;
    for (size_t start = 0;;) {
        const size_t comma = a.objectives_list.find(',', start);
        names.push_back(a.objectives_list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    const char* kKnown = "error, loss or value, then flops";
    for (const std::string& n : names)
        if (n != "error" && n != "loss" && n != "value" && n != "flops")
            throw UsageError("--objectives: unknown objective " + limits::quote(n) + " (" + kKnown + ")");
    if (names.size() > 2) throw UsageError("--objectives takes at most two: the score, then flops (" + std::string(kKnown) + ")");
    if (names[0] == "flops") throw UsageError("--objectives starts with the score (error, loss or value), then flops");
    if (names.size() == 2 && names[1] != "flops")
        throw UsageError("--objectives: the second objective is flops, the training cost, not " + limits::quote(names[1]));
    if (!network && names[0] != "value")
        throw UsageError("--objectives: " + a.objective + " is a test function; it scores its value, not " + limits::quote(names[0]) +
                         " (use value)");
    if (network && names[0] == "value") throw UsageError("--objectives: a network's score is error or loss, not value");
    if (network && by_error && names[0] == "loss")
        throw UsageError("--objectives: " + a.objective + " scores the validation error, not the loss");
    if (!network && names.size() == 2)
        throw UsageError("--objectives: a test function costs nothing to evaluate, so there are no FLOPs to trade off (train a "
                         "network: --objective mlp:<dataset>)");
    if (network && names[0] == "error" && !by_error) a.objective += ":error";
    a.measure_names = {names[0]};
    a.measures = {tune::Measure::value};
    if (names.size() == 2) {
        a.measure_names.push_back("flops");
        a.measures.push_back(tune::Measure::flops);
    }
    if (a.sampler == "parego" && a.measures.size() < 2)
        throw UsageError("--sampler parego trades several objectives off: give them, e.g. --objectives error,flops");
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
        else if (flag == "--objectives") a.objectives_list = value();
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
        else if (flag == "--warm-start") a.warm_start_file = value();
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
    if (!a.warm_start_file.empty() && !a.resume_file.empty())
        throw UsageError("--warm-start starts a new study; a resumed one keeps the warm start it was saved with");
    if (a.seeds > 1 && (!a.json || !a.resume_file.empty() || !a.save_file.empty() || !a.csv_file.empty() ||
                        !a.optuna_storage.empty()))
        throw UsageError("--seeds runs many studies: it needs --json and takes no --resume, --save, --trials-csv or "
                         "--optuna-storage");
    resolve_objectives(a);
    if (a.optuna_study.empty()) a.optuna_study = "tunelab-" + a.sampler;
    if (a.jobs > 1) {
#ifdef __EMSCRIPTEN__
        throw UsageError("--jobs: this build runs under node without threads; the native tunelab-cli runs trials at once");
#endif
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
    if (study.multi_objective()) line += "  flops " + json::format_number(t.cost.flops);
    for (size_t i = 0; i < study.space().size(); ++i)
        if (tune::is_active(t.params[i])) line += "  " + study.space().params()[i].name + "=" + study.space().format(i, t.params[i]);
    if (t.rung >= 0) line += "  (bracket " + std::to_string(t.bracket) + ", rung " + std::to_string(t.rung) + ")";
    return line;
}

// How the output names a study's objectives: a resumed study may have more than --objectives said.
std::vector<std::string> objective_names(const Arguments& a, const tune::Study& study) {
    std::vector<std::string> names = {a.measure_names.front()};
    for (size_t k = 1; k < study.objectives().size(); ++k) names.emplace_back(name(study.objectives()[k]));
    return names;
}

json::Value report(const Arguments& a, const tune::Study& study, const tune::Objective& objective) {
    const bool pareto = a.pareto || study.multi_objective();
    json::Value out = json::Object{};
    if (study.multi_objective()) {
        const std::vector<std::string> names = objective_names(a, study);
        out["objectives"] = json::Array(names.begin(), names.end());
        json::Array directions;
        for (tune::Direction d : study.directions()) directions.emplace_back(std::string(name(d)));
        out["directions"] = std::move(directions);
    }
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
        if (study.multi_objective()) v["flops"] = t.cost.flops;
        if (a.timings) {
            v["sampler_ms"] = t.sampler_seconds * 1e3;
            v["spans"] = tune::spans_to_json(t.spans);
        }
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
    if (const auto box = study.multi_objective() ? tune::trade_off_box(objective, study.objectives()) : std::nullopt) {
        const std::vector<double> curve = tune::hypervolume_curve(study, *box);
        out["hypervolume"] = curve.empty() ? 0.0 : curve.back();
        out["hypervolume_curve"] = json::Array(curve.begin(), curve.end());
    }
    return out;
}

// A saved study says which objective and sampler made it (beside Study's own fields), so that a
// resume cannot mix the values of two objectives and `export` knows what to reproduce.
json::Value saved_study(const Arguments& a, const tune::Study& study) {
    json::Value document = study.to_json(true);  // with its timeline: a resumed study's spans go on after it
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
    if (resumed && !a.objectives_list.empty() && resumed->objectives() != a.measures)
        throw std::invalid_argument("--resume " + a.resume_file + ": this study has " + std::to_string(resumed->objectives().size()) +
                                    " objective(s), not those of --objectives " + a.objectives_list +
                                    " (resume it without --objectives, or start a new study)");
    if (resumed && a.sampler == "parego" && !resumed->multi_objective())
        throw std::invalid_argument("--resume " + a.resume_file + ": ParEGO needs a study of several objectives; this one has one");
    tune::Study study = resumed ? std::move(*resumed) : tune::Study(objective->space(), objective->direction(), a.seed, a.measures);
    if (!a.warm_start_file.empty()) {
        const tune::Study earlier =
            from_document("--warm-start", a.warm_start_file, read_json_file(a.warm_start_file), tune::Study::from_json);
        try {
            study.warm_start_from(earlier);
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument("--warm-start " + a.warm_start_file + ": " + e.what());
        }
    }
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
        std::printf("%s\n", report(a, done, *objective).dump().c_str());
    } else if (const tune::Trial* best = done.best()) {
        std::printf("best: %s\n", describe(done, *best).c_str());
    } else {
        std::printf("best: none (no trial completed)\n");
    }
    if (done.multi_objective() && !a.json) {
        std::printf("pareto front (%s vs FLOPs), cheapest first:\n", objective_names(a, done).front().c_str());
        for (int number : tune::pareto_front(done)) std::printf("  %s\n", describe(done, done.trial(number)).c_str());
        if (const auto box = tune::trade_off_box(*objective, done.objectives()))
            std::printf("hypervolume %.4f: the share of the box %s %g to %g, FLOPs %.3g to %.3g (log scale) that the front "
                        "dominates, from a reference point %g %% beyond its worst corner\n",
                        tune::hypervolume_share(done, *box), objective_names(a, done).front().c_str(), box->ideal[0], box->nadir[0],
                        std::pow(10, box->ideal[1]), std::pow(10, box->nadir[1]), 100 * tune::kReferenceMargin);
    } else if (a.pareto && !a.json) {
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
