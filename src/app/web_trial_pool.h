#pragma once
// The page's pool of Web Workers (web_workers.js) behind the arena's tune::TrialPool. The browser
// build only.
#include "ui/arena/arena.h"

namespace tunelab::app {

// Offers the arena a pool of Web Workers sized by navigator.hardwareConcurrency, when the browser
// has Web Workers; otherwise the race trains in the frames.
void offer_web_workers(ui::ArenaState& arena);

}  // namespace tunelab::app
