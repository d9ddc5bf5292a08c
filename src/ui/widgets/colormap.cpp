#include "ui/widgets/colormap.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>

namespace tunelab::plot {

namespace {

constexpr Rgb hex(uint32_t rgb) {
    return {static_cast<float>(rgb >> 16 & 0xFF) / 255.0f,
            static_cast<float>(rgb >> 8 & 0xFF) / 255.0f, static_cast<float>(rgb & 0xFF) / 255.0f};
}

// Ten equally spaced samples of matplotlib's viridis (van der Walt & Smith, 2015), as
// published (R's viridis(10)); linear interpolation between them stays close to the full map.
constexpr Rgb kViridis[] = {hex(0x440154), hex(0x482878), hex(0x3E4A89), hex(0x31688E),
                            hex(0x26828E), hex(0x1F9E89), hex(0x35B779), hex(0x6DCD59),
                            hex(0xB4DE2C), hex(0xFDE725)};

// TensorFlow Playground's decision-boundary colours: orange, light grey-white, blue.
constexpr Rgb kDiverging[] = {hex(0xF59322), hex(0xE8EAEB), hex(0x0877BD)};

// Tableau 10: distinct hues of similar weight, readable on ImGui's dark and light themes.
constexpr Rgb kPalette[kPaletteSize] = {hex(0x4E79A7), hex(0xF28E2B), hex(0xE15759), hex(0x76B7B2),
                                        hex(0x59A14F), hex(0xEDC948), hex(0xB07AA1), hex(0xFF9DA7),
                                        hex(0x9C755F), hex(0xBAB0AC)};

Rgb interpolate(std::span<const Rgb> stops, float t) {
    if (std::isnan(t)) return {0.5f, 0.5f, 0.5f};
    const float x = std::clamp(t, 0.0f, 1.0f) * static_cast<float>(stops.size() - 1);
    const int i = std::min(static_cast<int>(x), static_cast<int>(stops.size()) - 2);
    const float f = x - static_cast<float>(i);
    const Rgb a = stops[i], b = stops[i + 1];
    return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f};
}

}  // namespace

Rgb viridis(float t) { return interpolate(kViridis, t); }

Rgb diverging(float t) { return interpolate(kDiverging, t); }

Rgb colormap(Colormap map, float t) { return map == Colormap::viridis ? viridis(t) : diverging(t); }

Rgb palette(int i) { return kPalette[((i % kPaletteSize) + kPaletteSize) % kPaletteSize]; }

float luminance(Rgb c) { return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b; }

}  // namespace tunelab::plot
