#include "core/json.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <cstdio>
#include <cstdlib>

#include "core/limits.h"

namespace tunelab::json {

const Value* Value::find(std::string_view key) const {
    if (!is_object()) return nullptr;
    for (const auto& [name, value] : as_object())
        if (name == key) return &value;
    return nullptr;
}

Value& Value::operator[](std::string_view key) {
    if (is_null()) data_ = Object{};
    Object& members = as_object();
    for (auto& [name, value] : members)
        if (name == key) return value;
    members.emplace_back(std::string(key), Value{});
    return members.back().second;
}

void Value::push_back(Value item) {
    if (is_null()) data_ = Array{};
    as_array().push_back(std::move(item));
}

std::string format_number(double value) {
    if (!std::isfinite(value)) return "null";
    char buffer[32];
    // Whole numbers print whole ("20", not "2e+01"), up to where doubles stop being exact integers,
    // as integers: the web build's printf does its arithmetic in software 128-bit long doubles.
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        if (value == 0 && std::signbit(value)) return "-0";  // as "%.0f" prints it
        const std::to_chars_result end = std::to_chars(buffer, buffer + sizeof buffer, static_cast<int64_t>(value));
        return std::string(buffer, end.ptr);
    }
    // printf is correctly rounded in glibc and in the web build's musl, so this is the same text on
    // every platform: the fewest significant digits that still round-trip. For a normal double,
    // trying 15, 16 and 17 digits finds it: if some p ≤ 15 digits d read back as `value`, then
    // |value − d| ≤ half an ulp < 2⁻⁵³·|value|, less than half a unit in the 15th digit, so "%.15g"
    // rounds to d itself and %g's stripped zeros leave d's p digits. (Trying every precision from 1,
    // as before, cost up to 17 printf/strtod pairs per number: the page saved its session in them.)
    // Subnormals have fewer bits than that argument needs, so they try every precision.
    const int first = std::fabs(value) >= std::numeric_limits<double>::min() ? 15 : 1;
    for (int precision = first; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
        if (std::strtod(buffer, nullptr) == value) break;
    }
    return buffer;
}

namespace {

void write_string(std::string& out, const std::string& text) {
    // Runs of characters that need no escape go in whole: a worker's data set is one long string.
    const auto plain = [](unsigned char c) { return c >= 0x20 && c != '"' && c != '\\'; };
    out += '"';
    for (size_t i = 0; i < text.size();) {
        size_t end = i;
        while (end < text.size() && plain(static_cast<unsigned char>(text[end]))) ++end;
        out.append(text, i, end - i);  // UTF-8 passes through unchanged
        if (end == text.size()) break;
        const unsigned char c = static_cast<unsigned char>(text[end]);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                out += escaped;
            }
        }
        i = end + 1;
    }
    out += '"';
}

void write_value(std::string& out, const Value& value, int indent, int depth) {
    auto newline = [&](int level) {
        if (indent < 0) return;
        out += '\n';
        out.append(size_t(indent * level), ' ');
    };
    if (value.is_null()) {
        out += "null";
    } else if (value.is_bool()) {
        out += value.as_bool() ? "true" : "false";
    } else if (value.is_number()) {
        out += format_number(value.as_number());
    } else if (value.is_string()) {
        write_string(out, value.as_string());
    } else if (value.is_array()) {
        const Array& items = value.as_array();
        out += '[';
        for (size_t i = 0; i < items.size(); ++i) {
            if (i) out += ',';
            newline(depth + 1);
            write_value(out, items[i], indent, depth + 1);
        }
        if (!items.empty()) newline(depth);
        out += ']';
    } else {
        const Object& members = value.as_object();
        out += '{';
        for (size_t i = 0; i < members.size(); ++i) {
            if (i) out += ',';
            newline(depth + 1);
            write_string(out, members[i].first);
            out += indent < 0 ? ":" : ": ";
            write_value(out, members[i].second, indent, depth + 1);
        }
        if (!members.empty()) newline(depth);
        out += '}';
    }
}

class Parser {
public:
    explicit Parser(std::string_view text) : text_(text) {}

    ParseResult run() {
        ParseResult result;
        if (text_.size() > limits::kMaxJsonBytes) {
            result.error = "the document is " + limits::describe_bytes(double(text_.size())) + "; the limit is " +
                           limits::describe_bytes(double(limits::kMaxJsonBytes));
            result.line = result.column = 1;
            return result;
        }
        skip_space();
        result.value = parse_value(0);
        skip_space();
        if (error_.empty() && pos_ != text_.size()) fail("unexpected text after the JSON value");
        if (!error_.empty()) {
            result.error = error_;
            result.line = 1;
            result.column = 1;
            for (size_t i = 0; i < error_pos_ && i < text_.size(); ++i) {
                if (text_[i] == '\n') {
                    result.line++;
                    result.column = 1;
                } else {
                    result.column++;
                }
            }
            result.value = Value{};
        }
        return result;
    }

private:
    Value fail(const std::string& message) {
        if (error_.empty()) {
            error_ = message;
            error_pos_ = pos_;
        }
        return Value{};
    }
    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }
    void skip_space() {
        while (!at_end() && (peek() == ' ' || peek() == '\n' || peek() == '\r' || peek() == '\t')) pos_++;
    }
    bool consume(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) return false;
        pos_ += word.size();
        return true;
    }

    Value parse_value(int depth) {
        if (depth > limits::kMaxJsonDepth) return fail("nesting deeper than " + std::to_string(limits::kMaxJsonDepth) + " levels");
        // Each value costs ~48 bytes parsed, whatever its text: "[0,0,0,…]" would need 24× its size.
        if (++values_ > limits::kMaxJsonValues)
            return fail("more than " + limits::describe_count(double(limits::kMaxJsonValues)) + " values (the limit)");
        switch (peek()) {
            case '{': return parse_object(depth);
            case '[': return parse_array(depth);
            case '"': {
                std::string s;
                if (!parse_string(s)) return Value{};
                return Value(std::move(s));
            }
            case 't': return consume("true") ? Value(true) : fail("invalid literal");
            case 'f': return consume("false") ? Value(false) : fail("invalid literal");
            case 'n': return consume("null") ? Value(nullptr) : fail("invalid literal");
            default: return parse_number();
        }
    }

    Value parse_number() {
        size_t start = pos_;
        if (peek() == '-') pos_++;
        if (peek() == '0') {
            pos_++;
        } else if (peek() >= '1' && peek() <= '9') {
            while (peek() >= '0' && peek() <= '9') pos_++;
        } else {
            return fail(at_end() ? "unexpected end of input" : "expected a value");
        }
        if (peek() == '.') {
            pos_++;
            if (!(peek() >= '0' && peek() <= '9')) return fail("expected digits after '.'");
            while (peek() >= '0' && peek() <= '9') pos_++;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos_++;
            if (peek() == '+' || peek() == '-') pos_++;
            if (!(peek() >= '0' && peek() <= '9')) return fail("expected digits in the exponent");
            while (peek() >= '0' && peek() <= '9') pos_++;
        }
        std::string number(text_.substr(start, pos_ - start));
        const double value = std::strtod(number.c_str(), nullptr);
        // 1e999 would become infinity, which JSON cannot write back (it would save as null).
        if (!std::isfinite(value)) {
            pos_ = start;
            return fail("a number beyond the range of a double (±1.8e308)");
        }
        return Value(value);
    }

    static int hex_digit(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    bool parse_hex4(unsigned& code) {
        code = 0;
        for (int i = 0; i < 4; ++i) {
            int digit = hex_digit(peek());
            if (digit < 0) {
                fail("invalid \\u escape");
                return false;
            }
            code = code * 16 + unsigned(digit);
            pos_++;
        }
        return true;
    }

    static void append_utf8(std::string& out, unsigned code) {
        if (code < 0x80) {
            out += char(code);
        } else if (code < 0x800) {
            out += char(0xC0 | (code >> 6));
            out += char(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += char(0xE0 | (code >> 12));
            out += char(0x80 | ((code >> 6) & 0x3F));
            out += char(0x80 | (code & 0x3F));
        } else {
            out += char(0xF0 | (code >> 18));
            out += char(0x80 | ((code >> 12) & 0x3F));
            out += char(0x80 | ((code >> 6) & 0x3F));
            out += char(0x80 | (code & 0x3F));
        }
    }

    bool parse_string(std::string& out) {
        pos_++;  // opening quote
        while (true) {
            if (at_end()) {
                fail("unterminated string");
                return false;
            }
            if (out.size() >= limits::kMaxJsonStringBytes) {
                fail("a string longer than " + limits::describe_bytes(double(limits::kMaxJsonStringBytes)) + " (the limit)");
                return false;
            }
            char c = text_[pos_++];
            if (c == '"') return true;
            if (static_cast<unsigned char>(c) < 0x20) {
                pos_--;
                fail("control character in string");
                return false;
            }
            if (c != '\\') {
                out += c;
                continue;
            }
            char escape = peek();
            pos_++;
            switch (escape) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    unsigned code;
                    if (!parse_hex4(code)) return false;
                    if (code >= 0xD800 && code < 0xDC00) {  // surrogate pair
                        unsigned low;
                        if (!consume("\\u") || !parse_hex4(low) || low < 0xDC00 || low > 0xDFFF) {
                            fail("invalid surrogate pair");
                            return false;
                        }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    }
                    append_utf8(out, code);
                    break;
                }
                default:
                    pos_--;
                    fail("invalid escape in string");
                    return false;
            }
        }
    }

    Value parse_array(int depth) {
        pos_++;
        Array items;
        skip_space();
        if (peek() == ']') {
            pos_++;
            return Value(std::move(items));
        }
        while (true) {
            skip_space();
            items.push_back(parse_value(depth + 1));
            if (!error_.empty()) return Value{};
            skip_space();
            if (peek() == ',') {
                pos_++;
            } else if (peek() == ']') {
                pos_++;
                return Value(std::move(items));
            } else {
                return fail("expected ',' or ']'");
            }
        }
    }

    Value parse_object(int depth) {
        pos_++;
        Object members;
        skip_space();
        if (peek() == '}') {
            pos_++;
            return Value(std::move(members));
        }
        while (true) {
            skip_space();
            if (peek() != '"') return fail("expected a string key");
            std::string key;
            if (!parse_string(key)) return Value{};
            skip_space();
            if (peek() != ':') return fail("expected ':'");
            pos_++;
            skip_space();
            Value value = parse_value(depth + 1);
            if (!error_.empty()) return Value{};
            members.emplace_back(std::move(key), std::move(value));
            skip_space();
            if (peek() == ',') {
                pos_++;
            } else if (peek() == '}') {
                pos_++;
                return Value(std::move(members));
            } else {
                return fail("expected ',' or '}'");
            }
        }
    }

    std::string_view text_;
    size_t pos_ = 0;
    std::string error_;
    size_t error_pos_ = 0;
    size_t values_ = 0;
};

}  // namespace

std::string Value::dump(int indent) const {
    std::string out;
    write_value(out, *this, indent, 0);
    return out;
}

ParseResult parse(std::string_view text) { return Parser(text).run(); }

Value u64_to_json(uint64_t value) { return std::to_string(value); }

std::optional<uint64_t> u64_from_json(const Value& value) {
    if (!value.is_string() || value.as_string().empty() || value.as_string().size() > 20) return std::nullopt;
    uint64_t out = 0;
    for (char c : value.as_string()) {
        if (c < '0' || c > '9' || out > (UINT64_MAX - uint64_t(c - '0')) / 10) return std::nullopt;
        out = out * 10 + uint64_t(c - '0');
    }
    return out;
}

}  // namespace tunelab::json
