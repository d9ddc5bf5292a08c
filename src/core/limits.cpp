#include "core/limits.h"

#include <cmath>
#include <cstdio>

namespace tunelab::limits {

std::string describe_bytes(double bytes) {
    const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int unit = 0;
    while (bytes >= 1024 && unit < 6) {
        bytes /= 1024;
        ++unit;
    }
    char text[48];
    if (unit == 0 || bytes == std::floor(bytes)) std::snprintf(text, sizeof text, "%.0f %s", bytes, units[unit]);
    else std::snprintf(text, sizeof text, "%.1f %s", bytes, units[unit]);
    return text;
}

std::string describe_count(double count) {
    if (!std::isfinite(count) || std::fabs(count) > kMaxExactInteger) {  // %.0f would print made-up digits
        char text[32];
        std::snprintf(text, sizeof text, "%.3g", count);
        return text;
    }
    char digits[32];
    std::snprintf(digits, sizeof digits, "%.0f", std::fabs(count));
    std::string out = count < 0 ? "-" : "";
    const std::string_view d = digits;
    for (size_t i = 0; i < d.size(); ++i) {
        if (i > 0 && (d.size() - i) % 3 == 0) out += ' ';
        out += d[i];
    }
    return out;
}

std::string quote(std::string_view text) {
    if (text.size() <= kMaxQuotedBytes) return "'" + std::string(text) + "'";
    size_t cut = kMaxQuotedBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    return "'" + std::string(text.substr(0, cut)) + "…' (" + describe_bytes(double(text.size())) + ")";
}

}  // namespace tunelab::limits
