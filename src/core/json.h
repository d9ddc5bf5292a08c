#pragma once
// A small JSON value with a parser and a writer, shared by the CLI (--json), study save/load and the
// URL/settings state. Objects keep insertion order, so the same run always prints the same bytes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace tunelab::json {

class Value;
using Array = std::vector<Value>;
using Object = std::vector<std::pair<std::string, Value>>;

class Value {
public:
    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : data_(b) {}
    Value(double d) : data_(d) {}
    Value(int i) : data_(double(i)) {}
    Value(int64_t i) : data_(double(i)) {}
    Value(uint64_t i) : data_(double(i)) {}
    Value(const char* s) : data_(std::string(s)) {}
    Value(std::string s) : data_(std::move(s)) {}
    Value(std::string_view s) : data_(std::string(s)) {}
    Value(Array a) : data_(std::move(a)) {}
    Value(Object o) : data_(std::move(o)) {}

    bool is_null() const { return std::holds_alternative<std::nullptr_t>(data_); }
    bool is_bool() const { return std::holds_alternative<bool>(data_); }
    bool is_number() const { return std::holds_alternative<double>(data_); }
    bool is_string() const { return std::holds_alternative<std::string>(data_); }
    bool is_array() const { return std::holds_alternative<Array>(data_); }
    bool is_object() const { return std::holds_alternative<Object>(data_); }

    // Typed access; a wrong type throws std::bad_variant_access (callers validate with is_*()).
    bool as_bool() const { return std::get<bool>(data_); }
    double as_number() const { return std::get<double>(data_); }
    const std::string& as_string() const { return std::get<std::string>(data_); }
    const Array& as_array() const { return std::get<Array>(data_); }
    Array& as_array() { return std::get<Array>(data_); }
    const Object& as_object() const { return std::get<Object>(data_); }
    Object& as_object() { return std::get<Object>(data_); }

    // Object member lookup: nullptr when this is not an object or has no such key.
    const Value* find(std::string_view key) const;
    // Object member, inserted (as null) when missing; a null value becomes an empty object first.
    Value& operator[](std::string_view key);
    // Appends to an array; a null value becomes an empty array first.
    void push_back(Value item);

    // Compact when indent < 0, else pretty-printed with that many spaces. Numbers print in the
    // shortest form that reads back to the same double; NaN and infinities print as null.
    std::string dump(int indent = -1) const;

    friend bool operator==(const Value&, const Value&) = default;

private:
    std::variant<std::nullptr_t, bool, double, std::string, Array, Object> data_{nullptr};
};

struct ParseResult {
    Value value;
    std::string error;  // empty on success
    int line = 0;       // 1-based position of the error
    int column = 0;
    bool ok() const { return error.empty(); }
};

// Strict RFC 8259 parsing (no comments, no trailing commas). Bounded by core/limits.h: the text's
// size, nesting depth (so a hostile document cannot exhaust the stack), the number of values and a
// string's length; numbers beyond a double's range are refused rather than read as infinity.
ParseResult parse(std::string_view text);

// The shortest decimal text that reads back as exactly `value` ("0.1", "1e-05", "3").
std::string format_number(double value);

// A 64-bit whole number (a seed) as JSON carries it exactly: in a decimal string, since a JSON
// number holds 53 bits. Reading refuses anything but 1–20 digits within 64 bits.
Value u64_to_json(uint64_t value);
std::optional<uint64_t> u64_from_json(const Value& value);

}  // namespace tunelab::json
