#pragma once
// The test hook's one dispatcher. Each area lists its commands as a table of {name, handler} beside
// its code (lab_commands(), arena_commands(), lesson_commands(), session_commands(), the app's own in
// app.cpp); adding a command is one row in its area's table.
//
// A handler reads its fields through Request, whose readers refuse a field of the wrong kind by
// throwing Refusal; the dispatcher answers {"error": "cmd: …", "issues"?: [{field, message}]}.
// Handlers read and check every field before they change anything, so a refused request changes
// nothing.
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/enums.h"
#include "core/json.h"
#include "core/settings.h"

namespace tunelab::ui {

struct AppState;

namespace hook {

// A refused request: the "error" text (without the command's name) and the settings' issues, if any.
struct Refusal : std::runtime_error {
    explicit Refusal(const std::string& reason, std::vector<Issue> issues = {});
    std::vector<Issue> issues;
};

// {"error": message, "issues"?: [...]}: every refusal the hook answers has this shape.
json::Value error(std::string message, const std::vector<Issue>& issues = {});
// {"ok": true}
json::Value ok();

class Request {
public:
    explicit Request(const json::Value& body) : body_(body) {}
    const std::string& cmd() const { return body_.find("cmd")->as_string(); }
    const json::Value& body() const { return body_; }
    const json::Value* find(std::string_view key) const { return body_.find(key); }
    bool has(std::string_view key) const { return find(key) != nullptr; }

    // The readers: empty when the field is absent; a present field of another kind (or outside
    // [low, high]) is refused with `must`, e.g. "\"speed\" must be 1 to 5".
    std::optional<bool> boolean(std::string_view key, std::string_view must) const;
    std::optional<double> number(std::string_view key, std::string_view must, double low = -1e308,
                                 double high = 1e308) const;
    std::optional<int> integer(std::string_view key, std::string_view must, int low, int high) const;
    std::optional<std::string> text(std::string_view key, std::string_view must) const;
    // The enum value the field's text names (core/enums.h: enum_names<E>).
    template <typename E>
    std::optional<E> choice(std::string_view key, std::string_view must) const {
        const std::optional<std::string> name = text(key, must);
        if (!name) return std::nullopt;
        if (const std::optional<E> value = parse_enum<E>(*name)) return value;
        throw Refusal(std::string(must));
    }

private:
    const json::Value& body_;
};

using Handler = json::Value (*)(AppState& app, const Request& request);
struct Command {
    const char* name;
    Handler run;
};

// Answers `request` by the command of that name in `tables`; "unknown command" when none has it.
json::Value dispatch(AppState& app, const json::Value& request, std::initializer_list<std::span<const Command>> tables);

}  // namespace hook
}  // namespace tunelab::ui
