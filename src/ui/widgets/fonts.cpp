#include <imgui.h>

#include <cstddef>

#include "ui/app.h"
#include "ui/widgets/fonts.h"

namespace tunelab::ui {

// Generated at build time by tools/make_ui_font.py.
extern const unsigned char kUiFontData[];
extern const std::size_t kUiFontSize;
extern const char kUiFontCharacters[];

void load_fonts(float pixel_scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();

    static ImVector<ImWchar> ranges;  // ImGui keeps a pointer to the ranges while the atlas lives
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder builder;
        builder.AddText(kUiFontCharacters);
        builder.BuildRanges(&ranges);
    }
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the bytes are static data in the binary
    config.OversampleH = 1;               // CJK glyphs are large; the atlas stays small this way
    config.PixelSnapH = true;
    // Rasterize at the physical pixel size and scale back, so text is sharp at devicePixelRatio 2.
    // The first font is the default; the second (larger) one is for headings (see heading_font()).
    for (float size : {kBodyFontSize, kHeadingFontSize}) {
        io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kUiFontData), int(kUiFontSize),
                                       size * pixel_scale, &config, ranges.Data);
    }
    io.FontGlobalScale = 1.0f / pixel_scale;
}

ImFont* heading_font() { return ImGui::GetIO().Fonts->Fonts[1]; }

}  // namespace tunelab::ui
