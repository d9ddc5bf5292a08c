#pragma once
// The platform's half of plot::set_texture_upload: smooth heatmaps (decision boundaries, loss
// surfaces) become OpenGL textures with bilinear filtering, desktop GL3 and WebGL2 alike.
#include <imgui.h>

namespace tunelab::app {

ImTextureID upload_gl_texture(ImTextureID existing, int width, int height, const unsigned char* rgba);

}  // namespace tunelab::app
