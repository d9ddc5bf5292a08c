// The race in the saved session, and the offer to resume it after a reload. The saved race is the
// raced set-up and each racer's study: samplers are pure functions of their study and a running
// trial is replayed from its own seed (tune::StudyRunner), so a restored race goes on exactly as the
// interrupted one would have.
#include "ui/arena/arena_resume.h"

#include <imgui.h>

#include <algorithm>
#include <stdexcept>

#include "core/settings_json.h"
#include "core/validate.h"
#include "ui/app.h"
#include "ui/arena/arena_pool.h"
#include "ui/widgets/widgets.h"

namespace tunelab::ui {
namespace {

// The lab's data and network a lab-objective race tuned, prepared again; issues when refused.
std::optional<PreparedData> read_raced_lab(const json::Value* lab, const std::string& data_dir, DataConfig& data,
                                           TrainConfig& run, std::vector<Issue>& issues) {
    if (!lab || !lab->is_object() || !lab->find("data") || !lab->find("run")) {
        issues.push_back({"race.lab", "a race on the lab's network needs its \"data\" and \"run\""});
        return std::nullopt;
    }
    data.data_dir = data_dir;
    add_issues(issues, "race.lab.data.", update_from_json(data, *lab->find("data")));
    if (issues.empty()) add_issues(issues, "race.lab.data.", validate(data));
    if (!issues.empty()) return std::nullopt;
    DataResult prepared = prepare_data(data);
    if (!prepared.data) {
        add_issues(issues, "race.lab.data.", prepared.issues);
        return std::nullopt;
    }
    add_issues(issues, "race.lab.run.", update_from_json(run, *lab->find("run")));
    if (issues.empty()) add_issues(issues, "race.lab.run.", validate(run, prepared.data->info));
    return std::move(prepared.data);
}

// One saved racer, checked against what the raced set-up would have built in its place.
std::optional<Racer> read_racer(const json::Value& saved, const ArenaSetup& raced, const std::string& strategy, int repeat,
                                const std::shared_ptr<const tune::Objective>& objective, const std::string& path,
                                std::vector<Issue>& issues) {
    const json::Value* name = saved.is_object() ? saved.find("strategy") : nullptr;
    const json::Value* number = saved.is_object() ? saved.find("repeat") : nullptr;
    const json::Value* study_json = saved.is_object() ? saved.find("study") : nullptr;
    if (!name || !(*name == json::Value(strategy)) || !number || !(*number == json::Value(repeat)) || !study_json) {
        issues.push_back({path, "must be {\"strategy\": \"" + strategy + "\", \"repeat\": " + std::to_string(repeat) +
                                    ", \"study\": {…}}, as the race's set-up orders its racers"});
        return std::nullopt;
    }
    try {
        tune::Study study = tune::Study::from_json(*study_json);
        if (!(tune::space_to_json(study.space()) == tune::space_to_json(objective->space())) ||
            study.direction() != objective->direction())
            throw std::invalid_argument("its search space is not the one the race's set-up tunes");
        if (study.seed() != uint64_t(raced.seed + repeat))
            throw std::invalid_argument("its seed is not the race's seed + " + std::to_string(repeat));
        if (study.next_number() > raced.trials)
            throw std::invalid_argument("it holds more trials than the race's " + std::to_string(raced.trials));
        return make_racer(raced, strategy, repeat, std::move(study), objective);
    } catch (const std::invalid_argument& e) {
        issues.push_back({path + ".study", e.what()});
        return std::nullopt;
    }
}

}  // namespace

json::Value race_to_json(const ArenaState& arena) {
    if (arena.racers.empty()) return nullptr;
    json::Array racers;
    for (const Racer& racer : arena.racers)
        racers.push_back(
            json::Object{{"strategy", racer.strategy}, {"repeat", racer.repeat}, {"study", racer.runner->study().to_json(true)}});
    json::Value race = json::Object{{"setup", arena_setup_to_json(arena.raced)}};
    if (is_network(arena.raced))
        race["lab"] = json::Object{{"data", to_json(arena.raced_data)}, {"run", to_json(arena.raced_run)}};
    race["racers"] = std::move(racers);
    return race;
}

std::vector<Issue> restore_race(AppState& app, const json::Value& race) {
    if (!race.is_object()) return {{"race", "must be an object"}};
    std::vector<Issue> issues;
    for (const auto& [key, value] : race.as_object())
        if (key != "setup" && key != "lab" && key != "racers") issues.push_back({"race." + key, "unknown setting"});
    ArenaSetup raced;
    if (const json::Value* setup = race.find("setup")) add_issues(issues, "race.setup.", arena_setup_from_json(raced, *setup));
    else issues.push_back({"race.setup", "is missing"});
    const json::Value* saved_racers = race.find("racers");
    const size_t count = raced.strategies.size() * size_t(raced.repeats);
    if (!saved_racers || !saved_racers->is_array() || saved_racers->as_array().size() != count)
        issues.push_back({"race.racers", "must list " + std::to_string(count) + " racers (strategies × repeats)"});
    if (!issues.empty()) return issues;

    DataConfig data;
    TrainConfig run;
    std::optional<PreparedData> lab_data;
    if (is_network(raced)) lab_data = read_raced_lab(race.find("lab"), app.lab.data_config.data_dir, data, run, issues);
    if (!issues.empty()) return issues;
    std::vector<std::shared_ptr<const tune::Objective>> objectives;
    try {
        objectives = make_race_objectives(raced, lab_data, run);
    } catch (const std::invalid_argument& e) {
        return {{"race.setup.objective", e.what()}};
    }
    std::vector<Racer> racers;
    for (size_t i = 0; i < count; ++i) {
        const int repeat = int(i % size_t(raced.repeats));
        std::optional<Racer> racer = read_racer(saved_racers->as_array()[i], raced, raced.strategies[i / size_t(raced.repeats)],
                                                repeat, objectives[size_t(repeat)], "race.racers[" + std::to_string(i) + "]", issues);
        if (racer) racers.push_back(std::move(*racer));
    }
    if (!issues.empty()) return issues;

    // A racer that has asked all its trials may be done: one step tells (Hyperband's sampler decides
    // whether a promotion is still due), exactly as that racer's next step would have.
    for (Racer& racer : racers)
        if (racer.runner->running() < 0 && racer.runner->study().next_number() >= raced.trials) racer.runner->step();
    ArenaState& arena = app.arena;
    show_race(arena, raced, objectives.front(), std::move(racers));
    arena.raced_data = std::move(data);
    arena.raced_run = std::move(run);
    // The race loop's invariant: every unfinished racer has finished `round` or `round + 1`
    // evaluations; a finished race ended at its longest racer's last round.
    int slowest = -1, longest = 0, restored = 0;
    for (const Racer& racer : arena.racers) {
        if (!racer.runner->finished()) slowest = slowest < 0 ? racer.told : std::min(slowest, racer.told);
        longest = std::max(longest, racer.told);
        for (const tune::Trial& t : racer.runner->study().trials()) restored += t.status != tune::TrialStatus::running;
    }
    arena.round = slowest >= 0 ? slowest : longest;
    if (!race_finished(arena)) arena.interrupted = Interruption{arena.round, restored};
    return {};
}

json::Value interruption_json(const ArenaState& arena) {
    if (!arena.interrupted) return nullptr;
    return json::Object{{"round", arena.interrupted->round}, {"restored_trials", arena.interrupted->restored_trials}};
}

void discard_race(ArenaState& arena) {
    forget_workers(arena);
    arena.racers.clear();
    arena.objective.reset();
    arena.racing = false;
    arena.round = 0;
    arena.interrupted.reset();
    arena.bayes_cache = {};
}

// A tinted box above the race controls: what happened, and the two ways on.
void draw_resume_banner(AppState& app) {
    ArenaState& arena = app.arena;
    if (!arena.interrupted) return;
    const Translator& tr = app.tr;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float padding = ImGui::GetStyle().FramePadding.x * 2;
    draw->ChannelsSplit(2);  // the text in front, its box (sized once the text is laid out) behind
    draw->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(start.x + padding, start.y + padding));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - padding);
    ImGui::TextWrapped(tr("A race was interrupted at round %d: %d finished trials were restored."), arena.interrupted->round,
                       arena.interrupted->restored_trials);
    ImGui::TextDisabled("%s",
                        tr("Resuming goes on exactly where it stopped: the same trials come out as if it had never been interrupted."));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(tr.label("Resume race").c_str())) resume_race(arena);
    ImGui::SameLine();
    if (ImGui::Button(tr.label("Discard").c_str())) discard_race(arena);
    tooltip(tr("Drops the restored race; its set-up stays, so you can start it again."));
    ImGui::EndGroup();
    const ImVec2 end(ImGui::GetContentRegionMax().x + ImGui::GetWindowPos().x, ImGui::GetItemRectMax().y + padding);
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(start, end, IM_COL32(255, 236, 179, 255), 4.0f);
    draw->AddRect(start, end, IM_COL32(214, 160, 30, 255), 4.0f);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(start.x, end.y + ImGui::GetStyle().ItemSpacing.y));
    ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace tunelab::ui
