#include "ui/hook.h"

#include <algorithm>
#include <utility>

#include "core/records_json.h"

namespace tunelab::ui::hook {

Refusal::Refusal(const std::string& reason, std::vector<Issue> found) : std::runtime_error(reason), issues(std::move(found)) {}

json::Value error(std::string message, const std::vector<Issue>& issues) {
    json::Value out = json::Object{{"error", std::move(message)}};
    if (!issues.empty()) out["issues"] = to_json(issues);
    return out;
}

json::Value ok() { return json::Object{{"ok", true}}; }

std::optional<bool> Request::boolean(std::string_view key, std::string_view must) const {
    const json::Value* value = find(key);
    if (!value) return std::nullopt;
    if (!value->is_bool()) throw Refusal(std::string(must));
    return value->as_bool();
}

std::optional<double> Request::number(std::string_view key, std::string_view must, double low, double high) const {
    const json::Value* value = find(key);
    if (!value) return std::nullopt;
    if (!value->is_number() || value->as_number() < low || value->as_number() > high) throw Refusal(std::string(must));
    return value->as_number();
}

std::optional<int> Request::integer(std::string_view key, std::string_view must, int low, int high) const {
    const std::optional<double> value = number(key, must, low, high);
    if (value && *value != double(int(*value))) throw Refusal(std::string(must));
    return value ? std::optional<int>(int(*value)) : std::nullopt;
}

std::optional<std::string> Request::text(std::string_view key, std::string_view must) const {
    const json::Value* value = find(key);
    if (!value) return std::nullopt;
    if (!value->is_string()) throw Refusal(std::string(must));
    return value->as_string();
}

json::Value dispatch(AppState& app, const json::Value& request, std::initializer_list<std::span<const Command>> tables) {
    const json::Value* cmd = request.find("cmd");
    if (!cmd || !cmd->is_string()) return error("request needs a string field \"cmd\"");
    const std::string& name = cmd->as_string();
    for (std::span<const Command> table : tables) {
        const auto found = std::find_if(table.begin(), table.end(), [&](const Command& c) { return name == c.name; });
        if (found == table.end()) continue;
        try {
            return found->run(app, Request(request));
        } catch (const Refusal& refusal) {
            return error(name + ": " + refusal.what(), refusal.issues);
        }
    }
    return error("unknown command '" + name + "'");
}

}  // namespace tunelab::ui::hook
