#pragma once
// The search arena: strategies racing on one objective (placeholder until the arena lands).
#include "core/json.h"
#include "ui/i18n.h"

namespace tunelab::ui {

struct AppState;

struct ArenaState {};

void draw_arena(AppState& app);
// The test hook's "arena.*" commands.
json::Value arena_command(AppState& app, const json::Value& request);

}  // namespace tunelab::ui
