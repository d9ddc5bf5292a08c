// The training lab's live views: curves, predictions (decision boundary, confusion matrix,
// predicted vs true), histograms, and the tab bar that arranges them with the network and the
// optimizer-paths views. Everything is read from the runs' trainers; nothing here trains.
#include <imgui.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include "core/schedule.h"
#include "core/stopwatch.h"
#include "core/validate.h"
#include "ui/lab/lab.h"
#include "ui/lab/lab_view_common.h"
#include "ui/lab/lab_view_math.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/widgets.h"

namespace tunelab::ui {
namespace {

constexpr int kHistogramBins = 40;
constexpr double kRefreshSeconds = 0.2;  // pictures follow training five times a second
// Floating-point operations one refresh of a grid picture may cost (a few milliseconds): big
// networks get coarser grids rather than slower frames.
constexpr double kGridFlops = 8e6;
// The boundary is drawn as a bilinear texture of this many samples a side: at 100 or more it
// reads as the smooth function it is (issue #10); beyond 128 no screen shows a difference.
constexpr int kBoundaryMinResolution = 100, kBoundaryMaxResolution = 128;

// ------------------------------------------------------------------------------------ caching

// Changes whenever the trainer's model has another shape, so a reset with a new architecture
// never indexes old pictures.
long long shape_key(const Model& model) {
    long long key = model.inputs();
    for (int l = 0; l < model.layer_count(); ++l) key = key * 1031 + model.layer(l).units;
    return key;
}

// Recomputes one part with `compute` when it belongs to another trainer or key, or when the
// weights moved and its last refresh is old enough: kRefreshSeconds, or 20 times what it cost
// (so pictures never take more than 5% of the time). One part per frame, so refreshes of
// different parts and runs fall on different frames, and a part that found its frame taken goes
// first the next frame, so a cheap part is never starved by a busy one. Until a part is recomputed
// the views show the old one, and check its sizes before drawing it.
template <class Compute>
void refresh(PictureCache& cache, PictureStamp& stamp, const Trainer& trainer, long long key, double checksum, Compute compute) {
    const double now = ImGui::GetTime();
    const int frame = ImGui::GetFrameCount();
    const bool other = stamp.trainer != &trainer || stamp.key != key;
    const bool moved = checksum != stamp.checksum && now - stamp.time >= std::max(kRefreshSeconds, 20.0 * stamp.cost);
    if (!other && !moved) return;
    const bool queued = cache.next && cache.next != &stamp && cache.next_frame >= frame - 1;
    if (cache.refresh_frame == frame || queued) {
        if (!cache.next || cache.next_frame < frame - 1) {
            cache.next = &stamp;
            cache.next_frame = frame;
        }
        return;
    }
    if (cache.next == &stamp) cache.next = nullptr;
    const Stopwatch watch;
    compute();
    const double cost = watch.elapsed_seconds();
    stamp = {&trainer, key, checksum, now, cost};
    cache.refresh_frame = frame;
}

void compute_boundary(const Trainer& t, ModelPictures& p) {
    const PreparedData& data = t.data();
    const int resolution =
        grid_resolution(t.model().forward_flops_per_sample(), kGridFlops, kBoundaryMinResolution, kBoundaryMaxResolution);
    p.grid = boundary_grid(data.train_points, data.validation_points, resolution);
    p.outputs = t.predict_grid(p.grid);
}

void compute_unit_maps(const Trainer& t, ModelPictures& p) {
    const PreparedData& data = t.data();
    // Every layer's pass starts again at the inputs: the budget is shared by all of them.
    const double flops = t.model().forward_flops_per_sample() * t.model().layer_count();
    p.unit_grid = boundary_grid(data.train_points, data.validation_points, grid_resolution(flops, kGridFlops, 8, 16));
    // The inputs themselves over the grid (x, y and any extra features such as x² or sin x), as
    // the model sees them: the same points, row by row, that grid_activations() samples.
    p.input_maps = data.model_inputs(grid_points(p.unit_grid));
    p.unit_maps.clear();
    for (int l = 0; l < t.model().layer_count(); ++l)
        p.unit_maps.push_back(t.grid_activations(l, p.unit_grid));
}

void compute_histograms(const Trainer& t, int layer, ModelPictures& p) {
    p.weights = t.weight_histogram(layer, kHistogramBins);
    p.activations = t.activation_histogram(layer, kHistogramBins);
}

void compute_validation(const Trainer& t, ModelPictures& p) {
    if (t.data().info.task == Task::classification) p.confusion = t.confusion_matrix(true);
    // Per sample too for classes: the digits view shows each image with what the network answered.
    p.validation_outputs = t.predict(t.data().validation.x);
}

// The finite part of a series as plot Values: one double field of every EpochRecord.
plot::Values column(const std::vector<EpochRecord>& h, double EpochRecord::*field) {
    if (h.empty()) return {};
    return plot::Values(&(h.front().*field), static_cast<int>(h.size()), sizeof(EpochRecord));
}

// 1, 2, …, n as doubles: the x of every per-epoch series.
plot::Values epochs(int n) {
    static std::vector<double> numbers;
    while (static_cast<int>(numbers.size()) < n) numbers.push_back(static_cast<double>(numbers.size() + 1));
    return plot::Values(numbers.data(), n);
}

// "train" alone, or "A · train" when two runs share the plot.
const char* series_name(const ShownRun& r, int run_count, const char* what, char (&buf)[64]) {
    if (run_count < 2) return what;
    std::snprintf(buf, sizeof buf, "%s · %.48s", r.run->name.c_str(), what);
    return buf;
}

// A plot's share of the height the view was given, or its own height when stacked (0 given).
float height_or(float available, float share, float fallback) {
    return available > 0.0f ? std::max(available * share, 6.0f * ImGui::GetFontSize()) : fallback;
}

// ------------------------------------------------------------------------------------- curves

// One per-epoch plot of every run: a train and a validation field, the ghost's under them.
struct CurvePlot {
    const char* id;
    plot::Options options;
    double EpochRecord::*train;
    double EpochRecord::*validation;
    bool mark_events = false;  // over-fitting and divergence markers (on the loss plot)
};

// The first epoch batch by batch, at fractional epochs, until two epoch records make a curve: a
// run that blows up in its first epoch shows the climb instead of an empty plot.
void draw_first_epoch_losses(const Trainer& t, const char* label, ImU32 color) {
    const std::vector<double>& losses = t.first_epoch_losses();
    static std::vector<double> xs;
    xs.clear();
    const double batches = t.epoch() == 0 ? t.batches_in_epoch() : static_cast<double>(losses.size());
    for (size_t k = 0; k < losses.size(); ++k) xs.push_back((static_cast<double>(k) + 1.0) / std::max(batches, 1.0));
    plot::line(label, xs, losses, plot::faded(color, 0.7f), {1.5f});
}

// The loss axis's top when a run blew up: a hundred times the run's first loss, so the climb
// shows on a readable scale and what goes beyond is marked at the edge (NaN: automatic).
double diverged_loss_ceiling(const LabState& lab) {
    ShownRun runs[2];
    const int n = active_runs(lab, runs);
    double ceiling = plot::nan;
    for (int i = 0; i < n; ++i) {
        const Trainer* t = runs[i].trainer;
        if (!t || t->status() != Status::diverged || t->first_epoch_losses().empty()) continue;
        const double first = t->first_epoch_losses().front();
        if (std::isfinite(first) && first > 0) ceiling = std::isnan(ceiling) ? 100 * first : std::max(ceiling, 100 * first);
    }
    return ceiling;
}

void draw_curve_plot(const LabState& lab, const Translator& tr, const CurvePlot& cp, float height) {
    ShownRun runs[2];
    const int n = active_runs(lab, runs);
    if (!plot::begin(cp.id, ImVec2(-1, height), cp.options)) return;
    char buf[64];
    if (lab.ghost) {
        char ghost_buf[64];
        // Grey, thin: behind the live runs and no run's colour.
        const ImU32 grey = IM_COL32(128, 128, 128, 150);
        const auto& h = lab.ghost->history;
        std::snprintf(ghost_buf, sizeof ghost_buf, "%s (%s)", tr("pinned"), lab.ghost->label.c_str());
        plot::line(ghost_buf, epochs(static_cast<int>(h.size())), column(h, cp.train), grey, {1.5f});
        plot::line("##ghost validation", epochs(static_cast<int>(h.size())), column(h, cp.validation), grey, {1.5f, true});
    }
    for (int i = 0; i < n; ++i) {
        if (!runs[i].trainer) continue;
        const auto& h = runs[i].trainer->history();
        const plot::Values xs = epochs(static_cast<int>(h.size()));
        if (cp.mark_events && h.size() < 2)
            draw_first_epoch_losses(*runs[i].trainer, series_name(runs[i], n, tr("train, per batch"), buf), run_color(runs[i].index));
        plot::line(series_name(runs[i], n, tr("train"), buf), xs, column(h, cp.train), run_color(runs[i].index));
        plot::line(series_name(runs[i], n, tr("validation"), buf), xs, column(h, cp.validation), run_color(runs[i].index), {2.0f, true});
        if (!cp.mark_events) continue;
        if (int e = overfitting_epoch(h)) plot::vline(e, run_color(runs[i].index), series_name(runs[i], n, tr("over-fitting"), buf));
        if (int e = runs[i].trainer->diverged_epoch()) plot::vline(e, plot::series_color(2), series_name(runs[i], n, tr("diverged"), buf));
    }
    plot::end();
}

// The learning rate each run used per epoch, thin, over the schedule it follows, wide and pale
// (known before training: warm-ups, steps and cosines are visible at once). A run with hypergradient
// descent draws its adapted rate there, so the learner sees it leave the schedule.
void draw_learning_rate_plot(const LabState& lab, const Translator& tr, float height) {
    ShownRun runs[2];
    const int n = active_runs(lab, runs);
    constexpr int kPoints = 200;
    std::vector<double> planned[2], times[2];
    double highest = 0.0;
    for (int i = 0; i < n; ++i) {
        const TrainConfig& c = runs[i].run->config;
        planned[i] = sample_schedule(c.lr, c.epochs, kPoints);
        times[i].resize(kPoints);
        for (int k = 0; k < kPoints; ++k) times[i][k] = static_cast<double>(c.epochs) * k / kPoints;
        for (double lr : planned[i]) highest = std::max(highest, std::isfinite(lr) ? lr : 0.0);
        if (runs[i].trainer)
            for (const EpochRecord& r : runs[i].trainer->history())
                highest = std::max(highest, std::isfinite(r.learning_rate) ? r.learning_rate : 0.0);
    }
    plot::Options opt;
    opt.x.label = tr("epoch");
    opt.x.integer = true;
    opt.y.label = tr("learning rate");
    opt.y.min = 0.0;
    opt.y.max = highest > 0.0 ? highest * 1.15 : plot::nan;  // a constant rate is not a point
    if (!plot::begin("##learning_rate", ImVec2(-1, height), opt)) return;
    char buf[64];
    for (int i = 0; i < n; ++i) {
        const ImU32 color = run_color(runs[i].index);
        plot::line(series_name(runs[i], n, tr("schedule"), buf), times[i], planned[i], plot::faded(color, 0.3f), {6.0f});
        if (!runs[i].trainer) continue;
        const auto& h = runs[i].trainer->history();
        const bool adapted = runs[i].trainer->config().optimizer.hypergradient;
        plot::line(series_name(runs[i], n, adapted ? tr("adapted") : tr("used"), buf), epochs(static_cast<int>(h.size())),
                   column(h, &EpochRecord::learning_rate), color);
    }
    plot::end();
}

void draw_curves(LabState& lab, const Translator& tr, ImVec2 size) {
    const float font = ImGui::GetFontSize();
    // Minus the three titles and the spacing after each of the six items.
    const float used = 3.0f * ImGui::GetFrameHeightWithSpacing() + 3.0f * ImGui::GetStyle().ItemSpacing.y;
    const float plots = size.y > 0.0f ? size.y - used : 0.0f;
    const bool regression = lab.data && lab.data->info.task == Task::regression;

    if (!any_started(lab)) {
        // No empty axes before training: what is already known is the schedule.
        wrapped_text(tr(
            "The loss and accuracy curves grow here, epoch by epoch, once training starts. The learning rate will follow this schedule:"));
    } else {
        view_title(tr("Loss"),
                   tr("Training loss (on the mini-batches) and validation loss (on held-out data) per epoch. Where validation loss turns "
                      "up while training loss keeps falling, the network starts memorizing the training set: over-fitting."));
        ImGui::SameLine();
        ImGui::Checkbox(tr.label("log scale").c_str(), &lab.log_loss);
        CurvePlot loss{"##loss", {}, &EpochRecord::train_loss, &EpochRecord::validation_loss, true};
        loss.options.x.label = tr("epoch");
        loss.options.x.integer = true;
        loss.options.y.label = tr("loss");
        loss.options.y.log = lab.log_loss;
        loss.options.y.max = diverged_loss_ceiling(lab);
        draw_curve_plot(lab, tr, loss, height_or(plots, 0.42f, 12.0f * font));

        view_title(regression ? tr("R²") : tr("Accuracy"),
                   regression ? tr("R² says how much of the target's variation the model explains: 1 is perfect, 0 is no better than "
                                   "predicting the mean. Values below −1 are cut off.")
                              : tr("The share of samples whose class the network gets right, on the training batches and on the validation "
                                   "data. A wide gap between the two is over-fitting."));
        CurvePlot metric{"##metric", {}, &EpochRecord::train_metric, &EpochRecord::validation_metric};
        metric.options.x.label = tr("epoch");
        metric.options.x.integer = true;
        metric.options.y.label = regression ? tr("R²") : tr("accuracy");
        metric.options.y.min = regression ? -1.0 : 0.0;
        metric.options.y.max = 1.0;
        draw_curve_plot(lab, tr, metric, height_or(plots, 0.33f, 10.0f * font));
    }
    view_title(tr("Learning rate"), tr("The learning rate the optimizer used in each epoch, over the schedule it follows (the wide pale "
                                       "line). Warm-up, steps and decay show here before they show in the loss."));
    draw_learning_rate_plot(lab, tr, height_or(plots, 0.25f, 8.0f * font));
}

// -------------------------------------------------------------------------------- predictions

// Per-point colours of one part of the data: class colours, or the target on the diverging map.
void point_colors(const DataInfo& info, const Eigen::VectorXf& y, plot::Range target, std::vector<ImU32>& out) {
    out.resize(y.size());
    for (int i = 0; i < y.size(); ++i) {
        if (info.task == Task::classification) {
            out[i] = class_color(static_cast<int>(y(i)), info.classes);
        } else {
            const double t = (y(i) - target.min) / std::max(target.max - target.min, 1e-9);
            out[i] = plot::to_u32(plot::diverging(static_cast<float>(t)));
        }
    }
}

plot::Range target_range(const PreparedData& data) {
    if (data.train.y.size() == 0) return {0.0, 1.0};
    return {data.train.y.minCoeff(), data.train.y.maxCoeff()};
}

// Training points filled, validation points as rings, dark-outlined so they stand out on a
// region of their own colour. The points are the raw 2-D ones, or (other data) the first two
// model inputs.
void draw_points(const PreparedData& data, const Translator& tr, float size = 0.0f) {
    const bool planar = data.info.planar;
    const Eigen::MatrixXf& train = planar ? data.train_points : data.train.x;
    const Eigen::MatrixXf& validation = planar ? data.validation_points : data.validation.x;
    const bool one_input = train.rows() < 2;  // the 1-D curve: x against the target
    static std::vector<ImU32> colors;
    const ImU32 outline = IM_COL32(40, 40, 40, 200);
    const plot::Range target = target_range(data);
    auto draw = [&](const Eigen::MatrixXf& x, const Eigen::VectorXf& y, const char* label, plot::Marker shape) {
        point_colors(data.info, y, target, colors);
        plot::MarkerStyle style;
        style.shape = shape;
        style.size = size;
        style.outline = outline;
        style.colors = colors;
        const plot::Values xs(x.data(), static_cast<int>(x.cols()), static_cast<int>(x.rows() * sizeof(float)));
        const plot::Values ys = one_input
                                    ? plot::Values(y.data(), static_cast<int>(y.size()))
                                    : plot::Values(x.data() + 1, static_cast<int>(x.cols()), static_cast<int>(x.rows() * sizeof(float)));
        plot::scatter(label, xs, ys, IM_COL32(120, 120, 120, 255), style);
    };
    draw(train, data.train.y, tr("training points"), plot::Marker::circle);
    draw(validation, data.validation.y, tr("validation points"), plot::Marker::ring);
}

plot::Options map_options(const PreparedData& data, const Translator& tr) {
    plot::Options opt;
    const auto& names = data.info.feature_names;
    opt.x.label = names.size() > 0 ? names[0].c_str() : nullptr;
    const bool one_input = !data.info.planar && data.info.inputs < 2;
    opt.y.label = one_input ? tr("target") : names.size() > 1 ? names[1].c_str() : nullptr;
    opt.equal_aspect = data.info.planar;
    return opt;
}

// The data alone, before any run: what the network will have to learn.
void draw_data_plot(const PreparedData& data, const Translator& tr, float side) {
    view_title(tr("Data"),
               tr("The training points (filled) and the validation points (rings) the network will learn from, coloured by class or by "
                  "target value. The validation points are never trained on: they show how well the network generalizes."));
    if (plot::begin("##data", ImVec2(side, side), map_options(data, tr))) {
        draw_points(data, tr);
        plot::end();
    }
}

// The model's output over the plane (2-D data), smooth, with the line where the decision flips,
// points on top (small, or hidden to see the regions). Classes: the probability of the second
// class (two classes) or the predicted class; regression: the predicted value. The colour scale
// is a little wider than the values, so regions stay a shade lighter than the points on them.
void draw_boundary(const Trainer& t, const ModelPictures& pic, const char* id, const Translator& tr, float side, bool show_points) {
    const PreparedData& data = t.data();
    const DataInfo& info = data.info;
    const int cells = pic.grid.resolution * pic.grid.resolution;
    if (pic.outputs.cols() != cells) return;
    static std::vector<float> values;
    values.resize(cells);
    plot::HeatmapStyle hs;
    hs.map = plot::Colormap::diverging;
    if (info.task == Task::regression || pic.outputs.rows() == 1) {
        for (int i = 0; i < cells; ++i) values[i] = pic.outputs(0, i);
        const plot::Range r = info.task == Task::regression ? target_range(data) : plot::Range{0.0, 1.0};
        hs.min = r.min - 0.2 * (r.max - r.min);
        hs.max = r.max + 0.2 * (r.max - r.min);
    } else {
        for (int i = 0; i < cells; ++i) {
            Eigen::Index best = 0;
            pic.outputs.col(i).maxCoeff(&best);
            values[i] = static_cast<float>(best);
        }
        const double k = info.classes - 1;
        hs.min = -0.2 * k;
        hs.max = 1.2 * k;
    }
    hs.smooth = true;
    // Samples sit on the grid's points: cells are centred on them.
    const Grid& g = pic.grid;
    const double hx = 0.5 * (g.x_max - g.x_min) / (g.resolution - 1), hy = 0.5 * (g.y_max - g.y_min) / (g.resolution - 1);
    if (!plot::begin(id, ImVec2(side, side), map_options(data, tr))) return;
    const char* what = info.task == Task::regression ? tr("prediction")
                       : pic.outputs.rows() == 1    ? tr("probability of class 1")
                                                    : tr("predicted class");
    const plot::Range gx = {g.x_min - hx, g.x_max + hx}, gy = {g.y_min - hy, g.y_max + hy};
    plot::heatmap(what, values, g.resolution, g.resolution, gx, gy, hs);
    // Where the decision flips: p = 0.5 for two classes, between neighbouring class numbers for more.
    const ImU32 ink = IM_COL32(30, 30, 30, 220);
    if (info.task == Task::classification && pic.outputs.rows() == 1)
        plot::contour(tr("decision boundary (p = 0.5)"), values, g.resolution, g.resolution, gx, gy, 0.5, ink, 2.0f);
    else if (info.task == Task::classification)
        for (int k = 0; k + 1 < info.classes; ++k)
            plot::contour(tr("decision boundary"), values, g.resolution, g.resolution, gx, gy, k + 0.5, ink, 2.0f);
    if (show_points) draw_points(data, tr, 0.2f * ImGui::GetFontSize());
    plot::end();
}

// The 1-D curve: the points and the function the network computes between them.
void draw_fitted_curve(const Trainer& t, const char* id, const Translator& tr, float side) {
    const PreparedData& data = t.data();
    constexpr int kSamples = 120;
    const Eigen::MatrixXf& x = data.train.x;
    const float lo = x.minCoeff(), hi = x.maxCoeff(), pad = 0.1f * (hi - lo);
    Eigen::MatrixXf inputs(1, kSamples);
    for (int i = 0; i < kSamples; ++i) inputs(0, i) = lo - pad + (hi - lo + 2 * pad) * i / (kSamples - 1);
    const Eigen::MatrixXf outputs = t.predict(inputs);
    if (!plot::begin(id, ImVec2(side, side * 0.75f), map_options(data, tr))) return;
    draw_points(data, tr);
    plot::line(tr("network"), plot::Values(inputs.data(), kSamples), plot::Values(outputs.data(), kSamples), plot::series_color(2));
    plot::end();
}

void draw_confusion(const Trainer& t, const ModelPictures& pic, const char* id, const Translator& tr, float side) {
    const DataInfo& info = t.data().info;
    const int k = static_cast<int>(pic.confusion.rows());
    if (k == 0 || k != info.classes) return;
    static std::vector<float> counts;
    static std::vector<const char*> names;
    counts.resize(k * k);
    names.clear();
    for (const auto& n : info.class_names) names.push_back(n.c_str());
    // Row r of the heatmap is drawn at y = r; rows are true classes, top-down.
    for (int r = 0; r < k; ++r)
        for (int c = 0; c < k; ++c) counts[r * k + c] = static_cast<float>(pic.confusion(r, c));
    plot::Options opt;
    opt.x.label = tr("predicted class");
    opt.y.label = tr("true class");
    opt.x.categories = opt.y.categories = names.data();
    opt.x.category_count = opt.y.category_count = static_cast<int>(names.size());
    opt.y.inverted = true;
    opt.colorbar = true;
    opt.legend = false;
    plot::HeatmapStyle hs;
    hs.cell_format = "%.0f";
    if (!plot::begin(id, ImVec2(side, side), opt)) return;
    plot::heatmap(tr("samples"), counts, k, k, {-0.5, k - 0.5}, {-0.5, k - 0.5}, hs);
    plot::end();
}

void draw_predicted_vs_true(const Trainer& t, const ModelPictures& pic, const char* id, const Translator& tr, float side) {
    const Dataset& v = t.data().validation;
    if (pic.validation_outputs.cols() != v.samples()) return;
    plot::Options opt;
    opt.x.label = tr("true value");
    opt.y.label = tr("predicted value");
    opt.equal_aspect = true;
    if (!plot::begin(id, ImVec2(side, side), opt)) return;
    plot::ref_line(tr("perfect"), 1.0, 0.0, IM_COL32(120, 120, 120, 255), {1.5f, true});
    plot::scatter(tr("validation points"), plot::Values(v.y.data(), v.samples()), plot::Values(pic.validation_outputs.data(), v.samples()),
                  plot::series_color(1));
    plot::end();
}

const char* predictions_help(const DataInfo& info, const Translator& tr) {
    if (info.planar && info.task == Task::classification)
        return tr(
            "The colour shows what the network predicts at every point of the plane; where it changes is the decision boundary. A smooth "
            "boundary that follows the data generalizes; one that winds around single training points over-fits.");
    if (info.planar)
        return tr("The colour shows the value the network predicts at every point of the plane, the points their true values.");
    return tr(
        "The line is the function the network computes. With few points and a big network it wiggles through the training points and "
        "misses the validation ones: over-fitting.");
}

// The pictures of one run: its map (boundary, plane or curve) when the data have one, and the
// confusion matrix or predicted-vs-true plot when `details` or when there is no map.
struct Picture {
    const ShownRun* run;
    bool map;
};

void draw_picture(LabState& lab, const Translator& tr, const Picture& p, int run_count, float side) {
    const Trainer& t = *p.run->trainer;
    const DataInfo& info = t.data().info;
    const ModelPictures& pic = model_pictures(lab, p.run->index, p.map ? kBoundaryPicture : kValidationPictures);
    const char* name = p.map
                           ? (info.planar ? (info.task == Task::classification ? tr("Decision boundary") : tr("Predictions over the plane"))
                                          : tr("Fitted curve"))
                       : info.task == Task::classification ? tr("Confusion matrix")
                                                           : tr("Predicted vs true");
    const char* help = p.map                               ? predictions_help(info, tr)
                       : info.task == Task::classification ? tr("Validation samples by true class (rows) and predicted class (columns): "
                                                                "the diagonal is right, everything else is a mistake.")
                                                           : tr("Each validation sample at its true value (across) and the network's "
                                                                "prediction (up): on the diagonal line the prediction is exact.");
    char title[96];
    if (run_count > 1) std::snprintf(title, sizeof title, "%s · %s", p.run->run->name.c_str(), name);
    else std::snprintf(title, sizeof title, "%s", name);
    view_title(title, help);
    if (p.map && info.planar) {
        ImGui::SameLine();
        controls::named(p.run->index == 0 ? "lab.show_points.A" : "lab.show_points.B",
                        ImGui::Checkbox(tr.label("points").c_str(), &lab.show_points));
        draw_boundary(t, pic, "##boundary", tr, side, lab.show_points);
    } else if (p.map) draw_fitted_curve(t, "##curve", tr, side);
    else if (info.task == Task::classification) draw_confusion(t, pic, "##confusion", tr, side);
    else draw_predicted_vs_true(t, pic, "##predicted", tr, side);
}

// Every run's pictures in a grid that flows run by run: with two columns a run's map sits beside
// its details, or (without details) run A's map beside run B's. The data alone before training.
void draw_predictions(LabState& lab, const Translator& tr, ImVec2 size, bool details) {
    if (!lab.data) return;
    const float width = ImGui::GetContentRegionAvail().x;
    const float title = ImGui::GetFrameHeightWithSpacing();
    if (!any_started(lab) && lab.data_config.kind != DatasetKind::digits) {
        draw_data_plot(*lab.data, tr, std::min(width, size.y > 0 ? size.y - 2 * title : width));
        return;
    }
    if (lab.data_config.kind == DatasetKind::digits) {
        draw_digits_view(lab, tr, details);
        return;
    }
    ShownRun runs[2];
    const int n = active_runs(lab, runs);
    const DataInfo& info = lab.data->info;
    const bool has_map = info.planar || info.inputs == 1;
    Picture pictures[4];
    int count = 0;
    for (int i = 0; i < n; ++i) {
        if (!runs[i].trainer) continue;
        if (has_map) pictures[count++] = {&runs[i], true};
        if (details || !has_map) pictures[count++] = {&runs[i], false};
    }
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const int columns = std::min(view_columns(width, ImGui::GetFontSize()), count);
    const int rows = (count + columns - 1) / std::max(columns, 1);
    float side = (width - spacing * (columns - 1)) / std::max(columns, 1);
    // Fit the height when the pictures share rows; stacked in one column (phones) they scroll.
    if (size.y > 0 && (columns > 1 || count == 1)) side = std::min(side, size.y / rows - title - ImGui::GetStyle().ItemSpacing.y);
    side = std::max(side, 8.0f * ImGui::GetFontSize());
    for (int k = 0; k < count; ++k) {
        if (k % columns != 0) ImGui::SameLine();
        // A child per picture: each scatter of thousands of points gets its own vertex budget.
        ImGui::BeginChild(ImGui::GetID(pictures + k), ImVec2(side, side + title), false, ImGuiWindowFlags_NoScrollbar);
        draw_picture(lab, tr, pictures[k], n, side);
        ImGui::EndChild();
    }
}

// --------------------------------------------------------------------------------- histograms

// "Layer 2 · 8 tanh" or "Output · 1 sigmoid".
void layer_name(const Model& m, int l, const Translator& tr, char (&buf)[64]) {
    const LayerShape& s = m.layer(l);
    if (l + 1 == m.layer_count())
        std::snprintf(buf, sizeof buf, "%s · %d %s", tr("Output"), s.units, std::string(name(m.output())).c_str());
    else
        std::snprintf(buf, sizeof buf, "%s %d · %d %s", tr("Layer"), l + 1, s.units, std::string(name(s.activation)).c_str());
}

void draw_layer_selector(LabState& lab, const Model& model, const Translator& tr) {
    lab.selected_layer = std::clamp(lab.selected_layer, 0, model.layer_count() - 1);
    char current[64];
    layer_name(model, lab.selected_layer, tr, current);
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 16.0f * ImGui::GetFontSize()));
    if (!ImGui::BeginCombo(tr.label("Layer").c_str(), current)) return;
    for (int l = 0; l < model.layer_count(); ++l) {
        char item[64];
        layer_name(model, l, tr, item);
        if (ImGui::Selectable(item, l == lab.selected_layer)) lab.selected_layer = l;
    }
    ImGui::EndCombo();
}

// One histogram (weights or activations of the selected layer) of every run.
void draw_histogram_plot(LabState& lab, const Translator& tr, const char* id, Histogram ModelPictures::*which, const char* x_label,
                         float width, float height) {
    ShownRun runs[2];
    const int n = active_runs(lab, runs);
    plot::Options opt;
    opt.x.label = x_label;
    opt.y.label = tr("count");
    opt.y.integer = true;
    if (!plot::begin(id, ImVec2(width, height), opt)) return;
    for (int i = 0; i < n; ++i) {
        if (!runs[i].trainer) continue;
        const Histogram& h = model_pictures(lab, runs[i].index, kHistogramPictures).*which;
        static std::vector<float> counts;
        counts.assign(h.counts.begin(), h.counts.end());
        plot::bars(n > 1 ? runs[i].run->name.c_str() : "##bars", counts, {h.min, h.max}, run_color(runs[i].index));
    }
    plot::end();
}

// One line per layer (and per run) of a per-layer quantity recorded each epoch.
void per_layer_lines(const ShownRun* runs, int n, std::vector<double> EpochRecord::*per_layer, const Translator& tr) {
    static std::vector<double> values;  // reused between frames: no allocation per line
    char buf[64], name_buf[64];
    for (int i = 0; i < n; ++i) {
        if (!runs[i].trainer) continue;
        const Trainer& t = *runs[i].trainer;
        const auto& h = t.history();
        for (int l = 0; l < t.model().layer_count(); ++l) {
            values.clear();
            for (const EpochRecord& r : h) values.push_back(l < static_cast<int>((r.*per_layer).size()) ? (r.*per_layer)[l] : NAN);
            layer_name(t.model(), l, tr, name_buf);
            plot::line(series_name(runs[i], n, name_buf, buf), epochs(static_cast<int>(h.size())), values,
                       plot::series_color(l + 4 * runs[i].index));
        }
    }
}

// Gradient norm and weight norm per layer over the epochs.
void draw_norm_plots(const LabState& lab, const Translator& tr, float width, float height, bool beside) {
    ShownRun runs[2];
    const int n = active_runs(lab, runs);
    plot::Options opt;
    opt.x.label = tr("epoch");
    opt.x.integer = true;
    opt.y.log = true;
    ImGui::BeginGroup();
    view_title(tr("Gradient norm per layer"),
               tr("How large each layer's gradient is, per epoch. It shoots up before a run diverges; a layer whose gradient is far "
                  "smaller than the others barely learns (vanishing gradients, dead ReLUs)."));
    opt.y.label = "‖∂L/∂W‖";
    if (plot::begin("##gradient_norm", ImVec2(width, height), opt)) {
        per_layer_lines(runs, n, &EpochRecord::layer_gradient_norms, tr);
        plot::end();
    }
    ImGui::EndGroup();
    if (beside) ImGui::SameLine();
    ImGui::BeginGroup();
    view_title(tr("Weight norm per layer"), tr("The size of each layer's weights, per epoch. L2 regularization holds them down; weights "
                                               "that keep growing often go with over-fitting."));
    opt.y.label = "‖W‖";
    if (plot::begin("##weight_norms", ImVec2(width, height), opt)) {
        per_layer_lines(runs, n, &EpochRecord::weight_norms, tr);
        plot::end();
    }
    ImGui::EndGroup();
}

void draw_histograms(LabState& lab, const Translator& tr, ImVec2 size) {
    ShownRun runs[2];
    active_runs(lab, runs);
    const Trainer* first = runs[0].trainer ? runs[0].trainer : runs[1].trainer;
    if (!first) {
        wrapped_text(tr("Histograms of each layer's weights and activations appear once training starts."));
        return;
    }
    draw_layer_selector(lab, first->model(), tr);
    const float width = ImGui::GetContentRegionAvail().x;
    const bool beside = view_columns(width, ImGui::GetFontSize()) > 1;
    const float w = beside ? (width - ImGui::GetStyle().ItemSpacing.x) / 2 : width;
    const float rows = beside ? 2.0f : 4.0f;
    const float h =
        std::max(size.y > 0 ? (size.y - 2.5f * ImGui::GetFrameHeightWithSpacing()) / rows - ImGui::GetFrameHeightWithSpacing() : 0.0f,
                 10.0f * ImGui::GetFontSize());
    ImGui::BeginGroup();
    view_title(tr("Weights"),
               tr("The weights of the chosen layer. Zero or constant initialization shows as a single bar: every unit computes the same "
                  "thing and stays so (symmetry). L1 regularization piles weights up at exactly zero (sparsity)."));
    draw_histogram_plot(lab, tr, "##weights", &ModelPictures::weights, tr("weight"), w, h);
    ImGui::EndGroup();
    if (beside) ImGui::SameLine();
    ImGui::BeginGroup();
    view_title(tr("Activations"),
               tr("What the chosen layer's units output on the validation data. With ReLU, a tall bar at exactly 0 means dead units that "
                  "never fire; with tanh or sigmoid, bars piled at the ends mean saturated units that learn slowly."));
    draw_histogram_plot(lab, tr, "##activations", &ModelPictures::activations, tr("activation"), w, h);
    ImGui::EndGroup();
    draw_norm_plots(lab, tr, w, h, beside);
}

// ----------------------------------------------------------------------------------- layout

// Curves beside the predictions on a wide area (a dashboard), one under the other on a narrow one.
void draw_training_tab(LabState& lab, const Translator& tr, ImVec2 size) {
    if (view_columns(size.x, ImGui::GetFontSize()) < 2) {
        draw_curves(lab, tr, ImVec2(size.x, 0));
        draw_predictions(lab, tr, ImVec2(size.x, 0), false);
        return;
    }
    const float left = std::floor(size.x * 0.55f);
    ImGui::BeginChild("##curves", ImVec2(left, size.y));
    draw_curves(lab, tr, ImGui::GetContentRegionAvail());
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##predictions", ImVec2(0, size.y));
    draw_predictions(lab, tr, ImGui::GetContentRegionAvail(), false);
    // The network in the room left under the boundary: Playground's overview in one glance.
    // Its own child window, so its many small maps do not share the boundary's vertex budget.
    const ImVec2 rest = ImGui::GetContentRegionAvail();
    if (rest.y > 16.0f * ImGui::GetFontSize()) {
        ImGui::BeginChild("##network", rest);
        draw_network_view(lab, tr, rest);
        ImGui::EndChild();
    }
    ImGui::EndChild();
}

void draw_predictions_tab(LabState& lab, const Translator& tr, ImVec2 size) {
    draw_predictions(lab, tr, size, true);
}

struct Tab {
    ViewTab view;
    const char* english;  // translated where drawn, so the i18n test sees each literal
    void (*draw)(LabState&, const Translator&, ImVec2);
};

}  // namespace

// ----------------------------------------------------------------------------- shared helpers

int active_runs(const LabState& lab, ShownRun out[2]) {
    const int n = lab.compare ? 2 : 1;
    for (int i = 0; i < n; ++i) out[i] = {i, &lab.runs[i], lab.runs[i].trainer.get()};
    return n;
}

bool any_started(const LabState& lab) {
    return lab.runs[0].trainer || (lab.compare && lab.runs[1].trainer);
}

ImU32 run_color(int run, float alpha) { return plot::series_color(run, alpha); }

ImU32 class_color(int cls, int classes) {
    return plot::to_u32(plot::diverging(classes > 1 ? static_cast<float>(cls) / (classes - 1) : 0.5f));
}

void view_title(const char* title, const char* help) {
    ImGui::BeginGroup();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(title);
    ImGui::SameLine(0, 4);
    ImGui::TextDisabled("(?)");
    ImGui::EndGroup();
    // Hovering the title or its "(?)" says what to look for.
    if (!ImGui::IsItemHovered()) return;
    ImGui::BeginTooltip();
    wrapped_text(help, 24.0f * ImGui::GetFontSize());
    ImGui::EndTooltip();
}

const ModelPictures& model_pictures(LabState& lab, int index, unsigned parts) {
    PictureCache::Entry& e = lab.pictures.runs[index];
    const Trainer* t = lab.runs[index].trainer.get();
    if (!t) return e.pictures;
    const long long shape = shape_key(t->model());
    const double checksum = parameter_checksum(t->model().parameters());
    const int layer = std::clamp(lab.selected_layer, 0, t->model().layer_count() - 1);
    const bool planar = t->data().info.planar;
    ModelPictures& p = e.pictures;
    auto update = [&](PicturePart part, long long key, auto compute) {
        if (parts & part) refresh(lab.pictures, e.stamps[std::countr_zero(static_cast<unsigned>(part))], *t, key, checksum, compute);
    };
    if (planar) update(kBoundaryPicture, shape, [&] { compute_boundary(*t, p); });
    if (planar) update(kUnitMapPictures, shape, [&] { compute_unit_maps(*t, p); });
    update(kHistogramPictures, shape * 16 + layer, [&] { compute_histograms(*t, layer, p); });
    update(kValidationPictures, shape, [&] { compute_validation(*t, p); });
    return p;
}

void draw_lab_views(LabState& lab, const Translator& tr, ImVec2 size, bool own_scroll) {
    static const Tab kTabs[] = {
        {ViewTab::curves, "Training", draw_training_tab},
        {ViewTab::boundary, "Predictions", draw_predictions_tab},
        {ViewTab::network, "Network", draw_network_view},
        {ViewTab::histograms, "Histograms", draw_histograms},
        {ViewTab::optimizer_paths, "Optimizer paths", draw_optimizer_paths_view},
    };
    const char* names[] = {tr("Training"), tr("Predictions"), tr("Network"), tr("Histograms"), tr("Optimizer paths")};
    // A view chosen from outside (the test hook, the lead's controls) selects its tab once; the
    // tab the learner clicks is written back to lab.view.
    const bool external = static_cast<int>(lab.view) != lab.drawn_view;
    if (own_scroll) ImGui::BeginChild("##lab_views", size);
    else ImGui::BeginGroup();
    // Tabs keep their whole labels: on a phone the bar scrolls instead of cutting them to "Tr…".
    if (ImGui::BeginTabBar("##lab_view_tabs", ImGuiTabBarFlags_FittingPolicyScroll)) {
        for (int i = 0; i < IM_ARRAYSIZE(kTabs); ++i) {
            const Tab& tab = kTabs[i];
            char label[96];
            std::snprintf(label, sizeof label, "%s###%s", names[i], tab.english);
            const ImGuiTabItemFlags flags = external && tab.view == lab.view ? ImGuiTabItemFlags_SetSelected : 0;
            const bool open = ImGui::BeginTabItem(label, nullptr, flags);
            controls::name_item("lab.view." + std::string(name(tab.view)));
            if (!open) continue;
            if (!external) lab.view = tab.view;
            lab.drawn_view = static_cast<int>(tab.view);
            tab.draw(lab, tr, own_scroll ? ImGui::GetContentRegionAvail() : size);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    if (own_scroll) ImGui::EndChild();
    else ImGui::EndGroup();
}

}  // namespace tunelab::ui
