// Warm-starting in the arena: a race's trials (or a study file's) become the set-up's warm start, the
// warm twins race beside their cold strategies, and the warm start travels with links, the saved
// session and a saved race; what does not fit is refused with the reason and changes nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "tune/objective.h"
#include "tune/runner.h"
#include "tune/sampler.h"
#include "ui/app.h"
#include "ui/arena/arena_warm.h"
#include "ui/session.h"
#include "ui/test_app.h"

using namespace tunelab;
using namespace tunelab::ui;

namespace {

json::Value command(AppState& app, const std::string& request) { return handle_command(app, json::parse(request).value); }

void race_to_end(AppState& app) {
    while (advance_round(app.arena)) {
    }
}

// A finished Branin race of BO (EI) and random search, two seeds of 8 trials.
void earlier_branin_race(AppState& app) {
    REQUIRE(command(app, R"({"cmd":"arena.set","objective":"branin","strategies":["random","bo_ei"],"trials":8,"repeats":2,"seed":3})")
                .find("ok"));
    REQUIRE(command(app, R"({"cmd":"arena.start"})").find("ok"));
    race_to_end(app);
}

const Racer* racer(const AppState& app, const std::string& strategy, int repeat) {
    for (const Racer& r : app.arena.racers)
        if (r.strategy == strategy && r.repeat == repeat) return &r;
    return nullptr;
}

std::vector<json::Value> trials_of(const AppState& app) {
    std::vector<json::Value> out;
    for (const Racer& r : app.arena.racers) out.push_back(r.runner->study().to_json()["trials"]);
    return out;
}

}  // namespace

TEST_CASE("warm start: reusing a finished race races BO cold and warm, and warm models from its first trial") {
    TestApp t;
    AppState& app = t.app;
    // Before a race has finished there is nothing to reuse, and nothing changes.
    const json::Value before = command(app, R"({"cmd":"session.get"})");
    CHECK(std::string(command(app, R"({"cmd":"arena.reuse"})")["error"].as_string()).find("Finish a race first") != std::string::npos);
    CHECK(command(app, R"({"cmd":"session.get"})") == before);
    // A warm strategy without earlier trials is refused by the set-up, naming why.
    json::Value refused = command(app, R"({"cmd":"arena.set","strategies":["bo_ei","bo_ei_warm"]})");
    REQUIRE(refused.find("issues"));
    CHECK(refused["issues"].dump().find("starts from earlier trials") != std::string::npos);

    earlier_branin_race(app);
    REQUIRE(command(app, R"({"cmd":"arena.reuse"})").find("ok"));
    const WarmStart& warm = app.arena.setup.warm;
    CHECK(warm.source == "race");
    CHECK(warm.score == "branin");
    CHECK(warm.params == std::vector<std::string>{"x1", "x2"});
    CHECK(warm.trials() == 16);  // the first seed's trials, both strategies'
    // The earlier trials as they were: the first seed's BO trial 3 in its row of (x1, x2, value), after random's 8.
    const tune::Trial& third = racer(app, "bo_ei", 0)->runner->study().trial(3);
    const size_t row = (8 + 3) * 3;
    CHECK(warm.points[row] == third.params[0]);
    CHECK(warm.points[row + 1] == third.params[1]);
    CHECK(warm.points[row + 2] == *third.value);
    CHECK(app.arena.setup.strategies == std::vector<std::string>{"random", "bo_ei", "bo_ei_warm"});

    REQUIRE(command(app, R"({"cmd":"arena.start"})").find("ok"));
    race_to_end(app);
    for (int seed = 0; seed < 2; ++seed) {
        const tune::Study& cold = racer(app, "bo_ei", seed)->runner->study();
        const tune::Study& hot = racer(app, "bo_ei_warm", seed)->runner->study();
        CHECK(cold.warm_start().empty());
        CHECK(hot.warm_start().size() == 16);
        CHECK(hot.trials().size() == 8);  // the same budget: the earlier trials are not its own
        CHECK(cold.trial(0).source == "init");  // a cold BO starts with its spread-out design
        CHECK(hot.trial(0).source == "ei");    // a warm one models from its first trial
    }
    // The arena reports the warm racer like any other, and its study says where it started from.
    json::Value status = command(app, R"({"cmd":"arena.status"})");
    CHECK(status["racers"].as_array().size() == 6);
    CHECK(status["racers"].as_array()[4].find("strategy")->as_string() == "bo_ei_warm");

    // Forgetting takes the earlier trials and the warm strategies away.
    REQUIRE(command(app, R"({"cmd":"arena.forget_warm"})").find("ok"));
    CHECK(app.arena.setup.warm.empty());
    CHECK(app.arena.setup.strategies == std::vector<std::string>{"random", "bo_ei"});
}

TEST_CASE("warm start: the set-up refuses earlier trials that do not fit the race, saying why") {
    TestApp t;
    AppState& app = t.app;
    REQUIRE(command(app, R"({"cmd":"arena.set","objective":"lab","metric":"val_accuracy","strategies":["bo_ei"],"trials":4,"epochs":3,
                             "repeats":1,"params":{"lr":{"tuned":true,"low":0.001,"high":0.1,"log":true}}})")
                .find("ok"));
    REQUIRE(command(app, R"({"cmd":"arena.start"})").find("ok"));
    race_to_end(app);
    REQUIRE(command(app, R"({"cmd":"arena.reuse"})").find("ok"));
    const json::Value setup = command(app, R"({"cmd":"session.get"})");
    auto refusal = [&](const std::string& change) {
        json::Value answer = command(app, R"({"cmd":"arena.set",)" + change + "}");
        CHECK(command(app, R"({"cmd":"session.get"})") == setup);  // nothing changed
        return answer.find("issues") ? answer["issues"].dump() : std::string("accepted");
    };
    // Another score, another range, other hyperparameters: each named.
    CHECK(refusal(R"("metric":"val_loss")").find("scored by val_accuracy, this race by val_loss") != std::string::npos);
    CHECK(refusal(R"("params":{"lr":{"low":0.01}})").find("outside this race's range") != std::string::npos);
    CHECK(refusal(R"("params":{"batch":{"tuned":false}})").find("the earlier trials set lr, batch; this race tunes lr") != std::string::npos);
    CHECK(refusal(R"("warm_start":{"points":[0.01,16,0.5,0.02]})").find("rows of 3 numbers") != std::string::npos);
    CHECK(refusal(R"("warm_start":{"points":["0.01"]})").find("must be a list of numbers") != std::string::npos);
}

TEST_CASE("warm start: a study file on the race's space is loaded; another space or a broken file is refused and nothing is lost") {
    TestApp t;
    AppState& app = t.app;
    REQUIRE(command(app, R"({"cmd":"arena.set","objective":"branin","strategies":["tpe"],"trials":6,"repeats":1})").find("ok"));
    // A study as `tunelab-cli study --objective branin --save` writes it.
    const auto branin = tune::make_objective("branin");
    tune::StudyRunner runner(tune::Study(branin->space(), tune::Direction::minimize, 9), tune::make_sampler("random", {}), branin, 12);
    runner.run();
    const std::string file = runner.study().to_json().dump();

    const json::Value setup = command(app, R"({"cmd":"session.get"})");
    json::Value load = json::Object{{"cmd", "arena.load_study"}, {"name", "branin.json"}, {"text", "{not json"}};
    CHECK(handle_command(app, load)["error"].as_string().find("not a study file (JSON)") != std::string::npos);
    CHECK(app.arena.warm_error.find("not a study file") == 0);  // the panel shows why
    load["text"] = R"({"direction":"minimize","seed":"1","space":[{"name":"x","type":"float","low":0,"high":1}],"trials":[]})";
    CHECK(handle_command(app, load)["error"].as_string().find("searched another space") != std::string::npos);
    CHECK(command(app, R"({"cmd":"session.get"})") == setup);

    load["text"] = file;
    REQUIRE(handle_command(app, load).find("ok"));
    CHECK(app.arena.warm_error.empty());
    CHECK(app.arena.setup.warm.source == "branin.json");
    CHECK(app.arena.setup.warm.trials() == 12);
    CHECK(app.arena.setup.strategies == std::vector<std::string>{"tpe", "tpe_warm"});
    // The loaded trials are the file's: warm TPE starts from exactly that study, as the CLI's --warm-start does.
    REQUIRE(command(app, R"({"cmd":"arena.start"})").find("ok"));
    race_to_end(app);
    tune::Study cli(branin->space(), tune::Direction::minimize, 1);
    cli.warm_start_from(runner.study());
    tune::StudyRunner cli_runner(cli, tune::make_sampler("tpe", {}), branin, 6);
    cli_runner.run();
    CHECK(racer(app, "tpe_warm", 0)->runner->study().to_json()["trials"] == cli_runner.study().to_json()["trials"]);
}

TEST_CASE("warm start: links and the saved session carry the earlier trials, and a restored warm race ends as the uninterrupted one") {
    TestApp sender;
    earlier_branin_race(sender.app);
    REQUIRE(command(sender.app, R"({"cmd":"arena.reuse"})").find("ok"));
    const WarmStart warm = sender.app.arena.setup.warm;

    // A link: the earlier trials as numbers, read back exactly.
    const std::string hash = encode_hash(session_to_json(sender.app));
    CHECK(hash.find("arena.warm_start.points=") != std::string::npos);
    TestApp receiver;
    REQUIRE(open_shared_hash(receiver.app, hash));
    CHECK(receiver.app.arena.setup.warm.points == warm.points);
    CHECK(receiver.app.arena.setup.warm.params == warm.params);
    CHECK(receiver.app.arena.setup.strategies == sender.app.arena.setup.strategies);

    // The saved session, mid-race: the warm racers come back with their earlier trials and go on alike.
    TestApp straight;
    REQUIRE(open_shared_hash(straight.app, hash));
    REQUIRE(command(straight.app, R"({"cmd":"arena.start"})").find("ok"));
    race_to_end(straight.app);
    REQUIRE(command(sender.app, R"({"cmd":"arena.start"})").find("ok"));
    sender.app.arena.racing = false;
    for (int i = 0; i < 3; ++i) REQUIRE(advance_round(sender.app.arena));
    TestApp restored;
    REQUIRE(restore_saved_session(restored.app, saved_session_to_json(sender.app).dump()));
    CHECK(restored.app.arena.setup.warm.points == warm.points);
    REQUIRE(racer(restored.app, "bo_ei_warm", 1));
    CHECK(racer(restored.app, "bo_ei_warm", 1)->runner->study().warm_start().size() == 16);
    race_to_end(restored.app);
    CHECK(trials_of(restored.app) == trials_of(straight.app));
}

TEST_CASE("warm start: the Python export of a warm race on the lab's network gives the new study the earlier trials") {
    TestApp t;
    AppState& app = t.app;
    REQUIRE(command(app, R"({"cmd":"arena.set","objective":"lab","strategies":["random","bo_ei"],"trials":3,"epochs":2,"seed":5})")
                .find("ok"));
    REQUIRE(command(app, R"({"cmd":"arena.start"})").find("ok"));
    race_to_end(app);
    REQUIRE(command(app, R"({"cmd":"arena.reuse"})").find("ok"));
    REQUIRE(command(app, R"({"cmd":"arena.set","strategies":["bo_ei_warm","bo_ei"]})").find("ok"));
    REQUIRE(command(app, R"({"cmd":"arena.start"})").find("ok"));
    race_to_end(app);
    const size_t earlier = racer(app, "bo_ei_warm", 0)->runner->study().warm_start().size();
    CHECK(earlier == 6);  // both strategies' trials of the reused race's first seed
    const std::string script = command(app, R"({"cmd":"session.export","what":"python"})")["text"].as_string();
    CHECK(script.find("    add_earlier_trials(study)\n") != std::string::npos);
    const size_t listed = script.find("EARLIER_TRIALS = ");
    REQUIRE(listed != std::string::npos);
    CHECK(size_t(std::count(script.begin() + long(listed), script.begin() + long(script.find('\n', listed)), '{')) == 2 * earlier);
    // The cold strategy first: its script has no earlier trials.
    REQUIRE(command(app, R"({"cmd":"arena.set","strategies":["bo_ei","bo_ei_warm"]})").find("ok"));
    REQUIRE(command(app, R"({"cmd":"arena.start"})").find("ok"));
    race_to_end(app);
    CHECK(command(app, R"({"cmd":"session.export","what":"python"})")["text"].as_string().find("EARLIER_TRIALS") == std::string::npos);
}
