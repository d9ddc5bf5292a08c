#include "ui/i18n.h"

#include <string_view>
#include <unordered_map>

namespace tunelab::ui {
namespace {

struct Entry {
    const char* english;
    const char* chinese;
};

// Keep each group in the order its panel shows it.
constexpr Entry kTable[] = {
    // Main window
    {"TuneLab", "TuneLab 调参实验室"},
    {"A hyperparameter-tuning playground", "超参数调优练习场"},
    {"Language", "语言"},
    {"Frame time", "帧耗时"},
    {"frames per second", "帧每秒"},
    {"Learn how learning rate, batch size, optimizers and search strategies shape training — by watching it.",
     "通过亲眼观察来理解学习率、批大小、优化器和搜索策略如何影响训练。"},
};

const std::unordered_map<std::string_view, const char*>& chinese_table() {
    static const auto table = [] {
        std::unordered_map<std::string_view, const char*> map;
        for (const Entry& entry : kTable) map.emplace(entry.english, entry.chinese);
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
