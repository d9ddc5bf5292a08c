#include "ui/widgets/plot_math.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace tunelab::plot {

namespace {

// Tolerance for "is this tick inside the range" and floor/ceil of ratios that should be
// integers but carry rounding error (0.3 / 0.1 = 2.9999999999999996).
constexpr double kSlack = 1e-9;

double pow10(int exponent) { return std::pow(10.0, exponent); }

int floor_log10(double v) { return static_cast<int>(std::floor(std::log10(v) + kSlack)); }

}  // namespace

bool usable(double v, Scale scale) {
    return std::isfinite(v) && (scale == Scale::linear || v > 0.0);
}

double to_axis(double v, Scale scale) {
    if (!usable(v, scale)) return nan;
    return scale == Scale::log ? std::log10(v) : v;
}

double from_axis(double t, Scale scale) { return scale == Scale::log ? std::pow(10.0, t) : t; }

AxisMap::AxisMap(Range range, Scale scale_, float p0_, float p1_)
    : scale(scale_),
      t0(to_axis(range.min, scale_)),
      t1(to_axis(range.max, scale_)),
      p0(p0_),
      p1(p1_) {}

float AxisMap::to_pixel(double v) const {
    const double t = to_axis(v, scale);
    if (std::isnan(t) || t1 == t0) return std::numeric_limits<float>::quiet_NaN();
    return static_cast<float>(p0 + (t - t0) / (t1 - t0) * (p1 - p0));
}

double AxisMap::to_value(float pixel) const {
    if (p1 == p0) return from_axis(t0, scale);
    return from_axis(t0 + (pixel - p0) / static_cast<double>(p1 - p0) * (t1 - t0), scale);
}

Range auto_range(const Extents& extents, Scale scale, double padding) {
    if (extents.empty()) return scale == Scale::log ? Range{1.0, 10.0} : Range{0.0, 1.0};
    double t0 = to_axis(extents.min, scale);
    double t1 = to_axis(extents.max, scale);
    if (t0 == t1) {
        // One value: show it in the middle of a span that is readable for its size.
        const double half = scale == Scale::log ? 0.5 : std::max(std::abs(t0) * 0.1, 0.5);
        t0 -= half;
        t1 += half;
    } else {
        const double pad = (t1 - t0) * padding;
        // Padding a range near the largest double would overflow; then show it unpadded.
        if (std::isfinite(t0 - pad) && std::isfinite(t1 + pad)) {
            t0 -= pad;
            t1 += pad;
        }
    }
    return {from_axis(t0, scale), from_axis(t1, scale)};
}

void equal_aspect(Range& x, Range& y, float width_px, float height_px) {
    if (width_px <= 0.0f || height_px <= 0.0f) return;
    const double x_per_px = (x.max - x.min) / width_px;
    const double y_per_px = (y.max - y.min) / height_px;
    Range& widened = x_per_px < y_per_px ? x : y;
    const double span = std::max(x_per_px, y_per_px) * (&widened == &x ? width_px : height_px);
    const double centre = 0.5 * (widened.min + widened.max);
    widened = {centre - 0.5 * span, centre + 0.5 * span};
}

// --- Ticks -----------------------------------------------------------------------------------

int Ticks::labelled_count() const {
    int n = 0;
    for (int i = 0; i < count; ++i) n += items[i].labelled ? 1 : 0;
    return n;
}

double nice_step(double span, int intervals) {
    const double raw = span / std::max(intervals, 1);
    if (!(raw > 0.0) || !std::isfinite(raw)) return 1.0;
    const double decade = pow10(static_cast<int>(std::floor(std::log10(raw))));
    for (double m : {1.0, 2.0, 5.0}) {
        if (m * decade >= raw * (1.0 - kSlack)) return m * decade;
    }
    return 10.0 * decade;
}

void linear_ticks(Range range, int max_labels, Ticks& out) {
    out = {};
    out.magnitude = std::max(std::abs(range.min), std::abs(range.max));
    const double span = range.max - range.min;
    if (!(span > 0.0) || !std::isfinite(span)) {
        out.add(range.min, true);
        return;
    }
    max_labels = std::clamp(max_labels, 2, Ticks::kCapacity);
    // The finest 1-2-5 step whose ticks inside the range fit the budget. The range rarely starts
    // on a tick, so n labels may need anything from n-1 to n+1 intervals: try steps upwards.
    double first = 0.0, last = 0.0;
    for (out.step = nice_step(span, max_labels);; out.step = nice_step(out.step * 1.5, 1)) {
        first = std::ceil(range.min / out.step - kSlack);
        last = std::floor(range.max / out.step + kSlack);
        if (last - first + 1.0 <= max_labels) break;
    }
    // Counting by index (bounded by the buffer) terminates even where k + 1 == k in doubles.
    for (int i = 0; first + i <= last && out.count < Ticks::kCapacity; ++i) {
        // k * step, not a running sum, so errors do not accumulate; -0 is written as 0.
        const double k = first + i;
        out.add(k == 0.0 ? 0.0 : k * out.step, true);
    }
}

void integer_ticks(Range range, int max_labels, Ticks& out) {
    linear_ticks(range, max_labels, out);
    if (out.step >= 1.0 || std::floor(range.max) - std::ceil(range.min) < 1.0) return;
    // A step below 1 would label "0.5 epochs": only the whole numbers in the range, each labelled.
    out.count = 0;
    out.step = 1.0;
    for (double v = std::ceil(range.min); v <= range.max && out.count < Ticks::kCapacity; v += 1.0) out.add(v == 0.0 ? 0.0 : v, true);
}

void log_ticks(Range range, int max_labels, Ticks& out) {
    if (!(range.min > 0.0) || !(range.max > range.min) || !std::isfinite(range.max)) {
        linear_ticks(range, max_labels, out);
        return;
    }
    max_labels = std::clamp(max_labels, 2, Ticks::kCapacity);
    const double lo = std::log10(range.min), hi = std::log10(range.max);
    const int k_first = static_cast<int>(std::floor(lo)), k_last = static_cast<int>(std::ceil(hi));
    auto inside = [&](double v) {
        return v >= range.min * (1.0 - kSlack) && v <= range.max * (1.0 + kSlack);
    };

    // Which mantissas get a label: decades only, or 1-2-5 / every digit when the range is too
    // short for decades alone to give two labels. Bit m set = label m * 10^k.
    constexpr unsigned kDecades = 1u << 1, kOneTwoFive = kDecades | 1u << 2 | 1u << 5,
                       kAllDigits = 0x3FEu;
    auto labels_for = [&](unsigned mantissas) {
        int n = 0;
        for (int k = k_first; k <= k_last; ++k)
            for (int m = 1; m <= 9; ++m) n += (mantissas >> m & 1u) && inside(m * pow10(k)) ? 1 : 0;
        return n;
    };
    // Finer labels only where decades alone are too few: 1..9 when not even two decades are on
    // the axis, 1-2-5 when fewer than three. More would make a long log axis hard to read.
    const int decade_labels = labels_for(kDecades);
    unsigned chosen = 0;
    for (unsigned mantissas : {kAllDigits, kOneTwoFive, kDecades}) {
        if (mantissas == kAllDigits && decade_labels >= 2) continue;
        if (mantissas == kOneTwoFive && decade_labels >= 3) continue;
        const int n = labels_for(mantissas);
        if (n >= 2 && n <= max_labels) {
            chosen = mantissas;
            break;
        }
    }
    if (chosen == 0 && decade_labels < 2) {
        linear_ticks(range, max_labels, out);  // e.g. 0.21 .. 0.29: nothing log-ish to mark
        return;
    }

    out = {};
    out.log_labels = true;
    // Too many decades for the space: label every `stride`-th one, mark the rest.
    const int stride = chosen != 0 ? 1 : (decade_labels + max_labels - 1) / max_labels;
    for (int k = k_first; k <= k_last; ++k) {
        const double decade = pow10(k);
        if (stride > 1) {
            if (inside(decade)) out.add(decade, ((k % stride) + stride) % stride == 0);
            continue;
        }
        for (int m = 1; m <= 9; ++m) {
            const double v = m * decade;
            if (inside(v)) out.add(v, (chosen >> m & 1u) != 0);
        }
    }
}

void axis_ticks(Range range, Scale scale, int max_labels, Ticks& out) {
    if (scale == Scale::log)
        log_ticks(range, max_labels, out);
    else
        linear_ticks(range, max_labels, out);
}

namespace {

// Drops the zeros a fixed precision leaves behind: "1.50" -> "1.5", "2.0" -> "2".
void trim_zeros(char* s) {
    if (!std::strchr(s, '.')) return;
    char* end = s + std::strlen(s);
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
    *end = '\0';
}

}  // namespace

void format_tick(double value, double step, double magnitude, char* buf, int size) {
    step = std::abs(step);
    if (std::abs(value) < step * 1e-6 || value == 0.0) {
        std::snprintf(buf, size, "0");
        return;
    }
    if (magnitude < 1e-3 || magnitude >= 1e9) {
        // Scientific, with as many mantissa digits as the step resolves: 1e-4, 1.5e-4, 2e9.
        int exponent = floor_log10(std::abs(value));
        const int digits = std::clamp(exponent - floor_log10(step), 0, 6);
        double mantissa = value / pow10(exponent);
        const double rounding = pow10(-digits);
        if (std::abs(std::round(mantissa / rounding) * rounding) >= 10.0) {
            mantissa /= 10.0;
            ++exponent;
        }
        char m[32];
        std::snprintf(m, sizeof m, "%.*f", digits, mantissa);
        trim_zeros(m);
        std::snprintf(buf, size, "%se%d", m, exponent);
        return;
    }
    // Plain decimals; thousands and millions as k and M so labels stay short on narrow plots.
    const double unit = magnitude >= 1e6 ? 1e6 : magnitude >= 1e4 ? 1e3 : 1.0;
    const char* suffix = unit == 1e6 ? "M" : unit == 1e3 ? "k" : "";
    const int decimals = std::clamp(-floor_log10(step / unit), 0, 9);
    std::snprintf(buf, size, "%.*f%s", decimals, value / unit, suffix);
}

void format_tick(const Ticks& ticks, int index, char* buf, int size) {
    const double v = ticks.items[index].value;
    if (ticks.log_labels)
        format_tick(v, pow10(floor_log10(v)), v, buf, size);
    else
        format_tick(v, ticks.step, ticks.magnitude, buf, size);
}

// --- Data lookups ----------------------------------------------------------------------------

int nearest_index(Values xs, double x) {
    int best = -1;
    double best_distance = std::numeric_limits<double>::infinity();
    for (int i = 0; i < xs.size(); ++i) {
        const double d = std::abs(xs[i] - x);
        if (d < best_distance) {  // NaN compares false: skipped
            best_distance = d;
            best = i;
        }
    }
    return best;
}

int histogram_counts(Values samples, Range range, std::span<float> counts) {
    std::fill(counts.begin(), counts.end(), 0.0f);
    const int bins = static_cast<int>(counts.size());
    const double span = range.max - range.min;
    if (bins == 0 || !(span > 0.0)) return 0;
    int counted = 0;
    for (int i = 0; i < samples.size(); ++i) {
        const double s = samples[i];
        if (!(s >= range.min && s <= range.max)) continue;  // also skips NaN
        const int bin = std::min(static_cast<int>((s - range.min) / span * bins), bins - 1);
        counts[bin] += 1.0f;
        ++counted;
    }
    return counted;
}

}  // namespace tunelab::plot
