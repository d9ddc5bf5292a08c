#include "app/persistence.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include "core/files.h"
#include "core/limits.h"
#include "core/stopwatch.h"
#include "ui/arena/arena_resume.h"

namespace tunelab::app {
namespace {

constexpr uint64_t kSyncEveryFrames = 15;  // a quarter second: fast enough for a reload, cheap enough per frame
// The race is saved at once when it starts, pauses or is dropped, and within half a second of a trial
// told: a race in workers tells one nearly every frame, and writing the whole race each time was the
// largest part of its frames. Leaving the page or the app saves at once (save_session_now), so a reload
// or a closed tab loses no told trial; only a crash of the whole page can lose the last half second.
constexpr double kTrialsSavedWithinMs = 500;
// Between those, what else moves in the race (a running trial's epochs, which a reload re-trains from
// its seed anyway) every four seconds.
constexpr uint64_t kRaceEveryFrames = 240;

void warn(const std::string& text) {
#ifdef __EMSCRIPTEN__
    // A warning, not an error: a refused link is the learner's input, not a fault of the page.
    EM_ASM({ console.warn(UTF8ToString($0)); }, text.c_str());
#else
    std::fprintf(stderr, "tunelab: %s\n", text.c_str());
#endif
}

#ifdef __EMSCRIPTEN__
// JS strings cross into C++ in two steps, so C++ owns the buffer: stage the text and report its
// size, then copy it. source 0: the URL hash; 1: the saved session.
EM_JS(int, js_stage_text, (int source), {
    let text = "";
    try {
        text = source === 0 ? window.location.hash : (window.localStorage.getItem("tunelab.session") || "");
    } catch (e) {
        console.warn("TuneLab: browser storage is not available: " + e.message);
    }
    Module.tunelabStagedText = text;
    return lengthBytesUTF8(text) + 1;
});
EM_JS(void, js_take_text, (char* out, int size), {
    stringToUTF8(Module.tunelabStagedText, out, size);
    Module.tunelabStagedText = "";
});
// A saved session that could not be restored is kept under another key, so the next save (of the
// defaults) does not overwrite what the learner had.
EM_JS(void, js_keep_aside, (), {
    try {
        window.localStorage.setItem("tunelab.session.bad", window.localStorage.getItem("tunelab.session") || "");
    } catch (e) {
        console.warn("TuneLab: cannot keep the refused session aside: " + e.message);
    }
});
EM_JS(void, js_publish, (const char* hash, const char* document), {
    const wanted = "#" + UTF8ToString(hash);
    if (window.location.hash !== wanted) history.replaceState(null, "", wanted);
    try {
        window.localStorage.setItem("tunelab.session", UTF8ToString(document));
    } catch (e) {
        console.warn("TuneLab: cannot save the session in this browser: " + e.message);
    }
});
// Leaving the page (a reload, a closed tab, another page) or hiding it (a phone's app switcher, after
// which the browser may discard it without pagehide) saves the session at once.
EM_JS(void, js_save_when_leaving, (), {
    window.addEventListener("pagehide", () => _tunelab_save_session());
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") _tunelab_save_session(); });
});
EM_JS(void, js_download, (const char* name, const char* mime, const char* text), {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([UTF8ToString(text)], {type: UTF8ToString(mime)}));
    link.download = UTF8ToString(name);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
});
EM_JS(void, js_copy_link, (), {
    if (navigator.clipboard) navigator.clipboard.writeText(window.location.href).catch((e) => console.warn("TuneLab: " + e.message));
});
// A link pasted into the address bar of an open page changes only the hash: open it like a new one.
EM_JS(void, js_watch_hash, (), {
    window.addEventListener("hashchange", () => Module.tunelab.call({cmd: "session.open_hash", hash: window.location.hash}));
});

std::string read_text(int source) {
    const int size = js_stage_text(source);
    std::string text(size_t(size), '\0');
    js_take_text(text.data(), size);
    text.resize(size_t(size - 1));
    return text;
}
#else
std::filesystem::path session_file() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    std::filesystem::path dir = xdg && *xdg ? std::filesystem::path(xdg) : std::filesystem::path(home ? home : ".") / ".config";
    return dir / "tunelab" / "session.json";
}

// Atomic (core/files.h): a crash or a full disk mid-write never leaves half a session behind.
bool write_file(const std::filesystem::path& path, const std::string& text) {
    std::error_code ignored;
    std::filesystem::create_directories(path.parent_path(), ignored);
    return write_file_atomic(path.string(), text).empty();
}

// The refused session moves aside (session.json.bad), so the next save does not overwrite it.
std::string keep_aside(const std::filesystem::path& path) {
    std::filesystem::path aside = path;
    aside += ".bad";
    std::error_code error;
    std::filesystem::rename(path, aside, error);
    return error ? "it could not be kept aside (" + error.message() + ")" : "it was kept as " + aside.string();
}
#endif

std::string g_last_saved;  // the document text last written, so unchanged sessions are not rewritten

// What changes when the race must be saved at once: a trial told, a race started, paused or dropped.
struct RaceMark {
    const void* objective = nullptr;
    int told = 0;
    bool racing = false;
    bool operator==(const RaceMark&) const = default;
};
RaceMark race_mark(const ui::ArenaState& arena) {
    RaceMark mark{arena.objective.get(), 0, arena.racing};
    for (const ui::Racer& racer : arena.racers) mark.told += racer.told;
    return mark;
}
RaceMark g_last_race_mark;
std::string g_last_race_text;  // the race's part of the saved session, as of g_last_race_mark
Stopwatch g_since_race_saved;

// Writes the session when its text changed; the race's part is written anew when `race_due`.
void save_session(ui::AppState& app, bool race_due) {
    if (race_due) {
        g_last_race_text = ui::race_to_json(app.arena).dump();
        g_last_race_mark = race_mark(app.arena);
        g_since_race_saved.restart();
    }
    const json::Value session = ui::session_to_json(app);
    std::string text = ui::saved_session_text(session.dump(), g_last_race_text);
    if (text == g_last_saved) return;
#ifdef __EMSCRIPTEN__
    js_publish(ui::encode_hash(session).c_str(), text.c_str());
#else
    if (!write_file(session_file(), text)) warn("cannot save the session to " + session_file().string());
#endif
    g_last_saved = std::move(text);
}

}  // namespace

bool restore_session(ui::AppState& app) {
#ifdef __EMSCRIPTEN__
    js_watch_hash();
    js_save_when_leaving();
    const std::string hash = read_text(0);
    const std::string saved = read_text(1);
    if (!hash.empty() && hash != "#" && !ui::link_matches_saved(hash, saved)) {
        if (!ui::open_shared_hash(app, hash))
            warn("TuneLab: the shared link was refused (" + app.session.notice_detail + "); the defaults were loaded.");
        return true;
    }
    if (saved.empty()) return false;
    if (!ui::restore_saved_session(app, saved)) {
        js_keep_aside();
        ui::note_kept_aside(app.session, "it was kept in this browser's storage as tunelab.session.bad");
        warn("TuneLab: the saved session was refused (" + app.session.notice_detail + "); the defaults were loaded.");
    }
    return true;
#else
    const std::filesystem::path file = session_file();
    if (!std::filesystem::exists(file)) return false;
    FileText saved = read_file(file.string(), limits::kMaxJsonBytes, "a saved session");
    if (!ui::restore_saved_session(app, saved.text.value_or(""))) {  // an unreadable file is refused too
        if (!saved.text) app.session.notice_detail = saved.error;
        ui::note_kept_aside(app.session, keep_aside(file));
        warn("the saved session was refused (" + app.session.notice_detail + "); the defaults were loaded.");
    }
    return true;
#endif
}

void sync_session(ui::AppState& app) {
    ui::SessionState& session = app.session;
    if (session.download_requested) {
        session.download_requested = false;
#ifdef __EMSCRIPTEN__
        js_download(session.download_name.c_str(), session.download_mime.c_str(), session.download_text.c_str());
#else
        const std::filesystem::path path = std::filesystem::absolute(session.download_name);
        session.last_saved_path = write_file(path, session.download_text) ? path.string() : "(cannot write " + path.string() + ")";
#endif
        session.download_text.clear();
    }
#ifdef __EMSCRIPTEN__
    if (session.copy_link_requested) js_copy_link();
#endif
    session.copy_link_requested = false;
    // Settings are saved every few frames; the race as kTrialsSavedWithinMs says (called each frame
    // before its race slice, so a trial told in one frame is seen in the next; see main.cpp).
    const RaceMark mark = race_mark(app.arena);
    const bool started_or_stopped = mark.objective != g_last_race_mark.objective || mark.racing != g_last_race_mark.racing;
    const bool trials_due = mark.told != g_last_race_mark.told && g_since_race_saved.elapsed_ms() >= kTrialsSavedWithinMs;
    const bool race_due = started_or_stopped || trials_due || app.stats.frames % kRaceEveryFrames == 0;
    if (app.stats.frames % kSyncEveryFrames != 0 && !race_due) return;
    save_session(app, race_due);
}

void save_session_now(ui::AppState& app) { save_session(app, true); }

}  // namespace tunelab::app
