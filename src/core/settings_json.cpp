#include "core/settings_json.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <type_traits>

#include "core/limits.h"

namespace tunelab {
namespace {

// The one list of fields per settings struct. `visit(name, field)` is called for every field;
// nested structs go through `visit.object(name, fn)` and layer lists through `visit.list(name, list,
// most entries)`.
template <typename Visitor>
void visit_fields(Visitor& visit, ExtraFeatures& f) {
    visit("x_squared", f.x_squared);
    visit("y_squared", f.y_squared);
    visit("x_times_y", f.x_times_y);
    visit("sin_x", f.sin_x);
    visit("sin_y", f.sin_y);
}

template <typename Visitor>
void visit_fields(Visitor& visit, DataConfig& c) {
    visit("kind", c.kind);
    visit("size", c.size);
    visit("noise", c.noise);
    visit("seed", c.seed);
    visit("validation_ratio", c.validation_ratio);
    visit("preprocessing", c.preprocessing);
    visit.object("extra", c.extra);
    visit("csv_text", c.csv_text);
    visit("target_column", c.target_column);
    visit("csv_task", c.csv_task);
    visit("drop_missing", c.drop_missing);
    visit("decimal_comma", c.decimal_comma);
}

template <typename Visitor>
void visit_fields(Visitor& visit, LayerConfig& layer) {
    visit("units", layer.units);
    visit("activation", layer.activation);
    visit("dropout", layer.dropout);
}

template <typename Visitor>
void visit_fields(Visitor& visit, ModelConfig& m) {
    visit.list("hidden", m.hidden, limits::kMaxHiddenLayers);
    visit("output", m.output);
    visit("loss", m.loss);
    visit("init", m.init);
    visit("init_scale", m.init_scale);
}

template <typename Visitor>
void visit_fields(Visitor& visit, OptimizerConfig& o) {
    visit("kind", o.kind);
    visit("momentum", o.momentum);
    visit("rho", o.rho);
    visit("beta1", o.beta1);
    visit("beta2", o.beta2);
    visit("epsilon", o.epsilon);
    visit("weight_decay", o.weight_decay);
    visit("hypergradient", o.hypergradient);
    visit("hypergradient_beta", o.hypergradient_beta);
}

template <typename Visitor>
void visit_fields(Visitor& visit, LrSchedule& s) {
    visit("kind", s.kind);
    visit("lr", s.lr);
    visit("power", s.power);
    visit("step_epochs", s.step_epochs);
    visit("gamma", s.gamma);
    visit("warmup_epochs", s.warmup_epochs);
}

template <typename Visitor>
void visit_fields(Visitor& visit, BatchSchedule& b) {
    visit("size", b.size);
    visit("growth", b.growth);
}

template <typename Visitor>
void visit_fields(Visitor& visit, TrainConfig& c) {
    visit.object("model", c.model);
    visit.object("optimizer", c.optimizer);
    visit.object("lr", c.lr);
    visit.object("batch", c.batch);
    visit("epochs", c.epochs);
    visit("l1", c.l1);
    visit("l2", c.l2);
    visit("patience", c.patience);
    visit("seed", c.seed);
}

template <typename T>
constexpr bool is_enum_v = std::is_enum_v<T>;

struct Writer {
    json::Value out;

    template <typename T>
    void operator()(const char* name, T& field) {
        if constexpr (is_enum_v<T>) {
            out[name] = std::string(tunelab::name(field));
        } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::string>) {
            out[name] = field;
        } else if constexpr (std::is_same_v<T, uint64_t>) {
            // Seeds: a number while a double holds it exactly, else its digits as a string.
            if (double(field) <= limits::kMaxExactInteger) out[name] = double(field);
            else out[name] = std::to_string(field);
        } else {
            out[name] = double(field);
        }
    }
    template <typename S>
    void object(const char* name, S& nested) {
        Writer inner;
        visit_fields(inner, nested);
        out[name] = inner.out.is_null() ? json::Value(json::Object{}) : inner.out;
    }
    template <typename S>
    void list(const char* name, std::vector<S>& items, int) {
        json::Array array;
        for (S& item : items) {
            Writer inner;
            visit_fields(inner, item);
            array.push_back(inner.out);
        }
        out[name] = json::Value(std::move(array));
    }
};

struct Reader {
    const json::Value& in;
    std::string path;  // "model.hidden[1]." — prefix for issue fields
    std::vector<Issue>& issues;
    std::set<std::string> seen;

    void refuse(const char* name, const std::string& message) { issues.push_back({path + name, message}); }

    template <typename T>
    void operator()(const char* name, T& field) {
        const json::Value* value = in.find(name);
        seen.insert(name);
        if (!value) return;
        if constexpr (is_enum_v<T>) {
            auto parsed = value->is_string() ? parse_enum<T>(value->as_string()) : std::nullopt;
            if (parsed) field = *parsed;
            else refuse(name, "must be one of: " + allowed_names<T>());
        } else if constexpr (std::is_same_v<T, bool>) {
            if (value->is_bool()) field = value->as_bool();
            else refuse(name, "must be true or false");
        } else if constexpr (std::is_same_v<T, std::string>) {
            if (value->is_string()) field = value->as_string();
            else refuse(name, "must be a string");
        } else if constexpr (std::is_same_v<T, uint64_t>) {
            read_seed(name, *value, field);
        } else if constexpr (std::is_integral_v<T>) {
            const double low = std::max(double(std::numeric_limits<T>::min()), -limits::kMaxExactInteger);
            const double high = std::min(double(std::numeric_limits<T>::max()), limits::kMaxExactInteger);
            double number = value->is_number() ? value->as_number() : NAN;
            bool whole = std::isfinite(number) && number == std::floor(number);
            if (whole && number >= low && number <= high) field = static_cast<T>(number);
            else refuse(name, "must be a whole number from " + limits::describe_count(low) + " to " + limits::describe_count(high));
        } else {
            if (value->is_number()) field = value->as_number();
            else refuse(name, "must be a number");
        }
    }

    // A seed (64 bits) is a whole JSON number up to 2⁵³ − 1, the largest a double holds exactly
    // (double(UINT64_MAX) rounds up to 2⁶⁴: a `<=` check would pass it and the cast overflow), or
    // a string of decimal digits for the full range, as the writer gives seeds above 2⁵³.
    void read_seed(const char* name, const json::Value& value, uint64_t& field) {
        uint64_t seed = 0;
        bool ok = false;
        if (value.is_number()) {
            const double number = value.as_number();
            ok = number >= 0 && number <= limits::kMaxExactInteger && number == std::floor(number);
            seed = ok ? uint64_t(number) : 0;
        } else if (value.is_string()) {
            const std::string& digits = value.as_string();
            const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), seed);
            ok = !digits.empty() && digits[0] >= '0' && digits[0] <= '9' && error == std::errc() &&
                 end == digits.data() + digits.size();
        }
        if (ok) field = seed;
        else refuse(name, "must be a whole number from 0 to 9007199254740991, or a string of decimal digits up to "
                          "18446744073709551615");
    }

    template <typename S>
    void object(const char* name, S& nested) {
        seen.insert(name);
        if (const json::Value* value = in.find(name)) read_into(*value, path + name + ".", nested, issues);
    }

    template <typename S>
    void list(const char* name, std::vector<S>& items, int max_items) {
        seen.insert(name);
        const json::Value* value = in.find(name);
        if (!value) return;
        if (!value->is_array()) {
            refuse(name, "must be a list");
            return;
        }
        if (value->as_array().size() > size_t(max_items)) {
            refuse(name, "has " + limits::describe_count(double(value->as_array().size())) + " entries; the limit is " +
                             std::to_string(max_items));
            return;
        }
        // A list replaces the whole list; each entry starts from the default item.
        std::vector<S> replaced;
        const json::Array& array = value->as_array();
        for (size_t i = 0; i < array.size(); ++i) {
            S item{};
            read_into(array[i], path + name + "[" + std::to_string(i) + "].", item, issues);
            replaced.push_back(item);
        }
        items = std::move(replaced);
    }

    template <typename S>
    static void read_into(const json::Value& value, const std::string& path, S& target, std::vector<Issue>& issues) {
        if (!value.is_object()) {
            issues.push_back({path.substr(0, path.size() - 1), "must be an object"});
            return;
        }
        Reader reader{value, path, issues, {}};
        visit_fields(reader, target);
        for (const auto& [key, unused] : value.as_object())
            if (!reader.seen.count(key)) issues.push_back({path + key, "unknown setting"});
    }
};

template <typename Config>
json::Value write(const Config& config) {
    Writer writer;
    visit_fields(writer, const_cast<Config&>(config));  // the writer only reads
    return writer.out;
}

template <typename Config>
std::vector<Issue> update(Config& config, const json::Value& document) {
    std::vector<Issue> issues;
    Config updated = config;
    Reader::read_into(document, "", updated, issues);
    if (issues.empty()) config = std::move(updated);
    return issues;
}

}  // namespace

json::Value to_json(const DataConfig& config) { return write(config); }
json::Value to_json(const TrainConfig& config) { return write(config); }
std::vector<Issue> update_from_json(DataConfig& config, const json::Value& document) { return update(config, document); }
std::vector<Issue> update_from_json(TrainConfig& config, const json::Value& document) { return update(config, document); }

}  // namespace tunelab
