#pragma once
// Where the learner's controls are. Each control that a learner, a lesson or a test must find is
// named as it is drawn ("lab.lr", "tab.arena", "toolbar.start"); the name is the same in both
// languages. The registry keeps the control's last screen rectangle, so
//  - browser tests press it with real mouse and touch events (the hook's ui.control, harness.mjs),
//  - lessons point at it: a pulsing frame around it, its window scrolled to it (highlight).
#include <imgui.h>

#include <span>
#include <string_view>

#include "core/json.h"
#include "ui/hook.h"

namespace tunelab::ui::controls {

// Names the item just drawn: records its rectangle for this frame and, while a highlight asks for
// this name, frames it and scrolls its window to it.
void name_item(std::string_view name);
// The same, passing the widget's result through: if (named("toolbar.reset", ImGui::Button(…))) …
template <typename Result>
Result named(std::string_view name, Result result) {
    name_item(name);
    return result;
}

// A collapsing header that a highlight sees through. The controls named while it is alive (while
// its header is open) belong to its section; a highlight pointing at one of them opens the header
// when it was collapsed, so the control is drawn and then scrolled to. The header is named `name`
// ("lab.section.data") like any control. Sections do not nest. Use as
//   if (controls::Section data{"lab.section.data", tr.label("Data").c_str(), ImGuiTreeNodeFlags_DefaultOpen}) …
class Section {
public:
    Section(std::string_view name, const char* label, ImGuiTreeNodeFlags flags = 0);
    ~Section();
    Section(const Section&) = delete;
    Section& operator=(const Section&) = delete;
    explicit operator bool() const { return open_; }

private:
    bool open_ = false;
};

// Points at a control: an obvious pulsing frame around it and its window scrolled to show it, from
// the frame it is next drawn on, for `seconds` (0: until the learner uses it or clear_highlight()).
// A control on another page is framed once it is drawn; one in a collapsed Section opens it.
void highlight(std::string_view name, double seconds = 0);
void clear_highlight();
// The control a highlight points at ("" when none).
std::string_view highlighted();

// The test hook's requests about controls (answers {"error": …} for an unknown name):
//   ui.control {name}    its rectangle, the part of it on screen, whether a window covers it, and
//                        the visible part of the window that scrolls it, in the page's CSS pixels
//                        relative to the canvas (ImGui's units are CSS pixels: the platform scales
//                        the framebuffer by devicePixelRatio)
//   ui.controls          the names drawn in the last frame
//   ui.highlight {name, seconds?} / ui.clear_highlight
std::span<const hook::Command> commands();

}  // namespace tunelab::ui::controls
