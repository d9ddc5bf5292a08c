// Optimizers racing on a toy 2-D loss surface: each steps from the same start point with its own
// learning rate for that surface (times the learner's scale), and leaves a trail. Why momentum crosses the long bowl
// faster than SGD, why Adam takes even steps whatever the slope, how a saddle is escaped.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

#include "ui/lab/lab_view_common.h"
#include "ui/lab/lab_view_math.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/widgets.h"

namespace tunelab::ui {
namespace {

constexpr int kSurfaceResolution = 96;  // drawn smooth, with height lines
constexpr int kContourLevels = 8;
constexpr std::array<const char*, 7> kOptimizerNames = {"SGD", "Momentum", "Nesterov", "Adagrad",
                                                        "RMSprop", "Adam", "AdamW"};

// The part of the plane each surface is shown on, and where its minimum (or saddle point) is.
struct SurfaceFrame {
    plot::Range x, y;
    Point2 special;
};

SurfaceFrame surface_frame(Surface s) {
    switch (s) {
        case Surface::bowl: return {{-2.0, 2.0}, {-1.5, 1.5}, {0.0f, 0.0f}};
        case Surface::rosenbrock: return {{-2.0, 2.0}, {-1.0, 3.0}, {1.0f, 1.0f}};
        case Surface::saddle: return {{-2.0, 2.0}, {-2.0, 2.0}, {0.0f, 0.0f}};
    }
    return {};
}

// Heights over the frame, as log10(1 + height − lowest): Rosenbrock's valley and the bowl's
// floor both stay visible next to their steep walls.
const std::vector<float>& surface_heights(Surface s, const SurfaceFrame& f) {
    static std::vector<float> heights;
    static int cached = -1;
    if (cached == static_cast<int>(s)) return heights;
    cached = static_cast<int>(s);
    constexpr int n = kSurfaceResolution;
    heights.resize(n * n);
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            const Point2 p = {static_cast<float>(f.x.min + (f.x.max - f.x.min) * (c + 0.5) / n),
                              static_cast<float>(f.y.min + (f.y.max - f.y.min) * (r + 0.5) / n)};
            heights[r * n + c] = surface_value(s, p);
        }
    const float lowest = *std::min_element(heights.begin(), heights.end());
    for (float& h : heights) h = std::log10(1.0f + h - lowest);
    return heights;
}

void draw_controls(LabState& lab, const Translator& tr, const std::array<std::vector<Point2>, 7>& paths) {
    OptimizerPathsView& v = lab.paths;
    const char* surfaces[] = {tr("Long bowl  x² + 10y²"), tr("Rosenbrock valley"), tr("Saddle  x² − y²")};
    int surface = static_cast<int>(v.surface);
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 14.0f * ImGui::GetFontSize()));
    if (ImGui::Combo(tr.label("Surface").c_str(), &surface, surfaces, IM_ARRAYSIZE(surfaces))) {
        v.surface = static_cast<Surface>(surface);
        v.start = {-1.5f, surface == static_cast<int>(Surface::saddle) ? 0.05f : 0.8f};
    }
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 14.0f * ImGui::GetFontSize()));
    ImGui::SliderInt(tr.label("Steps").c_str(), &v.steps, 5, 500);
    double& scale = v.lr_scale[static_cast<size_t>(v.surface)];
    const double lo = 0.1, hi = 10.0;
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 14.0f * ImGui::GetFontSize()));
    controls::named("lab.paths.lr_scale", ImGui::SliderScalar(tr.label("Learning rates ×").c_str(), ImGuiDataType_Double, &scale, &lo, &hi,
                                                              "%.2g", ImGuiSliderFlags_Logarithmic));
    tooltip(
        tr("Each optimizer has its own learning rate on each surface (shown next to it): one rate cannot suit plain SGD and Adam alike. "
           "This scales them all; raise it to watch them overshoot."));
    // The checkboxes are the legend: a colour swatch, the name, and the height where the trail ended.
    for (size_t k = 0; k < kOptimizerNames.size(); ++k) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float s = ImGui::GetFrameHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 0.3f * s), ImVec2(p.x + 0.6f * s, p.y + 0.7f * s),
                                                  plot::series_color(static_cast<int>(k)));
        ImGui::Dummy(ImVec2(0.6f * s, s));
        ImGui::SameLine();
        bool shown = v.shown[k];
        if (ImGui::Checkbox(kOptimizerNames[k], &shown)) v.shown[k] = shown;
        if (!shown) continue;
        ImGui::SameLine();
        const std::vector<Point2>& path = paths[k];
        const double lr = path_learning_rate(v.surface, static_cast<OptimizerKind>(k), scale);
        if (static_cast<int>(path.size()) <= v.steps) ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.2f, 1), "lr %.2g %s", lr, tr("diverged"));
        else ImGui::TextDisabled("lr %.2g → %.3g", lr, surface_value(v.surface, path.back()));
    }
}

// The surface with the trails, on axes, with height lines and a colour bar; clicking or dragging
// on it moves the common start point.
void draw_surface(LabState& lab, const Translator& tr, const std::array<std::vector<Point2>, 7>& paths, float width) {
    OptimizerPathsView& v = lab.paths;
    const SurfaceFrame f = surface_frame(v.surface);
    plot::Options opt;
    opt.x.label = "x";
    opt.y.label = "y";
    opt.x.min = f.x.min;
    opt.x.max = f.x.max;
    opt.y.min = f.y.min;
    opt.y.max = f.y.max;
    opt.equal_aspect = true;
    opt.colorbar = true;
    opt.legend = false;
    opt.hover = false;  // the tooltip below says the height and what a click does
    const float height = width * static_cast<float>((f.y.max - f.y.min) / (f.x.max - f.x.min)) + 3.0f * ImGui::GetFontSize();
    if (!plot::begin("##surface", ImVec2(width, height), opt)) return;
    controls::name_item("lab.paths.surface_plot");
    double mx = 0, my = 0;
    const bool over = plot::mouse_data(mx, my);
    const Point2 under = {static_cast<float>(mx), static_cast<float>(my)};
    if (ImGui::IsItemActive() && over) v.start = under;

    const std::vector<float>& heights = surface_heights(v.surface, f);
    plot::HeatmapStyle hs;
    hs.smooth = true;
    plot::heatmap(tr("log10(1 + height)"), heights, kSurfaceResolution, kSurfaceResolution, f.x, f.y, hs);
    const auto [lowest, highest] = std::minmax_element(heights.begin(), heights.end());
    for (int level = 1; level <= kContourLevels; ++level)
        plot::contour("##height line", heights, kSurfaceResolution, kSurfaceResolution, f.x, f.y,
                      *lowest + (*highest - *lowest) * level / (kContourLevels + 1), IM_COL32(255, 255, 255, 110), 1.0f);
    plot::MarkerStyle special;
    special.shape = v.surface == Surface::saddle ? plot::Marker::cross : plot::Marker::star;
    special.outline = IM_COL32(40, 40, 40, 255);
    plot::point("##minimum", f.special[0], f.special[1], IM_COL32_WHITE, special);
    for (size_t k = 0; k < paths.size(); ++k) {
        if (!v.shown[k] || paths[k].empty()) continue;
        const std::vector<Point2>& path = paths[k];
        const int n = static_cast<int>(path.size());
        const ImU32 color = plot::series_color(static_cast<int>(k));
        plot::line("##trail", plot::Values(&path[0][0], n, sizeof(Point2)), plot::Values(&path[0][1], n, sizeof(Point2)), color);
        plot::MarkerStyle end;
        end.outline = IM_COL32_WHITE;
        plot::point("##end", path.back()[0], path.back()[1], color, end);
    }
    plot::MarkerStyle start;
    start.shape = plot::Marker::ring;
    start.outline = IM_COL32_WHITE;
    plot::point("##start", v.start[0], v.start[1], IM_COL32(30, 30, 30, 255), start);
    plot::end();
    if (over)
        ImGui::SetTooltip("(%.2f, %.2f) %s %.4g\n%s", under[0], under[1], tr("height"), surface_value(v.surface, under),
                          tr("Click or drag to start the optimizers here."));
}

}  // namespace

void draw_optimizer_paths_view(LabState& lab, const Translator& tr, ImVec2 size) {
    OptimizerPathsView& v = lab.paths;
    const LabRun& run = lab.runs[size_t(edited_run(lab))];
    const double scale = v.lr_scale[static_cast<size_t>(v.surface)];
    v.steps = std::clamp(v.steps, 1, 500);
    // Every optimizer shares the run's settings (momentum, betas, …) and differs only in kind.
    std::array<std::vector<Point2>, 7> paths;
    for (size_t k = 0; k < paths.size(); ++k) {
        if (!v.shown[k]) continue;
        OptimizerConfig config = run.config.optimizer;
        config.kind = static_cast<OptimizerKind>(k);
        paths[k] =
            optimizer_path(v.surface, config, static_cast<float>(path_learning_rate(v.surface, config.kind, scale)), v.start, v.steps);
    }

    view_title(tr("Optimizer paths"),
               tr("Each optimizer starts at the ring and takes the same number of steps downhill with its own learning rate for this "
                  "surface; the star marks the minimum. In the long bowl plain SGD zig-zags across the steep direction while momentum "
                  "builds up speed along the flat one; Adam and RMSprop scale each direction's step by its own gradient size."));
    const float width = ImGui::GetContentRegionAvail().x;
    if (view_columns(width, ImGui::GetFontSize()) < 2) {
        draw_controls(lab, tr, paths);
        draw_surface(lab, tr, paths, width);
        return;
    }
    const float controls = 17.0f * ImGui::GetFontSize();
    const SurfaceFrame f = surface_frame(v.surface);
    const float aspect = static_cast<float>((f.y.max - f.y.min) / (f.x.max - f.x.min));
    const float available_h = size.y > 0 ? size.y - 2 * ImGui::GetFrameHeightWithSpacing() : width;
    const float plot_w = std::min(width - controls - ImGui::GetStyle().ItemSpacing.x, available_h / aspect);
    ImGui::BeginGroup();
    draw_surface(lab, tr, paths, plot_w);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    draw_controls(lab, tr, paths);
    ImGui::EndGroup();
}

}  // namespace tunelab::ui
