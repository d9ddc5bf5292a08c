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
#include "core/stopwatch.h"
#include "core/validate.h"
#include "ui/lab/lab_view_common.h"
#include "tune/scheduler.h"
#include "ui/app.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/widgets.h"

namespace tunelab::ui {

namespace {

// The first screen's run, on the default spiral: 16-16 ReLU with Adam at 0.01 climbs the whole
// way to 96 % validation accuracy in 100 epochs (92–96 % over seeds 1–4), where the core's plain
// defaults (8-8 tanh, SGD 0.03, the CLI's baseline) end near 65 %: a learner first sees a network
// that learns.
TrainConfig first_run_config() {
    TrainConfig c;
    c.model.hidden = {{16, Activation::relu, 0.0}, {16, Activation::relu, 0.0}};
    c.optimizer.kind = OptimizerKind::adam;
    c.lr.lr = 0.01;
    return c;
}

}  // namespace

LabState::LabState() {
    runs[0].name = "A";
    runs[1].name = "B";
    runs[0].config = first_run_config();
    // The classic first comparison: the same network with plain SGD at the core's default rate.
    runs[1].config = first_run_config();
    runs[1].config.optimizer.kind = OptimizerKind::sgd;
    runs[1].config.lr.lr = TrainConfig{}.lr.lr;
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

// "very good", "barely better than guessing (50 %)": a score in words, relative to guessing.
std::string quality_words(double score, const PreparedData& data, const Translator& tr) {
    const bool classification = data.info.task == Task::classification;
    const double chance = chance_score(data);
    char text[160];
    switch (result_quality(score, chance)) {
        case Quality::guessing:
            if (!classification) return tr("no better than always predicting the mean (R² 0)");
            std::snprintf(text, sizeof text, tr("no better than guessing (%.0f%%)"), 100 * chance);
            return text;
        case Quality::barely:
            if (!classification) return tr("barely better than always predicting the mean (R² 0)");
            std::snprintf(text, sizeof text, tr("barely better than guessing (%.0f%%)"), 100 * chance);
            return text;
        case Quality::fair: return tr("fair: clearly better than guessing, far from perfect");
        case Quality::good: return tr("good");
        case Quality::very_good: return tr("very good");
    }
    return {};
}

// "validation accuracy 96.0% — very good": the number and what it means.
std::string score_text(const EpochRecord& last, const PreparedData& data, const Translator& tr) {
    char text[256];
    if (data.info.task == Task::classification)
        std::snprintf(text, sizeof text, tr("validation accuracy %.1f%% — %s"), 100.0 * last.validation_metric,
                      quality_words(last.validation_metric, data, tr).c_str());
    else
        std::snprintf(text, sizeof text, tr("validation R² %.3f — %s"), last.validation_metric,
                      quality_words(last.validation_metric, data, tr).c_str());
    return text;
}

// Thrashing at a learning rate too large to learn (without blowing up to NaN).
bool run_thrashes(const LabRun& run, const PreparedData& data) {
    if (!run.trainer || run.trainer->status() == Status::diverged) return false;
    const bool judged = run.trainer->finished() || int(run.trainer->history().size()) >= kThrashingEpochs;
    return judged && thrashing(run.trainer->history(), chance_score(data));
}

// One line per run, in words a learner understands.
std::string status_text(const LabRun& run, const LabState& lab, const Translator& tr) {
    char text[512];
    if (!lab.data) return tr("The data set could not be prepared (see the Data panel).");
    if (!run.issues.empty()) return tr("A setting is out of range (marked in red): fix it to train.");
    if (!run.trainer) return tr("Ready: press ▶ to train.");
    const Trainer& trainer = *run.trainer;
    const EpochRecord* last = trainer.history().empty() ? nullptr : &trainer.history().back();
    switch (trainer.status()) {
        case Status::ready:
            return tr("Ready: press ▶ to train.");
        case Status::running: {
            const int length =
                std::snprintf(text, sizeof text, tr("Training: epoch %d / %d"), trainer.epoch() + 1, trainer.config().epochs);
            if (last) std::snprintf(text + length, sizeof text - size_t(length), " · %s", score_text(*last, *lab.data, tr).c_str());
            return text;
        }
        case Status::diverged: {
            const Divergence why = trainer.divergence();
            const char* format = why == Divergence::weights_exploded
                                     ? tr("Diverged — learning rate too large: the weights exploded at epoch %d")
                                 : why == Divergence::loss_nan
                                     ? tr("Diverged — learning rate too large: loss became NaN at epoch %d")
                                     : tr("Diverged — learning rate too large: loss became infinite at epoch %d");
            std::snprintf(text, sizeof text, format, trainer.diverged_epoch());
            return text;
        }
        case Status::stopped_early:
        case Status::finished: {
            if (!last) return tr("Finished.");
            const bool early = trainer.status() == Status::stopped_early;
            const std::string result = tr.join(early ? tr("Stopped early (validation stopped improving):") : tr("Finished:"),
                                               score_text(*last, *lab.data, tr));
            const int length = std::snprintf(text, sizeof text, "%s", result.c_str());
            // What the result cost, next to it: a bigger network must earn its extra arithmetic.
            std::snprintf(text + length, sizeof text - size_t(length), tr(" · training cost %.3g million FLOPs, %.2f s"),
                          trainer.flops() / 1e6, last->seconds);
            return text;
        }
    }
    return {};
}

// The warning of a run that thrashes, or empty.
std::string thrashing_text(const LabRun& run, const LabState& lab, const Translator& tr) {
    if (!lab.data || !run_thrashes(run, *lab.data)) return {};
    char text[256];
    if (lab.data->info.task == Task::classification)
        std::snprintf(text, sizeof text,
                      tr("Not learning — the loss jumps up and down and accuracy stays near guessing (%.0f%%): the learning rate is "
                         "probably too large."),
                      100 * chance_score(*lab.data));
    else
        std::snprintf(text, sizeof text, "%s",
                      tr("Not learning — the loss jumps up and down and R² stays near 0: the learning rate is probably too large."));
    return text;
}

void draw_progress(const LabState& lab, int index, const Translator& tr, float width) {
    const LabRun& run = lab.runs[size_t(index)];
    char overlay[128] = "";
    float fraction = 0;
    std::snprintf(overlay, sizeof overlay, tr("epoch %d/%d"), 0, run.config.epochs);  // not started yet
    if (run.trainer) {
        const Trainer& trainer = *run.trainer;
        fraction = float(run_progress(trainer));
        const int epochs = trainer.config().epochs;
        const double eta = lab.eta[size_t(index)].eta(fraction);
        if (trainer.status() == Status::diverged) {
            std::snprintf(overlay, sizeof overlay, tr("diverged in epoch %d, batch %d of %d"), trainer.diverged_epoch(),
                          trainer.batch_in_epoch() + 1, trainer.batches_in_epoch());
        } else if (trainer.status() == Status::running && !lab.playing) {
            std::snprintf(overlay, sizeof overlay, tr("epoch %d/%d · paused"), trainer.epoch(), epochs);
        } else if (trainer.status() == Status::running && eta >= 0) {
            std::snprintf(overlay, sizeof overlay, tr("epoch %d/%d · ETA %.0f s"), trainer.epoch(), epochs, std::ceil(eta));
        } else {
            std::snprintf(overlay, sizeof overlay, tr("epoch %d/%d"), trainer.epoch(), epochs);
        }
    }
    progress_bar(fraction, ImVec2(width, 0), overlay);
}

// The one-click remedy of a learning rate too large, next to the message that says so.
void smaller_lr_button(LabState& lab, int index, const Translator& tr) {
    ImGui::PushID(index);
    if (controls::named(index == 0 ? "lab.smaller_lr.A" : "lab.smaller_lr.B",
                        ImGui::Button(tr.label("Try a 10× smaller learning rate").c_str()))) {
        lab.runs[size_t(index)].config.lr.lr /= 10;
        validate_runs(lab);
        reset_runs(lab);
        lab.playing = true;
    }
    ImGui::PopID();
}

// A run that blows up or thrashes gets a one-click remedy next to its message.
void draw_status(LabState& lab, const Translator& tr) {
    const ImVec4 red(0.80f, 0.15f, 0.10f, 1);
    for (int i = 0; i < active_run_count(lab); ++i) {
        LabRun& run = lab.runs[size_t(i)];
        const bool diverged = run.trainer && run.trainer->status() == Status::diverged;
        if (lab.compare) {
            ImGui::Text("%s:", run.name.c_str());
            ImGui::SameLine();
        }
        ImGui::PushStyleColor(ImGuiCol_Text, diverged ? red : ImGui::GetStyleColorVec4(ImGuiCol_Text));
        wrapped_text(status_text(run, lab, tr).c_str());
        ImGui::PopStyleColor();
        const std::string warning = thrashing_text(run, lab, tr);
        if (!warning.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, red);
            wrapped_text(warning.c_str());
            ImGui::PopStyleColor();
        }
        if (diverged || !warning.empty()) smaller_lr_button(lab, i, tr);
    }
}

// A setting's path (config_differences spells it as the hook does) named as its control in the
// panels is labelled, so the difference line reads in the learner's language.
std::string setting_label(const std::string& field, const Translator& tr) {
    static constexpr std::pair<std::string_view, const char*> kLabels[] = {
        {"model.output", tr_key("Output")},
        {"model.loss", tr_key("Loss function")},
        {"model.init", tr_key("Initialization")},
        {"model.init_scale", tr_key("Scale")},
        {"optimizer.kind", tr_key("Optimizer")},
        {"optimizer.momentum", tr_key("Momentum")},
        {"optimizer.rho", tr_key("ρ (decay)")},
        {"optimizer.beta1", "β1"},
        {"optimizer.beta2", "β2"},
        {"optimizer.epsilon", "ε"},
        {"optimizer.weight_decay", tr_key("Weight decay")},
        {"optimizer.hypergradient", tr_key("Adapt the learning rate by its gradient")},
        {"optimizer.hypergradient_beta", tr_key("Hyper learning rate β")},
        {"lr.kind", tr_key("LR schedule")},
        {"lr.lr", tr_key("Learning rate")},
        {"lr.power", tr_key("Power β")},
        {"lr.step_epochs", tr_key("Every (epochs)")},
        {"lr.gamma", tr_key("Factor γ")},
        {"lr.warmup_epochs", tr_key("Warm-up (epochs)")},
        {"batch.size", tr_key("Batch size")},
        {"batch.growth", tr_key("Batch growth / epoch")},
        {"epochs", tr_key("Epochs")},
        {"l1", "L1"},
        {"l2", "L2"},
        {"patience", tr_key("Early stopping patience")},
        {"seed", tr_key("Seed")},
    };
    for (const auto& [path, english] : kLabels)
        if (field == path) return tr(english);
    // model.hidden[1].units → "Layer 2 · Units" (第 2 层 · 单元数)
    int layer = 0;
    char column[16] = "";
    if (std::sscanf(field.c_str(), "model.hidden[%d].%15s", &layer, column) == 2) {
        const char* name = std::string_view(column) == "units"        ? tr("Units")
                           : std::string_view(column) == "activation" ? tr("Activation")
                                                                     : tr("Dropout");
        char text[64];
        std::snprintf(text, sizeof text, tr("Layer %d"), layer + 1);
        return std::string(text) + " · " + name;
    }
    return field;  // a setting added without a label here still shows, by its path
}

// A value as the panels show it: a switch on or off, other values as they are spelled.
std::string setting_value(const std::string& value, const Translator& tr) {
    return value == "true" ? tr("on") : value == "false" ? tr("off") : value;
}

// "A and B differ in: Optimizer adam | sgd · Learning rate 0.01 | 0.03": what the comparison tests.
std::string differences_text(const LabState& lab, const Translator& tr) {
    const std::vector<Difference> differences = config_differences(lab.runs[0].config, lab.runs[1].config);
    if (differences.empty()) return tr("A and B have the same settings: change one of them to compare.");
    std::string list;
    for (const Difference& d : differences)
        list += (list.empty() ? "" : " · ") + setting_label(d.field, tr) + " " + setting_value(d.a, tr) + " | " +
                setting_value(d.b, tr);
    char text[512];
    std::snprintf(text, sizeof text, tr("A and B differ in: %s"), list.c_str());
    return text;
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

    // The pace in words beside a bare slider of five notches: written on the slider, its grab
    // covered the words. No typed entry: there is nothing between the notches to type.
    const Pace& pace = kPaces[std::clamp(lab.speed, 1, kSpeedCount) - 1];
    char speed_name[64];
    if (pace.batches_per_second > 0) std::snprintf(speed_name, sizeof speed_name, tr("%.0f batches/s"), pace.batches_per_second);
    else if (pace.epochs_per_second > 0) std::snprintf(speed_name, sizeof speed_name, tr("%.0f epochs/s"), pace.epochs_per_second);
    else std::snprintf(speed_name, sizeof speed_name, "%s", tr("fastest"));
    const std::string speed_text = tr.join(tr("Speed:"), speed_name);
    const float speed_width = 6 * ImGui::GetFontSize();
    same_line_if_fits(speed_width + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(speed_text.c_str()).x);
    ImGui::SetNextItemWidth(speed_width);
    controls::named("toolbar.speed", ImGui::SliderInt("##speed", &lab.speed, 1, kSpeedCount, "", ImGuiSliderFlags_NoInput));
    // Its stops as dots on the track (where ImGui centres an integer slider's grab): a bare frame
    // with a grab read as an empty text field.
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    const float pad = 2.0f, usable = hi.x - lo.x - 2 * pad;  // ImGui's grab padding inside the frame
    const float grab = std::max(usable / kSpeedCount, ImGui::GetStyle().GrabMinSize);
    for (int stop = 1; stop <= kSpeedCount; ++stop) {
        if (stop == lab.speed) continue;
        const float x = lo.x + pad + grab / 2 + (usable - grab) * float(stop - 1) / float(kSpeedCount - 1);
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(x, (lo.y + hi.y) / 2), 2.5f, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    }
    tooltip(
        tr("How fast training goes, in mini-batches or epochs per second, so each step can be watched; the fastest speed trains as much as "
           "each frame allows."));
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(speed_text.c_str());
    const std::string compare_label = tr.label("Compare A / B");
    same_line_if_fits(ImGui::GetFrameHeight() + button_width(compare_label.c_str()));
    if (controls::named("toolbar.compare", ImGui::Checkbox(compare_label.c_str(), &lab.compare))) reset_runs(lab);
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
        draw_progress(lab, i, tr, -1);
        controls::name_item(i == 0 ? "lab.progress.A" : "lab.progress.B");
    }
    if (lab.compare) wrapped_text(differences_text(lab, tr).c_str());
    draw_status(lab, tr);
}

// Which run the settings panels edit, in compare mode: a band in the run's colour, so an edit
// can never be mistaken for one to the other run.
void draw_run_picker(LabState& lab, const Translator& tr) {
    if (!lab.compare) return;
    const int edited = edited_run(lab);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    // The band is drawn behind its content once the content's height is known: in a narrow panel
    // the sentence wraps under the buttons instead of being cut at the panel's edge.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Editing run"));
    for (int i = 0; i < 2; ++i) {
        ImGui::SameLine();
        if (controls::named(i == 0 ? "lab.edit.A" : "lab.edit.B", ImGui::RadioButton(lab.runs[size_t(i)].name.c_str(), edited == i)))
            lab.editing = i;
    }
    const char* what = edited == 0 ? tr("— the settings below change run A") : tr("— the settings below change run B");
    same_line_if_fits(ImGui::CalcTextSize(what).x);
    wrapped_text(what);
    ImGui::EndGroup();
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(start, ImVec2(start.x + width, ImGui::GetItemRectMax().y + ImGui::GetStyle().FramePadding.y),
                        run_color(edited, 0.22f), 4.0f);
    draw->ChannelsMerge();
}

void draw_settings(LabState& lab, const Translator& tr) {
    draw_run_picker(lab, tr);
    bool data_changed = false, run_changed = false;
    // The hyperparameters come first: at 1280×800 the learning rate, the first knob a learner turns,
    // is then on screen without scrolling, even with a lesson's card beside the page and the A/B
    // lines of compare mode above (under the data panel's dozen rows it fell below the fold).
    if (controls::Section section{"lab.section.hyperparameters", tr.label("Hyperparameters").c_str(), ImGuiTreeNodeFlags_DefaultOpen})
        run_changed |= draw_hyperparameter_panel(lab, tr);
    if (controls::Section section{"lab.section.data", tr.label("Data").c_str(), ImGuiTreeNodeFlags_DefaultOpen})
        data_changed = draw_data_panel(lab, tr);
    if (controls::Section section{"lab.section.network", tr.label("Network").c_str(), ImGuiTreeNodeFlags_DefaultOpen})
        run_changed |= draw_network_panel(lab, tr);
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
    lab.ghost.reset();  // a ghost's curves were on other data: nothing to compare with
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
    if (!lab.playing) {
        lab.frame_clock.stop();  // a paused run starts its pace and its ETA afresh
        for (EtaMeter& meter : lab.eta) meter.reset();
        return;
    }
    if (!ensure_started(lab) || all_finished(lab)) {
        lab.playing = false;
        return;
    }
    // A frame's worth (1/60 s) on the first playing frame, so ▶ shows a step at once.
    const double since = std::min(lab.frame_clock.tick(1.0 / 60), 0.25);
    const int batch_cap = batches_due(lab.speed, lab.runs[0].trainer->batches_in_epoch(), since, lab.pace_credit);
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
    for (int i = 0; i < active_run_count(lab); ++i)
        lab.eta[size_t(i)].update(steady_ms() / 1000, run_progress(*lab.runs[size_t(i)].trainer));
    if (all_finished(lab)) lab.playing = false;
}

void reset_runs(LabState& lab) {
    for (LabRun& run : lab.runs) run.trainer.reset();
    lab.playing = false;
    lab.last_slice_ms = 0;
    lab.pace_credit = {};
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
        draw_lab_views(lab, tr, ImVec2(ImGui::GetContentRegionAvail().x, std::max(available.y * 0.7f, 420.0f)), false);
        draw_settings(lab, tr);
        ImGui::EndChild();
    }
}

json::Value lab_status_json(const LabState& lab, const Translator& tr) {
    json::Value runs = json::Array{};
    for (int i = 0; i < active_run_count(lab); ++i) {
        const LabRun& run = lab.runs[size_t(i)];
        json::Value entry = json::Object{{"name", run.name}, {"config", to_json(run.config)}, {"issues", to_json(run.issues)},
                                         {"status_text", status_text(run, lab, tr)},
                                         {"thrashing_text", thrashing_text(run, lab, tr)}};
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
                                   {"editing", edited_run(lab)}, {"ghost", lab.ghost.has_value()},
                                   {"differences", differences_text(lab, tr)}, {"show_points", lab.show_points},
                                   {"view", std::string(name(lab.view))},
                                   {"paths_lr_scale", lab.paths.lr_scale[size_t(lab.paths.surface)]},
                                   {"last_slice_ms", lab.last_slice_ms},
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
    const std::optional<double> speed = request.number("speed", "\"speed\" must be 1 to 5", 1, kSpeedCount);
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
