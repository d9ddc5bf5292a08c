#include "ui/lab.h"

namespace tunelab::ui {

// Placeholder until the lab's views land: says so on screen rather than pretending.
void draw_lab_views(LabState&, const Translator&, ImVec2) { ImGui::TextDisabled("(views)"); }

}  // namespace tunelab::ui
