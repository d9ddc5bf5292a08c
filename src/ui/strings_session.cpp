#include "ui/i18n.h"

namespace tunelab::ui {
namespace {

constexpr TranslationEntry kEntries[] = {
    // The Share / Save / Export menu
    {"Share / Save / Export", "分享 / 保存 / 导出"},
    {"Share this configuration as a link, export the results, or take it to PyTorch.",
     "把当前配置分享为链接、导出结果，或带到 PyTorch 中继续训练。"},
    {"The page address always holds this configuration, seed included: opening the link reproduces the same run.",
     "页面地址始终包含当前的全部配置（含随机种子）：打开这个链接就能复现同样的训练。"},
    {"Copy share link", "复制分享链接"},
    {"The link leaves your CSV data out: whoever opens it loads the file again. The saved session keeps it.",
     "链接不包含你的 CSV 数据：打开链接的人需要重新载入该文件。已保存的会话仍保留它。"},
    {"Export results as CSV", "导出结果为 CSV"},
    {"Export the arena's trials as CSV", "导出竞技场的全部试验为 CSV"},
    {"Export session and results as JSON", "导出会话和结果为 JSON"},
    {"Export as Python (PyTorch + Optuna)", "导出为 Python 脚本（PyTorch + Optuna）"},
    {"A ready-to-run script with the same data, network, optimizer and schedule, and an Optuna search around it: "
     "take what you learned here to real training.",
     "一个可直接运行的脚本：相同的数据、网络、优化器和学习率计划，外加围绕它的 Optuna 搜索——把在这里学到的带到真实训练中。"},
    {"Reset everything to defaults", "全部恢复为默认设置"},
    {"Settings are saved automatically and restored when you come back.", "设置会自动保存，下次打开时自动恢复。"},
    {"Last export:", "最近一次导出："},
    // The notice about a refused link or saved session
    {"Notice", "提示"},
    {"This shared link could not be opened, so the default settings were loaded.",
     "这个分享链接无法打开，已载入默认设置。"},
    {"The saved session could not be restored, so the default settings were loaded.",
     "保存的会话无法恢复，已载入默认设置。"},
    {"Reason:", "原因："},
    {"OK", "确定"},
};

}  // namespace

const std::span<const TranslationEntry> kSessionStrings = kEntries;

}  // namespace tunelab::ui
