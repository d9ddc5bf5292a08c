#pragma once
// Core's records as JSON, each written once for every reader (the test hook, exports, the CLI):
// issues, a prepared data set's summary and an epoch's record.
#include <string_view>
#include <vector>

#include "core/dataset.h"
#include "core/json.h"
#include "core/settings.h"
#include "core/trainer.h"

namespace tunelab {

// [{"field", "message"}, …]
json::Value to_json(const std::vector<Issue>& issues);
// {task, classes, inputs, train_size, validation_size}
json::Value to_json(const DataInfo& info);
// {epoch, train_loss, validation_loss, train_metric, validation_metric, learning_rate, batch_size,
// gradient_norm}: what a learner plots; the per-layer norms and timings stay out.
json::Value to_json(const EpochRecord& record);
json::Value to_json(const std::vector<EpochRecord>& history);

}  // namespace tunelab
