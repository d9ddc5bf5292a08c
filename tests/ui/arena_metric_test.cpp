#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "ui/app.h"

using namespace tunelab;
using namespace tunelab::ui;

namespace {
json::Value call(AppState& app, json::Value request) { return handle_command(app, request); }
}  // namespace

TEST_CASE("arena: the lab objective can be scored by validation accuracy, kept as the error it minimizes") {
    AppState app;
    call(app, json::Object{{"cmd", "set_language"}, {"language", "en"}});
    REQUIRE(call(app, json::Object{{"cmd", "lab.set"}, {"data", json::Object{{"kind", "moons"}, {"size", 200}}}}).find("ok"));
    CHECK(app.arena.setup.metric == "val_loss");
    // An unknown score is refused with its field and changes nothing.
    const json::Value refused = call(app, json::Object{{"cmd", "arena.set"}, {"metric", "f1"}});
    REQUIRE(refused.find("error"));
    CHECK(refused.find("issues")->as_array()[0].find("field")->as_string() == "metric");
    CHECK(app.arena.setup.metric == "val_loss");

    REQUIRE(call(app, json::Object{{"cmd", "arena.set"}, {"objective", "lab"}, {"metric", "val_accuracy"},
                                   {"strategies", json::Array{"random"}}, {"trials", 3}, {"epochs", 3}})
                .find("ok"));
    CHECK(arena_setup_to_json(app.arena.setup).find("metric")->as_string() == "val_accuracy");
    REQUIRE(call(app, json::Object{{"cmd", "arena.start"}}).find("ok"));
    while (!call(app, json::Object{{"cmd", "arena.round"}}).find("error")) {}
    const tune::Study& study = app.arena.racers[0].runner->study();
    REQUIRE(study.trials().size() == 3);
    CHECK(study.direction() == tune::Direction::minimize);
    for (const tune::Trial& trial : study.trials()) {
        // Each trial's value is 1 − its final validation accuracy: a multiple of one validation point.
        REQUIRE(trial.value);
        CHECK(*trial.value >= 0);
        CHECK(*trial.value <= 1);
        const double points = *trial.value * app.lab.data->info.validation_size;
        CHECK(points == doctest::Approx(std::round(points)));
    }

    // Accuracy means nothing for regression: the race is refused with a reason, not run.
    REQUIRE(call(app, json::Object{{"cmd", "lab.set"}, {"data", json::Object{{"kind", "plane"}}}}).find("ok"));
    const json::Value start = call(app, json::Object{{"cmd", "arena.start"}});
    REQUIRE(start.find("error"));
    CHECK(start.find("error")->as_string().find("classification") != std::string::npos);
}
