#pragma once
// The training lab: the learner edits settings, trains, and watches. LabState is plain data that the
// panels edit directly; lab.cpp owns the layout, the run controls and the one place where training
// is time-sliced into frames; lab_settings.cpp draws the settings panels; lab_views.cpp draws every
// live view (curves, decision boundary, network, histograms, optimizer paths).
#include <imgui.h>

#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/json.h"
#include "core/settings.h"
#include "core/surfaces.h"
#include "core/trainer.h"
#include "tune/scheduler.h"
#include "ui/hook.h"
#include "ui/i18n.h"
#include "ui/lab/lab_run_math.h"
#include "ui/lab/model_pictures.h"

namespace tunelab::ui {

// One training run on screen: its settings and, once started, its trainer.
struct LabRun {
    TrainConfig config;
    std::vector<Issue> issues;         // validate(config, data): shown next to the controls
    std::unique_ptr<Trainer> trainer;  // null until the run starts; reset drops it
    std::string name;                  // "A" / "B" in compare mode
};

// A finished run pinned as a faded overlay under the next one.
struct Ghost {
    std::string label;  // e.g. "sgd · lr 0.03"
    Task task = Task::classification;
    std::vector<EpochRecord> history;
};

enum class ViewTab { curves, boundary, network, histograms, optimizer_paths };

}  // namespace tunelab::ui

namespace tunelab {
template <>
inline constexpr std::array<std::string_view, 5> enum_names<ui::ViewTab> = {"curves", "boundary", "network", "histograms",
                                                                            "optimizer_paths"};
}  // namespace tunelab

namespace tunelab::ui {

// The 2-D loss-surface view where each optimizer steps from the same start point.
struct OptimizerPathsView {
    Surface surface = Surface::bowl;
    Point2 start = {-1.5f, 0.8f};
    int steps = 60;
    std::array<bool, 7> shown = {true, true, true, false, true, true, false};  // by OptimizerKind
    std::array<double, 3> lr_scale = {1.0, 1.0, 1.0};  // by Surface: times path_learning_rate()
};

struct LabState {
    DataConfig data_config;
    std::optional<PreparedData> data;  // prepared from data_config; empty when data_issues says why
    std::vector<Issue> data_issues;

    std::array<LabRun, 2> runs;  // runs[0] always; runs[1] only when comparing
    bool compare = false;        // train runs[1] beside runs[0], on the same data and seed
    int editing = 0;             // which run the settings edit while comparing: read edited_run()

    bool playing = false;
    int speed = kDefaultSpeed;     // an index into kPaces, 1-based: 1 = 2 batches/s … 5 = fastest
    tune::PaceCredit pace_credit;  // batches_due()'s carry between frames
    tune::FrameClock frame_clock;  // time between playing frames; stopped on a pause
    std::array<EtaMeter, 2> eta;   // per run
    double frame_budget_ms = 6.0;  // CPU time per frame that training may use (set by the app each frame)
    double last_slice_ms = 0.0;    // training time spent in the last frame
    tune::RateCost step_cost;      // what training costs here, per counted FLOP

    std::optional<Ghost> ghost;
    bool log_loss = true;  // loss curves on a log axis
    bool show_points = true;  // the data points over the decision boundary (off: see the regions)
    ViewTab view = ViewTab::curves;
    int drawn_view = -1;     // the tab drawn last (-1: none yet): a different `view` was chosen from outside
    OptimizerPathsView paths;
    int selected_layer = 0;  // the layer whose histograms / neuron maps are shown
    PictureCache pictures;   // the views' expensive pictures of each run

    // Loading the learner's CSV goes through the platform (a browser file picker, a desktop path or a
    // dropped file); the data panel only asks for it.
    bool csv_picker_requested = false;  // web: open the browser's file picker
    std::string csv_path;               // desktop: the path typed into the data panel
    bool csv_path_requested = false;    // desktop: read csv_path
    std::string csv_name;               // the loaded file's name, for display

    LabState();
};

// The run the settings panels edit: run A unless comparing, whatever way compare was turned off
// (checkbox, hook, lesson, link), so an edit never goes to a run that is not shown.
inline int edited_run(const LabState& lab) { return lab.compare ? lab.editing : 0; }

// ---- lab.cpp
void draw_lab(LabState& lab, const Translator& tr);
// Re-prepares the data after data_config changed, and re-validates both runs; drops trainers.
void refresh_data(LabState& lab);
// Switches to the learner's CSV file, guessing the target column and task, and prepares it.
void load_csv_text(LabState& lab, std::string file_name, std::string text);
// Trains the playing runs for about lab.frame_budget_ms (the app calls it once a frame, after drawing).
void advance_runs(LabState& lab);
// Starts (or restarts) every active run from scratch with the current settings.
void reset_runs(LabState& lab);
// Settings, data and each run's status and history: the hook's lab.status, the results export.
json::Value lab_status_json(const LabState& lab, const Translator& tr);
// The test hook's lab commands ({"cmd":"lab.set", ...}); see lab.cpp for the list.
std::span<const hook::Command> lab_commands();

// ---- lab_settings.cpp: each panel edits lab.data_config or lab.runs[edited_run(lab)].config and
// returns true when it changed something (the lab then re-prepares the data or restarts the runs).
bool draw_data_panel(LabState& lab, const Translator& tr);
bool draw_network_panel(LabState& lab, const Translator& tr);
bool draw_hyperparameter_panel(LabState& lab, const Translator& tr);

// ---- lab_views.cpp: everything drawn from the runs' trainers, for the current ViewTab.
// `size` is the area the views may fill.
// `own_scroll`: the views scroll in a region of their own (beside the settings); on a phone they are
// part of the one scrolling column (a scroll area inside another traps a finger's swipe).
void draw_lab_views(LabState& lab, const Translator& tr, ImVec2 size, bool own_scroll = true);

}  // namespace tunelab::ui
