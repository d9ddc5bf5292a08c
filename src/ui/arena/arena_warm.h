#pragma once
// Warm-starting in the arena: the earlier trials a warm-started strategy (BO (EI), warm; TPE, warm)
// starts from, taken from the previous race of this session or from a saved study file, so that the
// race shows the same strategy cold and warm side by side on the same budget.
#include <span>
#include <string>
#include <vector>

#include "tune/study.h"
#include "ui/arena/arena_setup.h"
#include "ui/hook.h"

namespace tunelab::ui {

struct AppState;
struct ArenaState;

// The earlier trials as a study on `space` (minimized, as every race is), for warm_start_from.
tune::Study warm_study(const WarmStart& warm, const tune::Space& space);
// The finished (and diverged) trials of `earlier` as a warm start scored by `score`; throws
// std::invalid_argument, saying why, when there are none or more than limits::kMaxWarmTrials.
WarmStart warm_start_of(const std::vector<const tune::Study*>& earlier, const std::string& source, const std::string& score);
// A study file (tunelab-cli study --save, or a study the arena saved) as the set-up's warm start:
// its trials must search the set-up's space and minimize; then the warm-started twins of the
// set-up's strategies (BO (EI) when it has none) join the race. The reason it is refused (English),
// or "": then nothing changed.
std::string load_warm_study(ArenaSetup& setup, const std::string& file_name, const std::string& text);
// Sets `warm` as the set-up's earlier trials and adds the warm twins of its model-based strategies
// beside them (BO (EI) and its twin when it has none), each after its cold one.
void use_warm_start(ArenaSetup& setup, WarmStart warm);
void forget_warm_start(ArenaSetup& setup);  // no earlier trials, no warm-started strategy

// "Reuse this race's trials": the finished race's first seed (every strategy's trials, pooled: one
// task's earlier experience) becomes the set-up's warm start (use_warm_start). The reason it is
// refused (English, a tr key or an issue pattern), or "".
std::string reuse_race(ArenaState& arena);

// A study file the learner handed over (the platform reads it: file picker, typed path) as the
// warm start; false, with arena.warm_error saying why, when it is refused.
bool load_study_text(ArenaState& arena, const std::string& file_name, const std::string& text);

// "Reuse this race's trials", beside the race's Start button once the race has finished.
void draw_reuse_button(AppState& app);
// The set-up panel's "Warm start" section: the earlier trials, where they came from, the buttons to
// load a study file or forget them, why the last ones were refused, and the warm-started strategies.
void draw_warm_start_section(AppState& app);

// The test hook's commands:
//   arena.reuse                        reuse_race; {ok, setup} or the reason
//   arena.load_study {name, text}      a study file as the warm start (the web's file picker sends it here)
//   arena.forget_warm                  no earlier trials, no warm-started strategy
std::span<const hook::Command> warm_commands();

}  // namespace tunelab::ui
