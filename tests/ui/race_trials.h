#pragma once
// What two races are compared by in the arena's tests: every trial of every racer.
#include <string>

#include "ui/app.h"

namespace tunelab::ui {

// Every trial of every racer: parameters, value, status and each epoch's value.
inline json::Value race_trials(const AppState& app) {
    json::Array racers;
    for (const Racer& racer : app.arena.racers) {
        json::Array trials;
        for (const tune::Trial& t : racer.runner->study().trials()) {
            json::Array epochs(t.intermediate.begin(), t.intermediate.end());
            trials.push_back(json::Object{{"params", tune::params_to_json(racer.runner->study().space(), t.params)},
                                          {"value", t.value ? json::Value(*t.value) : json::Value()},
                                          {"status", std::string(name(t.status))},
                                          {"epochs", std::move(epochs)}});
        }
        racers.push_back(std::move(trials));
    }
    return racers;
}

}  // namespace tunelab::ui
