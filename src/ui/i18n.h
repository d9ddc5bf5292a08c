#pragma once
// The interface's two languages. Every string the learner reads goes through Translator: the English
// text is the key, the strings_*.cpp tables give the Chinese. A test (tests/ui/i18n_test.cpp) checks
// that every key in src/ui — tr("…"), tr.label("…"), tr_key("…"), adjacent literals joined — has a
// translation, and the build subsets the CJK font from the same sources.
#include <array>
#include <span>
#include <string>
#include <string_view>

#include "core/enums.h"

namespace tunelab::ui {

enum class Language { english, chinese };

}  // namespace tunelab::ui

namespace tunelab {
// As a session document and the hook name them.
template <>
inline constexpr std::array<std::string_view, 2> enum_names<ui::Language> = {"en", "zh"};
}  // namespace tunelab

namespace tunelab::ui {

struct Translator {
    Language language = Language::chinese;

    // The text in the current language ("Learning rate" → "学习率").
    const char* operator()(const char* english) const;
    // A widget label whose ImGui ID stays the same in both languages ("学习率###Learning rate"), so
    // switching language keeps open trees, focus and scroll positions.
    std::string label(const char* english) const;
    // A refusal of a setting (the core's and the set-ups' messages are English, with numbers in
    // them: "is 0; allowed: (0, 10]") in the current language, numbers kept.
    std::string issue(const std::string& message) const;
    // Two phrases side by side: a space between them in English, none in Chinese, whose full-width
    // punctuation ("观察：") already spaces them.
    std::string join(std::string_view first, std::string_view second) const;
};

// Marks an English key written in one place and translated where it is shown (gettext's N_), as in
// `throw std::invalid_argument(tr_key("…"))` caught by a panel that shows tr(e.what()): the i18n
// test then sees the key and checks it has a Chinese entry.
constexpr const char* tr_key(const char* english) { return english; }

// One row of the translation table. Each area keeps its rows in its own strings_*.cpp, in the order
// its panel shows them.
struct TranslationEntry {
    const char* english;
    const char* chinese;
};
extern const std::span<const TranslationEntry> kCommonStrings;   // strings_common.cpp
extern const std::span<const TranslationEntry> kLabStrings;      // strings_lab.cpp: lab settings, controls
extern const std::span<const TranslationEntry> kLabViewStrings;  // strings_lab_views.cpp: lab plots
extern const std::span<const TranslationEntry> kArenaStrings;    // strings_arena.cpp: search arena
extern const std::span<const TranslationEntry> kLessonStrings;   // strings_lessons.cpp: guided lessons
extern const std::span<const TranslationEntry> kSessionStrings;  // strings_session.cpp: sharing, saving, export
extern const std::span<const TranslationEntry> kIssueStrings;    // strings_issues.cpp: refused settings
// All of the tables above.
std::span<const std::span<const TranslationEntry>> translation_tables();

// The Chinese for an English key, or nullptr when the table has none (used by the tests).
const char* chinese_for(const char* english);

}  // namespace tunelab::ui
