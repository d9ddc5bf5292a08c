// Several trials of one study at once in the arena (the set-up's at_once): trained in turns in the
// frames (here, as under node) or in worker threads; BO proposing with the running trials pending;
// the same trials in rounds whatever the frame budget or the workers; a race saved mid-batch that
// resumes exactly; the setting refused out of range.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>

#include "ui/app.h"
#include "ui/arena/arena_pool.h"
#include "ui/session.h"
#include "ui/race_trials.h"
#include "ui/test_app.h"

using namespace tunelab;
using namespace tunelab::ui;

namespace {

json::Value call(AppState& app, json::Value request) { return handle_command(app, request); }

void set_up(AppState& app, json::Value fields) {
    fields["cmd"] = "arena.set";
    REQUIRE(call(app, std::move(fields)).find("ok"));
}

json::Value branin_race(int at_once) {
    return json::Object{{"objective", "branin"}, {"strategies", json::Array{"random", "bo_ei"}}, {"trials", 12}, {"repeats", 2},
                        {"seed", 4},         {"pace", 0},                                   {"at_once", at_once}};
}

// Frames of `budget_ms` until `done`, as the app's loop runs them; `each` looks at the race after each.
template <typename Done, typename Each>
void frames_until(AppState& app, double budget_ms, Done done, Each each) {
    const auto start = std::chrono::steady_clock::now();
    while (!done()) {
        REQUIRE(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));
        app.arena.frame_budget_ms = budget_ms;
        advance_race(app.arena);
        each();
        if (app.arena.pool) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

json::Value race_to_end(int at_once, double budget_ms, int* most_out = nullptr) {
    TestApp t;
    set_up(t.app, branin_race(at_once));
    REQUIRE(call(t.app, json::Object{{"cmd", "arena.start"}}).find("ok"));
    REQUIRE(race_at_once(t.app.arena) == (at_once > 1));
    frames_until(t.app, budget_ms, [&] { return race_finished(t.app.arena); }, [&] {
        for (const Racer& racer : t.app.arena.racers)
            if (most_out) *most_out = std::max(*most_out, int(racer.out.size()));
    });
    return race_trials(t.app);
}

// The lab's network on a small moons set: a few epochs per trial, so trials end at different times.
void lab_race(AppState& app, int at_once, const std::string& mode) {
    REQUIRE(call(app, json::Object{{"cmd", "lab.set"}, {"data", json::Object{{"kind", "moons"}, {"size", 120}}}}).find("ok"));
    set_up(app, json::Object{{"objective", "lab"},
                             {"strategies", json::Array{"random", "bo_ei", "asha"}},
                             {"trials", 8},
                             {"epochs", 3},
                             {"repeats", 1},
                             {"seed", 3},
                             {"pace", 0},
                             {"parallel", mode},
                             {"at_once", at_once}});
}

}  // namespace

TEST_CASE("arena at once: the setting is in the set-up's JSON, 1 by default, and refused outside 1…4 with the reason") {
    TestApp t;
    CHECK(call(t.app, json::Object{{"cmd", "arena.status"}})["setup"]["at_once"] == json::Value(1));
    for (const auto& [value, reason] : {std::pair{json::Value(5), "must be between 1 and 4"}, std::pair{json::Value(0), "must be between 1 and 4"},
                                        std::pair{json::Value(2.5), "must be a whole number"}, std::pair{json::Value("2"), "must be a number"}}) {
        json::Value refused = call(t.app, json::Object{{"cmd", "arena.set"}, {"at_once", value}});
        REQUIRE(refused.find("issues"));
        CHECK(refused["issues"].as_array()[0]["field"] == json::Value("at_once"));
        CHECK(refused["issues"].as_array()[0]["message"] == json::Value(reason));
    }
    CHECK(t.app.arena.setup.at_once == 1);  // nothing changed
    set_up(t.app, json::Object{{"at_once", 3}});
    CHECK(call(t.app, json::Object{{"cmd", "arena.status"}})["setup"]["at_once"] == json::Value(3));
}

TEST_CASE("arena at once: with no workers each racer keeps N trials running in the frames; in rounds the frame budget changes nothing") {
    int most_out = 0;
    const json::Value slow = race_to_end(4, 0.05, &most_out), fast = race_to_end(4, 50);
    CHECK(most_out == 4);
    CHECK(slow == fast);
    CHECK(slow.as_array()[1].as_array().size() == 12);  // BO's whole budget, none lost
    // One at a time is the race as it was; four at once, BO proposes with three pending: other trials.
    const json::Value one = race_to_end(1, 50);
    CHECK(one.as_array()[0] == fast.as_array()[0]);  // random search draws the same points whatever is pending
    CHECK(!(one.as_array()[2] == fast.as_array()[2]));  // racers: random ×2 seeds, then BO
}

#ifndef __EMSCRIPTEN__
TEST_CASE("arena at once: two at once in two worker threads, in rounds, gives the trials of the race in the frames") {
    TestApp frames;
    lab_race(frames.app, 2, "batch_synchronous");
    REQUIRE(call(frames.app, json::Object{{"cmd", "arena.start"}}).find("ok"));
    frames_until(frames.app, 6, [&] { return race_finished(frames.app.arena); }, [] {});
    const json::Value reference = race_trials(frames.app);

    TestApp t;
    offer_workers(t.app.arena, 3, tune::make_thread_pool);
    REQUIRE(call(t.app, json::Object{{"cmd", "arena.workers"}, {"count", 2}}).find("count"));
    lab_race(t.app, 2, "batch_synchronous");
    REQUIRE(call(t.app, json::Object{{"cmd", "arena.start"}}).find("ok"));
    int most_in_workers = 0;
    frames_until(t.app, 6, [&] { return race_finished(t.app.arena); },
                 [&] { most_in_workers = std::max(most_in_workers, trials_in_workers(t.app.arena)); });
    CHECK(most_in_workers >= 4);  // three racers, two trials each, handed out ahead of the two workers
    CHECK(race_trials(t.app) == reference);
    // Spans: each racer had two trials training at once, on different workers.
    for (const Racer& racer : t.app.arena.racers) {
        bool overlapped = false;
        const auto& trials = racer.runner->study().trials();
        for (size_t a = 0; a < trials.size(); ++a)
            for (size_t b = a + 1; b < trials.size(); ++b)
                for (const tune::TrialSpan& x : trials[a].spans)
                    for (const tune::TrialSpan& y : trials[b].spans) overlapped |= x.start < y.end && y.start < x.end;
        CHECK(overlapped);
    }
}
#endif

// In rounds the resumed race is the uninterrupted one. As workers come free the next proposals
// depend on which trial ended first, and a trial restarted from its seed ends later than it would
// have: the trials finished before the reload are kept as they were, and the budget is completed.
TEST_CASE("arena at once: a race saved mid-batch resumes its running trials first and, in rounds, ends as the uninterrupted one") {
    for (const char* mode : {"batch_synchronous", "asynchronous"}) {
        CAPTURE(mode);
        const bool in_rounds = std::string(mode) == "batch_synchronous";
        TestApp whole;
        lab_race(whole.app, 3, mode);
        REQUIRE(call(whole.app, json::Object{{"cmd", "arena.start"}}).find("ok"));
        frames_until(whole.app, 6, [&] { return race_finished(whole.app.arena); }, [] {});
        const json::Value reference = race_trials(whole.app);

        TestApp before;
        lab_race(before.app, 3, mode);
        REQUIRE(call(before.app, json::Object{{"cmd", "arena.start"}}).find("ok"));
        // Until BO has told a batch and trains (part of) the next.
        frames_until(before.app, 0.05, [&] {
            const Racer& bo = before.app.arena.racers[1];
            return bo.told >= 3 && std::any_of(bo.out.begin(), bo.out.end(), [](const Racer::OutTrial& o) { return !o.ended; });
        }, [] {});
        const json::Value told_before = race_trials(before.app);
        const std::string saved = saved_session_to_json(before.app).dump();

        TestApp after;
        REQUIRE(restore_saved_session(after.app, saved));
        REQUIRE(after.app.arena.interrupted);
        CHECK(after.app.arena.raced.at_once == 3);
        // The timeline keeps the finished trials' spans, as they were.
        for (size_t r = 0; r < after.app.arena.racers.size(); ++r)
            for (const tune::Trial& t : before.app.arena.racers[r].runner->study().trials()) {
                if (t.status == tune::TrialStatus::running) continue;
                const tune::Trial& back = after.app.arena.racers[r].runner->study().trial(t.number);
                REQUIRE(back.spans.size() == t.spans.size());
                CHECK(back.spans.back().start == t.spans.back().start);
                CHECK(back.spans.back().end == t.spans.back().end);
            }
        REQUIRE(call(after.app, json::Object{{"cmd", "arena.resume"}})["racing"] == json::Value(true));
        frames_until(after.app, 6, [&] { return race_finished(after.app.arena); }, [] {});
        const json::Value resumed = race_trials(after.app);
        if (in_rounds) CHECK(resumed == reference);
        for (size_t r = 0; r < after.app.arena.racers.size(); ++r) {
            CHECK(after.app.arena.racers[r].runner->study().next_number() >= 8);
            for (size_t k = 0; k < told_before.as_array()[r].as_array().size(); ++k) {
                const json::Value& earlier = told_before.as_array()[r].as_array()[k];
                // Finished: complete or failed (a pruned Hyperband trial is paused at its rung and may be promoted).
                const std::string status = earlier.find("status")->as_string();
                if (status == "complete" || status == "failed") CHECK(resumed.as_array()[r].as_array()[k] == earlier);
            }
        }
    }
}

TEST_CASE("arena at once: one more round, stepped, tells each racer's whole batch; the race goes on to the same end") {
    const json::Value reference = race_to_end(3, 50);
    TestApp t;
    set_up(t.app, branin_race(3));
    REQUIRE(call(t.app, json::Object{{"cmd", "arena.start"}}).find("ok"));
    json::Value status = call(t.app, json::Object{{"cmd", "arena.round"}});
    for (const json::Value& racer : status["racers"].as_array()) CHECK(racer.find("trials")->as_array().size() == 3);
    for (const Racer& racer : t.app.arena.racers) CHECK(racer.out.empty());
    REQUIRE(call(t.app, json::Object{{"cmd", "arena.resume"}}).find("ok"));
    frames_until(t.app, 6, [&] { return race_finished(t.app.arena); }, [] {});
    CHECK(race_trials(t.app) == reference);
}

// In the frames each racer keeps an epoch clock (arena_pool.h): in each tick every trial running trains
// one epoch, as workers of equal speed would. As workers come free the next proposals depend on which
// trial ended first, so the clock must not depend on where a frame's budget ran out: the same trials
// and the same ticks at any budget, never more trials in a tick than places.
TEST_CASE("arena at once: as workers come free in the frames, an epoch clock: the same trials and ticks at any frame budget") {
    const auto race = [](double budget_ms) {
        TestApp t;
        lab_race(t.app, 3, "asynchronous");
        REQUIRE(call(t.app, json::Object{{"cmd", "arena.start"}}).find("ok"));
        frames_until(t.app, budget_ms, [&] { return race_finished(t.app.arena); }, [] {});
        std::vector<EpochTimeline> ticks;
        for (const Racer& racer : t.app.arena.racers) {
            REQUIRE(epoch_timeline(racer));
            ticks.push_back(*epoch_timeline(racer));
            const double busy = busy_share(ticks.back(), 3);
            CHECK(busy > 0);
            CHECK(busy <= 1);
        }
        return std::pair{race_trials(t.app), ticks};
    };
    const auto [slow_trials, slow_ticks] = race(0.05);
    const auto [fast_trials, fast_ticks] = race(50);
    CHECK(slow_trials == fast_trials);
    CHECK(slow_ticks == fast_ticks);
    for (const EpochTimeline& timeline : fast_ticks) {
        std::map<int, int> running;  // trials training, per tick
        int epochs = 0;
        for (const auto& [number, stretches] : timeline)
            for (const auto& [start, end] : stretches) {
                epochs += end - start;
                for (int tick = start; tick < end; ++tick) running[tick]++;
            }
        CHECK(epochs > 0);
        for (const auto& [tick, count] : running) CHECK(count <= 3);
    }
}
