#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/limits.h"
#include "core/validate.h"
#include "ui/arena/arena_setup.h"
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

namespace {

// The source text with its comments blanked (string and character literals kept), so that a
// comment's example, like tr("…"), is not read as a key.
std::string without_comments(const std::string& source) {
    std::string out = source;
    for (size_t i = 0; i < out.size(); ++i) {
        if (out[i] == '"' || out[i] == '\'') {
            const char quote = out[i];
            for (++i; i < out.size() && out[i] != quote; ++i)
                if (out[i] == '\\') ++i;
        } else if (out.compare(i, 2, "//") == 0) {
            for (; i < out.size() && out[i] != '\n'; ++i) out[i] = ' ';
        } else if (out.compare(i, 2, "/*") == 0) {
            const size_t end = std::min(out.find("*/", i + 2), out.size() - 2) + 2;
            for (; i < end; ++i)
                if (out[i] != '\n') out[i] = ' ';
            --i;
        }
    }
    return out;
}

// One string literal starting at source[at] (a '"'), its escapes undone; `at` moves past it.
std::string read_literal(const std::string& source, size_t& at) {
    std::string text;
    for (++at; at < source.size() && source[at] != '"'; ++at) {
        if (source[at] != '\\') {
            text += source[at];
            continue;
        }
        const char escaped = source[++at];
        switch (escaped) {
            case 'n': text += '\n'; break;
            case 't': text += '\t'; break;
            case '"': case '\\': case '\'': text += escaped; break;
            default: FAIL("an escape the key scan does not read: \\" << escaped);
        }
    }
    ++at;
    return text;
}

size_t skip_space(const std::string& source, size_t at) {
    while (at < source.size() && std::isspace(static_cast<unsigned char>(source[at]))) ++at;
    return at;
}

}  // namespace

// The English keys a source passes to tr(…), tr.label(…) or tr_key(…) (the marker for a key written
// in one place and translated where it is shown): adjacent literals are joined as the compiler
// joins them, and both arms of `condition ? "a" : "b"` are keys.
std::vector<std::string> translated_keys(const std::string& text) {
    const std::string source = without_comments(text);
    const std::regex call(R"(\b(?:tr|tr\.label|tr_key)\()");
    std::vector<std::string> keys;
    for (std::sregex_iterator it(source.begin(), source.end(), call), end; it != end; ++it) {
        size_t at = size_t(it->position() + it->length());
        char before = '(';  // what stands before the literal run being read
        for (int depth = 0; at < source.size();) {
            at = skip_space(source, at);
            const char c = source[at];
            if (c == '"' && depth == 0 && (before == '(' || before == '?' || before == ':')) {
                std::string key;
                while (at < source.size() && source[at] == '"') key += read_literal(source, at), at = skip_space(source, at);
                // A literal followed by anything but the end of the argument or of the choice's
                // first arm is part of an expression ("a" + name), not a key.
                if (source[at] == ')' || (source[at] == ':' && source[at + 1] != ':')) keys.push_back(key);
                before = '"';
                continue;
            }
            if (c == '"') {
                read_literal(source, at);
                before = '"';
                continue;
            }
            if (c == '(') ++depth;
            if (c == ')' && depth-- == 0) break;
            before = c;
            ++at;
        }
    }
    return keys;
}

TEST_CASE("i18n: the key scan reads joined literals, markers and both arms of a choice") {
    const std::string source = R"cpp(
        tr("Learning rate");
        wrapped_text(tr("A long paragraph, "
                        "written on two lines."));
        tr.label("Train \"fast\"");
        // tr("a key in a comment")
        throw std::invalid_argument(tr_key("the data set could not be prepared"));
        tr(at_most ? "measured %s (goal ≤ %s)" : "measured %s (goal ≥ %s)");
        tr(notice.c_str());
        tr(std::string("not ") + "a key");
        str("not a call of tr");
    )cpp";
    CHECK(translated_keys(source) == std::vector<std::string>{"Learning rate", "A long paragraph, written on two lines.",
                                                               "Train \"fast\"", "the data set could not be prepared",
                                                               "measured %s (goal ≤ %s)", "measured %s (goal ≥ %s)"});
}

// Every English key the UI's sources (any folder, .cpp or .h) pass to tr(…), tr.label(…) or mark
// with tr_key(…) must have a Chinese entry, or a Chinese reader would meet English in the middle of
// the interface. Keys kept in tune's tables (tunables, strategies) and in the lesson catalogue are
// checked from those tables (tunable_table_test.cpp, lessons_test.cpp).
TEST_CASE("i18n: every string the UI translates has a Chinese entry") {
    const std::filesystem::path ui_dir = std::filesystem::path(TUNELAB_SOURCE_DIR) / "src" / "ui";
    std::set<std::string> keys;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(ui_dir)) {
        const std::string extension = entry.path().extension().string();
        if (extension != ".cpp" && extension != ".h") continue;
        std::ifstream file(entry.path());
        std::stringstream text;
        text << file.rdbuf();
        for (std::string& key : translated_keys(text.str())) keys.insert(std::move(key));
    }
    REQUIRE(keys.size() >= 400);
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
    for (std::span<const TranslationEntry> part : translation_tables()) {
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
    for (std::span<const TranslationEntry> part : translation_tables()) {
        for (const TranslationEntry& entry : part) {
            const std::string english = entry.english;
            CAPTURE(english);
            auto [it, inserted] = seen.emplace(entry.english, entry.chinese);
            CHECK(it->second == std::string(entry.chinese));
        }
    }
}

// The refusals a learner meets next to a control come from the core and the arena's set-up in
// English, with numbers in them; each must read in Chinese, numbers kept.
TEST_CASE("i18n: every refusal of a setting reads in Chinese, with its numbers") {
    std::vector<tunelab::Issue> issues;
    auto add = [&](const std::vector<tunelab::Issue>& found) { issues.insert(issues.end(), found.begin(), found.end()); };

    tunelab::DataConfig data;
    data.size = 3;
    data.noise = 2;
    data.validation_ratio = 0.95;
    data.extra.x_squared = true;
    data.kind = tunelab::DatasetKind::curve;
    add(validate(data));
    data = {};
    data.kind = tunelab::DatasetKind::csv;
    add(validate(data));

    tunelab::DataInfo regression, one_class;
    regression.task = tunelab::Task::regression;
    regression.inputs = one_class.inputs = 2;
    regression.train_size = one_class.train_size = 100;
    regression.validation_size = one_class.validation_size = 20;
    one_class.classes = 1;
    tunelab::TrainConfig train;
    train.model.hidden.assign(9, {300, tunelab::Activation::relu, 0.95});
    train.model.output = tunelab::Output::softmax;
    train.model.loss = tunelab::Loss::binary_cross_entropy;
    train.lr.lr = 0;
    train.epochs = 0;
    train.batch.size = 1000;
    add(validate(train, regression));
    train.model.output = tunelab::Output::sigmoid;
    train.model.loss = tunelab::Loss::categorical_cross_entropy;
    add(validate(train, one_class));

    ArenaSetup setup;
    setup.strategies = {"grid", "grid", "simulated_annealing"};
    for (TunedParam& p : setup.params) {
        p.tuned = true;
        p.low = -5;
        p.high = -6;
        p.log = true;
    }
    add(validate(setup));
    setup.strategies.clear();
    setup.metric = "f1";
    setup.objective = "imagenet";
    for (TunedParam& p : setup.params) p.tuned = false;
    add(validate(setup));

    REQUIRE(issues.size() >= 20);
    Translator tr;
    tr.language = Language::chinese;
    std::set<std::string> shown;
    for (const tunelab::Issue& issue : issues) {
        const std::string chinese = tr.issue(issue.message);
        CAPTURE(issue.field);
        CAPTURE(issue.message);
        CHECK(chinese != issue.message);
        // Every number of the English survives into the Chinese.
        const std::regex number(R"([-+]?[0-9]+(?:\.[0-9]+)?(?:e[-+]?[0-9]+)?)");
        for (std::sregex_iterator it(issue.message.begin(), issue.message.end(), number), end; it != end; ++it)
            CHECK(chinese.find(it->str()) != std::string::npos);
        shown.insert(chinese);
    }
    CHECK(shown.size() >= 12);
    tr.language = Language::english;
    CHECK(tr.issue("is 0; allowed: (0, 10]") == "is 0; allowed: (0, 10]");
    tr.language = Language::chinese;
    CHECK(tr.issue("is 0; allowed: (0, 10]") == "当前为 0，允许范围 (0, 10]");
    CHECK(tr.issue("must be between 1e-06 and 10") == "必须在 1e-06 到 10 之间");
}

TEST_CASE("i18n: every refusal of a CSV file reads in Chinese, with its place and numbers") {
    using tunelab::Task;
    struct Bad {
        std::string text, target;
        Task task = Task::classification;
        bool drop_missing = false;
    };
    std::string many_labels = "a,y\n", wide(size_t(tunelab::limits::kMaxColumns) + 1, ','), tall(4000, ',');
    for (int i = 0; i <= tunelab::limits::kMaxClasses; ++i) many_labels += "1,label" + std::to_string(i) + "\n";
    tall += "y\n" + std::string(2001, '\n');
    const Bad files[] = {
        {"a,y\n1,x\nabc,z\n", "y"},                     // text in a feature column
        {"a,y\n1,x\n1e39,z\n", "y"},                    // beyond a float
        {"a;y\n1,5;x\n2,5;z\n", "y"},                   // a decimal comma
        {"a,y\n1,2\n2,abc\n", "y", Task::regression},   // the target: text, beyond a float, a decimal comma
        {"a,y\n1,2\n2,1e39\n", "y", Task::regression},
        {"a;y\n1;2,5\n", "y", Task::regression},
        {std::string("\xFF\xFE" "a\0,\0y\0", 9), "y"},   // UTF-16
        {"a,y\n1,caf\xE9\n", "y"},                       // Latin-1
        {std::string(tunelab::limits::kMaxCsvBytes + 1, 'a'), "y"},
        {wide + "\n1\n", "y"},                           // too many columns
        {tall, "y"},                                       // too many rows × columns
        {"a,y\n1,2,3\n", "y"},                           // a ragged row
        {"\n \n", "y"},                                  // empty
        {"a,y\n", "y"},                                   // a header only
        {"a,y\n\"1,x\n", "y"},                          // an open quote
        {"a,b,y\n1,,x\n2,3,z\n", "y"},                  // missing values: one row, two rows, every row
        {"a,b,y\n1,,x\n2,NA,z\n", "y"},
        {"a,b,y\n1,,x\n2,NA,z\n", "y", Task::classification, true},
        {"a,y\n1,x\n", "z"},                             // no such target column
        {"y\n1\n2\n", "y"},                             // no feature
        {many_labels, "y"},                                // too many classes
        {"a,y\n1,0.5\n2,1.25\n3,0.5\n", "y"},          // continuous labels
        {"a,y\n1,x\n2,x\n", "y"},                       // one class
    };
    Translator zh;
    zh.language = Language::chinese;
    std::set<std::string> shown;
    for (const Bad& bad : files) {
        const tunelab::CsvLoad load = tunelab::load_csv(bad.text, bad.target, bad.task, bad.drop_missing);
        REQUIRE(load.error);
        const std::string english = load.error->describe(), chinese = zh.issue(english);
        CAPTURE(english);
        CAPTURE(chinese);
        CHECK(chinese != english);
        // No English left but the quoted cells and names, and the names of formats and tools.
        const std::regex kept(R"('[^']*'|UTF-8|UTF-16|CSV|TuneLab|Excel|float|tunelab-cli|--drop-missing|--decimal-comma|--task regression|[0-9] [KMGT]i?B)");
        CHECK_FALSE(std::regex_search(std::regex_replace(chinese, kept, ""), std::regex("[A-Za-z]{3,}")));
        const std::regex number(R"([0-9]+(?:[.,][0-9]+)?(?:e[-+]?[0-9]+)?)");
        for (std::sregex_iterator it(english.begin(), english.end(), number), end; it != end; ++it)
            CHECK(chinese.find(it->str()) != std::string::npos);
        const tunelab::CsvError& place = *load.error;
        if (place.line > 0) CHECK(chinese.find("第 " + std::to_string(place.line) + " 行") == 0);
        else if (place.column > 0) CHECK(chinese.find("第 " + std::to_string(place.column) + " 列") == 0);
        shown.insert(chinese);
    }
    CHECK(shown.size() == std::size(files));
}
