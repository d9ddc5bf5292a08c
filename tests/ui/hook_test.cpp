#include <doctest/doctest.h>

#include <set>
#include <string>

#include "ui/app.h"
#include "ui/hook.h"

namespace hook_test {
enum class Colour { red, green };
}
template <>
inline constexpr std::array<std::string_view, 2> tunelab::enum_names<hook_test::Colour> = {"red", "green"};

using namespace tunelab;
using namespace tunelab::ui;
using hook_test::Colour;

namespace {

json::Value parse(const std::string& text) {
    json::ParseResult parsed = json::parse(text);
    REQUIRE(parsed.ok());
    return parsed.value;
}

// A small table of its own, to see the dispatcher and the readers without any area's commands.
int reached = 0;

json::Value echo_speed(AppState&, const hook::Request& request) {
    const std::optional<double> speed = request.number("speed", "\"speed\" must be 1 to 5", 1, 5);
    const std::optional<int> run = request.integer("run", "\"run\" must be 0 or 1", 0, 1);
    const std::optional<bool> flag = request.boolean("flag", "\"flag\" must be true or false");
    const std::optional<Colour> colour = request.choice<Colour>("colour", "\"colour\" must be red or green");
    reached++;
    return json::Object{{"speed", speed.value_or(-1)}, {"run", run.value_or(-1)}, {"flag", flag.value_or(false)},
                        {"colour", colour ? std::string(name(*colour)) : "none"}};
}

json::Value refuse_with_issues(AppState&, const hook::Request&) {
    throw hook::Refusal("refused settings", {{"lr.lr", "is 0"}, {"batch", "is 0"}});
}

constexpr hook::Command kTestCommands[] = {{"test.echo", echo_speed}, {"test.refuse", refuse_with_issues}};

json::Value call(AppState& app, const std::string& text) { return hook::dispatch(app, parse(text), {kTestCommands}); }

}  // namespace

TEST_CASE("hook: a command is found by name in its table and its fields are read by kind") {
    AppState app;
    reached = 0;
    const json::Value answer = call(app, R"({"cmd":"test.echo","speed":3,"run":1,"flag":true,"colour":"green"})");
    CHECK(answer == parse(R"({"speed":3,"run":1,"flag":true,"colour":"green"})"));
    CHECK(call(app, R"({"cmd":"test.echo"})") == parse(R"({"speed":-1,"run":-1,"flag":false,"colour":"none"})"));
    CHECK(reached == 2);
}

TEST_CASE("hook: a field of the wrong kind is refused with the command's name, and the handler goes no further") {
    AppState app;
    reached = 0;
    CHECK(call(app, R"({"cmd":"test.echo","speed":9})") == parse(R"({"error":"test.echo: \"speed\" must be 1 to 5"})"));
    CHECK(call(app, R"({"cmd":"test.echo","speed":"fast"})").find("error"));
    CHECK(call(app, R"({"cmd":"test.echo","run":0.5})") == parse(R"({"error":"test.echo: \"run\" must be 0 or 1"})"));
    CHECK(call(app, R"({"cmd":"test.echo","flag":1})").find("error"));
    CHECK(call(app, R"({"cmd":"test.echo","colour":"blue"})") ==
          parse(R"({"error":"test.echo: \"colour\" must be red or green"})"));
    CHECK(reached == 0);
}

TEST_CASE("hook: refusals carry their issues; unknown and malformed requests are answered, not thrown") {
    AppState app;
    CHECK(call(app, R"({"cmd":"test.refuse"})") ==
          parse(R"({"error":"test.refuse: refused settings","issues":[{"field":"lr.lr","message":"is 0"},
                                                                      {"field":"batch","message":"is 0"}]})"));
    CHECK(call(app, R"({"cmd":"no.such"})") == parse(R"({"error":"unknown command 'no.such'"})"));
    CHECK(call(app, R"({"command":"test.echo"})") == parse(R"({"error":"request needs a string field \"cmd\""})"));
    CHECK(call(app, R"({"cmd":7})").find("error"));
}

TEST_CASE("hook: every area's command is reachable through handle_command under one name only") {
    std::set<std::string> names;
    int count = 0;
    for (std::span<const hook::Command> table : {lab_commands(), arena_commands(), lesson_commands(), session_commands()})
        for (const hook::Command& command : table) {
            names.insert(command.name);
            count++;
            AppState app;
            // An empty request of each name reaches its handler: it answers, and never "unknown command".
            const json::Value answer = handle_command(app, json::Object{{"cmd", command.name}});
            const json::Value* error = answer.find("error");
            CHECK_MESSAGE((!error || error->as_string().find("unknown command") == std::string::npos), command.name);
        }
    CHECK(int(names.size()) == count);
    CHECK(count >= 30);
}
