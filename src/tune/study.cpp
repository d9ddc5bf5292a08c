#include "tune/study.h"

#include <algorithm>
#include <cmath>
#include <charconv>
#include <stdexcept>

#include "core/limits.h"

namespace tunelab::tune {

namespace {

[[noreturn]] void bad(const std::string& what) { throw std::invalid_argument("study JSON: " + what); }

const json::Value& member(const json::Value& object, const char* key) {
    const json::Value* v = object.find(key);
    if (!v) bad(std::string("missing \"") + key + "\"");
    return *v;
}

double number(const json::Value& object, const char* key) {
    const json::Value& v = member(object, key);
    if (!v.is_number()) bad(std::string("\"") + key + "\" must be a number");
    return v.as_number();
}

// A whole number in [low, high]: counts and indices from a file must not overflow an int or index
// past what the study holds.
int integer(const json::Value& object, const char* key, int low, int high) {
    const double v = number(object, key);
    if (v != std::floor(v) || v < low || v > high)
        bad(std::string("\"") + key + "\" must be a whole number from " + std::to_string(low) + " to " + std::to_string(high));
    return int(v);
}

// A loaded value must be one the space could have produced.
void check_value(const Space& space, size_t i, double value) {
    if (!space.holds(i, value))
        bad("parameter '" + space.params()[i].name + "' = " + json::format_number(value) + " is outside its range");
}

const std::string& text(const json::Value& object, const char* key) {
    const json::Value& v = member(object, key);
    if (!v.is_string()) bad(std::string("\"") + key + "\" must be a string");
    return v.as_string();
}

json::Value numbers(const std::vector<double>& xs) {
    json::Array out;
    for (double x : xs) out.emplace_back(x);
    return out;
}

// `most` bounds a list whose length has a meaning (one value per epoch); others are bounded by the
// JSON parser's limits alone.
std::vector<double> numbers(const json::Value& array, size_t most = SIZE_MAX, const char* what = "") {
    if (!array.is_array()) bad("expected an array of numbers");
    if (array.as_array().size() > most)
        bad(std::string(what) + " has " + std::to_string(array.as_array().size()) + " entries; the limit is " + std::to_string(most));
    std::vector<double> out;
    for (const auto& v : array.as_array()) out.push_back(v.is_number() ? v.as_number() : NAN);  // null: NaN
    return out;
}

// A saved trial's spans: [worker, start, end], each ended (end ≥ start ≥ 0, finite), one after
// another; at most one per epoch it could have trained.
std::vector<TrialSpan> read_spans(const json::Value& array, int number) {
    const std::string trial = "trial " + std::to_string(number) + ": ";
    if (!array.is_array()) bad(trial + "\"spans\" must be an array of [worker, start, end]");
    if (array.as_array().size() > size_t(limits::kMaxEpochs))
        bad(trial + std::to_string(array.as_array().size()) + " spans; the limit is " + limits::describe_count(limits::kMaxEpochs));
    std::vector<TrialSpan> spans;
    for (const json::Value& v : array.as_array()) {
        const std::string which = trial + "span " + std::to_string(spans.size()) + " ";
        if (!v.is_array() || v.as_array().size() != 3 || !std::all_of(v.as_array().begin(), v.as_array().end(), [](const json::Value& x) {
                return x.is_number() && std::isfinite(x.as_number());
            }))
            bad(which + "must be [worker, start, end], three numbers");
        const double worker = v.as_array()[0].as_number(), start = v.as_array()[1].as_number(), end = v.as_array()[2].as_number();
        if (worker != std::floor(worker) || worker < -1 || worker > 1 << 30)
            bad(which + "names its worker by a whole number from -1 (none) to " + std::to_string(1 << 30));
        if (start < 0) bad(which + "starts before its runner's clock (at " + json::format_number(start) + " s)");
        if (end < start)
            bad(which + "ends (at " + json::format_number(end) + " s) before it starts (at " + json::format_number(start) + " s)");
        if (!spans.empty() && start < spans.back().end) bad(which + "starts before the span before it ended");
        spans.push_back({int(worker), start, end});
    }
    return spans;
}

std::vector<std::string> strings(const json::Value& array) {
    if (!array.is_array()) bad("expected an array of strings");
    if (array.as_array().size() > size_t(limits::kMaxChoices))
        bad("a list of " + std::to_string(array.as_array().size()) + " choices; the limit is " + std::to_string(limits::kMaxChoices));
    std::vector<std::string> out;
    for (const auto& v : array.as_array()) {
        if (!v.is_string()) bad("expected an array of strings");
        out.push_back(v.as_string());
    }
    return out;
}

}  // namespace

Study::Study(Space space, Direction direction, uint64_t seed, std::vector<Measure> objectives)
    : space_(std::move(space)), direction_(direction), objectives_(std::move(objectives)), seed_(seed) {
    const bool known = objectives_ == std::vector<Measure>{Measure::value} ||
                       objectives_ == std::vector<Measure>{Measure::value, Measure::flops};
    if (!known) throw std::invalid_argument("a study's objectives are [value] or [value, flops]");
}

std::vector<Direction> Study::directions() const {
    std::vector<Direction> out(objectives_.size(), Direction::minimize);
    out.front() = direction_;
    return out;
}

Trial& Study::start(const Proposal& proposal) {
    if (proposal.resume >= 0) {
        Trial& t = trials_.at(size_t(proposal.resume));
        t.status = TrialStatus::running;
        t.budget = proposal.budget;
        t.rung = proposal.rung;
        return t;
    }
    Trial t;
    t.number = next_number_++;
    t.params = proposal.params;
    t.budget = proposal.budget;
    t.bracket = proposal.bracket;
    t.rung = proposal.rung;
    t.source = proposal.source;
    t.sampler_state = proposal.sampler_state;
    trials_.push_back(std::move(t));
    return trials_.back();
}

void Study::report(int number, double intermediate_value) {
    trials_.at(size_t(number)).intermediate.push_back(intermediate_value);
}

void Study::add_cost(int number, Cost cost) {
    Trial& t = trials_.at(size_t(number));
    t.cost.seconds += cost.seconds;
    t.cost.flops += cost.flops;
}

void Study::tell(int number, TrialStatus status, std::optional<double> value) {
    Trial& t = trials_.at(size_t(number));
    if (status == TrialStatus::pruned && !value && !t.intermediate.empty()) value = t.intermediate.back();
    t.status = status;
    t.value = (status == TrialStatus::complete || status == TrialStatus::pruned) ? value : std::nullopt;
    // An infinite value could be neither ranked nor saved (JSON writes it as null, refused on load).
    if (t.value && !std::isfinite(*t.value)) t.value.reset();
    if (t.finished() && !t.value) t.status = TrialStatus::failed;  // nothing to rank it by
}

void Study::span_start(int number, double seconds) { trials_.at(size_t(number)).spans.push_back({-1, seconds}); }

void Study::span_end(int number, double seconds, int worker) {
    Trial& t = trials_.at(size_t(number));
    if (t.spans.empty()) return;
    t.spans.back().end = seconds;
    t.spans.back().worker = worker;
}

const Trial* Study::best() const {
    const Trial* best = nullptr;
    for (const Trial& t : trials_)
        if (t.status == TrialStatus::complete && (!best || better(*t.value, *best->value))) best = &t;
    return best;
}

std::vector<double> Study::best_so_far() const {
    std::vector<double> series;
    double best = NAN;
    for (const Trial& t : trials_) {
        if (t.status == TrialStatus::complete && (std::isnan(best) || better(*t.value, best))) best = *t.value;
        series.push_back(best);
    }
    return series;
}

Study Study::with_trials(std::vector<Trial> trials, std::optional<Direction> value_direction) const {
    Study copy = value_direction ? Study(space_, *value_direction, seed_) : Study(space_, direction_, seed_, objectives_);
    copy.trials_ = std::move(trials);
    copy.next_number_ = next_number_;
    return copy;
}

Rng Study::rng_for(int number, uint64_t purpose) const {
    return Rng(seed_ ^ (purpose * 0x9e3779b97f4a7c15ULL), uint64_t(number));
}

json::Value space_to_json(const Space& space) {
    json::Array params;
    for (const Param& p : space.params()) {
        json::Value v = json::Object{};
        v["name"] = p.name;
        v["type"] = name(p.kind);
        if (p.kind == ParamKind::categorical) {
            json::Array choices(p.choices.begin(), p.choices.end());
            v["choices"] = choices;
        } else {
            v["low"] = p.low;
            v["high"] = p.high;
            v["log"] = p.log;
        }
        if (!p.parent.empty()) {
            v["parent"] = p.parent;
            v["when"] = json::Array(p.when.begin(), p.when.end());
        }
        params.push_back(std::move(v));
    }
    return params;
}

Space space_from_json(const json::Value& value) {
    if (!value.is_array()) bad("a space is an array of parameters");
    if (value.as_array().size() > size_t(limits::kMaxSpaceParams))
        bad("a space of " + std::to_string(value.as_array().size()) + " parameters; the limit is " +
            std::to_string(limits::kMaxSpaceParams));
    std::vector<Param> params;
    for (const auto& v : value.as_array()) {
        if (!v.is_object()) bad("each parameter is an object");
        const std::string& name = text(v, "name");
        const std::string& type = text(v, "type");
        Param p;
        if (type == "categorical") {
            p = Param::categorical(name, strings(member(v, "choices")));
        } else if (type == "float" || type == "int") {
            const json::Value* log = v.find("log");
            bool is_log = log && log->is_bool() && log->as_bool();
            double low = number(v, "low"), high = number(v, "high");
            p = type == "int" ? Param::integer(name, low, high, is_log) : Param::real(name, low, high, is_log);
        } else {
            throw std::invalid_argument("parameter '" + name + "': unknown type '" + type +
                                        "' (float, int or categorical)");
        }
        if (v.find("parent")) p.only_when(text(v, "parent"), strings(member(v, "when")));
        params.push_back(std::move(p));
    }
    return Space(std::move(params));
}

json::Value params_to_json(const Space& space, const Values& values) {
    json::Value out = json::Object{};
    for (size_t i = 0; i < space.size(); ++i) {
        if (!is_active(values[i])) continue;
        if (space.params()[i].kind == ParamKind::categorical) out[space.params()[i].name] = space.format(i, values[i]);
        else out[space.params()[i].name] = values[i];
    }
    return out;
}

json::Value spans_to_json(const std::vector<TrialSpan>& spans) {
    json::Array out;
    for (const TrialSpan& span : spans) out.push_back(json::Array{span.worker, span.start, span.end});
    return out;
}

json::Value Study::to_json(bool timings) const {
    json::Value out = json::Object{};
    out["direction"] = name(direction_);
    if (multi_objective()) {  // a single-objective study is saved as before
        json::Array objectives;
        for (Measure m : objectives_) objectives.emplace_back(std::string(name(m)));
        out["objectives"] = std::move(objectives);
    }
    out["seed"] = std::to_string(seed_);  // a string: JSON numbers hold only 53 bits exactly
    out["space"] = space_to_json(space_);
    json::Array trials;
    for (const Trial& t : trials_) {
        json::Value v = json::Object{};
        v["number"] = t.number;
        v["params"] = params_to_json(space_, t.params);
        v["status"] = name(t.status);
        v["value"] = t.value ? json::Value(*t.value) : json::Value(nullptr);
        v["intermediate"] = numbers(t.intermediate);
        v["seconds"] = t.cost.seconds;
        v["flops"] = t.cost.flops;
        v["budget"] = t.budget;
        v["bracket"] = t.bracket;
        v["rung"] = t.rung;
        v["source"] = t.source;
        v["sampler_state"] = numbers(t.sampler_state);
        if (timings) {
            std::vector<TrialSpan> ended = t.spans;
            std::erase_if(ended, [](const TrialSpan& span) { return span.end < 0; });
            v["spans"] = spans_to_json(ended);
        }
        trials.push_back(std::move(v));
    }
    out["trials"] = std::move(trials);
    // The prior observations as a study of their own (with_trials leaves its warm start out), so a
    // saved warm study resumes with the same proposals.
    if (!warm_start_.empty()) out["warm_start"] = with_trials(warm_start_).to_json();
    return out;
}

Study Study::from_json(const json::Value& value) {
    if (!value.is_object()) bad("expected an object");
    const std::optional<Direction> direction = parse_enum<Direction>(text(value, "direction"));
    if (!direction) bad("direction is minimize or maximize");
    // Digits only: stoull would take "-1" as 2⁶⁴ − 1, " +7" as 7 and "12abc" as 12.
    const std::string& seed_text = text(value, "seed");
    uint64_t seed = 0;
    const auto [end, error] = std::from_chars(seed_text.data(), seed_text.data() + seed_text.size(), seed);
    if (seed_text.empty() || seed_text[0] < '0' || seed_text[0] > '9' || error != std::errc() ||
        end != seed_text.data() + seed_text.size())
        bad("seed must be a string of decimal digits from \"0\" to \"18446744073709551615\", not " + limits::quote(seed_text));
    std::vector<Measure> objectives = {Measure::value};
    if (const json::Value* listed = value.find("objectives")) {
        const std::vector<std::string> names = strings(*listed);
        objectives.clear();
        for (const std::string& n : names) {
            const std::optional<Measure> m = parse_enum<Measure>(n);
            if (!m) bad("unknown objective " + limits::quote(n) + " (" + allowed_names<Measure>() + ")");
            objectives.push_back(*m);
        }
        if (objectives != std::vector<Measure>{Measure::value} && objectives != std::vector<Measure>{Measure::value, Measure::flops})
            bad("\"objectives\" is [\"value\"] or [\"value\", \"flops\"]");
    }
    Study study(space_from_json(member(value, "space")), *direction, seed, std::move(objectives));
    const json::Value& trials = member(value, "trials");
    if (!trials.is_array()) bad("\"trials\" must be an array");
    if (trials.as_array().size() > size_t(limits::kMaxTrials))
        bad(std::to_string(trials.as_array().size()) + " trials; the limit is " + limits::describe_count(limits::kMaxTrials));
    for (const auto& v : trials.as_array()) {
        if (!v.is_object()) bad("each trial is an object");
        Trial t;
        t.number = integer(v, "number", 0, 1 << 30);
        if (t.number != study.next_number_) bad("trials must be numbered 0, 1, 2, ... in order");
        const json::Value& params = member(v, "params");
        if (!params.is_object()) bad("a trial's \"params\" is an object");
        if (params.as_object().size() > study.space_.size())
            bad("trial " + std::to_string(t.number) + ": more parameters than the search space has");
        for (size_t i = 0; i < study.space_.size(); ++i) {
            const json::Value* p = params.find(study.space_.params()[i].name);
            if (!p) t.params.push_back(kInactive);
            else if (p->is_string()) t.params.push_back(study.space_.parse(i, p->as_string()));
            else if (p->is_number()) t.params.push_back(p->as_number());
            else bad("parameter values are numbers or choice names");
            if (is_active(t.params[i])) check_value(study.space_, i, t.params[i]);
        }
        for (size_t i = 0; i < study.space_.size(); ++i)
            if (study.space_.active(i, t.params) != is_active(t.params[i]))
                bad("trial " + std::to_string(t.number) + ": parameter '" + study.space_.params()[i].name +
                    (is_active(t.params[i]) ? "' is set although its condition does not hold" : "' is missing"));
        auto status = parse_enum<TrialStatus>(text(v, "status"));
        if (!status) bad("unknown trial status '" + text(v, "status") + "'");
        t.status = *status;
        // Complete and pruned trials are ranked by their value; failed and diverged ones have none; a
        // running one keeps the value of the rung it was promoted from.
        const json::Value& value = member(v, "value");
        const bool running = t.status == TrialStatus::running;
        if (t.finished() ? !value.is_number() : !running && !value.is_null())
            bad("trial " + std::to_string(t.number) + ": a " + text(v, "status") + " trial's \"value\" must be " +
                (t.finished() ? "a number" : "null"));
        if (!value.is_null() && !value.is_number()) bad("trial " + std::to_string(t.number) + ": \"value\" must be a number or null");
        if (value.is_number()) t.value = value.as_number();
        t.intermediate = numbers(member(v, "intermediate"), size_t(limits::kMaxEpochs), "\"intermediate\" (one value per epoch)");
        t.sampler_state = numbers(member(v, "sampler_state"));
        // What a sampler noted (the GP's hyperparameters, CMA-ES's state) is finite: a null in it is damage.
        for (double x : t.sampler_state)
            if (!std::isfinite(x)) bad("\"sampler_state\" must hold finite numbers");
        t.cost = {number(v, "seconds"), number(v, "flops")};
        t.budget = integer(v, "budget", 0, 1 << 30);
        t.bracket = integer(v, "bracket", -1, t.number);  // brackets run in order, each with a trial
        t.rung = integer(v, "rung", -1, 30);              // η ≥ 2 and R fits an int: at most 30 rungs
        t.source = text(v, "source");
        if (const json::Value* spans = v.find("spans")) t.spans = read_spans(*spans, t.number);
        study.trials_.push_back(std::move(t));
        study.next_number_++;
    }
    if (const json::Value* earlier = value.find("warm_start")) {
        if (earlier->find("warm_start")) bad("a warm start's earlier study has no warm start of its own");
        study.warm_start_from(from_json(*earlier));
    }
    return study;
}

void Study::warm_start_from(const Study& earlier) {
    if (multi_objective() || earlier.multi_objective())
        throw std::invalid_argument("warm-starting takes single-objective studies; one of them has several objectives");
    if (earlier.direction_ != direction_)
        throw std::invalid_argument("the earlier study " + std::string(name(earlier.direction_)) + "s its value, this one " +
                                    std::string(name(direction_)) + "s it: their values cannot be compared");
    const json::Value mine = space_to_json(space_), theirs = space_to_json(earlier.space_);
    if (!(mine == theirs))
        throw std::invalid_argument("the earlier study searched another space: " + theirs.dump() + ", not " + mine.dump() +
                                    " (warm-starting needs the same parameters and ranges)");
    warm_start_.clear();
    for (const Trial& t : earlier.trials_)
        if (t.finished() || t.status == TrialStatus::diverged) warm_start_.push_back(t);
}

std::string Study::to_csv() const {
    std::string csv = "number,status,value";
    for (const Param& p : space_.params()) csv.append(",").append(p.name);
    csv += ",epochs_trained,seconds,flops,rung\n";  // not "epochs": a tuned epochs is a parameter column
    for (const Trial& t : trials_) {
        csv.append(std::to_string(t.number)).append(",").append(name(t.status)).append(",");
        if (t.value) csv += json::format_number(*t.value);
        for (size_t i = 0; i < space_.size(); ++i) {
            csv += ',';
            if (is_active(t.params[i])) csv += space_.format(i, t.params[i]);
        }
        csv.append(",").append(std::to_string(t.intermediate.size()));
        csv.append(",").append(json::format_number(t.cost.seconds));
        csv.append(",").append(json::format_number(t.cost.flops));
        csv.append(",").append(std::to_string(t.rung)).append("\n");
    }
    return csv;
}

std::string Study::to_csv_block(const std::string& strategy) const {
    return "# " + strategy + " (seed " + std::to_string(seed_) + ")\n" + to_csv();
}

}  // namespace tunelab::tune
