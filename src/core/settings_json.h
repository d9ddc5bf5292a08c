#pragma once
// Settings as JSON, for the test hook, shared URLs, saved sessions and study objectives. Each field
// is listed once (settings_json.cpp) and that one list both writes and reads, so the two can never
// disagree. Reading is a partial update: fields present in the document replace the current ones,
// absent fields keep their values, and anything malformed is refused with the field's path.
#include <vector>

#include "core/json.h"
#include "core/settings.h"

namespace tunelab {

json::Value to_json(const DataConfig& config);
json::Value to_json(const TrainConfig& config);

// Apply `document` onto `config`. On any issue nothing is changed and the issues are returned
// ("model.hidden[1].units: must be a whole number", "optimiser: unknown setting").
std::vector<Issue> update_from_json(DataConfig& config, const json::Value& document);
std::vector<Issue> update_from_json(TrainConfig& config, const json::Value& document);

}  // namespace tunelab
