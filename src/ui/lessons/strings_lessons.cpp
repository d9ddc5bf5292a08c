#include "ui/i18n.h"

namespace tunelab::ui {
namespace {

constexpr TranslationEntry kEntries[] = {
    // Four trials at once
    {"Four trials at once", "四个试验同时跑"},
    {"Real tuning runs several trials side by side, one per worker. A strategy then proposes a trial while others are still running. "
     "BO that left them out of its model would propose the same point again and again: nothing it knows has changed. Counting the "
     "running trials in (BO guesses their scores, TPE counts them as bad) spreads simultaneous proposals out. And stopping weak "
     "trials early must not leave workers waiting: synchronous Hyperband waits for a whole rung before it promotes anyone; its "
     "asynchronous form, ASHA, promotes a trial as soon as it is in the top third of its rung so far.",
     "真实的调参会并排跑好几个试验，每个工作线程一个。于是策略要在别的试验还在跑时提出新的试验。"
     "如果 BO 的模型不把它们算进去，就会一次又一次地提出同一个点：它知道的东西没有变。把正在跑的试验算进去"
     "（BO 猜测它们的分数，TPE 把它们当作差的），同时提出的点就会散开。提前停掉差的试验也不该让工作线程空等："
     "同步的 Hyperband 要等一整级都跑完才晋级；它的异步形式 ASHA 只要一个试验进入本级目前的前三分之一就立即晋级。"},
    {"BO (EI) searches Branin with 4 trials at once: each round it proposes 4 points together, each while the ones before it are "
     "still running. Press ▶ Start race.",
     "BO (EI) 在 Branin 上同时跑 4 个试验：每一轮一起提出 4 个点，每个点都是在前面几个还在跑时提出的。按 ▶ 开始比赛。"},
    {"In the Landscape view, BO's points come in fours that lie apart; while trials run they are hollow pulsing rings.",
     "在地形图里，BO 的点四个一组，彼此分开；试验还在跑时，它们是空心跳动的圆环。"},
    {"BO's 4 simultaneous proposals lie at least 0.04 of the box's side apart (each from its nearest of the four, on average).",
     "BO 同时提出的 4 个点彼此相距至少为搜索框边长的 0.04 倍（每个点到四个中最近的另一个点，取平均）。"},
    {"That is at least 3× the spread of 4 proposals from the same model leaving the running trials out.",
     "这至少是同一个模型不算正在跑的试验时提出 4 个点的间距的 3 倍。"},
    {"Hyperband and ASHA each keep 4 trials of the lab's network running, a new one as soon as a worker is free. The page plays the "
     "4 workers: on a clock that counts epochs, every running trial trains one epoch per tick. Press ▶ Start race.",
     "Hyperband 和 ASHA 各自保持 4 个实验室网络的试验在跑，一有工作者空出来就开始新的。由页面扮演这 4 个工作者："
     "时钟按轮计数，每一拍里每个在跑的试验训练一轮。按 ▶ 开始比赛。"},
    {"In the Timeline, Hyperband's lanes have gaps at the end of each rung, where it waits for the rung's last trial before it "
     "promotes, though it has new configurations left; ASHA's stay full until its last new configuration starts. At the end both "
     "have only their longest trials left. Above the lanes: how busy each kept its workers while it still had new configurations "
     "to start. With trials of unequal length (bigger networks) each rung waits for its slowest, and the gaps grow.",
     "在时间线里，Hyperband 的泳道在每一级结束时有空档：虽然还有新配置可以开始，它也要等这一级最后一个试验跑完才晋级；"
     "ASHA 的泳道一直是满的，直到最后一个新配置开始。最后两者都只剩下最长的试验。"
     "泳道上方写着：在还有新配置可以开始的时候，各自让工作者忙碌的时间占多少。"
     "如果试验长短不一（网络更大），每一级都要等最慢的那个，空档会更大。"},
    {"While it still has new configurations to start, ASHA's 4 workers are busy at least 95%: they never wait.",
     "在还有新配置可以开始的时候，ASHA 的 4 个工作者忙碌的时间至少占 95%：它们从不等待。"},
    {"That is at least 1.25× Hyperband's share.", "这至少是 Hyperband 的 1.25 倍。"},

    // ---- the lessons page and the lesson card (lessons.cpp)
    {"Pick a lesson on the left: each one sets up the lab, asks you to do one thing and to watch one thing, and checks it.",
     "从左侧选一课：每一课都会帮你准备好实验室，请你做一件事、观察一个现象，并自动检查你是否完成。"},
    {"%d of %d steps done", "已完成 %d / %d 步"},
    {"Watch:", "观察："},
    {"Set it up for me", "帮我设置好"},
    {"Press 'Set it up for me' first: the step counts from there.", "请先按“帮我设置好”：这一步从那之后才开始计算。"},
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
    {"The learning rate is the size of each step down the loss. Too large and every step overshoots the valley until the numbers explode; "
     "too small and training crawls. It is the first hyperparameter to tune, and a good value is usually the largest one that is still "
     "stable. Run A keeps a good learning rate, 0.03, as the reference; you change run B's.",
     "学习率决定每一步沿损失下坡走多远。太大，每一步都会冲过谷底，来回震荡直到数值爆炸；太小，训练慢得像蜗牛爬。"
     "它是调参时第一个要调的超参数，好的取值通常是“还能保持稳定的最大值”。运行 A 保持一个好的学习率 0.03 作为参照；你来改运行 B 的。"},

    {"Learning-rate decay", "学习率衰减"},
    {"A learning rate large enough to make fast progress early is too large to settle into the bottom of the valley later. Decaying it "
     "over training (step, exponential, cosine) gets both: big steps first, small steps at the end.",
     "前期能让训练快速推进的学习率，到了后期往往太大，无法在谷底稳定下来。让学习率随训练衰减（阶梯、指数、余弦）可以两全其美：先迈大步，"
     "最后走小步。"},

    {"Let the learning rate learn (hypergradient descent)", "让学习率自己学（超梯度下降）"},
    {"The learning rate can be tuned during training by gradient descent itself: before each step, compare the new gradient with the "
     "direction of the last step. If the new step would go the same way, the last one was too short, so the rate grows; if it would turn "
     "back, the last one overshot, so the rate shrinks (Baydin et al., ICLR 2018). One training run tunes its own rate, with a hyper "
     "learning rate β in place of the learning rate.",
     "学习率可以在训练过程中由梯度下降本身来调：每一步之前，把新的梯度与上一步的方向比一比。如果新的一步与上一步同向，说明上一步走得太短，"
     "学习率就增大；如果要往回走，说明上一步冲过了头，学习率就减小（Baydin 等，ICLR 2018）。一次训练就调好了它自己的学习率，"
     "要设的只剩一个超学习率 β。"},
    {"Batch size and gradient noise", "批大小与梯度噪声"},
    {"Each step estimates the gradient from one mini-batch. A small batch gives a noisy estimate but many steps per epoch; a large batch "
     "gives a smooth estimate but few steps. The noise is not only a cost: it also helps escape sharp minima.",
     "每一步都用一个小批量（mini-batch）来估计梯度。批越小，估计越嘈杂，但每一轮 走的步数多；批越大，估计越平滑，但步数少。"
     "噪声并不只是代价：它还能帮助跳出尖锐的极小值。"},

    {"Epochs, over-fitting and early stopping", "训练轮数、过拟合与早停"},
    {"Train long enough and a large network memorises the training points, noise included: the training loss keeps falling while the "
     "validation loss turns and rises. Early stopping watches the validation loss and stops when it has not improved for a few epochs (the "
     "patience).",
     "训练得足够久，大网络就会把训练点连同噪声一起“背下来”：训练损失一直下降，验证损失却掉头上升。早停（early stopping）盯着验证损失，"
     "连续若干轮（即耐心值 patience）没有改善就停止训练。"},
    {"Press ▶ and train for 200 epochs.", "按 ▶，训练 200 轮。"},
    {"Set the early-stopping patience to 10 and press ▶ again.", "把早停的耐心值设为 10，再按一次 ▶。"},

    {"SGD, momentum, RMSprop and Adam", "SGD、动量、RMSprop 与 Adam"},
    {"Plain SGD steps straight down the current gradient. Momentum keeps a running direction, so it rolls through flat stretches and damps "
     "zig-zags; RMSprop divides each weight's step by its recent gradient size; Adam does both. Same data, same seed, only the optimizer "
     "changes.",
     "朴素 SGD 每一步都沿当前梯度直接下降。动量（momentum）保留一个累积的方向，能冲过平坦区域、抑制之字形震荡；RMSprop "
     "用每个权重最近的梯度大小来缩放它的步长；Adam 两者兼而有之。数据相同、随机种子相同，只换优化器。"},
    {"Run A uses SGD. Set run B's optimizer to momentum and press ▶.",
     "运行 A 使用 SGD。把运行 B 的优化器设为动量（momentum），然后按 ▶。"},
    {"Set run B's optimizer to RMSprop and press ▶.", "把运行 B 的优化器设为 RMSprop，然后按 ▶。"},
    {"Set run B's optimizer to Adam and press ▶.", "把运行 B 的优化器设为 Adam，然后按 ▶。"},

    {"L1, L2 and dropout", "L1、L2 正则化与 Dropout"},
    {"Regularization trades a little training fit for better generalization. L2 (weight decay) shrinks all weights a little; L1 pushes "
     "many of them to exactly zero; dropout switches random units off while training, so no unit can rely on another. Run A is the "
     "over-fitting baseline.",
     "正则化用一点训练集上的拟合换取更好的泛化。L2（权重衰减）让所有权重都收缩一些；L1 把许多权重压到恰好为 0；Dropout "
     "在训练时随机关掉一些神经元，让任何神经元都不能依赖别的神经元。运行 A 是会过拟合的基线。"},
    {"Set run B's L2 penalty to 0.01 and press ▶.", "把运行 B 的 L2 惩罚设为 0.01，然后按 ▶。"},
    {"Set run B's L1 back to 0, give both of its hidden layers dropout 0.3, and press ▶.",
     "把运行 B 的 L1 改回 0，给它的两个隐藏层都设置 0.3 的 Dropout，然后按 ▶。"},

    {"Zero, Gaussian and He initialization", "全零、高斯与 He 初始化"},
    {"Training starts from the initial weights. All zeros makes every unit in a layer compute the same thing forever; Gaussian noise of "
     "the wrong size makes signals explode or vanish through deep layers; He initialization scales the noise to each layer's fan-in, so "
     "ReLU networks start with signals of a healthy size.",
     "训练从初始权重出发。全零初始化让同一层的每个神经元永远计算同样的东西；尺度不对的高斯噪声会让信号在深层网络中爆炸或消失；He "
     "初始化按每层的输入数（fan-in）缩放噪声，让 ReLU 网络一开始就有大小合适的信号。"},
    {"Both runs now use a deep ReLU network with Gaussian weights of σ = 1. Set run B's initialization to He and press ▶.",
     "现在两次运行都使用深层 ReLU 网络，权重按 σ = 1 的高斯分布初始化。把运行 B 的初始化改为 He，然后按 ▶。"},

    {"Feature normalization", "特征归一化"},
    {"When one feature is in the thousands and another below one, the loss is a long narrow valley: a learning rate small enough for the "
     "large feature is far too small for the others. Standardizing every feature to mean 0 and standard deviation 1 (fitted on the "
     "training part only) makes the valley round.",
     "当一个特征的取值成千上万、另一个却小于 1 时，损失就像一条又长又窄的山谷：对大特征足够小的学习率，对其他特征就小得可怜。"
     "把每个特征标准化为均值 0、标准差 1（只在训练集上拟合）能让山谷变圆。"},
    {"The wine data is loaded without preprocessing. Press ▶.", "已加载未经预处理的葡萄酒（wine）数据。按 ▶。"},
    {"With the same learning rate, the validation accuracy now climbs above 90%.", "学习率不变，验证准确率几轮内就升到 90% 以上。"},

    {"Training and validation data", "训练集与验证集"},
    {"The training loss says how well the network fits the points it has seen; only data it has never seen says how well it will do on new "
     "ones. Hold a part out for validation, and keep it large enough to be a fair estimate.",
     "训练损失只说明网络对见过的点拟合得有多好；只有它从未见过的数据，才能说明它在新数据上表现如何。留出一部分数据做验证，"
     "并且要留得足够多，估计才可靠。"},
    {"Press ▶ and compare the training and validation accuracy at the end.", "按 ▶，训练结束后比较训练准确率和验证准确率。"},

    {"Accuracy vs training cost", "准确率与训练成本"},
    {"A bigger network can draw more complicated boundaries, but every extra unit costs arithmetic on every example, every epoch. On an "
     "easy problem a small network is already nearly perfect, and a big one pays many times more for a gain too small to matter: the best "
     "settings are those on the Pareto front of accuracy against cost.",
     "更大的网络能画出更复杂的边界，但每多一个单元，每个样本、每一轮都要多算一份。在简单的问题上，小网络已经接近完美，"
     "大网络却要多付出许多倍的计算，换来的提升小到可以忽略：最好的设置位于准确率与成本的帕累托前沿上。"},
    {"Compare A / B is on; both runs have one hidden layer of 8 units. Give run B three hidden layers of 64 units each and press ▶.",
     "A / B 对比已打开，两次运行都只有一个 8 个单元的隐藏层。给运行 B 设置三个隐藏层、每层 64 个单元，然后按 ▶。"},
    {"The status lines: both validation accuracies are about the same, but B's training cost (in FLOPs) is hundreds of times A's.",
     "看状态栏：两者的验证准确率差不多，但 B 的训练成本（浮点运算次数）是 A 的几百倍。"},

    {"Grid search vs random search", "网格搜索与随机搜索"},
    {"Grid search tries every combination of a few values per hyperparameter; random search draws each trial anew. With the same budget, a "
     "4 × 4 grid tests only 4 learning rates, while 16 random trials test 16: when only one hyperparameter really matters, random search "
     "explores it far better (Bergstra & Bengio, 2012).",
     "网格搜索对每个超参数取几个值，把所有组合都试一遍；随机搜索每次试验都重新抽样。预算相同时，4 × 4 的网格只试了 4 个学习率，而 16 "
     "次随机试验试了 16 个：当真正重要的超参数只有一个时，随机搜索对它的探索要充分得多（Bergstra 与 Bengio，2012）。"},
    {"Grid and random search are set up with 16 trials each on the Branin function. Press ▶ Start race.",
     "已在 Branin 函数上设置好网格搜索和随机搜索，各 16 次试验。按“▶ 开始比赛”。"},
    {"In the \"Where they looked\" view, grid's points sit on 4 columns only; random's 16 points cover 16 different values of x1.",
     "在“搜索位置”视图中，网格搜索的点只落在 4 列上；随机搜索的 16 个点覆盖了 16 个不同的 x1 值。"},

    {"Trade-offs: one corner or the whole front", "取舍：一个角，还是整条前沿"},
    {"A network can be made more accurate by making it bigger or training it longer, and both cost computation. A search that optimizes "
     "the score alone finds the accurate corner; but the learner who must pay for training wants the whole Pareto front: for each budget, "
     "the best score it buys. ParEGO (Knowles 2006) searches for that front with Bayesian optimization: before each trial it weighs error "
     "and cost at random, so different trials aim at different trade-offs. The hypervolume measures a front by one number: how much of "
     "the box of error and cost its trials dominate.",
     "把网络做大或训练更久能让它更准确，但两者都要花计算。只优化分数的搜索会找到“准确”的那个角；可要为训练买单的人想要整条帕累托前沿："
     "每一份预算能买到的最好分数。ParEGO（Knowles，2006）用贝叶斯优化寻找这条前沿：每次试验前随机给误差和成本分配权重，"
     "于是不同的试验瞄准不同的取舍。超体积用一个数衡量一条前沿：它的试验在误差与成本的方框中支配了多大一块。"},
    {"BO (EI) and ParEGO each get 20 trials to choose the units of the lab's network and its epochs on the digits. BO optimizes the "
     "validation error alone; ParEGO the error and the training cost. Press ▶ Start race.",
     "BO (EI) 和 ParEGO 各有 20 次试验，在手写数字数据集上为实验室的网络选择单元数和训练轮数。"
     "BO 只优化验证误差；ParEGO 同时优化误差和训练成本。按“▶ 开始比赛”。"},
    {"In the Trade-offs view, BO's trials crowd into the costly, accurate corner; ParEGO's spread from cheap networks to accurate ones, "
     "its front is longer and its hypervolume curve climbs higher.",
     "在“取舍”视图中，BO 的试验挤在昂贵而准确的角上；ParEGO 的试验从便宜的网络铺到准确的网络，它的前沿更长，超体积曲线也爬得更高。"},

    {"Bayesian optimization step by step", "一步一步看贝叶斯优化"},
    {"Bayesian optimization fits a Gaussian-process surrogate model to the trials so far: its mean is the best guess of the objective, its "
     "uncertainty says how far to trust it. An acquisition function such as Expected Improvement (EI) turns both into a score of every "
     "point, and the point with the highest score is tried next. It balances exploitation (near the best so far) and exploration (where "
     "the model is unsure). Evolution strategies such as CMA-ES (also in the arena) model no loss at all: they move a Gaussian cloud of "
     "trials towards the good ones and stretch it along the valley they find. They shine when trials are cheap and many, on narrow tilted "
     "valleys and on noisy losses; with a few dozen costly trials a model-based search usually wins.",
     "贝叶斯优化用已有的试验拟合一个高斯过程代理模型：它的均值是对目标函数的最佳猜测，它的不确定性说明这个猜测有多可信。"
     "采集函数（例如期望改进 EI）把两者合成每个点的得分，得分最高的点就是下一次试验。它在利用（靠近目前最好的点）和探索（模型没把握的地方）"
     "之间取得平衡。CMA-ES 等进化策略（竞技场里也有）完全不为损失建模：它们把一团高斯分布的试验点移向好的点，并沿着找到的山谷拉伸。"
     "当试验便宜且数量多、山谷狭窄倾斜或损失有噪声时，它们表现出色；只有几十次昂贵的试验时，基于模型的搜索通常更好。"},
    {"BO (EI) is ready on the 1-D Forrester function, paused. Press Step one round six times: the first five trials are spread evenly, the "
     "sixth is the model's choice.",
     "贝叶斯优化 (EI) 已在一维 Forrester 函数上准备好，处于暂停状态。按六次“前进一轮”：前五次试验均匀铺开，第六次由模型来选。"},
    {"In the Bayesian optimization view, the band (mean ± 2σ) is narrow at the trials and wide between them; the red line marks the "
     "highest point of the acquisition curve, the next trial.",
     "在“贝叶斯优化”视图中，不确定性带（均值 ± 2σ）在试验点处很窄，在试验点之间很宽；红线标出采集函数曲线的最高点，也就是下一次试验。"},
    {"Drag the ξ slider above the plots to 0.5, then press Step one round.", "把图上方的 ξ 滑块拖到 0.5，然后按“前进一轮”。"},
    {"A larger ξ demands more improvement: the acquisition peak leaves the trials behind and the next trial lands in a gap the model knows "
     "little about.",
     "更大的 ξ 要求更大的改进：采集函数的峰值离开已有的试验点，下一次试验落在模型了解很少的空白处。"},

    {"Hyperband: stop the weak trials early", "Hyperband：尽早停掉差的试验"},
    {"Most configurations are bad, and a few epochs are often enough to tell. Successive halving starts many configurations with a small "
     "budget, keeps the best third at each rung and trains only those longer; Hyperband runs it at several levels of aggressiveness. The "
     "epochs saved on hopeless trials are the point: an early-stopping rule for the whole search.",
     "大多数配置都不好，而且往往几轮就看得出来。逐次减半先用很小的预算启动许多配置，在每一级只留下最好的三分之一继续训练；Hyperband "
     "以几种不同的激进程度运行逐次减半。关键在于省下花在没希望的试验上的轮数：这是整个搜索层面的早停。"},
    {"Random search and Hyperband each get 9 trials of at most 9 epochs on the lab's spiral. Press ▶ Start race.",
     "随机搜索和 Hyperband 各有 9 次试验，每次最多 9 轮，数据是训练实验室里的螺旋数据。按“▶ 开始比赛”。"},
    {"Each progress bar counts the epochs trained: random trains every trial for all 9, Hyperband far fewer. In the Trials view, pick "
     "Hyperband: most of its trials are \"pruned\", stopped after 1 or 3 epochs.",
     "每个进度条都显示已训练的总轮数：随机搜索每次试验都训满 9 轮，Hyperband 少得多。在“试验”视图中选择 Hyperband："
     "它的大多数试验状态是“pruned”（被剪枝），训练 1 轮或 3 轮后就停了。"},

    {"Challenge: the spiral at 90%, within 100 epochs", "挑战：100 轮内在螺旋数据上达到 90%"},
    {"Goal: reach a validation accuracy of 90% (or more) on the spiral (500 points, noise 0.05, validation fraction 0.3) with at most 100 "
     "epochs of training. Change anything in the Network and Hyperparameters panels; the data set and its split stay as they are.",
     "目标：在螺旋数据（500 个点，噪声 0.05，验证集比例 0.3）上，训练不超过 100 轮，达到 90% 的验证准确率。网络和超参数面板里的设置随便改，"
     "数据集和划分保持不变。"},
    {"Find settings that reach the goal and press ▶.", "找到能达成目标的设置，然后按 ▶。"},
    {"The run's final validation accuracy, in the status line under the progress bar.", "进度条下方状态栏里显示的最终验证准确率。"},
    {"Challenge: the spiral at 95%, within 20 trials", "挑战：20 次试验内在螺旋数据上达到 95%"},
    {"Goal: a validation accuracy of at least 95%, reached by a search on the spiral (500 points, noise 0.02, validation fraction 0.3) "
     "with at most 20 trials per strategy of at most 50 epochs each. The lab's network (ReLU, He initialization, Adam, cosine decay) is "
     "the starting point; choose what to tune, its ranges and the strategies. The score is set to validation accuracy.",
     "目标：让一次搜索在螺旋数据（500 个点，噪声 0.02，验证集比例 0.3）上达到 95%（或更高）的验证准确率，每种策略最多 20 次试验，每次最多 "
     "50 轮。以训练实验室中的网络（ReLU、He 初始化、Adam、余弦衰减）为起点；要调哪些超参数、取值范围和搜索策略都由你来选。"
     "评分已设为验证准确率。"},
    {"Hint: tune the learning rate (0.001 to 0.1, log), the batch size (4 to 32, log), the units per layer (16 to 64) and the hidden "
     "layers (2 to 3) with random search, then press ▶ Start race.",
     "提示：调学习率（0.001 到 0.1，对数尺度）、批大小（4 到 32，对数尺度）、每层神经元数（16 到 64）和隐藏层数（2 到 3），策略选随机搜索，"
     "然后按“▶ 开始比赛”。"},
    {"Each strategy's progress bar shows its best validation accuracy so far.", "每种策略的进度条上显示它目前最好的验证准确率。"},

    // ---- the steps' contrasts and the texts that name what is on screen
    {"measured %s (goal ≤ %s)", "实测 %s（目标 ≤ %s）"},
    {"measured %s (goal ≥ %s)", "实测 %s（目标 ≥ %s）"},
    {"Both runs use SGD at learning rate 0.0003, 100 times too small. Tick \"Adapt the learning rate by its gradient\" for run B "
     "and press ▶.",
     "两次运行都用 SGD，学习率 0.0003，小了 100 倍。为运行 B 勾选“按梯度自动调整学习率”，然后按 ▶。"},
    {"In the Learning rate plot B's adapted rate leaves the schedule's line within the first epoch and settles near 0.03; B's accuracy "
     "climbs while A's stays near a coin toss.",
     "在学习率图中，B 的自适应学习率在第一轮内就离开调度曲线，稳定在 0.03 附近；B 的准确率不断上升，而 A 的一直接近抛硬币的水平。"},
    {"A stays near chance: its validation accuracy is at most 70%.", "A 停留在瞎猜水平附近：它的验证准确率至多 70%。"},
    {"B's learning rate ends at least 10× the rate it started from.", "B 的学习率最终至少是起始值的 10 倍。"},
    {"Now both runs adapt their rate (β = 0.01) on the plane, starting at 0.3, at the edge of stability. Set run B's learning rate to 1 "
     "and press ▶.",
     "现在两次运行都在平面数据上自适应学习率（β = 0.01），从 0.3 出发，正处在稳定的边缘。把运行 B 的学习率设为 1，然后按 ▶。"},
    {"A's adapted rate falls below the schedule's line: its steps overshot, so it shrank them. B's loss explodes in its first epoch: the "
     "rate changes by a little each step, too slowly to rescue a rate far too large. Start too small rather than too large.",
     "A 的自适应学习率降到调度曲线之下：它的步子冲过了头，于是把步子缩小。B 的损失在第一轮就爆炸了：学习率每一步只改变一点点，"
     "来不及挽救一个大得离谱的学习率。宁可从太小开始，也不要从太大开始。"},
    {"A's learning rate ends at most 0.7× the rate it started from.", "A 的学习率最终至多是起始值的 0.7 倍。"},
    {"Set run B's learning rate to 3 (the Learning rate field) and press ▶.", "把运行 B 的学习率（“学习率”一栏）设为 3，然后按 ▶。"},
    {"B's loss shoots off the top of the Loss plot and its status line says it diverged; A's loss falls and stays low.",
     "B 的损失冲出损失图的顶端，状态栏提示它发散了；A 的损失则下降并保持在低位。"},
    {"B's final training loss is at least 100× A's (∞ when B diverged).", "B 的最终训练损失至少是 A 的 100 倍（B 发散时记为 ∞）。"},
    {"A learns: its validation R² is at least 0.9.", "A 学会了：它的验证集 R² 至少为 0.9。"},
    {"Now set run B's learning rate to 0.0001 and press ▶.", "现在把运行 B 的学习率设为 0.0001，再按 ▶。"},
    {"B's loss curve stays high and almost flat, far above A's: its steps are too small to get anywhere in 30 epochs.",
     "B 的损失曲线一直很高、几乎是平的，远在 A 之上：步子太小，30 轮内几乎原地踏步。"},
    {"B's final training loss is at least 10× A's.", "B 的最终训练损失至少是 A 的 10 倍。"},
    {"Compare A / B is on, both with Adam at learning rate 0.1. Set run B's LR schedule to cosine and press ▶.",
     "已打开 A / B 对比，两次运行都用 Adam、学习率 0.1。把运行 B 的学习率调度设为余弦（cosine），然后按 ▶。"},
    {"In the Loss plot (log scale) A's training loss keeps jumping while B's sinks smoothly far below it; the Learning rate plot shows B's "
     "rate falling to zero.",
     "在损失图（对数刻度）中，A 的训练损失一直上下跳动，B 的则平稳地降到远低于 A 的位置；学习率图显示 B 的学习率逐渐降到 0。"},
    {"B's final training loss is at most half of A's.", "B 的最终训练损失至多是 A 的一半。"},
    {"Both runs learn: the lower of their validation accuracies is at least 90%.",
     "两次运行都学会了：两者中较低的验证准确率也至少为 90%。"},
    {"Both runs learn: the lower of their validation accuracies is at least 85%.",
     "两次运行都学会了：两者中较低的验证准确率也至少为 85%。"},
    {"B learns: its validation accuracy is at least 90%.", "B 学会了：它的验证准确率至少为 90%。"},
    {"A learns: its validation accuracy is at least 90%.", "A 学会了：它的验证准确率至少为 90%。"},
    {"Both runs use batch size 2. Set run B's batch size to 100 and press ▶.",
     "两次运行的批大小都是 2。把运行 B 的批大小设为 100，然后按 ▶。"},
    {"A's loss curve is jagged, B's is smooth; B's accuracy reaches 90%, but far later, because it takes 2 steps an epoch where A takes "
     "75.",
     "A 的损失曲线锯齿明显，B 的很平滑；但 B 要晚得多才达到 90% 的准确率，因为 A 每一轮 走 75 步，B 只走 2 步。"},
    {"A's loss curve is at least 5× as jagged as B's (mean jump between epochs, relative to the loss).",
     "A 的损失曲线的锯齿程度至少是 B 的 5 倍（相邻 epoch 之间的平均跳动，相对于损失本身）。"},
    {"To reach a validation accuracy of 90%, B needs at least 3× the epochs A needs.",
     "B 达到 90% 验证准确率所需的 epoch 数至少是 A 的 3 倍。"},
    {"In the Loss plot the validation loss reaches its lowest point in the first few dozen epochs and then climbs, while the training loss "
     "keeps falling.",
     "在损失图中，验证损失在最初几十轮内到达最低点，随后开始攀升，而训练损失仍在下降。"},
    {"The final validation loss is at least 1.5× its lowest.", "最终的验证损失至少是其最低值的 1.5 倍。"},
    {"Training accuracy ends at least 10 points above validation accuracy.", "训练结束时，训练准确率比验证准确率至少高 10 个百分点。"},
    {"Training stops by itself soon after the validation loss stops improving: the progress bar ends early and the status line says so.",
     "验证损失不再改善后不久，训练就自动停止了：进度条提前结束，状态栏也会说明原因。"},
    {"Training stops after at most 60 of the 200 epochs.", "训练在 200 个 epoch 中的前 60 个之内就停止了。"},
    {"The final validation loss is at most 1.3× its lowest.", "最终的验证损失至多是其最低值的 1.3 倍。"},
    {"In the Accuracy plot B's validation curve climbs past 90%, within a few epochs; A's needs several times as many.",
     "在准确率图中，B 的验证曲线几轮内就越过 90%；A 需要的 epoch 数是它的好几倍。"},
    {"B needs at most half the epochs A needs to reach a validation accuracy of 90%.",
     "B 达到 90% 验证准确率所用的 epoch 数至多是 A 的一半。"},
    {"RMSprop also beats plain SGD: each weight gets a step sized to its own gradients, and B's accuracy curve shoots up first.",
     "RMSprop 同样胜过朴素 SGD：每个权重的步长都按它自己的梯度来定，B 的准确率曲线率先冲上去。"},
    {"Adam, momentum plus per-weight step sizes: B's accuracy curve is above 90%, while A's is still climbing.",
     "Adam 结合了动量和逐权重步长：B 的准确率曲线已经在 90% 以上时，A 的还在爬升。"},
    {"B's connections are much thinner in the Network view; in the Loss plot B's validation loss stays close to its training loss while "
     "A's climbs away.",
     "在网络视图中，B 的连线细得多；在损失图中，B 的验证损失紧跟着它的训练损失，而 A 的验证损失越爬越远。"},
    {"A's weights are at least 2× B's (sum of the layers' weight norms).", "A 的权重至少是 B 的 2 倍（各层权重范数之和）。"},
    {"A's gap between validation and training loss is at least 2× B's.", "A 的验证损失与训练损失之差至少是 B 的 2 倍。"},
    {"Set run B's L2 back to 0, its L1 penalty to 0.03, and press ▶.", "把运行 B 的 L2 改回 0，L1 惩罚设为 0.03，然后按 ▶。"},
    {"In the Histograms view B's weights pile up in one tall bar at zero: L1 switches many connections off entirely.",
     "在直方图视图中，B 的权重在 0 处堆成一根高柱：L1 把许多连接彻底关掉了。"},
    {"At least a quarter (25%) of B's weights are zero.", "B 至少有四分之一（25%）的权重为 0。"},
    {"A's final validation loss is at least 1.2× B's.", "A 的最终验证损失至少是 B 的 1.2 倍。"},
    {"B's training loss stays above A's (some of its units are missing at every step), but its validation loss ends well below A's.",
     "B 的训练损失一直高于 A（每一步都有一部分神经元缺席），但它的验证损失最终明显低于 A。"},
    {"A's final validation loss is at least 1.3× B's.", "A 的最终验证损失至少是 B 的 1.3 倍。"},
    {"B's final training loss is at least 1.5× A's.", "B 的最终训练损失至少是 A 的 1.5 倍。"},
    {"Both runs start from He initialization. Set run B's initialization to zeros and press ▶.",
     "两次运行都从 He 初始化开始。把运行 B 的初始化设为全零（zeros），然后按 ▶。"},
    {"B's loss stays flat at 0.69 and its decision boundary stays one colour; in the Network view all of B's connections look the same, "
     "while A's differ and A learns the circle.",
     "B 的损失一直平在 0.69，决策边界始终只有一种颜色；在网络视图中，B 的所有连线看起来都一样，而 A 的各不相同，A 学会了圆形。"},
    {"All of B's 16 first-layer units stay identical: it has 1 distinct unit.",
     "B 第一层的 16 个神经元始终完全相同：只有 1 个互不相同的神经元。"},
    {"A's 16 first-layer units all differ.", "A 第一层的 16 个神经元各不相同。"},
    {"A's loss starts huge (or A diverges at once and says so); B's loss starts near 0.7 and falls smoothly.",
     "A 的损失一开始就很大（或者 A 立刻发散并给出提示）；B 的损失从 0.7 左右开始，平稳下降。"},
    {"A's first-epoch loss is at least 10× B's (∞ when A diverged).", "A 第一个 epoch 的损失至少是 B 的 10 倍（A 发散时记为 ∞）。"},
    {"The validation accuracy stays near 40%, what always guessing the largest class gives: the proline feature (hundreds to thousands) "
     "dominates every step.",
     "验证准确率停在 40% 左右，也就是总猜最大那一类的水平：脯氨酸（proline）特征的取值在几百到几千之间，主导了每一步更新。"},
    {"The validation accuracy is at most 50%.", "验证准确率至多为 50%。"},
    {"Set Normalize to standardize and press ▶.", "把“归一化”设为标准化（standardize），然后按 ▶。"},
    {"The validation accuracy is at least 90%.", "验证准确率至少为 90%。"},
    {"In the Accuracy plot the training curve climbs to nearly 100%, while the validation curve stays clearly lower: the gap is "
     "over-fitting.",
     "在准确率图中，训练曲线升到接近 100%，验证曲线却明显更低：这个差距就是过拟合。"},
    {"Set the validation share to 0.1, its smallest, and press ▶.", "把验证集比例设为最小值 0.1，然后按 ▶。"},
    {"Only 12 points are held out: the validation accuracy curve moves in jumps of about 8 points, too coarse to trust.",
     "只留出了 12 个点：验证准确率曲线每次跳动约 8 个百分点，粗糙得不可信。"},
    {"One validation point moves the validation accuracy by at least 5 points.", "一个验证点就能让验证准确率变动至少 5 个百分点。"},
    {"B's training cost is at least 50× A's.", "B 的训练成本至少是 A 的 50 倍。"},
    {"The two validation accuracies differ by at most 3 points.", "两者的验证准确率相差至多 3 个百分点。"},
    {"Random search tries at least 3× as many values of x1 as grid search.", "随机搜索试过的 x1 取值至少是网格搜索的 3 倍。"},
    {"At least 1 trial was chosen by the model.", "至少有 1 次试验是由模型选出的。"},
    {"The new trial lies at least 2× farther from the earlier trials than the first model-chosen trial did.",
     "新试验离已有试验的距离，至少是第一次由模型选出的试验的 2 倍。"},
    {"Random search trains at least 2× the epochs Hyperband trains.", "随机搜索训练的总轮数至少是 Hyperband 的 2 倍。"},
    {"At least half of Hyperband's trials are pruned.", "Hyperband 至少一半的试验被剪枝。"},
    {"The best validation accuracy of the race is at least 95%.", "这场比赛最好的验证准确率至少为 95%。"},
    {"Of the trials their models chose, ParEGO put at least 3 more than BO into the cheaper half of the cost range.",
     "在模型选出的试验中，ParEGO 放在成本范围较便宜一半里的，比 BO 至少多 3 次。"},
    {"ParEGO's hypervolume is at least 1.1× BO's.", "ParEGO 的超体积至少是 BO 的 1.1 倍。"},
    // Reuse earlier tuning (warm start)
    {"Reuse earlier tuning", "借用以前的调参经验"},
    {"Tuning a new model rarely starts from nothing: good settings for a similar task are a strong hint. Warm-starting (a simple form of "
     "meta-learning) gives a Bayesian optimizer the trials of an earlier study as its first observations, so its model points it at the "
     "region that was good there from the very first trial, where a cold start spends its first trials on a spread-out design. Here the "
     "network trains with plain SGD, whose good learning rates (about 0.1 to 1) lie far from the middle of the searched range. The hint "
     "helps only when the tasks are alike.",
     "给新模型调参很少需要从零开始：相似任务上的好设置就是很强的提示。热启动（元学习的一种简单形式）把以前一项研究的试验交给贝叶斯优化，"
     "作为它最初的观测，于是它的模型从第一次试验起就把它引向以前表现好的区域；冷启动则要先把最初几次试验花在分散的初始设计上。"
     "这里网络用普通 SGD 训练，它的好学习率（约 0.1 到 1）远离搜索范围的中间。只有任务相似时，这个提示才有帮助。"},
    {"BO (EI) tunes the learning rate and the batch size of the lab's network on a small spiral (200 points), 15 trials on each of 5 "
     "seeds. Press ▶ Start race.",
     "贝叶斯优化 (EI) 在一个小螺旋数据集（200 个点）上为实验室的网络调学习率和批大小，5 个种子各 15 次试验。按“▶ 开始比赛”。"},
    {"In the \"Where they looked\" view the good trials (dark) gather in a band of large learning rates: this is the experience the next "
     "steps reuse.",
     "在“搜索位置”视图中，好的试验（深色）聚在学习率较大的一条带上：这就是后面几步要借用的经验。"},
    {"The best validation accuracy of the race is at least 80%.", "这场比赛最好的验证准确率至少为 80%。"},
    {"The small spiral's race is done (run again for this step) and the lab now holds a spiral three times larger. Press \"Reuse this "
     "race's trials\" beside the Start button, then ▶ Start race.",
     "小螺旋上的比赛已经完成（为这一步重新跑了一遍），实验室里现在是大三倍的螺旋。按“开始比赛”旁边的“用这场比赛的试验热启动”，"
     "再按“▶ 开始比赛”。"},
    {"BO (EI), warm's map shows the earlier trials as faint crosses: its first trials already land among the good ones, while BO (EI) "
     "cold spends its first five on a spread-out design. In the progress view's table, warm needs far fewer trials.",
     "“贝叶斯优化 (EI)，热启动”的图上，以前的试验画成淡淡的叉：它最初的试验就落在好试验之间，而冷启动的贝叶斯优化 (EI) "
     "把前五次花在分散的初始设计上。在进度视图的表格里，热启动需要的试验少得多。"},
    {"On at least 3 of the 5 seeds, BO (EI), warm needs at most half the trials BO (EI) needs to reach a validation accuracy of "
     "90% (never counts as 16).",
     "在 5 个种子中至少 3 个上，“贝叶斯优化 (EI)，热启动”达到 90% 验证准确率所需的试验次数，"
     "至多是贝叶斯优化 (EI) 的一半（达不到记为 16）。"},
    {"Again the small spiral's race is done, and the lab now holds the moons, another data set. Press \"Reuse this race's trials\", "
     "then ▶ Start race.",
     "小螺旋上的比赛同样已经完成，实验室里现在是另一个数据集：双月（moons）。按“用这场比赛的试验热启动”，再按“▶ 开始比赛”。"},
    {"The moons want large learning rates too: the spiral's experience carries over, and warm reaches the target at once while cold "
     "needs several trials.",
     "双月同样需要较大的学习率：螺旋上的经验可以迁移，热启动立刻达到目标，冷启动却要好几次试验。"},
    {"On at least 3 of the 5 seeds, BO (EI), warm needs at most half the trials BO (EI) needs to reach a validation accuracy of "
     "99% (never counts as 16).",
     "在 5 个种子中至少 3 个上，“贝叶斯优化 (EI)，热启动”达到 99% 验证准确率所需的试验次数，"
     "至多是贝叶斯优化 (EI) 的一半（达不到记为 16）。"},
    {"This time the earlier race trained the network with Adam, whose good learning rates are about 100 times smaller than SGD's; the "
     "lab is back to SGD on the larger spiral. Press \"Reuse this race's trials\", then ▶ Start race.",
     "这一次，以前的比赛用 Adam 训练网络，它的好学习率比 SGD 的小约 100 倍；实验室又换回了较大螺旋上的 SGD。"
     "按“用这场比赛的试验热启动”，再按“▶ 开始比赛”。"},
    {"Warm starts where Adam was good, at rates far too small for SGD, and keeps looking there: the misleading hint makes it slower "
     "than cold, which finds the large rates by itself.",
     "热启动从 Adam 表现好的地方开始，那些学习率对 SGD 来说太小了，而它还一直在那里找：误导的提示让它比冷启动更慢，"
     "冷启动自己就找到了较大的学习率。"},
    {"On at least 3 of the 5 seeds, BO (EI), warm needs at least as many trials as BO (EI) to reach a validation accuracy of 90% "
     "(never counts as 16).",
     "在 5 个种子中至少 3 个上，“贝叶斯优化 (EI)，热启动”达到 90% 验证准确率所需的试验次数不少于贝叶斯优化 (EI)（达不到记为 16）。"},
};

}  // namespace

const std::span<const TranslationEntry> kLessonStrings = kEntries;

}  // namespace tunelab::ui
