// Handwritten digits are 8×8 images: the lab shows them as images, not as a scatter of two
// pixels. Validation samples framed green or red by the network's answer, the pairs of digits it
// confuses most, and what the first layer's units look for (their weights as 8×8 tiles).
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "ui/lab/lab_view_common.h"
#include "ui/widgets/widgets.h"

namespace tunelab::ui {
namespace {

constexpr int kSide = 8;           // digits are 8×8 pixels
constexpr int kSamplesShown = 30;  // validation images in the grid
constexpr int kPairsShown = 5;     // most-confused pairs listed
constexpr int kUnitsShown = 32;    // first-layer units drawn as tiles

// One 8×8 tile of `values` (64, row by row from the top), each pixel a square of `pixel` pixels:
// grey from the tile's own lowest to highest value, or on the orange–blue map around 0 (weights).
void tile(const float* values, float pixel, bool signed_values, ImU32 frame) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    float lo = values[0], hi = values[0];
    for (int i = 1; i < kSide * kSide; ++i) {
        lo = std::min(lo, values[i]);
        hi = std::max(hi, values[i]);
    }
    const float extent = std::max(std::max(std::abs(lo), std::abs(hi)), 1e-6f);
    for (int r = 0; r < kSide; ++r)
        for (int c = 0; c < kSide; ++c) {
            const float v = values[r * kSide + c];
            ImU32 color;
            if (signed_values) {
                color = plot::to_u32(plot::diverging(0.5f + 0.5f * v / extent));
            } else {
                const float t = hi > lo ? (v - lo) / (hi - lo) : 0.0f;
                const int g = static_cast<int>(255 * (1.0f - t));  // ink dark on white, as on paper
                color = IM_COL32(g, g, g, 255);
            }
            const ImVec2 a(o.x + c * pixel, o.y + r * pixel);
            dl->AddRectFilled(a, ImVec2(a.x + pixel, a.y + pixel), color);
        }
    const float side = kSide * pixel;
    if (frame) dl->AddRect(ImVec2(o.x - 1.5f, o.y - 1.5f), ImVec2(o.x + side + 1.5f, o.y + side + 1.5f), frame, 0, 0, 3.0f);
    ImGui::Dummy(ImVec2(side, side));
}

// The predicted class of validation sample i.
int predicted(const Eigen::MatrixXf& outputs, int i) {
    Eigen::Index best = 0;
    outputs.col(i).maxCoeff(&best);
    return static_cast<int>(best);
}

// Tiles flow in rows across the available width.
void next_tile(int k, float width, float cell) {
    const int per_row = std::max(1, static_cast<int>(width / cell));
    if ((k + 1) % per_row != 0) ImGui::SameLine(0, cell - ImGui::GetItemRectSize().x);
}

}  // namespace

void draw_digits_view(LabState& lab, const Translator& tr, bool details) {
    const PreparedData& data = *lab.data;
    const Dataset& v = data.validation;
    if (data.info.inputs != kSide * kSide || v.samples() == 0) return;
    const float font = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    const float pixel = std::max(3.0f, std::floor(font * 0.3f));
    const float cell = kSide * pixel + 0.9f * font;
    const Trainer* t = lab.runs[size_t(edited_run(lab))].trainer.get();
    const ModelPictures* pic = t ? &model_pictures(lab, edited_run(lab), kValidationPictures) : nullptr;
    const bool answered = pic && pic->validation_outputs.cols() == v.samples();

    view_title(tr("Validation images"), tr("Handwritten digits are 8×8 images. Each is framed green when the network names it right and "
                                           "red when it does not, with its answer below; before training, the images alone."));
    const int shown = std::min(kSamplesShown, v.samples());
    for (int k = 0; k < shown; ++k) {
        const int i = k * v.samples() / shown;  // spread over the set, not only the first ones
        const int truth = static_cast<int>(v.y(i));
        const int answer = answered ? predicted(pic->validation_outputs, i) : -1;
        const ImU32 frame = !answered ? 0 : answer == truth ? IM_COL32(40, 160, 70, 255) : IM_COL32(210, 50, 40, 255);
        ImGui::BeginGroup();
        tile(v.x.col(i).data(), pixel, false, frame);
        // The network's answer; a wrong one with the true digit after it: "1 (4)".
        if (answered) ImGui::Text(answer == truth ? "%d" : "%d (%d)", answer, truth);
        ImGui::EndGroup();
        next_tile(k, width, cell);
    }
    if (!details || !t) return;

    ImGui::NewLine();
    view_title(tr("Most confused"),
               tr("The pairs of digits the network mixes up most often on the validation images: which shapes look alike to it."));
    if (pic->confusion.rows() == data.info.classes) {
        struct Pair { int truth, answer, count; };
        std::vector<Pair> pairs;
        for (int r = 0; r < pic->confusion.rows(); ++r)
            for (int c = 0; c < pic->confusion.cols(); ++c)
                if (r != c && pic->confusion(r, c) > 0) pairs.push_back({r, c, pic->confusion(r, c)});
        std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.count > b.count; });
        if (pairs.empty()) ImGui::TextUnformatted(tr("No mistakes on the validation images."));
        for (int k = 0; k < std::min<int>(kPairsShown, static_cast<int>(pairs.size())); ++k)
            ImGui::Text(tr("%d taken for %d: %d times"), pairs[size_t(k)].truth, pairs[size_t(k)].answer, pairs[size_t(k)].count);
    }

    view_title(tr("First-layer weights"),
               tr("Each tile is one unit of the first hidden layer: its 64 weights laid out as the image they multiply (blue positive, "
                  "orange negative). Trained units show strokes and blobs, the parts of digits they look for."));
    const auto weights = t->model().weights(0);  // units × 64
    static std::vector<float> row;
    const int units = std::min<int>(kUnitsShown, static_cast<int>(weights.rows()));
    for (int u = 0; u < units; ++u) {
        row.assign(kSide * kSide, 0.0f);
        for (int j = 0; j < kSide * kSide; ++j) row[size_t(j)] = weights(u, j);
        tile(row.data(), pixel, true, 0);
        next_tile(u, width, kSide * pixel + 0.4f * font);
    }
    ImGui::NewLine();
}

}  // namespace tunelab::ui
