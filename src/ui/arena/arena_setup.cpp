// The arena's set-up: its defaults, its JSON (for the hook and shared URLs) and the panel that edits
// it. The panel and the JSON share `validate`, so a range refused in one is refused in the other.
#include "ui/arena/arena_setup.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/limits.h"
#include "tune/objective.h"
#include "tune/strategy.h"
#include "tune/tunable.h"
#include "ui/app.h"
#include "ui/arena/arena_warm.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/widgets.h"

namespace tunelab::ui {
namespace {

std::string describe_range(const tune::TunableSetting& l) {
    char text[96];
    std::snprintf(text, sizeof text, "must be between %g and %g", l.min, l.max);
    return text;
}

// A number field of the JSON: present, a number, whole when asked, inside [min, max].
template <typename T>
void read_number(const json::Value& document, const char* key, T& out, double min, double max, bool whole,
                 std::vector<Issue>& issues, const std::string& prefix = "") {
    const json::Value* v = document.find(key);
    if (!v) return;
    const std::string field = prefix + key;
    if (!v->is_number() || !std::isfinite(v->as_number())) return issues.push_back({field, "must be a number"});
    const double x = v->as_number();
    if (whole && x != std::floor(x)) return issues.push_back({field, "must be a whole number"});
    if (x < min || x > max) {
        char text[96];
        std::snprintf(text, sizeof text, "must be between %g and %g", min, max);
        return issues.push_back({field, text});
    }
    out = T(x);
}

void read_bool(const json::Value& document, const char* key, bool& out, std::vector<Issue>& issues,
               const std::string& prefix) {
    const json::Value* v = document.find(key);
    if (!v) return;
    if (!v->is_bool()) return issues.push_back({prefix + key, "must be true or false"});
    out = v->as_bool();
}

void read_params(const json::Value& document, std::vector<TunedParam>& params, std::vector<Issue>& issues) {
    if (!document.is_object()) return issues.push_back({"params", "must be an object of parameters"});
    for (const auto& member : document.as_object()) {
        const std::string& name = member.first;  // not a structured binding: lambdas capture it
        const json::Value& value = member.second;
        auto found = std::find_if(params.begin(), params.end(), [&](const TunedParam& p) { return p.name == name; });
        const std::string prefix = "params." + name + ".";
        if (found == params.end()) {
            issues.push_back({"params." + name, "unknown parameter (" + tune::tunable_names(true) + ")"});
            continue;
        }
        if (!value.is_object()) {
            issues.push_back({"params." + name, "must be an object {tuned, low, high, log}"});
            continue;
        }
        for (const auto& [key, _] : value.as_object())
            if (key != "tuned" && key != "low" && key != "high" && key != "log") issues.push_back({prefix + key, "unknown setting"});
        read_bool(value, "tuned", found->tuned, issues, prefix);
        read_bool(value, "log", found->log, issues, prefix);
        read_number(value, "low", found->low, -1e300, 1e300, false, issues, prefix);
        read_number(value, "high", found->high, -1e300, 1e300, false, issues, prefix);
    }
}

void read_warm_start(const json::Value& document, WarmStart& warm, std::vector<Issue>& issues) {
    if (!document.is_object()) return issues.push_back({"warm_start", "must be an object {source, score, params, points}"});
    WarmStart read = warm;  // fields present replace the current ones, as for the whole set-up
    for (const auto& [key, value] : document.as_object()) {
        const std::string field = "warm_start." + key;
        if (key == "source" || key == "score") {
            if (!value.is_string()) issues.push_back({field, "must be a string"});
            else (key == "source" ? read.source : read.score) = value.as_string();
        } else if (key == "params" || key == "points") {
            if (!value.is_array()) {
                issues.push_back({field, "must be a list"});
                continue;
            }
            if (key == "params") read.params.clear();
            else read.points.clear();
            for (const json::Value& item : value.as_array()) {
                if (key == "params" && item.is_string()) read.params.push_back(item.as_string());
                else if (key == "points" && item.is_number() && std::isfinite(item.as_number())) read.points.push_back(item.as_number());
                else issues.push_back({field, key == "params" ? "must be a list of parameter names" : "must be a list of numbers"});
                if (!issues.empty()) break;
            }
        } else {
            issues.push_back({field, "unknown setting"});
        }
    }
    if (issues.empty()) warm = std::move(read);
}

// The earlier trials fit this set-up: the same parameters, every value inside their ranges, scored alike.
void validate_warm_start(const ArenaSetup& s, std::vector<Issue>& issues) {
    const WarmStart& w = s.warm;
    if (w.empty()) return;
    const size_t row = w.params.size() + 1;
    if (w.points.size() % row != 0)
        return issues.push_back(
            {"warm_start.points", "must hold rows of " + std::to_string(row) + " numbers (the parameters, then the value)"});
    if (w.trials() > limits::kMaxWarmTrials)
        return issues.push_back({"warm_start.points", "holds " + std::to_string(w.trials()) + " trials; a warm start takes at most " +
                                                          std::to_string(limits::kMaxWarmTrials)});
    if (w.score != race_score(s))
        issues.push_back({"warm_start.score", "the earlier trials were scored by " + w.score + ", this race by " + race_score(s) +
                                                  ": their values cannot be compared"});
    tune::Space space;
    try {
        space = setup_space(s);
    } catch (const std::invalid_argument&) {
        return;  // the objective or a parameter is refused on its own
    }
    std::string tuned;
    for (const tune::Param& p : space.params()) tuned += (tuned.empty() ? "" : ", ") + p.name;
    std::string earlier;
    for (const std::string& name : w.params) earlier += (earlier.empty() ? "" : ", ") + name;
    if (earlier != tuned)
        return issues.push_back({"warm_start.params", "the earlier trials set " + earlier + "; this race tunes " + tuned +
                                                          ": tune the same hyperparameters, or reuse other trials"});
    try {
        warm_study(w, space);
    } catch (const std::invalid_argument& e) {
        issues.push_back({"warm_start.points", e.what()});
    }
}

}  // namespace

tune::Space setup_space(const ArenaSetup& s) {
    if (!is_network(s)) return tune::make_objective(s.objective)->space();
    std::vector<tune::Param> params;
    for (const TunedParam& p : s.params)
        if (p.tuned) params.push_back(tune::tunable_param(*tune::find_tunable(p.name), p.low, p.high, p.log));
    return tune::Space(std::move(params));
}

std::string race_score(const ArenaSetup& s) { return is_network(s) ? s.metric : s.objective; }

// Every setting tune offers the arena, over its default range; the race starts by tuning the two
// whose effect a learner sees first, the learning rate and the batch size.
ArenaSetup::ArenaSetup() {
    for (const tune::TunableSetting& t : tune::tunable_settings()) {
        if (!t.in_arena) continue;
        const bool categorical = t.kind == tune::ParamKind::categorical;
        params.push_back({t.name, t.name == std::string_view("lr") || t.name == std::string_view("batch"), t.low,
                          categorical ? double(t.choices.size() - 1) : t.high, t.log});
    }
}

bool is_network(const ArenaSetup& setup) { return setup.objective == kNetworkObjective; }

const std::vector<std::string>& arena_strategy_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const tune::Strategy& s : tune::strategies()) out.push_back(s.name);
        return out;
    }();
    return names;
}

const std::vector<std::string>& arena_objective_names() {
    static const std::vector<std::string> names = {kNetworkObjective, "branin", "hartmann6", "rosenbrock", "forrester"};
    return names;
}

const std::vector<double>& arena_paces() {
    static const std::vector<double> paces = {0.5, 1, 2, ArenaSetup::kDefaultPace, 10, 0};
    return paces;
}

const std::vector<std::string>& arena_metric_names() {
    static const std::vector<std::string> names = {"val_loss", "val_accuracy"};
    return names;
}

std::vector<Issue> validate(const ArenaSetup& s) {
    std::vector<Issue> issues;
    if (std::find(arena_objective_names().begin(), arena_objective_names().end(), s.objective) == arena_objective_names().end())
        issues.push_back({"objective", "must be lab, branin, hartmann6, rosenbrock or forrester"});
    if (std::find(arena_metric_names().begin(), arena_metric_names().end(), s.metric) == arena_metric_names().end())
        issues.push_back({"metric", "must be val_loss or val_accuracy"});
    if (is_network(s) && std::none_of(s.params.begin(), s.params.end(), [](const TunedParam& p) { return p.tuned; }))
        issues.push_back({"params", "tune at least one hyperparameter"});
    for (const TunedParam& p : s.params) {
        const tune::TunableSetting& l = *tune::find_tunable(p.name);
        if (l.kind == tune::ParamKind::categorical) continue;
        const std::string field = "params." + p.name;
        if (p.low < l.min || p.low > l.max) issues.push_back({field + ".low", describe_range(l)});
        if (p.high < l.min || p.high > l.max) issues.push_back({field + ".high", describe_range(l)});
        if (!(p.low < p.high)) issues.push_back({field + ".high", "must be larger than the low end"});
        if (p.log && p.low <= 0) issues.push_back({field + ".low", "must be above 0 on a log scale"});
        // A trial cannot train longer than the race's epochs per trial (Hyperband's full length).
        if (p.name == "epochs" && p.tuned && p.high > s.epochs)
            issues.push_back({field + ".high", "must be at most the epochs per trial (" + std::to_string(s.epochs) + ")"});
    }
    if (std::find(arena_paces().begin(), arena_paces().end(), s.pace) == arena_paces().end()) {
        std::string offered;
        for (const double pace : arena_paces()) offered += (offered.empty() ? "" : ", ") + json::format_number(pace);
        issues.push_back({"pace", "must be one of " + offered + " rounds per second (0: fastest)"});
    }
    if (s.at_once < 1 || s.at_once > ArenaSetup::kMaxAtOnce)
        issues.push_back({"at_once", "must be between 1 and " + std::to_string(ArenaSetup::kMaxAtOnce)});
    if (s.strategies.empty()) issues.push_back({"strategies", "choose at least one strategy"});
    validate_warm_start(s, issues);
    for (size_t i = 0; i < s.strategies.size(); ++i) {
        const auto& names = arena_strategy_names();
        if (std::find(names.begin(), names.end(), s.strategies[i]) == names.end())
            issues.push_back({"strategies[" + std::to_string(i) + "]", "unknown strategy"});
        else if (std::find(s.strategies.begin(), s.strategies.begin() + long(i), s.strategies[i]) != s.strategies.begin() + long(i))
            issues.push_back({"strategies[" + std::to_string(i) + "]", "listed twice"});
        else if (tune::find_strategy(s.strategies[i])->multi_objective && !is_network(s))
            issues.push_back({"strategies[" + std::to_string(i) + "]",
                              "trades the score against training cost: race it on the lab's network (a test function costs nothing)"});
        else if (tune::find_strategy(s.strategies[i])->cold && s.warm.empty())
            issues.push_back({"strategies[" + std::to_string(i) + "]",
                              "starts from earlier trials: reuse a finished race's trials or load a study file first"});
        else if (tune::find_strategy(s.strategies[i])->hypergradient && !is_network(s))
            issues.push_back({"strategies[" + std::to_string(i) + "]",
                              "adapts a network's learning rate while it trains: race it on the lab's network (a test function has none)"});
    }
    return issues;
}

json::Value arena_setup_to_json(const ArenaSetup& s) {
    json::Value params = json::Object{};
    for (const TunedParam& p : s.params)
        params[p.name] = json::Object{{"tuned", p.tuned}, {"low", p.low}, {"high", p.high}, {"log", p.log}};
    json::Array strategies(s.strategies.begin(), s.strategies.end());
    return json::Object{{"objective", s.objective}, {"params", std::move(params)}, {"trials", s.trials},
                        {"epochs", s.epochs},       {"metric", s.metric},          {"seed", s.seed},
                        {"repeats", s.repeats},
                        {"strategies", std::move(strategies)}, {"xi", s.xi},      {"kappa", s.kappa},
                        {"noise", s.noise},         {"pace", s.pace},
                        {"parallel", std::string(name(s.parallel))}, {"at_once", s.at_once},
                        {"warm_start", json::Object{{"source", s.warm.source},
                                                    {"score", s.warm.score},
                                                    {"params", json::Array(s.warm.params.begin(), s.warm.params.end())},
                                                    {"points", json::Array(s.warm.points.begin(), s.warm.points.end())}}}};
}

std::vector<Issue> arena_setup_from_json(ArenaSetup& setup, const json::Value& document) {
    if (!document.is_object()) return {{"", "the set-up must be a JSON object"}};
    ArenaSetup s = setup;
    std::vector<Issue> issues;
    static const char* const kKeys[] = {"objective", "params", "trials", "epochs", "metric", "seed", "repeats",
                                        "strategies", "xi", "kappa", "noise", "pace", "parallel", "at_once", "warm_start"};
    for (const auto& member : document.as_object())
        if (std::none_of(std::begin(kKeys), std::end(kKeys), [&](const char* k) { return member.first == k; }))
            issues.push_back({member.first, "unknown setting"});
    if (const json::Value* v = document.find("objective")) {
        if (v->is_string()) s.objective = v->as_string();
        else issues.push_back({"objective", "must be a string"});
    }
    if (const json::Value* v = document.find("metric")) {
        if (v->is_string()) s.metric = v->as_string();
        else issues.push_back({"metric", "must be a string"});
    }
    if (const json::Value* v = document.find("parallel")) {
        const std::optional<tune::ParallelMode> mode = v->is_string() ? parse_enum<tune::ParallelMode>(v->as_string()) : std::nullopt;
        if (mode) s.parallel = *mode;
        else issues.push_back({"parallel", "must be batch_synchronous or asynchronous"});
    }
    if (const json::Value* v = document.find("params")) read_params(*v, s.params, issues);
    if (const json::Value* v = document.find("warm_start")) read_warm_start(*v, s.warm, issues);
    read_number(document, "trials", s.trials, 1, 500, true, issues);
    read_number(document, "epochs", s.epochs, 1, 200, true, issues);
    read_number(document, "seed", s.seed, 0, 1e9, true, issues);
    read_number(document, "repeats", s.repeats, 1, 10, true, issues);
    read_number(document, "xi", s.xi, 0, 10, false, issues);
    read_number(document, "kappa", s.kappa, 0, 10, false, issues);
    read_number(document, "noise", s.noise, 0, 100, false, issues);
    read_number(document, "pace", s.pace, 0, 1000, false, issues);
    read_number(document, "at_once", s.at_once, 1, ArenaSetup::kMaxAtOnce, true, issues);
    if (const json::Value* v = document.find("strategies")) {
        if (!v->is_array()) {
            issues.push_back({"strategies", "must be a list of strategy names"});
        } else {
            s.strategies.clear();
            for (size_t i = 0; i < v->as_array().size(); ++i) {
                const json::Value& name = v->as_array()[i];
                if (name.is_string()) s.strategies.push_back(name.as_string());
                else issues.push_back({"strategies[" + std::to_string(i) + "]", "must be a strategy name"});
            }
        }
    }
    if (issues.empty()) issues = validate(s);
    if (issues.empty()) setup = std::move(s);
    return issues;
}

// ------------------------------------------------------------------------------------------ panel

namespace {

// Joins a categorical setting's choices for display: "sgd · momentum · adam".
std::string choice_list(const tune::TunableSetting& setting) {
    std::string out;
    for (const std::string& choice : setting.choices) out += (out.empty() ? "" : " · ") + choice;
    return out;
}

// The lab objective's candidate hyperparameters: which to tune, and over what range.
void draw_tuned_params(ArenaSetup& s, const std::vector<Issue>& issues, const Translator& tr) {
    ImGui::TextDisabled("%s", tr("Everything else comes from the lab's current settings."));
    for (TunedParam& p : s.params) {
        const tune::TunableSetting& l = *tune::find_tunable(p.name);
        ImGui::PushID(p.name.c_str());
        controls::named("arena.tune." + p.name, ImGui::Checkbox(tr.label(l.label).c_str(), &p.tuned));
        if (p.tuned && l.kind != tune::ParamKind::categorical) {
            const float field = ImGui::GetFontSize() * 5.5f;
            ImGui::SetNextItemWidth(field);
            ImGui::InputDouble("##low", &p.low, 0, 0, "%g");
            ImGui::SameLine(0, 4);
            ImGui::TextUnformatted("–");
            ImGui::SameLine(0, 4);
            ImGui::SetNextItemWidth(field);
            ImGui::InputDouble("##high", &p.high, 0, 0, "%g");
            ImGui::SameLine();
            ImGui::Checkbox(tr.label("log").c_str(), &p.log);
            tooltip(
                tr("Log scale: sample evenly in the exponent, so 0.0001–0.001 gets as many trials as 0.1–1. Right for learning rates and "
                   "penalties."));
            field_issues(issues, "params." + p.name + ".low", tr);
            field_issues(issues, "params." + p.name + ".high", tr);
        } else if (p.tuned) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", choice_list(l).c_str());
        }
        ImGui::PopID();
    }
    field_issues(issues, "params", tr);
}

}  // namespace

const char* arena_strategy_label(const std::string& name, const Translator& tr) {
    const tune::Strategy* strategy = tune::find_strategy(name);
    return strategy ? tr(strategy->label) : name.c_str();
}

void draw_acquisition_sliders(ArenaSetup& s, const Translator& tr, const std::string& prefix, float width) {
    float xi = float(s.xi), kappa = float(s.kappa);
    if (width > 0) ImGui::SetNextItemWidth(width);
    if (slider_float("ξ", xi, 0, 1, "%.3f", 0, prefix + "xi")) s.xi = xi;
    tooltip(tr("ξ (EI, PI): how much improvement over the best to demand. Larger ξ explores more."));
    if (width > 0) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(width);
    }
    if (slider_float("κ", kappa, 0, 5, "%.2f", 0, prefix + "kappa")) s.kappa = kappa;
    tooltip(tr("κ (UCB): how many standard deviations of optimism. Larger κ explores more."));
}

void draw_setup_panel(AppState& app) {
    ArenaState& arena = app.arena;
    ArenaSetup& s = arena.setup;
    const Translator& tr = app.tr;
    const std::vector<Issue>& issues = arena.issues;
    ImGui::PushItemWidth(-ImGui::GetFontSize() * 9);

    if (controls::Section section{"arena.section.objective", tr.label("Objective").c_str(), ImGuiTreeNodeFlags_DefaultOpen}) {
        const char* labels[] = {tr("The lab's network and data"), tr("Branin (2-D test function)"),
                                tr("Hartmann-6 (6-D test function)"), tr("Rosenbrock (2-D test function)"),
                                tr("Forrester (1-D BO example)")};
        const auto& names = arena_objective_names();
        int current = int(std::find(names.begin(), names.end(), s.objective) - names.begin());
        // Its own ID: the collapsing header above has the same label.
        ImGui::PushID("objective");
        if (named_combo(tr.label("Objective").c_str(), current, labels, names, "arena.objective")) s.objective = names[size_t(current)];
        ImGui::PopID();
        tooltip(
            tr("What the strategies minimize. Training the lab's network takes a moment per trial; a test function is instant and its true "
               "landscape is known, so you can see where each strategy looked."));
        if (is_network(s)) {
            const char* metrics[] = {tr("Validation loss"), tr("Validation accuracy")};
            const auto& metric_names = arena_metric_names();
            int metric = int(std::find(metric_names.begin(), metric_names.end(), s.metric) - metric_names.begin());
            if (named_combo(tr.label("Score").c_str(), metric, metrics, metric_names, "arena.metric"))
                s.metric = metric_names[size_t(metric)];
            tooltip(
                tr("What each trial is judged by, at its last epoch. Accuracy is what a classifier is for, but it moves in steps; the loss "
                   "is smoother and also rewards confidence. With accuracy, the plots show the validation error (1 − accuracy), so lower "
                   "is still better."));
            field_issues(issues, "metric", tr);
        }
        if (!is_network(s)) {
            const double zero = 0, one = 1;
            ImGui::SliderScalar(tr.label("Noise").c_str(), ImGuiDataType_Double, &s.noise, &zero, &one, "%.2f");
            controls::name_item("arena.noise");
            tooltip(
                tr("Adds random noise to every evaluation, like the randomness of real training. Noise blunts the edge of model-based "
                   "strategies."));
        }
    }

    if (is_network(s)) {
        if (controls::Section section{"arena.section.params", tr.label("Hyperparameters to tune").c_str(), ImGuiTreeNodeFlags_DefaultOpen})
            draw_tuned_params(s, issues, tr);
    }

    if (controls::Section section{"arena.section.budget", tr.label("Budget").c_str(), ImGuiTreeNodeFlags_DefaultOpen}) {
        slider_int(tr.label("Trials per strategy").c_str(), s.trials, 4, 100, "arena.trials");
        if (is_network(s)) {
            slider_int(tr.label("Epochs per trial").c_str(), s.epochs, 1, 50, "arena.epochs");
            tooltip(tr("Each trial trains the network this long. Hyperband uses it as the full length and stops weak trials earlier."));
        }
        if (is_network(s)) {
            const char* modes[] = {tr("As workers come free"), tr("In rounds")};
            static const std::vector<std::string> mode_names(enum_names<tune::ParallelMode>.begin(), enum_names<tune::ParallelMode>.end());
            int mode = int(s.parallel);
            if (named_combo(tr.label("Trials in workers").c_str(), mode, modes, mode_names, "arena.parallel"))
                s.parallel = tune::ParallelMode(mode);
            tooltip(
                tr("When background workers train the trials: in rounds, every strategy starts its next trials once the round is over, "
                   "so a worker may wait for the round's slowest trial; as workers come free, a free worker takes the next trial at "
                   "once. In rounds a seed gives the same trials whatever the timing; as workers come free, so does one trial at once "
                   "per strategy, but with several the next proposal depends on which trial ended first (the race records that order)."));
        }
        slider_int(tr.label("Trials at once").c_str(), s.at_once, 1, ArenaSetup::kMaxAtOnce, "arena.at_once");
        tooltip(
            tr("How many trials each strategy keeps running at once: in background workers if there are any, else in turns in the "
               "page. BO and TPE then propose while trials are still running: BO averages over guesses its model draws of their "
               "scores, TPE counts each at the worst score so far (a constant liar), so simultaneous proposals spread out instead of "
               "piling onto one point."));
        field_issues(issues, "at_once", tr);
        slider_int(tr.label("Seed").c_str(), s.seed, 0, 100, "arena.seed");
        slider_int(tr.label("Repeat over seeds").c_str(), s.repeats, 1, 5, "arena.repeats");
        tooltip(tr("Runs the whole race with several seeds and shows the mean and spread: one lucky run proves little."));
    }

    if (controls::Section section{"arena.section.strategies", tr.label("Strategies").c_str(), ImGuiTreeNodeFlags_DefaultOpen}) {
        for (const std::string& name : arena_strategy_names()) {
            if (tune::find_strategy(name)->cold) continue;  // in the warm start's section
            auto it = std::find(s.strategies.begin(), s.strategies.end(), name);
            bool on = it != s.strategies.end();
            ImGui::PushID(name.c_str());
            const bool changed = controls::named("arena.strategy." + name, ImGui::Checkbox(arena_strategy_label(name, tr), &on));
            ImGui::PopID();
            if (changed) {
                if (on) s.strategies.push_back(name);
                else s.strategies.erase(it);
            }
            tooltip(tr(tune::find_strategy(name)->help));
        }
        field_issues(issues, "strategies", tr);
        if (const int bracket = hyperband_bracket_size(s); bracket > s.trials) {
            char warning[256];
            std::snprintf(warning, sizeof warning,
                          tr("Hyperband's first bracket needs %d trials, more than %d: it would never finish one. Give it more trials, or "
                             "compare at equal epochs."),
                          bracket, s.trials);
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.40f, 0.0f, 1));
            wrapped_text(warning);
            ImGui::PopStyleColor();
        }
        draw_acquisition_sliders(s, tr, "arena.");
    }
    draw_warm_start_section(app);
    ImGui::PopItemWidth();
    arena.issues = validate(s);
}

}  // namespace tunelab::ui
