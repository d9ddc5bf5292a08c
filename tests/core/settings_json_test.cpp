#include <doctest/doctest.h>

#include "core/settings_json.h"

using namespace tunelab;

TEST_CASE("settings_json: every setting survives a round trip through JSON text") {
    TrainConfig config;
    config.model.hidden = {{16, Activation::relu, 0.2}, {4, Activation::elu, 0.0}};
    config.model.init = Init::he;
    config.optimizer.kind = OptimizerKind::adam;
    config.optimizer.beta2 = 0.98;
    config.lr = {ScheduleKind::polynomial, 0.005, 1.5, 10, 0.5, 3};
    config.batch = {32, 1.1};
    config.epochs = 40;
    config.l1 = 1e-4;
    config.seed = 123456789;

    TrainConfig restored;
    auto parsed = json::parse(to_json(config).dump());
    REQUIRE(parsed.ok());
    CHECK(update_from_json(restored, parsed.value).empty());
    CHECK(to_json(restored) == to_json(config));
    CHECK(restored.model.hidden.size() == 2);
    CHECK(restored.model.hidden[0].activation == Activation::relu);
    CHECK(restored.optimizer.beta2 == 0.98);

    DataConfig data;
    data.kind = DatasetKind::moons;
    data.extra.sin_x = true;
    data.preprocessing = Preprocessing::standardize;
    DataConfig data_restored;
    CHECK(update_from_json(data_restored, to_json(data)).empty());
    CHECK(to_json(data_restored) == to_json(data));
    CHECK(data_restored.extra.sin_x);
}

TEST_CASE("settings_json: a partial document changes only what it names") {
    TrainConfig config;
    auto parsed = json::parse(R"({"lr": {"lr": 0.5}, "optimizer": {"kind": "rmsprop"}})");
    REQUIRE(parsed.ok());
    CHECK(update_from_json(config, parsed.value).empty());
    CHECK(config.lr.lr == 0.5);
    CHECK(config.lr.kind == ScheduleKind::constant);
    CHECK(config.optimizer.kind == OptimizerKind::rmsprop);
    CHECK(config.epochs == TrainConfig{}.epochs);
}

TEST_CASE("settings_json: malformed documents are refused whole, naming each field") {
    TrainConfig config;
    const json::Value before = to_json(config);
    auto parsed = json::parse(
        R"({"epochs": 2.5, "optimiser": {}, "model": {"hidden": [{"units": 4}, {"activation": "swish"}]},
            "lr": {"kind": 3}, "seed": -1})");
    REQUIRE(parsed.ok());
    auto issues = update_from_json(config, parsed.value);
    std::vector<std::string> fields;
    for (const Issue& issue : issues) fields.push_back(issue.field);
    CHECK(fields == std::vector<std::string>{"model.hidden[1].activation", "lr.kind", "epochs", "seed", "optimiser"});
    CHECK(issues[0].message.find("relu") != std::string::npos);
    CHECK(to_json(config) == before);  // nothing applied

    DataConfig data;
    CHECK(update_from_json(data, json::Value("spiral")).front().message == "must be an object");
    CHECK(update_from_json(data, json::Value(json::Object{{"data_dir", "/etc"}})).front().message == "unknown setting");
}
