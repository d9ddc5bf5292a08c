#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

#include "core/json.h"
#include "core/random.h"

using namespace tunelab;

TEST_CASE("json: numbers print in their shortest round-tripping form") {
    CHECK(json::format_number(0.1) == "0.1");
    CHECK(json::format_number(3.0) == "3");
    CHECK(json::format_number(20.0) == "20");
    CHECK(json::format_number(-1500.0) == "-1500");
    CHECK(json::format_number(1e20) == "1e+20");
    CHECK(json::format_number(-2.5e-7) == "-2.5e-07");
    CHECK(json::format_number(1.0 / 3.0) == "0.3333333333333333");
    CHECK(json::format_number(std::nan("")) == "null");
    CHECK(json::format_number(std::numeric_limits<double>::infinity()) == "null");
    for (double v : {0.1 + 0.2, 1e300, 5e-324, 123456789.125, -0.0})
        CHECK(std::strtod(json::format_number(v).c_str(), nullptr) == v);
}

// The definition format_number keeps: the fewest %g digits, 1 to 17, that read back exactly.
static std::string fewest_digits(double value) {
    char buffer[32];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
        if (std::strtod(buffer, nullptr) == value) break;
    }
    return buffer;
}

TEST_CASE("json: numbers print as the fewest digits that round-trip, over every scale") {
    Rng random(2024);
    int checked = 0;
    const auto check = [&](double v) {
        if (!std::isfinite(v) || (v == std::floor(v) && std::fabs(v) < 1e15)) return;  // whole: printed whole
        ++checked;
        if (json::format_number(v) != fewest_digits(v)) FAIL_CHECK(fewest_digits(v) << " printed as " << json::format_number(v));
    };
    for (int i = 0; i < 20000; ++i) {
        uint64_t bits = random.next_u64();  // any double: every exponent, subnormals included
        double v;
        std::memcpy(&v, &bits, sizeof v);
        check(v);
        // Short decimals (what settings hold: 0.03, 1.5e-7) at every scale, and a double's neighbours.
        const double decimal = double(1 + random.below(99999)) * std::pow(10.0, int(random.below(621)) - 320);
        check(decimal);
        check(std::nextafter(decimal, 0.0));
        check(random.uniform(0, 1));
    }
    CHECK(checked > 70000);
}

TEST_CASE("json: whole numbers print as \"%.0f\" prints them, up to 1e15") {
    Rng random(7);
    const auto printed = [](double v) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.0f", v);
        return std::string(buffer);
    };
    for (double v : {0.0, -0.0, 1.0, -1.0, 999999999999999.0, -999999999999999.0, 4503599627370496.0 / 8})
        CHECK(json::format_number(v) == printed(v));
    for (int i = 0; i < 20000; ++i) {
        const double v = std::floor(random.uniform(-1, 1) * std::pow(10.0, int(random.below(16))));
        if (json::format_number(v) != printed(v)) FAIL_CHECK(printed(v) << " printed as " << json::format_number(v));
    }
    CHECK(json::format_number(1e15) == "1e+15");  // from here on, "%g"'s shortest form
}

TEST_CASE("json: a document survives dump and parse, keeping member order") {
    json::Value doc;
    doc["name"] = "调参 \"lab\"\n";
    doc["lr"] = 0.03;
    doc["layers"].push_back(8);
    doc["layers"].push_back(8);
    doc["adam"] = json::Object{{"beta1", 0.9}, {"enabled", true}, {"extra", nullptr}};
    for (int indent : {-1, 2}) {
        auto parsed = json::parse(doc.dump(indent));
        REQUIRE(parsed.ok());
        CHECK(parsed.value == doc);
    }
    CHECK(doc.dump() == R"({"name":"调参 \"lab\"\n","lr":0.03,"layers":[8,8],"adam":{"beta1":0.9,"enabled":true,"extra":null}})");
    REQUIRE(doc.find("lr") != nullptr);
    CHECK(doc.find("lr")->as_number() == 0.03);
    CHECK(doc.find("missing") == nullptr);
}

TEST_CASE("json: escapes decode, including surrogate pairs") {
    auto parsed = json::parse(R"(["\u00e9\u8c03\ud83d\ude00", "a\/b\t"])");
    REQUIRE(parsed.ok());
    CHECK(parsed.value.as_array()[0].as_string() == "é调😀");
    CHECK(parsed.value.as_array()[1].as_string() == "a/b\t");
}

TEST_CASE("json: a string is written with exactly the escapes it needs, wherever they fall") {
    CHECK(json::Value("").dump() == R"("")");
    CHECK(json::Value("plain 调参").dump() == R"("plain 调参")");
    CHECK(json::Value(std::string("\"\\\n\r\t\x01\x1f", 7)).dump() == R"("\"\\\n\r\t\u0001\u001f")");
    CHECK(json::Value(std::string("a\0b", 3)).dump() == R"("a\u0000b")");
    CHECK(json::Value("\"run\"").dump() == R"("\"run\"")");
    for (const std::string text : {"\tx", "x\t", "\t\t", "ab\\cd\"ef"}) {
        const auto parsed = json::parse(json::Value(text).dump());
        REQUIRE(parsed.ok());
        CHECK(parsed.value.as_string() == text);
    }
}

TEST_CASE("json: malformed input is refused with line and column") {
    struct Case { const char* text; int line; int column; };
    for (Case c : {Case{"{\"a\": 1,}", 1, 9}, Case{"[1, 2\n, x]", 2, 3}, Case{"\"open", 1, 6},
                   Case{"01", 1, 2}, Case{"{} extra", 1, 4}, Case{"", 1, 1}, Case{"[1.]", 1, 4}}) {
        CAPTURE(c.text);
        auto parsed = json::parse(c.text);
        CHECK_FALSE(parsed.ok());
        CHECK(parsed.line == c.line);
        CHECK(parsed.column == c.column);
    }
    std::string deep(100, '[');
    CHECK(json::parse(deep).error == "nesting deeper than 64 levels");
}

TEST_CASE("json: a 64-bit seed travels exactly as a decimal string; anything else is refused") {
    for (uint64_t seed : {uint64_t(0), uint64_t(9007199254740993ull), UINT64_MAX}) CHECK(json::u64_from_json(json::u64_to_json(seed)) == seed);
    CHECK(json::u64_to_json(12476764199425409100ull) == json::Value("12476764199425409100"));
    for (const json::Value& bad : {json::Value("18446744073709551616"), json::Value(""), json::Value("12a"), json::Value("-1"), json::Value(7),
                                   json::Value("000000000000000000001")})
        CHECK(!json::u64_from_json(bad));
}
