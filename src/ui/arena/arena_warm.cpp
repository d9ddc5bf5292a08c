// Warm-starting in the arena: the earlier trials' forms (a race's studies, a study file, the set-up's
// flat rows), the set-up panel's section and the hook commands.
#include "ui/arena/arena_warm.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "core/limits.h"
#include "tune/strategy.h"
#include "ui/app.h"
#include "ui/arena/arena.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/widgets.h"

namespace tunelab::ui {

tune::Study warm_study(const WarmStart& warm, const tune::Space& space) {
    if (warm.params.size() != space.size()) throw std::invalid_argument("the earlier trials set other parameters");
    tune::Study study(space);
    const size_t row = space.size() + 1;
    for (size_t at = 0; at + row <= warm.points.size(); at += row) {
        tune::Values params(warm.points.begin() + long(at), warm.points.begin() + long(at + space.size()));
        for (size_t i = 0; i < space.size(); ++i)
            if (!space.holds(i, params[i]))
                throw std::invalid_argument("earlier trial " + std::to_string(at / row + 1) + " sets " + space.params()[i].name +
                                            " = " + json::format_number(params[i]) +
                                            ", outside this race's range: reuse trials of a race over the same ranges");
        const int number = study.start(tune::Proposal(std::move(params))).number;
        study.tell(number, tune::TrialStatus::complete, warm.points[at + space.size()]);
    }
    return study;
}

WarmStart warm_start_of(const std::vector<const tune::Study*>& earlier, const std::string& source, const std::string& score) {
    WarmStart warm{source, score, {}, {}};
    if (earlier.empty()) throw std::invalid_argument("there are no earlier trials to start from");
    const tune::Space& space = earlier.front()->space();
    for (const tune::Param& p : space.params()) warm.params.push_back(p.name);
    double worst = -INFINITY;
    for (const tune::Study* study : earlier)
        for (const tune::Trial& t : study->trials())
            if (t.finished()) worst = std::max(worst, study->loss(*t.value));
    if (!std::isfinite(worst)) throw std::invalid_argument("the earlier study has no finished trial to start from");
    for (const tune::Study* study : earlier) {
        if (study->direction() != tune::Direction::minimize)
            throw std::invalid_argument("the earlier study maximizes its value; a race minimizes: their values cannot be compared");
        for (const tune::Trial& t : study->trials()) {
            if (!t.finished() && t.status != tune::TrialStatus::diverged) continue;
            if (std::any_of(t.params.begin(), t.params.end(), [](double v) { return !tune::is_active(v); }))
                throw std::invalid_argument("the earlier study's space has conditional parameters, which a race's has not");
            warm.points.insert(warm.points.end(), t.params.begin(), t.params.end());
            warm.points.push_back(t.finished() ? *t.value : worst);
        }
    }
    if (warm.trials() > limits::kMaxWarmTrials)
        throw std::invalid_argument("the earlier study has " + std::to_string(warm.trials()) +
                                    " finished trials; a warm start takes at most " +
                                    std::to_string(limits::kMaxWarmTrials));
    return warm;
}

void use_warm_start(ArenaSetup& s, WarmStart warm) {
    s.warm = std::move(warm);
    const auto has = [&](const char* name) { return std::find(s.strategies.begin(), s.strategies.end(), name) != s.strategies.end(); };
    const auto& table = tune::strategies();
    if (std::none_of(table.begin(), table.end(), [&](const tune::Strategy& twin) { return twin.cold && has(twin.cold); }))
        s.strategies.push_back("bo_ei");
    for (const tune::Strategy& twin : table)
        if (twin.cold && has(twin.cold) && !has(twin.name))
            s.strategies.insert(std::find(s.strategies.begin(), s.strategies.end(), twin.cold) + 1, twin.name);
}

void forget_warm_start(ArenaSetup& s) {
    s.warm = WarmStart{};
    std::erase_if(s.strategies, [](const std::string& name) { return tune::find_strategy(name) && tune::find_strategy(name)->cold; });
}

std::string load_warm_study(ArenaSetup& s, const std::string& file_name, const std::string& text) {
    if (text.size() > limits::kMaxJsonBytes) return "the file is larger than " + std::to_string(limits::kMaxJsonBytes) + " bytes";
    const json::ParseResult parsed = json::parse(text);
    if (!parsed.ok()) return "not a study file (JSON): " + parsed.error;
    try {
        const tune::Study earlier = tune::Study::from_json(parsed.value);
        // The race's own check first: the same space, one objective, the same direction.
        tune::Study(setup_space(s)).warm_start_from(earlier);
        use_warm_start(s, warm_start_of({&earlier}, file_name, race_score(s)));
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return {};
}

std::string reuse_race(ArenaState& arena) {
    if (arena.racers.empty() || !race_finished(arena)) return tr_key("Finish a race first: its trials are what a warm start reuses.");
    std::vector<const tune::Study*> first_seed;
    for (const Racer& racer : arena.racers)
        if (racer.repeat == 0) first_seed.push_back(&racer.runner->study());
    try {
        use_warm_start(arena.setup, warm_start_of(first_seed, "race", race_score(arena.raced)));
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    arena.issues = validate(arena.setup);
    return {};
}

bool load_study_text(ArenaState& arena, const std::string& file_name, const std::string& text) {
    arena.warm_error = load_warm_study(arena.setup, file_name, text);
    if (arena.warm_error.empty()) arena.issues = validate(arena.setup);
    return arena.warm_error.empty();
}

namespace {

// The set-up's or the strategies' refusals that concern the warm start, translated.
void warm_issues(const ArenaSetup& s, const std::vector<Issue>& issues, const Translator& tr) {
    for (const Issue& issue : issues) {
        const bool warm_field = issue.field.rfind("warm_start", 0) == 0;
        const bool warm_strategy = issue.field.rfind("strategies[", 0) == 0 &&
                                   [&] {
                                       const size_t i = size_t(std::atoi(issue.field.c_str() + 11));
                                       return i < s.strategies.size() && tune::find_strategy(s.strategies[i]) &&
                                              tune::find_strategy(s.strategies[i])->cold;
                                   }();
        if (warm_field || warm_strategy) field_issues({issue}, issue.field, tr);
    }
}

}  // namespace

void draw_reuse_button(AppState& app) {
    ArenaState& arena = app.arena;
    const Translator& tr = app.tr;
    if (arena.racers.empty() || !race_finished(arena)) return;
    same_line_if_fits(button_width(tr("Reuse this race's trials")));
    if (controls::named("arena.warm.reuse", ImGui::Button(tr.label("Reuse this race's trials").c_str())))
        arena.warm_error = reuse_race(arena);
    tooltip(tr("The finished race's trials on its first seed, every strategy's, become the earlier trials of a warm start (the set-up's "
               "Warm start section); the warm-started twins of its BO and TPE join the next race beside them. Change the data in the lab, "
               "then start the race."));
}

void draw_warm_start_section(AppState& app) {
    ArenaState& arena = app.arena;
    ArenaSetup& s = arena.setup;
    const Translator& tr = app.tr;
    controls::Section section{"arena.section.warm", tr.label("Warm start").c_str(), ImGuiTreeNodeFlags_DefaultOpen};
    if (!section) return;
    wrapped_text(tr("Start BO or TPE from the trials of an earlier study on the same hyperparameters, and race each against itself "
                    "started cold, from nothing, on the same budget."),
                 0, true);
    if (s.warm.empty()) {
        ImGui::TextDisabled("%s", tr("No earlier trials yet."));
    } else {
        char text[256];
        std::snprintf(text, sizeof text, tr("Earlier trials: %d, from %s."), s.warm.trials(),
                      s.warm.source == "race" ? tr("a race of this session") : s.warm.source.c_str());
        wrapped_text(text);
    }
    wrapped_text(tr("A finished race offers \"Reuse this race's trials\" beside ▶ Start race."), 0, true);
#ifdef __EMSCRIPTEN__
    if (controls::named("arena.warm.load", ImGui::Button(tr.label("Load a study file…").c_str()))) arena.warm_picker_requested = true;
#else
    ImGui::SetNextItemWidth(std::max(ImGui::GetContentRegionAvail().x - button_width(tr("Load study")) - 8, 80.0f));
    ImGui::InputTextWithHint("##studypath", tr("path/to/study.json"), &arena.warm_path);
    ImGui::SameLine();
    if (controls::named("arena.warm.load", ImGui::Button(tr.label("Load study").c_str()))) arena.warm_path_requested = true;
#endif
    tooltip(tr("A study saved by tunelab-cli study --save on the same hyperparameters and ranges as this race."));
    if (!s.warm.empty()) {
        same_line_if_fits(button_width(tr("Forget them")));
        if (controls::named("arena.warm.forget", ImGui::Button(tr.label("Forget them").c_str()))) {
            forget_warm_start(s);
            arena.warm_error.clear();
        }
    }
    if (!arena.warm_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.80f, 0.15f, 0.10f, 1));
        wrapped_text(tr.join(tr("▲ Refused, nothing changed:"), tr.issue(arena.warm_error)));
        ImGui::PopStyleColor();
    }
    for (const tune::Strategy& twin : tune::strategies()) {
        if (!twin.cold) continue;
        auto it = std::find(s.strategies.begin(), s.strategies.end(), twin.name);
        bool on = it != s.strategies.end();
        ImGui::BeginDisabled(s.warm.empty() && !on);
        if (controls::named(std::string("arena.strategy.") + twin.name, ImGui::Checkbox(arena_strategy_label(twin.name, tr), &on))) {
            if (on) s.strategies.push_back(twin.name);
            else s.strategies.erase(it);
        }
        ImGui::EndDisabled();
        tooltip(tr(twin.help));
    }
    warm_issues(s, arena.issues, tr);
}

namespace {

json::Value setup_answer(const ArenaState& arena) { return json::Object{{"ok", true}, {"setup", arena_setup_to_json(arena.setup)}}; }

json::Value arena_reuse(AppState& app, const hook::Request&) {
    const std::string refused = reuse_race(app.arena);
    if (!refused.empty()) throw hook::Refusal(refused);
    return setup_answer(app.arena);
}

json::Value arena_load_study(AppState& app, const hook::Request& request) {
    constexpr const char* kMust = "\"text\" must be the study file's contents";
    const std::optional<std::string> text = request.text("text", kMust);
    if (!text) throw hook::Refusal(kMust);
    const std::optional<std::string> file_name = request.text("name", "\"name\" must be the file's name");
    if (!load_study_text(app.arena, file_name.value_or("study.json"), *text)) throw hook::Refusal(app.arena.warm_error);
    return setup_answer(app.arena);
}

json::Value arena_forget_warm(AppState& app, const hook::Request&) {
    forget_warm_start(app.arena.setup);
    app.arena.warm_error.clear();
    return setup_answer(app.arena);
}

constexpr hook::Command kCommands[] = {
    {"arena.reuse", arena_reuse},
    {"arena.load_study", arena_load_study},
    {"arena.forget_warm", arena_forget_warm},
};

}  // namespace

std::span<const hook::Command> warm_commands() { return kCommands; }

}  // namespace tunelab::ui
