#pragma once
// Colours for plots, free of ImGui: two continuous maps and a qualitative palette.
//  - viridis: perceptually uniform and readable in grey and by colour-blind learners; for
//    magnitudes (posterior std, acquisition, counts).
//  - diverging: orange - near-white - blue as in TensorFlow Playground, for signed quantities
//    (decision boundaries, weights) where 0 must stand out.
//  - palette: distinct hues for series (train, validation, strategies...).

namespace tunelab::plot {

struct Rgb {
    float r = 0.0f, g = 0.0f, b = 0.0f;  // 0..1
};

enum class Colormap { viridis, diverging };

// t in [0, 1]; values outside are clamped, NaN gives mid-grey so holes stay visible.
Rgb viridis(float t);
// t = 0 orange (negative), 0.5 near-white (zero), 1 blue (positive).
Rgb diverging(float t);
Rgb colormap(Colormap map, float t);

// The i-th series colour; wraps around after kPaletteSize.
constexpr int kPaletteSize = 10;
Rgb palette(int i);

// Relative luminance (sRGB-weighted), to pick black or white text over a colour.
float luminance(Rgb c);

}  // namespace tunelab::plot
