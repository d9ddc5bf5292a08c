#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/dataset.h"
#include "core/trainer.h"
#include "core/validate.h"
#include "ui/app.h"
#include "ui/lab/lab.h"
#include "ui/lab/lab_run_math.h"

using namespace tunelab;
using namespace tunelab::ui;

namespace {

PreparedData spiral() {
    DataResult result = prepare_data(DataConfig{});
    REQUIRE(result.data);
    return std::move(*result.data);
}

// The lab's first run with another optimizer and learning rate, trained `epochs` epochs.
Trainer trained(OptimizerKind kind, double lr, int epochs) {
    TrainConfig c = LabState().runs[0].config;
    c.optimizer.kind = kind;
    c.lr.lr = lr;
    c.epochs = epochs;
    Trainer t(c, spiral());
    t.run();
    return t;
}

json::Value parse(const std::string& text) {
    json::ParseResult parsed = json::parse(text);
    REQUIRE(parsed.ok());
    return parsed.value;
}

}  // namespace

TEST_CASE("lab defaults: the first screen's run learns the spiral to at least 90% and says so in words") {
    AppState app;
    app.tr.language = Language::english;
    handle_command(app, parse(R"({"cmd":"lab.epoch","batches":1000})"));  // every epoch, at once
    const json::Value status = handle_command(app, parse(R"({"cmd":"lab.status"})"));
    const json::Value& run = status.find("runs")->as_array()[0];
    REQUIRE(run.find("status")->as_string() == "finished");
    const double accuracy = run.find("history")->as_array().back().find("validation_metric")->as_number();
    MESSAGE("default run: validation accuracy " << accuracy);
    CHECK(accuracy >= 0.90);
    CHECK(run.find("status_text")->as_string().find("very good") != std::string::npos);
    CHECK(run.find("thrashing_text")->as_string().empty());
    // It learns along the way rather than at once: a learner watches the accuracy climb.
    CHECK(run.find("history")->as_array()[9].find("validation_metric")->as_number() < 0.8);
    // In Chinese too.
    app.tr.language = Language::chinese;
    const json::Value zh = handle_command(app, parse(R"({"cmd":"lab.status"})"));
    CHECK(zh.find("runs")->as_array()[0].find("status_text")->as_string().find("很好") != std::string::npos);
}

TEST_CASE("lab quality words: a score against guessing for the task") {
    const PreparedData data = spiral();
    CHECK(chance_score(data) == doctest::Approx(0.5).epsilon(0.02));
    CHECK(result_quality(0.54, 0.5) == Quality::guessing);
    CHECK(result_quality(0.65, 0.5) == Quality::barely);
    CHECK(result_quality(0.80, 0.5) == Quality::fair);
    CHECK(result_quality(0.90, 0.5) == Quality::good);
    CHECK(result_quality(0.96, 0.5) == Quality::very_good);
    // Ten classes: 54% is far from guessing (10%).
    CHECK(result_quality(0.54, 0.1) == Quality::fair);
    CHECK(result_quality(NAN, 0.5) == Quality::guessing);
    // Regression: R² against predicting the mean (0).
    CHECK(result_quality(0.05, 0.0) == Quality::guessing);
    CHECK(result_quality(0.95, 0.0) == Quality::very_good);
}

TEST_CASE("lab thrashing: a too-large learning rate that never blows up is told from a too-small one") {
    // SGD at 3 on the spiral: the loss jumps about at chance level for the whole run.
    const Trainer big = trained(OptimizerKind::sgd, 3.0, 30);
    REQUIRE(big.status() == Status::finished);
    CHECK(thrashing(big.history(), 0.5));
    // A learning rate 10 000 times too small also ends near chance, but descends smoothly.
    const Trainer small = trained(OptimizerKind::adam, 1e-4, 30);
    CHECK(small.history().back().validation_metric < 0.7);
    CHECK_FALSE(thrashing(small.history(), 0.5));
    // The default run, whose loss also wiggles near its end, learns: at no point from the epoch the
    // lab starts asking.
    const Trainer good = trained(OptimizerKind::adam, 0.01, 100);
    for (size_t n = kThrashingEpochs; n <= good.history().size(); ++n)
        CHECK_FALSE(thrashing(std::span(good.history()).first(n), 0.5));
    CHECK_FALSE(thrashing({}, 0.5));
}

TEST_CASE("lab thrashing: the hook reports it with the remedy's wording") {
    AppState app;
    app.tr.language = Language::english;
    handle_command(app, parse(R"({"cmd":"lab.set","train":{"optimizer":{"kind":"sgd"},"lr":{"lr":3},"epochs":30}})"));
    handle_command(app, parse(R"({"cmd":"lab.epoch","batches":30})"));
    const json::Value status = handle_command(app, parse(R"({"cmd":"lab.status"})"));
    const json::Value& run = status.find("runs")->as_array()[0];
    CHECK(run.find("thrashing_text")->as_string().find("learning rate is probably too large") != std::string::npos);
    CHECK(run.find("status_text")->as_string().find("guessing (50%)") != std::string::npos);
    const json::Value remedy = handle_command(app, parse(R"({"cmd":"lab.smaller_lr"})"));
    CHECK(remedy.find("lr")->as_number() == doctest::Approx(0.3));
}

TEST_CASE("lab divergence in the first epoch: its batch losses are kept and the bar stops where it blew up") {
    // The plane (regression) at learning rate 10: the loss is infinite within the first epoch.
    DataConfig plane;
    plane.kind = DatasetKind::plane;
    DataResult data = prepare_data(plane);
    REQUIRE(data.data);
    TrainConfig c;
    fit_output_to_task(c.model, data.data->info);
    c.lr.lr = 10;
    Trainer t(c, std::move(*data.data));
    t.run();
    REQUIRE(t.status() == Status::diverged);
    REQUIRE(t.diverged_epoch() == 1);
    CHECK(t.history().empty());
    CHECK(t.first_epoch_losses().size() >= 2);
    CHECK(std::isfinite(t.first_epoch_losses().front()));
    CHECK_FALSE(std::isfinite(t.first_epoch_losses().back()));
    CHECK(run_progress(t) < 1.0 / c.epochs);
}

TEST_CASE("lab A/B: turning compare off, by any path, makes the panels edit run A") {
    AppState app;
    handle_command(app, parse(R"({"cmd":"lab.set","compare":true})"));
    app.lab.editing = 1;  // the learner chose "Editing run B"
    CHECK(edited_run(app.lab) == 1);
    // A single-run lesson or link turns compare off through the hook.
    const json::Value status = handle_command(app, parse(R"({"cmd":"lab.set","compare":false})"));
    CHECK(status.find("editing")->as_number() == 0);
    CHECK(edited_run(app.lab) == 0);
    // The checkbox writes lab.compare directly: the edited run follows it, with no other step.
    app.lab.compare = true;
    CHECK(edited_run(app.lab) == 1);
    app.lab.compare = false;
    CHECK(edited_run(app.lab) == 0);
}

TEST_CASE("lab A/B: the line that says what differs, and a ghost cleared with its data set") {
    const LabState lab;
    const std::vector<Difference> d = config_differences(lab.runs[0].config, lab.runs[1].config);
    REQUIRE(d.size() == 2);
    CHECK(d[0].field == "optimizer.kind");
    CHECK(d[0].a == "adam");
    CHECK(d[0].b == "sgd");
    CHECK(d[1].field == "lr.lr");
    CHECK(d[1].a == "0.01");
    CHECK(d[1].b == "0.03");
    TrainConfig deeper = lab.runs[0].config;
    deeper.model.hidden.push_back({4, Activation::tanh, 0.0});
    const std::vector<Difference> layers = config_differences(lab.runs[0].config, deeper);
    REQUIRE(!layers.empty());
    CHECK(layers.back().a == "—");
    CHECK(config_differences(lab.runs[0].config, lab.runs[0].config).empty());

    // The line itself names each setting as its control is labelled, in the learner's language.
    AppState ab;
    handle_command(ab, parse(R"({"cmd":"lab.set","compare":true,"run":1,)"
                             R"("train":{"optimizer":{"hypergradient":true},"model":{"hidden":[{"units":3}]}}})"));
    ab.tr.language = Language::english;
    const std::string en = handle_command(ab, parse(R"({"cmd":"lab.status"})")).find("differences")->as_string();
    CHECK(en.find("Adapt the learning rate by its gradient off | on") != std::string::npos);
    CHECK(en.find("Layer 1 · Units") != std::string::npos);
    CHECK(en.find("optimizer.") == std::string::npos);
    ab.tr.language = Language::chinese;
    const std::string zh = handle_command(ab, parse(R"({"cmd":"lab.status"})")).find("differences")->as_string();
    CHECK(zh.find("按梯度自动调整学习率 关闭 | 开启") != std::string::npos);
    CHECK(zh.find("第 1 层 · 单元数") != std::string::npos);
    CHECK(zh.find("hidden") == std::string::npos);

    AppState app;
    handle_command(app, parse(R"({"cmd":"lab.epoch"})"));
    handle_command(app, parse(R"({"cmd":"lab.pin"})"));
    REQUIRE(app.lab.ghost);
    handle_command(app, parse(R"({"cmd":"lab.set","data":{"kind":"moons"}})"));
    CHECK_FALSE(app.lab.ghost);
}

TEST_CASE("lab pacing: speeds are wall-clock rates, capped after a stall") {
    tune::PaceCredit credit;
    int batches = 0;
    for (int frame = 0; frame < 60; ++frame) batches += batches_due(kDefaultSpeed, 25, 1.0 / 60, credit);
    CHECK(std::abs(batches - 15 * 25) <= 1);  // 15 epochs of 25 batches in one second
    // The default run (100 epochs) takes 5–10 s to watch.
    CHECK(100.0 / kPaces[kDefaultSpeed - 1].epochs_per_second >= 5.0);
    CHECK(100.0 / kPaces[kDefaultSpeed - 1].epochs_per_second <= 10.0);
    // A five-second stall releases at most a quarter of a second's worth.
    credit = {};
    CHECK(batches_due(kDefaultSpeed, 25, 5.0, credit) <= 15 * 25 / 4 + 1);
    // The slowest speed: 2 batches a second, whatever the frame rate.
    credit = {};
    batches = 0;
    for (int frame = 0; frame < 240; ++frame) batches += batches_due(1, 25, 1.0 / 120, credit);
    CHECK(batches == 4);
    CHECK(batches_due(kSpeedCount, 25, 0.0, credit) > 1000000);  // fastest: the frame budget decides
}

TEST_CASE("lab ETA: counts wall-clock time, not training time, and a paused run has none") {
    EtaMeter meter;
    CHECK(meter.eta(0.0) < 0);  // not known yet
    // 1% per second, measured at 60 frames per second (training itself may take a tiny share).
    double fraction = 0;
    for (int frame = 0; frame <= 180; ++frame) {
        fraction = frame / 60.0 * 0.01;
        meter.update(frame / 60.0, fraction);
    }
    CHECK(meter.eta(fraction) == doctest::Approx(97).epsilon(0.02));
    meter.reset();  // paused
    CHECK(meter.eta(fraction) < 0);
}
