// The refusals of issue #17's bounds read in Chinese next to their control, numbers kept.
#include <doctest/doctest.h>

#include <string>

#include "core/json.h"
#include "core/settings_json.h"
#include "core/validate.h"
#include "ui/i18n.h"

using namespace tunelab;

TEST_CASE("i18n: refusals that name a limit are translated with their numbers") {
    const ui::Translator zh{ui::Language::chinese};
    DataInfo wide;
    wide.task = Task::regression;
    wide.inputs = 20000;
    wide.train_size = 1000;
    TrainConfig c;
    c.model.hidden.assign(2, {256, Activation::relu, 0});
    c.model.output = Output::linear;
    c.model.loss = Loss::mse;
    c.epochs = 100000;
    std::vector<Issue> issues = validate(c, wide);
    REQUIRE(issues.size() == 2);
    for (const Issue& issue : issues) {
        INFO(issue.message);
        const std::string translated = zh.issue(issue.message);
        CHECK(translated != issue.message);
        CHECK(translated.find("上限") != std::string::npos);
    }
    CHECK(zh.issue(issues[0].message).find("5 186 305") != std::string::npos);

    TrainConfig t;
    std::vector<Issue> bad = update_from_json(t, json::parse(R"({"epochs":1e10,"model":{"hidden":[{},{},{},{},{},{},{},{},{}]}})").value);
    REQUIRE(bad.size() == 2);
    for (const Issue& issue : bad) CHECK(zh.issue(issue.message) != issue.message);
}
