#pragma once
// Sharing, saving and export. The whole configuration a learner can share (language, page, the lab's
// data and both runs, the compare flag; the arena's set-up once it lands) is one JSON document.
// The same document, in its readable form (ui/share_link.h), is the URL hash of a shared link; it is
// the saved session in browser storage or the desktop's config file, and the "json" export.
//
// Reading a document is strict and all-or-nothing: unknown fields, wrong types and out-of-range
// settings are refused with the field's path, and nothing changes. A hash is only ever decoded and
// parsed as JSON data; nothing in it is executed.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/limits.h"
#include "core/settings.h"
#include "ui/hook.h"
#include "ui/i18n.h"

namespace tunelab::ui {

struct AppState;

// What the platform layer (src/app/persistence.cpp) and the Share menu exchange each frame.
struct SessionState {
    // A refused shared link or saved session: shown in a popup until the learner closes it.
    std::string notice;              // English key of the headline (translated when drawn)
    std::string notice_detail;       // the technical reason (field paths), in English
    std::vector<Issue> notice_issues;// the same, one refusal each, translated when drawn
    bool notice_open = false;        // open the popup on the next frame
    bool notice_shown = false;       // the popup was drawn in the last frame
    // An export the learner asked for: the browser downloads it, the desktop writes it to a file.
    std::string download_name;
    std::string download_text;
    std::string download_mime;
    bool download_requested = false;
    std::string last_saved_path;     // desktop: where the last export was written, for the menu
    bool menu_requested = false;     // open the menu on the next frame (hook, for screenshots and tests)
    bool copy_link_requested = false;  // web: put the page's address (with its hash) on the clipboard
};

json::Value session_to_json(const AppState& app);
// What the platform saves in browser storage or the desktop's file: the shared document plus the
// arena's race ("race": arena's race_to_json), so a reload mid-race loses no finished trial. The race
// stays out of links: the receiver races the same set-up and gets the same trials.
json::Value saved_session_to_json(const AppState& app);
// saved_session_to_json(app).dump() from its two parts' texts: session_to_json(app).dump() and
// race_to_json(app.arena).dump() ("" or "null": no race). The platform re-writes the race's text
// only when a trial is told (a long race's trials are most of the document, and its settings may
// change on any frame), so saving costs a frame little until the race moves.
std::string saved_session_text(const std::string& settings_text, const std::string& race_text);
// Applies `document` onto the defaults (so a partial document gives the same result wherever it is
// opened); refuses it whole with one Issue per problem ("lab.runs[1].lr.lr: is 0; allowed …").
std::vector<Issue> session_from_json(AppState& app, const json::Value& document);

// The readable link of a document (ui/share_link.h): "language=zh&lr=0.03&batch=10&optimizer=adam",
// only the settings that differ from a fresh app's, never the learner's CSV data.
std::string encode_hash(const json::Value& document);
struct DecodedHash {
    std::optional<json::Value> document;  // a whole session document
    std::vector<Issue> issues;            // why the hash was refused, when document is empty
    std::string error() const;            // the issues as "field: message" lines
};
// Accepts the text with or without the leading '#': a readable link, or a first-version link
// ("v1." + base64url of the JSON document), which still opens. Refuses hashes over kMaxHashLength
// characters, and what share_link.h's read_link_text refuses (or, for "v1.", text that is not
// base64url of a JSON object).
DecodedHash decode_hash(std::string_view hash);
inline constexpr size_t kMaxHashLength = limits::kMaxLinkLength;  // core/limits.h

// Opens a shared link at start-up: applies the hash, or loads the defaults and raises the notice.
// An empty hash changes nothing. Returns true when the hash was applied.
bool open_shared_hash(AppState& app, std::string_view hash);
// True when `hash` holds the configuration the saved session holds: the page's own address, kept
// current as the learner edits, after a reload. The saved session (with its race) is then restored
// rather than the link, which cannot carry a race.
bool link_matches_saved(std::string_view hash, std::string_view saved);
// Restores a saved session (storage text), its race too; a refused one (any part of it) is reported
// like a refused link and the defaults load.
bool restore_saved_session(AppState& app, std::string_view text);
// Adds to the notice of a refused saved session where the platform kept it (so nothing is lost):
// shown in the popup with the reasons, and in the English detail.
void note_kept_aside(SessionState& session, std::string where);

// The exports: "csv" (every lab run's epochs), "trials_csv" (every arena racer's trials), "json" (the
// session, every run's history and every racer's study), "python" (a PyTorch + Optuna script of the
// lab's run A and the race's search space). Empty when `what` is none of these.
struct Export {
    std::string file_name, mime, text;
};
std::optional<Export> make_export(AppState& app, std::string_view what);

// The "Share / Save / Export" menu button in the header bar, and the notice popup.
void draw_session_menu(AppState& app);
// Sets the app back to its defaults (language kept).
void reset_to_defaults(AppState& app);

// The test hook's "session.*" commands:
//   session.get                       the document
//   session.set {document}            apply it, or {"error", "issues"} and nothing changes
//   session.hash                      {"hash": "language=zh&lr=…"} of the current document
//   session.open_hash {hash}          what the page does at start-up with location.hash
//   session.export {what, download?}  {"file_name", "mime", "text"}; what = csv | trials_csv | json |
//                                     python; download: true also starts the browser download
//   session.status                    the notice (if any): its headline, reason and the lines the popup shows
//                                     in the learner's language, and whether the popup is on screen
//   session.menu                      opens the Share / Save / Export menu
std::span<const hook::Command> session_commands();

}  // namespace tunelab::ui
