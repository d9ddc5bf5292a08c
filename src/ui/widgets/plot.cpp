#include "ui/widgets/plot.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <limits>
#include <numbers>
#include <vector>

namespace tunelab::plot {

namespace {

constexpr int kMaxLegend = 16;
constexpr int kMaxHover = 16;
constexpr int kMaxBins = 256;

enum class Swatch { line, dashed, marker, box };

// Legend and tooltip keep a copy of the shown part of a label: a view may pass a temporary
// string (a formatted layer name) that is gone by the time end() draws them.
using Label = char[64];

struct LegendEntry {
    Label label;
    ImU32 color;
    Swatch swatch;
    Marker marker;
};

struct HoverEntry {
    Label label;
    ImU32 color;
    char text[160];  // a trial's parameters fit
};

// One axis as laid out for this frame.
struct AxisLayout {
    const Axis* opt = nullptr;
    Scale scale = Scale::linear;
    Range range;
    AxisMap map;
    Ticks ticks;
};

// Where an axis's labels go: below a horizontal axis, left or right of a vertical one.
enum class Side { below, left, right };

// Keys of the state a plot keeps between frames in the window's ImGuiStorage.
enum Key { kXMin, kXMax, kYMin, kYMax, kTight, kBarMin, kBarMax, kLegendHeight, kKeyCount };

// The plot between begin() and end(). Like ImGui's current window it is reset by every begin();
// nothing in it outlives the frame (what must, goes to ImGuiStorage).
struct Frame {
    ImDrawList* dl = nullptr;
    Options opt;
    ImGuiID keys[kKeyCount] = {};
    float font = 13.0f;
    ImVec2 outer_min, outer_max, area_min, area_max;
    AxisLayout x, y;
    Extents seen_x, seen_y;  // usable data drawn this frame: next frame's automatic limits
    bool tight = false;      // a heatmap is drawn: no padding around the data
    bool mouse_in = false;
    ImVec2 mouse;
    double mouse_x = 0.0, mouse_y = 0.0;
    bool snapped = false;  // hover x snapped to the first line's nearest point
    double snap_x = 0.0;
    LegendEntry legend[kMaxLegend];
    int legend_count = 0;
    HoverEntry hover[kMaxHover];
    int hover_count = 0;
    float legend_top = 0.0f;  // where the band reserved for the legend (above the data) starts
    bool has_bar = false;  // a heatmap left its colour scale for the colour bar
    Colormap bar_map = Colormap::viridis;
    Range bar_range;
};

Frame g;
bool g_active = false;
TextureUpload g_upload = nullptr;

// The texture of each smooth heatmap, by plot id and label: re-uploaded only when its pixels change.
struct HeatmapTexture {
    ImTextureID id = nullptr;
    unsigned long long checksum = 0;
};
ImGuiStorage g_texture_ids;  // key -> index + 1 into g_textures
ImVector<HeatmapTexture> g_textures;

const char* label_end(const char* label) {
    const char* hash = std::strstr(label, "##");
    return hash ? hash : label + std::strlen(label);
}

bool shown(const char* label) { return label && label_end(label) != label; }

ImVec2 pixel(double x, double y) { return {g.x.map.to_pixel(x), g.y.map.to_pixel(y)}; }

bool finite(ImVec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

void extend(double x, double y) {
    g.seen_x.add(x, g.x.scale);
    g.seen_y.add(y, g.y.scale);
}

bool inside(ImVec2 p) {
    return p.x >= g.area_min.x - 0.5f && p.x <= g.area_max.x + 0.5f && p.y >= g.area_min.y - 0.5f &&
           p.y <= g.area_max.y + 0.5f;
}

// A finite value beyond the axis limits: a triangle at the nearest edge, pointing out towards it.
void mark_off_axis(ImVec2 p, ImU32 color) {
    if (!finite(p)) return;
    const float r = 0.38f * g.font;
    const ImVec2 c(std::clamp(p.x, g.area_min.x + r, g.area_max.x - r), std::clamp(p.y, g.area_min.y + r, g.area_max.y - r));
    ImVec2 dir(0.0f, 0.0f);
    if (p.y < g.area_min.y - 0.5f) dir.y = -1.0f;
    else if (p.y > g.area_max.y + 0.5f) dir.y = 1.0f;
    else if (p.x < g.area_min.x - 0.5f) dir.x = -1.0f;
    else if (p.x > g.area_max.x + 0.5f) dir.x = 1.0f;
    if (dir.x == 0.0f && dir.y == 0.0f) return;  // on the plot
    const ImVec2 tip(c.x + dir.x * r, c.y + dir.y * r);
    const ImVec2 side(-dir.y * r, dir.x * r);  // across the direction
    const ImVec2 b0(c.x - dir.x * r * 0.6f + side.x, c.y - dir.y * r * 0.6f + side.y);
    const ImVec2 b1(c.x - dir.x * r * 0.6f - side.x, c.y - dir.y * r * 0.6f - side.y);
    g.dl->AddTriangleFilled(tip, b0, b1, color | IM_COL32_A_MASK);
    g.dl->AddTriangle(tip, b0, b1, ImGui::GetColorU32(ImGuiCol_WindowBg), 1.0f);
}

// Copies the shown part of `label`, cut if too long at a UTF-8 character boundary.
void copy_label(Label& out, const char* label) {
    size_t n = std::min(static_cast<size_t>(label_end(label) - label), sizeof(Label) - 1);
    if (n == sizeof(Label) - 1)
        while (n > 0 && (static_cast<unsigned char>(label[n]) & 0xC0) == 0x80) --n;
    std::memcpy(out, label, n);
    out[n] = '\0';
}

void add_legend(const char* label, ImU32 color, Swatch swatch, Marker marker = Marker::circle) {
    if (!shown(label) || g.legend_count == kMaxLegend) return;
    LegendEntry& e = g.legend[g.legend_count];
    copy_label(e.label, label);
    for (int i = 0; i < g.legend_count; ++i)  // a series drawn in parts is listed once
        if (std::strcmp(g.legend[i].label, e.label) == 0) return;
    e.color = color;
    e.swatch = swatch;
    e.marker = marker;
    ++g.legend_count;
}

void add_hover(const char* label, ImU32 color, const char* fmt, ...) IM_FMTARGS(3);
void add_hover(const char* label, ImU32 color, const char* fmt, ...) {
    if (!shown(label) || g.hover_count == kMaxHover) return;
    HoverEntry& e = g.hover[g.hover_count++];
    copy_label(e.label, label);
    e.color = color;
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(e.text, sizeof e.text, fmt, args);
    va_end(args);
}

// For series over x (lines, bands): the index to report under the mouse, or -1. All of them
// report at one x, the first series' point nearest the mouse, so the tooltip reads as a row.
int hover_index(const char* label, Values xs, int n) {
    if (!g.mouse_in || !shown(label)) return -1;
    const int i = nearest_index(xs, g.snapped ? g.snap_x : g.mouse_x);
    if (i < 0 || i >= n) return -1;
    if (!g.snapped) {
        g.snapped = true;
        g.snap_x = xs[i];
    }
    return i;
}

// --- Axes ------------------------------------------------------------------------------------

void tick_label(const AxisLayout& ax, int i, char* buf, int size) {
    const double v = ax.ticks.items[i].value;
    const int category = static_cast<int>(std::lround(v));
    if (ax.opt->categories && category >= 0 && category < ax.opt->category_count)
        std::snprintf(buf, size, "%s", ax.opt->categories[category]);
    else
        format_tick(ax.ticks, i, buf, size);
}

float widest_label(const AxisLayout& ax) {
    float w = 0.0f;
    char buf[64];
    for (int i = 0; i < ax.ticks.count; ++i) {
        if (!ax.ticks.items[i].labelled) continue;
        tick_label(ax, i, buf, sizeof buf);
        w = std::max(w, ImGui::CalcTextSize(buf).x);
    }
    return w;
}

// Chooses ticks for an axis `length` pixels long. Vertical labels need a line each; horizontal
// ones their measured width, so a narrow (phone) plot gets fewer.
void layout_ticks(AxisLayout& ax, float length, bool vertical) {
    // Start from an optimistic guess (short labels) and only ever lower it, so this settles.
    const float gap = 1.2f * g.font;
    int budget = std::max(2, static_cast<int>(length / ((vertical ? 1.3f : 2.5f) * g.font)));
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (ax.opt->categories) {
            ax.ticks = {};
            const int n = ax.opt->category_count;
            const int stride = std::max(1, (n + budget - 1) / budget);
            for (int i = 0; i < n; ++i)
                if (i >= ax.range.min && i <= ax.range.max) ax.ticks.add(i, i % stride == 0);
        } else if (ax.opt->integer && ax.scale == Scale::linear) {
            integer_ticks(ax.range, budget, ax.ticks);
        } else {
            axis_ticks(ax.range, ax.scale, budget, ax.ticks);
        }
        if (vertical) return;
        const int fits = std::max(2, static_cast<int>(length / (widest_label(ax) + gap)));
        if (ax.ticks.labelled_count() <= fits) return;
        budget = fits;
    }
}

// Tick marks, grid lines and labels of one axis. `at` is the pixel coordinate (across the axis)
// of the axis line; grid lines run across the plot from `grid_from` to `grid_to` when they differ.
void draw_axis(const AxisLayout& ax, Side side, float at, float grid_from, float grid_to) {
    const bool vertical = side != Side::below;
    const float dir = side == Side::left ? -1.0f : 1.0f;
    const float lo = std::min(ax.map.p0, ax.map.p1) - 0.5f,
                hi = std::max(ax.map.p0, ax.map.p1) + 0.5f;
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.45f);
    const ImU32 grid_minor = ImGui::GetColorU32(ImGuiCol_Border, 0.18f);
    const ImU32 tick = ImGui::GetColorU32(ImGuiCol_Border);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text, 0.85f);
    auto pt = [&](float along, float across) {
        return vertical ? ImVec2(across, along) : ImVec2(along, across);
    };
    char buf[64];
    for (int i = 0; i < ax.ticks.count; ++i) {
        const float p = ax.map.to_pixel(ax.ticks.items[i].value);
        if (!(p >= lo && p <= hi)) continue;
        const bool major = ax.ticks.items[i].labelled;
        if (grid_from != grid_to)
            g.dl->AddLine(pt(p, grid_from), pt(p, grid_to), major ? grid : grid_minor);
        const float len = major ? 4.0f : 2.0f;
        g.dl->AddLine(pt(p, at), pt(p, at + dir * len), tick);
        if (!major) continue;
        tick_label(ax, i, buf, sizeof buf);
        const ImVec2 size = ImGui::CalcTextSize(buf);
        ImVec2 pos;
        if (side == Side::below) {
            // Centred under the tick, but kept inside the plot's rectangle at both ends.
            const float x =
                std::max(g.outer_min.x, std::min(p - 0.5f * size.x, g.outer_max.x - size.x));
            pos = ImVec2(x, at + len + 1.0f);
        } else {
            const float y =
                std::max(g.outer_min.y, std::min(p - 0.5f * size.y, g.outer_max.y - size.y));
            pos = ImVec2(side == Side::left ? at - len - 3.0f - size.x : at + len + 3.0f, y);
        }
        g.dl->AddText(pos, text, buf);
    }
}

// A range from fixed limits where given, last frame's data otherwise.
Range resolve_range(const Axis& axis, Scale scale, Extents seen, bool tight) {
    Range r = auto_range(seen, scale, tight ? 0.0 : 0.05);
    if (usable(axis.min, scale)) r.min = axis.min;
    if (usable(axis.max, scale)) r.max = axis.max;
    if (!(r.max > r.min))
        r = auto_range(Extents{std::min(r.min, r.max), std::max(r.min, r.max)}, scale, 0.0);
    return r;
}

// ImGuiStorage holds floats: extents beyond float range are clamped on the way in, and what
// comes back is filtered like data (a float may round a tiny positive value to 0).
Extents stored_extents(Key min_key, Key max_key, Scale scale) {
    ImGuiStorage* s = ImGui::GetStateStorage();
    Extents e;
    e.add(s->GetFloat(g.keys[min_key], nan), scale);
    e.add(s->GetFloat(g.keys[max_key], nan), scale);
    return e;
}

void store_extents(const Extents& e, Key min_key, Key max_key) {
    ImGuiStorage* s = ImGui::GetStateStorage();
    auto to_float = [&](double v) {
        return e.empty() ? std::numeric_limits<float>::quiet_NaN()
                         : static_cast<float>(std::clamp(v, -3.0e38, 3.0e38));
    };
    s->SetFloat(g.keys[min_key], to_float(e.min));
    s->SetFloat(g.keys[max_key], to_float(e.max));
}

void colorbar_layout(AxisLayout& bar, Range range) {
    static const Axis kPlain;
    bar.opt = &kPlain;
    bar.range = range;
    bar.map = AxisMap(range, Scale::linear, g.area_max.y, g.area_min.y);
    layout_ticks(bar, g.area_max.y - g.area_min.y, true);
}

// --- Drawing primitives ----------------------------------------------------------------------

// Walks a polyline of `n` pixel points, broken wherever a point is not finite, solid or dashed,
// straight or as steps. The dash pattern continues across vertices so dashes stay even.
template <class PointAt>
void stroke(int n, PointAt point_at, ImU32 color, const LineStyle& style) {
    const double dash = 0.5 * g.font, period = dash + 0.35 * g.font;
    double phase = 0.0;  // where along the dash period the pen is, in [0, period)
    bool open = false;  // a solid path is being collected in the draw list
    auto segment = [&](ImVec2 a, ImVec2 b) {
        if (!style.dashed) {
            if (!open) g.dl->PathLineTo(a);
            g.dl->PathLineToMergeDuplicate(b);
            open = true;
            return;
        }
        const float len = std::hypot(b.x - a.x, b.y - a.y);
        if (len <= 0.0f) return;
        const ImVec2 d((b.x - a.x) / len, (b.y - a.y) / len);
        for (double t = 0.0; t < len;) {
            const bool on = phase < dash;
            // At least a thousandth of a pixel per turn: rounding can never stall the walk.
            const double run = std::max(std::min((on ? dash : period) - phase, double(len) - t), 1e-3);
            if (on)
                g.dl->AddLine(ImVec2(a.x + d.x * float(t), a.y + d.y * float(t)),
                              ImVec2(a.x + d.x * float(t + run), a.y + d.y * float(t + run)), color,
                              style.thickness);
            t += run;
            phase += run;
            if (phase >= period) phase -= period;
        }
    };
    auto flush = [&] {
        if (open) g.dl->PathStroke(color, 0, style.thickness);
        open = false;
    };
    ImVec2 prev;
    bool have_prev = false;
    for (int i = 0; i < n; ++i) {
        const ImVec2 p = point_at(i);
        if (!finite(p)) {
            flush();
            have_prev = false;
            continue;
        }
        if (have_prev && style.step) {
            segment(prev, ImVec2(p.x, prev.y));
            segment(ImVec2(p.x, prev.y), p);
        } else if (have_prev) {
            segment(prev, p);
        }
        prev = p;
        have_prev = true;
    }
    flush();
}

void draw_marker(ImVec2 c, Marker shape, float r, ImU32 color, ImU32 outline) {
    ImDrawList* dl = g.dl;
    switch (shape) {
    case Marker::circle:
        dl->AddCircleFilled(c, r, color);
        if (outline) dl->AddCircle(c, r, outline, 0, 1.0f);
        break;
    case Marker::ring: {
        const float t = std::max(1.5f, 0.4f * r);
        if (outline) dl->AddCircle(c, r, outline, 0, t + 2.0f);
        dl->AddCircle(c, r, color, 0, t);
        break;
    }
    case Marker::square:
        dl->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), color);
        if (outline) dl->AddRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), outline);
        break;
    case Marker::cross: {
        const float t = std::max(1.5f, 0.35f * r), a = 1.1f * r;
        for (int pass = outline ? 0 : 1; pass < 2; ++pass) {  // outline first, underneath
            const ImU32 col = pass == 0 ? outline : color;
            const float w = pass == 0 ? t + 2.0f : t;
            dl->AddLine(ImVec2(c.x - a, c.y - a), ImVec2(c.x + a, c.y + a), col, w);
            dl->AddLine(ImVec2(c.x - a, c.y + a), ImVec2(c.x + a, c.y - a), col, w);
        }
        break;
    }
    case Marker::star: {
        // Concave, so filled as an inner pentagon plus five tips (ImGui fills convex shapes).
        ImVec2 pts[10];
        for (int k = 0; k < 10; ++k) {
            const float angle = std::numbers::pi_v<float> * (k / 5.0f - 0.5f);
            const float radius = k % 2 == 0 ? 1.6f * r : 0.65f * r;
            pts[k] = ImVec2(c.x + radius * std::cos(angle), c.y + radius * std::sin(angle));
        }
        ImVec2 inner[5];
        for (int k = 0; k < 5; ++k) {
            inner[k] = pts[2 * k + 1];
            dl->AddTriangleFilled(pts[(2 * k + 9) % 10], pts[2 * k], pts[2 * k + 1], color);
        }
        dl->AddConvexPolyFilled(inner, 5, color);
        if (outline) dl->AddPolyline(pts, 10, outline, ImDrawFlags_Closed, 1.0f);
        break;
    }
    }
}

float marker_radius(const MarkerStyle& style) {
    return style.size > 0.0f ? style.size : 0.28f * g.font;
}

// A line across the whole plot at one x (vertical) or y value. Its text sits on a backing so it
// stays readable over data: at the top, on the side of the line with more room, or above the
// right end of a horizontal line.
void across(bool vertical, double value, ImU32 color, const char* text, const LineStyle& style) {
    IM_ASSERT(g_active);
    const float p = (vertical ? g.x.map : g.y.map).to_pixel(value);
    if (!std::isfinite(p)) return;
    const ImVec2 ends[2] = {vertical ? ImVec2(p, g.area_min.y) : ImVec2(g.area_min.x, p),
                            vertical ? ImVec2(p, g.area_max.y) : ImVec2(g.area_max.x, p)};
    auto at = [&](int i) { return ends[i]; };
    stroke(2, at, color, style);
    if (!text) return;
    const ImVec2 size = ImGui::CalcTextSize(text);
    const bool room_right = p < 0.5f * (g.area_min.x + g.area_max.x);
    ImVec2 pos = vertical ? ImVec2(room_right ? p + 4.0f : p - 4.0f - size.x, g.area_min.y + 2.0f)
                          : ImVec2(g.area_max.x - 4.0f - size.x, p - size.y - 2.0f);
    pos.x = std::max(g.area_min.x + 2.0f, std::min(pos.x, g.area_max.x - size.x - 2.0f));
    g.dl->AddRectFilled(ImVec2(pos.x - 2, pos.y), ImVec2(pos.x + size.x + 2, pos.y + size.y),
                        ImGui::GetColorU32(ImGuiCol_WindowBg, 0.75f), 2.0f);
    g.dl->AddText(pos, color | IM_COL32_A_MASK, text);
}

// --- Legend, colour bar, tooltip (drawn by end()) --------------------------------------------

// The legend in the band above the data area, entries side by side and wrapped into rows at the
// plot's right edge (a phone-width plot gets more rows). Returns the height it needs, which
// begin() reserves from the next frame on, so the legend never covers data.
float draw_legend() {
    const float pad = 0.35f * g.font, swatch = 1.4f * g.font, row = g.font + 2.0f, gap = 1.0f * g.font;
    const float left = g.area_min.x, right = g.outer_max.x;
    float x = left, y = g.legend_top;
    for (int i = 0; i < g.legend_count; ++i) {
        const LegendEntry& e = g.legend[i];
        const float width = swatch + pad + ImGui::CalcTextSize(e.label).x;
        if (x > left && x + width > right) {
            x = left;
            y += row;
        }
        const float mid = y + 0.5f * g.font, x0 = x, x1 = x0 + swatch;
        switch (e.swatch) {
        case Swatch::line:
            g.dl->AddLine(ImVec2(x0, mid), ImVec2(x1, mid), e.color, 2.0f);
            break;
        case Swatch::dashed:
            g.dl->AddLine(ImVec2(x0, mid), ImVec2(x0 + 0.4f * swatch, mid), e.color, 2.0f);
            g.dl->AddLine(ImVec2(x1 - 0.4f * swatch, mid), ImVec2(x1, mid), e.color, 2.0f);
            break;
        case Swatch::marker:
            draw_marker(ImVec2(0.5f * (x0 + x1), mid), e.marker, marker_radius({}), e.color, 0);
            break;
        case Swatch::box:
            g.dl->AddRectFilled(ImVec2(x0, y + 2), ImVec2(x1, y + g.font - 2), e.color);
            break;
        }
        g.dl->AddText(ImVec2(x1 + pad, y), ImGui::GetColorU32(ImGuiCol_Text), e.label);
        x += width + gap;
    }
    return y + row - g.legend_top + pad;
}

void draw_colorbar() {
    const float x0 = g.area_max.x + 0.6f * g.font, x1 = x0 + 0.8f * g.font;
    const float top = g.area_min.y, bottom = g.area_max.y;
    constexpr int kSlices = 32;  // vertical gradient: each slice interpolates its two ends
    for (int s = 0; s < kSlices; ++s) {
        const float t0 = static_cast<float>(s) / kSlices, t1 = static_cast<float>(s + 1) / kSlices;
        const ImU32 c0 = to_u32(colormap(g.bar_map, t0)), c1 = to_u32(colormap(g.bar_map, t1));
        const float y0 = bottom - (bottom - top) * t0, y1 = bottom - (bottom - top) * t1;
        g.dl->AddRectFilledMultiColor(ImVec2(x0, y1), ImVec2(x1, y0), c1, c1, c0, c0);
    }
    g.dl->AddRect(ImVec2(x0, top), ImVec2(x1, bottom), ImGui::GetColorU32(ImGuiCol_Border));
    AxisLayout bar;
    colorbar_layout(bar, g.bar_range);
    draw_axis(bar, Side::right, x1, 0.0f, 0.0f);
}

void draw_tooltip() {
    ImGui::BeginTooltip();
    if (g.snapped)
        ImGui::Text("%s = %.5g", g.opt.x.label ? g.opt.x.label : "x", g.snap_x);
    else
        ImGui::Text("(%.4g, %.4g)", g.mouse_x, g.mouse_y);
    for (int i = 0; i < g.hover_count; ++i) {
        const HoverEntry& e = g.hover[i];
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float s = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 0.2f * s),
                                                  ImVec2(p.x + 0.6f * s, p.y + 0.8f * s),
                                                  e.color | IM_COL32_A_MASK);
        ImGui::Dummy(ImVec2(0.6f * s, s));
        ImGui::SameLine();
        ImGui::TextUnformatted(e.label);
        ImGui::SameLine();
        ImGui::TextUnformatted(e.text);
    }
    ImGui::EndTooltip();
}

}  // namespace

// --- Public API ------------------------------------------------------------------------------

void set_texture_upload(TextureUpload upload) { g_upload = upload; }

bool mouse_data(double& x, double& y) {
    IM_ASSERT(g_active);
    const ImVec2 m = ImGui::GetIO().MousePos;
    x = g.x.map.to_value(m.x);
    y = g.y.map.to_value(m.y);
    return ImGui::IsItemHovered() && inside(m) && std::isfinite(x) && std::isfinite(y);
}

ImU32 to_u32(Rgb c, float alpha) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, alpha));
}

ImU32 series_color(int index, float alpha) { return to_u32(palette(index), alpha); }

ImU32 faded(ImU32 color, float alpha_scale) {
    const float a = static_cast<float>(color >> IM_COL32_A_SHIFT & 0xFF) * alpha_scale;
    return (color & ~IM_COL32_A_MASK) | static_cast<ImU32>(std::clamp(a, 0.0f, 255.0f))
                                            << IM_COL32_A_SHIFT;
}

bool begin(const char* id, ImVec2 size, const Options& opt) {
    IM_ASSERT(!g_active && "plot::begin() without plot::end(): plots do not nest");
    g = Frame{};
    g.opt = opt;
    g.font = ImGui::GetFontSize();
    const Options& options = g.opt;  // what is drawn: may lose its texts below
    const bool spark = options.sparkline;

    // Size: like ImGui widgets, <= 0 means "available width"; height follows the width.
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (size.x <= 0.0f) size.x = std::max(avail.x + size.x, g.font);
    if (size.y <= 0.0f)
        size.y = spark ? 2.5f * g.font : std::clamp(size.x * 0.62f, 8.0f * g.font, 22.0f * g.font);

    static const char* const kKeyNames[kKeyCount] = {"x0", "x1", "y0", "y1", "tight", "b0", "b1", "legend"};
    ImGui::PushID(id);
    for (int k = 0; k < kKeyCount; ++k) g.keys[k] = ImGui::GetID(kKeyNames[k]);
    ImGui::PopID();
    // A small plot gives up its title and axis labels before its data area shrinks away.
    if (size.y < 8.0f * g.font) g.opt.title = g.opt.x.label = g.opt.y.label = nullptr;
    ImGui::InvisibleButton(id, size);
    if (!ImGui::IsItemVisible()) return false;
    g_active = true;
    g.dl = ImGui::GetWindowDrawList();
    g.outer_min = ImGui::GetItemRectMin();
    g.outer_max = ImGui::GetItemRectMax();
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const bool tight = storage->GetBool(g.keys[kTight]);

    g.x.opt = &g.opt.x;
    g.y.opt = &g.opt.y;
    g.x.scale = options.x.log ? Scale::log : Scale::linear;
    g.y.scale = options.y.log ? Scale::log : Scale::linear;
    g.x.range = resolve_range(options.x, g.x.scale, stored_extents(kXMin, kXMax, g.x.scale), tight);
    g.y.range = resolve_range(options.y, g.y.scale, stored_extents(kYMin, kYMax, g.y.scale), tight);

    // Margins: what sits outside the data area, measured with the current font.
    const float pad = spark ? 1.0f : std::round(0.35f * g.font);
    float top = pad, bottom = pad, left = pad, right = pad;
    const float legend_height = spark || !options.legend ? 0.0f : storage->GetFloat(g.keys[kLegendHeight], 0.0f);
    if (!spark) {
        if (options.title) top += g.font + pad;
        top += legend_height;
        top += options.y.label ? g.font + pad : 0.5f * g.font;  // y label, or half a tick label
        bottom += g.font + 5.0f + (options.x.label ? g.font + pad : 0.0f);
        right += 0.5f * g.font;
    }
    g.area_min.y = g.outer_min.y + top;
    g.area_max.y = std::max(g.area_min.y + 1.0f, g.outer_max.y - bottom);
    const float height = g.area_max.y - g.area_min.y;
    if (!spark) {
        layout_ticks(g.y, height, true);
        left += widest_label(g.y) + 7.0f;
        if (options.colorbar) {
            const Extents bar = stored_extents(kBarMin, kBarMax, Scale::linear);
            AxisLayout bar_axis;
            colorbar_layout(bar_axis, bar.empty() ? Range{0.0, 1.0} : Range{bar.min, bar.max});
            right += 1.4f * g.font + 7.0f + widest_label(bar_axis);
        }
    }
    g.area_min.x = g.outer_min.x + left;
    g.area_max.x = std::max(g.area_min.x + 1.0f, g.outer_max.x - right);
    const float width = g.area_max.x - g.area_min.x;
    if (options.equal_aspect && g.x.scale == Scale::linear && g.y.scale == Scale::linear)
        equal_aspect(g.x.range, g.y.range, width, height);
    if (!spark) {
        layout_ticks(g.y, height, true);  // again: equal aspect may have widened the range
        layout_ticks(g.x, width, false);
    }
    g.x.map = options.x.inverted ? AxisMap(g.x.range, g.x.scale, g.area_max.x, g.area_min.x)
                                 : AxisMap(g.x.range, g.x.scale, g.area_min.x, g.area_max.x);
    g.y.map = options.y.inverted ? AxisMap(g.y.range, g.y.scale, g.area_min.y, g.area_max.y)
                                 : AxisMap(g.y.range, g.y.scale, g.area_max.y, g.area_min.y);

    if (!spark) {
        g.dl->AddRectFilled(g.area_min, g.area_max, ImGui::GetColorU32(ImGuiCol_FrameBg));
        draw_axis(g.y, Side::left, g.area_min.x, g.area_min.x, g.area_max.x);
        draw_axis(g.x, Side::below, g.area_max.y, g.area_min.y, g.area_max.y);
        const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
        auto centred = [&](const char* s, float y) {  // over the data area, not the margins
            const float w = ImGui::CalcTextSize(s).x;
            const float x = std::max(g.outer_min.x, 0.5f * (g.area_min.x + g.area_max.x - w));
            g.dl->AddText(ImVec2(x, y), text, s);
        };
        float y = g.outer_min.y + pad;
        if (options.title) {
            centred(options.title, y);
            y += g.font + pad;
        }
        g.legend_top = y;
        y += legend_height;
        // The y label sits above the axis, horizontal: ImGui cannot rotate text, and a learner
        // reads it first there anyway.
        if (options.y.label) g.dl->AddText(ImVec2(g.outer_min.x + pad, y), text, options.y.label);
        if (options.x.label) centred(options.x.label, g.outer_max.y - pad - g.font);
    }

    const ImVec2 mouse = ImGui::GetIO().MousePos;
    g.mouse_in = options.hover && ImGui::IsItemHovered() && mouse.x >= g.area_min.x &&
                 mouse.x <= g.area_max.x && mouse.y >= g.area_min.y && mouse.y <= g.area_max.y;
    g.mouse = mouse;
    g.mouse_x = g.x.map.to_value(mouse.x);
    g.mouse_y = g.y.map.to_value(mouse.y);
    g.dl->PushClipRect(g.area_min, g.area_max, true);
    return true;
}

void end() {
    IM_ASSERT(g_active && "plot::end() without a plot::begin() that returned true");
    if (g.mouse_in) {
        const ImU32 hair = ImGui::GetColorU32(ImGuiCol_Text, 0.35f);
        const float x = g.snapped ? g.x.map.to_pixel(g.snap_x) : g.mouse.x;
        g.dl->AddLine(ImVec2(x, g.area_min.y), ImVec2(x, g.area_max.y), hair);
        if (!g.snapped)
            g.dl->AddLine(ImVec2(g.area_min.x, g.mouse.y), ImVec2(g.area_max.x, g.mouse.y), hair);
    }
    g.dl->PopClipRect();
    const float legend_height = g.opt.legend && !g.opt.sparkline && g.legend_count > 0 ? draw_legend() : 0.0f;
    if (g.opt.colorbar && g.has_bar && !g.opt.sparkline) draw_colorbar();
    if (g.mouse_in) draw_tooltip();

    store_extents(g.seen_x, kXMin, kXMax);
    store_extents(g.seen_y, kYMin, kYMax);
    ImGui::GetStateStorage()->SetBool(g.keys[kTight], g.tight);
    ImGui::GetStateStorage()->SetFloat(g.keys[kLegendHeight], legend_height);
    if (g.has_bar) store_extents(Extents{g.bar_range.min, g.bar_range.max}, kBarMin, kBarMax);
    g_active = false;
}

void line(const char* label, Values xs, Values ys, ImU32 color, const LineStyle& style) {
    IM_ASSERT(g_active);
    const int n = std::min(xs.size(), ys.size());
    for (int i = 0; i < n; ++i) {
        extend(xs[i], ys[i]);
    }
    auto at = [&](int i) { return pixel(xs[i], ys[i]); };
    stroke(n, at, color, style);
    for (int i = 0; i < n; ++i) mark_off_axis(at(i), color);
    add_legend(label, color, style.dashed ? Swatch::dashed : Swatch::line);
    const int i = hover_index(label, xs, n);
    if (i < 0) return;
    add_hover(label, color, "%.5g", ys[i]);
    const ImVec2 p = pixel(xs[i], ys[i]);
    if (finite(p)) {
        g.dl->AddCircleFilled(p, 0.3f * g.font + 1.5f, ImGui::GetColorU32(ImGuiCol_WindowBg));
        g.dl->AddCircleFilled(p, 0.3f * g.font, color | IM_COL32_A_MASK);
    }
}

void band(const char* label, Values xs, Values lo, Values hi, ImU32 color) {
    IM_ASSERT(g_active);
    const int n = std::min({xs.size(), lo.size(), hi.size()});
    // Adjacent quads share edges; anti-aliased fringes would overlap there and show as seams
    // through a translucent band, so fill without them.
    const ImDrawListFlags flags = g.dl->Flags;
    g.dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    for (int i = 0; i < n; ++i) {
        extend(xs[i], lo[i]);
        extend(xs[i], hi[i]);
        if (i == 0) continue;
        const ImVec2 a_lo = pixel(xs[i - 1], lo[i - 1]), a_hi = pixel(xs[i - 1], hi[i - 1]);
        const ImVec2 b_lo = pixel(xs[i], lo[i]), b_hi = pixel(xs[i], hi[i]);
        if (finite(a_lo) && finite(a_hi) && finite(b_lo) && finite(b_hi))
            g.dl->AddQuadFilled(a_hi, b_hi, b_lo, a_lo, color);
    }
    g.dl->Flags = flags;
    add_legend(label, color, Swatch::box);
    const int i = hover_index(label, xs, n);
    if (i >= 0) add_hover(label, color, "%.4g .. %.4g", lo[i], hi[i]);
}

void scatter(const char* label, Values xs, Values ys, ImU32 color, const MarkerStyle& style) {
    IM_ASSERT(g_active);
    const int n = std::min(xs.size(), ys.size());
    const float r = marker_radius(style);
    const bool per_point = static_cast<int>(style.colors.size()) >= n;
    int hovered = -1;
    float hovered_d2 = (r + 4.0f) * (r + 4.0f);  // the mouse must be on or next to a marker
    for (int i = 0; i < n; ++i) {
        extend(xs[i], ys[i]);
        const ImVec2 p = pixel(xs[i], ys[i]);
        if (!finite(p)) continue;
        if (!inside(p)) {
            mark_off_axis(p, per_point ? style.colors[i] : color);
            continue;
        }
        draw_marker(p, style.shape, r, per_point ? style.colors[i] : color, style.outline);
        const float d2 =
            (p.x - g.mouse.x) * (p.x - g.mouse.x) + (p.y - g.mouse.y) * (p.y - g.mouse.y);
        if (g.mouse_in && d2 < hovered_d2) {
            hovered = i;
            hovered_d2 = d2;
        }
    }
    add_legend(label, color, Swatch::marker, style.shape);
    if (hovered < 0) return;
    const ImU32 hover_color = per_point ? style.colors[hovered] : color;
    if (hovered < static_cast<int>(style.hover_texts.size()))
        add_hover(label, hover_color, "%s", style.hover_texts[hovered].c_str());
    else
        add_hover(label, hover_color, "(%.4g, %.4g)", xs[hovered], ys[hovered]);
}

void point(const char* label, double x, double y, ImU32 color, const MarkerStyle& style) {
    scatter(label, Values(&x, 1), Values(&y, 1), color, style);
}

void heatmap(const char* label, Values values, int rows, int cols, Range x, Range y,
             const HeatmapStyle& style) {
    IM_ASSERT(g_active);
    if (rows <= 0 || cols <= 0 || values.size() < rows * cols) return;
    Extents seen;
    for (int i = 0; i < rows * cols; ++i) seen.add(values[i], Scale::linear);
    Range scale = {usable(style.min, Scale::linear) ? style.min : seen.min,
                   usable(style.max, Scale::linear) ? style.max : seen.max};
    if (!(scale.max > scale.min)) scale = {scale.min - 0.5, scale.min + 0.5};  // also if empty
    if (!std::isfinite(scale.min)) scale = {0.0, 1.0};
    extend(x.min, y.min);
    extend(x.max, y.max);
    g.tight = true;
    g.has_bar = true;
    g.bar_map = style.map;
    g.bar_range = scale;

    // Cells are equal steps in axis coordinates: on a log axis a grid of log-spaced samples.
    const double tx = to_axis(x.min, g.x.scale), dx = (to_axis(x.max, g.x.scale) - tx) / cols;
    const double ty = to_axis(y.min, g.y.scale), dy = (to_axis(y.max, g.y.scale) - ty) / rows;
    auto shade = [&](double v) {
        return colormap(style.map, static_cast<float>((v - scale.min) / (scale.max - scale.min)));
    };
    auto corner = [&](int r, int c) {
        return pixel(from_axis(tx + c * dx, g.x.scale), from_axis(ty + r * dy, g.y.scale));
    };
    char buf[32];
    if (style.smooth && g_upload && !style.cell_format) {
        static std::vector<unsigned char> rgba;
        rgba.resize(static_cast<size_t>(rows) * cols * 4);
        unsigned long long checksum = 1469598103934665603ull;  // FNV-1a over the pixels
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c) {
                const ImU32 u = to_u32(shade(values[r * cols + c]));
                unsigned char* px = &rgba[(static_cast<size_t>(rows - 1 - r) * cols + c) * 4];  // row 0 on top
                for (int k = 0; k < 4; ++k) {
                    px[k] = static_cast<unsigned char>(u >> (8 * k));
                    checksum = (checksum ^ px[k]) * 1099511628211ull;
                }
            }
        ImGui::PushID(static_cast<int>(g.keys[kXMin]));  // this plot's own
        const ImGuiID key = ImGui::GetID(label ? label : "##heatmap");
        ImGui::PopID();
        int slot = g_texture_ids.GetInt(key, 0) - 1;
        if (slot < 0) {
            g_textures.push_back({});
            slot = g_textures.Size - 1;
            g_texture_ids.SetInt(key, slot + 1);
        }
        HeatmapTexture& tex = g_textures[slot];
        if (!tex.id || tex.checksum != checksum) {
            tex.id = g_upload(tex.id, cols, rows, rgba.data());
            tex.checksum = checksum;
        }
        // Texel centres on the cells' centres: the image spans the cells' outer edges.
        g.dl->AddImage(tex.id, corner(rows, 0), corner(0, cols), ImVec2(0, 0), ImVec2(1, 1));
    }
    for (int r = 0; r < rows && !(style.smooth && g_upload && !style.cell_format); ++r) {
        for (int c = 0; c < cols; ++c) {
            // Cell edges from the same formula on both sides, so neighbours meet without gaps.
            const ImVec2 a = corner(r, c), b = corner(r + 1, c + 1);
            if (!finite(a) || !finite(b)) continue;
            const double v = values[r * cols + c];
            const Rgb rgb = shade(v);
            const ImVec2 lo(std::min(a.x, b.x), std::min(a.y, b.y)),
                hi(std::max(a.x, b.x), std::max(a.y, b.y));
            g.dl->AddRectFilled(lo, hi, to_u32(rgb));
            if (!style.cell_format) continue;
            std::snprintf(buf, sizeof buf, style.cell_format, v);
            const ImVec2 size = ImGui::CalcTextSize(buf);
            if (size.x > hi.x - lo.x - 2.0f || size.y > hi.y - lo.y) continue;  // does not fit
            const ImU32 ink =
                luminance(rgb) > 0.5f ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255);
            g.dl->AddText(ImVec2(0.5f * (lo.x + hi.x - size.x), 0.5f * (lo.y + hi.y - size.y)), ink,
                          buf);
        }
    }
    if (!g.mouse_in) return;
    const double fc = std::floor((to_axis(g.mouse_x, g.x.scale) - tx) / dx);
    const double fr = std::floor((to_axis(g.mouse_y, g.y.scale) - ty) / dy);
    if (!(fc >= 0 && fc < cols && fr >= 0 && fr < rows)) return;  // also NaN
    const int c = static_cast<int>(fc), r = static_cast<int>(fr);
    const double v = values[r * cols + c];
    add_hover(label, to_u32(shade(v)), "%.4g", v);
}

void contour(const char* label, Values values, int rows, int cols, Range x, Range y, double level,
             ImU32 color, float thickness) {
    IM_ASSERT(g_active);
    if (rows < 2 || cols < 2 || values.size() < rows * cols) return;
    // Cell centres in axis coordinates, as heatmap() lays the cells out.
    const double tx = to_axis(x.min, g.x.scale), dx = (to_axis(x.max, g.x.scale) - tx) / cols;
    const double ty = to_axis(y.min, g.y.scale), dy = (to_axis(y.max, g.y.scale) - ty) / rows;
    auto at = [&](double r, double c) {
        return pixel(from_axis(tx + (c + 0.5) * dx, g.x.scale), from_axis(ty + (r + 0.5) * dy, g.y.scale));
    };
    // Where the level crosses the edge from corner a to corner b (values va, vb on either side).
    auto cross = [&](double ra, double ca, double va, double rb, double cb, double vb) {
        const double t = (level - va) / (vb - va);
        return at(ra + t * (rb - ra), ca + t * (cb - ca));
    };
    for (int r = 0; r + 1 < rows; ++r)
        for (int c = 0; c + 1 < cols; ++c) {
            // Corners counter-clockwise from the bottom left; NaN corners leave the square out.
            const double v[4] = {values[r * cols + c], values[r * cols + c + 1], values[(r + 1) * cols + c + 1],
                                 values[(r + 1) * cols + c]};
            const int rr[4] = {r, r, r + 1, r + 1}, cc[4] = {c, c + 1, c + 1, c};
            if (!(std::isfinite(v[0]) && std::isfinite(v[1]) && std::isfinite(v[2]) && std::isfinite(v[3]))) continue;
            ImVec2 points[4];
            int n = 0;
            for (int e = 0; e < 4; ++e) {
                const int f = (e + 1) % 4;
                if ((v[e] < level) != (v[f] < level)) points[n++] = cross(rr[e], cc[e], v[e], rr[f], cc[f], v[f]);
            }
            // Two crossings: one segment; four (a saddle square): two, paired by the square's mean.
            if (n == 2) g.dl->AddLine(points[0], points[1], color, thickness);
            if (n == 4) {
                const bool centre_above = (v[0] + v[1] + v[2] + v[3]) / 4 >= level;
                const bool first_above = v[0] >= level;
                const int shift = centre_above == first_above ? 0 : 1;  // 0: corners 1 and 3 cut off
                g.dl->AddLine(points[shift], points[(shift + 1) % 4], color, thickness);
                g.dl->AddLine(points[(shift + 2) % 4], points[(shift + 3) % 4], color, thickness);
            }
        }
    add_legend(label, color, Swatch::line);
}

void histogram(const char* label, Values samples, int bins, ImU32 color) {
    Extents seen;
    for (int i = 0; i < samples.size(); ++i) seen.add(samples[i], Scale::linear);
    if (seen.empty()) return;
    // Samples all equal: one bar around them, a tenth of their size wide (or 1 around 0).
    const bool constant = seen.min == seen.max;
    const double half = std::max(std::abs(seen.min) * 0.05, seen.min == 0.0 ? 0.5 : 0.0);
    const Range range =
        constant ? Range{seen.min - half, seen.min + half} : Range{seen.min, seen.max};
    float counts[kMaxBins];
    bins = constant ? 1 : std::clamp(bins, 1, kMaxBins);
    histogram_counts(samples, range, std::span<float>(counts, bins));
    bars(label, std::span<const float>(counts, bins), range, color);
}

void bars(const char* label, Values heights, Range x, ImU32 color, bool horizontal) {
    IM_ASSERT(g_active);
    const int n = heights.size();
    if (n == 0) return;
    // Along the bins ("across") and along the heights: x and y, or y and x when horizontal.
    const AxisLayout& across = horizontal ? g.y : g.x;
    const AxisLayout& along = horizontal ? g.x : g.y;
    const double step = (x.max - x.min) / n;
    // Bars stand on 0, or on the axis's low edge when 0 is not on it (log scale).
    const float base_px = usable(0.0, along.scale) ? along.map.to_pixel(0.0)
                                                   : (horizontal ? g.area_min.x : g.area_max.y);
    const float mouse_across = horizontal ? g.mouse.y : g.mouse.x;
    const ImU32 fill = faded(color, 0.55f);
    int hovered = -1;
    for (int i = 0; i < n; ++i) {
        const double low = x.min + i * step, h = heights[i];
        if (horizontal) {
            extend(0.0, low);
            extend(h, low + step);
        } else {
            extend(low, 0.0);
            extend(low + step, h);
        }
        const float a0 = across.map.to_pixel(low), a1 = across.map.to_pixel(low + step);
        const float tip = along.map.to_pixel(h);
        if (h == 0.0 || !std::isfinite(a0) || !std::isfinite(a1) || !std::isfinite(tip)) continue;
        const float inset = std::abs(a1 - a0) > 6.0f ? 0.5f : 0.0f;  // a hairline between bars
        const float a_lo = std::min(a0, a1) + inset, a_hi = std::max(a0, a1) - inset;
        const float v_lo = std::min(tip, base_px), v_hi = std::max(tip, base_px);
        if (horizontal) {
            g.dl->AddRectFilled(ImVec2(v_lo, a_lo), ImVec2(v_hi, a_hi), fill);
            g.dl->AddLine(ImVec2(tip, a_lo), ImVec2(tip, a_hi), color, 1.5f);
        } else {
            g.dl->AddRectFilled(ImVec2(a_lo, v_lo), ImVec2(a_hi, v_hi), fill);
            g.dl->AddLine(ImVec2(a_lo, tip), ImVec2(a_hi, tip), color, 1.5f);
        }
        if (g.mouse_in && mouse_across >= a_lo && mouse_across < a_hi) hovered = i;
    }
    add_legend(label, fill, Swatch::box);
    if (hovered < 0) return;
    // A bar per named category (a parameter's importance) reads as "name: height".
    const int category = static_cast<int>(std::lround(x.min + (hovered + 0.5) * step));
    if (across.opt->categories && category >= 0 && category < across.opt->category_count)
        add_hover(label, color, "%s: %.4g", across.opt->categories[category], heights[hovered]);
    else
        add_hover(label, color, "%.4g in [%.3g, %.3g)", heights[hovered], x.min + hovered * step,
                  x.min + (hovered + 1) * step);
}

void vline(double x, ImU32 color, const char* text, const LineStyle& style) {
    across(true, x, color, text, style);
}

void hline(double y, ImU32 color, const char* text, const LineStyle& style) {
    across(false, y, color, text, style);
}

void text(double x, double y, const char* text, ImU32 color) {
    IM_ASSERT(g_active);
    const ImVec2 p = pixel(x, y);
    if (!finite(p) || !text) return;
    const ImVec2 size = ImGui::CalcTextSize(text);
    // Kept inside the data area: labels of an axis at the right edge move left of it.
    const ImVec2 pos(std::max(g.area_min.x + 2.0f, std::min(p.x, g.area_max.x - size.x - 2.0f)),
                     std::max(g.area_min.y, std::min(p.y - 0.5f * size.y, g.area_max.y - size.y)));
    g.dl->AddRectFilled(ImVec2(pos.x - 2, pos.y), ImVec2(pos.x + size.x + 2, pos.y + size.y),
                        ImGui::GetColorU32(ImGuiCol_WindowBg, 0.75f), 2.0f);
    g.dl->AddText(pos, color | IM_COL32_A_MASK, text);
}

void ref_line(const char* label, double slope, double intercept, ImU32 color,
              const LineStyle& style) {
    IM_ASSERT(g_active);
    // Sampled along the visible x range in axis coordinates: straight on linear axes, and the
    // right curve when an axis is logarithmic.
    constexpr int kSamples = 64;
    const AxisMap& m = g.x.map;
    auto at = [&](int i) {
        const double x = from_axis(m.t0 + (m.t1 - m.t0) * i / (kSamples - 1), m.scale);
        return pixel(x, slope * x + intercept);
    };
    stroke(kSamples, at, color, style);
    add_legend(label, color, style.dashed ? Swatch::dashed : Swatch::line);
}

}  // namespace tunelab::plot
