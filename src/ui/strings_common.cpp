#include "ui/i18n.h"

namespace tunelab::ui {
namespace {

constexpr TranslationEntry kEntries[] = {
    // Main window
    {"TuneLab", "TuneLab 调参实验室"},
    {"A hyperparameter-tuning playground", "超参数调优练习场"},
    {"Language", "语言"},
    {"Frame time", "帧耗时"},
    {"frames per second", "帧每秒"},
    {"Learn how learning rate, batch size, optimizers and search strategies shape training — by watching it.",
     "通过亲眼观察来理解学习率、批大小、优化器和搜索策略如何影响训练。"},
};

}  // namespace

const std::span<const TranslationEntry> kCommonStrings = kEntries;

}  // namespace tunelab::ui
