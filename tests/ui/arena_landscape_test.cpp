#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>

#include "tune/mlp_objective.h"
#include "ui/app.h"

using namespace tunelab;
using namespace tunelab::ui;

namespace {
json::Value call(AppState& app, json::Value request) { return handle_command(app, request); }

// Frames until the landscape is computed, exactly as the app's frame loop does it.
json::Value compute_landscape(AppState& app) {
    for (int frame = 0; frame < 100000; ++frame) {
        const json::Value status = call(app, json::Object{{"cmd", "arena.landscape_status"}});
        if (status.find("done")->as_number() == status.find("total")->as_number()) return status;
        app.arena.frame_budget_ms = 5;
        advance_race(app.arena);
    }
    FAIL("the landscape never finished");
    return {};
}
}  // namespace

TEST_CASE("arena: the lab's true landscape is the real objective trained on a grid over the two shown parameters") {
    AppState app;
    call(app, json::Object{{"cmd", "set_language"}, {"language", "en"}});
    REQUIRE(call(app, json::Object{{"cmd", "lab.set"}, {"data", json::Object{{"kind", "moons"}, {"size", 120}}}}).find("ok"));
    REQUIRE(call(app, json::Object{{"cmd", "arena.set"}, {"objective", "lab"}, {"strategies", json::Array{"random"}},
                                   {"trials", 2}, {"epochs", 2}})
                .find("ok"));
    // Before a race there is nothing to slice.
    CHECK(call(app, json::Object{{"cmd", "arena.landscape"}, {"k", 3}}).find("error"));
    REQUIRE(call(app, json::Object{{"cmd", "arena.start"}}).find("ok"));
    REQUIRE(call(app, json::Object{{"cmd", "arena.view"}, {"tab", "landscape"}, {"x", 0}, {"y", 1}}).find("ok"));
    CHECK(call(app, json::Object{{"cmd", "arena.landscape"}, {"k", 1}}).find("error"));  // not a grid

    const json::Value started = call(app, json::Object{{"cmd", "arena.landscape"}, {"k", 3}});
    REQUIRE(started.find("total"));
    CHECK(started.find("done")->as_number() == 0);
    const json::Value status = compute_landscape(app);  // the race runs alongside, sharing the frames
    REQUIRE(status.find("total")->as_number() == 9);
    const tune::Space& race_space = app.arena.objective->space();
    const tune::Param& lr = race_space.params()[0];
    const tune::Param& batch = race_space.params()[1];
    REQUIRE(lr.name == "lr");
    REQUIRE(batch.name == "batch");
    CHECK(status.find("x")->as_string() == "lr");
    CHECK(status.find("y")->as_string() == "batch");

    // The same network, data and base settings as the race, evaluated here trial by trial at the grid
    // points: log-spaced with both ends (the integer batch as the space rounds it), x varying fastest.
    const tune::MlpObjective separate(*app.lab.data, app.arena.raced_run, "lab", tune::MlpScore::validation_loss, 2,
                                      tune::Space({lr, batch}));
    const tune::Study& grid = app.arena.landscape->racer.runner->study();
    const json::Array& values = status.find("values")->as_array();
    REQUIRE(values.size() == 9);
    std::set<double> distinct;
    for (int n = 0; n < 9; ++n) {
        const double x = lr.low * std::pow(lr.high / lr.low, (n % 3) / 2.0);
        const double y = race_space.decode(1, (n / 3) / 2.0);
        CAPTURE(n);
        REQUIRE(grid.trial(n).params[0] == doctest::Approx(x));
        REQUIRE(grid.trial(n).params[1] == doctest::Approx(y));
        // Every cell trains from the race's first seed, as that seed's trials did (common random numbers).
        auto evaluation = separate.start({x, y}, uint64_t(app.arena.raced.seed));
        double value = 0;
        for (int epoch = 0; epoch < 2; ++epoch) value = evaluation->step().value;
        REQUIRE(values[size_t(n)].is_number());
        CHECK(values[size_t(n)].as_number() == doctest::Approx(value).epsilon(1e-12));
        distinct.insert(value);
    }
    CHECK(distinct.size() > 1);  // a landscape, not a constant

    // It belongs to the race and the two parameters: switching tabs keeps it, other axes drop it.
    REQUIRE(call(app, json::Object{{"cmd", "arena.view"}, {"tab", "progress"}}).find("ok"));
    advance_race(app.arena);
    CHECK(call(app, json::Object{{"cmd", "arena.landscape_status"}}).find("done"));
    REQUIRE(call(app, json::Object{{"cmd", "arena.view"}, {"tab", "landscape"}, {"x", 1}, {"y", 0}}).find("ok"));
    advance_race(app.arena);
    CHECK(call(app, json::Object{{"cmd", "arena.landscape_status"}}).is_null());

    // Cancelled, nothing is left; the same axes twice are refused.
    REQUIRE(call(app, json::Object{{"cmd", "arena.landscape"}, {"k", 3}}).find("total"));
    REQUIRE(call(app, json::Object{{"cmd", "arena.landscape"}, {"cancel", true}}).find("ok"));
    CHECK(call(app, json::Object{{"cmd", "arena.landscape_status"}}).is_null());
    REQUIRE(call(app, json::Object{{"cmd", "arena.view"}, {"tab", "landscape"}, {"x", 1}, {"y", 1}}).find("ok"));
    CHECK(call(app, json::Object{{"cmd", "arena.landscape"}, {"k", 3}}).find("error"));

    // A test function's landscape is known: nothing to compute.
    REQUIRE(call(app, json::Object{{"cmd", "arena.set"}, {"objective", "branin"}}).find("ok"));
    REQUIRE(call(app, json::Object{{"cmd", "arena.start"}}).find("ok"));
    CHECK(call(app, json::Object{{"cmd", "arena.landscape"}, {"k", 3}}).find("error"));
}
