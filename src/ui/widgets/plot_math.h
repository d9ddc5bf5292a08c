#pragma once
// The arithmetic behind plot.h, kept free of ImGui so that doctest can check it directly:
// data views, scales, auto-ranging, tick placement and labels, hover lookup, histogram binning.
//
// Everything here must survive what a diverged training run produces: NaN and ±Inf anywhere,
// zeros and negatives on a log axis, empty series, single points. Unusable values are skipped,
// never clamped, so the finite part of a curve is still drawn truthfully.
#include <concepts>
#include <cstddef>
#include <limits>
#include <ranges>
#include <span>
#include <type_traits>

namespace tunelab::plot {

template <class R>
concept FloatRange = std::ranges::contiguous_range<R> &&
    (std::same_as<std::remove_cv_t<std::ranges::range_value_t<R>>, float> ||
     std::same_as<std::remove_cv_t<std::ranges::range_value_t<R>>, double>);

// A read-only view of float or double values, optionally strided (e.g. one column of an
// array of structs). Built implicitly from any contiguous range of float or double
// (std::span, std::vector, std::array, C arrays) so views can pass what they already hold.
class Values {
public:
    Values() = default;
    Values(const float* data, int count, int stride_bytes = sizeof(float))
        : data_(data), count_(count), stride_(stride_bytes), is_double_(false) {}
    Values(const double* data, int count, int stride_bytes = sizeof(double))
        : data_(data), count_(count), stride_(stride_bytes), is_double_(true) {}
    template <FloatRange R>
    Values(const R& range)  // NOLINT(google-explicit-constructor): implicit on purpose
        : Values(std::ranges::data(range), static_cast<int>(std::ranges::size(range))) {}

    int size() const { return count_; }
    double operator[](int i) const {
        const char* p = static_cast<const char*>(data_) + static_cast<std::ptrdiff_t>(i) * stride_;
        return is_double_ ? *reinterpret_cast<const double*>(p)
                          : static_cast<double>(*reinterpret_cast<const float*>(p));
    }

private:
    const void* data_ = nullptr;
    int count_ = 0;
    int stride_ = 0;
    bool is_double_ = false;
};

enum class Scale { linear, log };

struct Range {
    double min = 0.0;
    double max = 1.0;
};

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Whether a value can be placed on an axis of this scale (finite, and positive for log).
bool usable(double v, Scale scale);
// Axis coordinate: the value itself, or its log10. NaN for values the scale cannot show.
double to_axis(double v, Scale scale);
double from_axis(double t, Scale scale);

// Maps data values to pixels along one axis. p0 is the pixel of range.min, p1 of range.max, so
// a y axis (pixels grow downwards) or an inverted axis just swaps them.
struct AxisMap {
    AxisMap() = default;
    AxisMap(Range range, Scale scale, float p0, float p1);
    float to_pixel(double v) const;  // NaN when the value is not usable on this scale
    double to_value(float pixel) const;

    Scale scale = Scale::linear;
    double t0 = 0.0, t1 = 1.0;  // range in axis coordinates
    float p0 = 0.0f, p1 = 1.0f;
};

// Running min/max of the usable values seen, for auto-ranging.
struct Extents {
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    void add(double v, Scale scale) {
        if (!usable(v, scale)) return;
        if (v < min) min = v;
        if (v > max) max = v;
    }
    bool empty() const { return !(min <= max); }
};

// A range that shows every extent with `padding` (a fraction of the span, in axis coordinates)
// on both sides. Empty extents give a default range, a single value a range around it.
Range auto_range(const Extents& extents, Scale scale, double padding);

// Widens one of two linear ranges so one data unit takes as many pixels on x as on y (for 2-D
// maps, where a circle must look round). Both ranges stay centred.
void equal_aspect(Range& x, Range& y, float width_px, float height_px);

// --- Ticks -----------------------------------------------------------------------------------

struct Tick {
    double value = 0.0;
    bool labelled = true;  // major ticks carry a label and a grid line; minor ones a short mark
};

// Ticks for one axis, in a fixed buffer (an axis is laid out every frame; no allocation).
struct Ticks {
    static constexpr int kCapacity = 128;
    Tick items[kCapacity];
    int count = 0;
    // How labels are written: linear ticks print with the decimals `step` needs, in units chosen
    // by `magnitude` (the largest |value| of the range); log ticks print each value on its own.
    bool log_labels = false;
    double step = 1.0;
    double magnitude = 1.0;

    void add(double value, bool labelled) {
        if (count < kCapacity) items[count++] = {value, labelled};
    }
    int labelled_count() const;
};

// The smallest "nice" step (1, 2 or 5 times a power of ten) that splits `span` into at most
// `intervals` intervals.
double nice_step(double span, int intervals);

// Ticks for a range: at most `max_labels` labelled ticks (the caller derives it from the axis's
// pixel length and label size, so a phone-width plot gets fewer). Log axes tick by decades,
// with 2..9 minor ticks; when fewer than three decades are marked, 1-2-5 (or, under two, 1..9)
// multiples get labels too; a range too narrow for any of those falls back to linear ticks.
void linear_ticks(Range range, int max_labels, Ticks& out);
void log_ticks(Range range, int max_labels, Ticks& out);
void axis_ticks(Range range, Scale scale, int max_labels, Ticks& out);
// Ticks of a count (epochs, trials, samples): linear ticks, but never between whole numbers, unless
// the range holds fewer than two (a run that diverged within its first epoch, drawn batch by batch
// at fractional epochs): an axis needs two labels to be read, so then it keeps the fractions.
void integer_ticks(Range range, int max_labels, Ticks& out);

// Writes a compact label without float noise: "0.3", "1e-4", "0.001", "2.5k", "10k", "3M".
void format_tick(double value, double step, double magnitude, char* buf, int size);
void format_tick(const Ticks& ticks, int index, char* buf, int size);

// --- Data lookups ----------------------------------------------------------------------------

// Index of the x value nearest to `x` (ties: the first), skipping non-finite ones; -1 if none.
int nearest_index(Values xs, double x);

// Counts samples into `counts.size()` equal bins over `range`: NaN/Inf and samples outside the
// range are skipped, a sample equal to range.max falls in the last bin. Returns the number counted.
int histogram_counts(Values samples, Range range, std::span<float> counts);

}  // namespace tunelab::plot
