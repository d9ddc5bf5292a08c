#pragma once
// Dear ImGui's draw lists drawn with OpenGL 3.2 core on the desktop and WebGL2 in the browser, and
// the textures the plots upload (smooth heatmaps: decision boundaries, loss surfaces).
//
// TuneLab's own renderer rather than imgui_impl_opengl3: that backend lives inside other programs'
// engines, so around every frame it reads back and restores some twenty pieces of GL state. In a
// browser each read of the blend state or the scissor box is a synchronous round trip that waits for
// the GPU process to finish the frame before — measured 2.6 ms of a frame in headless Chromium while
// two Web Workers raced, a quarter of the 10 ms the page aims at. TuneLab owns every piece of GL state
// of its window, so this renderer sets what it needs each frame and reads nothing back.
#include <imgui.h>

namespace tunelab::app {

// Compiles the shaders and makes the buffers; `glsl_version` is the shaders' first line. False (with
// the reason on stderr) when the GL driver refuses them.
bool create_renderer(const char* glsl_version);
void destroy_renderer();

// The font atlas as a texture, again after the fonts were rebuilt (a new devicePixelRatio).
void upload_font_atlas();

// Draws a frame's draw lists into the current framebuffer (which the caller has cleared).
void render_draw_data(const ImDrawData& draw_data);

// An RGBA image as a texture with bilinear filtering, into `existing` when it is one (the plots'
// texture upload hook): an ImTextureID carries the GLuint.
ImTextureID upload_texture(ImTextureID existing, int width, int height, const unsigned char* rgba);

}  // namespace tunelab::app
