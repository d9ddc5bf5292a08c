#include "ui/lab/lab.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "core/csv.h"
#include "core/records_json.h"
#include "core/settings_json.h"
#include "core/validate.h"
#include "tune/scheduler.h"
#include "ui/app.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/widgets.h"

namespace tunelab::ui {

LabState::LabState() {
    runs[0].name = "A";
    runs[1].name = "B";
    runs[1].config.optimizer.kind = OptimizerKind::adam;  // the classic first comparison: SGD vs Adam
    runs[1].config.lr.lr = 0.01;
    refresh_data(*this);
}

namespace {

int active_run_count(const LabState& lab) { return lab.compare ? 2 : 1; }

template <typename Fn>
void for_each_active_run(LabState& lab, Fn fn) {
    for (int i = 0; i < active_run_count(lab); ++i) fn(lab.runs[size_t(i)]);
}

bool all_finished(const LabState& lab) {
    for (int i = 0; i < active_run_count(lab); ++i) {
        const LabRun& run = lab.runs[size_t(i)];
        if (!run.trainer || !run.trainer->finished()) return false;
    }
    return true;
}

bool runs_valid(const LabState& lab) {
    if (!lab.data) return false;
    for (int i = 0; i < active_run_count(lab); ++i)
        if (!lab.runs[size_t(i)].issues.empty()) return false;
    return true;
}

// Makes sure every active run has a trainer (starting those that have none). False when a setting
// is refused, in which case nothing starts.
bool ensure_started(LabState& lab) {
    if (!runs_valid(lab)) return false;
    for_each_active_run(lab, [&](LabRun& run) {
        if (!run.trainer) run.trainer = std::make_unique<Trainer>(run.config, *lab.data);
    });
    return true;
}

void validate_runs(LabState& lab) {
    for (LabRun& run : lab.runs) {
        run.issues = lab.data ? validate(run.config, lab.data->info) : std::vector<Issue>{};
    }
}

// ----------------------------------------------------------------------------- status and controls

double run_progress(const Trainer& trainer) {
    const int epochs = trainer.config().epochs;
    if (trainer.finished()) return 1.0;
    double within = trainer.batches_in_epoch() > 0 ? double(trainer.batch_in_epoch()) / trainer.batches_in_epoch() : 0;
    return std::min(1.0, (trainer.epoch() + within) / std::max(epochs, 1));
}

// One line per run, in words a learner understands.
std::string status_text(const LabRun& run, const LabState& lab, const Translator& tr) {
    char text[256];
    if (!lab.data) return tr("The data set could not be prepared (see the Data panel).");
    if (!run.issues.empty()) return tr("A setting is out of range (marked in red): fix it to train.");
    if (!run.trainer) return tr("Ready: press ▶ to train.");
    const Trainer& trainer = *run.trainer;
    const bool classification = lab.data->info.task == Task::classification;
    const EpochRecord* last = trainer.history().empty() ? nullptr : &trainer.history().back();
    switch (trainer.status()) {
        case Status::ready:
            return tr("Ready: press ▶ to train.");
        case Status::running:
            std::snprintf(text, sizeof text, tr("Training: epoch %d / %d"), trainer.epoch() + 1, trainer.config().epochs);
            return text;
        case Status::diverged: {
            const std::string& why = trainer.message();
            const char* format = why.rfind("weights", 0) == 0
                                     ? tr("Diverged — learning rate too large: the weights exploded at epoch %d")
                                 : why.find("NaN") != std::string::npos
                                     ? tr("Diverged — learning rate too large: loss became NaN at epoch %d")
                                     : tr("Diverged — learning rate too large: loss became infinite at epoch %d");
            std::snprintf(text, sizeof text, format, trainer.diverged_epoch());
            return text;
        }
        case Status::stopped_early:
        case Status::finished: {
            if (!last) return tr("Finished.");
            const bool early = trainer.status() == Status::stopped_early;
            const char* format = classification
                ? (early ? tr("Stopped early (validation stopped improving): validation accuracy %.1f%%")
                         : tr("Finished: validation accuracy %.1f%%"))
                : (early ? tr("Stopped early (validation stopped improving): validation R² %.3f")
                         : tr("Finished: validation R² %.3f"));
            const int length = std::snprintf(text, sizeof text, format, classification ? 100.0 * last->validation_metric : last->validation_metric);
            // What the result cost, next to it: a bigger network must earn its extra arithmetic.
            std::snprintf(text + length, sizeof text - size_t(length), tr(" · training cost %.3g million FLOPs, %.2f s"),
                          trainer.flops() / 1e6, last->seconds);
            return text;
        }
    }
    return {};
}

void draw_progress(const LabRun& run, const Translator& tr, float width) {
    char overlay[128] = "";
    float fraction = 0;
    if (run.trainer) {
        const Trainer& trainer = *run.trainer;
        fraction = float(run_progress(trainer));
        const double seconds = trainer.history().empty() ? 0.0 : trainer.history().back().seconds;
        if (trainer.status() == Status::running && fraction > 0.02f) {
            double eta = seconds / fraction * (1.0 - fraction);
            std::snprintf(overlay, sizeof overlay, tr("epoch %d/%d · ETA %.0f s"), trainer.epoch(),
                          trainer.config().epochs, std::ceil(eta));
        } else {
            std::snprintf(overlay, sizeof overlay, tr("epoch %d/%d"), trainer.epoch(), trainer.config().epochs);
        }
    }
    ImGui::ProgressBar(fraction, ImVec2(width, 0), overlay);
}

// A run that stops on NaN gets a one-click remedy next to its message.
void draw_status(LabState& lab, const Translator& tr) {
    for (int i = 0; i < active_run_count(lab); ++i) {
        LabRun& run = lab.runs[size_t(i)];
        const bool diverged = run.trainer && run.trainer->status() == Status::diverged;
        if (lab.compare) {
            ImGui::Text("%s:", run.name.c_str());
            ImGui::SameLine();
        }
        ImGui::PushStyleColor(ImGuiCol_Text, diverged ? ImVec4(0.80f, 0.15f, 0.10f, 1) : ImGui::GetStyleColorVec4(ImGuiCol_Text));
        wrapped_text(status_text(run, lab, tr).c_str());
        ImGui::PopStyleColor();
        if (diverged) {
            ImGui::PushID(i);
            if (controls::named(i == 0 ? "lab.smaller_lr.A" : "lab.smaller_lr.B", ImGui::Button(tr.label("Try a 10× smaller learning rate").c_str()))) {
                run.config.lr.lr /= 10;
                reset_runs(lab);
                lab.playing = true;
            }
            ImGui::PopID();
        }
    }
}

// A toolbar button that wraps to the next row when the screen is narrow.
bool toolbar_button(const std::string& label, bool first = false) {
    if (!first) same_line_if_fits(button_width(label.c_str()));
    return ImGui::Button(label.c_str());
}

void draw_run_controls(LabState& lab, const Translator& tr) {
    const bool can_run = runs_valid(lab);
    ImGui::BeginDisabled(!can_run);
    if (lab.playing) {
        if (controls::named("toolbar.pause", toolbar_button(tr.label("‖ Pause"), true))) lab.playing = false;
    } else if (controls::named("toolbar.start", toolbar_button(tr.label("▶ Train"), true))) {
        if (all_finished(lab)) reset_runs(lab);
        lab.playing = true;
    }
    tooltip(tr("Start or pause training. Training runs a little in every frame, so the views update live."));
    if (controls::named("toolbar.step_batch", toolbar_button(tr.label("Step batch"))) && ensure_started(lab)) {
        lab.playing = false;
        for_each_active_run(lab, [](LabRun& run) { run.trainer->step(); });
    }
    tooltip(tr("One mini-batch: one gradient step on batch-size samples."));
    if (controls::named("toolbar.step_epoch", toolbar_button(tr.label("Step epoch"))) && ensure_started(lab)) {
        lab.playing = false;
        for_each_active_run(lab, [](LabRun& run) { run.trainer->run_epoch(); });
    }
    tooltip(tr("One epoch: one pass over the whole training set, in shuffled mini-batches."));
    ImGui::EndDisabled();
    if (controls::named("toolbar.reset", toolbar_button(tr.label("↺ Reset")))) reset_runs(lab);
    tooltip(tr("Start over with fresh initial weights from the same seed."));

    const std::string speed_label = tr.label("Speed");
    const float speed_width = 110;
    same_line_if_fits(speed_width + ImGui::CalcTextSize(speed_label.c_str(), nullptr, true).x + 8);
    ImGui::SetNextItemWidth(speed_width);
    const char* speed_names[] = {tr("slowest"), tr("slow"), tr("medium"), tr("fast"), tr("fastest")};
    slider_int(speed_label.c_str(), lab.speed, 1, 5, "toolbar.speed", speed_names[std::clamp(lab.speed, 1, 5) - 1]);
    tooltip(tr("Slow speeds train one or a few mini-batches per frame, so each step is visible."));
    const std::string compare_label = tr.label("Compare A / B");
    same_line_if_fits(ImGui::GetFrameHeight() + button_width(compare_label.c_str()));
    if (controls::named("toolbar.compare", ImGui::Checkbox(compare_label.c_str(), &lab.compare))) {
        lab.editing = lab.compare ? lab.editing : 0;
        reset_runs(lab);
    }
    tooltip(tr("Train two settings side by side on the same data and seed: a direct A/B test."));
    const LabRun& first = lab.runs[0];
    ImGui::BeginDisabled(!first.trainer || first.trainer->history().empty());
    if (controls::named("toolbar.pin", toolbar_button(tr.label("Pin as ghost")))) {
        const TrainConfig& c = first.config;
        char label[96];
        std::snprintf(label, sizeof label, "%s · lr %g", std::string(name(c.optimizer.kind)).c_str(), c.lr.lr);
        lab.ghost = Ghost{label, lab.data->info.task, first.trainer->history()};
    }
    tooltip(tr("Keep this run's curves as a faded overlay to compare with the next run."));
    ImGui::EndDisabled();
    if (lab.ghost && controls::named("toolbar.clear_ghost", toolbar_button(tr.label("Clear ghost")))) lab.ghost.reset();

    for (int i = 0; i < active_run_count(lab); ++i) {
        if (lab.compare) {
            ImGui::Text("%s", lab.runs[size_t(i)].name.c_str());
            ImGui::SameLine();
        }
        draw_progress(lab.runs[size_t(i)], tr, -1);
        controls::name_item(i == 0 ? "lab.progress.A" : "lab.progress.B");
    }
    draw_status(lab, tr);
}

// Which run the settings panels edit, in compare mode.
void draw_run_picker(LabState& lab, const Translator& tr) {
    if (!lab.compare) return;
    ImGui::TextUnformatted(tr("Editing run"));
    for (int i = 0; i < 2; ++i) {
        ImGui::SameLine();
        if (controls::named(i == 0 ? "lab.edit.A" : "lab.edit.B", ImGui::RadioButton(lab.runs[size_t(i)].name.c_str(), lab.editing == i))) lab.editing = i;
    }
}

void draw_settings(LabState& lab, const Translator& tr) {
    draw_run_picker(lab, tr);
    bool data_changed = false, run_changed = false;
    if (ImGui::CollapsingHeader(tr.label("Data").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) data_changed = draw_data_panel(lab, tr);
    if (ImGui::CollapsingHeader(tr.label("Network").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) run_changed |= draw_network_panel(lab, tr);
    if (ImGui::CollapsingHeader(tr.label("Hyperparameters").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) run_changed |= draw_hyperparameter_panel(lab, tr);
    // A run always shows the settings it was trained with: any change starts it over.
    if (data_changed) refresh_data(lab);
    else if (run_changed) {
        validate_runs(lab);
        reset_runs(lab);
    }
}

}  // namespace


void refresh_data(LabState& lab) {
    DataResult result = prepare_data(lab.data_config);
    lab.data = std::move(result.data);
    lab.data_issues = std::move(result.issues);
    if (lab.data) {
        // The output layer and loss follow the task (sigmoid + BCE for 2 classes, softmax + CE for
        // more, linear + MSE for regression); the learner can still change them afterwards.
        for (LabRun& run : lab.runs) fit_output_to_task(run.config.model, lab.data->info);
    }
    validate_runs(lab);
    reset_runs(lab);
}

void load_csv_text(LabState& lab, std::string file_name, std::string text) {
    DataConfig& c = lab.data_config;
    c.kind = DatasetKind::csv;
    c.extra = {};
    c.target_column.clear();
    // A first guess the learner can change: the last column is the target, and a target with few
    // distinct values (or any text) is a class label.
    CsvError csv_error;
    if (auto table = parse_csv(text, csv_error); table && !table->header.empty()) {
        c.target_column = table->header.back();
        std::set<std::string> distinct;
        bool numeric = true;
        for (const auto& row : table->rows) {
            distinct.insert(row.back());
            char* end = nullptr;
            std::strtod(row.back().c_str(), &end);
            numeric = numeric && end && *end == '\0' && !row.back().empty();
        }
        c.csv_task = !numeric || distinct.size() <= 10 ? Task::classification : Task::regression;
    }
    c.csv_text = std::move(text);
    lab.csv_name = std::move(file_name);
    refresh_data(lab);
}

// The one place where training meets the frame: each playing frame spends at most
// frame_budget_ms on mini-batches, shared by the active runs, so the page never stops drawing.
// Lower speeds cap the number of batches per frame so a learner can watch single steps.
void advance_runs(LabState& lab) {
    lab.last_slice_ms = 0;
    if (!lab.playing) return;
    if (!ensure_started(lab) || all_finished(lab)) {
        lab.playing = false;
        return;
    }
    constexpr int kBatchesPerFrame[] = {1, 3, 10, 30, 1 << 30};
    const int batch_cap = kBatchesPerFrame[std::clamp(lab.speed, 1, 5) - 1];
    tune::FrameSlice slice(lab.frame_budget_ms);
    // Step while the next step is expected to fit. Its cost is foretold in FLOPs by the trainers
    // (an epoch's last step also runs the validation pass) and priced at the time per FLOP learned
    // from the steps so far, so a large network takes fewer steps per frame instead of overrunning
    // it.
    for (int batches = 0; batches < batch_cap; ++batches) {
        double flops = 0;
        for_each_active_run(lab, [&](LabRun& run) { flops += run.trainer->next_step_flops(); });
        if (flops == 0) break;  // every run finished
        if (!slice.fits(lab.step_cost.expected_ms(flops))) break;
        const double spent = slice.run([&] { for_each_active_run(lab, [](LabRun& run) { run.trainer->step(); }); });
        lab.step_cost.record(spent, flops);
    }
    lab.last_slice_ms = slice.elapsed_ms();
    if (all_finished(lab)) lab.playing = false;
}

void reset_runs(LabState& lab) {
    for (LabRun& run : lab.runs) run.trainer.reset();
    lab.playing = false;
    lab.last_slice_ms = 0;
}

void draw_lab(LabState& lab, const Translator& tr) {
    draw_run_controls(lab, tr);
    ImGui::Separator();

    const ImVec2 available = ImGui::GetContentRegionAvail();
    const bool wide = available.x >= 900;
    if (wide) {
        // Settings on the left, views filling the rest.
        const float settings_width = std::clamp(available.x * 0.34f, 340.0f, 460.0f);
        ImGui::BeginChild("##settings", ImVec2(settings_width, 0), false);
        draw_settings(lab, tr);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##views", ImVec2(0, 0), false);
        draw_lab_views(lab, tr, ImGui::GetContentRegionAvail());
        ImGui::EndChild();
    } else {
        // Phones: one scrolling column, views first so training is visible without scrolling.
        ImGui::BeginChild("##column", ImVec2(0, 0), false);
        draw_lab_views(lab, tr, ImVec2(ImGui::GetContentRegionAvail().x, std::max(available.y * 0.7f, 420.0f)));
        draw_settings(lab, tr);
        ImGui::EndChild();
    }
}

json::Value lab_status_json(const LabState& lab, const Translator& tr) {
    json::Value runs = json::Array{};
    for (int i = 0; i < active_run_count(lab); ++i) {
        const LabRun& run = lab.runs[size_t(i)];
        json::Value entry = json::Object{{"name", run.name}, {"config", to_json(run.config)}, {"issues", to_json(run.issues)},
                                         {"status_text", status_text(run, lab, tr)}};
        if (run.trainer) {
            entry["status"] = std::string(name(run.trainer->status()));
            entry["message"] = run.trainer->message();
            entry["epoch"] = run.trainer->epoch();
            entry["history"] = to_json(run.trainer->history());
        } else {
            entry["status"] = "not started";
        }
        runs.push_back(std::move(entry));
    }
    json::Value out = json::Object{{"playing", lab.playing}, {"speed", lab.speed}, {"compare", lab.compare},
                                   {"ghost", lab.ghost.has_value()}, {"last_slice_ms", lab.last_slice_ms},
                                   {"data", to_json(lab.data_config)},
                                   {"data_issues", to_json(lab.data_issues)}, {"runs", std::move(runs)}};
    if (lab.data) out["data_info"] = to_json(lab.data->info);
    return out;
}

// ---------------------------------------------------------------------------------------- hook

namespace {

json::Value lab_status(AppState& app, const hook::Request&) { return lab_status_json(app.lab, app.tr); }

// A partial settings update: every field is checked before any is applied, then the runs restart.
json::Value lab_set(AppState& app, const hook::Request& request) {
    LabState& lab = app.lab;
    const int run = request.integer("run", "\"run\" must be 0 or 1", 0, 1).value_or(0);
    DataConfig data = lab.data_config;
    TrainConfig train = lab.runs[size_t(run)].config;
    std::vector<Issue> issues;
    if (const json::Value* d = request.find("data")) issues = update_from_json(data, *d);
    if (const json::Value* t = request.find("train")) add_issues(issues, "", update_from_json(train, *t));
    if (!issues.empty()) throw hook::Refusal("refused settings", std::move(issues));
    const std::optional<double> speed = request.number("speed", "\"speed\" must be 1 to 5", 1, 5);
    const std::optional<ViewTab> view = request.choice<ViewTab>("view", "unknown \"view\"");
    const std::optional<bool> compare = request.boolean("compare", "\"compare\" must be true or false");
    if (speed) lab.speed = int(*speed);
    if (view) lab.view = *view;
    if (compare) lab.compare = *compare;
    lab.data_config = data;
    lab.runs[size_t(run)].config = train;
    if (request.has("data")) refresh_data(lab);
    validate_runs(lab);
    reset_runs(lab);
    json::Value out = lab_status_json(lab, app.tr);
    out["ok"] = true;
    return out;
}

json::Value lab_start(AppState& app, const hook::Request&) {
    reset_runs(app.lab);
    if (!ensure_started(app.lab)) throw hook::Refusal("settings are refused or the data is missing", app.lab.data_issues);
    app.lab.playing = true;
    return hook::ok();
}

// Single steps (pausing first): `batches` mini-batches, or as many epochs.
json::Value lab_steps(AppState& app, const hook::Request& request, bool epochs) {
    LabState& lab = app.lab;
    if (!ensure_started(lab)) throw hook::Refusal("settings are refused or the data is missing");
    lab.playing = false;
    const json::Value* batches = request.find("batches");
    const int count = batches && batches->is_number() ? std::clamp(int(batches->as_number()), 1, 100000) : 1;
    for_each_active_run(lab, [&](LabRun& run) {
        for (int i = 0; i < count; ++i) epochs ? run.trainer->run_epoch() : run.trainer->step();
    });
    return lab_status_json(lab, app.tr);
}

json::Value lab_load_csv(AppState& app, const hook::Request& request) {
    constexpr const char* kMust = "\"text\" must be the file's contents";
    std::optional<std::string> text = request.text("text", kMust);
    if (!text) throw hook::Refusal(kMust);
    const json::Value* file_name = request.find("name");
    load_csv_text(app.lab, file_name && file_name->is_string() ? file_name->as_string() : "data.csv", std::move(*text));
    return lab_status_json(app.lab, app.tr);
}

json::Value lab_pin(AppState& app, const hook::Request&) {
    LabState& lab = app.lab;
    const LabRun& first = lab.runs[0];
    if (!first.trainer || first.trainer->history().empty()) throw hook::Refusal("run A has no finished epoch yet");
    lab.ghost = Ghost{"ghost", lab.data->info.task, first.trainer->history()};
    return hook::ok();
}

// The diverged message's remedy: lr ÷ 10 and restart.
json::Value lab_smaller_lr(AppState& app, const hook::Request& request) {
    LabState& lab = app.lab;
    const json::Value* run = request.find("run");
    LabRun& target = lab.runs[run && run->is_number() && run->as_number() == 1 ? 1 : 0];
    target.config.lr.lr /= 10;
    validate_runs(lab);
    reset_runs(lab);
    lab.playing = ensure_started(lab);
    return json::Object{{"ok", true}, {"lr", target.config.lr.lr}};
}

// Commands (all answer {"error": …} and change nothing when refused):
//   lab.status                                  settings, data, each run's status and history
//   lab.set {data?, train?, run?, compare?, speed?, view?}   partial settings update, then reset
//   lab.start / lab.pause / lab.reset
//   lab.step {batches?}  lab.epoch              single steps (pause first)
//   lab.load_csv {name, text}                   the learner's CSV (the web file picker sends it here)
//   lab.pin                                     pin run A as the ghost
//   lab.smaller_lr {run?}                       the diverged message's remedy: lr ÷ 10 and restart
constexpr hook::Command kCommands[] = {
    {"lab.status", lab_status},
    {"lab.set", lab_set},
    {"lab.start", lab_start},
    {"lab.pause", [](AppState& app, const hook::Request&) { app.lab.playing = false; return hook::ok(); }},
    {"lab.reset", [](AppState& app, const hook::Request&) { reset_runs(app.lab); return hook::ok(); }},
    {"lab.step", [](AppState& app, const hook::Request& request) { return lab_steps(app, request, false); }},
    {"lab.epoch", [](AppState& app, const hook::Request& request) { return lab_steps(app, request, true); }},
    {"lab.load_csv", lab_load_csv},
    {"lab.pin", lab_pin},
    {"lab.smaller_lr", lab_smaller_lr},
};

}  // namespace

std::span<const hook::Command> lab_commands() { return kCommands; }

}  // namespace tunelab::ui
