#pragma once
// The race in the saved session, and the offer to resume it after a reload (arena_resume.cpp).
#include <vector>

#include "core/json.h"
#include "core/settings.h"

namespace tunelab::ui {

struct AppState;
struct ArenaState;

// {setup, lab?, racers: [{strategy, repeat, study}]} (each study's tune::Study::to_json), or null.
json::Value race_to_json(const ArenaState& arena);
// Rebuilds a saved race, paused; an unfinished one raises the offer (arena.interrupted). All or
// nothing: a malformed or inconsistent race is refused with one Issue per problem, nothing changes.
std::vector<Issue> restore_race(AppState& app, const json::Value& race);
void draw_resume_banner(AppState& app);
void discard_race(ArenaState& arena);  // no race any more (the set-up stays)
json::Value interruption_json(const ArenaState& arena);  // {round, restored_trials} or null

}  // namespace tunelab::ui
