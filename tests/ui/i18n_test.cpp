#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ui/i18n.h"

using namespace tunelab::ui;

TEST_CASE("i18n: the translator switches language and keeps widget IDs stable") {
    Translator tr;
    tr.language = Language::english;
    CHECK(std::string(tr("Language")) == "Language");
    CHECK(tr.label("Language") == "Language###Language");
    tr.language = Language::chinese;
    CHECK(std::string(tr("Language")) == "语言");
    CHECK(tr.label("Language") == "语言###Language");
    CHECK(std::string(tr("text nobody translated")) == "text nobody translated");
}

// Every English key the UI's sources pass to tr(…) or tr.label(…) must have a Chinese entry, or a
// Chinese reader would meet English in the middle of the interface.
TEST_CASE("i18n: every string the UI translates has a Chinese entry") {
    const std::filesystem::path ui_dir = std::filesystem::path(TUNELAB_SOURCE_DIR) / "src" / "ui";
    const std::regex call(R"(tr(?:\.label)?\(\s*"((?:[^"\\]|\\.)*)\"\s*\))");
    std::set<std::string> keys;
    for (const auto& entry : std::filesystem::directory_iterator(ui_dir)) {
        if (entry.path().extension() != ".cpp") continue;
        std::ifstream file(entry.path());
        std::stringstream text;
        text << file.rdbuf();
        std::string source = text.str();
        for (std::sregex_iterator it(source.begin(), source.end(), call), end; it != end; ++it)
            keys.insert((*it)[1].str());
    }
    REQUIRE(keys.size() >= 5);
    for (const std::string& key : keys) {
        CAPTURE(key);
        CHECK(chinese_for(key.c_str()) != nullptr);
    }
}

// A translated format string must take the same arguments in the same order, or snprintf would
// read the wrong types.
TEST_CASE("i18n: translations keep the printf conversions of their English key") {
    const std::regex conversion(R"(%[-+ #0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%])");
    auto conversions = [&](const std::string& text) {
        std::vector<std::string> found;
        for (std::sregex_iterator it(text.begin(), text.end(), conversion), end; it != end; ++it) found.push_back(it->str());
        return found;
    };
    for (std::span<const TranslationEntry> part : {kCommonStrings, kLabStrings, kLabViewStrings, kArenaStrings, kLessonStrings, kSessionStrings}) {
        for (const TranslationEntry& entry : part) {
            CAPTURE(entry.english);
            CHECK(conversions(entry.english) == conversions(entry.chinese));
        }
    }
}

// One English key, one Chinese text: the table is searched by key, so a second, different
// translation in another area's table would silently never be shown.
TEST_CASE("i18n: no English key has two different translations") {
    std::map<std::string, std::string> seen;
    for (std::span<const TranslationEntry> part : {kCommonStrings, kLabStrings, kLabViewStrings, kArenaStrings, kLessonStrings, kSessionStrings}) {
        for (const TranslationEntry& entry : part) {
            const std::string english = entry.english;
            CAPTURE(english);
            auto [it, inserted] = seen.emplace(entry.english, entry.chinese);
            CHECK(it->second == std::string(entry.chinese));
        }
    }
}
