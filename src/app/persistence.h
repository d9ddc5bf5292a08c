#pragma once
// Where the session lives on each platform. In the browser: the URL hash (the shareable link, kept
// current with history.replaceState, so no reload and no history entry per edit) and localStorage
// (synchronous and ample for a few-KB document). On the desktop: a JSON file under
// $XDG_CONFIG_HOME/tunelab or ~/.config/tunelab. Exports become a browser download or a file in the
// working directory.
#include "ui/app.h"

namespace tunelab::app {

// At start-up: a shared link (URL hash) wins over the saved session, unless it is the page's own
// address reloaded (ui::link_matches_saved); a refused one loads the
// defaults and raises the notice (and a console warning). Call before the command line is applied,
// so that its options win. Returns false on a first visit: no link and nothing saved.
bool restore_session(ui::AppState& app);

// Once per frame, after the frame is drawn: serves export and copy requests, writes a changed session
// to the URL hash and to storage every few frames, and the race within half a second of a trial told.
void sync_session(ui::AppState& app);

// Writes the session and the race as they are now: when the page is left or hidden, or the app quits.
void save_session_now(ui::AppState& app);

}  // namespace tunelab::app
