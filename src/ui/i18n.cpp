#include "ui/i18n.h"

#include <span>
#include <string_view>
#include <unordered_map>

namespace tunelab::ui {
namespace {

const std::unordered_map<std::string_view, const char*>& chinese_table() {
    static const auto table = [] {
        // Each area of the interface keeps its strings beside its code, in its own strings_*.cpp.
        const std::span<const TranslationEntry> parts[] = {kCommonStrings, kLabStrings,    kLabViewStrings,
                                                           kArenaStrings,  kLessonStrings, kSessionStrings};
        std::unordered_map<std::string_view, const char*> map;
        for (std::span<const TranslationEntry> part : parts)
            for (const TranslationEntry& entry : part) map.emplace(entry.english, entry.chinese);
        return map;
    }();
    return table;
}

}  // namespace

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

}  // namespace tunelab::ui
