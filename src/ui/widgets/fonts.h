#pragma once
// The UI's fonts: one CJK font (subset at build time, see tools/make_ui_font.py) in two sizes.
struct ImFont;

namespace tunelab::ui {

constexpr float kBodyFontSize = 16.0f;
constexpr float kHeadingFontSize = 24.0f;

// Builds the font atlas for the given framebuffer scale, so text is sharp on high-DPI screens.
// Call before the first frame and again when the scale changes.
void load_fonts(float pixel_scale);

// The larger font for titles; push it with ImGui::PushFont.
ImFont* heading_font();

}  // namespace tunelab::ui
