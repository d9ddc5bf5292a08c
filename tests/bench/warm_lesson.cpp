// The warm-start lesson's tasks over many seeds, for `tools/tunelab bench search`: each later step of
// the lesson "warm_start" (lesson_catalogue.cpp) is set up as the lesson sets it up (the earlier race
// on the small spiral, raced to its end), then its cold-and-warm race runs over SEEDS seeds instead of
// the lesson's five. One JSON line per step: {step, data, target_error, budget, cold: [trials per
// seed], warm: [...]}, where a seed that never reached the target counts its budget + 1, as the
// lesson's figures do.
//
//   bench-warm-lesson [SEEDS]   (default 10; at most 10 per race, so more run as further races)
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <string>

#include "ui/app.h"
#include "ui/arena/arena_summary.h"
#include "ui/lessons/lessons.h"

using namespace tunelab;
using namespace tunelab::ui;

namespace {

json::Value call(AppState& app, const json::Value& request) {
    json::Value answer = handle_command(app, request);
    if (answer.find("error")) {
        std::fprintf(stderr, "bench-warm-lesson: %s refused: %s\n", request.dump().c_str(), answer.dump().c_str());
        std::exit(1);
    }
    return answer;
}
json::Value call(AppState& app, const char* request) { return call(app, json::parse(request).value); }

int trials_to(const Racer& racer, double error) {
    const int n = trials_to_reach(racer.runner->study().best_so_far(), error + 1e-12, tune::Direction::minimize);
    return n > 0 ? n : racer.runner->budget() + 1;
}

}  // namespace

int main(int argc, char** argv) {
    const int seeds = argc > 1 ? std::atoi(argv[1]) : 10;
    AppState app;
    app.lab.data_config.data_dir = TUNELAB_ASSETS_DIR "/data";
    app.tr.language = Language::english;
    call(app, R"({"cmd":"lesson.open","id":"warm_start"})");
    // Step 0 races the earlier study only; each later step reuses it.
    for (int step = 1; !handle_command(app, json::parse(R"({"cmd":"lesson.next"})").value).find("error"); ++step) {
        json::Array cold, warm;
        const double target = step == 2 ? kWarmMoonsError : kWarmSpiralError;
        std::string data;
        for (int first = 1; first <= seeds; first += 10) {
            call(app, R"({"cmd":"lesson.setup"})");
            const int repeats = std::min(10, seeds - first + 1);
            call(app, R"({"cmd":"arena.reuse"})");
            call(app, json::Object{{"cmd", "arena.set"}, {"seed", first}, {"repeats", repeats}, {"pace", 0}});
            call(app, R"({"cmd":"arena.start"})");
            call(app, R"({"cmd":"arena.finish"})");
            data = std::string(name(app.arena.raced_data.kind)) + " " + std::to_string(app.arena.raced_data.size) + " (" +
                   std::string(name(app.arena.raced_run.optimizer.kind)) + "), earlier: spiral 200 (" +
                   (step == 3 ? "adam" : "sgd") + ")";
            for (const Racer& r : app.arena.racers) {
                if (r.strategy == "bo_ei") cold.push_back(trials_to(r, target));
                if (r.strategy == "bo_ei_warm") warm.push_back(trials_to(r, target));
            }
        }
        std::printf("%s\n", json::Value(json::Object{{"step", step + 1}, {"data", data}, {"target_error", target},
                                                      {"budget", app.arena.raced.trials}, {"cold", cold}, {"warm", warm}})
                                .dump()
                                .c_str());
    }
    return 0;
}
