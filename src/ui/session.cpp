#include "ui/session.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <string>

#include "core/base64.h"
#include "core/settings_json.h"
#include "core/validate.h"
#include "tune/export_python.h"
#include "tune/mlp_objective.h"
#include "tune/strategy.h"
#include "ui/app.h"
#include "ui/share_link.h"
#include "ui/arena/arena_resume.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/widgets.h"

namespace tunelab::ui {
namespace {

constexpr int kSessionVersion = 1;
constexpr std::string_view kBase64Prefix = "v1.";  // links of the first version (decode_base64_hash)

// -------------------------------------------------------------------------------- reading helpers

// Refuses any member of `object` not in `known`: a misspelt field must not pass silently.
void refuse_unknown(std::vector<Issue>& issues, const json::Value& object, const std::string& prefix,
                    std::initializer_list<std::string_view> known) {
    for (const auto& [key, value] : object.as_object())
        if (std::find(known.begin(), known.end(), key) == known.end()) issues.push_back({prefix + key, "unknown setting"});
}

// The lab's part of a session, read onto `defaults` (a fresh lab's settings). All-or-nothing: the
// data is prepared and each run validated against it before anything is returned.
struct LabDocument {
    DataConfig data;
    std::array<TrainConfig, 2> runs;
    bool compare = false;
};

LabDocument read_lab(const json::Value& lab, const LabState& defaults, std::vector<Issue>& issues) {
    LabDocument out{defaults.data_config, {defaults.runs[0].config, defaults.runs[1].config}, false};
    if (!lab.is_object()) {
        issues.push_back({"lab", "must be an object"});
        return out;
    }
    refuse_unknown(issues, lab, "lab.", {"data", "runs", "compare"});
    if (const json::Value* data = lab.find("data")) add_issues(issues, "lab.data.", update_from_json(out.data, *data));
    add_issues(issues, "lab.data.", validate(out.data));
    if (const json::Value* compare = lab.find("compare")) {
        if (compare->is_bool()) out.compare = compare->as_bool();
        else issues.push_back({"lab.compare", "must be true or false"});
    }
    if (!issues.empty()) return out;
    DataResult prepared = prepare_data(out.data);
    if (!prepared.data) {
        add_issues(issues, "lab.data.", prepared.issues);
        return out;
    }
    // A run the document leaves out gets the output and loss that suit its data, as in a fresh lab.
    for (TrainConfig& run : out.runs) fit_output_to_task(run.model, prepared.data->info);
    if (const json::Value* runs = lab.find("runs")) {
        if (!runs->is_array() || runs->as_array().size() > 2) {
            issues.push_back({"lab.runs", "must be a list of at most 2 runs"});
            return out;
        }
        for (size_t i = 0; i < runs->as_array().size(); ++i)
            add_issues(issues, "lab.runs[" + std::to_string(i) + "].", update_from_json(out.runs[i], runs->as_array()[i]));
    }
    for (size_t i = 0; i < out.runs.size() && issues.empty(); ++i)
        add_issues(issues, "lab.runs[" + std::to_string(i) + "].", validate(out.runs[i], prepared.data->info));
    return out;
}

void apply_lab(LabState& lab, LabDocument document) {
    lab.data_config = std::move(document.data);
    refresh_data(lab);  // prepares the data and drops any trainer
    for (size_t i = 0; i < lab.runs.size(); ++i) {
        lab.runs[i].config = document.runs[i];
        lab.runs[i].issues.clear();  // read_lab validated both against this data
    }
    lab.compare = document.compare;
    lab.editing = 0;
    lab.ghost.reset();
}

void raise_notice(AppState& app, const char* headline, std::vector<Issue> issues) {
    app.session.notice = headline;
    app.session.notice_detail = describe(issues);
    app.session.notice_issues = std::move(issues);
    app.session.notice_open = true;
}

// Applies a document, or loads the defaults and says why the document was refused.
bool apply_or_default(AppState& app, const json::Value& document, const char* headline) {
    std::vector<Issue> issues = session_from_json(app, document);
    if (issues.empty()) return true;
    reset_to_defaults(app);
    raise_notice(app, headline, std::move(issues));
    return false;
}

constexpr const char* kLinkRefused = tr_key("This shared link could not be opened, so the default settings were loaded.");
constexpr const char* kSavedRefused = tr_key("The saved session could not be restored, so the default settings were loaded.");

// ----------------------------------------------------------------------------------------- exports

json::Value lab_results(const AppState& app) { return lab_status_json(app.lab, app.tr); }

// CSV text of a cell: numbers in their shortest exact form, text quoted when it needs it.
std::string csv_cell(const json::Value& value) {
    if (value.is_number()) return json::format_number(value.as_number());
    if (!value.is_string()) return value.dump();
    const std::string& text = value.as_string();
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

// One row per epoch of every run that trained: the run's name, then the lab's own epoch record.
std::string runs_csv(const json::Value& results) {
    std::string out;
    for (const json::Value& run : results.find("runs")->as_array()) {
        const json::Value* history = run.find("history");
        if (!history) continue;
        for (const json::Value& record : history->as_array()) {
            if (out.empty()) {
                out = "run";
                for (const auto& [key, value] : record.as_object()) out += "," + key;
                out += "\n";
            }
            out += csv_cell(*run.find("name"));
            for (const auto& [key, value] : record.as_object()) out += "," + csv_cell(value);
            out += "\n";
        }
    }
    return out.empty() ? "run\n" : out;
}

// What the Python export reproduces: the arena's race on the lab's network when there is one (its
// data and network as they were at its start, the first strategy raced, its budget, epochs, score
// and a warm start's earlier trials); else the space TuneLab's MLP objective tunes by default, around
// the lab's run A.
struct PythonExport {
    const DataConfig& data;
    TrainConfig run;
    tune::PythonSearch search;
};

PythonExport python_export(const AppState& app) {
    const ArenaState& arena = app.arena;
    if (arena.objective && is_network(arena.raced) && !arena.raced.strategies.empty()) {
        const std::string& strategy = arena.raced.strategies.front();
        PythonExport out{arena.raced_data, tune::strategy_training(strategy, arena.raced_run),
                         {arena.objective->space(), tune::python_sampler(strategy), arena.raced.trials, arena.objective->max_epochs(),
                          arena.raced.metric == "val_accuracy" ? tune::MlpScore::validation_error : tune::MlpScore::validation_loss}};
        for (const Racer& racer : arena.racers)  // a warm strategy's earlier trials go with it
            if (racer.strategy == strategy) {
                out.search.earlier = racer.runner->study().warm_start();
                break;
            }
        return out;
    }
    const TrainConfig& run = app.lab.runs[size_t(edited_run(app.lab))].config;  // the run on the panels
    return {app.lab.data_config, run, tune::default_python_search(run)};
}

// Every racer's trials, one CSV block per racer under a "# strategy (seed)" line.
std::string race_csv(const ArenaState& arena) {
    std::string out;
    for (const Racer& racer : arena.racers) out += racer.runner->study().to_csv_block(racer.strategy);
    return out;
}

}  // namespace

// --------------------------------------------------------------------------------------- document

json::Value session_to_json(const AppState& app) {
    const LabState& lab = app.lab;
    json::Value document = json::Object{
        {"version", kSessionVersion},
        {"language", name(app.tr.language)},
        {"page", name(app.page)},
        {"lab", json::Object{{"data", to_json(lab.data_config)},
                             {"runs", json::Array{to_json(lab.runs[0].config), to_json(lab.runs[1].config)}},
                             {"compare", lab.compare}}},
        {"arena", arena_setup_to_json(app.arena.setup)},
    };
    return document;
}

json::Value saved_session_to_json(const AppState& app) {
    json::Value document = session_to_json(app);
    if (json::Value race = race_to_json(app.arena); !race.is_null()) document["race"] = std::move(race);
    return document;
}

std::string saved_session_text(const std::string& settings_text, const std::string& race_text) {
    if (race_text.empty() || race_text == "null") return settings_text;
    // The settings document is an object ending in '}': the race joins it as its last member.
    return settings_text.substr(0, settings_text.size() - 1) + ",\"race\":" + race_text + "}";
}

std::vector<Issue> session_from_json(AppState& app, const json::Value& document) {
    std::vector<Issue> issues;
    if (!document.is_object()) return {{"session", "must be a JSON object"}};
    refuse_unknown(issues, document, "", {"version", "language", "page", "lab", "arena"});
    if (const json::Value* version = document.find("version"); version && !(*version == json::Value(kSessionVersion)))
        issues.push_back({"version", "must be 1 (this TuneLab reads version 1 sessions)"});
    Language language = app.tr.language;
    if (const json::Value* value = document.find("language")) {
        const std::optional<Language> named = value->is_string() ? parse_enum<Language>(value->as_string()) : std::nullopt;
        if (named) language = *named;
        else issues.push_back({"language", "must be \"zh\" or \"en\""});
    }
    Page page = Page::lab;
    if (const json::Value* value = document.find("page")) {
        const std::optional<Page> named = value->is_string() ? parse_enum<Page>(value->as_string()) : std::nullopt;
        if (named) page = *named;
        else issues.push_back({"page", "must be \"lab\", \"arena\" or \"lessons\""});
    }
    if (!issues.empty()) return issues;
    LabState defaults;  // a fresh lab's settings: what a document's absent fields mean
    defaults.data_config.data_dir = app.lab.data_config.data_dir;
    LabDocument lab{defaults.data_config, {defaults.runs[0].config, defaults.runs[1].config}, false};
    if (const json::Value* value = document.find("lab")) lab = read_lab(*value, defaults, issues);
    ArenaSetup arena;  // arena_setup_from_json is all-or-nothing and validates the whole set-up
    if (const json::Value* value = document.find("arena")) add_issues(issues, "arena.", arena_setup_from_json(arena, *value));
    if (!issues.empty()) return issues;

    app.tr.language = language;
    app.page = page;
    app.page_requested = page;
    apply_lab(app.lab, std::move(lab));
    app.arena.setup = std::move(arena);
    app.arena.issues.clear();
    return {};
}

void reset_to_defaults(AppState& app) {
    const std::string data_dir = app.lab.data_config.data_dir;
    app.lab = LabState();
    app.lab.data_config.data_dir = data_dir;
    app.arena.setup = ArenaSetup();
    app.arena.issues.clear();
    app.page = Page::lab;
    app.page_requested = Page::lab;
}

// ------------------------------------------------------------------------------------------- hash

namespace {

// A fresh app's document: what a link's absent settings mean.
const json::Value& default_document() {
    static const json::Value defaults = session_to_json(AppState());
    return defaults;
}

// What a link carries of a document: never the learner's CSV data (a link would grow to the size of
// the file and hand it to whoever receives it; the share menu says so).
json::Value without_csv_data(json::Value document) {
    const json::Value* lab = document.find("lab");
    if (!lab || !lab->find("data") || !lab->find("data")->is_object()) return document;
    std::erase_if(document["lab"]["data"].as_object(), [](const auto& field) {
        return field.first == "csv_text" && field.second.is_string() && !field.second.as_string().empty();
    });
    return document;
}

// The first version of links: "v1." + base64url of the JSON document (what differed from the
// defaults, the runs whole). Links made then still open.
DecodedHash decode_base64_hash(std::string_view encoded) {
    auto refused = [](std::string message) { return DecodedHash{std::nullopt, {{"link", std::move(message)}}}; };
    std::optional<std::string> text = base64url_decode(encoded);
    if (!text) return refused("the link holds characters that are not base64url: it was cut or altered");
    json::ParseResult parsed = json::parse(*text);
    if (!parsed.ok()) return refused("the link's settings are not valid JSON: " + parsed.error);
    if (!parsed.value.is_object()) return refused("the link's settings are not a JSON object");
    return {std::move(parsed.value), {}};
}

}  // namespace

std::string encode_hash(const json::Value& document) {
    return link_text(without_csv_data(document), default_document());
}

DecodedHash decode_hash(std::string_view hash) {
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    if (hash.size() > kMaxHashLength)
        return {std::nullopt, {{"link", "the link is " + std::to_string(hash.size()) + " characters long; at most " +
                                            std::to_string(kMaxHashLength) + " are read"}}};
    if (hash.starts_with(kBase64Prefix)) return decode_base64_hash(hash.substr(kBase64Prefix.size()));
    DecodedHash decoded;
    decoded.document = read_link_text(hash, default_document(), decoded.issues);
    return decoded;
}

std::string DecodedHash::error() const { return describe(issues); }

bool open_shared_hash(AppState& app, std::string_view hash) {
    if (hash.empty() || hash == "#") return false;
    DecodedHash decoded = decode_hash(hash);
    std::vector<Issue> issues = decoded.document ? session_from_json(app, *decoded.document) : std::move(decoded.issues);
    if (issues.empty()) return true;
    for (Issue& issue : issues) issue.field = link_name(issue.field);  // as the link names the setting
    reset_to_defaults(app);
    raise_notice(app, kLinkRefused, std::move(issues));
    return false;
}

bool link_matches_saved(std::string_view hash, std::string_view saved) {
    DecodedHash decoded = decode_hash(hash);
    json::ParseResult parsed = json::parse(saved);
    if (!decoded.document || !parsed.ok() || !parsed.value.is_object()) return false;
    std::erase_if(parsed.value.as_object(), [](const auto& member) { return member.first == "race"; });
    return encode_hash(*decoded.document) == encode_hash(parsed.value);  // both in the link's one canonical form
}

bool restore_saved_session(AppState& app, std::string_view text) {
    json::ParseResult parsed = json::parse(text);
    if (!parsed.ok()) {
        raise_notice(app, kSavedRefused, {{"session", "not valid JSON: " + parsed.error}});
        return false;
    }
    // The race is rebuilt on the settings the rest of the document restores (its objective may be
    // the lab's network), so it is read last; refusing it refuses the whole saved session.
    json::Value race;
    if (parsed.value.is_object())
        std::erase_if(parsed.value.as_object(), [&](auto& member) {
            if (member.first != "race") return false;
            race = std::move(member.second);
            return true;
        });
    if (!apply_or_default(app, parsed.value, kSavedRefused)) return false;
    if (race.is_null()) return true;
    std::vector<Issue> issues = restore_race(app, race);
    if (issues.empty()) return true;
    reset_to_defaults(app);
    raise_notice(app, kSavedRefused, std::move(issues));
    return false;
}

void note_kept_aside(SessionState& session, std::string where) {
    session.notice_detail += "; " + where;
    session.notice_issues.push_back({"session", std::move(where)});
}

// ----------------------------------------------------------------------------------------- export

std::optional<Export> make_export(AppState& app, std::string_view what) {
    if (what == "csv") return Export{"tunelab-runs.csv", "text/csv", runs_csv(lab_results(app))};
    if (what == "trials_csv") return Export{"tunelab-trials.csv", "text/csv", race_csv(app.arena)};
    if (what == "json") {
        json::Value studies = json::Array{};
        for (const Racer& racer : app.arena.racers)
            studies.push_back(json::Object{{"strategy", racer.strategy}, {"study", racer.runner->study().to_json()}});
        json::Value document = json::Object{{"session", session_to_json(app)}, {"results", lab_results(app)},
                                            {"arena_studies", std::move(studies)}};
        return Export{"tunelab-session.json", "application/json", document.dump(2) + "\n"};
    }
    if (what == "python") {
        const PythonExport e = python_export(app);
        return Export{"tunelab_search.py", "text/x-python", tune::export_python(e.data, e.run, &e.search, app.lab.csv_name)};
    }
    return std::nullopt;
}

// --------------------------------------------------------------------------------------------- UI

namespace {

// Each refusal in the learner's language; the field stays as the link or the file spells it.
std::vector<std::string> notice_lines(const AppState& app) {
    std::vector<std::string> lines;
    for (const Issue& issue : app.session.notice_issues) lines.push_back(issue.field + ": " + app.tr.issue(issue.message));
    return lines;
}

void request_download(AppState& app, std::string_view what) {
    std::optional<Export> result = make_export(app, what);
    app.session.download_name = result->file_name;
    app.session.download_mime = result->mime;
    app.session.download_text = std::move(result->text);
    app.session.download_requested = true;
}

void draw_notice(AppState& app) {
    const Translator& tr = app.tr;
    SessionState& session = app.session;
    const std::string title = tr.label("Notice");
    if (session.notice_open) {
        ImGui::OpenPopup(title.c_str());
        session.notice_open = false;
    }
    ImGui::SetNextWindowSize(ImVec2(std::min(560.0f, ImGui::GetMainViewport()->WorkSize.x - 20), 0));
    session.notice_shown = ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings);
    if (session.notice_shown) {
        wrapped_text(tr(session.notice.c_str()));
        ImGui::Spacing();
        ImGui::TextDisabled("%s", tr("Reason:"));
        for (const std::string& line : notice_lines(app)) wrapped_text(line, 0, true);
        if (controls::named("session.notice_ok", ImGui::Button(tr.label("OK").c_str(), ImVec2(120, 0)))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace

void draw_session_menu(AppState& app) {
    const Translator& tr = app.tr;
    if (controls::named("tab.session", ImGui::TabItemButton(tr.label("Share / Save / Export").c_str())) || app.session.menu_requested)
        ImGui::OpenPopup("##session menu");
    app.session.menu_requested = false;
    const ImVec2 under_tab(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y);
    tooltip(tr("Share this configuration as a link, export the results, or take it to PyTorch."));
    // Anchored under its tab every frame: the tab bar places its tabs a frame late.
    ImGui::SetNextWindowPos(under_tab, ImGuiCond_Always);
    if (ImGui::BeginPopup("##session menu")) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
        ImGui::TextDisabled("%s", tr("The page address always holds this configuration, seed included: "
                                     "opening the link reproduces the same run."));
        if (controls::named("session.copy_link", ImGui::Selectable(tr.label("Copy share link").c_str()))) {
            ImGui::SetClipboardText(encode_hash(session_to_json(app)).c_str());
            app.session.copy_link_requested = true;
        }
        if (app.lab.data_config.kind == DatasetKind::csv && !app.lab.data_config.csv_text.empty())
            ImGui::TextDisabled("%s", tr("The link leaves your CSV data out: whoever opens it loads the file again. "
                                         "The saved session keeps it."));
        ImGui::Separator();
        if (controls::named("session.export_csv", ImGui::Selectable(tr.label("Export results as CSV").c_str())))
            request_download(app, "csv");
        ImGui::BeginDisabled(app.arena.racers.empty());
        if (controls::named("session.export_trials_csv", ImGui::Selectable(tr.label("Export the arena's trials as CSV").c_str())))
            request_download(app, "trials_csv");
        ImGui::EndDisabled();
        if (controls::named("session.export_json", ImGui::Selectable(tr.label("Export session and results as JSON").c_str())))
            request_download(app, "json");
        if (controls::named("session.export_python", ImGui::Selectable(tr.label("Export as Python (PyTorch + Optuna)").c_str())))
            request_download(app, "python");
        tooltip(tr("A ready-to-run script with the same data, network, optimizer and schedule, and an Optuna "
                   "search around it: take what you learned here to real training."));
        ImGui::Separator();
        if (controls::named("session.reset", ImGui::Selectable(tr.label("Reset everything to defaults").c_str()))) reset_to_defaults(app);
        ImGui::TextDisabled("%s", tr("Settings are saved automatically and restored when you come back."));
        ImGui::Separator();
        controls::named("session.frame_time", ImGui::Checkbox(tr.label("Show frame time (for developers)").c_str(), &app.show_frame_time));
        if (!app.session.last_saved_path.empty()) ImGui::TextDisabled("%s %s", tr("Last export:"), app.session.last_saved_path.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndPopup();
    }
    draw_notice(app);
}

// -------------------------------------------------------------------------------------------- hook

namespace {

json::Value session_set(AppState& app, const hook::Request& request) {
    const json::Value* document = request.find("document");
    if (!document) throw hook::Refusal("\"document\" is missing");
    std::vector<Issue> issues = session_from_json(app, *document);
    if (!issues.empty()) throw hook::Refusal("refused", std::move(issues));
    return hook::ok();
}

json::Value session_open_hash(AppState& app, const hook::Request& request) {
    constexpr const char* kMust = "\"hash\" must be a string";
    const std::optional<std::string> hash = request.text("hash", kMust);
    if (!hash) throw hook::Refusal(kMust);
    const bool applied = open_shared_hash(app, *hash);
    return json::Object{{"ok", true}, {"applied", applied}};
}

json::Value session_export(AppState& app, const hook::Request& request) {
    const json::Value* what = request.find("what");
    std::optional<Export> result = what && what->is_string() ? make_export(app, what->as_string()) : std::nullopt;
    if (!result) throw hook::Refusal("\"what\" must be \"csv\", \"trials_csv\", \"json\" or \"python\"");
    if (request.find("download") && *request.find("download") == json::Value(true)) request_download(app, what->as_string());
    return json::Object{{"file_name", result->file_name}, {"mime", result->mime}, {"text", result->text}};
}

json::Value session_status(AppState& app, const hook::Request&) {
    json::Array lines;
    for (std::string& line : notice_lines(app)) lines.push_back(std::move(line));
    return json::Object{{"notice", app.session.notice}, {"notice_text", app.tr(app.session.notice.c_str())},
                        {"notice_detail", app.session.notice_detail}, {"notice_lines", std::move(lines)},
                        {"notice_shown", app.session.notice_shown}};
}

constexpr hook::Command kCommands[] = {
    {"session.get", [](AppState& app, const hook::Request&) { return session_to_json(app); }},
    {"session.set", session_set},
    {"session.hash",
     [](AppState& app, const hook::Request&) {
         return json::Value(json::Object{{"hash", encode_hash(session_to_json(app))}});
     }},
    {"session.open_hash", session_open_hash},
    {"session.export", session_export},
    {"session.menu",
     [](AppState& app, const hook::Request&) {
         app.session.menu_requested = true;
         return hook::ok();
     }},
    {"session.status", session_status},
};

}  // namespace

std::span<const hook::Command> session_commands() { return kCommands; }

}  // namespace tunelab::ui
