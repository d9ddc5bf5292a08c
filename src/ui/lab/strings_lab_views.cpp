#include "ui/i18n.h"

namespace tunelab::ui {
namespace {

constexpr TranslationEntry kEntries[] = {
    {"Validation images", "验证集图像"},
    {"Handwritten digits are 8×8 images. Each is framed green when the network names it right and red when it does not, with its answer "
     "below; before training, the images alone.",
     "手写数字是 8×8 的图像。网络认对的加绿框，认错的加红框，下面写着它的回答；训练开始前只显示图像本身。"},
    {"Most confused", "最常混淆"},
    {"The pairs of digits the network mixes up most often on the validation images: which shapes look alike to it.",
     "网络在验证图像上最常混淆的数字对：在它看来哪些形状长得像。"},
    {"No mistakes on the validation images.", "验证图像上没有认错的。"},
    {"%d taken for %d: %d times", "%d 被认成 %d：%d 次"},
    {"First-layer weights", "第一层权重"},
    {"Each tile is one unit of the first hidden layer: its 64 weights laid out as the image they multiply (blue positive, orange "
     "negative). Trained units show strokes and blobs, the parts of digits they look for.",
     "每个小块是第一隐藏层的一个单元：它的 64 个权重按所乘的图像排开（蓝为正，橙为负）。训练后的单元会呈现笔画和斑块，"
     "也就是它们在数字里寻找的部分。"},
    {"decision boundary (p = 0.5)", "决策边界（p = 0.5）"},
    {"decision boundary", "决策边界"},
    {"points", "数据点"},
    {"train, per batch", "训练（逐批次）"},
    // Tabs
    {"Training", "训练"},
    {"Predictions", "预测"},
    {"Network", "网络"},
    {"Histograms", "直方图"},
    {"Optimizer paths", "优化器路径"},

    // Curves
    {"Loss", "损失"},
    {"Training loss (on the mini-batches) and validation loss (on held-out data) per epoch. Where validation loss turns up while training "
     "loss keeps falling, the network starts memorizing the training set: over-fitting.",
     "每轮的训练损失（在小批量上）和验证损失（在留出的数据上）。当训练损失继续下降而验证损失开始回升时，网络开始死记训练集：这就是过拟合"
     "。"},
    {"log scale", "对数坐标"},
    {"loss", "损失"},
    {"epoch", "轮次"},
    {"train", "训练"},
    {"validation", "验证"},
    {"pinned", "固定对照"},
    {"over-fitting", "过拟合"},
    {"diverged", "发散"},
    {"Accuracy", "准确率"},
    {"accuracy", "准确率"},
    {"The share of samples whose class the network gets right, on the training batches and on the validation data. A wide gap between the "
     "two is over-fitting.",
     "网络判对类别的样本比例，分别在训练批次和验证数据上计算。两者差距很大就是过拟合。"},
    {"R²", "R²"},
    {"R² says how much of the target's variation the model explains: 1 is perfect, 0 is no better than predicting the mean. Values below "
     "−1 are cut off.",
     "R² 表示模型解释了目标值多少的变化：1 为完美，0 表示不比直接预测平均值更好。低于 −1 的部分不显示。"},
    {"Learning rate", "学习率"},
    {"The learning rate the optimizer used in each epoch, over the schedule it follows (the wide pale line). Warm-up, steps and decay show "
     "here before they show in the loss.",
     "优化器每轮实际使用的学习率，画在它遵循的学习率计划（宽的浅色线）之上。预热、阶梯下降和衰减会先在这里出现，然后才在损失中体现。"},
    {"learning rate", "学习率"},
    {"schedule", "计划"},
    {"used", "实际"},
    {"adapted", "自适应"},
    {"The loss and accuracy curves grow here, epoch by epoch, once training starts. The learning rate will follow this schedule:",
     "开始训练后，损失和准确率曲线会在这里逐轮生长。学习率将按以下计划变化："},

    // Predictions
    {"Data", "数据"},
    {"The training points (filled) and the validation points (rings) the network will learn from, coloured by class or by target value. "
     "The validation points are never trained on: they show how well the network generalizes.",
     "网络将要学习的训练点（实心）和验证点（圆环），按类别或目标值着色。验证点从不参与训练：它们显示网络的泛化能力。"},
    {"training points", "训练点"},
    {"validation points", "验证点"},
    {"target", "目标值"},
    {"Decision boundary", "决策边界"},
    {"Predictions over the plane", "平面上的预测"},
    {"Fitted curve", "拟合曲线"},
    {"Confusion matrix", "混淆矩阵"},
    {"Predicted vs true", "预测值与真实值"},
    {"The colour shows what the network predicts at every point of the plane; where it changes is the decision boundary. A smooth boundary "
     "that follows the data generalizes; one that winds around single training points over-fits.",
     "颜色表示网络在平面上每一点的预测，颜色变化处就是决策边界。顺着数据走势的平滑边界泛化得好；绕着个别训练点弯来弯去的边界就是过拟合。"},
    {"The colour shows the value the network predicts at every point of the plane, the points their true values.",
     "背景颜色是网络在平面上每一点预测的值，数据点的颜色是它们的真实值。"},
    {"The line is the function the network computes. With few points and a big network it wiggles through the training points and misses "
     "the validation ones: over-fitting.",
     "这条线是网络计算出的函数。数据点少而网络大时，它会扭曲着穿过训练点却偏离验证点：这就是过拟合。"},
    {"Validation samples by true class (rows) and predicted class (columns): the diagonal is right, everything else is a mistake.",
     "验证样本按真实类别（行）和预测类别（列）计数：对角线上是判对的，其余都是错误。"},
    {"Each validation sample at its true value (across) and the network's prediction (up): on the diagonal line the prediction is exact.",
     "每个验证样本横坐标为真实值、纵坐标为网络的预测值：落在对角线上表示预测完全准确。"},
    {"prediction", "预测值"},
    {"probability of class 1", "类别 1 的概率"},
    {"predicted class", "预测类别"},
    {"true class", "真实类别"},
    {"samples", "样本数"},
    {"network", "网络"},
    {"true value", "真实值"},
    {"predicted value", "预测值"},
    {"perfect", "完美预测"},

    // Histograms
    {"Histograms of each layer's weights and activations appear once training starts.",
     "开始训练后，这里会显示每一层权重和激活值的直方图。"},
    {"Layer", "层"},
    {"Output", "输出层"},
    {"Weights", "权重"},
    {"The weights of the chosen layer. Zero or constant initialization shows as a single bar: every unit computes the same thing and stays "
     "so (symmetry). L1 regularization piles weights up at exactly zero (sparsity).",
     "所选层的权重。零初始化或常数初始化只显示一根柱子：每个单元计算相同的东西并一直保持如此（对称性）。L1 "
     "正则化会把权重堆积在恰好为零处（稀疏性）。"},
    {"weight", "权重"},
    {"count", "数量"},
    {"Activations", "激活值"},
    {"What the chosen layer's units output on the validation data. With ReLU, a tall bar at exactly 0 means dead units that never fire; "
     "with tanh or sigmoid, bars piled at the ends mean saturated units that learn slowly.",
     "所选层的单元在验证数据上的输出。使用 ReLU 时，恰好为 0 处的高柱表示从不激活的“死亡”单元；使用 tanh 或 sigmoid 时，"
     "堆在两端的柱子表示饱和的单元，它们学得很慢。"},
    {"activation", "激活值"},
    {"Gradient norm per layer", "每层梯度范数"},
    {"How large each layer's gradient is, per epoch. It shoots up before a run diverges; a layer whose gradient is far smaller than the "
     "others barely learns (vanishing gradients, dead ReLUs).",
     "每层梯度每轮的大小。训练发散之前它会猛增；某一层的梯度若远小于其他层，这一层几乎学不到东西（梯度消失、ReLU 死亡）。"},
    {"Weight norm per layer", "各层权重范数"},
    {"The size of each layer's weights, per epoch. L2 regularization holds them down; weights that keep growing often go with "
     "over-fitting.",
     "每轮各层权重的大小。L2 正则化会压住它们；持续增长的权重常常伴随着过拟合。"},

    // Network
    {"Each column is a layer; each link a weight: blue positive, orange negative, thicker when larger. With 2-D data each hidden unit "
     "shows what it computes over the plane: the first layer draws lines, later layers combine them into curves. Hover a link to read its "
     "weight.",
     "每一列是一层，每条连线是一个权重：蓝色为正，橙色为负，越粗越大。对于二维数据，每个隐藏单元显示它在平面上计算的结果：第一层画出直线，"
     "后面的层把直线组合成曲线。把鼠标悬停在连线上可读出权重。"},
    {"(its shape; weights appear once training starts)", "（网络结构；开始训练后显示权重）"},
    {"inputs", "输入"},
    {"layer", "层"},
    {"output", "输出"},
    {"(%d shown)", "（显示 %d 个）"},
    {"unit", "单元"},
    {"bias", "偏置"},
    {"from node", "从节点"},
    {"to node", "到节点"},

    // Optimizer paths
    {"Each optimizer starts at the ring and takes the same number of steps downhill with its own learning rate for this surface; the star "
     "marks the minimum. In the long bowl plain SGD zig-zags across the steep direction while momentum builds up speed along the flat one; "
     "Adam and RMSprop scale each direction's step by its own gradient size.",
     "每个优化器都从圆环处出发，用它在这个曲面上自己的学习率向下走相同的步数；星号标出最低点。在狭长的碗形曲面上，普通 SGD "
     "在陡峭方向来回振荡，而动量法沿平缓方向不断加速；Adam 和 RMSprop 按每个方向自身梯度的大小调整步长。"},
    {"Long bowl  x² + 10y²", "狭长碗形  x² + 10y²"},
    {"Rosenbrock valley", "Rosenbrock 山谷"},
    {"Saddle  x² − y²", "鞍形  x² − y²"},
    {"Surface", "曲面"},
    {"Steps", "步数"},
    {"Learning rates ×", "学习率 ×"},
    {"Each optimizer has its own learning rate on each surface (shown next to it): one rate cannot suit plain SGD and Adam alike. This "
     "scales them all; raise it to watch them overshoot.",
     "每个优化器在每个曲面上都有自己的学习率（写在它旁边）：同一个学习率不可能同时适合普通 SGD 和 Adam。这里把它们一起放大或缩小；"
     "调大可以看到它们冲过头。"},
    {"log10(1 + height)", "log10(1 + 高度)"},
    {"height", "高度"},
    {"Click or drag to start the optimizers here.", "点击或拖动，让优化器从这里出发。"},
};

}  // namespace

const std::span<const TranslationEntry> kLabViewStrings = kEntries;

}  // namespace tunelab::ui
