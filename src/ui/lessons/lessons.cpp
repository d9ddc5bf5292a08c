#include "ui/lessons/lessons.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/settings_json.h"
#include "ui/app.h"
#include "ui/widgets/fonts.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/widgets.h"

namespace tunelab::ui {
namespace {

const Lesson* open_lesson(const LessonState& state) {
    return state.open >= 0 ? &lesson_catalogue()[size_t(state.open)] : nullptr;
}

// Runs a JSON array of hook commands (a step's setup or action) through handle_command, exactly as
// the tests and a learner's clicks would; stops at the first refusal and returns it.
json::Value run_commands(AppState& app, const char* commands) {
    const json::ParseResult parsed = json::parse(commands);
    if (!parsed.ok() || !parsed.value.is_array()) return hook::error("lesson: malformed commands");
    for (const json::Value& command : parsed.value.as_array()) {
        json::Value answer = handle_command(app, command);
        if (answer.find("error")) return answer;
    }
    return json::Object{{"ok", true}};
}

// The page where a step's effect is visible: the arena for arena commands, else the lab.
Page page_of(const Lesson& lesson) {
    return std::string(lesson.setup).find("\"arena.") != std::string::npos ? Page::arena : Page::lab;
}

// The lessons' own starting point, every field named, so a lesson shows the same runs whatever the
// lab's defaults become: a small tanh network with plain SGD on the 2-D spiral. A lesson's setup
// changes only what its concept needs.
constexpr const char* kBaseData =
    R"({"kind":"spiral","size":500,"noise":0.05,"seed":1,"validation_ratio":0.5,"preprocessing":"none",)"
    R"("extra":{"x_squared":false,"y_squared":false,"x_times_y":false,"sin_x":false,"sin_y":false}})";
constexpr const char* kBaseTrain =
    R"({"model":{"hidden":[{"units":8,"activation":"tanh","dropout":0},{"units":8,"activation":"tanh","dropout":0}],)"
    R"("output":"sigmoid","loss":"binary_cross_entropy","init":"xavier","init_scale":0.1},)"
    R"("optimizer":{"kind":"sgd","momentum":0.9,"rho":0.9,"beta1":0.9,"beta2":0.999,"epsilon":1e-08,"weight_decay":0.01,)"
    R"("hypergradient":false,"hypergradient_beta":0.001},)"
    R"("lr":{"kind":"constant","lr":0.03,"power":2,"step_epochs":10,"gamma":0.5,"warmup_epochs":0},)"
    R"("batch":{"size":10,"growth":1},"epochs":100,"l1":0,"l2":0,"patience":0,"seed":1})";

// Every step starts from the lessons' base set-up and the arena's defaults (both runs alike, no
// comparison), so a step can be set up again at any time and earlier experiments never leak into
// it. The data folder is the platform's and stays as it is; the speed stays the learner's.
json::Value reset_app(AppState& app) {
    const json::Value data = json::parse(kBaseData).value, train = json::parse(kBaseTrain).value;
    json::Value run_b = json::Object{{"cmd", "lab.set"}, {"run", 1}, {"train", train}};
    json::Value run_a = json::Object{{"cmd", "lab.set"}, {"compare", false}, {"view", "curves"}, {"data", data}, {"train", train}};
    // The arena's default set-up too (this also stops a race), for lessons that race strategies.
    json::Value arena = arena_setup_to_json(ArenaSetup{});
    arena["cmd"] = "arena.set";
    for (const json::Value* command : {&run_b, &run_a, &arena}) {
        json::Value answer = handle_command(app, *command);
        if (answer.find("error")) return answer;
    }
    app.lab.ghost.reset();
    // No race left over either: a step's check must see only what the learner does in it.
    app.arena.racers.clear();
    app.arena.round = 0;
    app.arena.bayes_cache = {};
    return json::Object{{"ok", true}};
}

void close_lesson(LessonState& state) {
    if (const Lesson* lesson = open_lesson(state); lesson && controls::highlighted() == lesson->steps[size_t(state.step)].control)
        controls::clear_highlight();
    state.open = -1;
}

void open(LessonState& state, int index) {
    state.open = index;
    state.step = 0;
    state.set_up = false;
    state.passed.assign(lesson_catalogue()[size_t(index)].steps.size(), false);
}

// "Set it up for me": the defaults, the lesson's setup, the step's setup; then the page to watch.
json::Value set_up_step(AppState& app) {
    const Lesson* lesson = open_lesson(app.lessons);
    if (!lesson) return hook::error("lesson.setup: no lesson is open");
    json::Value answer = reset_app(app);
    if (!answer.find("error")) answer = run_commands(app, lesson->setup);
    if (!answer.find("error")) answer = run_commands(app, lesson->steps[size_t(app.lessons.step)].setup);
    app.page_requested = page_of(*lesson);
    // A/B lessons ask for a change to run B: its settings are the ones on the panels.
    app.lab.editing = app.lab.compare ? 1 : 0;
    app.lessons.set_up = !answer.find("error");
    // Point at the control the instruction names: framed and scrolled into view until it is used.
    if (app.lessons.set_up) controls::highlight(lesson->steps[size_t(app.lessons.step)].control);
    return answer;
}

// "Show me": does what the instruction says, on the page where it shows.
json::Value show_me(AppState& app) {
    const Lesson* lesson = open_lesson(app.lessons);
    if (!lesson) return hook::error("lesson.show_me: no lesson is open");
    app.page_requested = page_of(*lesson);
    return run_commands(app, lesson->steps[size_t(app.lessons.step)].action);
}

// A step passes when the learner did what it asks and every contrast figure holds; once passed it
// stays passed: the learner may go on experimenting afterwards.
bool step_passes(const AppState& app, const LessonStep& step) {
    return step.check(app) && std::all_of(step.contrasts.begin(), step.contrasts.end(),
                                          [&](const Contrast& c) { return c.holds(c.measure(app)); });
}

void update_progress(AppState& app) {
    LessonState& state = app.lessons;
    const Lesson* lesson = open_lesson(state);
    if (!lesson) return;
    const size_t step = size_t(state.step);
    if (state.set_up && !state.passed[step] && step_passes(app, lesson->steps[step])) {
        state.passed[step] = true;
        if (controls::highlighted() == lesson->steps[step].control) controls::clear_highlight();
    }
    if (std::all_of(state.passed.begin(), state.passed.end(), [](bool p) { return p; }))
        state.completed.insert(lesson->id);
}

bool next_step(LessonState& state) {
    const Lesson* lesson = open_lesson(state);
    if (!lesson || state.step + 1 >= int(lesson->steps.size())) return false;
    state.step++;
    state.set_up = false;
    return true;
}

// ------------------------------------------------------------------------------------- drawing

const ImVec4 kDoneColour(0.15f, 0.55f, 0.25f, 1.0f);
const ImVec4 kMissedColour(0.75f, 0.30f, 0.05f, 1.0f);

// A figure in its contrast's format; a diverged run's infinite loss reads "∞".
std::string format_figure(const Contrast& contrast, double value) {
    if (std::isinf(value)) return value > 0 ? "∞" : "−∞";
    char text[64];
    std::snprintf(text, sizeof text, contrast.format, value);
    return text;
}

// "measured 0.12× (goal ≤ 0.50×)", or "" before the runs have ended.
std::string measured_text(const Translator& tr, const Contrast& contrast, double value) {
    if (std::isnan(value)) return {};
    char text[160];
    std::snprintf(text, sizeof text, tr(contrast.at_most ? "measured %s (goal ≤ %s)" : "measured %s (goal ≥ %s)"),
                  format_figure(contrast, value).c_str(), format_figure(contrast, contrast.threshold).c_str());
    return text;
}

// The step's figures: each claim, and once the runs have ended what was measured, green when it
// holds. What the learner reads here is what the tests check.
void draw_contrasts(const AppState& app, const LessonStep& step) {
    const Translator& tr = app.tr;
    for (const Contrast& contrast : step.contrasts) {
        const double value = app.lessons.set_up ? contrast.measure(app) : NAN;
        std::string line = std::string("• ") + tr(contrast.claim);
        if (const std::string measured = measured_text(tr, contrast, value); !measured.empty()) {
            line += std::string(" — ") + measured + (contrast.holds(value) ? " ✓" : "");
            ImGui::PushStyleColor(ImGuiCol_Text, contrast.holds(value) ? kDoneColour : kMissedColour);
            wrapped_text(line);
            ImGui::PopStyleColor();
        } else {
            wrapped_text(line, 0, true);
        }
    }
}

// The current step: what to do, what to watch, the helpers and the way on. Shared by the page and
// the card so both say the same thing.
void draw_step_controls(AppState& app, const Lesson& lesson) {
    const Translator& tr = app.tr;
    LessonState& state = app.lessons;
    const LessonStep& step = lesson.steps[size_t(state.step)];
    wrapped_text(tr(step.instruction));
    wrapped_text(tr.join(tr("Watch:"), tr(step.observe)), 0, true);
    draw_contrasts(app, step);
    if (!state.set_up) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.80f, 0.45f, 0.05f, 1));
        wrapped_text(tr("Press 'Set it up for me' first: the step counts from there."));
        ImGui::PopStyleColor();
    }
    if (controls::named("lesson.set_up", ImGui::Button(tr.label("Set it up for me").c_str()))) set_up_step(app);
    tooltip(tr("Puts the data, the network and the settings where this step starts, and shows the lab."));
    ImGui::SameLine();
    if (controls::named("lesson.show_me", ImGui::Button(tr.label("Show me").c_str()))) show_me(app);
    tooltip(tr("Does what the instruction says, so you can watch what happens."));
    const bool passed = state.passed[size_t(state.step)];
    if (passed) {
        ImGui::SameLine();
        ImGui::TextColored(kDoneColour, "✓ %s", tr("Done"));
    }
    const bool last = state.step + 1 >= int(lesson.steps.size());
    if (!last) {
        ImGui::SameLine();
        ImGui::BeginDisabled(!passed);
        if (controls::named("lesson.next", ImGui::Button(tr.label("Next step →").c_str())) && next_step(state)) set_up_step(app);
        ImGui::EndDisabled();
    } else if (passed) {
        ImGui::TextColored(kDoneColour, "%s", tr("Lesson complete. Pick another one on the Lessons page."));
    }
}

void draw_lesson_list(AppState& app) {
    const Translator& tr = app.tr;
    const std::vector<Lesson>& lessons = lesson_catalogue();
    for (int i = 0; i < int(lessons.size()); ++i) {
        const Lesson& lesson = lessons[size_t(i)];
        const bool done = app.lessons.completed.count(lesson.id) > 0;
        std::string label = std::string(done ? "✓ " : "   ") + tr(lesson.title) + "###" + lesson.id;
        if (ImGui::Selectable(label.c_str(), app.lessons.open == i) && app.lessons.open != i) open(app.lessons, i);
    }
}

// The open lesson in full: why it matters, every step with its state, the current one's controls.
void draw_lesson_detail(AppState& app, const Lesson& lesson) {
    const Translator& tr = app.tr;
    const LessonState& state = app.lessons;
    ImGui::PushFont(heading_font());
    ImGui::TextUnformatted(tr(lesson.title));
    ImGui::PopFont();
    wrapped_text(tr(lesson.intro));
    const int done = int(std::count(state.passed.begin(), state.passed.end(), true));
    char progress[64];
    std::snprintf(progress, sizeof progress, tr("%d of %d steps done"), done, int(lesson.steps.size()));
    progress_bar(float(done) / float(lesson.steps.size()), ImVec2(-1, 0), progress);
    ImGui::Separator();
    for (int i = 0; i < int(lesson.steps.size()); ++i) {
        const bool current = i == state.step;
        if (state.passed[size_t(i)]) ImGui::TextColored(kDoneColour, "✓");
        else ImGui::Text("%d.", i + 1);
        ImGui::SameLine();
        if (current) {
            ImGui::BeginGroup();
            draw_step_controls(app, lesson);
            ImGui::EndGroup();
        } else {
            wrapped_text(tr(lesson.steps[size_t(i)].instruction), 0, true);
        }
    }
}

}  // namespace

void draw_lessons(AppState& app) {
    update_progress(app);
    const float list_width = std::clamp(ImGui::GetContentRegionAvail().x * 0.3f, 220.0f, 340.0f);
    const bool wide = ImGui::GetContentRegionAvail().x >= 700;
    // Phones: the list above the lesson rather than beside it.
    ImGui::BeginChild("##lesson_list", wide ? ImVec2(list_width, 0) : ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 6), true);
    draw_lesson_list(app);
    ImGui::EndChild();
    if (wide) ImGui::SameLine();
    ImGui::BeginChild("##lesson", ImVec2(0, 0), false);
    if (const Lesson* lesson = open_lesson(app.lessons)) draw_lesson_detail(app, *lesson);
    else
        ImGui::TextDisabled(
            "%s",
            app.tr("Pick a lesson on the left: each one sets up the lab, asks you to do one thing and to watch one thing, and checks it."));
    ImGui::EndChild();
}

void draw_lesson_card(AppState& app) {
    const Lesson* lesson = open_lesson(app.lessons);
    if (!lesson || app.page == Page::lessons) return;
    update_progress(app);
    const Translator& tr = app.tr;
    char title[160];
    std::snprintf(title, sizeof title, tr("%s — step %d of %d"), tr(lesson->title), app.lessons.step + 1, int(lesson->steps.size()));
    // Beside the lab or arena (or below it on a phone), never over their plots.
    if (begin_side_card(app.card, (std::string(title) + "###lesson_card").c_str())) {
        draw_step_controls(app, *lesson);
        if (controls::named("lesson.all", ImGui::SmallButton(tr.label("All lessons").c_str()))) app.page_requested = Page::lessons;
    }
    ImGui::End();
}

// ---------------------------------------------------------------------------------------- hook

namespace {

const Lesson& require_lesson(const AppState& app) {
    const Lesson* lesson = open_lesson(app.lessons);
    if (!lesson) throw hook::Refusal("no lesson is open");
    return *lesson;
}

json::Value lesson_list(AppState& app, const hook::Request&) {
    const Translator& tr = app.tr;
    json::Array out;
    for (const Lesson& lesson : lesson_catalogue()) {
        json::Array steps;
        for (const LessonStep& step : lesson.steps)
            steps.push_back(json::Object{{"instruction", tr(step.instruction)}, {"observe", tr(step.observe)},
                                         {"control", step.control}, {"action", json::parse(step.action).value}});
        out.push_back(json::Object{{"id", lesson.id}, {"title", tr(lesson.title)}, {"intro", tr(lesson.intro)},
                                   {"challenge", lesson.challenge}, {"page", name(page_of(lesson))},
                                   {"steps", std::move(steps)}});
    }
    return json::Object{{"lessons", std::move(out)}};
}

json::Value lesson_open(AppState& app, const hook::Request& request) {
    const std::vector<Lesson>& lessons = lesson_catalogue();
    const json::Value* id = request.find("id");
    auto found = std::find_if(lessons.begin(), lessons.end(),
                              [&](const Lesson& l) { return id && id->is_string() && id->as_string() == l.id; });
    if (found == lessons.end()) throw hook::Refusal("unknown \"id\"");
    open(app.lessons, int(found - lessons.begin()));
    return hook::ok();
}

json::Value lesson_next(AppState& app, const hook::Request&) {
    require_lesson(app);
    if (!next_step(app.lessons)) throw hook::Refusal("this is the last step");
    return json::Object{{"ok", true}, {"step", app.lessons.step}};
}

json::Value lesson_status(AppState& app, const hook::Request&) {
    const Lesson& lesson = require_lesson(app);
    const LessonState& state = app.lessons;
    update_progress(app);
    json::Array checks;
    for (bool passed : state.passed) checks.push_back(passed);
    const LessonStep& step = lesson.steps[size_t(state.step)];
    json::Array contrasts;
    for (const Contrast& contrast : step.contrasts) {
        const double value = contrast.measure(app);
        contrasts.push_back(json::Object{{"claim", app.tr(contrast.claim)}, {"value", value}, {"infinite", std::isinf(value)},
                                         {"threshold", contrast.threshold}, {"at_most", contrast.at_most},
                                         {"holds", contrast.holds(value)}, {"shown", measured_text(app.tr, contrast, value)}});
    }
    return json::Object{{"id", lesson.id}, {"step", state.step}, {"steps", int(lesson.steps.size())}, {"set_up", state.set_up},
                        {"done", state.completed.count(lesson.id) > 0}, {"checks", std::move(checks)},
                        {"instruction", app.tr(step.instruction)}, {"observe", app.tr(step.observe)},
                        {"control", step.control}, {"highlighted", controls::highlighted() == step.control},
                        {"contrasts", std::move(contrasts)}};
}

// Commands (all answer {"error": …} and change nothing when refused):
//   lesson.list                  {lessons: [{id, title, intro, challenge, page, steps: [{instruction, observe, control, action}]}]}
//                                in the current language; `action` is the instruction as hook commands
//   lesson.open {id}             opens a lesson at its first step (progress starts over); a step's
//                                check counts only once lesson.setup (the button) has set it up
//   lesson.setup                 applies the current step's setup and shows its page
//   lesson.show_me               does what the current step's instruction says
//   lesson.status                {id, step, steps, set_up, done, checks: [passed per step], instruction, observe,
//                                control (the name of the control the step asks for), highlighted (it is
//                                framed now: from set-up until the learner uses it), contrasts: [{claim,
//                                value (null until measured, or when infinite), infinite, threshold, at_most,
//                                holds, shown (the "measured …" text the card shows)}]}
//   lesson.next                  goes to the next step (whether or not this one passed)
//   lesson.close                 closes the lesson (its card disappears)
constexpr hook::Command kCommands[] = {
    {"lesson.list", lesson_list},
    {"lesson.open", lesson_open},
    {"lesson.close", [](AppState& app, const hook::Request&) { close_lesson(app.lessons); return hook::ok(); }},
    {"lesson.setup", [](AppState& app, const hook::Request&) { require_lesson(app); return set_up_step(app); }},
    {"lesson.show_me", [](AppState& app, const hook::Request&) { require_lesson(app); return show_me(app); }},
    {"lesson.next", lesson_next},
    {"lesson.status", lesson_status},
};

}  // namespace

std::span<const hook::Command> lesson_commands() { return kCommands; }

}  // namespace tunelab::ui
