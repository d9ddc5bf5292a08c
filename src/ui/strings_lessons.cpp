#include "ui/i18n.h"

namespace tunelab::ui {
namespace {

constexpr TranslationEntry kEntries[] = {
    // ---- the lessons page and the lesson card (lessons.cpp)
    {"Pick a lesson on the left: each one sets up the lab, asks you to do one thing and to watch one thing, and checks it.",
     "从左侧选一课：每一课都会帮你准备好实验室，请你做一件事、观察一个现象，并自动检查你是否完成。"},
    {"%d of %d steps done", "已完成 %d / %d 步"},
    {"Watch:", "观察："},
    {"Set it up for me", "帮我设置好"},
    {"Puts the data, the network and the settings where this step starts, and shows the lab.",
     "把数据、网络和各项设置调到这一步的起点，并切换到实验室。"},
    {"Show me", "演示给我看"},
    {"Does what the instruction says, so you can watch what happens.", "替你完成这一步的操作，你只需观察会发生什么。"},
    {"Done", "完成"},
    {"Next step →", "下一步 →"},
    {"Lesson complete. Pick another one on the Lessons page.", "本课完成！去“课程”页选下一课吧。"},
    {"%s — step %d of %d", "%s — 第 %d 步，共 %d 步"},
    {"All lessons", "全部课程"},

    // ---- the catalogue (lesson_catalogue.cpp), in its order
    {"Learning rate: too large, too small, just right", "学习率：太大、太小与刚刚好"},
    {"The learning rate is the size of each step down the loss. Too large and every step overshoots the valley until the numbers explode; too small and training crawls. It is the first hyperparameter to tune, and a good value is usually the largest one that is still stable.",
     "学习率决定每一步沿损失下坡走多远。太大，每一步都会冲过谷底，来回震荡直到数值爆炸；太小，训练慢得像蜗牛爬。它是调参时第一个要调的超参数，好的取值通常是“还能保持稳定的最大值”。"},
    {"Set the learning rate to 3 and press ▶.", "把学习率设为 3，然后按 ▶。"},
    {"The loss shoots up and training stops with a message: the weights exploded or the loss became NaN.",
     "损失猛地上升，训练停止并给出提示：权重爆炸，或损失变成了 NaN。"},
    {"Now set the learning rate to 0.0001 and press ▶.", "现在把学习率设为 0.0001，再按 ▶。"},
    {"The loss curve is almost flat: the steps are too small to get anywhere in 30 epochs.",
     "损失曲线几乎是平的：步子太小，30 个 epoch 内几乎原地踏步。"},
    {"Set the learning rate to 0.03 and press ▶.", "把学习率设为 0.03，再按 ▶。"},
    {"The loss falls fast and settles low; the validation R² ends close to 1.", "损失迅速下降并稳定在低位；验证集 R² 最终接近 1。"},

    {"Learning-rate decay", "学习率衰减"},
    {"A learning rate large enough to make fast progress early is too large to settle into the bottom of the valley later. Decaying it over training (step, exponential, cosine) gets both: big steps first, small steps at the end.",
     "前期能让训练快速推进的学习率，到了后期往往太大，无法在谷底稳定下来。让学习率随训练衰减（阶梯、指数、余弦）可以两全其美：先迈大步，最后走小步。"},
    {"Compare A / B is on, both with learning rate 0.3. Give run B the cosine schedule and press ▶.",
     "已打开 A / B 对比，两次运行的学习率都是 0.3。给运行 B 选余弦（cosine）衰减，然后按 ▶。"},
    {"B's learning rate falls to zero over training (Learning rate plot); its loss ends lower and calmer than A's.",
     "B 的学习率在训练中逐渐降到 0（见学习率曲线）；它的损失最终比 A 更低、更平稳。"},

    {"Batch size and gradient noise", "批大小与梯度噪声"},
    {"Each step estimates the gradient from one mini-batch. A small batch gives a noisy estimate but many steps per epoch; a large batch gives a smooth estimate but few steps. The noise is not only a cost: it also helps escape sharp minima.",
     "每一步都用一个小批量（mini-batch）来估计梯度。批越小，估计越嘈杂，但每个 epoch 走的步数多；批越大，估计越平滑，但步数少。噪声并不只是代价：它还能帮助跳出尖锐的极小值。"},
    {"Set run A's batch size to 2 and run B's to 100, then press ▶.", "把运行 A 的批大小设为 2，运行 B 的设为 100，然后按 ▶。"},
    {"A's loss curve is jagged, B's is smooth; B makes far less progress per epoch because it takes fewer steps.",
     "A 的损失曲线锯齿明显，B 的很平滑；但 B 每个 epoch 走的步数少，进展也慢得多。"},

    {"Epochs, over-fitting and early stopping", "训练轮数、过拟合与早停"},
    {"Train long enough and a large network memorises the training points, noise included: the training loss keeps falling while the validation loss turns and rises. Early stopping watches the validation loss and stops when it has not improved for a few epochs (the patience).",
     "训练得足够久，大网络就会把训练点连同噪声一起“背下来”：训练损失一直下降，验证损失却掉头上升。早停（early stopping）盯着验证损失，连续若干个 epoch（即耐心值 patience）没有改善就停止训练。"},
    {"Press ▶ and train for 200 epochs.", "按 ▶，训练 200 个 epoch。"},
    {"The validation loss reaches its lowest point early and then climbs, while the training loss keeps falling.",
     "验证损失很早就到达最低点，随后开始攀升，而训练损失仍在下降。"},
    {"Set the early-stopping patience to 10 and press ▶ again.", "把早停的耐心值设为 10，再按一次 ▶。"},
    {"Training stops by itself soon after the validation loss stops improving.", "验证损失不再改善后不久，训练就自动停止了。"},

    {"SGD, momentum, RMSprop and Adam", "SGD、动量、RMSprop 与 Adam"},
    {"Plain SGD steps straight down the current gradient. Momentum keeps a running direction, so it rolls through flat stretches and damps zig-zags; RMSprop divides each weight's step by its recent gradient size; Adam does both. Same data, same seed, only the optimizer changes.",
     "朴素 SGD 每一步都沿当前梯度直接下降。动量（momentum）保留一个累积的方向，能冲过平坦区域、抑制之字形震荡；RMSprop 用每个权重最近的梯度大小来缩放它的步长；Adam 两者兼而有之。数据相同、随机种子相同，只换优化器。"},
    {"Run A uses SGD. Set run B's optimizer to momentum and press ▶.", "运行 A 使用 SGD。把运行 B 的优化器设为动量（momentum），然后按 ▶。"},
    {"With the same learning rate, B's loss falls much faster than A's.", "学习率相同，B 的损失却比 A 下降得快得多。"},
    {"Set run B's optimizer to RMSprop and press ▶.", "把运行 B 的优化器设为 RMSprop，然后按 ▶。"},
    {"RMSprop also beats plain SGD: each weight gets a step sized to its own gradients.", "RMSprop 同样胜过朴素 SGD：每个权重的步长都按它自己的梯度来定。"},
    {"Set run B's optimizer to Adam and press ▶.", "把运行 B 的优化器设为 Adam，然后按 ▶。"},
    {"Adam, momentum plus per-weight step sizes, ends far below SGD.", "Adam 结合了动量和逐权重步长，最终损失远低于 SGD。"},

    {"L1, L2 and dropout", "L1、L2 正则化与 Dropout"},
    {"Regularization trades a little training fit for better generalization. L2 (weight decay) shrinks all weights a little; L1 pushes many of them to exactly zero; dropout switches random units off while training, so no unit can rely on another. Run A is the over-fitting baseline.",
     "正则化用一点训练集上的拟合换取更好的泛化。L2（权重衰减）让所有权重都收缩一些；L1 把许多权重压到恰好为 0；Dropout 在训练时随机关掉一些神经元，让任何神经元都不能依赖别的神经元。运行 A 是会过拟合的基线。"},
    {"Set run B's L2 penalty to 0.01 and press ▶.", "把运行 B 的 L2 惩罚设为 0.01，然后按 ▶。"},
    {"B's weights stay much smaller (Network view) and its validation loss does not climb like A's.",
     "B 的权重小得多（见网络视图），它的验证损失也不像 A 那样攀升。"},
    {"Set run B's L2 back to 0, its L1 penalty to 0.005, and press ▶.", "把运行 B 的 L2 改回 0，L1 惩罚设为 0.005，然后按 ▶。"},
    {"B's weight histogram piles up at zero: L1 switches many connections off entirely.", "B 的权重直方图堆积在 0 附近：L1 把许多连接彻底关掉了。"},
    {"Set run B's L1 back to 0, give both of its hidden layers dropout 0.3, and press ▶.",
     "把运行 B 的 L1 改回 0，给它的两个隐藏层都设置 0.3 的 Dropout，然后按 ▶。"},
    {"B's training loss is higher than A's (half its units are missing at times), but its validation loss ends lower.",
     "B 的训练损失比 A 高（训练时总有一部分神经元缺席），但它的验证损失最终更低。"},

    {"Zero, Gaussian and He initialization", "全零、高斯与 He 初始化"},
    {"Training starts from the initial weights. All zeros makes every unit in a layer compute the same thing forever; Gaussian noise of the wrong size makes signals explode or vanish through deep layers; He initialization scales the noise to each layer's fan-in, so ReLU networks start with signals of a healthy size.",
     "训练从初始权重出发。全零初始化让同一层的每个神经元永远计算同样的东西；尺度不对的高斯噪声会让信号在深层网络中爆炸或消失；He 初始化按每层的输入数（fan-in）缩放噪声，让 ReLU 网络一开始就有大小合适的信号。"},
    {"Set the initialization to zeros and press ▶.", "把初始化方式设为全零（zeros），然后按 ▶。"},
    {"The loss does not move and the decision boundary stays empty: with equal weights every unit gets the same update.",
     "损失纹丝不动，决策边界一片空白：权重全都相等时，每个神经元得到的更新也完全一样。"},
    {"Both runs now use a deep ReLU network with Gaussian weights of σ = 1. Set run B's initialization to He and press ▶.",
     "现在两次运行都使用深层 ReLU 网络，权重按 σ = 1 的高斯分布初始化。把运行 B 的初始化改为 He，然后按 ▶。"},
    {"A's loss starts huge and jumps around or diverges; B trains smoothly from the first epoch.",
     "A 的损失一开始就很大，随后剧烈跳动甚至发散；B 从第一个 epoch 起就训练得很平稳。"},

    {"Feature normalization", "特征归一化"},
    {"When one feature is in the thousands and another below one, the loss is a long narrow valley: a learning rate small enough for the large feature is far too small for the others. Standardizing every feature to mean 0 and standard deviation 1 (fitted on the training part only) makes the valley round.",
     "当一个特征的取值成千上万、另一个却小于 1 时，损失就像一条又长又窄的山谷：对大特征足够小的学习率，对其他特征就小得可怜。把每个特征标准化为均值 0、标准差 1（只在训练集上拟合）能让山谷变圆。"},
    {"The wine data is loaded without preprocessing. Press ▶.", "已加载未经预处理的葡萄酒（wine）数据。按 ▶。"},
    {"Training fails or gets nowhere: the proline feature (hundreds to thousands) dominates every step.",
     "训练失败或毫无进展：脯氨酸（proline）特征的取值在几百到几千之间，主导了每一步更新。"},
    {"Set the preprocessing to standardize and press ▶.", "把预处理设为标准化（standardize），然后按 ▶。"},
    {"With the same learning rate, the validation accuracy now climbs above 90%.", "学习率不变，验证准确率几个 epoch 内就升到 90% 以上。"},

    {"Training and validation data", "训练集与验证集"},
    {"The training loss says how well the network fits the points it has seen; only data it has never seen says how well it will do on new ones. Hold a part out for validation, and keep it large enough to be a fair estimate.",
     "训练损失只说明网络对见过的点拟合得有多好；只有它从未见过的数据，才能说明它在新数据上表现如何。留出一部分数据做验证，并且要留得足够多，估计才可靠。"},
    {"Press ▶ and compare the training and validation accuracy at the end.", "按 ▶，训练结束后比较训练准确率和验证准确率。"},
    {"Training accuracy reaches nearly 100%, validation accuracy stays clearly lower: the gap is over-fitting.",
     "训练准确率接近 100%，验证准确率却明显更低：这个差距就是过拟合。"},
    {"Set the validation fraction to 0.05 and press ▶.", "把验证集比例设为 0.05，然后按 ▶。"},
    {"Only 6 points are held out: the validation accuracy can only move in jumps of about 17%, too coarse to trust.",
     "只留出了 6 个点：验证准确率只能以约 17% 的幅度跳动，粗糙得不可信。"},

    {"Grid search vs random search", "网格搜索与随机搜索"},
    {"Grid search tries every combination of a few values per hyperparameter; random search draws each trial anew. With the same budget, a 4 × 4 grid tests only 4 learning rates, while 16 random trials test 16: when only one hyperparameter really matters, random search explores it far better (Bergstra & Bengio, 2012).",
     "网格搜索对每个超参数取几个值，把所有组合都试一遍；随机搜索每次试验都重新抽样。预算相同时，4 × 4 的网格只试了 4 个学习率，而 16 次随机试验试了 16 个：当真正重要的超参数只有一个时，随机搜索对它的探索要充分得多（Bergstra 与 Bengio，2012）。"},
    {"Grid and random search are set up with 16 trials each on the Branin function. Press ▶ Start race.",
     "已在 Branin 函数上设置好网格搜索和随机搜索，各 16 次试验。按“▶ 开始比赛”。"},
    {"In the \"Where they looked\" view, grid's points sit on 4 columns only; random's 16 points cover 16 different values of x1.",
     "在“搜索位置”视图中，网格搜索的点只落在 4 列上；随机搜索的 16 个点覆盖了 16 个不同的 x1 值。"},

    {"Challenge: the spiral at 90%, within 100 epochs", "挑战：100 个 epoch 内在螺旋数据上达到 90%"},
    {"Goal: reach a validation accuracy of 90% (or more) on the spiral (500 points, noise 0.05, validation fraction 0.3) with at most 100 epochs of training. Change anything in the Network and Hyperparameters panels; the data set and its split stay as they are.",
     "目标：在螺旋数据（500 个点，噪声 0.05，验证集比例 0.3）上，训练不超过 100 个 epoch，达到 90% 的验证准确率。网络和超参数面板里的设置随便改，数据集和划分保持不变。"},
    {"Find settings that reach the goal and press ▶.", "找到能达成目标的设置，然后按 ▶。"},
    {"The run's final validation accuracy, in the status line under the progress bar.", "进度条下方状态栏里显示的最终验证准确率。"},
};

}  // namespace

const std::span<const TranslationEntry> kLessonStrings = kEntries;

}  // namespace tunelab::ui
