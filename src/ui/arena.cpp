#include "ui/arena.h"

#include <imgui.h>

#include "ui/app.h"

namespace tunelab::ui {

// Placeholder until the arena lands: says so rather than pretending.
void draw_arena(AppState& app) { ImGui::TextDisabled("%s", app.tr("The search arena is being built.")); }

json::Value arena_command(AppState&, const json::Value&) {
    return json::Object{{"error", "the search arena is not in this build yet"}};
}

}  // namespace tunelab::ui
