// Trials trained away from the study: the JSON a Web Worker receives rebuilds the same objective
// (same numbers, bit for bit), the thread pool trains what it is handed and survives its faults, and
// start_trial hands out Hyperband's promotions and a restored running trial to be trained again.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <stdexcept>
#include <thread>

#include "tune/mlp_objective.h"
#include "tune/runner.h"
#include "tune/trial_pool.h"

using namespace tunelab;
using namespace tunelab::tune;

namespace {

std::shared_ptr<const MlpObjective> circle_objective() {
    MlpObjective objective(DatasetKind::circle, MlpScore::validation_loss, 4,
                           Space({Param::real("lr", 1e-3, 0.3, true), Param::integer("units", 2, 12)}));
    return std::make_shared<const MlpObjective>(objective.with_common_seed(7));
}

TrialWork work_for(std::shared_ptr<const Objective> objective, Values params, int number) {
    TrialWork work;
    work.number = number;
    work.objective = std::move(objective);
    work.params = std::move(params);
    work.seed = 0xFEDCBA9876543210ull + uint64_t(number);  // 64 bits: past what a JSON number holds
    work.full_epochs = 4;
    return work;
}

// Bit for bit: values (NaN included) and FLOPs; seconds vary run to run.
void check_same_results(const TrialWork& a, const TrialWork& b) {
    REQUIRE(a.results.size() == b.results.size());
    for (size_t i = 0; i < a.results.size(); ++i) {
        CHECK(std::memcmp(&a.results[i].value, &b.results[i].value, sizeof(double)) == 0);
        CHECK(a.results[i].cost.flops == b.results[i].cost.flops);
        CHECK(a.results[i].diverged == b.results[i].diverged);
    }
    CHECK(a.error == b.error);
}

#ifndef __EMSCRIPTEN__
std::vector<PoolUpdate> wait_for(TrialPool& pool, size_t finished) {
    std::vector<PoolUpdate> out;
    const auto start = std::chrono::steady_clock::now();
    for (size_t done = 0; done < finished;) {
        REQUIRE(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
        for (PoolUpdate& u : pool.poll()) {
            done += u.finished.has_value();
            out.push_back(std::move(u));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return out;
}
#endif

}  // namespace

TEST_CASE("trial pool: a trial trained from the worker's JSON gives the numbers of the objective it was sent from") {
    auto objective = circle_objective();
    const std::string spec = objective_to_json(*objective).dump();  // as the page posts it
    WorkerSide worker;
    CHECK(worker.handle(json::Object{{"objective", "race-1"}, {"spec", json::parse(spec).value}}, {}).is_null());
    for (const Values& params : {Values{0.05, 8}, Values{0.29, 3}}) {
        TrialWork here = work_for(objective, params, 5);
        here.trained = 1;  // a promoted or interrupted trial: epoch 1 trained again, not reported
        here.replay = true;
        here.train();
        REQUIRE(here.results.size() == 3);

        TrialWork there = work_for(objective, params, 5);
        there.trained = 1;
        there.replay = true;
        std::vector<int> progress;
        const json::Value message = json::Object{{"objective", "race-1"}, {"ticket", 12}, {"train", trial_job_to_json(there, WorkerFault::none)}};
        json::Value answer = worker.handle(json::parse(message.dump()).value, [&](int ticket, int epochs) {
            CHECK(ticket == 12);
            progress.push_back(epochs);
        });
        CHECK(progress == std::vector<int>{1, 2, 3, 4});
        CHECK(*answer.find("ticket") == json::Value(12));
        read_trial_results(there, json::parse(answer.dump()).value);
        check_same_results(here, there);
    }
    // A test function's trial costs less than the message: it is not sent.
    CHECK_THROWS_AS(objective_to_json(*make_objective("branin")), std::invalid_argument);
    CHECK_THROWS_AS(worker.handle(json::Object{{"objective", "race-2"}, {"train", json::Object{}}}, {}), std::invalid_argument);
    json::Value bad = objective_to_json(*objective);
    bad["data"]["train"]["x"] = "AAAA";
    CHECK_THROWS_WITH_AS(objective_from_json(bad), doctest::Contains("train is not"), std::invalid_argument);
}

// Threads exist only natively: the web build's tests run under node without threads.
#ifndef __EMSCRIPTEN__
TEST_CASE("trial pool: threads train what they are handed, and a thrown trial or a dead worker fails only its trial") {
    auto objective = circle_objective();
    std::unique_ptr<TrialPool> pool = make_thread_pool(2);
    CHECK(pool->size() == 2);
    std::vector<TrialWork> expected;
    for (int n = 0; n < 4; ++n) {
        expected.push_back(work_for(objective, {0.01 * (n + 1), double(3 + n)}, n));
        expected.back().train();
        const WorkerFault fault = n == 1 ? WorkerFault::trial_throws : n == 2 ? WorkerFault::worker_dies : WorkerFault::none;
        CHECK(pool->submit(work_for(objective, {0.01 * (n + 1), double(3 + n)}, n), fault) == n);
    }
    std::vector<PoolUpdate> updates = wait_for(*pool, 4);
    int last_worker = -1;
    for (const PoolUpdate& u : updates) {
        last_worker = std::max(last_worker, u.worker);
        if (!u.finished) continue;
        const TrialWork& got = *u.finished;
        if (got.number == 1) CHECK(got.error == "the trial threw: simulated failure (test hook)");
        else if (got.number == 2) CHECK(got.error == "the worker stopped: simulated out of memory (test hook)");
        else check_same_results(got, expected[size_t(got.number)]);
    }
    // The dead worker's place is taken: a new worker (number 2) trains trials. Which idle thread takes
    // a trial is the scheduler's choice (a fast trial may be done before the new thread wakes, as on a
    // loaded machine), so trials go in pairs until the new worker has trained one.
    CHECK(pool->size() == 2);
    for (int pair = 0; pair < 100 && last_worker < 2; ++pair) {
        pool->submit(work_for(objective, {0.1, 4}, 9));
        pool->submit(work_for(objective, {0.1, 5}, 10));
        for (const PoolUpdate& u : wait_for(*pool, 2)) last_worker = std::max(last_worker, u.worker);
    }
    CHECK(last_worker == 2);
}
#endif

TEST_CASE("trial pool: start_trial hands out Hyperband's promotions and a restored running trial, with the epochs to train again") {
    auto objective = circle_objective();
    SamplerOptions options;
    options.budget = 12;
    options.max_epochs = 4;
    auto runner_for = [&](Study study) {
        return StudyRunner(std::move(study), make_sampler("hyperband", options), objective, 12);
    };
    StudyRunner stepped = runner_for(Study(objective->space(), Direction::minimize, 3));
    stepped.run();
    StudyRunner handed = runner_for(Study(objective->space(), Direction::minimize, 3));
    int promotions = 0;
    while (std::optional<TrialWork> work = handed.start_trial()) {
        promotions += work->trained > 0;
        work->train();
        handed.finish_trial(std::move(*work));
    }
    CHECK(handed.finished());
    CHECK(promotions > 0);
    REQUIRE(handed.study().trials().size() == stepped.study().trials().size());
    for (const Trial& t : stepped.study().trials()) {
        const Trial& h = handed.study().trial(t.number);
        CHECK(h.params == t.params);
        CHECK(h.status == t.status);
        CHECK(h.intermediate == t.intermediate);
        CHECK(h.rung == t.rung);
    }

    // A study saved with trial 2 two epochs in: the runner hands it out to train those two again.
    StudyRunner cut = runner_for(Study(objective->space(), Direction::minimize, 3));
    cut.step();  // trial 0
    while (cut.running() < 0 || cut.study().trial(cut.running()).intermediate.size() < 1) cut.step();
    StudyRunner restored = runner_for(Study::from_json(cut.study().to_json()));
    REQUIRE(restored.running() >= 0);
    std::optional<TrialWork> work = restored.start_trial();
    REQUIRE(work);
    CHECK(work->number == cut.running());
    CHECK(work->trained == 1);
    CHECK(work->replay);
    CHECK(restored.running() == -1);
}
