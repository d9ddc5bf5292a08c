#include "ui/i18n.h"

namespace tunelab::ui {
namespace {

// Refused settings, as the core's validate(), the settings' JSON reader and the arena's set-up
// word them (Translator::issue puts the numbers of the first patterns back in).
constexpr TranslationEntry kEntries[] = {
    // With numbers
    {"is %s; allowed: %s", "当前为 %s，允许范围 %s"},
    {"has %s hidden layers; allowed: 0 to 8", "有 %s 个隐藏层，允许 0 到 8 个"},
    {"has %s classes; classification needs at least 2", "只有 %s 个类别，分类至少需要 2 个"},
    {"must be between %s and %s", "必须在 %s 到 %s 之间"},
    {"must be a whole number from %s to %s", "必须是 %s 到 %s 之间的整数"},
    {"has %s entries; the limit is %s", "有 %s 项，上限是 %s 项"},
    {"a network of %s weights needs %s to train; the limit is %s weights",
     "这个网络有 %s 个权重，训练需要 %s 内存；上限是 %s 个权重"},
    {"%s epochs × %s training samples are %s samples to train on; the limit is %s",
     "%s 个轮次 × %s 个训练样本 = 要训练 %s 个样本；上限是 %s"},
    {"must be a whole number from 0 to 9007199254740991, or a string of decimal digits up to 18446744073709551615",
     "必须是 0 到 9007199254740991 之间的整数，或不超过 18446744073709551615 的十进制数字字符串"},
    {"must be one of: %s", "必须是以下之一：%s"},
    {"the link is %s characters long; at most %s are read", "链接长 %s 个字符，最多只读取 %s 个"},
    {"the link's settings are not valid JSON: %s", "链接中的设置不是有效的 JSON：%s"},
    {"not valid JSON: %s", "不是有效的 JSON：%s"},
    // Data
    {"extra features (x², y², xy, sin x, sin y) need a 2-D data set: circle, xor, blobs, spiral, moons or plane",
     "额外特征（x²、y²、xy、sin x、sin y）需要 2-D（二维）数据集：circle、xor、blobs、spiral、moons 或 plane"},
    {"cells separated by semicolons", "单元格以分号分隔"},
    {"cells separated by tabs", "单元格以制表符分隔"},
    {"a UTF-8 byte-order mark skipped", "已跳过 UTF-8 字节顺序标记（BOM）"},
    {"the unnamed first column (row numbers 0, 1, 2, … as pandas writes them) left out",
     "已排除无名的第一列（pandas 默认写出的行号 0、1、2……）"},
    {"numbers with a decimal comma (3,14) read as 3.14", "用小数逗号写的数字（3,14）已读作 3.14"},
    {"1 row with missing values left out", "已排除 1 行含缺失值的数据"},
    {"%s rows with missing values left out", "已排除 %s 行含缺失值的数据"},
    // CSV files (the location before a refusal, then the refusals, as core/csv.cpp words them)
    {"line %s, column %s: %s", "第 %s 行第 %s 列：%s"},
    {"line %s: %s", "第 %s 行：%s"},
    {"column %s: %s", "第 %s 列：%s"},
    {"%s is not a number (column %s)", "%s 不是数字（列 %s）"},
    {"%s is beyond the range of a float (±3.4e38) (column %s)", "%s 超出了 float 的范围（±3.4e38）（列 %s）"},
    {"%s has a decimal comma: TuneLab reads numbers with a decimal point (%s); save the file with '.' as the decimal separator, or "
     "read decimal commas (the lab's \"Decimal commas\"; tunelab-cli: --decimal-comma) (column %s)",
     "%s 用了小数逗号：TuneLab 读取用小数点写的数字（%s）；请用“.”作小数分隔符重新保存文件，或读取小数逗号（实验室的“小数逗号”；"
     "tunelab-cli：--decimal-comma）（列 %s）"},
    {"target %s is not a number (regression needs numbers)", "目标值 %s 不是数字（回归需要数字）"},
    {"target %s is beyond the range of a float (±3.4e38) (regression needs numbers)",
     "目标值 %s 超出了 float 的范围（±3.4e38）（回归需要数字）"},
    {"target %s has a decimal comma: TuneLab reads numbers with a decimal point (%s); save the file with '.' as the decimal separator, "
     "or read decimal commas (the lab's \"Decimal commas\"; tunelab-cli: --decimal-comma) (regression needs numbers)",
     "目标值 %s 用了小数逗号：TuneLab 读取用小数点写的数字（%s）；请用“.”作小数分隔符重新保存文件，或读取小数逗号（实验室的“小数逗号”；"
     "tunelab-cli：--decimal-comma）（回归需要数字）"},
    {"the file is UTF-16 text; TuneLab reads UTF-8: save it as UTF-8 (in Excel: \"CSV UTF-8\")",
     "文件是 UTF-16 文本；TuneLab 读取 UTF-8：请另存为 UTF-8（Excel 中选“CSV UTF-8”）"},
    {"is not UTF-8 text (byte %s): TuneLab reads UTF-8; save the file as UTF-8 (in Excel: \"CSV UTF-8\")",
     "不是 UTF-8 文本（字节 %s）：TuneLab 读取 UTF-8；请将文件另存为 UTF-8（Excel 中选“CSV UTF-8”）"},
    {"the text is %s; the limit is %s", "文本大小为 %s；上限是 %s"},
    {"the file is empty: it needs a header line and at least one row", "文件是空的：需要一行表头和至少一行数据"},
    {"has %s columns; the limit is %s", "有 %s 列；上限是 %s 列"},
    {"has %s cells, the header has %s", "有 %s 个单元格，而表头有 %s 个"},
    {"more than %s cells (rows × columns), the limit", "超过了 %s 个单元格（行 × 列）的上限"},
    {"the file has a header but no rows", "文件只有表头，没有数据行"},
    {"a quoted cell is not closed", "引号中的单元格没有闭合"},
    {"a missing value in column %s; 1 row has one: drop them (the lab's \"Drop rows with missing values\"; tunelab-cli: --drop-missing) or "
     "fill them in",
     "列 %s 中有缺失值；有 1 行含缺失值：请删除它（实验室的“删除含缺失值的行”；tunelab-cli：--drop-missing）或补全"},
    {"a missing value in column %s; %s rows have one: drop them (the lab's \"Drop rows with missing values\"; tunelab-cli: --drop-missing) "
     "or fill them in",
     "列 %s 中有缺失值；共有 %s 行含缺失值：请删除这些行（实验室的“删除含缺失值的行”；tunelab-cli：--drop-missing）或补全"},
    {"every row has a missing value: no rows are left", "每一行都有缺失值：没有剩下的行"},
    {"no column named %s (columns: %s)", "没有名为 %s 的列（现有的列：%s）"},
    {"needs at least one feature column besides the target", "除目标列外至少需要一个特征列"},
    {"has up to %s rows × %s columns; the limit is %s cells", "最多有 %s 行 × %s 列；上限是 %s 个单元格"},
    {"target column %s has more than %s distinct labels, the limit for classes: is it a continuous target? Choose the regression task for "
     "it (tunelab-cli: --task regression)",
     "目标列 %s 有超过 %s 个不同的标签，超出了类别数的上限：它是连续的数值吗？请为它选择回归任务（tunelab-cli：--task regression）"},
    {"target column %s looks continuous (%s distinct numbers in %s rows, not all whole): choose the regression task (tunelab-cli: --task "
     "regression)",
     "目标列 %s 看起来是连续数值（%s 个不同的数，共 %s 行，且不全是整数）：请选择回归任务（tunelab-cli：--task regression）"},
    {"target column %s has only 1 class; classification needs at least 2", "目标列 %s 只有 1 个类别；分类至少需要 2 个"},
    {"no CSV data: choose a file with a header line and rows", "没有 CSV 数据：请选择一个带表头行和数据行的文件"},
    {"name the target column (one of the header's names)", "请指定目标列（表头中的某一列名）"},
    // Network and loss
    {"softmax is for classes; regression allows: linear, sigmoid", "softmax 用于分类；回归只能用 linear 或 sigmoid"},
    {"regression allows: mse", "回归只能用 mse 损失"},
    {"binary_cross_entropy needs output sigmoid (it is computed from the logits)",
     "binary_cross_entropy 需要 sigmoid 输出（它由 logits 直接计算）"},
    {"categorical_cross_entropy needs output softmax (it is computed from the logits)",
     "categorical_cross_entropy 需要 softmax 输出（它由 logits 直接计算）"},
    {"softmax pairs with categorical_cross_entropy or mse", "softmax 输出需搭配 categorical_cross_entropy 或 mse"},
    // Any JSON setting (shared links, the saved session, the test hook)
    {"must be a number", "必须是数字"},
    {"must be a whole number", "必须是整数"},
    {"must be true or false", "必须是 true 或 false"},
    {"must be a string", "必须是字符串"},
    {"must be a list", "必须是列表"},
    {"must be an object", "必须是对象"},
    {"unknown setting", "未知的设置项"},
    // Shared links and the saved session
    {"must be one value, or one per hidden layer (%s)", "必须是一个值，或每个隐藏层一个值（共 %s 层）"},
    {"more problems follow; the first %s are listed", "后面还有更多问题；这里只列出前 %s 个"},
    {"is not name=value", "不是“名称=值”的形式"},
    {"holds a broken percent-escape: the link was cut or altered", "含有残缺的百分号转义：链接被截断或改动过"},
    {"the link holds characters that are not base64url: it was cut or altered", "链接含有非 base64url 字符：它被截断或改动过"},
    {"the link's settings are not a JSON object", "链接中的设置不是 JSON 对象"},
    {"it was kept in this browser's storage as tunelab.session.bad", "它已另存在此浏览器的存储中，名为 tunelab.session.bad"},
    {"it was kept as %s", "它已另存为 %s"},
    {"it could not be kept aside (%s)", "无法将它另存（%s）"},
    {"must be 1 (this TuneLab reads version 1 sessions)", "必须是 1（此版本 TuneLab 读取第 1 版的会话）"},
    {"must be \"zh\" or \"en\"", "必须是“zh”或“en”"},
    {"must be \"lab\", \"arena\" or \"lessons\"", "必须是“lab”、“arena”或“lessons”"},
    {"must be a list of at most 2 runs", "必须是最多含 2 个运行的列表"},
    // The arena's set-up
    {"must be larger than the low end", "必须大于下限"},
    {"must be above 0 on a log scale", "对数刻度下必须大于 0"},
    {"tune at least one hyperparameter", "至少选择一个要调的超参数"},
    {"choose at least one strategy", "至少选择一种搜索策略"},
    {"unknown strategy", "未知的搜索策略"},
    {"listed twice", "重复列出"},
    {"adapts a network's learning rate while it trains: race it on the lab's network (a test function has none)",
     "在训练中调整网络的学习率：请在实验室的网络上比赛（测试函数没有学习率）"},
    {"trades the score against training cost: race it on the lab's network (a test function costs nothing)",
     "它在分数和训练成本之间取舍：请用实验室的网络比赛（测试函数没有训练成本）"},
    {"must be lab, branin, hartmann6, rosenbrock or forrester", "必须是 lab、branin、hartmann6、rosenbrock 或 forrester"},
    {"must be val_loss or val_accuracy", "必须是 val_loss 或 val_accuracy"},
};

}  // namespace

const std::span<const TranslationEntry> kIssueStrings = kEntries;

}  // namespace tunelab::ui
