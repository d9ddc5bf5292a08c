#pragma once
// The readable form of a shared link, like TensorFlow Playground's: "name=value" pairs joined by '&'
// for the settings that differ from a fresh app's, e.g.
//   #language=en&data.kind=moons&lr=0.03&batch=10&optimizer=adam&b.l2=0.001&arena.trials=12
// A name is the setting's path in the session document (session.h) with its part's prefix made
// short: "data." for the lab's data, none for run A, "b." for run B, "arena." for the arena's
// set-up, "compare" for the lab's compare flag. A run's tunable settings go by their names in the
// one table of them (tune/tunable.cpp: lr, batch, optimizer, l2, momentum, beta1, beta2, epochs and
// the hidden layers' layers, units, activation, dropout; these three take one value for every
// layer or one per layer, "units=16,8"). A list is its values joined by ','; any other character
// than letters, digits and -._~+ is %-escaped in names and values.
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/settings.h"

namespace tunelab::ui {

// The pairs of `document` (a session document, its CSV data already left out) that differ from
// `defaults` (a fresh app's document).
std::string link_text(const json::Value& document, const json::Value& defaults);

// The session document a readable link stands for: `defaults` with the link's settings in place
// (so both lab runs are whole, and read the same whatever data the link names). Refuses, with one
// Issue per problem named as the link names it, pairs without '=', broken %-escapes, names that
// are not settings or appear twice, values of the wrong kind and per-layer lists of the wrong length.
std::optional<json::Value> read_link_text(std::string_view text, const json::Value& defaults, std::vector<Issue>& issues);

// How a link names the setting at a session document's `path` ("lab.runs[1].lr.lr" → "b.lr"), so
// a refusal of a link's setting names it as the link does.
std::string link_name(std::string_view path);

}  // namespace tunelab::ui
