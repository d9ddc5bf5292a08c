// TuneLab's platform layer: one SDL2 window with an OpenGL 3 (desktop) or WebGL2 (browser) context,
// Dear ImGui's SDL2 + OpenGL3 backends, and the main loop. Everything the learner sees is drawn by
// src/ui; this file only moves events in and frames out.
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cerrno>
#include <cfloat>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <deque>
#include <set>
#include <string>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#include <emscripten.h>

#include "app/web_trial_pool.h"
#else
#include <thread>

#include <SDL_opengl.h>
#endif

#include "app/gl_renderer.h"
#include "app/persistence.h"
#include "core/files.h"
#include "core/limits.h"
#include "core/stopwatch.h"
#include "tune/trial_pool.h"
#include "ui/app.h"
#include "ui/arena/arena_pool.h"
#include "ui/arena/arena_warm.h"
#include "ui/widgets/fonts.h"
#include "ui/widgets/plot.h"
#include "ui/widgets/touch.h"

namespace {

// The mouse as ImGui sees it this frame. ImGui 1.86 reads the mouse's position and buttons once a
// frame, as states, not as a queue of events: a press and release within one frame, or a press
// followed by a move, would reach it as one state and the click would be lost or land elsewhere
// (at 5 fps a hand's click is shorter than a frame). So the platform keeps its own pointer state,
// fed by the events it lets through this frame (feed_events), instead of SDL's latest one.
struct Pointer {
    ImVec2 position{-FLT_MAX, -FLT_MAX};  // -FLT_MAX: no mouse over the window
    bool down[3] = {false, false, false};  // left, right, middle
    bool lifted_finger = false;            // a finger lifted last frame: no hover remains after a tap
    bool finger_pressed = false;           // the last press came from a finger (no hardware keyboard assumed)
};

struct Platform {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    float pixel_scale = 1.0f;  // framebuffer pixels per window unit (devicePixelRatio on the web)
    bool running = true;
    long frame_limit = -1;       // desktop --frames N: quit after N frames (smoke tests)
    std::string screenshot_path;  // desktop --screenshot F.ppm: save the last frame before quitting
    int exit_code = 0;            // 1 when the screenshot could not be written
    std::vector<std::string> commands;  // desktop --command JSON: test-hook requests run before the first frame
    tunelab::Stopwatch since_start;
    std::deque<SDL_Event> pending;  // events held for a later frame (feed_events)
    Pointer pointer;
    bool keyboard_shown = false;    // the page's on-screen keyboard field is focused (follow_text_input)
    tunelab::ui::AppState app;
};

// The one instance, reachable from the JavaScript hook below (a C entry point cannot take a context).
Platform* g_platform = nullptr;

float framebuffer_scale(SDL_Window* window) {
    int window_w = 0, drawable_w = 0, h = 0;
    SDL_GetWindowSize(window, &window_w, &h);
    SDL_GL_GetDrawableSize(window, &drawable_w, &h);
    return window_w > 0 ? float(drawable_w) / float(window_w) : 1.0f;
}

double milliseconds_since_start(const Platform& platform) {
#ifdef __EMSCRIPTEN__
    (void)platform;
    return emscripten_get_now();  // performance.now(): milliseconds since the page's navigation
#else
    return platform.since_start.elapsed_ms();
#endif
}

#ifndef __EMSCRIPTEN__
// The framebuffer as a binary PPM (top row first); `convert` turns it into a PNG. Returns why it
// could not be written, or "".
std::string save_screenshot(SDL_Window* window, const std::string& path) {
    int width = 0, height = 0;
    SDL_GL_GetDrawableSize(window, &width, &height);
    std::vector<unsigned char> pixels(size_t(width) * size_t(height) * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) return std::strerror(errno);
    std::fprintf(file, "P6\n%d %d\n255\n", width, height);
    for (int row = height - 1; row >= 0; --row)  // OpenGL's rows start at the bottom
        std::fwrite(pixels.data() + size_t(row) * size_t(width) * 3, 1, size_t(width) * 3, file);
    const bool written = !std::ferror(file);
    const int error = errno;
    if (std::fclose(file) != 0 || !written) return std::strerror(written ? errno : error);
    return "";
}
#endif

#ifdef __EMSCRIPTEN__
// The browser's file picker for files of `accept`; the chosen file's name and text go to the hook
// command `command` ({cmd, name, text}), as the area's own loader takes them.
void pick_file(const char* accept, const char* command) {
    EM_ASM(
        {
            const input = document.createElement("input");
            const cmd = UTF8ToString($1);
            input.type = "file";
            input.accept = UTF8ToString($0);
            input.onchange = async () => {
                const file = input.files[0];
                if (file) Module.tunelab.call({cmd: cmd, name: file.name, text: await file.text()});
            };
            input.click();
        },
        accept, command);
}
#endif

// The lab asks for the learner's CSV, the arena for a study file to warm-start from; the platform
// fetches the bytes (browser file picker, a typed path or a dropped file) and hands them back
// through the area's own loader (a typed study path is read by the arena's panel itself).
void serve_file_requests(Platform& platform) {
    tunelab::ui::LabState& lab = platform.app.lab;
#ifdef __EMSCRIPTEN__
    if (lab.csv_picker_requested) {
        lab.csv_picker_requested = false;
        pick_file(".csv,text/csv,text/plain", "lab.load_csv");
    }
    tunelab::ui::ArenaState& arena = platform.app.arena;
    if (arena.warm_picker_requested) {
        arena.warm_picker_requested = false;
        pick_file(".json,application/json", "arena.load_study");
    }
#else
    if (lab.csv_path_requested) {
        lab.csv_path_requested = false;
        std::FILE* file = std::fopen(lab.csv_path.c_str(), "rb");
        if (!file) {
            lab.data_issues = {{"csv", "cannot open '" + lab.csv_path + "'"}};
            return;
        }
        std::string text;
        char buffer[65536];
        for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) text.append(buffer, n);
        std::fclose(file);
        std::string name = lab.csv_path.substr(lab.csv_path.find_last_of("/\\") + 1);
        tunelab::ui::load_csv_text(lab, name, std::move(text));
    }
    tunelab::ui::ArenaState& arena = platform.app.arena;
    if (arena.warm_path_requested) {
        arena.warm_path_requested = false;
        const tunelab::FileText file = tunelab::read_file(arena.warm_path, tunelab::limits::kMaxJsonBytes, "a study file");
        if (!file.text) arena.warm_error = file.error;
        else tunelab::ui::load_study_text(arena, arena.warm_path.substr(arena.warm_path.find_last_of("/\\") + 1), *file.text);
    }
#endif
}

// Mouse events that SDL made from a finger: a drag may scroll instead of press (ui/widgets/touch.h).
bool from_finger(const SDL_Event& event) {
    switch (event.type) {
        case SDL_MOUSEMOTION: return event.motion.which == SDL_TOUCH_MOUSEID;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP: return event.button.which == SDL_TOUCH_MOUSEID;
        default: return false;
    }
}

int button_index(Uint8 button) {
    return button == SDL_BUTTON_LEFT ? 0 : button == SDL_BUTTON_RIGHT ? 1 : button == SDL_BUTTON_MIDDLE ? 2 : -1;
}

// One event, let through to ImGui and the app.
void apply_event(Platform& platform, const SDL_Event& event) {
    Pointer& pointer = platform.pointer;
    switch (event.type) {
        case SDL_MOUSEMOTION:
            pointer.position = ImVec2(float(event.motion.x), float(event.motion.y));
            return;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            pointer.position = ImVec2(float(event.button.x), float(event.button.y));
            if (const int b = button_index(event.button.button); b >= 0) pointer.down[b] = event.type == SDL_MOUSEBUTTONDOWN;
            if (event.type == SDL_MOUSEBUTTONUP && event.button.which == SDL_TOUCH_MOUSEID) pointer.lifted_finger = true;
            if (event.type == SDL_MOUSEBUTTONDOWN) pointer.finger_pressed = event.button.which == SDL_TOUCH_MOUSEID;
            return;
        case SDL_WINDOWEVENT:
            if (event.window.event == SDL_WINDOWEVENT_LEAVE) pointer.position = ImVec2(-FLT_MAX, -FLT_MAX);
            break;
        case SDL_QUIT:
            platform.running = false;
            break;
        case SDL_DROPFILE:
            platform.app.lab.csv_path = event.drop.file;
            platform.app.lab.csv_path_requested = true;
            SDL_free(event.drop.file);
            return;
        default:
            break;
    }
    ImGui_ImplSDL2_ProcessEvent(&event);
}

// A finger's mouse event passes the touch scroller first: it may be dropped (the finger scrolls) or
// preceded by the press the finger held back until it chose between tapping and scrolling.
std::vector<SDL_Event> through_touch(const SDL_Event& event) {
    namespace touch = tunelab::ui::touch;
    const ImVec2 at = event.type == SDL_MOUSEMOTION ? ImVec2(float(event.motion.x), float(event.motion.y))
                                                    : ImVec2(float(event.button.x), float(event.button.y));
    const touch::Decision decision = event.type == SDL_MOUSEBUTTONDOWN ? touch::finger_down(at)
                                   : event.type == SDL_MOUSEBUTTONUP   ? touch::finger_up()
                                                                       : touch::finger_move(at);
    if (decision.kind == touch::Decision::drop) return {};
    if (decision.kind == touch::Decision::forward) return {event};
    SDL_Event press{};
    press.type = SDL_MOUSEBUTTONDOWN;
    press.button.which = SDL_TOUCH_MOUSEID;
    press.button.button = SDL_BUTTON_LEFT;
    press.button.state = SDL_PRESSED;
    press.button.x = int(decision.press_at.x);
    press.button.y = int(decision.press_at.y);
    return {press, event};
}

// Lets this frame's events through, in order, until one would change a mouse button or key that
// already changed in this frame, or move the mouse after a press or release in this frame: that event and all
// after it wait for the next frame. So each press and release is seen by ImGui in a frame of its
// own, at the place it happened, however low the frame rate (item "lost clicks").
void feed_events(Platform& platform) {
    if (platform.pointer.lifted_finger) {
        platform.pointer.position = ImVec2(-FLT_MAX, -FLT_MAX);
        platform.pointer.lifted_finger = false;
    }
    for (SDL_Event event; SDL_PollEvent(&event);) {
        if (from_finger(event)) {
            for (const SDL_Event& e : through_touch(event)) platform.pending.push_back(e);
        } else {
            platform.pending.push_back(event);
        }
    }
    std::set<int> changed;  // buttons (negative) and keys (scancodes) pressed or released this frame
    bool clicked = false;   // a button was pressed or released this frame
    while (!platform.pending.empty()) {
        const SDL_Event& event = platform.pending.front();
        if (event.type == SDL_MOUSEBUTTONDOWN || event.type == SDL_MOUSEBUTTONUP) {
            if (!changed.insert(-int(event.button.button)).second) break;
            clicked = true;
        } else if (event.type == SDL_KEYDOWN || event.type == SDL_KEYUP) {
            if (!event.key.repeat && !changed.insert(int(event.key.keysym.scancode)).second) break;
        } else if (event.type == SDL_MOUSEMOTION && clicked) {
            break;  // a button acts where it went down or up: a move after it waits a frame
        }
        apply_event(platform, event);
        platform.pending.pop_front();
    }
}

#ifdef __EMSCRIPTEN__
// A phone shows its on-screen keyboard only for a focused text element of the page, never for a
// canvas. While ImGui takes text (a field, or a slider's ✎ entry) opened by a finger, the page's
// hidden field has the focus (shell/index.html, Module.onTextInput), so the keyboard comes up; what
// it types reaches ImGui as SDL's own keys, or through tunelab_text_input when the browser only
// inserts text (virtual keyboards, input methods).
void follow_text_input(Platform& platform) {
    const bool wanted = ImGui::GetIO().WantTextInput && platform.pointer.finger_pressed;
    if (wanted == platform.keyboard_shown) return;
    platform.keyboard_shown = wanted;
    EM_ASM({ if (Module.onTextInput) Module.onTextInput(!!$0); }, wanted);
}
#endif

void frame(void* user_data) {
    Platform& platform = *static_cast<Platform*>(user_data);
    const tunelab::Stopwatch frame_watch;

    feed_events(platform);
    serve_file_requests(platform);

    // A new devicePixelRatio (browser zoom, moving to another screen) needs a new font atlas.
    float scale = framebuffer_scale(platform.window);
    if (scale != platform.pixel_scale && scale > 0.0f) {
        platform.pixel_scale = scale;
        tunelab::ui::load_fonts(scale);
        tunelab::app::upload_font_atlas();
    }

    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    // The backend read SDL's latest mouse state, which already includes the events held back.
    const bool finger_scrolls = tunelab::ui::touch::scrolling();
    io.MousePos = finger_scrolls ? ImVec2(-FLT_MAX, -FLT_MAX) : platform.pointer.position;
    for (int b = 0; b < 3; ++b) io.MouseDown[b] = platform.pointer.down[b] && !finger_scrolls;
    // imgui 1.86 asserts on a zero time step, which a browser with virtual time can produce.
    if (io.DeltaTime <= 0.0f) io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    tunelab::ui::draw_app(platform.app);
    ImGui::Render();
#ifdef __EMSCRIPTEN__
    follow_text_input(platform);
#endif
    // The race and training advance after rendering (work_in_frame below), so a trial told in one
    // frame's slice is saved here, at the next frame: a reload loses at most the trial in progress.
    tunelab::app::sync_session(platform.app);  // URL hash, saved session, exports

    int width = 0, height = 0;
    SDL_GL_GetDrawableSize(platform.window, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.94f, 0.95f, 0.97f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    tunelab::app::render_draw_data(*ImGui::GetDrawData());

    const double work_ms = tunelab::ui::work_in_frame(platform.app, frame_watch.elapsed_ms());

    tunelab::ui::FrameStats& stats = platform.app.stats;
    stats.fps = io.Framerate;
    const bool first_frame = stats.frames == 0;
    stats.record(frame_watch.elapsed_ms(), work_ms);
    if (first_frame) {
        stats.first_frame_ms = milliseconds_since_start(platform);
#ifdef __EMSCRIPTEN__
        EM_ASM({ if (Module.onFirstFrame) Module.onFirstFrame(); });
#endif
    }
#ifndef __EMSCRIPTEN__
    if (platform.frame_limit >= 0 && long(stats.frames) >= platform.frame_limit) {
        if (!platform.screenshot_path.empty())
            if (std::string error = save_screenshot(platform.window, platform.screenshot_path); !error.empty()) {
                std::fprintf(stderr, "tunelab: cannot write the screenshot to %s: %s\n", platform.screenshot_path.c_str(), error.c_str());
                platform.exit_code = 1;
            }
        platform.running = false;
    }
    SDL_GL_SwapWindow(platform.window);  // the browser presents by itself when the callback returns
#endif
}

bool create_window(Platform& platform) {
#ifdef __EMSCRIPTEN__
    const char* glsl_version = "#version 300 es";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
    const char* glsl_version = "#version 150";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
#endif
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    // On the web the page's CSS sizes the canvas; SDL follows it and the devicePixelRatio.
    auto flags = SDL_WindowFlags(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    platform.window = SDL_CreateWindow("TuneLab", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800, flags);
    if (!platform.window) {
        std::fprintf(stderr, "tunelab: cannot open a window: %s\n", SDL_GetError());
        return false;
    }
    platform.gl = SDL_GL_CreateContext(platform.window);
    if (!platform.gl) {
        std::fprintf(stderr, "tunelab: cannot create an OpenGL context: %s\n", SDL_GetError());
        return false;
    }
    SDL_GL_MakeCurrent(platform.window, platform.gl);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // layout is the app's, not a file's
    tunelab::ui::apply_style();
    platform.pixel_scale = framebuffer_scale(platform.window);
    tunelab::ui::load_fonts(platform.pixel_scale);
    ImGui_ImplSDL2_InitForOpenGL(platform.window, platform.gl);
    if (!tunelab::app::create_renderer(glsl_version)) return false;
    tunelab::plot::set_texture_upload(tunelab::app::upload_texture);
    return true;
}

// The browser's preferred language (navigator.language), or the desktop's locale ($LC_ALL,
// $LC_MESSAGES, $LANG, the first one set, as the C library reads them).
std::string system_locale() {
#ifdef __EMSCRIPTEN__
    char locale[64] = "";
    EM_ASM({ stringToUTF8(navigator.language || "", $0, $1); }, locale, int(sizeof locale));
    return locale;
#else
    for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (const char* value = std::getenv(variable); value && *value) return value;
    return "";
#endif
}

}  // namespace

// One JSON request through ui::handle_command, answered as JSON text.
std::string call_hook(Platform& platform, const char* request_text) {
    tunelab::json::ParseResult request = tunelab::json::parse(request_text ? request_text : "");
    if (!request.ok()) return tunelab::json::Value(tunelab::json::Object{{"error", "request is not JSON: " + request.error}}).dump();
    return tunelab::ui::handle_command(platform.app, request.value).dump();
}
std::string call_hook(Platform& platform, const std::string& request_text) { return call_hook(platform, request_text.c_str()); }

#ifdef __EMSCRIPTEN__
// Module.tunelab.call(request) in shell/index.html: JSON in, JSON out (see ui::handle_command).
extern "C" EMSCRIPTEN_KEEPALIVE const char* tunelab_call(const char* request_text) {
    static std::string answer;
    answer = g_platform ? call_hook(*g_platform, request_text)
                        : std::string(R"({"error":"TuneLab is still starting"})");
    return answer.c_str();
}

// The page is being left or hidden (persistence.cpp's js_save_when_leaving): save everything now.
extern "C" EMSCRIPTEN_KEEPALIVE void tunelab_save_session() {
    if (g_platform) tunelab::app::save_session_now(g_platform->app);
}

// Text the page's hidden field received without a key press SDL saw (an on-screen keyboard, an input
// method's composed characters): queued as SDL text events, in order with the keys around it.
extern "C" EMSCRIPTEN_KEEPALIVE void tunelab_text_input(const char* text) {
    SDL_Event event{};
    event.type = SDL_TEXTINPUT;
    const size_t capacity = sizeof event.text.text - 1;
    for (size_t at = 0, length = std::strlen(text); at < length;) {
        size_t n = std::min(capacity, length - at);
        size_t whole = n;  // whole characters only (malformed text: cut anywhere)
        while (whole > 0 && at + whole < length && (static_cast<unsigned char>(text[at + whole]) & 0xC0) == 0x80) --whole;
        if (whole > 0) n = whole;
        std::memset(event.text.text, 0, sizeof event.text.text);
        std::memcpy(event.text.text, text + at, n);
        SDL_PushEvent(&event);
        at += n;
    }
}
#endif

int main(int argc, char** argv) {
    static Platform platform;  // lives as long as the browser's main loop, which outlives main()
    platform.app.lab.data_config.data_dir = TUNELAB_DATA_DIR;
    // A first visit speaks the system's language; a link or a saved session brings its own.
    platform.app.tr.language = tunelab::ui::language_for_locale(system_locale());
    platform.app.first_run = !tunelab::app::restore_session(platform.app);  // the options below win
    // The arena's trials train in background workers: Web Workers in the page, threads natively.
#ifdef __EMSCRIPTEN__
    tunelab::app::offer_web_workers(platform.app.arena);
#else
    tunelab::ui::offer_workers(platform.app.arena, int(std::thread::hardware_concurrency()), tunelab::tune::make_thread_pool);
#endif
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--frames" && i + 1 < argc) {
            platform.frame_limit = std::strtol(argv[++i], nullptr, 10);
        } else if (arg == "--screenshot" && i + 1 < argc) {
            platform.screenshot_path = argv[++i];
            if (platform.frame_limit < 0) platform.frame_limit = 30;
        } else if (arg == "--command" && i + 1 < argc) {
            platform.commands.push_back(argv[++i]);
        } else if (arg == "--lang" && i + 1 < argc) {
            std::string language = argv[++i];
            platform.app.tr.language =
                language == "en" ? tunelab::ui::Language::english : tunelab::ui::Language::chinese;
        } else {
            std::fprintf(stderr, "usage: tunelab [--lang zh|en] [--frames N] [--screenshot FILE.ppm] [--command JSON]...\n");
            return 2;
        }
    }
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "tunelab: SDL cannot start: %s\n", SDL_GetError());
        return 1;
    }
    if (!create_window(platform)) return 1;
    g_platform = &platform;
    // The same requests the web page's Module.tunelab.call() takes, for scripted desktop screenshots.
    for (const std::string& command : platform.commands) {
        std::string answer = call_hook(platform, command);
        if (answer.find("\"error\"") != std::string::npos)
            std::fprintf(stderr, "tunelab: --command %s: %s\n", command.c_str(), answer.c_str());
    }

#ifdef __EMSCRIPTEN__
    emscripten_set_main_loop_arg(frame, &platform, 0, true);
#else
    while (platform.running) frame(&platform);
    tunelab::app::save_session_now(platform.app);  // a trial told in the last half second
    tunelab::app::destroy_renderer();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(platform.gl);
    SDL_DestroyWindow(platform.window);
    SDL_Quit();
#endif
    return platform.exit_code;
}
