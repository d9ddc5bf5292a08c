#include "ui/i18n.h"

namespace tunelab::ui {
namespace {

constexpr TranslationEntry kEntries[] = {
    // Main window
    {"TuneLab", "TuneLab 调参实验室"},
    {"A hyperparameter-tuning playground", "超参数调优练习场"},
    {"Language", "语言"},
    {"Frame time", "帧耗时"},
    {"Training lab", "训练实验室"},
    {"Search arena", "搜索竞技场"},
    {"Lessons", "课程"},
    {"CPU time per frame (training slice + drawing), averaged over the last 120 frames.",
     "每帧的 CPU 时间（训练切片 + 绘制），取最近 120 帧的平均值。"},
    {"New here? Start with Lesson 1 →", "第一次来？从第 1 课开始 →"},
    {"Not now", "以后再说"},
    {"A two-minute lesson: what a learning rate that is too large, too small and just right does to training.",
     "两分钟的课：学习率太大、太小和刚好时，训练分别会怎样。"},
    {"Show frame time (for developers)", "显示帧耗时（开发者用）"},
};

}  // namespace

const std::span<const TranslationEntry> kCommonStrings = kEntries;

}  // namespace tunelab::ui
