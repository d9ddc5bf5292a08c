#pragma once
// Guided lessons. A lesson is data (lesson_catalogue.cpp): a title, a short intro and steps; each
// step sets the app up through the same hook commands the tests use, tells the learner to do one
// thing and to watch one thing, and checks the app's state to see that it happened. One runner
// (lessons.cpp) shows any lesson, on its page and as a compact card over the lab.
#include <set>
#include <span>
#include <string>
#include <vector>

#include "core/json.h"
#include "ui/hook.h"
#include "ui/i18n.h"

namespace tunelab::ui {

struct AppState;

// True once the learner has done what the step asks and the effect it names is visible. Called
// every frame while the step is open, so it only reads the app's state.
using LessonCheck = bool (*)(const AppState& app);

// The step's concept as a number measured on the runs (or the race) the learner just made, with
// the threshold the lesson promises: "B reaches 90% validation accuracy in at most half the epochs
// A needs" is the figure epochs(B) / epochs(A) with threshold 0.5, at most. The card shows the
// figure beside its claim, the step passes only when every figure holds, and the tests read it.
struct Contrast {
    const char* claim;   // English key: what the number shows, threshold included
    const char* format;  // printf format of the figure and the threshold ("%.2f", "%.0f%%", "%.3g×")
    double threshold;
    bool at_most;        // holds when figure <= threshold; else when figure >= threshold
    // NaN until the step's runs (or race) have ended; +infinity is a figure (a diverged run's loss).
    double (*measure)(const AppState& app);

    bool holds(double figure) const { return at_most ? figure <= threshold : figure >= threshold; }
};

struct LessonStep {
    const char* setup;        // JSON array of hook commands applied after the lesson's own setup
    const char* control;      // the control the instruction names ("lab.lr", controls.h): highlighted
                              // and scrolled into view while the step is open
    const char* instruction;  // English key: the one thing to do ("Set the learning rate to 3 …")
    const char* observe;      // English key: the one thing to watch, in terms of what is on screen
    const char* action;       // JSON array of hook commands doing what the instruction says
    LessonCheck check;        // the learner did what the instruction says and the runs have ended
    std::vector<Contrast> contrasts;  // and these figures hold: the step passes
};

struct Lesson {
    const char* id;
    const char* title;  // English keys, translated by tr()
    const char* intro;
    // JSON array of hook commands shared by every step (data, network, …). Every step starts from the
    // lessons' own base set-up (lessons.cpp), so a lesson never depends on the lab's defaults.
    const char* setup;
    std::vector<LessonStep> steps;
    bool challenge = false;  // a goal within a budget, without step-by-step instructions
};

// The warm-start lesson's targets, as validation errors (1 − accuracy): its figures count the trials BO
// needs to reach them, and so does `tools/tunelab bench search` on the lesson's own tasks.
inline constexpr double kWarmSpiralError = 0.10;  // the spirals: 90% validation accuracy
inline constexpr double kWarmMoonsError = 0.01;   // the moons, an easier task: 99%

// Every lesson, in the order the page lists them.
const std::vector<Lesson>& lesson_catalogue();

struct LessonState {
    int open = -1;              // index into lesson_catalogue(); -1 when no lesson is open
    int step = 0;               // the open lesson's current step
    bool set_up = false;        // the current step has been set up: its check counts only from then on,
                                // so what the lab held before (another lesson's runs) cannot pass it
    std::vector<bool> passed;   // per step of the open lesson: its check has passed (stays passed)
    std::set<std::string> completed;  // ids of lessons whose every step passed
};

void draw_lessons(AppState& app);
// The open lesson's current step as a small window over the lab, so the learner reads the
// instruction while watching the views it names. Draws nothing on the lessons page.
void draw_lesson_card(AppState& app);
// The test hook's "lesson.*" commands; see lessons.cpp for the list.
std::span<const hook::Command> lesson_commands();

}  // namespace tunelab::ui
