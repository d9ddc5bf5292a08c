#include "app/gl_renderer.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES  // OpenGL 3.2 core's functions, as libGL exports them on Linux
#include <SDL_opengl.h>
#endif

namespace tunelab::app {
namespace {

// The renderer's GL objects: one program, one vertex array with its two buffers, the font atlas.
// A process has one window and one GL context, so they live here from create_renderer to
// destroy_renderer.
struct Renderer {
    GLuint program = 0, vertex_array = 0, vertices = 0, indices = 0;
    GLint projection = -1;
    GLsizeiptr vertices_capacity = 0, indices_capacity = 0;
    ImTextureID font_atlas = nullptr;
};
Renderer g_renderer;

// The attributes' locations, fixed before linking so that nothing is asked of the driver per frame.
enum Attribute : GLuint { kPosition = 0, kUv = 1, kColor = 2 };

constexpr const char* kVertexShader = R"(
uniform mat4 projection;
in vec2 position;
in vec2 uv;
in vec4 color;
out vec2 frag_uv;
out vec4 frag_color;
void main() {
    frag_uv = uv;
    frag_color = color;
    gl_Position = projection * vec4(position, 0.0, 1.0);
})";

constexpr const char* kFragmentShader = R"(
precision mediump float;
uniform sampler2D atlas;
in vec2 frag_uv;
in vec4 frag_color;
out vec4 out_color;
void main() {
    out_color = frag_color * texture(atlas, frag_uv);
})";

// A compiled shader, or 0 with the driver's log on stderr.
GLuint compile(GLenum kind, const std::string& source) {
    const GLuint shader = glCreateShader(kind);
    const char* text = source.c_str();
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint compiled = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &compiled);
    if (compiled == GL_TRUE) return shader;
    char log[1024] = "";
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "tunelab: the GL driver refuses the %s shader: %s\n", kind == GL_VERTEX_SHADER ? "vertex" : "fragment", log);
    glDeleteShader(shader);
    return 0;
}

}  // namespace

bool create_renderer(const char* glsl_version) {
    Renderer& r = g_renderer;
    const std::string first_line = std::string(glsl_version) + "\n";
    const GLuint vertex = compile(GL_VERTEX_SHADER, first_line + kVertexShader);
    // Desktop GLSL 1.50 takes `precision` as a no-op, GLSL ES needs it for floats in fragment shaders.
    const GLuint fragment = compile(GL_FRAGMENT_SHADER, first_line + kFragmentShader);
    if (!vertex || !fragment) return false;
    r.program = glCreateProgram();
    glAttachShader(r.program, vertex);
    glAttachShader(r.program, fragment);
    glBindAttribLocation(r.program, kPosition, "position");
    glBindAttribLocation(r.program, kUv, "uv");
    glBindAttribLocation(r.program, kColor, "color");
    glLinkProgram(r.program);
    glDeleteShader(vertex);  // kept alive by the program
    glDeleteShader(fragment);
    GLint linked = GL_FALSE;
    glGetProgramiv(r.program, GL_LINK_STATUS, &linked);
    if (linked != GL_TRUE) {
        char log[1024] = "";
        glGetProgramInfoLog(r.program, sizeof log, nullptr, log);
        std::fprintf(stderr, "tunelab: the GL driver cannot link the UI's shaders: %s\n", log);
        return false;
    }
    r.projection = glGetUniformLocation(r.program, "projection");
    glUseProgram(r.program);
    glUniform1i(glGetUniformLocation(r.program, "atlas"), 0);  // texture unit 0, the only one used

    glGenVertexArrays(1, &r.vertex_array);
    glGenBuffers(1, &r.vertices);
    glGenBuffers(1, &r.indices);
    glBindVertexArray(r.vertex_array);
    glBindBuffer(GL_ARRAY_BUFFER, r.vertices);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, r.indices);  // part of the vertex array's state
    glEnableVertexAttribArray(kPosition);
    glEnableVertexAttribArray(kUv);
    glEnableVertexAttribArray(kColor);
    const auto at = [](size_t offset) { return reinterpret_cast<const void*>(offset); };
    glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(kColor, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, col)));

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "tunelab_gl_renderer";
#ifndef __EMSCRIPTEN__
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // glDrawElementsBaseVertex is core in GL 3.2, not in WebGL2
#endif
    upload_font_atlas();
    return true;
}

void destroy_renderer() {
    Renderer& r = g_renderer;
    const GLuint atlas = GLuint(reinterpret_cast<intptr_t>(r.font_atlas));
    if (atlas) glDeleteTextures(1, &atlas);
    glDeleteBuffers(1, &r.vertices);
    glDeleteBuffers(1, &r.indices);
    glDeleteVertexArrays(1, &r.vertex_array);
    glDeleteProgram(r.program);
    g_renderer = Renderer{};
    ImGui::GetIO().Fonts->SetTexID(nullptr);
}

void upload_font_atlas() {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    ImFontAtlas& fonts = *ImGui::GetIO().Fonts;
    fonts.GetTexDataAsRGBA32(&pixels, &width, &height);
    g_renderer.font_atlas = upload_texture(g_renderer.font_atlas, width, height, pixels);
    fonts.SetTexID(g_renderer.font_atlas);
}

void render_draw_data(const ImDrawData& draw_data) {
    const ImVec2 scale = draw_data.FramebufferScale;
    const int framebuffer_width = int(draw_data.DisplaySize.x * scale.x);
    const int framebuffer_height = int(draw_data.DisplaySize.y * scale.y);
    if (framebuffer_width <= 0 || framebuffer_height <= 0) return;
    Renderer& r = g_renderer;

    // Alpha blending over the cleared background, no depth or culling; only the scissor clips.
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, framebuffer_width, framebuffer_height);

    // ImGui's coordinates (pixels, y down, from DisplayPos) to clip space (-1…1, y up).
    const float left = draw_data.DisplayPos.x, right = left + draw_data.DisplaySize.x;
    const float top = draw_data.DisplayPos.y, bottom = top + draw_data.DisplaySize.y;
    const float projection[16] = {2.0f / (right - left), 0, 0, 0,  //
                                  0, 2.0f / (top - bottom), 0, 0,  //
                                  0, 0, -1, 0,                     //
                                  (right + left) / (left - right), (top + bottom) / (bottom - top), 0, 1};
    glUseProgram(r.program);
    glUniformMatrix4fv(r.projection, 1, GL_FALSE, projection);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(r.vertex_array);
    glBindBuffer(GL_ARRAY_BUFFER, r.vertices);

    const GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    for (int n = 0; n < draw_data.CmdListsCount; ++n) {
        const ImDrawList& list = *draw_data.CmdLists[n];
        const GLsizeiptr vertex_bytes = GLsizeiptr(list.VtxBuffer.Size) * GLsizeiptr(sizeof(ImDrawVert));
        const GLsizeiptr index_bytes = GLsizeiptr(list.IdxBuffer.Size) * GLsizeiptr(sizeof(ImDrawIdx));
        // The buffers only grow: a list's data replaces the start of them, with no new allocation.
        if (vertex_bytes > r.vertices_capacity) {
            r.vertices_capacity = vertex_bytes;
            glBufferData(GL_ARRAY_BUFFER, vertex_bytes, nullptr, GL_STREAM_DRAW);
        }
        if (index_bytes > r.indices_capacity) {
            r.indices_capacity = index_bytes;
            glBufferData(GL_ELEMENT_ARRAY_BUFFER, index_bytes, nullptr, GL_STREAM_DRAW);
        }
        glBufferSubData(GL_ARRAY_BUFFER, 0, vertex_bytes, list.VtxBuffer.Data);
        glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, index_bytes, list.IdxBuffer.Data);

        for (const ImDrawCmd& command : list.CmdBuffer) {
            if (command.UserCallback) {  // TuneLab's panels add none; honoured as ImGui documents them
                if (command.UserCallback != ImDrawCallback_ResetRenderState) command.UserCallback(&list, &command);
                continue;
            }
            // The clip rectangle in framebuffer pixels; GL's scissor counts rows from the bottom.
            const ImVec2 origin = draw_data.DisplayPos;
            const ImVec2 min((command.ClipRect.x - origin.x) * scale.x, (command.ClipRect.y - origin.y) * scale.y);
            const ImVec2 max((command.ClipRect.z - origin.x) * scale.x, (command.ClipRect.w - origin.y) * scale.y);
            if (max.x <= min.x || max.y <= min.y) continue;
            glScissor(int(min.x), int(float(framebuffer_height) - max.y), int(max.x - min.x), int(max.y - min.y));
            glBindTexture(GL_TEXTURE_2D, GLuint(reinterpret_cast<intptr_t>(command.GetTexID())));
            const void* first_index = reinterpret_cast<const void*>(size_t(command.IdxOffset) * sizeof(ImDrawIdx));
#ifdef __EMSCRIPTEN__
            glDrawElements(GL_TRIANGLES, GLsizei(command.ElemCount), index_type, first_index);
#else
            glDrawElementsBaseVertex(GL_TRIANGLES, GLsizei(command.ElemCount), index_type, first_index, GLint(command.VtxOffset));
#endif
        }
    }
}

ImTextureID upload_texture(ImTextureID existing, int width, int height, const unsigned char* rgba) {
    GLuint texture = GLuint(reinterpret_cast<intptr_t>(existing));
    if (texture == 0) glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);  // the next frame binds each draw command's texture itself
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    return reinterpret_cast<ImTextureID>(intptr_t(texture));
}

}  // namespace tunelab::app
