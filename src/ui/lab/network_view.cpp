// The network as TensorFlow Playground draws it: a column of nodes per layer, links whose colour
// is the weight's sign and whose width is its size, and in every hidden unit a small map of what
// that unit computes over the input plane (2-D data).
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/validate.h"
#include "ui/lab/lab_view_common.h"
#include "ui/lab/lab_view_math.h"

namespace tunelab::ui {
namespace {

constexpr int kMaxUnitsShown = 16;  // per column; a 128-unit layer shows its first 16
constexpr int kMaxMaps = 64;        // per-unit maps drawn at most (each is a small heatmap)

// One column of nodes on screen.
struct Column {
    int units = 0;   // in the layer
    int shown = 0;   // drawn
    float x = 0.0f;  // centre
    float top = 0.0f, step = 0.0f;  // centre of the first node, distance between nodes
    ImVec2 node(int i) const { return ImVec2(x, top + step * i); }
};

// The shape to draw: the trainer's model once the run started, else the settings' shape.
std::vector<int> layer_units(const LabRun& run, const DataInfo& info) {
    std::vector<int> units = {info.inputs};
    for (const LayerConfig& l : run.config.model.hidden) units.push_back(l.units);
    units.push_back(output_units(run.config.model, info));
    if (!run.trainer) return units;
    const Model& m = run.trainer->model();
    units = {m.inputs()};
    for (int l = 0; l < m.layer_count(); ++l) units.push_back(m.layer(l).units);
    return units;
}

float distance_to_segment(ImVec2 p, ImVec2 a, ImVec2 b) {
    const ImVec2 ab(b.x - a.x, b.y - a.y), ap(p.x - a.x, p.y - a.y);
    const float len2 = ab.x * ab.x + ab.y * ab.y;
    const float t = len2 > 0 ? std::clamp((ap.x * ab.x + ap.y * ab.y) / len2, 0.0f, 1.0f) : 0.0f;
    const float dx = ap.x - t * ab.x, dy = ap.y - t * ab.y;
    return std::sqrt(dx * dx + dy * dy);
}

// The link under the mouse, found while drawing.
struct HoveredLink {
    float distance = 5.0f;  // pixels: the mouse must be this close
    int layer = -1, from = 0, to = 0;
    float weight = 0.0f;
};

// Links of layer l from `in` to `out`: colour by sign (orange negative, blue positive), width and
// opacity by |w| relative to the layer's largest, so the few strong links stand out.
void draw_links(ImDrawList* dl, const Model& model, int l, const Column& in, const Column& out, float node_half, HoveredLink& hovered,
                bool mouse_in) {
    const auto w = model.weights(l);
    const float largest = std::max(w.cwiseAbs().maxCoeff(), 1e-12f);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (int j = 0; j < out.shown; ++j)
        for (int i = 0; i < in.shown; ++i) {
            const float v = w(j, i), r = std::abs(v) / largest;
            const ImU32 color = plot::to_u32(plot::diverging(0.5f + 0.5f * v / largest), 0.25f + 0.75f * r);
            const ImVec2 a(in.x + node_half, in.node(i).y), b(out.x - node_half, out.node(j).y);
            dl->AddLine(a, b, color, 0.5f + 3.5f * r);
            if (!mouse_in) continue;
            const float d = distance_to_segment(mouse, a, b);
            if (d < hovered.distance) hovered = {d, l, i, j, v};
        }
}

// Grey links of the settings' shape, before the run has weights.
void draw_plain_links(ImDrawList* dl, const Column& in, const Column& out, float node_half) {
    const ImU32 color = ImGui::GetColorU32(ImGuiCol_Border);
    for (int j = 0; j < out.shown; ++j)
        for (int i = 0; i < in.shown; ++i)
            dl->AddLine(ImVec2(in.x + node_half, in.node(i).y), ImVec2(out.x - node_half, out.node(j).y), color, 1.0f);
}

// A unit's map over the input plane. The colour scale is symmetric around `centre` (0 for units
// and inputs, 0.5 for probabilities) so that the neutral value is white.
void draw_unit_map(const float* values, int stride, int resolution, float centre, ImVec2 middle, float side, int id) {
    static std::vector<float> map;
    const int cells = resolution * resolution;
    map.resize(cells);
    float largest = 1e-6f;
    for (int k = 0; k < cells; ++k) {
        map[k] = values[static_cast<size_t>(k) * stride];
        largest = std::max(largest, std::abs(map[k] - centre));
    }
    ImGui::SetCursorScreenPos(ImVec2(middle.x - side / 2, middle.y - side / 2));
    plot::Options opt;
    opt.sparkline = true;
    opt.hover = false;
    ImGui::PushID(id);
    if (plot::begin("##unit", ImVec2(side, side), opt)) {
        plot::HeatmapStyle hs;
        hs.map = plot::Colormap::diverging;
        hs.min = centre - largest;
        hs.max = centre + largest;
        plot::heatmap("##map", map, resolution, resolution, {0, 1}, {0, 1}, hs);
        plot::end();
    }
    ImGui::PopID();
}

void draw_node_frame(ImDrawList* dl, ImVec2 c, float half, ImU32 fill) {
    dl->AddRectFilled(ImVec2(c.x - half, c.y - half), ImVec2(c.x + half, c.y + half), fill, 3.0f);
    dl->AddRect(ImVec2(c.x - half, c.y - half), ImVec2(c.x + half, c.y + half), ImGui::GetColorU32(ImGuiCol_Border), 3.0f);
}

// Centred lines over a column: "layer 2", "8 tanh" and, when not every unit is drawn,
// "(16 shown)".
void draw_caption(ImDrawList* dl, const Column& c, const char* what, const char* detail, float top, const Translator& tr) {
    char count[64], shown[64];
    std::snprintf(count, sizeof count, "%d %s", c.units, detail);
    std::snprintf(shown, sizeof shown, tr("(%d shown)"), c.shown);
    const float font = ImGui::GetFontSize();
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text), faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    dl->AddText(ImVec2(c.x - ImGui::CalcTextSize(what).x / 2, top), ink, what);
    dl->AddText(ImVec2(c.x - ImGui::CalcTextSize(count).x / 2, top + font), faint, count);
    if (c.shown < c.units) dl->AddText(ImVec2(c.x - ImGui::CalcTextSize(shown).x / 2, top + 2 * font), faint, shown);
}

}  // namespace

void draw_network_view(LabState& lab, const Translator& tr, ImVec2 size) {
    if (!lab.data) return;
    const LabRun& run = lab.runs[edited_run(lab)];
    const DataInfo& info = lab.data->info;
    char title[96];
    if (lab.compare) std::snprintf(title, sizeof title, "%s · %s", run.name.c_str(), tr("Network"));
    else std::snprintf(title, sizeof title, "%s", tr("Network"));
    view_title(title, tr("Each column is a layer; each link a weight: blue positive, orange negative, thicker when larger. With 2-D data "
                         "each hidden unit shows what it computes over the plane: the first layer draws lines, later layers combine them "
                         "into curves. Hover a link to read its weight."));
    if (!run.trainer) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr("(its shape; weights appear once training starts)"));
    }

    const std::vector<int> units = layer_units(run, info);
    const int columns = static_cast<int>(units.size());
    const float font = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x, 10.0f * font);
    // The height given, or (stacked on a phone, size.y = 0) a fixed one.
    const float height = size.y > 0 ? std::max(ImGui::GetContentRegionAvail().y, 12.0f * font) : 22.0f * font;
    const float caption = 3.4f * font;  // up to three caption lines above the columns
    const float body = height - caption - 0.5f * font;

    // Node size: as large as the widest column and the column spacing allow, within limits.
    const float spacing = width / columns;
    const int room = std::clamp(static_cast<int>(body / (1.6f * font)), 2, kMaxUnitsShown);
    int most = 1;
    for (int u : units) most = std::max(most, shown_units(u, room));
    const float node = std::clamp(std::min(body / most * 0.8f, spacing * 0.42f), 1.2f * font, 3.6f * font);
    const float half = node / 2;

    std::vector<Column> cols(columns);
    for (int c = 0; c < columns; ++c) {
        Column& col = cols[c];
        col.units = units[c];
        col.shown = shown_units(units[c], room);
        col.x = origin.x + spacing * (c + 0.5f);
        col.step = col.shown > 1 ? std::min(body / col.shown, node * 1.35f) : 0.0f;
        col.top = origin.y + caption + 0.5f * (body - col.step * (col.shown - 1));
    }

    ImGui::PushID("##network");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(origin.x + width, origin.y + height);
    const bool mouse_in = ImGui::IsMouseHoveringRect(origin, end) && ImGui::IsWindowHovered();
    HoveredLink hovered;
    const Trainer* t = run.trainer.get();
    for (int c = 0; c + 1 < columns; ++c) {
        if (t) draw_links(dl, t->model(), c, cols[c], cols[c + 1], half, hovered, mouse_in);
        else draw_plain_links(dl, cols[c], cols[c + 1], half);
    }

    // Captions and nodes.
    const ModelPictures* pic = t ? &model_pictures(lab, edited_run(lab), kUnitMapPictures) : nullptr;
    int maps = 0;
    for (int c = 0; c < columns; ++c) {
        const Column& col = cols[c];
        const bool output = c + 1 == columns;
        char what[64];
        if (c == 0) std::snprintf(what, sizeof what, "%s", tr("inputs"));
        else if (output) std::snprintf(what, sizeof what, "%s", tr("output"));
        else std::snprintf(what, sizeof what, "%s %d", tr("layer"), c);
        const std::string detail = c == 0   ? ""
                                   : output ? std::string(name(run.config.model.output))
                                   : c - 1 < static_cast<int>(run.config.model.hidden.size())
                                       ? std::string(name(run.config.model.hidden[c - 1].activation))
                                       : "";
        draw_caption(dl, col, what, detail.c_str(), origin.y, tr);

        for (int i = 0; i < col.shown; ++i) {
            const ImVec2 p = col.node(i);
            const Eigen::MatrixXf* map = nullptr;
            const int resolution = pic ? pic->unit_grid.resolution : 0;
            float centre = 0.0f;
            if (pic && c == 0) {
                map = &pic->input_maps;
            } else if (pic && c - 1 < static_cast<int>(pic->unit_maps.size())) {
                map = &pic->unit_maps[c - 1];
                centre = output && info.task == Task::classification ? 0.5f : 0.0f;  // probabilities
            }
            draw_node_frame(dl, p, half + 1.0f, ImGui::GetColorU32(ImGuiCol_FrameBg));
            if (map && map->rows() == col.units && map->cols() == resolution * resolution && resolution > 0 && maps < kMaxMaps) {
                ++maps;
                draw_unit_map(map->data() + i, static_cast<int>(map->rows()), resolution, centre, p, node, c * 1000 + i);
            }
            if (c == 0 && i < static_cast<int>(info.feature_names.size())) {
                // Feature names sit left of their node, cut at the view's edge.
                const char* feature = info.feature_names[i].c_str();
                const ImVec2 s = ImGui::CalcTextSize(feature);
                dl->PushClipRect(ImVec2(origin.x, p.y - font), ImVec2(p.x - half - 2, p.y + font), true);
                dl->AddText(ImVec2(std::max(origin.x, p.x - half - 4 - s.x), p.y - s.y / 2), ImGui::GetColorU32(ImGuiCol_Text), feature);
                dl->PopClipRect();
            }
            if (ImGui::IsMouseHoveringRect(ImVec2(p.x - half, p.y - half), ImVec2(p.x + half, p.y + half)) && mouse_in) {
                hovered.layer = -1;  // the node wins over links passing under the mouse
                if (c > 0 && t) {
                    const float bias = t->model().bias(c - 1)(i);
                    ImGui::SetTooltip("%s %d · %s %.4g", c == columns - 1 ? tr("output") : tr("unit"), i + 1, tr("bias"), bias);
                }
            }
        }
    }
    if (hovered.layer >= 0)
        ImGui::SetTooltip("%s %.4g\n%s %d → %s %d", tr("weight"), hovered.weight, tr("from node"), hovered.from + 1, tr("to node"),
                          hovered.to + 1);
    ImGui::PopID();
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, height));
}

}  // namespace tunelab::ui
