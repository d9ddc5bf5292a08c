#include "ui/i18n.h"

#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tunelab::ui {
namespace {

// Each area of the interface keeps its strings beside its code, in its own strings_*.cpp.
const std::span<const TranslationEntry> kTables[] = {kCommonStrings, kLabStrings,    kLabViewStrings, kArenaStrings,
                                                     kLessonStrings, kSessionStrings, kIssueStrings};

const std::unordered_map<std::string_view, const char*>& chinese_table() {
    static const auto table = [] {
        std::unordered_map<std::string_view, const char*> map;
        for (std::span<const TranslationEntry> part : kTables)
            for (const TranslationEntry& entry : part) map.emplace(entry.english, entry.chinese);
        return map;
    }();
    return table;
}

// Refusals that carry numbers; each %s stands for a number or a range, kept as it is. Their
// translations are in strings_issues.cpp; refusals without numbers are translated whole.
constexpr const char* kIssuePatterns[] = {
    "is %s; allowed: %s",
    "has %s hidden layers; allowed: 0 to 8",
    "has %s classes; classification needs at least 2",
    "must be between %s and %s",
    "must be a whole number from %s to %s",
    "has %s entries; the limit is %s",
    "a network of %s weights needs %s to train; the limit is %s weights",
    "%s epochs × %s training samples are %s samples to train on; the limit is %s",
    "must be one of: %s",
    "the link is %s characters long; at most %s are read",
    "the link's settings are not valid JSON: %s",
    "not valid JSON: %s",
    // The arena's warm start (ui/arena/arena_warm.cpp)
    "must hold rows of %s numbers (the parameters, then the value)",
    "holds %s trials; a warm start takes at most %s",
    "the earlier trials were scored by %s, this race by %s: their values cannot be compared",
    "the earlier trials set %s; this race tunes %s: tune the same hyperparameters, or reuse other trials",
    "earlier trial %s sets %s = %s, outside this race's range: reuse trials of a race over the same ranges",
    "the earlier study has %s finished trials; a warm start takes at most %s",
    "the file is larger than %s bytes",
    "not a study file (JSON): %s",
    "the earlier study searched another space: %s, not %s (warm-starting needs the same parameters and ranges)",
    "the earlier study %s its value, this one %s it: their values cannot be compared",
    "%s rows with missing values left out",
    "must be one value, or one per hidden layer (%s)",
    "it was kept as %s",
    "more problems follow; the first %s are listed",
    "it could not be kept aside (%s)",
    // CSV files (core/csv.cpp), after their "line N, column M: " (translated apart)
    "%s is not a number (column %s)",
    "%s is beyond the range of a float (±3.4e38) (column %s)",
    "%s has a decimal comma: TuneLab reads numbers with a decimal point (%s); save the file with '.' as the decimal separator, or "
    "read decimal commas (the lab's \"Decimal commas\"; tunelab-cli: --decimal-comma) (column %s)",
    "target %s is not a number (regression needs numbers)",
    "target %s is beyond the range of a float (±3.4e38) (regression needs numbers)",
    "target %s has a decimal comma: TuneLab reads numbers with a decimal point (%s); save the file with '.' as the decimal separator, "
    "or read decimal commas (the lab's \"Decimal commas\"; tunelab-cli: --decimal-comma) (regression needs numbers)",
    "is not UTF-8 text (byte %s): TuneLab reads UTF-8; save the file as UTF-8 (in Excel: \"CSV UTF-8\")",
    "the text is %s; the limit is %s",
    "has up to %s rows × %s columns; the limit is %s cells",  // before the next: it fits this too
    "has %s columns; the limit is %s",
    "has %s cells, the header has %s",
    "more than %s cells (rows × columns), the limit",
    "a missing value in column %s; 1 row has one: drop them (the lab's \"Drop rows with missing values\"; tunelab-cli: --drop-missing) or "
    "fill them in",
    "a missing value in column %s; %s rows have one: drop them (the lab's \"Drop rows with missing values\"; tunelab-cli: --drop-missing) "
    "or fill them in",
    "no column named %s (columns: %s)",
    "target column %s has more than %s distinct labels, the limit for classes: is it a continuous target? Choose the regression task for "
    "it (tunelab-cli: --task regression)",
    "target column %s looks continuous (%s distinct numbers in %s rows, not all whole): choose the regression task (tunelab-cli: --task "
    "regression)",
    "target column %s has only 1 class; classification needs at least 2",
};

// Where in a file a refusal points (core/csv.h's CsvError::describe), before the refusal itself.
constexpr const char* kLocationPatterns[] = {"line %s, column %s: %s", "line %s: %s", "column %s: %s"};

// The parts of `message` that stand where `pattern` has %s, or false when it does not fit.
bool match(std::string_view pattern, std::string_view message, std::vector<std::string>& parts) {
    parts.clear();
    while (true) {
        const size_t hole = pattern.find("%s");
        const std::string_view literal = pattern.substr(0, hole);
        if (message.substr(0, literal.size()) != literal) return false;
        message.remove_prefix(literal.size());
        if (hole == std::string_view::npos) return message.empty();
        pattern.remove_prefix(hole + 2);
        // The hole ends where the pattern's next literal text starts (or at the message's end).
        const std::string_view next = pattern.substr(0, pattern.find("%s"));
        const size_t end = next.empty() ? message.size() : message.find(next);
        if (end == std::string_view::npos || end == 0) return false;
        parts.emplace_back(message.substr(0, end));
        message.remove_prefix(end);
    }
}

}  // namespace

std::span<const std::span<const TranslationEntry>> translation_tables() { return kTables; }

const char* chinese_for(const char* english) {
    auto it = chinese_table().find(english);
    return it == chinese_table().end() ? nullptr : it->second;
}

const char* Translator::operator()(const char* english) const {
    if (language == Language::english) return english;
    const char* chinese = chinese_for(english);
    return chinese ? chinese : english;
}

std::string Translator::label(const char* english) const {
    return std::string((*this)(english)) + "###" + english;
}

std::string Translator::issue(const std::string& message) const {
    if (language == Language::english) return message;
    std::vector<std::string> parts;
    for (const char* pattern : kLocationPatterns) {
        if (!match(pattern, message, parts)) continue;
        std::string out = (*this)(pattern);  // the place's numbers, then the refusal translated
        for (size_t i = 0; i + 1 < parts.size(); ++i) out.replace(out.find("%s"), 2, parts[i]);
        return out.replace(out.find("%s"), 2, issue(parts.back()));
    }
    for (const char* pattern : kIssuePatterns) {
        if (!match(pattern, message, parts)) continue;
        // Fill the translated pattern's holes in order.
        std::string out = (*this)(pattern);
        for (const std::string& part : parts) out.replace(out.find("%s"), 2, part);
        return out;
    }
    return (*this)(message.c_str());
}

std::string Translator::join(std::string_view first, std::string_view second) const {
    std::string out(first);
    if (language == Language::english) out += ' ';
    out += second;
    return out;
}

}  // namespace tunelab::ui
