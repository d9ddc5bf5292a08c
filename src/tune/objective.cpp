#include "tune/objective.h"

#include <cmath>
#include <numbers>
#include <stdexcept>

#include "tune/benchmark_functions.h"
#include "tune/mlp_objective.h"

namespace tunelab::tune {

namespace {

std::vector<Param> box(const std::vector<std::pair<double, double>>& bounds) {
    std::vector<Param> params;
    for (size_t i = 0; i < bounds.size(); ++i)
        params.push_back(Param::real("x" + std::to_string(i + 1), bounds[i].first, bounds[i].second));
    return params;
}

class TestEvaluation : public Evaluation {
public:
    TestEvaluation(double value) : value_(value) {}
    StepResult step() override { return {value_, {}, !std::isfinite(value_), false}; }

private:
    double value_;
};

}  // namespace

TestFunction branin() {
    using std::numbers::pi;
    return {"branin", box({{-5, 10}, {0, 15}}), 0.397887357729738, {pi, 2.275}, [](const std::vector<double>& x) {
                const double b = 5.1 / (4 * pi * pi), c = 5 / pi, t = 1 / (8 * pi);
                double q = x[1] - b * x[0] * x[0] + c * x[0] - 6;
                return q * q + 10 * (1 - t) * std::cos(x[0]) + 10;
            }};
}

TestFunction hartmann6() {
    static const double alpha[4] = {1.0, 1.2, 3.0, 3.2};
    static const double a[4][6] = {{10, 3, 17, 3.5, 1.7, 8},
                                   {0.05, 10, 17, 0.1, 8, 14},
                                   {3, 3.5, 1.7, 10, 17, 8},
                                   {17, 8, 0.05, 10, 0.1, 14}};
    static const double p[4][6] = {{0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
                                   {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
                                   {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
                                   {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};
    return {"hartmann6", box(std::vector<std::pair<double, double>>(6, {0.0, 1.0})), -3.32236801141551,
            {0.20168952, 0.15001069, 0.47687398, 0.27533243, 0.31165162, 0.65730054},
            [](const std::vector<double>& x) {
                double f = 0;
                for (int i = 0; i < 4; ++i) {
                    double e = 0;
                    for (int j = 0; j < 6; ++j) e += a[i][j] * (x[size_t(j)] - p[i][j]) * (x[size_t(j)] - p[i][j]);
                    f -= alpha[i] * std::exp(-e);
                }
                return f;
            }};
}

TestFunction rosenbrock(int dims) {
    return {"rosenbrock", box(std::vector<std::pair<double, double>>(size_t(dims), {-2.0, 2.0})), 0.0,
            std::vector<double>(size_t(dims), 1.0), [](const std::vector<double>& x) {
                double f = 0;
                for (size_t i = 0; i + 1 < x.size(); ++i)
                    f += 100 * (x[i + 1] - x[i] * x[i]) * (x[i + 1] - x[i] * x[i]) + (1 - x[i]) * (1 - x[i]);
                return f;
            }};
}

TestFunction forrester() {
    return {"forrester", box({{0, 1}}), -6.02074005609, {0.757249}, [](const std::vector<double>& x) {
                double s = 6 * x[0] - 2;
                return s * s * std::sin(12 * x[0] - 4);
            }};
}

std::optional<TestFunction> test_function(const std::string& name) {
    if (name == "branin") return branin();
    if (name == "hartmann6") return hartmann6();
    if (name == "rosenbrock") return rosenbrock();
    if (name == "forrester") return forrester();
    for (const TestFunction& fn : benchmark_suite())
        if (fn.name == name) return fn;
    return std::nullopt;
}

TestObjective::TestObjective(TestFunction function, double noise, std::optional<Space> space)
    : fn_(std::move(function)), noise_(noise), space_(space ? std::move(*space) : Space(fn_.params)) {
    if (space_.size() != fn_.params.size())
        throw std::invalid_argument(fn_.name + " takes " + std::to_string(fn_.params.size()) + " parameters, the space has " +
                                    std::to_string(space_.size()));
    for (const Param& p : space_.params())
        if (p.kind == ParamKind::categorical || !p.parent.empty())
            throw std::invalid_argument("parameter '" + p.name + "': " + fn_.name + " takes plain numbers");
}

std::unique_ptr<Evaluation> TestObjective::start(const Values& params, uint64_t seed) const {
    double value = fn_.f(params);
    if (noise_ > 0) value += noise_ * Rng(seed).normal();
    return std::make_unique<TestEvaluation>(value);
}

std::vector<double> TestObjective::true_slice(int dim_x, int dim_y, const Values& anchor, int resolution) const {
    const Space& s = space_;
    std::vector<double> values, x = anchor;
    for (int iy = 0; iy < resolution; ++iy)
        for (int ix = 0; ix < resolution; ++ix) {
            x[size_t(dim_x)] = s.decode(size_t(dim_x), (ix + 0.5) / resolution);
            x[size_t(dim_y)] = s.decode(size_t(dim_y), (iy + 0.5) / resolution);
            values.push_back(fn_.f(x));
        }
    return values;
}

std::shared_ptr<const Objective> make_objective(const std::string& spec, double noise, std::optional<Space> space,
                                                const std::string& data_dir) {
    if (auto fn = test_function(spec)) return std::make_shared<TestObjective>(std::move(*fn), noise, std::move(space));
    if (spec.rfind("mlp:", 0) == 0) {
        // mlp:<dataset> scores the validation loss, mlp:<dataset>:error the validation error.
        std::string dataset = spec.substr(4);
        MlpScore score = MlpScore::validation_loss;
        if (dataset.size() > 6 && dataset.ends_with(":error")) {
            dataset.resize(dataset.size() - 6);
            score = MlpScore::validation_error;
        }
        auto kind = parse_enum<DatasetKind>(dataset);
        if (!kind || *kind == DatasetKind::csv)
            throw std::invalid_argument("unknown data set '" + dataset + "' (" + allowed_names<DatasetKind>() + ")");
        return std::make_shared<MlpObjective>(*kind, score, 20, std::move(space), data_dir);
    }
    std::string suite;
    for (const TestFunction& fn : benchmark_suite()) suite += ", " + fn.name;
    throw std::invalid_argument("unknown objective '" + spec + "' (branin, hartmann6, rosenbrock, forrester, mlp:<dataset>; benchmarks" +
                                suite + ")");
}

}  // namespace tunelab::tune
