#include <doctest/doctest.h>

#include <functional>
#include <optional>
#include <string>

#include "ui/app.h"
#include "ui/arena/arena_resume.h"
#include "ui/session.h"
#include "ui/test_app.h"

using namespace tunelab;
using namespace tunelab::ui;

namespace {

json::Value parse(const std::string& text) {
    json::ParseResult parsed = json::parse(text);
    REQUIRE(parsed.ok());
    return parsed.value;
}

json::Value command(AppState& app, json::Value request) { return handle_command(app, request); }

}  // namespace

TEST_CASE("session: a shared hash reproduces the whole configuration in a fresh app") {
    TestApp sender;
    AppState& a = sender.app;
    a.tr.language = Language::english;
    a.page = Page::lessons;
    CHECK(command(a, parse(R"({"cmd":"lab.set","data":{"kind":"moons","noise":0.2,"seed":42,"size":300},
                              "train":{"optimizer":{"kind":"rmsprop"},"lr":{"lr":0.005,"kind":"cosine"},"seed":7,
                                       "model":{"hidden":[{"units":16,"activation":"relu","dropout":0.1}]}},
                              "compare":true})")).find("ok") != nullptr);
    CHECK(command(a, parse(R"({"cmd":"lab.set","run":1,"train":{"batch":{"size":25},"l2":0.001}})")).find("ok") != nullptr);
    const json::Value document = session_to_json(a);
    const std::string hash = encode_hash(document);
    CHECK(hash.find("optimizer=rmsprop&lr.kind=cosine&lr=0.005") != std::string::npos);
    TestApp receiver;
    DecodedHash decoded = decode_hash("#" + hash);
    REQUIRE(decoded.document);
    CHECK(session_from_json(receiver.app, *decoded.document).empty());
    CHECK(session_to_json(receiver.app) == document);
    CHECK(receiver.app.lab.compare);
    CHECK(receiver.app.lab.runs[0].config.seed == 7);
    CHECK(receiver.app.lab.data_config.seed == 42);
    CHECK(receiver.app.tr.language == Language::english);
    CHECK(receiver.app.page == Page::lessons);
    REQUIRE(receiver.app.lab.data);
    CHECK(receiver.app.lab.data->info.train_size == sender.app.lab.data->info.train_size);
}

TEST_CASE("session: malformed first-version hashes are refused with a reason") {
    CHECK(decode_hash("v1.e30=").error().find("base64url") != std::string::npos);    // padding
    CHECK(decode_hash("v1.e3 0").error().find("base64url") != std::string::npos);    // a space
    CHECK(decode_hash("v1.e").error().find("base64url") != std::string::npos);       // impossible length
    CHECK(decode_hash("v1.bm90IGpzb24").error().find("not valid JSON") != std::string::npos);  // "not json"
    CHECK(decode_hash("v1.WzFd").error().find("not a JSON object") != std::string::npos);        // [1]
    CHECK(decode_hash("v1." + std::string(kMaxHashLength, 'A')).error().find("at most") != std::string::npos);
    CHECK(decode_hash("v1.e30").document == json::Value(json::Object{}));  // {} is fine: the defaults
}

TEST_CASE("session: a refused document changes nothing and names each field") {
    TestApp t;
    AppState& app = t.app;
    app.tr.language = Language::english;
    const json::Value before = session_to_json(app);
    std::vector<Issue> issues = session_from_json(
        app, parse(R"({"version":1,"langauge":"en","lab":{"data":{"kind":"circle"},
                       "runs":[{"lr":{"lr":0}},{"optimiser":{}}],"compare":"yes"}})"));
    REQUIRE(!issues.empty());
    auto has = [&](const std::string& field) {
        for (const Issue& issue : issues)
            if (issue.field == field) return true;
        return false;
    };
    CHECK(has("langauge"));
    CHECK(session_to_json(app) == before);

    issues = session_from_json(app, parse(R"({"lab":{"runs":[{"lr":{"lr":0}},{"optimiser":{}}],"compare":"yes"}})"));
    CHECK(has("lab.compare"));
    issues = session_from_json(app, parse(R"({"lab":{"runs":[{"lr":{"lr":0}}]}})"));
    CHECK(has("lab.runs[0].lr"));
    issues = session_from_json(app, parse(R"({"lab":{"runs":[{}, {"optimiser":{}}]}})"));
    CHECK(has("lab.runs[1].optimiser"));
    issues = session_from_json(app, parse(R"({"version":2})"));
    CHECK(has("version"));
    CHECK(session_to_json(app) == before);
}

TEST_CASE("session: a partial document applies onto the defaults, fitting the output to the data") {
    TestApp t;
    AppState& app = t.app;
    command(app, parse(R"({"cmd":"lab.set","train":{"epochs":7},"compare":true})"));
    REQUIRE(session_from_json(app, parse(R"({"lab":{"data":{"kind":"iris"}}})")).empty());
    CHECK(app.lab.runs[0].config.epochs == TrainConfig{}.epochs);
    CHECK(!app.lab.compare);
    CHECK(app.lab.runs[0].config.model.output == Output::softmax);
    CHECK(app.lab.runs[0].config.model.loss == Loss::categorical_cross_entropy);
    CHECK(app.lab.runs[0].issues.empty());
}

TEST_CASE("session: a hostile link loads the defaults and says why") {
    TestApp t;
    AppState& app = t.app;
    command(app, parse(R"({"cmd":"lab.set","data":{"kind":"xor"}})"));
    // A valid encoding of a document whose data kind is markup: parsed as data, refused as a name.
    const std::string hostile = encode_hash(parse(R"({"lab":{"data":{"kind":"<img src=x onerror=alert(1)>"}}})"));
    CHECK(!open_shared_hash(app, "#" + hostile));
    CHECK(app.session.notice.find("shared link") != std::string::npos);
    CHECK(app.session.notice_detail.find("data.kind: must be one of") == 0);  // named as the link names it
    CHECK(app.lab.data_config.kind == DataConfig{}.kind);
    CHECK(app.session.notice_open);

    CHECK(!open_shared_hash(app, "#v1.%%%"));
    CHECK(app.session.notice_detail.find("base64url") != std::string::npos);
    CHECK(!open_shared_hash(app, ""));  // no hash: nothing to do, nothing reported
}

TEST_CASE("session: hook commands get, set, hash and export") {
    TestApp t;
    AppState& app = t.app;
    json::Value document = command(app, parse(R"({"cmd":"session.get"})"));
    CHECK(document.find("lab") != nullptr);
    document["lab"]["compare"] = true;
    CHECK(command(app, json::Object{{"cmd", "session.set"}, {"document", document}}) == json::Value(json::Object{{"ok", true}}));
    CHECK(app.lab.compare);
    json::Value refused = command(app, parse(R"({"cmd":"session.set","document":{"lab":{"compare":1}}})"));
    CHECK(refused.find("error") != nullptr);
    CHECK((*refused.find("issues")).as_array().at(0).find("field")->as_string() == "lab.compare");
    CHECK(app.lab.compare);

    const std::string hash = command(app, parse(R"({"cmd":"session.hash"})")).find("hash")->as_string();
    AppState fresh;
    CHECK(session_from_json(fresh, *decode_hash(hash).document).empty());
    CHECK(session_to_json(fresh) == session_to_json(app));

    command(app, parse(R"({"cmd":"lab.epoch","batches":2})"));
    json::Value csv = command(app, parse(R"({"cmd":"session.export","what":"csv"})"));
    const std::string& text = csv.find("text")->as_string();
    CHECK(text.rfind("run,epoch,train_loss,validation_loss", 0) == 0);
    CHECK(text.find("\nA,1,") != std::string::npos);
    CHECK(text.find("\nB,2,") != std::string::npos);
    json::Value exported = parse(command(app, parse(R"({"cmd":"session.export","what":"json"})")).find("text")->as_string());
    CHECK(*exported.find("session") == session_to_json(app));
    CHECK(exported.find("results")->find("runs")->as_array().size() == 2);
    const std::string python = command(app, parse(R"({"cmd":"session.export","what":"python"})")).find("text")->as_string();
    CHECK(python.find("import optuna") != std::string::npos);
    CHECK(command(app, parse(R"({"cmd":"session.export","what":"exe"})")).find("error") != nullptr);
}

TEST_CASE("session: the arena's set-up travels with the link, strictly") {
    TestApp t;
    AppState& app = t.app;
    json::Value document = session_to_json(app);
    document["arena"]["trials"] = 12;
    document["arena"]["seed"] = 5;
    document["arena"]["strategies"] = json::Array{"random", "tpe"};
    REQUIRE(session_from_json(app, document).empty());
    CHECK(app.arena.setup.trials == 12);
    CHECK(app.arena.setup.strategies == std::vector<std::string>{"random", "tpe"});
    CHECK(session_to_json(app) == document);

    json::Value bad = document;
    bad["arena"]["trials"] = 0;
    std::vector<Issue> issues = session_from_json(app, bad);
    REQUIRE(!issues.empty());
    CHECK(issues.front().field.rfind("arena.trials", 0) == 0);
    CHECK(session_to_json(app) == document);
}

// ------------------------------------------------------------------------ a race across a reload

namespace {

// Every racer's trials as the arena reports them (params, value, status): what must survive.
json::Value race_trials(AppState& app) {
    json::Array racers;
    const json::Value status = command(app, parse(R"({"cmd":"arena.status"})"));
    for (const json::Value& racer : status.find("racers")->as_array())
        racers.push_back(*racer.find("trials"));
    return racers;
}

void race_to_end(AppState& app) {
    while (advance_round(app.arena)) {
    }
}

// The race interrupted at `rounds` rounds plus `extra_steps` single steps of racer `stepped` (inside a
// trial: a lab trial's epochs, or a Hyperband promotion), as the page would leave it when killed.
std::string saved_mid_race(AppState& app, int rounds, int extra_steps, size_t stepped = 0) {
    REQUIRE(command(app, parse(R"({"cmd":"arena.start"})")).find("ok") != nullptr);
    app.arena.racing = false;
    for (int i = 0; i < rounds; ++i) REQUIRE(advance_round(app.arena));
    Racer& racer = app.arena.racers.at(stepped);
    for (int i = 0; i < extra_steps; ++i)
        if (racer.runner->step() == tune::RunEvent::told) racer.told++;
    return saved_session_to_json(app).dump();
}

// Races `setup` straight through in one app, and interrupted + saved + restored in a fresh one;
// every trial of every racer must come out the same.
void check_resume_matches(const std::string& setup, int rounds, int extra_steps, size_t stepped,
                          bool edit_lab_after_start = false) {
    TestApp straight;
    REQUIRE(command(straight.app, parse(setup)).find("ok") != nullptr);
    REQUIRE(command(straight.app, parse(R"({"cmd":"arena.start"})")).find("ok") != nullptr);
    race_to_end(straight.app);

    TestApp before;
    REQUIRE(command(before.app, parse(setup)).find("ok") != nullptr);
    std::string saved = saved_mid_race(before.app, rounds, extra_steps, stepped);
    if (edit_lab_after_start) {  // the learner moves on in the lab; the race keeps its own settings
        command(before.app, parse(R"({"cmd":"lab.set","train":{"lr":{"lr":0.3},"seed":99}})"));
        saved = saved_session_to_json(before.app).dump();
    }
    const json::Value trials_at_save = race_trials(before.app);
    const tune::StudyRunner& cut = *before.app.arena.racers.at(stepped).runner;
    REQUIRE(cut.running() >= 0);  // the cut is inside a trial (and, for Hyperband, a promotion)
    const tune::Trial& running = cut.study().trial(cut.running());
    CHECK(running.intermediate.size() == size_t(extra_steps - 1 + (running.rung > 0 ? 1 : 0)));
    if (running.bracket >= 0 && stepped > 0) CHECK(running.rung == 1);  // promoted from its 1-epoch rung

    TestApp after;
    REQUIRE(restore_saved_session(after.app, saved));
    CHECK(after.app.session.notice.empty());
    CHECK(race_trials(after.app) == trials_at_save);  // finished trials kept, the running one too
    CHECK(!after.app.arena.racing);
    REQUIRE(after.app.arena.interrupted);
    CHECK(after.app.arena.interrupted->round == rounds);
    int finished = 0;
    for (const Racer& racer : before.app.arena.racers)
        for (const tune::Trial& t : racer.runner->study().trials()) finished += t.status != tune::TrialStatus::running;
    CHECK(after.app.arena.interrupted->restored_trials == finished);
    CHECK(command(after.app, parse(R"({"cmd":"arena.status"})"))["interrupted"]["restored_trials"] == json::Value(finished));

    REQUIRE(command(after.app, parse(R"({"cmd":"arena.resume"})"))["racing"] == json::Value(true));
    CHECK(!after.app.arena.interrupted);
    race_to_end(after.app);
    CHECK(race_trials(after.app) == race_trials(straight.app));

    // A finished race comes back too (its views and table), without the offer.
    TestApp later;
    REQUIRE(restore_saved_session(later.app, saved_session_to_json(after.app).dump()));
    CHECK(race_finished(later.app.arena));
    CHECK(!later.app.arena.interrupted);
    CHECK(race_trials(later.app) == race_trials(straight.app));
    CHECK(later.app.arena.round == after.app.arena.round);
}

}  // namespace

TEST_CASE("session: a race saved mid-way and restored in a fresh app ends exactly as the uninterrupted race") {
    SUBCASE("every strategy on a test function") {
        check_resume_matches(R"({"cmd":"arena.set","objective":"branin","strategies":["grid","random","bo_ei","tpe","hyperband"],
                                 "trials":14,"seed":4})",
                             6, 1, 0);
    }
    SUBCASE("Hyperband on the lab's network, cut inside a trial, with the lab edited after the start") {
        // 9 epochs, η = 3: Hyperband's first bracket trains 9 trials for 1 epoch, promotes 3 to 3 epochs
        // and 1 to 9, so a cut at round 10 falls inside its second promotion (2 steps: asked, 1 epoch).
        const std::string setup = R"({"cmd":"arena.set","objective":"lab","strategies":["random","hyperband"],"trials":12,
                                      "epochs":9,"seed":2})";
        check_resume_matches(setup, 3, 4, 0, true);  // inside a random trial's epochs
        check_resume_matches(setup, 10, 2, 1);
    }
    SUBCASE("ParEGO on the lab's network: its study of error and FLOPs comes back and goes on alike") {
        // Cut in its random start (8 trials for four tuned settings), where one step asks a trial; the
        // restored study then has to carry both objectives for ParEGO's own proposals to come out alike.
        check_resume_matches(R"({"cmd":"arena.set","objective":"lab","metric":"val_accuracy","strategies":["random","parego"],
                                 "trials":12,"epochs":4,"seed":3,"repeats":1,"params":{"units":{"tuned":true,"low":2,"high":32,
                                 "log":true},"epochs":{"tuned":true,"low":1,"high":4,"log":false}}})",
                             5, 2, 1);
    }
}

TEST_CASE("session: a 6-racer, 30-trial race keeps the saved session small") {
    TestApp t;
    command(t.app, parse(R"({"cmd":"arena.set","objective":"hartmann6","strategies":["grid","random","sobol","bo_ei","tpe","hyperband"],
                             "trials":30,"repeats":1})"));
    command(t.app, parse(R"({"cmd":"arena.start"})"));
    race_to_end(t.app);
    const size_t size = saved_session_to_json(t.app).dump().size();
    MESSAGE("saved session with a 6 x 30 race: " << size << " bytes");
    // Browsers give a site about 5 MB of localStorage; a race should take a small part of it.
    CHECK(size < 150 * 1024);
}

TEST_CASE("session: the saved text joined from its settings and race parts is the saved document's text") {
    TestApp t;
    const auto joined = [&] {
        return saved_session_text(session_to_json(t.app).dump(), race_to_json(t.app.arena).dump());
    };
    CHECK(joined() == saved_session_to_json(t.app).dump());  // no race yet: the settings alone
    command(t.app, parse(R"({"cmd":"arena.set","objective":"branin","strategies":["random","bo_ei"],"trials":6})"));
    saved_mid_race(t.app, 2, 0);
    CHECK(joined() == saved_session_to_json(t.app).dump());
    TestApp restored;
    REQUIRE(restore_saved_session(restored.app, joined()));
    CHECK(race_trials(restored.app) == race_trials(t.app));
}

TEST_CASE("session: a corrupted or hostile saved race is refused with the reason, and the defaults load") {
    TestApp source;
    command(source.app, parse(R"({"cmd":"lab.set","data":{"kind":"xor"}})"));
    command(source.app, parse(R"({"cmd":"arena.set","objective":"branin","strategies":["random","tpe"],"trials":6})"));
    const json::Value good = parse(saved_mid_race(source.app, 3, 0));
    auto refused = [&](const std::function<void(json::Value&)>& spoil, const std::string& reason) {
        json::Value bad = good;
        spoil(bad);
        TestApp t;
        INFO(reason);
        CHECK(!restore_saved_session(t.app, bad.dump()));
        CHECK(t.app.session.notice.find("saved session could not be restored") != std::string::npos);
        CHECK(t.app.session.notice_detail.find(reason) != std::string::npos);
        CHECK(t.app.arena.racers.empty());
        CHECK(t.app.lab.data_config.kind == DataConfig{}.kind);  // the defaults, not half a session
    };
    auto study = [](json::Value& d) -> json::Value& { return d["race"]["racers"].as_array()[1]["study"]; };
    refused([&](json::Value& d) { study(d)["trials"].as_array()[0]["value"] = "0.4"; }, "race.racers[1].study");
    refused([&](json::Value& d) { study(d)["trials"].as_array()[0]["params"]["x1"] = "<script>"; }, "not a number");
    refused([&](json::Value& d) { study(d)["space"].as_array().pop_back(); }, "search space");
    refused([&](json::Value& d) { study(d)["seed"] = "77"; }, "seed");
    refused([&](json::Value& d) { d["race"]["racers"].as_array().pop_back(); }, "race.racers");
    refused([&](json::Value& d) { d["race"]["racers"].as_array()[0]["strategy"] = "tpe"; }, "race.racers[0]");
    refused([&](json::Value& d) { d["race"]["setup"]["trials"] = -3; }, "race.setup.trials");
    refused([&](json::Value& d) { d["race"]["setup"]["trials"] = 2; }, "more trials than the race");
    refused([&](json::Value& d) { d["race"]["setup"]["objective"] = "lab"; }, "race.lab");
    refused([&](json::Value& d) { d["race"]["eval"] = "alert(1)"; }, "race.eval");
    refused([&](json::Value& d) { d["race"] = json::Array{1, 2}; }, "race");

    TestApp t;
    CHECK(!restore_saved_session(t.app, good.dump().substr(0, 300)));  // cut short: not JSON
    CHECK(t.app.session.notice_detail.find("not valid JSON") != std::string::npos);
    CHECK(t.app.arena.racers.empty());
}

TEST_CASE("session: the page's own address after a reload restores the saved session, race included") {
    TestApp t;
    command(t.app, parse(R"({"cmd":"arena.set","objective":"branin","strategies":["random"],"trials":5})"));
    const std::string saved = saved_mid_race(t.app, 2, 0);
    const std::string own_hash = "#" + encode_hash(session_to_json(t.app));
    CHECK(link_matches_saved(own_hash, saved));
    command(t.app, parse(R"({"cmd":"arena.set","seed":8})"));
    CHECK(!link_matches_saved("#" + encode_hash(session_to_json(t.app)), saved));  // another configuration
    CHECK(!link_matches_saved("#v1.%%%", saved));
    CHECK(!link_matches_saved(own_hash, "{\"cut"));
}

TEST_CASE("session: a link leaves the learner's CSV data out, and a reload still restores them") {
    AppState app;
    std::string csv = "a,b,label\n";
    for (int i = 0; i < 500; ++i) csv += std::to_string(i) + "," + std::to_string(i % 7) + "," + (i % 2 ? "x" : "y") + "\n";
    load_csv_text(app.lab, "mine.csv", csv);
    const json::Value document = session_to_json(app);
    REQUIRE(document.find("lab")->find("data")->find("csv_text"));
    const std::string hash = encode_hash(document);
    const DecodedHash decoded = decode_hash(hash);
    REQUIRE(decoded.document);
    CHECK(*decoded.document->find("lab")->find("data")->find("csv_text") == json::Value(""));
    CHECK(*decoded.document->find("lab")->find("data")->find("target_column") == json::Value("label"));
    CHECK(hash.size() < encode_hash(session_to_json(AppState())).size() + 200);  // the file's 5 KB are not in it
    // The page's own address after a reload is still the saved session, whose CSV data come back.
    CHECK(link_matches_saved("#" + hash, document.dump()));
}

TEST_CASE("session: the Python export of a race on the lab's network carries its score, epochs, budget and network") {
    TestApp t;
    REQUIRE(command(t.app, parse(R"({"cmd":"arena.set","objective":"lab","strategies":["grid"],"trials":4,"epochs":5,
                                     "metric":"val_accuracy","seed":3})")).find("ok") != nullptr);
    REQUIRE(command(t.app, parse(R"({"cmd":"arena.start"})")).find("ok") != nullptr);
    command(t.app, parse(R"({"cmd":"lab.set","train":{"lr":{"lr":0.3}}})"));  // the lab moves on after the start
    const std::optional<Export> python = make_export(t.app, "python");
    REQUIRE(python);
    const std::string& script = python->text;
    auto has = [&](const std::string& part) { return script.find(part) != std::string::npos; };
    CHECK(has("\"epochs\": 5,  # per trial"));
    CHECK(has("\"score\": \"validation_accuracy\","));
    CHECK(has("direction=\"maximize\", sampler=sampler, pruner=pruner)"));
    CHECK(has("TuneLab's grid for a budget of 4 trials"));
    const double raced_lr = t.app.arena.raced_run.lr.lr;
    REQUIRE(raced_lr != 0.3);
    CHECK(has("    \"lr\": " + json::format_number(raced_lr) + ",\n"));  // the race's network, not the lab's latest
}

TEST_CASE("session: a link holds only the settings that differ from the defaults") {
    TestApp t;
    CHECK(encode_hash(session_to_json(t.app)) == "language=zh");
    command(t.app, parse(R"({"cmd":"lab.set","train":{"lr":{"lr":0.3}}})"));
    CHECK(encode_hash(session_to_json(t.app)) == "language=zh&lr=0.3");
    command(t.app, parse(R"({"cmd":"lab.set","data":{"kind":"diabetes"}})"));  // a regression set: the output fits it
    const std::string link = encode_hash(session_to_json(t.app));
    CHECK(link.find("data.kind=diabetes&model.output=linear&model.loss=mse") != std::string::npos);
    AppState fresh;  // the short link gives the whole configuration back
    fresh.lab.data_config.data_dir = TUNELAB_ASSETS_DIR "/data";
    CHECK(open_shared_hash(fresh, link));
    CHECK(session_to_json(fresh) == session_to_json(t.app));
}
