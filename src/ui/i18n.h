#pragma once
// The interface's two languages. Every string the learner reads goes through Translator: the English
// text is the key, the table in i18n.cpp gives the Chinese. A test checks that every tr("…") in
// src/ui has a translation, and the build subsets the CJK font from the same sources.
#include <string>

namespace tunelab::ui {

enum class Language { english, chinese };

struct Translator {
    Language language = Language::chinese;

    // The text in the current language ("Learning rate" → "学习率").
    const char* operator()(const char* english) const;
    // A widget label whose ImGui ID stays the same in both languages ("学习率###Learning rate"), so
    // switching language keeps open trees, focus and scroll positions.
    std::string label(const char* english) const;
};

// The Chinese for an English key, or nullptr when the table has none (used by the tests).
const char* chinese_for(const char* english);

}  // namespace tunelab::ui
