#pragma once
// One spelling per enum value, shared by the UI, the CLI and JSON: each enum that the learner can
// pick lists its names once, as `enum_names<E>`, in the order of its values. `name()` and
// `parse_enum<E>()` are the only two ways to convert.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace tunelab {

template <typename E>
inline constexpr std::array<std::string_view, 0> enum_names{};

template <typename E>
constexpr std::string_view name(E value) {
    return enum_names<E>[static_cast<size_t>(value)];
}

template <typename E>
std::optional<E> parse_enum(std::string_view text) {
    for (size_t i = 0; i < enum_names<E>.size(); ++i)
        if (enum_names<E>[i] == text) return static_cast<E>(i);
    return std::nullopt;
}

// "relu, tanh, sigmoid": for messages that name the allowed values.
template <typename E>
std::string allowed_names() {
    std::string out;
    for (std::string_view n : enum_names<E>) {
        if (!out.empty()) out += ", ";
        out += n;
    }
    return out;
}

}  // namespace tunelab
