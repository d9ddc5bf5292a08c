#pragma once
// What a study optimizes. An objective starts one evaluation per trial; an evaluation advances one
// step (an epoch) at a time, so the UI can spread a training run over frames and Hyperband can stop
// it at a rung. A test function is a one-step evaluation.
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tune/study.h"

namespace tunelab::tune {

struct StepResult {
    double value = 0;     // validation loss or error after this step (the objective's direction)
    Cost cost;            // what this step cost
    bool diverged = false;
    bool failed = false;
};

class Evaluation {
public:
    virtual ~Evaluation() = default;
    virtual StepResult step() = 0;  // one epoch
};

class Objective {
public:
    virtual ~Objective() = default;
    virtual std::string name() const = 0;
    virtual Space space() const = 0;
    virtual Direction direction() const { return Direction::minimize; }
    virtual int max_epochs() const { return 1; }
    // How long a trial with these parameters trains (≤ max_epochs): its own "epochs" when the space
    // tunes training length, so cheap short trials and costly long ones can be compared.
    virtual int trial_epochs(const Values& params) const {
        (void)params;
        return max_epochs();
    }
    // The evaluation of one trial; `seed` is the trial's own (data order, initialization, noise).
    virtual std::unique_ptr<Evaluation> start(const Values& params, uint64_t seed) const = 0;
    virtual std::optional<double> known_optimum() const { return std::nullopt; }
    // Where trade-offs are measured (pareto.h): the values a trial can score when bounded (a
    // validation error: 0 to 1), and the FLOPs of the cheapest and the costliest trial the space
    // allows (nothing for a test function: it costs nothing to evaluate).
    virtual std::optional<std::array<double, 2>> value_range() const { return std::nullopt; }
    virtual std::optional<std::array<double, 2>> flops_range() const { return std::nullopt; }
};

// A closed-form benchmark function on a box, with its known global minimum.
struct TestFunction {
    std::string name;
    std::vector<Param> params;   // the box (all Float, linear)
    double optimum;              // global minimum value
    std::vector<double> argmin;  // one of its minimizers
    std::function<double(const std::vector<double>&)> f;
};

TestFunction branin();       // 2-D, three minima, f* = 0.397887
TestFunction hartmann6();    // 6-D on [0,1]^6, f* = −3.32237
TestFunction rosenbrock(int dims = 2);  // [−2, 2]^d, f* = 0 at (1, ..., 1)
TestFunction forrester();    // 1-D on [0,1], the classic BO teaching curve, f* = −6.02074
// Names accepted by `test_function`: "branin", "hartmann6", "rosenbrock", "forrester", and the
// benchmark suite's (benchmark_functions.h).
std::optional<TestFunction> test_function(const std::string& name);

// A test function as an objective; `noise` adds N(0, noise²) to every evaluation (seeded per trial)
// to show how much noise blunts Bayesian optimization's edge.
class TestObjective : public Objective {
public:
    // `space`: other bounds for the same coordinates (default: the function's own box).
    explicit TestObjective(TestFunction function, double noise = 0, std::optional<Space> space = std::nullopt);
    std::string name() const override { return fn_.name; }
    Space space() const override { return space_; }
    std::unique_ptr<Evaluation> start(const Values& params, uint64_t seed) const override;
    std::optional<double> known_optimum() const override { return fn_.optimum; }
    const TestFunction& function() const { return fn_; }
    double noise() const { return noise_; }

    // The true landscape on a resolution² grid over (dim_x, dim_y), the other coordinates at
    // `anchor`, row-major [iy * resolution + ix], at the same cell centres as BayesSampler::slice.
    std::vector<double> true_slice(int dim_x, int dim_y, const Values& anchor, int resolution) const;

private:
    TestFunction fn_;
    double noise_;
    Space space_;
};

// "branin", "hartmann6", "rosenbrock", "forrester" or "mlp:<dataset>", optionally over another
// space (an MLP objective tunes the hyperparameters the space names; it reads a bundled data set
// from `data_dir`). Throws std::invalid_argument.
std::shared_ptr<const Objective> make_objective(const std::string& spec, double noise = 0,
                                                std::optional<Space> space = std::nullopt,
                                                const std::string& data_dir = "assets/data");

}  // namespace tunelab::tune
