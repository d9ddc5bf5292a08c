#include "targets.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "cli/commands.h"
#include "core/csv.h"
#include "core/dataset.h"
#include "core/json.h"
#include "core/settings_json.h"
#include "core/validate.h"
#include "tune/mlp_objective.h"
#include "tune/study.h"
#include "ui/app.h"
#include "ui/session.h"

namespace tunelab::fuzz {
namespace {

void require(bool holds, const char* rule) {
    if (holds) return;
    std::fprintf(stderr, "fuzz target rule broken: %s\n", rule);
    std::abort();
}

std::string_view text_of(const uint8_t* data, size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The first byte chooses among a target's variants; the rest is the input.
struct Split {
    uint8_t choice = 0;
    std::string_view text;
};
Split split(const uint8_t* data, size_t size) {
    if (size == 0) return {};
    return {data[0], text_of(data + 1, size - 1)};
}

// ---- csv: the learner's own data file, loaded and prepared for training
void csv(const uint8_t* data, size_t size) {
    const auto [choice, text] = split(data, size);
    const Task task = choice & 1 ? Task::regression : Task::classification;
    CsvError error;
    std::optional<CsvTable> table = parse_csv(text, error);
    require(table.has_value() == error.message.empty(), "parse_csv: a table or an error");
    CsvError header_error;
    const std::optional<std::vector<std::string>> header = parse_csv_header(text, header_error);
    require(!table || header == table->header, "parse_csv_header: the header of the table");
    const std::string target = table ? table->header[(choice >> 1) % table->header.size()] : "t";
    CsvLoad load = load_csv(text, target, task);
    require(load.data.has_value() != load.error.has_value(), "load_csv: data or an error, not both");
    if (!load.data) return;
    const RawData& raw = *load.data;
    require(raw.all.x.allFinite() && raw.all.y.allFinite(), "load_csv: finite features and targets");
    require(raw.all.samples() == int(raw.all.y.size()), "load_csv: one target per sample");
    if (task == Task::classification)
        require(raw.all.y.minCoeff() >= 0 && raw.all.y.maxCoeff() < float(raw.info.classes), "load_csv: class indices");
    DataConfig config;
    config.kind = DatasetKind::csv;
    config.csv_text = std::string(text);
    config.target_column = target;
    config.csv_task = task;
    config.validation_ratio = (choice >> 4) / 16.0 * 0.9;
    DataResult prepared = prepare_data(config);
    require(prepared.data.has_value() == prepared.issues.empty(), "prepare_data: data or issues");
}

// ---- json: the parser under every document; what it accepts writes and reads back the same
void json_text(const uint8_t* data, size_t size) {
    json::ParseResult parsed = json::parse(text_of(data, size));
    if (!parsed.ok()) return;
    for (int indent : {-1, 2}) {
        json::ParseResult again = json::parse(parsed.value.dump(indent));
        require(again.ok() && again.value == parsed.value, "json: dump() reads back as the same value");
    }
}

// ---- settings: DataConfig / TrainConfig from JSON (the test hook, links, sessions, objectives)
template <typename Config>
void settings_round_trip(const json::Value& document) {
    Config config;
    if (!update_from_json(config, document).empty()) return;
    const json::Value written = to_json(config);
    Config again;
    require(update_from_json(again, json::parse(written.dump()).value).empty(), "settings: written settings read back");
    require(to_json(again) == written, "settings: the same settings after a round trip");
}

void settings(const uint8_t* data, size_t size) {
    json::ParseResult parsed = json::parse(text_of(data, size));
    if (!parsed.ok()) return;
    settings_round_trip<DataConfig>(parsed.value);
    settings_round_trip<TrainConfig>(parsed.value);
    TrainConfig train;
    if (update_from_json(train, parsed.value).empty()) {
        DataInfo info;
        info.classes = 3;
        info.inputs = 4;
        info.train_size = 120;
        validate(train, info);
    }
    DataConfig config;
    if (update_from_json(config, parsed.value).empty()) validate(config);
}

// ---- session: a saved session (storage or the desktop's file) and a shared link's hash
void session(const uint8_t* data, size_t size) {
    const auto [choice, text] = split(data, size);
    ui::AppState app;
    app.lab.data_config.data_dir = TUNELAB_ASSETS_DIR "/data";
    if (choice & 1) {
        const ui::DecodedHash decoded = ui::decode_hash(text);
        require(decoded.document.has_value() == decoded.issues.empty(), "decode_hash: a document or its issues");
        const bool applied = ui::open_shared_hash(app, text);
        require(!applied || decoded.document, "open_shared_hash: applies only what decodes");
        if (applied) require(ui::decode_hash(ui::encode_hash(ui::session_to_json(app))).document.has_value(),
                             "the link of an opened link decodes");
    } else {
        if (ui::restore_saved_session(app, text)) {
            const std::string saved = ui::saved_session_to_json(app).dump();
            ui::AppState again;
            again.lab.data_config.data_dir = app.lab.data_config.data_dir;
            require(ui::restore_saved_session(again, saved), "a restored session's own save restores");
        }
    }
}

// ---- link: a shared link's hash alone (the session target opens it in an app, a hundred times slower):
// a readable link decodes to a document or to reasons, and the link of what it decodes to is itself,
// read the same; a first-version link (v1. + base64url of JSON) only decodes or is refused.
void link(const uint8_t* data, size_t size) {
    const std::string_view text = text_of(data, size);
    const ui::DecodedHash decoded = ui::decode_hash(text);
    require(decoded.document.has_value() == decoded.issues.empty(), "decode_hash: a document or its issues");
    if (!decoded.document || text.starts_with("v1.") || text.starts_with("#v1.")) return;
    const std::string canonical = ui::encode_hash(*decoded.document);
    const ui::DecodedHash again = ui::decode_hash(canonical);
    require(again.document == decoded.document, "a readable link's own link reads the same document");
    require(ui::encode_hash(*again.document) == canonical, "a readable link has one canonical form");
}

// ---- study: a saved study (--resume, a session's race); what loads saves and reloads the same
void study(const uint8_t* data, size_t size) {
    json::ParseResult parsed = json::parse(text_of(data, size));
    if (!parsed.ok()) return;
    std::optional<tune::Study> loaded;
    try {
        loaded = tune::Study::from_json(parsed.value);
    } catch (const std::invalid_argument&) {
        return;
    }
    const json::Value saved = loaded->to_json(true);  // with its spans: a saved race's timeline
    json::ParseResult reread = json::parse(saved.dump(1));
    require(reread.ok(), "a loaded study saves as valid JSON");
    try {
        require(tune::Study::from_json(reread.value).to_json(true) == saved, "a loaded study reloads the same");
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "%s\n", e.what());
        require(false, "a loaded study's own save reloads");
    }
}

// ---- space: a search-space file (--space), for a test function and for the lab's network
void space(const uint8_t* data, size_t size) {
    json::ParseResult parsed = json::parse(text_of(data, size));
    if (!parsed.ok()) return;
    std::optional<tune::Space> space;
    try {
        space = tune::space_from_json(parsed.value);
    } catch (const std::invalid_argument&) {
        return;
    }
    for (double u : {0.0, 0.37, 1.0}) {
        const tune::Values values = space->decode(std::vector<double>(space->size(), u));
        for (size_t i = 0; i < space->size(); ++i) {
            if (!tune::is_active(values[i])) continue;
            const tune::Param& p = space->params()[i];
            require(p.kind == tune::ParamKind::categorical ? values[i] < double(p.choices.size())
                                                           : values[i] >= p.low && values[i] <= p.high,
                    "space: decoded values lie in their range");
            const double u_back = space->encode(i, values[i]);
            require(u_back >= 0 && u_back <= 1, "space: encoded values lie in [0, 1]");
        }
    }
    require(tune::space_from_json(json::parse(tune::space_to_json(*space).dump()).value).size() == space->size(),
            "space: a loaded space saves and reloads");
    try {
        tune::MlpObjective objective(DatasetKind::xor_, tune::MlpScore::validation_loss, 5, *space, TUNELAB_ASSETS_DIR "/data");
        objective.config_for(space->decode(std::vector<double>(space->size(), 0.5)), 1);
    } catch (const std::invalid_argument&) {
    }
}

// ---- cli: tunelab-cli's arguments (one per line), checked up to the first epoch or trial
void cli(const uint8_t* data, size_t size) {
    const auto [choice, text] = split(data, size);
    std::vector<std::string> args;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        args.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    for (const std::string& a : args)  // files are read, never written; nothing but the bundled data
        if (a.find("/dev/") != std::string::npos) return;  // endless devices only cost time
    const int code = choice & 1 ? cli::check_study(args) : cli::check_train(args);
    require(code == 0 || code == 2 || code == 1, "cli: exit code 0, 1 or 2");
}

}  // namespace

const std::vector<Target>& targets() {
    static const std::vector<Target> all = {
        {"csv", csv}, {"json", json_text}, {"settings", settings}, {"session", session}, {"link", link},
        {"study", study}, {"space", space}, {"cli", cli},
    };
    return all;
}

const Target* find_target(std::string_view name) {
    for (const Target& t : targets())
        if (name == t.name) return &t;
    return nullptr;
}

}  // namespace tunelab::fuzz
