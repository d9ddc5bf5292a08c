// Readable share links (ui/share_link.h): names from the table of tunable settings, only what differs
// from a fresh app, refusals named as the link names the setting, and first-version links still open.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <string>

#include "core/settings_json.h"
#include "tune/tunable.h"
#include "ui/app.h"
#include "ui/session.h"
#include "ui/share_link.h"
#include "ui/test_app.h"

using namespace tunelab;
using namespace tunelab::ui;

namespace {

json::Value command(AppState& app, const std::string& request) { return handle_command(app, json::parse(request).value); }

// The link of a fresh app whose run A is `edit`ed.
std::string link_of_run(const std::function<void(TrainConfig&)>& edit) {
    AppState app;
    edit(app.lab.runs[0].config);
    return encode_hash(session_to_json(app));
}

}  // namespace

TEST_CASE("share link: every tunable setting of a run goes by its name in the table of tunable settings") {
    const TrainConfig base = AppState().lab.runs[0].config;
    for (const tune::TunableSetting& setting : tune::tunable_settings()) {
        CAPTURE(setting.name);
        // A value the fresh run does not have: a choice it does not use, else the far end of its range.
        tune::NetworkTrial trial{base, base.model.hidden.front(), int(base.model.hidden.size()), false, 1000, 1000};
        std::string expected;
        for (const std::string& choice : setting.choices) {
            tune::NetworkTrial tried = trial;
            setting.apply(tried, 0, choice);
            if (to_json(tried.config) != to_json(base) || tried.layer.activation != trial.layer.activation) {
                trial = tried;
                expected = choice;
                break;
            }
        }
        if (setting.choices.empty()) {
            const double value = setting.kind == tune::ParamKind::integer ? setting.high : setting.high * 0.75;
            setting.apply(trial, value, "");
            expected = json::format_number(value);
        }
        const std::string link = link_of_run([&](TrainConfig& run) {
            run = trial.config;
            run.model.hidden.assign(size_t(trial.layers), trial.layer);
        });
        CHECK(link == "language=zh&" + std::string(setting.name) + "=" + expected);
    }
}

TEST_CASE("share link: readable, only what differs, and the whole configuration back in a fresh app") {
    TestApp sender;
    AppState& a = sender.app;
    CHECK(encode_hash(session_to_json(a)) == "language=zh");  // the defaults: nothing else to say
    REQUIRE(command(a, R"({"cmd":"lab.set","data":{"kind":"moons","noise":0.15,"seed":42},
                          "train":{"lr":{"lr":0.03,"kind":"cosine"},"batch":{"size":20},
                                   "model":{"hidden":[{"units":16,"activation":"tanh"},{"units":8,"activation":"tanh"},
                                                      {"units":4,"activation":"tanh","dropout":0.1}]}},
                          "compare":true})").find("ok"));
    REQUIRE(command(a, R"({"cmd":"lab.set","run":1,"train":{"l2":0.001}})").find("ok"));
    REQUIRE(command(a, R"({"cmd":"arena.set","strategies":["random","tpe"],"trials":12})").find("ok"));
    const std::string link = encode_hash(session_to_json(a));
    CHECK(link == "language=zh&data.kind=moons&data.noise=0.15&data.seed=42&layers=3&units=16,8,4&activation=tanh&"
                  "dropout=0,0,0.1&lr.kind=cosine&lr=0.03&batch=20&b.l2=0.001&compare=true&arena.trials=12&"
                  "arena.strategies=random,tpe");
    TestApp receiver;
    CHECK(open_shared_hash(receiver.app, "#" + link));
    CHECK(session_to_json(receiver.app) == session_to_json(a));
    CHECK(receiver.app.session.notice.empty());

    // Text in any script, and the separators themselves, survive as %-escapes.
    AppState texts;
    texts.lab.data_config.target_column = "中文 ü \"q\" &=,%#\n";
    const std::string escaped = encode_hash(session_to_json(texts));
    CHECK(escaped.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+%=&,") == std::string::npos);
    const DecodedHash decoded = decode_hash(escaped);
    REQUIRE(decoded.document);
    CHECK(*decoded.document == session_to_json(texts));
}

TEST_CASE("share link: hidden layers take one value for all or one per layer; a changed count copies the last layer") {
    TestApp t;
    CHECK(open_shared_hash(t.app, "layers=3&units=32,16,8&b.layers=1&b.activation=tanh"));
    const auto& a = t.app.lab.runs[0].config.model.hidden;
    REQUIRE(a.size() == 3);
    CHECK(a[2].units == 8);
    CHECK(a[2].activation == a[0].activation);  // copied from the default's last layer
    const auto& b = t.app.lab.runs[1].config.model.hidden;
    REQUIRE(b.size() == 1);
    CHECK(b[0].activation == Activation::tanh);
    CHECK(encode_hash(session_to_json(t.app)) == "language=zh&layers=3&units=32,16,8&b.layers=1&b.activation=tanh");
    CHECK(open_shared_hash(t.app, "layers=0"));
    CHECK(t.app.lab.runs[0].config.model.hidden.empty());
    CHECK(encode_hash(session_to_json(t.app)) == "language=zh&layers=0");
}

TEST_CASE("share link: a malformed link is refused whole, each problem named as the link names it") {
    auto refusal = [](const std::string& hash) {
        TestApp t;
        t.app.tr.language = Language::english;
        REQUIRE(command(t.app, R"({"cmd":"lab.set","train":{"epochs":7}})").find("ok"));
        const bool opened = open_shared_hash(t.app, hash);
        CHECK(!opened);
        CHECK(t.app.lab.runs[0].config.epochs == AppState().lab.runs[0].config.epochs);  // the defaults, not the edit
        return t.app.session.notice_detail;
    };
    CHECK(refusal("lr=fast") == "lr: must be a number");
    CHECK(refusal("lr=0").find("lr: is 0; allowed") == 0);                 // refused by the settings' own check
    CHECK(refusal("b.units=8,8,8") == "b.units: must be one value, or one per hidden layer (2)");
    CHECK(refusal("layers=1e9") == "layers: must be a whole number from 0 to 8");
    CHECK(refusal("compare=maybe") == "compare: must be true or false");
    CHECK(refusal("lr=0.1&lr=0.2") == "'lr': listed twice");
    CHECK(refusal("learning_rate=0.1") == "'learning_rate': unknown setting");
    CHECK(refusal("version=1") == "'version': unknown setting");
    CHECK(refusal("lr=0.1%2") == "lr: holds a broken percent-escape: the link was cut or altered");
    CHECK(refusal("<script>alert(1)</script>") == "'<script>alert(1)</script>': is not name=value");
    CHECK(refusal("data.kind=%3Cimg%20src%3Dx%3E").find("data.kind: must be one of") == 0);
    CHECK(refusal("language=en&" + std::string(kMaxHashLength, 'x')).find("at most") != std::string::npos);
    // Thousands of bad pairs: the first twenty are listed, the rest not even read.
    std::string many;
    for (int i = 0; i < 30000; ++i) many += "n" + std::to_string(i) + "=1&";
    std::vector<Issue> issues;
    CHECK(!read_link_text(many, session_to_json(AppState()), issues));
    REQUIRE(issues.size() == 21);
    CHECK(issues.back().message == "more problems follow; the first 20 are listed");
    // Several problems: each one, and nothing applied.
    const std::string several = refusal("lr=x&units=1,2,3&nosuch=1");
    CHECK(several.find("lr: must be a number") != std::string::npos);
    CHECK(several.find("units: must be one value") != std::string::npos);
    CHECK(several.find("'nosuch': unknown setting") != std::string::npos);
    // The Chinese notice translates each refusal; the names stay as the link spells them.
    Translator zh;
    CHECK(zh.issue("must be one value, or one per hidden layer (2)") == "必须是一个值，或每个隐藏层一个值（共 2 层）");
    CHECK(zh.issue("is not name=value") != "is not name=value");
    CHECK(zh.issue("holds a broken percent-escape: the link was cut or altered") != "holds a broken percent-escape: the link was cut or altered");
}

TEST_CASE("share link: a first-version link (v1. + base64url of JSON) still opens") {
    // {"version":1,"language":"en","lab":{"data":{"kind":"moons","seed":42},"runs":[{"lr":{"lr":0.05},
    //  "model":{"hidden":[{"units":6,"activation":"relu","dropout":0}]}}]}}
    const std::string v1 =
        "#v1.eyJ2ZXJzaW9uIjoxLCJsYW5ndWFnZSI6ImVuIiwibGFiIjp7ImRhdGEiOnsia2luZCI6Im1vb25zIiwic2VlZCI6NDJ9LCJydW5zIjpbeyJs"
        "ciI6eyJsciI6MC4wNX0sIm1vZGVsIjp7ImhpZGRlbiI6W3sidW5pdHMiOjYsImFjdGl2YXRpb24iOiJyZWx1IiwiZHJvcG91dCI6MH1dfX1dfX0";
    TestApp t;
    CHECK(open_shared_hash(t.app, v1));
    CHECK(t.app.tr.language == Language::english);
    CHECK(t.app.lab.data_config.kind == DatasetKind::moons);
    CHECK(t.app.lab.data_config.seed == 42);
    CHECK(t.app.lab.runs[0].config.lr.lr == 0.05);
    REQUIRE(t.app.lab.runs[0].config.model.hidden.size() == 1);
    CHECK(t.app.lab.runs[0].config.model.hidden[0].units == 6);
    // Its page then shows the readable link of the same configuration, which opens the same.
    const std::string readable = encode_hash(session_to_json(t.app));
    CHECK(readable == "language=en&data.kind=moons&data.seed=42&layers=1&units=6&lr=0.05");
    TestApp again;
    CHECK(open_shared_hash(again.app, readable));
    CHECK(session_to_json(again.app) == session_to_json(t.app));
    // A first-version link that is not base64url, or not JSON, is refused as before.
    CHECK(decode_hash("#v1.%%%").error().find("base64url") != std::string::npos);
    CHECK(decode_hash("v1.bm90IGpzb24").error().find("not valid JSON") != std::string::npos);
}

TEST_CASE("share link: a seed beyond 2^53 travels as its digits") {
    TestApp t;
    CHECK(open_shared_hash(t.app, "seed=18446744073709551615&data.seed=9007199254740993"));
    CHECK(t.app.lab.runs[0].config.seed == 18446744073709551615ull);
    CHECK(t.app.lab.data_config.seed == 9007199254740993ull);
    CHECK(encode_hash(session_to_json(t.app)) == "language=zh&data.seed=9007199254740993&seed=18446744073709551615");
    CHECK(link_name("lab.runs[1].model.hidden[3].dropout") == "b.dropout");
    CHECK(link_name("lab.runs[0].optimizer.beta2") == "beta2");
    CHECK(link_name("arena.params.lr.low") == "arena.params.lr.low");
}
