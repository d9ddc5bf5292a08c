// Several trials at once: samplers that see running trials, and run_parallel's two modes. The
// worker threads exist only natively (the web build's tests run under node without threads).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "tune/test_objectives.h"
#include "tune/parallel.h"
#include "tune/runner.h"

using namespace tunelab::tune;

namespace {

// The smallest distance between two of the last `count` trials' unit points.
double closest_pair(const Study& study, int count) {
    double closest = INFINITY;
    const auto& trials = study.trials();
    for (size_t a = trials.size() - size_t(count); a < trials.size(); ++a)
        for (size_t b = a + 1; b < trials.size(); ++b) {
            const std::vector<double> pa = study.space().encode(trials[a].params), pb = study.space().encode(trials[b].params);
            double d2 = 0;
            for (size_t j = 0; j < pa.size(); ++j) d2 += (pa[j] - pb[j]) * (pa[j] - pb[j]);
            closest = std::min(closest, std::sqrt(d2));
        }
    return closest;
}

// A study of Branin with `told` trials finished, then `pending` more asked while none of them is told.
double pending_spread(const std::string& sampler, bool constant_liar, int told, int pending) {
    SamplerOptions options;
    options.budget = told + pending;
    options.constant_liar = constant_liar;
    StudyRunner runner(Study(make_objective("branin")->space(), Direction::minimize, 5), make_sampler(sampler, options),
                       make_objective("branin"), told + pending);
    for (int k = 0; k < told; ++k) {
        std::optional<TrialWork> work = runner.start_trial();
        work->train();
        runner.finish_trial(std::move(*work));
    }
    for (int k = 0; k < pending; ++k) REQUIRE(runner.start_trial());
    return closest_pair(runner.study(), pending);
}

// `trials` trials of `function` asked `jobs` at a time, each seeing the ones before it running, and told
// together: run_parallel's batch-synchronous mode without its threads (so it runs under node too).
Study in_batches(const std::string& function, const std::string& sampler, uint64_t seed, int trials, int jobs,
                 bool constant_liar = true) {
    SamplerOptions options;
    options.budget = trials;
    options.constant_liar = constant_liar && jobs > 1;
    StudyRunner runner(Study(make_objective(function)->space(), Direction::minimize, seed), make_sampler(sampler, options),
                       make_objective(function), trials);
    for (;;) {
        std::vector<TrialWork> batch;
        while (int(batch.size()) < jobs)
            if (std::optional<TrialWork> work = runner.start_trial()) batch.push_back(std::move(*work));
            else break;
        if (batch.empty()) return runner.study();
        for (TrialWork& work : batch) work.train(), runner.finish_trial(std::move(work));
    }
}

double regret(const Study& study, const std::string& function) {
    return *study.best()->value - *make_objective(function)->known_optimum();
}

// An objective whose evaluation throws for x > 0.8: a worker's trial fails, the others go on.
class ThrowingObjective : public testing::CurveObjective {
public:
    ThrowingObjective() : CurveObjective(3) {}
    std::unique_ptr<Evaluation> start(const Values& params, uint64_t seed) const override {
        if (params[0] > 0.8) {
            struct Throws : Evaluation {
                StepResult step() override { throw std::runtime_error("out of memory (simulated)"); }
            };
            return std::make_unique<Throws>();
        }
        return CurveObjective::start(params, seed);
    }
};

}  // namespace

TEST_CASE("parallel: with the constant liar, BO's and TPE's proposals spread out instead of piling onto one point") {
    for (const std::string sampler : {"bayes", "tpe"}) {
        CAPTURE(sampler);
        const double piled = pending_spread(sampler, false, 12, 4), spread = pending_spread(sampler, true, 12, 4);
        MESSAGE(sampler << ": closest pair of 4 pending proposals " << piled << " without the liar, " << spread << " with it");
        // Measured: BO 0.0006 → 0.025 (EI's maximizer is one point; BO fantasizes the running trials' values),
        // TPE 0.057 → 0.18 (the worst loss, as Optuna's).
        CHECK(spread > 0.01);
        CHECK(spread > 3 * piled);
    }
}

TEST_CASE("parallel: BO four at a time starts from one at a time's initial design and beats proposals blind to running trials") {
    // Branin's initial design is 5 quasi-random points: the running ones count towards it, so the second batch holds
    // the fifth and three model-chosen trials, as one at a time would (not 8 quasi-random points).
    const Study sequential = in_batches("branin", "bayes", 4, 12, 1), batched = in_batches("branin", "bayes", 4, 12, 4);
    for (int i = 0; i < 5; ++i) {
        CHECK(batched.trials()[size_t(i)].source == "init");
        CHECK(batched.trials()[size_t(i)].params == sequential.trials()[size_t(i)].params);
    }
    for (int i = 5; i < 12; ++i) CHECK(batched.trials()[size_t(i)].source == "ei");
    // Mean regret after 24 trials (6 batches) on Branin over 8 seeds, measured: one at a time 0.0022, four at a time
    // 0.023 (tools/bench-parallel compares them at 40 trials), four at a time with the running trials left out
    // (every batch piles onto one point) 0.38.
    double four = 0, blind = 0;
    for (uint64_t seed = 1; seed <= 8; ++seed) {
        four += regret(in_batches("branin", "bayes", seed, 24, 4), "branin") / 8;
        blind += regret(in_batches("branin", "bayes", seed, 24, 4, false), "branin") / 8;
    }
    MESSAGE("Branin regret after 24 trials, mean of 8 seeds, four at a time: " << four << ", blind to running trials: " << blind);
    CHECK(four < 0.1);
    CHECK(four < blind / 5);
}

TEST_CASE("parallel: one trial at a time through start_trial/finish_trial gives the sequential runner's study") {
    auto objective = std::make_shared<testing::CurveObjective>(4);
    SamplerOptions options;
    options.budget = 12;
    StudyRunner sequential(Study(objective->space(), Direction::minimize, 3), make_sampler("bayes", options), objective, 12);
    sequential.run();
    StudyRunner handed(Study(objective->space(), Direction::minimize, 3), make_sampler("bayes", options), objective, 12);
    while (std::optional<TrialWork> work = handed.start_trial()) {
        work->train();
        handed.finish_trial(std::move(*work));
    }
    REQUIRE(handed.study().trials().size() == sequential.study().trials().size());
    for (size_t i = 0; i < sequential.study().trials().size(); ++i) {
        CHECK(handed.study().trials()[i].params == sequential.study().trials()[i].params);
        CHECK(handed.study().trials()[i].value == sequential.study().trials()[i].value);
        CHECK(handed.study().trials()[i].intermediate == sequential.study().trials()[i].intermediate);
    }
}

#ifndef __EMSCRIPTEN__
TEST_CASE("parallel: batch-synchronous runs give the same trials every time; asynchronous ones lose none") {
    auto objective = make_objective("branin");
    SamplerOptions options;
    options.budget = 16;
    options.constant_liar = true;
    auto run = [&](ParallelMode mode) {
        StudyRunner runner(Study(objective->space(), Direction::minimize, 9), make_sampler("bayes", options), objective, 16);
        int told = 0;
        run_parallel(runner, 4, mode, [&](const Trial& t, const std::string& error) {
            CHECK(error.empty());
            CHECK(t.status == TrialStatus::complete);
            ++told;
        });
        CHECK(told == 16);
        return runner.study();
    };
    const Study first = run(ParallelMode::batch_synchronous), second = run(ParallelMode::batch_synchronous);
    for (size_t i = 0; i < first.trials().size(); ++i) {
        CHECK(first.trials()[i].params == second.trials()[i].params);
        CHECK(first.trials()[i].value == second.trials()[i].value);
    }
    const Study async = run(ParallelMode::asynchronous);
    REQUIRE(async.trials().size() == 16);
    for (size_t i = 0; i < async.trials().size(); ++i) {
        CHECK(async.trials()[i].number == int(i));
        CHECK(async.trials()[i].status == TrialStatus::complete);
    }
}

TEST_CASE("parallel: a trial whose evaluation throws fails with the reason; the study goes on") {
    auto objective = std::make_shared<ThrowingObjective>();
    SamplerOptions options;
    options.budget = 20;
    StudyRunner runner(Study(objective->space(), Direction::minimize, 2), make_sampler("random", options), objective, 20);
    int failed = 0;
    run_parallel(runner, 3, ParallelMode::asynchronous, [&](const Trial& t, const std::string& error) {
        CHECK((t.params[0] > 0.8) == !error.empty());
        if (!error.empty()) {
            CHECK(error == "out of memory (simulated)");
            CHECK(t.status == TrialStatus::failed);
            ++failed;
        } else {
            CHECK(t.status == TrialStatus::complete);
            CHECK(t.intermediate.size() == 3);
        }
    });
    CHECK(failed > 0);
    CHECK(runner.study().trials().size() == 20);
}

// What a finished study says about each trial, for comparing runs.
struct Outcome {
    Values params;
    TrialStatus status;
    std::vector<double> intermediate;
    int rung;
    bool operator==(const Outcome&) const = default;
};
std::vector<Outcome> outcomes(const Study& study) {
    std::vector<Outcome> out;
    for (const Trial& t : study.trials()) out.push_back({t.params, t.status, t.intermediate, t.rung});
    return out;
}

TEST_CASE("parallel: synchronous Hyperband waits for each rung and gives the sequential study's trials") {
    auto objective = std::make_shared<testing::CurveObjective>(9);
    SamplerOptions options;
    options.max_epochs = 9;
    const int trials = 9 + 5 + 3;  // three brackets of R = 9, η = 3
    StudyRunner sequential(Study(objective->space(), Direction::minimize, 2), make_sampler("hyperband", options), objective, trials);
    sequential.run();
    StudyRunner parallel(Study(objective->space(), Direction::minimize, 2), make_sampler("hyperband", options), objective, trials);
    run_parallel(parallel, 3, ParallelMode::asynchronous, [](const Trial&, const std::string&) {});
    CHECK(outcomes(parallel.study()) == outcomes(sequential.study()));
    // Synchronous: within a bracket, every stretch at rung i starts after every stretch at rung i − 1 ended.
    const Study& study = parallel.study();
    int lanes = 0;
    for (const Trial& a : study.trials()) {
        for (const TrialSpan& span : a.spans) lanes = std::max(lanes, span.worker + 1);
        for (const Trial& b : study.trials())
            for (size_t i = 1; a.bracket == b.bracket && i < a.spans.size(); ++i)
                if (b.spans.size() == i) CHECK(a.spans[i].start >= b.spans[i - 1].end);
    }
    CHECK(lanes == 3);
}

TEST_CASE("parallel: ASHA promotes the top third of each rung without waiting, and a seed fixes its batch-synchronous run") {
    auto objective = std::make_shared<testing::CurveObjective>(9);
    SamplerOptions options;
    options.max_epochs = 9;
    auto run = [&](ParallelMode mode) {
        StudyRunner runner(Study(objective->space(), Direction::minimize, 4), make_sampler("asha", options), objective, 18);
        run_parallel(runner, 3, mode, [](const Trial&, const std::string&) {});
        return runner.study();
    };
    const Study study = run(ParallelMode::asynchronous);
    CHECK(study.next_number() == 18);
    // At the end everything in the top 1/η of rungs 0 (1 epoch) and 1 (3 epochs) has moved up.
    const int epochs[] = {1, 3};
    for (int k = 0; k < 2; ++k) {
        std::vector<const Trial*> reached;
        for (const Trial& t : study.trials())
            if (int(t.intermediate.size()) >= epochs[k]) reached.push_back(&t);
        std::sort(reached.begin(), reached.end(), [&](const Trial* a, const Trial* b) {
            return a->intermediate[size_t(epochs[k] - 1)] < b->intermediate[size_t(epochs[k] - 1)];
        });
        CAPTURE(k);
        CHECK(reached.size() / 3 >= 1);
        for (size_t i = 0; i < reached.size() / 3; ++i) CHECK(reached[i]->rung > k);
    }
    CHECK(std::any_of(study.trials().begin(), study.trials().end(), [](const Trial& t) { return t.rung == 2; }));
    CHECK(outcomes(run(ParallelMode::batch_synchronous)) == outcomes(run(ParallelMode::batch_synchronous)));
}

TEST_CASE("parallel: a study saved with two trials running resumes them from their seeds, as if never stopped") {
    auto objective = std::make_shared<testing::CurveObjective>(4);
    SamplerOptions options;
    options.budget = 10;
    options.constant_liar = true;
    auto fresh = [&](Study study) {
        return StudyRunner(std::move(study), make_sampler("tpe", options), objective, 10);
    };
    StudyRunner straight = fresh(Study(objective->space(), Direction::minimize, 6));
    run_parallel(straight, 2, ParallelMode::batch_synchronous, [](const Trial&, const std::string&) {});
    // Cut: four trials told, two handed out and never finished (a reload mid-race).
    StudyRunner cut = fresh(Study(objective->space(), Direction::minimize, 6));
    for (int k = 0; k < 2; ++k) {
        std::optional<TrialWork> a = cut.start_trial(), b = cut.start_trial();
        a->train();
        b->train();
        cut.finish_trial(std::move(*a));
        cut.finish_trial(std::move(*b));
    }
    REQUIRE(cut.start_trial());
    REQUIRE(cut.start_trial());
    StudyRunner resumed = fresh(Study::from_json(cut.study().to_json()));
    run_parallel(resumed, 2, ParallelMode::batch_synchronous, [](const Trial&, const std::string&) {});
    CHECK(outcomes(resumed.study()) == outcomes(straight.study()));
}
#endif
