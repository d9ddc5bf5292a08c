#include "tune/space.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <stdexcept>
#include <utility>

#include "core/limits.h"

namespace tunelab::tune {

Param Param::real(std::string name, double low, double high, bool log) {
    return Param{std::move(name), ParamKind::real, low, high, log, {}, {}, {}};
}

Param Param::integer(std::string name, double low, double high, bool log) {
    return Param{std::move(name), ParamKind::integer, low, high, log, {}, {}, {}};
}

Param Param::categorical(std::string name, std::vector<std::string> choices) {
    return Param{std::move(name), ParamKind::categorical, 0, 0, false, std::move(choices), {}, {}};
}

Param& Param::only_when(std::string parent_name, std::vector<std::string> parent_choices) {
    parent = std::move(parent_name);
    when = std::move(parent_choices);
    return *this;
}

namespace {

[[noreturn]] void refuse(const Param& p, const std::string& why) {
    throw std::invalid_argument("parameter '" + p.name + "': " + why);
}

void validate(const Param& p) {
    if (p.name.empty()) throw std::invalid_argument("a parameter has no name");
    if (p.when.size() > size_t(limits::kMaxChoices)) refuse(p, "its condition lists more choices than a parameter may have");
    if (p.kind == ParamKind::categorical) {
        if (p.choices.empty()) refuse(p, "needs at least one choice");
        if (p.choices.size() > size_t(limits::kMaxChoices))
            refuse(p, "has " + std::to_string(p.choices.size()) + " choices; the limit is " + std::to_string(limits::kMaxChoices));
        return;
    }
    if (!std::isfinite(p.low) || !std::isfinite(p.high)) refuse(p, "bounds must be finite numbers");
    if (!(p.low < p.high)) refuse(p, "needs low < high");
    // Samplers work in the unit interval: high − low must be a finite double too (±1e308 is not).
    if (!std::isfinite(p.high - p.low)) refuse(p, "its range is wider than a double holds");
    if (p.kind == ParamKind::integer && (std::fabs(p.low) > limits::kMaxExactInteger || std::fabs(p.high) > limits::kMaxExactInteger))
        refuse(p, "integer bounds must lie within ±9007199254740991 (2^53 - 1), where doubles are exact");
    if (p.log && !(p.low > 0)) refuse(p, "a log-scaled range needs low > 0");
    if (p.kind == ParamKind::integer && (p.low != std::round(p.low) || p.high != std::round(p.high)))
        refuse(p, "integer bounds must be whole numbers");
}

// Each integer owns an equal slice of the unit interval: [low - 1/2, high + 1/2], in log space for a
// log parameter (low >= 1 there, so low - 1/2 > 0).
std::pair<double, double> int_range(const Param& p) {
    if (p.log) return {std::log(p.low - 0.5), std::log(p.high + 0.5)};
    return {p.low - 0.5, p.high + 0.5};
}

}  // namespace

Space::Space(std::vector<Param> params) : params_(std::move(params)) {
    if (params_.size() > size_t(limits::kMaxSpaceParams))
        throw std::invalid_argument("a space of " + std::to_string(params_.size()) + " parameters; the limit is " +
                                    std::to_string(limits::kMaxSpaceParams));
    for (size_t i = 0; i < params_.size(); ++i) {
        const Param& p = params_[i];
        validate(p);
        for (size_t j = 0; j < i; ++j)
            if (params_[j].name == p.name) refuse(p, "appears twice");
        int parent = -1;
        if (!p.parent.empty()) {
            // Parents come first, so decoding can settle activity in one pass.
            for (size_t j = 0; j < i; ++j)
                if (params_[j].name == p.parent) parent = int(j);
            if (parent < 0 || params_[size_t(parent)].kind != ParamKind::categorical)
                refuse(p, "its condition needs an earlier categorical parameter '" + p.parent + "'");
            if (p.when.empty()) refuse(p, "its condition lists no choices of '" + p.parent + "'");
            const auto& choices = params_[size_t(parent)].choices;
            for (const auto& c : p.when)
                if (std::find(choices.begin(), choices.end(), c) == choices.end())
                    refuse(p, "'" + c + "' is not a choice of '" + p.parent + "'");
        }
        parent_.push_back(parent);
    }
}

int Space::index_of(const std::string& name) const {
    for (size_t i = 0; i < params_.size(); ++i)
        if (params_[i].name == name) return int(i);
    return -1;
}

double Space::decode(size_t i, double u) const {
    const Param& p = params_[i];
    u = std::clamp(u, 0.0, 1.0);
    if (p.kind == ParamKind::categorical) {
        double n = double(p.choices.size());
        return std::min(std::floor(u * n), n - 1);
    }
    if (p.kind == ParamKind::integer) {
        auto [lo, hi] = int_range(p);
        double x = lo + u * (hi - lo);
        return std::clamp(std::round(p.log ? std::exp(x) : x), p.low, p.high);
    }
    if (p.log) return std::clamp(std::exp(std::log(p.low) + u * (std::log(p.high) - std::log(p.low))), p.low, p.high);
    return std::clamp(p.low + u * (p.high - p.low), p.low, p.high);  // rounding may overshoot: −5 + 1·5.000001 > 1e-6
}

double Space::encode(size_t i, double value) const {
    const Param& p = params_[i];
    if (!is_active(value)) return 0.5;
    if (p.kind == ParamKind::categorical) return (value + 0.5) / double(p.choices.size());
    if (p.kind == ParamKind::integer) {
        auto [lo, hi] = int_range(p);
        return std::clamp(((p.log ? std::log(value) : value) - lo) / (hi - lo), 0.0, 1.0);
    }
    if (p.log) return (std::log(value) - std::log(p.low)) / (std::log(p.high) - std::log(p.low));
    return (value - p.low) / (p.high - p.low);
}

bool Space::holds(size_t i, double value) const {
    const Param& p = params_[i];
    return p.kind == ParamKind::categorical ? value == std::floor(value) && value >= 0 && value < double(p.choices.size())
                                            : value >= p.low && value <= p.high;
}

bool Space::active(size_t i, const Values& values) const {
    int parent = parent_[i];
    if (parent < 0) return true;
    double choice = values[size_t(parent)];
    if (!is_active(choice)) return false;
    const auto& name = params_[size_t(parent)].choices[size_t(choice)];
    const auto& when = params_[i].when;
    return std::find(when.begin(), when.end(), name) != when.end();
}

Values Space::decode(const std::vector<double>& unit) const {
    Values values(params_.size());
    for (size_t i = 0; i < params_.size(); ++i)
        values[i] = active(i, values) ? decode(i, unit[i]) : kInactive;
    return values;
}

std::vector<double> Space::encode(const Values& values) const {
    std::vector<double> unit(params_.size());
    for (size_t i = 0; i < params_.size(); ++i) unit[i] = encode(i, values[i]);
    return unit;
}

std::string Space::format(size_t i, double value) const {
    const Param& p = params_[i];
    if (!is_active(value)) return "-";
    if (p.kind == ParamKind::categorical) return p.choices[size_t(value)];
    char buffer[32];
    if (p.kind == ParamKind::integer) std::snprintf(buffer, sizeof buffer, "%.0f", value);
    else std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

double Space::parse(size_t i, const std::string& text) const {
    const Param& p = params_[i];
    if (text == "-") return kInactive;
    if (p.kind == ParamKind::categorical) {
        auto it = std::find(p.choices.begin(), p.choices.end(), text);
        if (it == p.choices.end()) refuse(p, "'" + text + "' is not one of its choices");
        return double(it - p.choices.begin());
    }
    try {
        size_t used = 0;
        double value = std::stod(text, &used);
        if (used == text.size()) return value;
    } catch (const std::exception&) {
    }
    refuse(p, "'" + text + "' is not a number");
}

}  // namespace tunelab::tune
