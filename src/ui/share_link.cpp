#include "ui/share_link.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <set>

#include "core/limits.h"
#include "core/settings_json.h"

namespace tunelab::ui {
namespace {

// A run's tunable settings (tune/tunable.cpp) by their names there: where each is in the run's
// settings JSON. The shape ones (layers, units, activation, dropout) are the hidden-layer list,
// read and written apart; tests/ui/share_link_test.cpp checks that every tunable setting has a name.
constexpr std::pair<std::string_view, std::string_view> kTunablePaths[] = {
    {"lr", "lr.lr"},          {"batch", "batch.size"},         {"optimizer", "optimizer.kind"},
    {"l2", "l2"},             {"epochs", "epochs"},            {"momentum", "optimizer.momentum"},
    {"beta1", "optimizer.beta1"}, {"beta2", "optimizer.beta2"},
};
constexpr std::string_view kHidden = "model.hidden";
constexpr std::string_view kLayers = "layers";
constexpr std::string_view kLayerFields[] = {"units", "activation", "dropout"};
constexpr std::string_view kRunB = "b.";
constexpr size_t kMostIssues = 20;  // refusals listed for one link

// ------------------------------------------------------------------------------------ escaping

bool plain(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~' || c == '+';
}

std::string escape(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        if (plain(c)) {
            out += c;
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out += {'%', kHex[byte >> 4], kHex[byte & 15]};
        }
    }
    return out;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<std::string> unescape(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        const int high = i + 2 < text.size() ? hex_digit(text[i + 1]) : -1, low = high < 0 ? -1 : hex_digit(text[i + 2]);
        if (low < 0) return std::nullopt;
        out += char(high * 16 + low);
        i += 2;
    }
    return out;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    for (size_t start = 0;;) {
        const size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

// ------------------------------------------------------------------------------------ flattening

std::string scalar_text(const json::Value& value) {
    if (value.is_number()) return json::format_number(value.as_number());
    if (value.is_bool()) return value.as_bool() ? "true" : "false";
    if (value.is_string()) return value.as_string();
    return value.dump();
}

// One value for every layer when they agree, else one per layer.
std::string per_layer_text(const json::Array& hidden, std::string_view field) {
    std::vector<std::string> values;
    for (const json::Value& layer : hidden) {
        const json::Value* value = layer.find(field);
        values.push_back(escape(value ? scalar_text(*value) : "null"));
    }
    if (std::all_of(values.begin(), values.end(), [&](const std::string& v) { return v == values.front(); }))
        values.resize(std::min<size_t>(values.size(), 1));
    std::string out;
    for (const std::string& v : values) out += (out.empty() ? "" : ",") + v;
    return out;
}

// A setting as a link holds it: its name, where it is in the document, its escaped value text,
// and the value itself (in the defaults: its kind tells how to read a link's text).
struct Entry {
    std::string name, path, text;
    const json::Value* value = nullptr;
};

void flatten(const json::Value& value, const std::string& path, std::vector<Entry>& out) {
    if (value.is_object()) {
        for (const auto& [key, member] : value.as_object()) flatten(member, path.empty() ? key : path + "." + key, out);
        return;
    }
    const std::string name = link_name(path);
    if (value.is_array() && (name == kLayers || name == "b.layers")) {  // a run's hidden layers
        const json::Array& hidden = value.as_array();
        out.push_back({name, path, std::to_string(hidden.size()), &value});
        if (hidden.empty()) return;  // no layer: nothing per layer to say
        const std::string prefix = name.substr(0, name.size() - kLayers.size());
        for (std::string_view field : kLayerFields)
            out.push_back({prefix + std::string(field), path, per_layer_text(hidden, field), &value});
        return;
    }
    if (value.is_array()) {
        const json::Array& items = value.as_array();
        if (std::any_of(items.begin(), items.end(), [](const json::Value& v) { return v.is_object() || v.is_array(); })) {
            for (size_t i = 0; i < items.size(); ++i) flatten(items[i], path + "[" + std::to_string(i) + "]", out);
            return;
        }
        std::string text;
        for (size_t i = 0; i < items.size(); ++i) text += (i ? "," : "") + escape(scalar_text(items[i]));
        out.push_back({name, path, text, &value});
        return;
    }
    out.push_back({name, path, escape(scalar_text(value)), &value});
}

std::vector<Entry> flatten(const json::Value& document) {
    std::vector<Entry> out;
    flatten(document, "", out);
    return out;
}

// The member at a path of flatten() ("lab.runs[1].lr.lr"), in a document shaped like the one flattened.
json::Value* member_at(json::Value& document, std::string_view path) {
    json::Value* at = &document;
    for (std::string_view part : split(path, '.')) {
        std::optional<size_t> index;
        if (const size_t bracket = part.find('['); bracket != std::string_view::npos) {
            index = size_t(std::strtoul(std::string(part.substr(bracket + 1)).c_str(), nullptr, 10));
            part = part.substr(0, bracket);
        }
        if (!at->is_object()) return nullptr;
        auto& members = at->as_object();
        const auto found = std::find_if(members.begin(), members.end(), [&](const auto& m) { return m.first == part; });
        if (found == members.end()) return nullptr;
        at = &found->second;
        if (index) {
            if (!at->is_array() || *index >= at->as_array().size()) return nullptr;
            at = &at->as_array()[*index];
        }
    }
    return at;
}

// ------------------------------------------------------------------------------------ reading

// A link's value text as the kind of `like` (the default's value): a number, true/false or text.
std::optional<json::Value> read_scalar(std::string_view escaped, const json::Value& like, const std::string& name,
                                       std::vector<Issue>& issues) {
    const std::optional<std::string> text = unescape(escaped);
    if (!text) {
        issues.push_back({name, "holds a broken percent-escape: the link was cut or altered"});
        return std::nullopt;
    }
    if (like.is_bool()) {
        if (*text == "true" || *text == "false") return json::Value(*text == "true");
        issues.push_back({name, "must be true or false"});
        return std::nullopt;
    }
    if (like.is_number()) {
        char* end = nullptr;
        const double number = std::strtod(text->c_str(), &end);
        if (text->empty() || end != text->c_str() + text->size() || !std::isfinite(number)) {
            issues.push_back({name, "must be a number"});
            return std::nullopt;
        }
        // A seed beyond 2^53 stays its digits, as the settings write it (core/settings_json.cpp).
        const bool digits = text->find_first_not_of("0123456789") == std::string::npos;
        if (digits && number > limits::kMaxExactInteger) return json::Value(*text);
        return json::Value(number);
    }
    return json::Value(*text);
}

std::optional<json::Value> read_value(std::string_view escaped, const json::Value& like, const std::string& name,
                                      std::vector<Issue>& issues) {
    if (!like.is_array()) return read_scalar(escaped, like, name, issues);
    json::Array items;
    if (escaped.empty()) return json::Value(items);
    for (std::string_view part : split(escaped, ',')) {
        // A list empty by default (the arena's warm-start rows) takes numbers, or else text.
        json::Value item_like = like.as_array().empty() ? json::Value("") : like.as_array().front();
        if (like.as_array().empty())
            if (const std::optional<std::string> text = unescape(part); text && !text->empty()) {
                char* end = nullptr;
                std::strtod(text->c_str(), &end);
                if (end == text->c_str() + text->size()) item_like = json::Value(0.0);
            }
        std::optional<json::Value> item = read_scalar(part, item_like, name, issues);
        if (!item) return std::nullopt;
        items.push_back(std::move(*item));
    }
    return json::Value(std::move(items));
}

// A run's hidden layers from its defaults and the link's layers / units / activation / dropout:
// `layers` changes the count (new layers copy the last), each field gives one value or one per layer.
void read_hidden(json::Value& hidden, const std::string& prefix, const std::vector<std::pair<std::string, std::string_view>>& given,
                 std::vector<Issue>& issues) {
    auto find = [&](std::string_view field) -> const std::string_view* {
        for (const auto& [name, text] : given)
            if (name == prefix + std::string(field)) return &text;
        return nullptr;
    };
    json::Array layers = hidden.as_array();
    if (const std::string_view* count = find(kLayers)) {
        const std::string name = prefix + std::string(kLayers);
        const std::optional<json::Value> n = read_scalar(*count, json::Value(0), name, issues);
        if (!n) return;
        const double wanted = n->is_number() ? n->as_number() : -1;
        if (!(wanted >= 0 && wanted <= limits::kMaxHiddenLayers && wanted == std::floor(wanted))) {
            issues.push_back({name, "must be a whole number from 0 to " + std::to_string(limits::kMaxHiddenLayers)});
            return;
        }
        TrainConfig one_layer;
        one_layer.model.hidden = {LayerConfig{}};
        const json::Value added = layers.empty() ? to_json(one_layer)["model"]["hidden"].as_array().front() : layers.back();
        layers.resize(size_t(wanted), added);
    }
    for (std::string_view field : kLayerFields) {
        const std::string_view* text = find(field);
        if (!text) continue;
        const std::string name = prefix + std::string(field);
        const std::vector<std::string_view> parts = split(*text, ',');
        if (layers.empty() || (parts.size() != 1 && parts.size() != layers.size())) {
            issues.push_back({name, "must be one value, or one per hidden layer (" + std::to_string(layers.size()) + ")"});
            continue;
        }
        for (size_t i = 0; i < layers.size(); ++i) {
            json::Value& slot = layers[i][field];
            std::optional<json::Value> value = read_scalar(parts[parts.size() == 1 ? 0 : i], slot, name, issues);
            if (!value) break;
            slot = std::move(*value);
        }
    }
    hidden = json::Value(std::move(layers));
}

bool is_layer_name(std::string_view name) {
    if (name.starts_with(kRunB)) name.remove_prefix(kRunB.size());
    return name == kLayers || std::find(std::begin(kLayerFields), std::end(kLayerFields), name) != std::end(kLayerFields);
}

}  // namespace

std::string link_name(std::string_view path) {
    if (path == "lab.compare") return "compare";
    if (path.starts_with("lab.data.")) return "data." + std::string(path.substr(9));
    for (const auto& [run, prefix] : {std::pair{"lab.runs[0].", ""}, std::pair{"lab.runs[1].", "b."}}) {
        if (!path.starts_with(run)) continue;
        const std::string_view setting = path.substr(std::string_view(run).size());
        if (setting.starts_with(kHidden)) {  // the list ("layers") or a layer's field ("units")
            const size_t dot = setting.find('.', kHidden.size());
            return prefix + std::string(dot == std::string_view::npos ? kLayers : setting.substr(dot + 1));
        }
        for (const auto& [name, in_run] : kTunablePaths)
            if (setting == in_run) return prefix + std::string(name);
        return prefix + std::string(setting);
    }
    return std::string(path);
}

std::string link_text(const json::Value& document, const json::Value& defaults) {
    const std::vector<Entry> base = flatten(defaults);
    std::string out;
    for (const Entry& entry : flatten(document)) {
        if (entry.name == "version") continue;  // the form of the link says it
        const auto same = std::find_if(base.begin(), base.end(), [&](const Entry& b) { return b.name == entry.name; });
        // The language always: the receiver sees the page as it was sent.
        if (entry.name != "language" && same != base.end() && same->text == entry.text) continue;
        out += (out.empty() ? "" : "&") + escape(entry.name) + "=" + entry.text;
    }
    return out;
}

std::optional<json::Value> read_link_text(std::string_view text, const json::Value& defaults, std::vector<Issue>& issues) {
    const std::vector<Entry> base = flatten(defaults);
    json::Value document = defaults;
    std::set<std::string> seen;
    std::vector<std::pair<std::string, std::string_view>> layer_pairs;
    for (std::string_view pair : split(text, '&')) {
        if (pair.empty()) continue;  // "a=1&&b=2", a trailing '&'
        if (issues.size() >= kMostIssues) {  // a link of thousands of bad pairs: the first ones say enough
            issues.push_back({"link", "more problems follow; the first " + std::to_string(kMostIssues) + " are listed"});
            break;
        }
        const size_t equals = pair.find('=');
        if (equals == std::string_view::npos) {
            issues.push_back({limits::quote(pair), "is not name=value"});
            continue;
        }
        const std::optional<std::string> name = unescape(pair.substr(0, equals));
        if (!name) {
            issues.push_back({limits::quote(pair.substr(0, equals)), "holds a broken percent-escape: the link was cut or altered"});
            continue;
        }
        if (!seen.insert(*name).second) {
            issues.push_back({limits::quote(*name), "listed twice"});
            continue;
        }
        const std::string_view value = pair.substr(equals + 1);
        if (is_layer_name(*name)) {
            layer_pairs.emplace_back(*name, value);
            continue;
        }
        const auto entry = std::find_if(base.begin(), base.end(), [&](const Entry& e) { return e.name == *name; });
        if (entry == base.end() || entry->name == "version") {
            issues.push_back({limits::quote(*name), "unknown setting"});
            continue;
        }
        if (std::optional<json::Value> read = read_value(value, *entry->value, *name, issues))
            *member_at(document, entry->path) = std::move(*read);
    }
    for (const std::string prefix : {"", "b."}) {
        const auto list = std::find_if(base.begin(), base.end(), [&](const Entry& e) { return e.name == prefix + std::string(kLayers); });
        if (list != base.end()) read_hidden(*member_at(document, list->path), prefix, layer_pairs, issues);
    }
    if (!issues.empty()) return std::nullopt;
    return document;
}

}  // namespace tunelab::ui
