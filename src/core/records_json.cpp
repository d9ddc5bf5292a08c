#include "core/records_json.h"

#include <string>

#include "core/enums.h"

namespace tunelab {

json::Value to_json(const std::vector<Issue>& issues) {
    json::Array out;
    for (const Issue& issue : issues) out.push_back(json::Object{{"field", issue.field}, {"message", issue.message}});
    return json::Value(std::move(out));
}

json::Value to_json(const DataInfo& info) {
    return json::Object{{"task", std::string(name(info.task))},
                        {"classes", info.classes},
                        {"inputs", info.inputs},
                        {"train_size", info.train_size},
                        {"validation_size", info.validation_size},
                        {"notes", json::Array(info.notes.begin(), info.notes.end())}};
}

json::Value to_json(const EpochRecord& r) {
    return json::Object{{"epoch", r.epoch},
                        {"train_loss", r.train_loss},
                        {"validation_loss", r.validation_loss},
                        {"train_metric", r.train_metric},
                        {"validation_metric", r.validation_metric},
                        {"learning_rate", r.learning_rate},
                        {"batch_size", r.batch_size},
                        {"gradient_norm", r.gradient_norm}};
}

json::Value to_json(const std::vector<EpochRecord>& history) {
    json::Array out;
    for (const EpochRecord& record : history) out.push_back(to_json(record));
    return json::Value(std::move(out));
}

}  // namespace tunelab
