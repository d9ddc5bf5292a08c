// Regression tests of issue #17 in the tuning layer: search spaces, studies and the MLP objective
// refuse what cannot be run or saved (D3, D7–D9, D12, D13), with the limits of core/limits.h.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <functional>
#include <string>

#include "core/limits.h"
#include "tune/bayes.h"
#include "tune/mlp_objective.h"
#include "tune/objective.h"
#include "tune/runner.h"
#include "tune/study.h"

using namespace tunelab;
using namespace tunelab::tune;

namespace {

json::Value parse(const std::string& text) {
    json::ParseResult parsed = json::parse(text);
    REQUIRE(parsed.ok());
    return parsed.value;
}

std::string refusal(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A saved two-trial Branin study, as the CLI's --save writes it.
json::Value saved_study() {
    auto objective = make_objective("branin");
    Study study(objective->space(), objective->direction(), 5);
    for (int i = 0; i < 2; ++i) {
        Trial& t = study.start(Proposal{{1.0 + i, 2.0}});
        study.tell(t.number, TrialStatus::complete, 3.0 + i);
    }
    return study.to_json();
}

}  // namespace

TEST_CASE("D3: an MLP space is checked against what training accepts before any trial, and before any cast") {
    auto space = [](Param p) { return Space({std::move(p)}); };
    auto start = std::chrono::steady_clock::now();
    std::string why = refusal([&] { MlpObjective(DatasetKind::xor_, MlpScore::validation_loss, 5, space(Param::integer("layers", 1, 1e9))); });
    CHECK(why.find("parameter 'layers': [1, 1000000000] is outside 1 to 8") == 0);
    CHECK(seconds_since(start) < 1.0);  // refused, not a billion layers allocated first
    CHECK(refusal([&] { MlpObjective(DatasetKind::xor_, MlpScore::validation_loss, 5, space(Param::integer("units", 1, 1e12))); })
              .find("parameter 'units': [1, 1000000000000] is outside 1 to 256") == 0);
    CHECK(refusal([&] { MlpObjective(DatasetKind::xor_, MlpScore::validation_loss, 5, space(Param::integer("batch", 1, 1e300))); })
              .find("parameter 'batch'") == 0);
    why = refusal([&] { MlpObjective(DatasetKind::xor_, MlpScore::validation_loss, 5, space(Param::real("lr", 1e-3, 1e300, true))); });
    CHECK(why.find("parameter 'lr': 1e+300 is not a setting training accepts (lr: is 1e+300; allowed: (0, 10])") == 0);
    CHECK(refusal([&] { MlpObjective(DatasetKind::xor_, MlpScore::validation_loss, 5, space(Param::real("beta1", 0.5, 1.5))); })
              .find("beta1: is 1.5") != std::string::npos);
    CHECK(refusal([&] { MlpObjective(DatasetKind::xor_, MlpScore::validation_loss, 5, space(Param::categorical("optimizer", {"sgd", "lbfgs"}))); })
              .find("'lbfgs' is not one of") != std::string::npos);
    CHECK(refusal([&] { MlpObjective(DatasetKind::xor_, MlpScore::validation_loss, 5, MlpObjective::default_space()); }).empty());
}

TEST_CASE("D7: a study value beyond a double (1e999) is refused on load; an infinite result is never saved") {
    json::Value study = saved_study();
    std::string text = study.dump();
    const size_t at = text.find("\"value\":3");
    REQUIRE(at != std::string::npos);
    text.replace(at, 9, "\"value\":1e999");
    json::ParseResult parsed = json::parse(text);
    CHECK_FALSE(parsed.ok());
    CHECK(parsed.error.find("beyond the range of a double") != std::string::npos);

    auto objective = make_objective("branin");
    Study s(objective->space(), objective->direction(), 5);
    Trial& t = s.start(Proposal{{1.0, 2.0}});
    s.tell(t.number, TrialStatus::complete, INFINITY);
    CHECK(s.trial(0).status == TrialStatus::failed);
    Study reloaded = Study::from_json(parse(s.to_json().dump()));  // its own save reloads
    CHECK(reloaded.trials().size() == 1);
}

TEST_CASE("D8: a parameter whose range overflows a double (±1e308) is refused") {
    CHECK(refusal([] { Space({Param::real("x", -1e308, 1e308)}); }).find("wider than a double holds") != std::string::npos);
    CHECK(refusal([] { Space({Param::integer("n", 0, 1e300)}); }).find("2^53") != std::string::npos);
    CHECK(refusal([] { space_from_json(parse(R"([{"name":"x","type":"float","low":-1e308,"high":1e308}])")); })
              .find("parameter 'x'") == 0);
    CHECK(refusal([] { Space({Param::real("x", -1e307, 1e307)}); }).empty());
}

TEST_CASE("D9: a study's seed is a string of decimal digits, nothing else") {
    for (const char* seed : {"-1", " +7", "12abc", "", "18446744073709551616", "0x10"}) {
        INFO(seed);
        json::Value study = saved_study();
        study["seed"] = seed;
        CHECK(refusal([&] { Study::from_json(study); }).find("seed must be a string of decimal digits") != std::string::npos);
    }
    json::Value study = saved_study();
    study["seed"] = "18446744073709551615";
    CHECK(Study::from_json(study).seed() == 18446744073709551615ULL);
}

TEST_CASE("D12: spaces and studies with more parameters, choices or trials than the limits are refused at once") {
    auto start = std::chrono::steady_clock::now();
    std::string params = "[";
    for (int i = 0; i < 300000; ++i) params += std::string(i ? "," : "") + R"({"name":"p)" + std::to_string(i) + R"(","type":"float","low":0,"high":1})";
    params += "]";
    const json::Value many = parse(params);
    CHECK(refusal([&] { space_from_json(many); }).find("a space of 300000 parameters; the limit is 64") != std::string::npos);
    std::string choices = R"([{"name":"c","type":"categorical","choices":[)";
    for (int i = 0; i < 200000; ++i) choices += std::string(i ? "," : "") + "\"c" + std::to_string(i) + "\"";
    choices += "]}]";
    CHECK(refusal([&] { space_from_json(parse(choices)); }).find("a list of 200000 choices; the limit is 256") != std::string::npos);
    json::Value study = saved_study();
    json::Array& trials = study["trials"].as_array();
    while (trials.size() <= size_t(limits::kMaxTrials)) trials.push_back(trials.back());
    CHECK(refusal([&] { Study::from_json(study); }).find("10001 trials; the limit is 10 000") != std::string::npos);
    CHECK(seconds_since(start) < 10.0);
}

TEST_CASE("D13: BO models at most the best kMaxGpObservations observations") {
    Observations all;
    for (int i = 0; i < 1200; ++i) {
        all.params.push_back({double(i)});
        all.loss.push_back(double((i * 7919) % 1200));  // a permutation of 0 … 1199
    }
    Observations best = best_observations(all, limits::kMaxGpObservations);
    REQUIRE(best.size() == size_t(limits::kMaxGpObservations));
    for (size_t k = 0; k < best.size(); ++k) CHECK(best.loss[k] < limits::kMaxGpObservations);  // the lowest
    for (size_t k = 1; k < best.size(); ++k) CHECK(best.params[k][0] > best.params[k - 1][0]);  // in study order

    // A study of 600 finished trials: BO fits its GP on 500 of them.
    auto objective = make_objective("branin");
    Study study(objective->space(), objective->direction(), 3);
    Rng rng(3, 0);
    for (int i = 0; i < 600; ++i) {
        Trial& t = study.start(Proposal{{rng.uniform() * 15 - 5, rng.uniform() * 15}});
        study.tell(t.number, TrialStatus::complete, rng.uniform());
    }
    BayesSampler bayes{BayesOptions{}};
    const Surrogate* model = bayes.model(study);
    REQUIRE(model);
    CHECK(model->gp().size() == limits::kMaxGpObservations);
}

TEST_CASE("nothing lost: a study file cut short anywhere is refused with where it ends, never half-loaded") {
    const std::string text = saved_study().dump(1);
    for (size_t cut = 0; cut < text.size(); cut += 7) {
        INFO(cut);
        json::ParseResult parsed = json::parse(std::string_view(text).substr(0, cut));
        REQUIRE_FALSE(parsed.ok());  // a JSON document cut short is never a whole document
        CHECK(parsed.line >= 1);
        CHECK(!parsed.error.empty());
    }
    CHECK(Study::from_json(parse(text)).trials().size() == 2);
}
