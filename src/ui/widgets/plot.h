#pragma once
// TuneLab's plotting module: line, band, scatter, heatmap, histogram on an ImDrawList, with
// axes, ticks, log scales, legend, colour bar and hover readout. Every view uses it.
//
// Immediate mode, like Dear ImGui itself:
//
//     plot::Options opt;
//     opt.title = "Loss";
//     opt.x.label = "epoch";
//     opt.y.log = true;
//     if (plot::begin("##loss", ImVec2(-1, 240), opt)) {
//         plot::line("train", epochs, train_loss, plot::series_color(0));
//         plot::line("validation", epochs, val_loss, plot::series_color(1));
//         plot::vline(12, plot::series_color(2), "over-fitting");
//         plot::end();
//     }
//
// A decision boundary (heatmap of the network's output over a 2-D region, points on top) and a
// band (mean ± spread over seeds, its mean line drawn over it):
//
//     plot::Options map;
//     map.equal_aspect = true;
//     map.colorbar = true;
//     if (plot::begin("##boundary", ImVec2(360, 0), map)) {
//         plot::HeatmapStyle hs;
//         hs.map = plot::Colormap::diverging;
//         hs.min = -1;
//         hs.max = 1;
//         plot::heatmap("output", grid, 40, 40, {-6, 6}, {-6, 6}, hs);
//         plot::MarkerStyle train;
//         train.colors = point_colors;  // per point: the class colour
//         train.outline = IM_COL32_WHITE;
//         plot::scatter("train", xs, ys, IM_COL32_WHITE, train);
//         plot::MarkerStyle val = train;
//         val.shape = plot::Marker::ring;
//         plot::scatter("validation", vxs, vys, IM_COL32_WHITE, val);
//         plot::end();
//     }
//     if (plot::begin("##best", ImVec2(-1, 0))) {
//         plot::band("##spread", trials, lo, hi, plot::series_color(1, 0.25f));
//         plot::line("Bayesian opt.", trials, mean, plot::series_color(1), {.step = true});
//         plot::end();
//     }
//
// Call end() only when begin() returned true (the plot was visible). Data are passed as Values:
// any contiguous range of float or double (std::span, std::vector, std::array), or a pointer,
// count and stride. NaN, ±Inf and (on log axes) non-positive values are skipped: a diverged run
// still shows its finite part. Finite values beyond fixed axis limits are marked by a small
// triangle at the edge, pointing the way to them, so nothing leaves the plot unseen. A label that starts with "##" (or is null) stays out
// of the legend and the tooltip; text after "##" is hidden, as in ImGui ("train##ghost").
//
// Automatic limits follow the data drawn in the previous frame (kept in the window's
// ImGuiStorage under the plot's id), so nothing is buffered or allocated per frame. The first
// frame of a new plot therefore shows default limits once.
#include <span>
#include <string>

#include "imgui.h"
#include "ui/widgets/colormap.h"
#include "ui/widgets/plot_math.h"

namespace tunelab::plot {

struct Axis {
    const char* label = nullptr;
    bool log = false;
    double min = nan;  // fixed limits; NaN = automatic, from the data (either end on its own)
    double max = nan;
    bool inverted = false;  // max at the left / bottom (confusion matrix rows top-down)
    // Names for the integer positions 0..category_count-1, shown instead of numbers.
    const char* const* categories = nullptr;
    int category_count = 0;
    bool integer = false;  // a count (epochs, trials): ticks on whole numbers only
};

struct Options {
    const char* title = nullptr;
    Axis x, y;
    bool legend = true;  // in a band above the data, never over it; wraps into rows when narrow
    bool equal_aspect = false;  // one unit as long on x as on y (2-D maps; linear axes only)
    bool colorbar = false;      // room at the right for the colour bar of the heatmap drawn
    bool sparkline = false;     // no frame, ticks, labels or legend: a small inline preview
    bool hover = true;          // crosshair and tooltip with the values under the mouse
};

enum class Marker { circle, ring, square, cross, star };

struct LineStyle {
    float thickness = 2.0f;
    bool dashed = false;  // e.g. a ghost run, a reference line
    bool step = false;    // horizontal then vertical between points (Pareto fronts, best-so-far)
};

struct MarkerStyle {
    Marker shape = Marker::circle;
    float size = 0.0f;  // radius in pixels; 0 = from the font size, so it scales with DPI
    ImU32 outline = 0;  // drawn around filled shapes when not 0 (points over a heatmap)
    std::span<const ImU32> colors = {};  // one colour per point, instead of the series colour
    std::span<const std::string> hover_texts = {};  // per point: what the tooltip says instead of (x, y)
};

struct HeatmapStyle {
    Colormap map = Colormap::viridis;
    double min = nan;  // colour scale limits; NaN = the data's finite min / max
    double max = nan;
    const char* cell_format = nullptr;  // e.g. "%.0f": write each value in its cell if it fits
    // Blend between the values (a texture with bilinear filtering, set up by the platform through
    // set_texture_upload) instead of flat cells: a decision boundary or a loss surface sampled on
    // a grid looks like the smooth function it is. Cells when no upload is installed (tests).
    bool smooth = false;
};

// Uploads `width` × `height` RGBA8 pixels (row 0 at the top) into the texture `existing` (null:
// a new one) with bilinear filtering and clamped edges, and returns it. The ui layer cannot call
// OpenGL: the platform (src/app) installs its implementation at start-up, desktop GL3 or WebGL2.
using TextureUpload = ImTextureID (*)(ImTextureID existing, int width, int height, const unsigned char* rgba);
void set_texture_upload(TextureUpload upload);

// Colours: a series colour from the qualitative palette, any Rgb, or a colour made fainter
// (ghost runs, bands under their mean line).
ImU32 series_color(int index, float alpha = 1.0f);
ImU32 to_u32(Rgb c, float alpha = 1.0f);
ImU32 faded(ImU32 color, float alpha_scale);

bool begin(const char* id, ImVec2 size = ImVec2(0, 0), const Options& opt = {});
void end();
// Between begin() and end(): the data coordinates under the mouse, and whether it is over the
// data area (a view that lets the learner click or drag on its plot).
bool mouse_data(double& x, double& y);

// ys against xs, broken at unusable points.
void line(const char* label, Values xs, Values ys, ImU32 color, const LineStyle& style = {});
// The filled region between lo and hi over xs (mean ± spread, confidence bands). `color` is used
// as given: pass a translucent one (faded(c, 0.25f)) to keep lines under it visible.
void band(const char* label, Values xs, Values lo, Values hi, ImU32 color);
void scatter(const char* label, Values xs, Values ys, ImU32 color, const MarkerStyle& style = {});
void point(const char* label, double x, double y, ImU32 color, const MarkerStyle& style = {});
// rows × cols values, row-major, values[r * cols + c]. Cell (r, c) covers the c-th of `cols`
// equal steps of `x` and the r-th of `rows` steps of `y` (row 0 at y.min); steps are equal in
// axis coordinates, so on a log axis the grid is log-spaced. Feeds the colour bar.
void heatmap(const char* label, Values values, int rows, int cols, Range x, Range y,
             const HeatmapStyle& style = {});
// Lines where the values (laid out as for heatmap(), each value at its cell's centre) cross
// `level`, by marching squares with linear interpolation: the 0.5 contour of a classifier's
// probability, the height lines of a loss surface.
void contour(const char* label, Values values, int rows, int cols, Range x, Range y, double level,
             ImU32 color, float thickness = 1.5f);
// Counts of samples in `bins` equal bins over their finite range (at most 256 bins).
void histogram(const char* label, Values samples, int bins, ImU32 color);
// Precomputed bin heights, equal bins over `x`. Horizontal: the bins run up the y axis over `x`
// (read it as the bin range) and the bars extend along x (named rows, e.g. importance per parameter).
void bars(const char* label, Values heights, Range x, ImU32 color, bool horizontal = false);
// Lines across the whole plot at a value, with an optional text next to them.
void vline(double x, ImU32 color, const char* text = nullptr, const LineStyle& style = {1.5f});
void hline(double y, ImU32 color, const char* text = nullptr, const LineStyle& style = {1.5f});
// A text at a data point (left edge, vertically centred; moved inside the data area when it
// would stick out), on a backing so it reads over data: the labels of parallel coordinates.
void text(double x, double y, const char* text, ImU32 color);
// y = slope * x + intercept across the visible x range (y = x for predicted vs true).
void ref_line(const char* label, double slope, double intercept, ImU32 color,
              const LineStyle& style = {1.5f, true});

}  // namespace tunelab::plot
