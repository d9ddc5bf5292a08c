// The lab's settings panels: data, network and hyperparameters. Each control edits the plain config
// structs directly, explains its concept in a tooltip, and shows the core's refusal right under it.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/dataset.h"
#include "core/limits.h"
#include "core/schedule.h"
#include "ui/lab/lab.h"
#include "ui/widgets/colormap.h"
#include "ui/widgets/plot.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/widgets.h"

#include <imgui_stdlib.h>

namespace tunelab::ui {
namespace {

// ----------------------------------------------------------------------------------- small helpers

// A titled divider between groups of controls.
void section(const char* title) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", title);
    ImGui::Separator();
}


// The tooltip and the core's refusal for the control just drawn; passes its "edited" flag through.
bool explained(const Translator& tr, bool edited, const char* explanation, const std::vector<Issue>& issues, const std::string& field) {
    tooltip(explanation);
    field_issues(issues, field, tr);
    return edited;
}

// A seed field (seeds are non-negative); true when edited.
bool seed_input(const char* label, uint64_t& seed, float width) {
    int value = int(seed);
    ImGui::SetNextItemWidth(width);
    if (!ImGui::InputInt(label, &value) || value < 0) return false;
    seed = uint64_t(value);
    return true;
}

// A combo over an enum, showing each value through `label_of`.
// Named `control` ("lab.optimizer"); each choice is named by its value's spelling ("lab.optimizer.adam").
template <typename E, typename LabelOf>
bool enum_combo(const char* label, E& value, LabelOf label_of, std::initializer_list<E> choices, const std::string& control) {
    bool changed = false;
    if (controls::named(control, ImGui::BeginCombo(label, label_of(value)))) {
        for (E choice : choices) {
            if (controls::named(control + "." + std::string(name(choice)), ImGui::Selectable(label_of(choice), choice == value))) {
                changed = choice != value;
                value = choice;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

// Doubles through the float sliders (ImGui 1.86 has no double log slider), named `control`.
bool slider_double(const char* label, double& value, float low, float high, const char* format, const std::string& control,
                   bool log = false) {
    float f = float(value);
    bool changed = slider_float(label, f, low, high, format, log ? ImGuiSliderFlags_Logarithmic : 0, control);
    if (changed) value = f;
    return changed;
}

// --------------------------------------------------------------------------------------- the data

const char* dataset_label(const Translator& tr, DatasetKind kind) {
    switch (kind) {
        case DatasetKind::circle: return tr("Circle");
        case DatasetKind::xor_: return tr("XOR");
        case DatasetKind::blobs: return tr("Gaussian blobs");
        case DatasetKind::spiral: return tr("Spiral");
        case DatasetKind::moons: return tr("Two moons");
        case DatasetKind::plane: return tr("Plane (regression)");
        case DatasetKind::curve: return tr("Noisy curve (regression)");
        case DatasetKind::iris: return tr("Iris flowers");
        case DatasetKind::wine: return tr("Wine");
        case DatasetKind::breast_cancer: return tr("Breast cancer");
        case DatasetKind::digits: return tr("Handwritten digits 8×8");
        case DatasetKind::diabetes: return tr("Diabetes (regression)");
        case DatasetKind::csv: return tr("Your CSV file");
    }
    return "";
}

// A small picture of each generated set, made once from a fixed seed (constant data, not state).
struct Thumbnail {
    std::vector<ImVec2> points;  // in [0, 1]²
    std::vector<float> values;   // class index or regression target, scaled to [0, 1]
};

const Thumbnail& thumbnail(DatasetKind kind) {
    static const auto thumbnails = [] {
        std::array<Thumbnail, 7> out;
        for (int k = 0; k < 7; ++k) {
            Rng rng(7);
            auto raw = generate_2d(DatasetKind(k), 160, 0.05, rng);
            if (!raw) continue;
            const Eigen::MatrixXf& x = raw->all.x;
            const Eigen::VectorXf& y = raw->all.y;
            const bool curve = x.rows() == 1;  // the 1-D curve: plot (x, y)
            Eigen::VectorXf px = x.row(0).transpose();
            Eigen::VectorXf py = curve ? Eigen::VectorXf(y) : Eigen::VectorXf(x.row(1).transpose());
            auto unit = [](const Eigen::VectorXf& v, float value) {
                float span = std::max(v.maxCoeff() - v.minCoeff(), 1e-6f);
                return (value - v.minCoeff()) / span;
            };
            for (int i = 0; i < x.cols(); ++i) {
                out[size_t(k)].points.push_back(ImVec2(unit(px, px[i]), 1 - unit(py, py[i])));
                out[size_t(k)].values.push_back(curve ? 0.5f : unit(y, y[i]));
            }
        }
        return out;
    }();
    return thumbnails[size_t(kind)];
}

bool draw_thumbnail_button(const Translator& tr, DatasetKind kind, bool selected, float size) {
    ImGui::PushID(int(kind));
    const ImVec2 corner = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton("##thumb", ImVec2(size, size));
    controls::name_item("lab.data." + std::string(name(kind)));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 border = selected ? IM_COL32(40, 110, 200, 255) : ImGui::IsItemHovered() ? IM_COL32(120, 150, 190, 255)
                                                                                         : IM_COL32(190, 195, 205, 255);
    draw->AddRectFilled(corner, ImVec2(corner.x + size, corner.y + size), IM_COL32(255, 255, 255, 255), 4);
    const Thumbnail& t = thumbnail(kind);
    const float pad = 4;
    for (size_t i = 0; i < t.points.size(); ++i) {
        ImVec2 p(corner.x + pad + t.points[i].x * (size - 2 * pad), corner.y + pad + t.points[i].y * (size - 2 * pad));
        draw->AddCircleFilled(p, 1.6f, plot::to_u32(plot::diverging(t.values[i] * 2 - 1)));
    }
    draw->AddRect(corner, ImVec2(corner.x + size, corner.y + size), border, 4, 0, selected ? 2.5f : 1.0f);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", dataset_label(tr, kind));
    ImGui::PopID();
    return clicked;
}

bool draw_dataset_picker(LabState& lab, const Translator& tr) {
    DataConfig& c = lab.data_config;
    bool changed = false;
    const float size = 46;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const int per_row = std::max(1, int((ImGui::GetContentRegionAvail().x + spacing) / (size + spacing)));
    for (int k = 0; k < 7; ++k) {
        if (k % per_row != 0) ImGui::SameLine();
        if (draw_thumbnail_button(tr, DatasetKind(k), c.kind == DatasetKind(k), size) && c.kind != DatasetKind(k)) {
            c.kind = DatasetKind(k);
            changed = true;
        }
    }
    ImGui::SetNextItemWidth(-1);
    const bool real = c.kind >= DatasetKind::iris;
    if (controls::named("lab.real_data", ImGui::BeginCombo("##real", real ? dataset_label(tr, c.kind) : tr("Real data sets…")))) {
        for (DatasetKind kind : {DatasetKind::iris, DatasetKind::wine, DatasetKind::breast_cancer, DatasetKind::digits,
                                 DatasetKind::diabetes}) {
            if (controls::named("lab.real_data." + std::string(name(kind)), ImGui::Selectable(dataset_label(tr, kind), c.kind == kind)) &&
                c.kind != kind) {
                c.kind = kind;
                c.extra = {};  // extra features exist only for 2-D points
                // Digits' pixels run 0–16: raw, they saturate the first layer's units. Scaled to
                // 0–1 (fitted on the training part) they start in the range a network learns in.
                if (kind == DatasetKind::digits) c.preprocessing = Preprocessing::min_max;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    tooltip(tr("Real data sets from scikit-learn: more features than a plane can show, so watch the curves and the confusion matrix."));
    return changed;
}

// The learner's CSV: the browser's file picker, or a path / dropped file on the desktop.
bool draw_csv_loader(LabState& lab, const Translator& tr) {
    DataConfig& c = lab.data_config;
    bool changed = false;
#ifdef __EMSCRIPTEN__
    if (ImGui::Button(tr.label("Load CSV…").c_str())) lab.csv_picker_requested = true;
#else
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 90);
    ImGui::InputTextWithHint("##csvpath", tr("path/to/data.csv (or drop a file)"), &lab.csv_path);
    ImGui::SameLine();
    if (ImGui::Button(tr.label("Load CSV").c_str())) lab.csv_path_requested = true;
#endif
    tooltip(tr("Your own data: a header line, numeric feature columns and one target column."));
    ImGui::TextDisabled(tr("At most %s, %d columns, %d classes."), limits::describe_bytes(double(limits::kMaxCsvBytes)).c_str(),
                        limits::kMaxColumns, limits::kMaxClasses);
    if (c.kind != DatasetKind::csv || c.csv_text.empty()) return false;

    ImGui::Text("%s: %s", tr("File"), lab.csv_name.c_str());
    CsvError error;  // the whole file's refusal is the data's issue, shown below the panel
    if (auto header = parse_csv_header(c.csv_text, error)) {  // every frame: the header line only
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##target", c.target_column.empty() ? tr("Target column…") : c.target_column.c_str())) {
            for (const std::string& column : *header) {
                if (ImGui::Selectable(column.c_str(), column == c.target_column)) {
                    changed = column != c.target_column;
                    c.target_column = column;
                }
            }
            ImGui::EndCombo();
        }
        tooltip(tr("The column the network learns to predict; every other column is an input feature."));
        int task = int(c.csv_task);
        changed |= ImGui::RadioButton(tr.label("Classes").c_str(), &task, int(Task::classification));
        ImGui::SameLine();
        changed |= ImGui::RadioButton(tr.label("Numbers (regression)").c_str(), &task, int(Task::regression));
        c.csv_task = Task(task);
        changed |= ImGui::Checkbox(tr.label("Drop rows with missing values").c_str(), &c.drop_missing);
        tooltip(tr("Rows with an empty cell (or NA, NaN, ?) are refused unless you choose to leave them out."));
        changed |= ImGui::Checkbox(tr.label("Decimal commas (3,14)").c_str(), &c.decimal_comma);
        tooltip(tr("Read numbers written with a decimal comma, as spreadsheets in many languages save them, as 3.14. "
                   "Off, such cells are refused: \"1,234\" could also mean a thousand."));
    }
    if (lab.data)  // what the loader recognized: separators, a byte-order mark, pandas' index, dropped rows
        for (const std::string& note : lab.data->info.notes) wrapped_text(tr.issue(note), 0, true);
    return changed;
}

}  // namespace

bool draw_data_panel(LabState& lab, const Translator& tr) {
    DataConfig& c = lab.data_config;
    ImGui::PushID("data");
    bool changed = draw_dataset_picker(lab, tr);
    changed |= draw_csv_loader(lab, tr);
    ImGui::TextDisabled("%s", dataset_label(tr, c.kind));
    if (lab.data) {
        const DataInfo& info = lab.data->info;
        ImGui::SameLine();
        ImGui::TextDisabled("· %d %s · %d %s · %d / %d", info.inputs, tr("features"),
                            info.task == Task::classification ? info.classes : 1,
                            info.task == Task::classification ? tr("classes") : tr("targets"), info.train_size,
                            info.validation_size);
        tooltip(tr("Samples used for training / held out for validation."));
    }
    field_issues(lab.data_issues, "data", tr);
    field_issues(lab.data_issues, "csv", tr);
    field_issues(lab.data_issues, "target", tr);

    const bool generated = c.kind < DatasetKind::iris;
    const float width = ImGui::GetContentRegionAvail().x * 0.55f;
    ImGui::PushItemWidth(width);
    if (generated) {
        changed |= explained(
            tr, slider_double(tr.label("Noise").c_str(), c.noise, 0.0f, 0.5f, "%.2f", "lab.noise"),
            tr("How much the points are jittered. More noise makes the classes overlap, and a big network starts fitting the noise."),
            lab.data_issues, "noise");
        changed |= explained(tr, slider_int(tr.label("Samples").c_str(), c.size, 50, 2000, "lab.samples"),
                             tr("How many points are generated in all (training + validation)."), lab.data_issues, "size");
    }
    changed |=
        explained(tr, slider_double(tr.label("Validation share").c_str(), c.validation_ratio, 0.1f, 0.9f, "%.2f", "lab.validation_share"),
                  tr("The share of the data held out to measure generalization. The network never trains on it; split by class so every "
                     "class appears in both parts."),
                  lab.data_issues, "val-split");
    const auto preprocessing_label = [&](Preprocessing p) {
        return p == Preprocessing::none          ? tr("none")
               : p == Preprocessing::standardize ? tr("standardize (z-score)")
                                                 : tr("min-max to [0, 1]");
    };
    changed |= enum_combo(tr.label("Normalize").c_str(), c.preprocessing, preprocessing_label,
                          {Preprocessing::none, Preprocessing::standardize, Preprocessing::min_max}, "lab.normalize");
    tooltip(
        tr("Feature scaling, fitted on the training part only. Features on very different scales make gradient descent zig-zag; "
           "standardizing evens them out."));
    ImGui::PopItemWidth();

    if (lab.data && lab.data->info.planar) {
        ImGui::TextUnformatted(tr("Extra input features"));
        tooltip(tr("Hand-made features: with x² and y² even a network without hidden layers separates the circle."));
        ExtraFeatures& e = c.extra;
        changed |= ImGui::Checkbox("x²", &e.x_squared);
        ImGui::SameLine();
        changed |= ImGui::Checkbox("y²", &e.y_squared);
        ImGui::SameLine();
        changed |= ImGui::Checkbox("xy", &e.x_times_y);
        ImGui::SameLine();
        changed |= ImGui::Checkbox("sin x", &e.sin_x);
        ImGui::SameLine();
        changed |= ImGui::Checkbox("sin y", &e.sin_y);
        field_issues(lab.data_issues, "features", tr);
    }
    changed |= controls::named("lab.data_seed", seed_input(tr.label("Data seed").c_str(), c.seed, width * 0.5f));
    ImGui::SameLine();
    if (controls::named("lab.new_data", ImGui::Button(tr.label("New data").c_str()))) {
        c.seed += 1;
        changed = true;
    }
    tooltip(tr("Draw a new sample of the data and a new train/validation split."));
    ImGui::PopID();
    return changed;
}

// ------------------------------------------------------------------------------------ the network

namespace {

const char* activation_label(Activation a) {
    constexpr const char* names[] = {"ReLU", "Leaky ReLU", "tanh", "sigmoid", "linear", "ELU"};
    return names[int(a)];
}

constexpr std::initializer_list<Activation> kActivations = {Activation::relu, Activation::leaky_relu, Activation::tanh,
                                                            Activation::sigmoid, Activation::linear, Activation::elu};

}  // namespace

bool draw_network_panel(LabState& lab, const Translator& tr) {
    LabRun& run = lab.runs[size_t(edited_run(lab))];
    ModelConfig& m = run.config.model;
    ImGui::PushID("network");
    bool changed = false;

    ImGui::Text("%s: %d / %d", tr("Hidden layers"), int(m.hidden.size()), limits::kMaxHiddenLayers);  // the limit shown
    ImGui::SameLine();
    ImGui::BeginDisabled(m.hidden.size() >= size_t(limits::kMaxHiddenLayers));
    if (controls::named("lab.layers.add", ImGui::SmallButton("+"))) {
        m.hidden.push_back(m.hidden.empty() ? LayerConfig{} : m.hidden.back());
        changed = true;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(m.hidden.empty());
    if (controls::named("lab.layers.remove", ImGui::SmallButton("−"))) {
        m.hidden.pop_back();
        changed = true;
    }
    ImGui::EndDisabled();
    tooltip(tr("Depth: more layers can represent more complex boundaries, but train slower and over-fit more easily."));
    field_issues(run.issues, "layers", tr);

    if (ImGui::BeginTable("##layers", 4, ImGuiTableFlags_SizingStretchProp)) {
        const float digit = ImGui::CalcTextSize("0").x;
        ImGui::TableSetupColumn(tr("Layer"), ImGuiTableColumnFlags_WidthFixed);
        // The largest width a layer may have, next to where it is typed (core/limits.h).
        const std::string units_header = std::string(tr("Units")) + " ≤" + std::to_string(limits::kMaxUnits);
        ImGui::TableSetupColumn(units_header.c_str(), ImGuiTableColumnFlags_WidthFixed,
                                std::max(digit * 6, ImGui::CalcTextSize(units_header.c_str()).x));
        ImGui::TableSetupColumn(tr("Activation"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn(tr("Dropout"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < m.hidden.size(); ++i) {
            LayerConfig& layer = m.hidden[i];
            ImGui::PushID(int(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%zu", i + 1);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            changed |= controls::named("lab.layer" + std::to_string(i + 1) + ".units",
                                       ImGui::InputInt("##units", &layer.units, 0));  // no ± buttons: the column is narrow
            tooltip(tr("Units (neurons) in this layer: its width, 1 to 256."));
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            changed |= enum_combo("##activation", layer.activation, activation_label, kActivations,
                                  "lab.layer" + std::to_string(i + 1) + ".activation");
            tooltip(
                tr("The non-linearity after each unit. ReLU trains fast but units can die (output 0 forever); tanh and sigmoid saturate."));
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            changed |= slider_double("##dropout", layer.dropout, 0.0f, 0.9f, "%.2f", "lab.layer" + std::to_string(i + 1) + ".dropout");
            tooltip(
                tr("Dropout: while training, each unit is switched off with this probability, so the network cannot rely on any single "
                   "unit. A regularizer."));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    for (size_t i = 0; i < m.hidden.size(); ++i) {
        field_issues(run.issues, "layers[" + std::to_string(i) + "].units", tr);
        field_issues(run.issues, "layers[" + std::to_string(i) + "].dropout", tr);
    }

    const float width = ImGui::GetContentRegionAvail().x * 0.55f;
    ImGui::PushItemWidth(width);
    const auto init_label = [&](Init i) {
        constexpr const char* names[] = {"zeros", "constant", "uniform(±a)", "Gaussian(σ)", "Xavier / Glorot", "He"};
        return i == Init::zeros ? tr("zeros (symmetry problem!)") : names[int(i)];
    };
    changed |= enum_combo(tr.label("Initialization").c_str(), m.init, init_label,
                          {Init::zeros, Init::constant, Init::uniform, Init::gaussian, Init::xavier, Init::he}, "lab.init");
    tooltip(
        tr("Initial weights. All zeros (or any constant) makes every unit in a layer compute the same thing forever: the symmetry problem. "
           "Xavier suits tanh/sigmoid, He suits ReLU."));
    if (m.init == Init::constant || m.init == Init::uniform || m.init == Init::gaussian) {
        changed |= explained(tr, slider_double(tr.label("Scale").c_str(), m.init_scale, 0.001f, 10.0f, "%.3f", "lab.init_scale", true),
                             tr("constant: the value; uniform: a in U(−a, a); Gaussian: σ."), run.issues, "init-scale");
    }
    const auto output_label = [&](Output o) {
        constexpr const char* names[] = {"linear", "sigmoid", "softmax"};
        return names[int(o)];
    };
    changed |= explained(
        tr,
        enum_combo(tr.label("Output").c_str(), m.output, output_label, {Output::linear, Output::sigmoid, Output::softmax}, "lab.output"),
        tr("The last layer: sigmoid gives a probability for two classes, softmax a distribution over several, linear any number "
           "(regression)."),
        run.issues, "output");
    const auto loss_label = [&](Loss l) {
        return l == Loss::mse                    ? tr("mean squared error")
               : l == Loss::binary_cross_entropy ? tr("binary cross-entropy")
                                                 : tr("categorical cross-entropy");
    };
    changed |=
        explained(tr,
                  enum_combo(tr.label("Loss function").c_str(), m.loss, loss_label,
                             {Loss::mse, Loss::binary_cross_entropy, Loss::categorical_cross_entropy}, "lab.loss"),
                  tr("What training minimizes. Cross-entropy punishes confident mistakes hard and suits classes; MSE suits regression."),
                  run.issues, "loss");
    ImGui::PopItemWidth();
    ImGui::PopID();
    return changed;
}

// ------------------------------------------------------------------------------ hyperparameters

namespace {

const char* optimizer_label(OptimizerKind k) {
    constexpr const char* names[] = {"SGD", "Momentum", "Nesterov", "Adagrad", "RMSprop", "Adam", "AdamW"};
    return names[int(k)];
}

const char* schedule_label(const Translator& tr, ScheduleKind k) {
    switch (k) {
        case ScheduleKind::constant: return tr("constant");
        case ScheduleKind::linear: return tr("linear decay");
        case ScheduleKind::polynomial: return tr("polynomial decay");
        case ScheduleKind::step: return tr("step decay");
        case ScheduleKind::exponential: return tr("exponential decay");
        case ScheduleKind::cosine: return tr("cosine");
    }
    return "";
}

// A small curve of the value over the epochs, redrawn as the learner edits.
void draw_preview(const char* id, const std::vector<double>& values, double epochs, bool log_y) {
    // A constant one would be a lone line without axes under the controls, which reads as a broken
    // widget; the Training view's learning-rate plot shows it with its scale.
    if (std::all_of(values.begin(), values.end(), [&](double v) { return v == values.front(); })) return;
    std::vector<double> xs(values.size());
    for (size_t i = 0; i < xs.size(); ++i) xs[i] = epochs * double(i) / double(values.size());
    plot::Options options;
    options.sparkline = true;
    options.y.log = log_y;
    if (plot::begin(id, ImVec2(-1, 46), options)) {
        plot::line("##preview", xs, values, plot::series_color(0));
        plot::end();
    }
}

bool draw_optimizer_settings(TrainConfig& c, const std::vector<Issue>& issues, const Translator& tr) {
    OptimizerConfig& o = c.optimizer;
    bool changed = enum_combo(tr.label("Optimizer").c_str(), o.kind, optimizer_label,
                              {OptimizerKind::sgd, OptimizerKind::momentum, OptimizerKind::nesterov, OptimizerKind::adagrad,
                               OptimizerKind::rmsprop, OptimizerKind::adam, OptimizerKind::adamw}, "lab.optimizer");
    tooltip(
        tr("How a gradient becomes a step. SGD steps straight down the gradient; momentum keeps a velocity; Adagrad, RMSprop and Adam "
           "scale each weight's step by its gradient history."));
    const bool has_momentum = o.kind == OptimizerKind::momentum || o.kind == OptimizerKind::nesterov;
    const bool is_adam = o.kind == OptimizerKind::adam || o.kind == OptimizerKind::adamw;
    if (has_momentum) {
        changed |=
            explained(tr, slider_double(tr.label("Momentum").c_str(), o.momentum, 0.0f, 0.999f, "%.3f", "lab.momentum"),
                      tr("How much of the previous step carries over: smooths zig-zags and speeds up long valleys."), issues, "momentum");
    }
    if (o.kind == OptimizerKind::rmsprop) {
        changed |= explained(tr, slider_double(tr.label("ρ (decay)").c_str(), o.rho, 0.5f, 0.999f, "%.3f", "lab.rho"),
                             tr("How fast RMSprop forgets old squared gradients."), issues, "rho");
    }
    if (is_adam) {
        changed |= explained(tr, slider_double("β1", o.beta1, 0.0f, 0.999f, "%.3f", "lab.beta1"),
                             tr("Adam's momentum: the decay of the average gradient."), issues, "beta1");
        changed |= explained(tr, slider_double("β2", o.beta2, 0.9f, 0.9999f, "%.4f", "lab.beta2"),
                             tr("The decay of the average squared gradient, which scales each weight's step."), issues, "beta2");
    }
    if (is_adam || o.kind == OptimizerKind::adagrad || o.kind == OptimizerKind::rmsprop) {
        changed |= explained(tr, slider_double("ε", o.epsilon, 1e-10f, 1e-2f, "%.0e", "lab.epsilon", true),
                             tr("A small number that keeps the step finite where the gradient history is near zero."), issues, "epsilon");
    }
    if (o.kind == OptimizerKind::adamw) {
        changed |= explained(tr, slider_double(tr.label("Weight decay").c_str(), o.weight_decay, 0.0f, 0.5f, "%.3f", "lab.weight_decay"),
                             tr("AdamW shrinks weights directly each step, separately from the gradient."), issues, "weight-decay");
    }
    // Every optimizer can adapt its rate (the Learning rate plot draws the adapted rate over the schedule).
    const bool adapts = controls::named("lab.hypergradient", ImGui::Checkbox(tr.label("Adapt the learning rate by its gradient").c_str(),
                                                                             &o.hypergradient));
    if (changed || adapts) follow_default_hypergradient_beta(o);
    changed |= adapts;
    tooltip(tr("Hypergradient descent (Baydin et al. 2018): before each step the learning rate grows when the new step would go the "
               "same way as the last one, and shrinks when it would turn back. It starts at the rate set above; the schedule "
               "multiplies it."));
    if (o.hypergradient) {
        changed |= explained(tr, slider_double(tr.label("Hyper learning rate β").c_str(), o.hypergradient_beta, 1e-8f, 0.1f, "%.0e",
                                               "lab.hypergradient_beta", true),
                             tr("How fast the learning rate adapts. It starts at the paper's value for the optimizer: 0.001 for SGD "
                                "and momentum; 1e-7 for Adam, Adagrad and RMSprop, whose steps are as large for every weight and "
                                "would otherwise drive the rate to 0."),
                             issues, "hypergradient");
    }
    return changed;
}

bool draw_schedule_settings(TrainConfig& c, const std::vector<Issue>& issues, const Translator& tr) {
    LrSchedule& s = c.lr;
    bool changed = enum_combo(tr.label("LR schedule").c_str(), s.kind, [&](ScheduleKind k) { return schedule_label(tr, k); },
                              {ScheduleKind::constant, ScheduleKind::linear, ScheduleKind::polynomial, ScheduleKind::step,
                               ScheduleKind::exponential, ScheduleKind::cosine}, "lab.schedule");
    tooltip(tr(
        "How the learning rate changes during training. Large steps early to make progress, small steps late to settle into a minimum."));
    if (s.kind == ScheduleKind::polynomial) {
        changed |= explained(tr, slider_double(tr.label("Power β").c_str(), s.power, 0.1f, 5.0f, "%.2f", "lab.power"),
                             tr("lr·(1 − t/T)^β: β = 1 is linear decay; larger β drops faster early."), issues, "power");
    }
    if (s.kind == ScheduleKind::step) {
        changed |= slider_double(tr.label("Every (epochs)").c_str(), s.step_epochs, 1.0f, 200.0f, "%.0f", "lab.step_epochs");
        field_issues(issues, "step-epochs", tr);
    }
    if (s.kind == ScheduleKind::step || s.kind == ScheduleKind::exponential) {
        changed |=
            explained(tr, slider_double(tr.label("Factor γ").c_str(), s.gamma, 0.01f, 1.0f, "%.3f", "lab.gamma"),
                      tr("The learning rate is multiplied by γ at each step (step decay) or every epoch (exponential)."), issues, "gamma");
    }
    changed |=
        explained(tr, slider_double(tr.label("Warm-up (epochs)").c_str(), s.warmup_epochs, 0.0f, 50.0f, "%.0f", "lab.warmup"),
                  tr("Ramp the learning rate up from 0 over the first epochs, so early large gradients do not throw the weights far off."),
                  issues, "warmup");
    draw_preview("##lr_preview", sample_schedule(s, c.epochs, 120), c.epochs, true);
    return changed;
}

bool draw_batch_settings(TrainConfig& c, const LabState& lab, const std::vector<Issue>& issues, const Translator& tr) {
    const int train_size = lab.data ? lab.data->info.train_size : 1;
    bool full_batch = c.batch.size >= train_size;
    bool changed = false;
    ImGui::BeginDisabled(full_batch);
    changed |= slider_int(tr.label("Batch size").c_str(), c.batch.size, 1, std::max(train_size, 2), "lab.batch", "%d",
                          ImGuiSliderFlags_Logarithmic);
    ImGui::EndDisabled();
    tooltip(
        tr("Samples per gradient step. Small batches give noisy gradients (and often better generalization) and many steps per epoch; "
           "large batches give smooth, expensive steps."));
    const std::string full_label = tr.label("full batch");
    same_line_if_fits(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                      ImGui::CalcTextSize(full_label.c_str(), nullptr, true).x);
    if (controls::named("lab.full_batch", ImGui::Checkbox(full_label.c_str(), &full_batch))) {
        c.batch.size = full_batch ? train_size : std::max(1, std::min(32, train_size / 4));
        changed = true;
    }
    field_issues(issues, "batch", tr);
    changed |= explained(
        tr, slider_double(tr.label("Batch growth / epoch").c_str(), c.batch.growth, 0.8f, 1.5f, "×%.2f", "lab.batch_growth"),
        tr("Multiply the batch size every epoch: growing the batch lowers gradient noise over time, much like decaying the learning rate."),
        issues, "batch-growth");
    if (c.batch.growth != 1.0) {
        std::vector<double> sizes(size_t(std::min(c.epochs, 400)));
        for (size_t e = 0; e < sizes.size(); ++e) sizes[e] = batch_size(c.batch, int(e), train_size);
        draw_preview("##batch_preview", sizes, double(sizes.size()), false);
    }
    return changed;
}

}  // namespace

bool draw_hyperparameter_panel(LabState& lab, const Translator& tr) {
    LabRun& run = lab.runs[size_t(edited_run(lab))];
    TrainConfig& c = run.config;
    ImGui::PushID("hyper");
    // Half the panel for the sliders, half for their labels: at the panel's narrowest (a lesson's
    // card beside the page) "Early stopping patience" still fits.
    const float width = ImGui::GetContentRegionAvail().x * 0.5f;
    ImGui::PushItemWidth(width);

    bool changed = slider_double(tr.label("Learning rate").c_str(), c.lr.lr, 1e-5f, 10.0f, "%.5g", "lab.lr", true);
    tooltip(
        tr("The step size of gradient descent. Too large: the loss oscillates or diverges (NaN). Too small: progress crawls. The pencil "
           "beside the slider types an exact value."));
    field_issues(run.issues, "lr", tr);
    changed |= draw_batch_settings(c, lab, run.issues, tr);
    changed |= explained(tr, slider_int(tr.label("Epochs").c_str(), c.epochs, 1, 2000, "lab.epochs", "%d", ImGuiSliderFlags_Logarithmic),
                         tr("Passes over the training data. Too few: under-fitting. Too many: the network starts memorizing the training "
                            "set (over-fitting) — watch validation loss."),
                         run.issues, "epochs");
    changed |= draw_optimizer_settings(c, run.issues, tr);

    section(tr("Regularization"));
    changed |=
        explained(tr, slider_double(tr.label("L1").c_str(), c.l1, 0.0f, 0.1f, "%.5f", "lab.l1", true),
                  tr("Adds l1·Σ|w| to the loss: pushes weights to exactly zero, making the network sparse (see the weight histogram)."),
                  run.issues, "l1");
    changed |= explained(tr, slider_double(tr.label("L2").c_str(), c.l2, 0.0f, 0.1f, "%.5f", "lab.l2", true),
                         tr("Adds (l2/2)·Σw² to the loss: shrinks every weight a little each step, smoothing the decision boundary."),
                         run.issues, "l2");
    changed |= explained(
        tr, slider_int(tr.label("Early stopping patience").c_str(), c.patience, 0, 100, "lab.patience", c.patience == 0 ? tr("off") : "%d"),
        tr("Stop when validation loss has not improved for this many epochs (0 = never). The cure for training too long."), run.issues,
        "patience");

    section(tr("Schedules"));
    changed |= draw_schedule_settings(c, run.issues, tr);
    changed |= controls::named("lab.seed", seed_input(tr.label("Seed").c_str(), c.seed, width * 0.5f));
    tooltip(tr("Seeds the initial weights, the shuffling and dropout: the same seed gives exactly the same run, here and in any browser."));
    ImGui::PopItemWidth();
    ImGui::PopID();
    return changed;
}

}  // namespace tunelab::ui
