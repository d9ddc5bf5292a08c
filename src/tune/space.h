#pragma once
// A search space: the hyperparameters a study tunes, their ranges and scales.
//
// Every sampler works in the unit cube: each parameter has one coordinate u in [0, 1], mapped to its
// value by `Space::decode` (linear, or linear in log(value) for log parameters; an int rounds; a
// categorical takes choice floor(u * choices)). Values are stored as doubles, one per parameter, in
// the space's order: a categorical stores its choice's index, an inactive conditional parameter NaN.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "core/enums.h"

namespace tunelab::tune {

enum class ParamKind { real, integer, categorical };

}  // namespace tunelab::tune

namespace tunelab {
// As a saved study's space spells them ("type").
template <>
inline constexpr std::array<std::string_view, 3> enum_names<tune::ParamKind> = {"float", "int", "categorical"};
}  // namespace tunelab

namespace tunelab::tune {

struct Param {
    std::string name;
    ParamKind kind = ParamKind::real;
    double low = 0.0, high = 1.0;      // real and integer
    bool log = false;                  // sample uniformly in log(value)
    std::vector<std::string> choices;  // categorical
    // Conditional parameter: active only when the categorical `parent` takes one of `when`
    // (e.g. beta1 only when optimizer is adam).
    std::string parent;
    std::vector<std::string> when;

    static Param real(std::string name, double low, double high, bool log = false);
    static Param integer(std::string name, double low, double high, bool log = false);
    static Param categorical(std::string name, std::vector<std::string> choices);
    Param& only_when(std::string parent_name, std::vector<std::string> parent_choices);
};

using Values = std::vector<double>;  // one per parameter of the space
inline constexpr double kInactive = std::numeric_limits<double>::quiet_NaN();
inline bool is_active(double value) { return !std::isnan(value); }

class Space {
public:
    Space() = default;
    // Validates: throws std::invalid_argument naming the offending parameter.
    explicit Space(std::vector<Param> params);

    const std::vector<Param>& params() const { return params_; }
    size_t size() const { return params_.size(); }
    int index_of(const std::string& name) const;  // -1 if absent

    // Unit coordinate u in [0,1] -> value, and back (values decode(encode(v)) == v).
    double decode(size_t i, double u) const;
    double encode(size_t i, double value) const;
    // A whole point: decodes every coordinate, then marks parameters whose condition fails inactive.
    Values decode(const std::vector<double>& unit) const;
    std::vector<double> encode(const Values& values) const;  // inactive -> 0.5
    bool active(size_t i, const Values& values) const;
    // Whether parameter i could take `value`: a choice's index, or a number within [low, high]
    // (what a loaded or reused value must be: samplers index choices and take logs).
    bool holds(size_t i, double value) const;

    // The value as a learner reads it: choice name for categoricals, integer without decimals.
    std::string format(size_t i, double value) const;
    // Parses `format`'s output (choice name or number); throws std::invalid_argument.
    double parse(size_t i, const std::string& text) const;

private:
    std::vector<Param> params_;
    std::vector<int> parent_;  // index of each parameter's parent, -1 if unconditional
};

}  // namespace tunelab::tune
