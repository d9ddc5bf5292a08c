// The race with background workers (arena_pool.h) on the desktop's thread pool: the same trials as
// the race in the frames in both modes, a failing trial or worker that the race survives, and a
// race saved with trials in workers that resumes exactly.
#include <doctest/doctest.h>

#include <chrono>
#include <set>
#include <string>
#include <thread>

#include "ui/app.h"
#include "ui/arena/arena_pool.h"
#include "ui/session.h"
#include "ui/race_trials.h"
#include "ui/test_app.h"

using namespace tunelab;
using namespace tunelab::ui;

// Worker threads exist only natively: the web build's tests run under node without threads (the
// page's Web Workers are tested in the browser, tests/browser/workers.test.mjs).
#ifndef __EMSCRIPTEN__
namespace {

json::Value call(AppState& app, json::Value request) { return handle_command(app, request); }

// A small lab race: Hyperband's promotions and BO's model included, two seeds.
void set_up(AppState& app, const std::string& mode) {
    REQUIRE(call(app, json::Object{{"cmd", "lab.set"}, {"data", json::Object{{"kind", "moons"}, {"size", 120}}}}).find("ok"));
    REQUIRE(call(app, json::Object{{"cmd", "arena.set"},
                                   {"objective", "lab"},
                                   {"strategies", json::Array{"random", "bo_ei", "hyperband"}},
                                   {"trials", 9},
                                   {"epochs", 3},
                                   {"repeats", 2},
                                   {"seed", 3},
                                   {"pace", 0},
                                   {"parallel", mode}})
                .find("ok"));
}

json::Value race_in_frames(const std::string& mode) {
    TestApp t;
    set_up(t.app, mode);
    REQUIRE(call(t.app, json::Object{{"cmd", "arena.start"}}).find("ok"));
    while (advance_round(t.app.arena)) {
    }
    return race_trials(t.app);
}

// Frames until `done`, as the app's loop would run them (the workers train meanwhile).
template <typename Done>
void frames_until(AppState& app, Done done) {
    const auto start = std::chrono::steady_clock::now();
    while (!done()) {
        REQUIRE(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));
        app.arena.frame_budget_ms = 6;
        advance_race(app.arena);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

// The workers that ended this race's trials.
std::set<int> workers_used(const AppState& app) {
    std::set<int> used;
    for (const Racer& racer : app.arena.racers)
        for (const tune::Trial& t : racer.runner->study().trials())
            for (const tune::TrialSpan& span : t.spans) used.insert(span.worker);
    return used;
}

void use_threads(AppState& app, int workers) {
    offer_workers(app.arena, 4, tune::make_thread_pool);
    CHECK(app.arena.workers == 3);  // cores − 1
    REQUIRE(call(app, json::Object{{"cmd", "arena.workers"}, {"count", workers}}).find("count"));
}

}  // namespace

TEST_CASE("arena pool: trials trained by two worker threads equal the race in the frames, in rounds and as workers come free") {
    const json::Value reference = race_in_frames("batch_synchronous");
    for (const char* mode : {"batch_synchronous", "asynchronous"}) {
        CAPTURE(mode);
        TestApp t;
        use_threads(t.app, 2);
        set_up(t.app, mode);
        REQUIRE(call(t.app, json::Object{{"cmd", "arena.start"}}).find("ok"));
        REQUIRE(race_in_workers(t.app.arena));
        frames_until(t.app, [&] { return race_finished(t.app.arena); });
        CHECK(workers_used(t.app) == std::set<int>{0, 1});
        CHECK(race_trials(t.app) == reference);
        json::Value status = call(t.app, json::Object{{"cmd", "arena.status"}});
        CHECK(status["workers"]["in_flight"] == json::Value(0));
        CHECK(status["finished"] == json::Value(true));
    }
}

TEST_CASE("arena pool: a trial that throws and a worker that dies fail their trials with the reason; the race goes on") {
    for (const char* fault : {"trial_throws", "worker_dies"}) {
        CAPTURE(fault);
        TestApp t;
        use_threads(t.app, 2);
        set_up(t.app, "batch_synchronous");
        REQUIRE(call(t.app, json::Object{{"cmd", "arena.workers"}, {"fault", fault}}).find("count"));
        REQUIRE(call(t.app, json::Object{{"cmd", "arena.start"}}).find("ok"));
        frames_until(t.app, [&] { return race_finished(t.app.arena); });
        const std::set<int> workers = workers_used(t.app);
        const Racer& first = t.app.arena.racers.front();  // the first trial handed out is random search's trial 0
        CHECK(first.runner->study().trial(0).status == tune::TrialStatus::failed);
        json::Value failures = call(t.app, json::Object{{"cmd", "arena.workers"}})["failures"];
        REQUIRE(failures.as_array().size() == 1);
        const std::string reason = failures.as_array()[0].find("reason")->as_string();
        CHECK(reason == (std::string(fault) == "trial_throws" ? "the trial threw: simulated failure (test hook)"
                                                              : "the worker stopped: simulated out of memory (test hook)"));
        for (const Racer& racer : t.app.arena.racers) CHECK(racer.runner->study().next_number() == 9);
        CHECK(first.runner->study().trial(1).status == tune::TrialStatus::complete);
        // A dead worker is replaced by a new one (worker 3); a trial that throws leaves its worker alive.
        CHECK((*workers.rbegin() >= 2) == (std::string(fault) == "worker_dies"));
    }
}

TEST_CASE("arena pool: a race saved with trials in workers resumes them from their seeds and ends as the uninterrupted one") {
    const json::Value reference = race_in_frames("asynchronous");
    TestApp before;
    use_threads(before.app, 2);
    set_up(before.app, "asynchronous");
    REQUIRE(call(before.app, json::Object{{"cmd", "arena.start"}}).find("ok"));
    frames_until(before.app, [&] { return trials_in_workers(before.app.arena) > 0 && before.app.arena.racers[0].told >= 3; });
    const std::string saved = saved_session_to_json(before.app).dump();

    TestApp after;
    use_threads(after.app, 2);
    REQUIRE(restore_saved_session(after.app, saved));
    REQUIRE(after.app.arena.interrupted);
    int running = 0;
    for (const Racer& racer : after.app.arena.racers)
        for (const tune::Trial& t : racer.runner->study().trials()) running += t.status == tune::TrialStatus::running;
    CHECK(running > 0);  // trials that were in workers when the page went away
    REQUIRE(call(after.app, json::Object{{"cmd", "arena.resume"}})["racing"] == json::Value(true));
    frames_until(after.app, [&] { return race_finished(after.app.arena); });
    CHECK(race_trials(after.app) == reference);
}

TEST_CASE("arena pool: the pool size defaults to the cores but one; one more round, or no workers, brings their trials back") {
    CHECK(tune::default_pool_size(8) == 7);
    CHECK(tune::default_pool_size(2) == 1);
    CHECK(tune::default_pool_size(1) == 1);
    const json::Value reference = race_in_frames("batch_synchronous");
    TestApp t;
    CHECK(call(t.app, json::Object{{"cmd", "arena.workers"}, {"count", 2}}).find("error"));  // no pool in this app
    use_threads(t.app, 2);
    set_up(t.app, "batch_synchronous");
    REQUIRE(call(t.app, json::Object{{"cmd", "arena.start"}}).find("ok"));
    frames_until(t.app, [&] { return trials_in_workers(t.app.arena) > 0; });
    // One more round, stepped: the trials out with workers train here instead, from their seeds.
    REQUIRE(call(t.app, json::Object{{"cmd", "arena.round"}}).find("racers"));
    CHECK(trials_in_workers(t.app.arena) == 0);
    CHECK(!t.app.arena.racing);
    REQUIRE(call(t.app, json::Object{{"cmd", "arena.resume"}}).find("ok"));
    frames_until(t.app, [&] { return trials_in_workers(t.app.arena) > 0; });
    CHECK(call(t.app, json::Object{{"cmd", "arena.workers"}, {"count", 0}})["count"] == json::Value(0));
    CHECK(trials_in_workers(t.app.arena) == 0);
    CHECK(!race_in_workers(t.app.arena));
    frames_until(t.app, [&] { return race_finished(t.app.arena); });
    CHECK(race_trials(t.app) == reference);
}
#endif
