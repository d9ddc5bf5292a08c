#include "ui/lessons.h"

#include <imgui.h>

#include "ui/app.h"

namespace tunelab::ui {

// Placeholder until the lessons land: says so rather than pretending.
void draw_lessons(AppState& app) { ImGui::TextDisabled("%s", app.tr("The lessons are being written.")); }

json::Value lesson_command(AppState&, const json::Value&) {
    return json::Object{{"error", "the lessons are not in this build yet"}};
}

}  // namespace tunelab::ui
