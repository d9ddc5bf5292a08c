#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "ui/widgets/colormap.h"
#include "ui/widgets/plot_math.h"

using namespace tunelab::plot;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

std::vector<double> values(const Ticks& t, bool labelled_only = true) {
    std::vector<double> v;
    for (int i = 0; i < t.count; ++i)
        if (t.items[i].labelled || !labelled_only) v.push_back(t.items[i].value);
    return v;
}

std::vector<std::string> labels(const Ticks& t) {
    std::vector<std::string> out;
    for (int i = 0; i < t.count; ++i) {
        if (!t.items[i].labelled) continue;
        char buf[32];
        format_tick(t, i, buf, sizeof buf);
        out.emplace_back(buf);
    }
    return out;
}

std::string label(double value, double step, double magnitude) {
    char buf[32];
    format_tick(value, step, magnitude, buf, sizeof buf);
    return buf;
}

}  // namespace

TEST_CASE("plot: nice steps are 1, 2 or 5 times a power of ten") {
    CHECK(nice_step(10.0, 5) == doctest::Approx(2.0));
    CHECK(nice_step(10.0, 10) == doctest::Approx(1.0));
    CHECK(nice_step(1.0, 4) == doctest::Approx(0.5));
    CHECK(nice_step(0.003, 3) == doctest::Approx(0.001));
    CHECK(nice_step(700.0, 5) == doctest::Approx(200.0));
    CHECK(nice_step(9.0, 1) == doctest::Approx(10.0));
    CHECK(nice_step(0.0, 5) == 1.0);  // degenerate input gives a usable step, not 0 or NaN
    CHECK(nice_step(std::nan(""), 5) == 1.0);
}

TEST_CASE("plot: linear ticks cover the range at nice values within the label budget") {
    Ticks t;
    linear_ticks({0.0, 10.0}, 6, t);
    CHECK(values(t) == std::vector<double>{0, 2, 4, 6, 8, 10});
    CHECK(labels(t) == std::vector<std::string>{"0", "2", "4", "6", "8", "10"});

    linear_ticks({-0.13, 0.92}, 6, t);
    CHECK(labels(t) == std::vector<std::string>{"0", "0.2", "0.4", "0.6", "0.8"});

    // A narrow (phone-width) axis asks for fewer labels and gets them.
    for (int budget : {2, 3, 4, 5, 8, 12}) {
        linear_ticks({0.0, 97.0}, budget, t);
        CHECK(t.labelled_count() <= budget);
        CHECK(t.labelled_count() >= 2);
    }
    linear_ticks({0.0, 97.0}, 3, t);
    CHECK(values(t) == std::vector<double>{0, 50});

    // Degenerate ranges give one tick instead of looping or dividing by zero.
    linear_ticks({5.0, 5.0}, 5, t);
    CHECK(t.count == 1);
    linear_ticks({0.0, inf}, 5, t);
    CHECK(t.count == 1);
    // A range far from zero with a tiny span stays bounded.
    linear_ticks({1e17, 1e17 + 64.0}, 5, t);
    CHECK(t.count <= Ticks::kCapacity);
}

TEST_CASE("plot: tick labels carry no float noise") {
    Ticks t;
    linear_ticks({0.0, 1.0}, 11, t);
    const auto l = labels(t);
    REQUIRE(l.size() == 11);
    CHECK(l[3] == "0.3");  // 3 * 0.1 = 0.30000000000000004
    CHECK(l[7] == "0.7");
    linear_ticks({-0.3, 0.3}, 7, t);
    CHECK(labels(t) == std::vector<std::string>{"-0.3", "-0.2", "-0.1", "0", "0.1", "0.2", "0.3"});
}

TEST_CASE("plot: labels are compact for large and small magnitudes") {
    CHECK(label(0.001, 0.001, 0.005) == "0.001");
    CHECK(label(1e-4, 1e-4, 5e-4) == "1e-4");
    CHECK(label(1.5e-4, 5e-5, 5e-4) == "1.5e-4");
    CHECK(label(-2e-5, 1e-5, 5e-5) == "-2e-5");
    CHECK(label(10000, 5000, 20000) == "10k");
    CHECK(label(5000, 5000, 20000) == "5k");
    CHECK(label(2500, 500, 20000) == "2.5k");
    CHECK(label(2000, 500, 3000) == "2000");
    CHECK(label(3e6, 1e6, 5e6) == "3M");
    CHECK(label(2e9, 1e9, 5e9) == "2e9");
    CHECK(label(1e-17, 0.1, 1.0) == "0");  // rounding residue near zero is zero, never "-0"

    Ticks t;
    linear_ticks({0.0, 50000.0}, 6, t);
    CHECK(labels(t) == std::vector<std::string>{"0", "10k", "20k", "30k", "40k", "50k"});
}

TEST_CASE("plot: log ticks by decades with minor ticks") {
    Ticks t;
    log_ticks({1e-5, 1.0}, 8, t);
    CHECK(values(t).size() == 6);
    CHECK(labels(t) == std::vector<std::string>{"1e-5", "1e-4", "0.001", "0.01", "0.1", "1"});
    // 2..9 times each decade are minor (unlabelled) ticks: 5 decades * 8 + 6 majors.
    CHECK(t.count == 46);

    // Wide ranges on a short axis label every few decades only.
    log_ticks({1e-8, 1e4}, 4, t);
    CHECK(t.labelled_count() <= 4);
    CHECK(t.labelled_count() >= 2);
    CHECK(labels(t).front() == "1e-8");

    log_ticks({1.0, 1e6}, 7, t);
    CHECK(labels(t) == std::vector<std::string>{"1", "10", "100", "1000", "10k", "100k", "1M"});
}

TEST_CASE("plot: log ticks for ranges under one or two decades") {
    Ticks t;
    // Under a decade: 1..9 multiples when they fit, else 1-2-5.
    log_ticks({0.15, 0.95}, 10, t);
    CHECK(labels(t) ==
          std::vector<std::string>{"0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"});
    log_ticks({0.15, 0.95}, 3, t);
    CHECK(labels(t) == std::vector<std::string>{"0.2", "0.5"});
    // About a decade and a half: 1-2-5.
    log_ticks({0.08, 3.0}, 8, t);
    CHECK(labels(t) == std::vector<std::string>{"0.1", "0.2", "0.5", "1", "2"});
    // Two decades marked (a typical loss curve): 1-2-5 when there is room, decades when not.
    log_ticks({0.024, 2.9}, 7, t);
    CHECK(labels(t) == std::vector<std::string>{"0.05", "0.1", "0.2", "0.5", "1", "2"});
    log_ticks({0.024, 2.9}, 4, t);
    CHECK(labels(t) == std::vector<std::string>{"0.1", "1"});
    // Too narrow for any of those: linear ticks on the log axis.
    log_ticks({0.21, 0.29}, 5, t);
    CHECK(t.labelled_count() >= 2);
    CHECK_FALSE(t.log_labels);
    // Non-positive limits cannot be log: fall back instead of taking log10(0).
    log_ticks({0.0, 10.0}, 5, t);
    CHECK(t.labelled_count() >= 2);
}

TEST_CASE("plot: data to pixel mapping, linear, log and inverted") {
    AxisMap x({0.0, 10.0}, Scale::linear, 100.0f, 300.0f);
    CHECK(x.to_pixel(0.0) == doctest::Approx(100.0));
    CHECK(x.to_pixel(5.0) == doctest::Approx(200.0));
    CHECK(x.to_value(250.0f) == doctest::Approx(7.5));

    AxisMap y({1e-3, 10.0}, Scale::log, 400.0f, 0.0f);  // y axis: pixels grow downwards
    CHECK(y.to_pixel(1e-3) == doctest::Approx(400.0));
    CHECK(y.to_pixel(0.1) == doctest::Approx(200.0));
    CHECK(y.to_value(100.0f) == doctest::Approx(1.0));
    CHECK(std::isnan(y.to_pixel(0.0)));  // zero and negatives have no place on a log axis
    CHECK(std::isnan(y.to_pixel(-1.0)));
    CHECK(std::isnan(x.to_pixel(std::nan(""))));
    CHECK(std::isnan(x.to_pixel(inf)));

    AxisMap degenerate({2.0, 2.0}, Scale::linear, 0.0f, 100.0f);
    CHECK(std::isnan(degenerate.to_pixel(2.0)));  // no division by zero producing garbage
}

TEST_CASE("plot: auto range skips NaN, Inf and non-positive log values") {
    const std::array<double, 7> loss = {2.3, 1.1, 0.4, std::nan(""), inf, -inf, 0.0};
    Extents lin, log;
    for (double v : loss) {
        lin.add(v, Scale::linear);
        log.add(v, Scale::log);
    }
    CHECK(lin.min == 0.0);
    CHECK(lin.max == 2.3);
    CHECK(log.min == 0.4);
    CHECK(log.max == 2.3);

    const Range r = auto_range(lin, Scale::linear, 0.05);
    CHECK(r.min == doctest::Approx(-0.115));
    CHECK(r.max == doctest::Approx(2.415));
    const Range lr = auto_range(log, Scale::log, 0.0);
    CHECK(lr.min == doctest::Approx(0.4));
    CHECK(lr.max == doctest::Approx(2.3));
    // Log padding is symmetric in decades.
    const Range lp = auto_range(Extents{0.01, 1.0}, Scale::log, 0.1);
    CHECK(lp.min == doctest::Approx(std::pow(10.0, -2.2)));
    CHECK(lp.max == doctest::Approx(std::pow(10.0, 0.2)));

    // Empty and single-valued data still give a usable range.
    const Range empty = auto_range(Extents{}, Scale::linear, 0.05);
    CHECK(empty.max > empty.min);
    const Range empty_log = auto_range(Extents{}, Scale::log, 0.05);
    CHECK(empty_log.min > 0.0);
    const Range one = auto_range(Extents{3.0, 3.0}, Scale::linear, 0.05);
    CHECK(one.min < 3.0);
    CHECK(one.max > 3.0);
    const Range huge = auto_range(Extents{-1.7e308, 1.7e308}, Scale::linear, 0.05);
    CHECK(std::isfinite(huge.min));
    CHECK(std::isfinite(huge.max));
}

TEST_CASE("plot: equal aspect widens one range, keeping it centred") {
    Range x{-1.0, 1.0}, y{-1.0, 1.0};
    equal_aspect(x, y, 400.0f, 200.0f);
    CHECK(y.min == doctest::Approx(-1.0));
    CHECK(x.min == doctest::Approx(-2.0));
    CHECK(x.max == doctest::Approx(2.0));
    Range a{0.0, 4.0}, b{0.0, 1.0};
    equal_aspect(a, b, 100.0f, 100.0f);
    CHECK(a.max == doctest::Approx(4.0));
    CHECK(b.min == doctest::Approx(-1.5));
    CHECK(b.max == doctest::Approx(2.5));
}

TEST_CASE("plot: hover finds the nearest x, skipping non-finite values") {
    const std::vector<float> xs = {1, 2, 3, NAN, 5, 6};
    CHECK(nearest_index(xs, 2.2) == 1);
    CHECK(nearest_index(xs, 4.1) == 4);
    CHECK(nearest_index(xs, -10) == 0);
    CHECK(nearest_index(xs, 100) == 5);
    CHECK(nearest_index(std::vector<float>{}, 1.0) == -1);
    CHECK(nearest_index(std::vector<double>{NAN, INFINITY}, 1.0) == -1);

    // Strided views read one member of an array of structs.
    struct Point {
        double x, y;
    };
    const Point pts[] = {{0, 10}, {1, 20}, {2, 30}};
    const Values ys(&pts[0].y, 3, sizeof(Point));
    CHECK(ys[2] == 30.0);
    CHECK(nearest_index(Values(&pts[0].x, 3, sizeof(Point)), 1.4) == 1);

    // Any contiguous float or double range converts implicitly.
    const std::array<double, 3> arr = {0.5, 1.5, 2.5};
    const float raw[] = {4.0f, 5.0f};
    CHECK(nearest_index(arr, 1.4) == 1);
    CHECK(nearest_index(std::span<const double>(arr).subspan(1), 2.4) == 1);
    CHECK(Values(raw).size() == 2);
    CHECK(Values(raw)[1] == 5.0);
}

TEST_CASE("plot: histogram counts skip NaN/Inf and put the maximum in the last bin") {
    const std::vector<float> s = {0.0f, 0.1f, 0.5f, 0.99f, 1.0f, NAN, INFINITY, -5.0f};
    std::array<float, 4> counts{};
    CHECK(histogram_counts(s, {0.0, 1.0}, counts) == 5);
    CHECK(counts == std::array<float, 4>{2, 0, 1, 2});
    CHECK(histogram_counts(s, {1.0, 1.0}, counts) == 0);  // empty range: nothing, no crash
}

TEST_CASE("plot: colormaps hit their published end points and clamp") {
    const Rgb v0 = viridis(0.0f), v1 = viridis(1.0f);
    CHECK(v0.r == doctest::Approx(0x44 / 255.0));
    CHECK(v0.b == doctest::Approx(0x54 / 255.0));
    CHECK(v1.g == doctest::Approx(0xE7 / 255.0));
    CHECK(viridis(2.0f).r == v1.r);
    CHECK(luminance(viridis(0.25f)) < luminance(viridis(0.75f)));  // monotone lightness
    const Rgb mid = diverging(0.5f);
    CHECK(mid.r > 0.85f);
    CHECK(mid.g > 0.85f);
    CHECK(mid.b > 0.85f);
    CHECK(diverging(0.0f).r > diverging(0.0f).b);  // orange end
    CHECK(diverging(1.0f).b > diverging(1.0f).r);  // blue end
    CHECK(viridis(NAN).g == doctest::Approx(0.5));
    CHECK(palette(kPaletteSize).r == palette(0).r);
    CHECK(palette(-1).r == palette(kPaletteSize - 1).r);
}

TEST_CASE("plot ticks: a count axis labels fractions only when it holds fewer than two whole numbers") {
    Ticks t;
    integer_ticks({0.0, 3.0}, 10, t);  // linear ticks would step by 0.5 here
    REQUIRE(t.count == 4);
    for (int i = 0; i < t.count; ++i) CHECK(t.items[i].value == static_cast<double>(i));
    integer_ticks({0.0, 100.0}, 6, t);  // a coarse step stays as it was
    CHECK(t.step == 20.0);
    // A first epoch batch by batch (a run that blew up in it): no whole number, or only one, inside;
    // the fractions label it rather than leaving the axis bare.
    integer_ticks({0.2, 0.8}, 6, t);
    CHECK(t.labelled_count() >= 2);
    CHECK(t.step < 1.0);
    integer_ticks({0.04, 1.0}, 6, t);
    CHECK(t.labelled_count() >= 2);
    CHECK(t.items[t.count - 1].value == doctest::Approx(1.0));
    integer_ticks({0.5, 2.5}, 10, t);  // two whole numbers: those only
    CHECK(t.count == 2);
    CHECK(t.step == 1.0);
}
