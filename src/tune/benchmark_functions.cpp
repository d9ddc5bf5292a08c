#include "tune/benchmark_functions.h"

#include <cmath>
#include <numbers>

namespace tunelab::tune {

namespace {

using std::numbers::pi;
using Point = std::vector<double>;

std::vector<Param> cube(int dims, double low, double high) {
    std::vector<Param> params;
    for (int i = 0; i < dims; ++i) params.push_back(Param::real("x" + std::to_string(i + 1), low, high));
    return params;
}

double square(double x) { return x * x; }

// f(x) = −a exp(−b √(Σx²/d)) − exp(Σcos(c x)/d) + a + e, a = 20, b = 0.2, c = 2π; f(0) = 0.
double ackley(const Point& x) {
    const double d = double(x.size());
    double squares = 0, cosines = 0;
    for (double xi : x) squares += xi * xi, cosines += std::cos(2 * pi * xi);
    return -20 * std::exp(-0.2 * std::sqrt(squares / d)) - std::exp(cosines / d) + 20 + std::numbers::e;
}

// w = 1 + (x − 1)/4; f = sin²(πw₁) + Σ_{i<d}(wᵢ−1)²[1 + 10 sin²(πwᵢ+1)] + (w_d−1)²[1 + sin²(2πw_d)].
double levy(const Point& x) {
    auto w = [&](size_t i) { return 1 + (x[i] - 1) / 4; };
    const size_t d = x.size();
    double f = square(std::sin(pi * w(0)));
    for (size_t i = 0; i + 1 < d; ++i) f += square(w(i) - 1) * (1 + 10 * square(std::sin(pi * w(i) + 1)));
    return f + square(w(d - 1) - 1) * (1 + square(std::sin(2 * pi * w(d - 1))));
}

// f = Σx²/4000 − Π cos(xᵢ/√i) + 1.
double griewank(const Point& x) {
    double sum = 0, product = 1;
    for (size_t i = 0; i < x.size(); ++i) sum += x[i] * x[i] / 4000, product *= std::cos(x[i] / std::sqrt(double(i + 1)));
    return sum - product + 1;
}

// f = 10d + Σ[x² − 10 cos(2πx)].
double rastrigin(const Point& x) {
    double f = 10 * double(x.size());
    for (double xi : x) f += xi * xi - 10 * std::cos(2 * pi * xi);
    return f;
}

// f = ½ Σ(x⁴ − 16x² + 5x).
double styblinski_tang(const Point& x) {
    double f = 0;
    for (double xi : x) f += xi * xi * xi * xi - 16 * xi * xi + 5 * xi;
    return f / 2;
}

// f = −Σ sin(xᵢ) sin^{2m}(i xᵢ²/π), m = 10.
double michalewicz(const Point& x) {
    double f = 0;
    for (size_t i = 0; i < x.size(); ++i) f -= std::sin(x[i]) * std::pow(std::sin(double(i + 1) * x[i] * x[i] / pi), 20);
    return f;
}

// Per block of four: (x₁+10x₂)² + 5(x₃−x₄)² + (x₂−2x₃)⁴ + 10(x₁−x₄)⁴.
double powell(const Point& x) {
    double f = 0;
    for (size_t i = 0; i + 3 < x.size(); i += 4)
        f += square(x[i] + 10 * x[i + 1]) + 5 * square(x[i + 2] - x[i + 3]) + square(square(x[i + 1] - 2 * x[i + 2])) +
             10 * square(square(x[i] - x[i + 3]));
    return f;
}

// f = (x₁−1)² + Σ_{i≥2} i(2xᵢ² − x_{i−1})².
double dixon_price(const Point& x) {
    double f = square(x[0] - 1);
    for (size_t i = 1; i < x.size(); ++i) f += double(i + 1) * square(2 * x[i] * x[i] - x[i - 1]);
    return f;
}

// f = −Σ αᵢ exp(−Σⱼ Aᵢⱼ (xⱼ − Pᵢⱼ)²) with Hartmann-3's constants.
double hartmann3(const Point& x) {
    static const double alpha[4] = {1.0, 1.2, 3.0, 3.2};
    static const double a[4][3] = {{3, 10, 30}, {0.1, 10, 35}, {3, 10, 30}, {0.1, 10, 35}};
    static const double p[4][3] = {{0.3689, 0.1170, 0.2673}, {0.4699, 0.4387, 0.7470},
                                   {0.1091, 0.8732, 0.5547}, {0.0381, 0.5743, 0.8828}};
    double f = 0;
    for (int i = 0; i < 4; ++i) {
        double e = 0;
        for (int j = 0; j < 3; ++j) e += a[i][j] * square(x[size_t(j)] - p[i][j]);
        f -= alpha[i] * std::exp(-e);
    }
    return f;
}

TestFunction named(std::string name, TestFunction fn) {
    fn.name = std::move(name);
    return fn;
}

}  // namespace

const std::vector<TestFunction>& benchmark_suite() {
    static const std::vector<TestFunction> suite = [] {
        std::vector<TestFunction> s;
        s.push_back(branin());
        s.push_back({"hartmann3", cube(3, 0, 1), -3.86278214782076, {0.114614, 0.555649, 0.852547}, hartmann3});
        s.push_back({"rastrigin3", cube(3, -5.12, 5.12), 0, Point(3, 0.0), rastrigin});
        s.push_back({"levy4", cube(4, -10, 10), 0, Point(4, 1.0), levy});
        s.push_back({"powell4", cube(4, -4, 5), 0, Point(4, 0.0), powell});
        // Dixon-Price's minimizer: xᵢ = 2^{−(2^i − 2)/2^i}.
        Point dp;
        for (int i = 1; i <= 4; ++i) dp.push_back(std::pow(2.0, -(std::pow(2.0, i) - 2) / std::pow(2.0, i)));
        s.push_back({"dixonprice4", cube(4, -10, 10), 0, dp, dixon_price});
        s.push_back({"styblinski4", cube(4, -5, 5), -39.16616570377142 * 4, Point(4, -2.903534018185960), styblinski_tang});
        s.push_back(named("rosenbrock4", rosenbrock(4)));
        // Rosenbrock on its full published box [−5, 10]⁴: values from 0 to ≈ 10⁶.
        TestFunction wide = named("rosenbrock4wide", rosenbrock(4));
        wide.params = cube(4, -5, 10);
        s.push_back(std::move(wide));
        s.push_back({"griewank5", cube(5, -600, 600), 0, Point(5, 0.0), griewank});
        s.push_back({"ackley5", cube(5, -32.768, 32.768), 0, Point(5, 0.0), ackley});
        // Michalewicz-5: the published minimum and its minimizer to six digits.
        s.push_back({"michalewicz5", cube(5, 0, pi), -4.687658179, {2.202906, 1.570796, 1.284992, 1.923058, 1.720470},
                     michalewicz});
        s.push_back(hartmann6());
        s.push_back({"levy10", cube(10, -10, 10), 0, Point(10, 1.0), levy});
        return s;
    }();
    return suite;
}

}  // namespace tunelab::tune
