#pragma once
// Guided lessons (placeholder until the lessons land).
#include "core/json.h"
#include "ui/i18n.h"

namespace tunelab::ui {

struct AppState;

struct LessonState {};

void draw_lessons(AppState& app);
// The test hook's "lesson.*" commands.
json::Value lesson_command(AppState& app, const json::Value& request);

}  // namespace tunelab::ui
