#pragma once
// What the lab's views share: the runs on screen, their colours, view titles that explain
// themselves, and the access to the cache of expensive model pictures. Internal to lab_views.cpp,
// network_view.cpp and optimizer_paths_view.cpp.
#include <Eigen/Core>
#include <vector>

#include "ui/lab/lab.h"
#include "ui/widgets/plot.h"

namespace tunelab::ui {

// A run the views draw: runs[0], and runs[1] when comparing; `index` keys caches and colours.
struct ShownRun {
    int index = 0;
    const LabRun* run = nullptr;
    const Trainer* trainer = nullptr;  // null before the run started
};
// The active runs (1, or 2 when comparing), started or not.
int active_runs(const LabState& lab, ShownRun out[2]);
// Whether any active run has a trainer.
bool any_started(const LabState& lab);

// A run's colour (A blue, B orange), the same in every view and on the edited-run band; within a
// plot its training series is solid and its validation series dashed.
ImU32 run_color(int run, float alpha = 1.0f);

// The class colours of the boundary view, shared by points and regions: classes spread over the
// orange–white–blue map (two classes: orange and blue, as in TensorFlow Playground).
ImU32 class_color(int cls, int classes);

// A view's heading; hovering it shows `help`: what the learner should look for.
void view_title(const char* title, const char* help);

// The pictures of run `index`, with the requested `parts` brought up to date when its weights
// changed and a refresh is due (a few times per second, one part's refresh per frame, at once
// when the trainer, its shape or the selected layer changed).
const ModelPictures& model_pictures(LabState& lab, int index, unsigned parts);

// ---- The views that live in their own files.
// The network: layers of nodes, links by weight, a small activation map per hidden unit.
void draw_network_view(LabState& lab, const Translator& tr, ImVec2 size);
// Handwritten digits as images: samples framed by the network's answer, the most-confused pairs,
// the first layer's weights as 8×8 tiles (`details`: all three; else the samples alone).
void draw_digits_view(LabState& lab, const Translator& tr, bool details);
// Optimizers stepping on a 2-D loss surface, each with its own learning rate.
void draw_optimizer_paths_view(LabState& lab, const Translator& tr, ImVec2 size);

}  // namespace tunelab::ui
