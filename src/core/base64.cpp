#include "core/base64.h"

#include <array>
#include <cstdint>

namespace tunelab {
namespace {

constexpr char kBase64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Each character's 6 bits, or -1: one lookup per character (a worker's data is megabytes of it).
constexpr std::array<int8_t, 256> kDecode = [] {
    std::array<int8_t, 256> table{};
    table.fill(-1);
    for (int i = 0; i < 64; ++i) table[uint8_t(kBase64Url[i])] = int8_t(i);
    return table;
}();

}  // namespace

std::string base64url_encode(std::string_view bytes) {
    // Three bytes make four characters, written in place: a worker's data set is megabytes of them.
    const auto byte = [&](size_t i) { return uint32_t(uint8_t(bytes[i])); };
    const size_t whole = bytes.size() / 3 * 3, rest = bytes.size() - whole;
    std::string out(whole / 3 * 4 + (rest ? rest + 1 : 0), '\0');
    char* to = out.data();
    for (size_t i = 0; i < whole; i += 3, to += 4) {
        const uint32_t group = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
        to[0] = kBase64Url[group >> 18];
        to[1] = kBase64Url[(group >> 12) & 63];
        to[2] = kBase64Url[(group >> 6) & 63];
        to[3] = kBase64Url[group & 63];
    }
    if (rest) {  // one or two bytes left: two or three characters, no padding
        const uint32_t group = byte(whole) << 16 | (rest == 2 ? byte(whole + 1) << 8 : 0);
        to[0] = kBase64Url[group >> 18];
        to[1] = kBase64Url[(group >> 12) & 63];
        if (rest == 2) to[2] = kBase64Url[(group >> 6) & 63];
    }
    return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
    if (text.size() % 4 == 1) return std::nullopt;
    std::string out;
    out.reserve(text.size() * 3 / 4);
    uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        const int8_t value = kDecode[uint8_t(c)];
        if (value < 0) return std::nullopt;
        buffer = (buffer << 6) | uint32_t(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += char((buffer >> bits) & 0xFF);
        }
    }
    return out;
}

}  // namespace tunelab
