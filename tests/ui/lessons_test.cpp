#include <doctest/doctest.h>

#include <set>
#include <string>

#include "ui/app.h"

using namespace tunelab;
using namespace tunelab::ui;

namespace {

json::Value call(AppState& app, json::Value request) { return handle_command(app, request); }

// What pressing ▶ (or the arena's Start) and waiting does in the app: train every active run, or
// race every strategy, to its end.
void train_to_end(AppState& app) {
    if (app.lab.playing) call(app, json::Object{{"cmd", "lab.epoch"}, {"batches", 100000}});
    if (app.arena.racing)
        while (!call(app, json::Object{{"cmd", "arena.round"}}).find("error")) {}
}

// Each run's and each racer's end state, for the failure message.
std::string lab_summary(AppState& app) {
    std::string out;
    const json::Value status = call(app, json::Object{{"cmd", "lab.status"}});
    for (const json::Value& run : status.find("runs")->as_array()) {
        out += run.find("name")->as_string() + ": " + run.find("status")->as_string();
        if (const json::Value* history = run.find("history"); history && !history->as_array().empty()) {
            const json::Value& first = history->as_array().front();
            const json::Value& last = history->as_array().back();
            out += " epochs " + json::format_number(last.find("epoch")->as_number()) +
                   " train_loss " + json::format_number(first.find("train_loss")->as_number()) + " → " +
                   json::format_number(last.find("train_loss")->as_number()) +
                   " val_loss " + json::format_number(last.find("validation_loss")->as_number()) +
                   " train_metric " + json::format_number(last.find("train_metric")->as_number()) +
                   " val_metric " + json::format_number(last.find("validation_metric")->as_number());
        }
        out += "; ";
    }
    const json::Value arena = call(app, json::Object{{"cmd", "arena.status"}});
    for (const json::Value& racer : arena.find("racers")->as_array())
        out += racer.find("strategy")->as_string() + ": best " + racer.find("best_value")->dump() + " after " +
               std::to_string(racer.find("trials")->as_array().size()) + " trials, " + racer.find("epochs")->dump() + " epochs; ";
    return out;
}

}  // namespace

TEST_CASE("lessons: the catalogue is well formed and every text has a Chinese entry") {
    std::set<std::string> ids;
    for (const Lesson& lesson : lesson_catalogue()) {
        CAPTURE(lesson.id);
        CHECK(ids.insert(lesson.id).second);
        CHECK(!lesson.steps.empty());
        for (const char* text : {lesson.title, lesson.intro}) CHECK_MESSAGE(chinese_for(text) != nullptr, std::string(text));
        CHECK(json::parse(lesson.setup).value.is_array());
        for (const LessonStep& step : lesson.steps) {
            for (const char* text : {step.instruction, step.observe}) CHECK_MESSAGE(chinese_for(text) != nullptr, std::string(text));
            // Every step names the control it asks for, and states its concept as a figure.
            CHECK(std::string(step.control).size() > 0);
            CHECK(!step.contrasts.empty());
            for (const Contrast& contrast : step.contrasts) CHECK_MESSAGE(chinese_for(contrast.claim) != nullptr, std::string(contrast.claim));
            CHECK(json::parse(step.setup).value.is_array());
            CHECK(json::parse(step.action).value.is_array());
        }
    }
}

// The completion condition: every lesson can be completed by following its own
// instructions, in both languages. Each step's check must fail right after its setup (it measures
// what the learner does, not what the setup did) and pass after the instructed actions.
TEST_CASE("lessons: every lesson is completed by following its instructions, in both languages") {
    for (const char* language : {"zh", "en"}) {
        AppState app;
        app.lab.data_config.data_dir = TUNELAB_ASSETS_DIR "/data";
        call(app, json::Object{{"cmd", "set_language"}, {"language", language}});
        const json::Value list = call(app, json::Object{{"cmd", "lesson.list"}});
        for (const json::Value& lesson : list.find("lessons")->as_array()) {
            const std::string id = lesson.find("id")->as_string();
            REQUIRE(call(app, json::Object{{"cmd", "lesson.open"}, {"id", id}}).find("ok"));
            const json::Array& steps = lesson.find("steps")->as_array();
            for (size_t s = 0; s < steps.size(); ++s) {
                CAPTURE(language);
                CAPTURE(id);
                CAPTURE(s);
                const json::Value setup = call(app, json::Object{{"cmd", "lesson.setup"}});
                REQUIRE_MESSAGE(setup.find("ok"), setup.dump());
                CHECK(app.page_requested == (lesson.find("page")->as_string() == "arena" ? Page::arena : Page::lab));
                const json::Value before = call(app, json::Object{{"cmd", "lesson.status"}});
                CHECK(!before.find("checks")->as_array()[s].as_bool());
                // The control the instruction names is pointed at from the set-up on.
                CHECK(before.find("highlighted")->as_bool());
                for (const json::Value& command : steps[s].find("action")->as_array()) {
                    const json::Value answer = call(app, command);
                    REQUIRE_MESSAGE(!answer.find("error"), answer.dump());
                }
                train_to_end(app);
                const json::Value status = call(app, json::Object{{"cmd", "lesson.status"}});
                // The step's contrast, measured on the runs the core trainer just made: each figure
                // is a number on the right side of its threshold.
                for (const json::Value& contrast : status.find("contrasts")->as_array()) {
                    const json::Value& value = *contrast.find("value");
                    const double threshold = contrast.find("threshold")->as_number();
                    const bool at_most = contrast.find("at_most")->as_bool();
                    const bool infinite = contrast.find("infinite")->as_bool();
                    CAPTURE(contrast.dump());
                    REQUIRE((value.is_number() || infinite));
                    const bool holds = infinite ? !at_most : at_most ? value.as_number() <= threshold : value.as_number() >= threshold;
                    CHECK_MESSAGE(holds, lab_summary(app));
                    CHECK(contrast.find("holds")->as_bool() == holds);
                    if (std::string(language) == "en") MESSAGE(id << " step " << s + 1 << ": " << contrast.find("claim")->as_string() << " — " << contrast.find("shown")->as_string());
                }
                CHECK_MESSAGE(status.find("checks")->as_array()[s].as_bool(), lab_summary(app));
                if (s + 1 < steps.size()) REQUIRE(call(app, json::Object{{"cmd", "lesson.next"}}).find("ok"));
            }
            CHECK(call(app, json::Object{{"cmd", "lesson.status"}}).find("done")->as_bool());
        }
    }
}

TEST_CASE("lessons: the hook refuses what it cannot do") {
    AppState app;
    CHECK(call(app, json::Object{{"cmd", "lesson.open"}, {"id", "no_such_lesson"}}).find("error"));
    CHECK(call(app, json::Object{{"cmd", "lesson.setup"}}).find("error"));
    REQUIRE(call(app, json::Object{{"cmd", "lesson.open"}, {"id", "initialization"}}).find("ok"));
    CHECK(call(app, json::Object{{"cmd", "lesson.next"}}).find("ok"));
    CHECK(call(app, json::Object{{"cmd", "lesson.next"}}).find("error"));  // the last step
}

// A step counts what the learner does after setting it up: a lab that already shows the effect
// (left over from earlier experiments) does not complete a freshly opened lesson.
TEST_CASE("lessons: a step's check counts only once the step is set up") {
    AppState app;
    app.lab.data_config.data_dir = TUNELAB_ASSETS_DIR "/data";
    REQUIRE(call(app, json::Object{{"cmd", "lab.set"}, {"train", json::Object{{"lr", json::Object{{"lr", 5.0}}}, {"epochs", 30}}},
                                   {"data", json::Object{{"kind", "plane"}, {"size", 200}}}}).find("ok"));
    REQUIRE(call(app, json::Object{{"cmd", "lab.start"}}).find("ok"));
    train_to_end(app);
    REQUIRE(call(app, json::Object{{"cmd", "lesson.open"}, {"id", "learning_rate"}}).find("ok"));
    json::Value status = call(app, json::Object{{"cmd", "lesson.status"}});
    CHECK(!status.find("set_up")->as_bool());
    CHECK(!status.find("checks")->as_array()[0].as_bool());  // the diverged run is not the learner's step
    REQUIRE(call(app, json::Object{{"cmd", "lesson.setup"}}).find("ok"));
    CHECK(call(app, json::Object{{"cmd", "lesson.status"}}).find("set_up")->as_bool());
    REQUIRE(call(app, json::Object{{"cmd", "lesson.show_me"}}).find("ok"));
    train_to_end(app);
    CHECK(call(app, json::Object{{"cmd", "lesson.status"}}).find("checks")->as_array()[0].as_bool());
    REQUIRE(call(app, json::Object{{"cmd", "lesson.next"}}).find("ok"));
    CHECK(!call(app, json::Object{{"cmd", "lesson.status"}}).find("set_up")->as_bool());
}

// "Four trials at once", step 2: its figures on the epoch clock are the lesson's promise on every seed
// tried, not only the lesson's, and they are the same whether the race ran in frames of any budget or
// was stepped round by round (as the browser walk's rounds do): they count epochs, not seconds.
TEST_CASE("lessons: four trials at once — ASHA keeps its workers busier than Hyperband on every seed, whatever the frames") {
    const auto figures = [](AppState& app) {
        std::vector<double> values;
        const json::Value status = call(app, json::Object{{"cmd", "lesson.status"}});
        for (const json::Value& c : status.find("contrasts")->as_array()) {
            REQUIRE(c.find("value")->is_number());
            CHECK_MESSAGE(c.find("holds")->as_bool(), c.dump());
            values.push_back(c.find("value")->as_number());
        }
        return values;
    };
    const auto set_up = [](AppState& app, int seed) {
        REQUIRE(call(app, json::Object{{"cmd", "lesson.open"}, {"id", "at_once"}}).find("ok"));
        REQUIRE(call(app, json::Object{{"cmd", "lesson.next"}}).find("ok"));
        REQUIRE(call(app, json::Object{{"cmd", "lesson.setup"}}).find("ok"));
        REQUIRE(call(app, json::Object{{"cmd", "arena.set"}, {"seed", seed}}).find("ok"));
        REQUIRE(call(app, json::Object{{"cmd", "arena.start"}}).find("ok"));
    };
    for (int seed = 1; seed <= 8; ++seed) {
        CAPTURE(seed);
        AppState stepped;
        stepped.lab.data_config.data_dir = TUNELAB_ASSETS_DIR "/data";
        set_up(stepped, seed);
        train_to_end(stepped);
        const std::vector<double> by_rounds = figures(stepped);
        REQUIRE(by_rounds.size() == 2);
        MESSAGE("seed " << seed << ": ASHA busy " << by_rounds[0] << "%, " << by_rounds[1] << "× Hyperband's");

        AppState framed;  // short frames: the budget runs out mid-tick, mid-rung, mid-proposal
        framed.lab.data_config.data_dir = TUNELAB_ASSETS_DIR "/data";
        set_up(framed, seed);
        for (int frame = 0; framed.arena.racing; ++frame) {
            REQUIRE(frame < 200000);
            framed.arena.frame_budget_ms = 0.2;
            advance_race(framed.arena);
        }
        CHECK(figures(framed) == by_rounds);
    }
}
