#include "ui/i18n.h"

namespace tunelab::ui {
namespace {

constexpr TranslationEntry kEntries[] = {
    // Race controls (arena.cpp)
    {"Set-up", "设置"},
    {"Hide or show the set-up to give the views more room.", "隐藏或显示设置栏，给图表腾出空间。"},
    {"▶ Start race", "▶ 开始比赛"},
    {"Builds one study per strategy (and seed) and runs them in lock-step: one trial each per round.",
     "为每种策略（和每个种子）建立一次搜索，并同步推进：每一轮每种策略各做一次试验。"},
    {"Pause", "暂停"},
    {"Resume", "继续"},
    {"Step one round", "前进一轮"},
    {"Every strategy evaluates one more trial (with several trials at once, one more batch of them), then the race "
     "pauses: look at where each one chose to go.",
     "每种策略再做一次试验（同时跑多个试验时，再做一批），然后比赛暂停：看看每种策略选择去了哪里。"},
    {"Rounds done: %d", "已完成 %d 个回合"},
    {"In a round every strategy finishes one more evaluation: a trial, or for Hyperband a trial or a promotion to a longer training.",
     "每个回合里，每种策略各完成一次评估：一次试验；对 Hyperband 来说，也可能是把一个配置晋级、继续训练更久。"},
    {"Pace", "速度"},
    {"fastest", "最快"},
    {"%g rounds per second", "每秒 %g 个回合"},
    {"How many rounds the race runs per second, so you can watch where each strategy looks. At the fastest pace it runs as many as the "
     "frames allow; the trials are the same at any pace.",
     "比赛每秒进行多少个回合，好让你看清每种策略去了哪里。“最快”则每帧尽量多跑；无论快慢，试验结果都一样。"},
    {"A set-up field is refused (marked in red): fix it to race.", "有一项设置不合法（红色标出）：改正后才能开始比赛。"},
    {"%d / %d trials", "%d / %d 次试验"},
    {" · best %.4g", " · 最佳 %.4g"},
    {" · ETA %.0f s", " · 预计还需 %.0f 秒"},
    {" · best accuracy %.1f%%", " · 最佳准确率 %.1f%%"},
    {" · %d epochs", " · 共 %d 轮"},
    {"Validation accuracy needs a classification data set: score by the validation loss.",
     "验证准确率只适用于分类数据集：请改用验证损失评分。"},
    {"the lab's data set could not be prepared", "实验室的数据集无法准备"},
    // Set-up panel (arena_setup.cpp)
    {"Objective", "目标"},
    {"Validation loss", "验证损失"},
    {"Validation accuracy", "验证准确率"},
    {"Score", "评分"},
    {"What each trial is judged by, at its last epoch. Accuracy is what a classifier is for, but it moves in steps; the loss is smoother "
     "and also rewards confidence. With accuracy, the plots show the validation error (1 − accuracy), so lower is still better.",
     "每次试验在最后一轮按什么评分。准确率才是分类器真正的目标，但它是一档一档跳的；损失更平滑，还会奖励有把握的预测。按准确率评分时，"
     "图中显示的是验证错误率（1 − 准确率），所以仍然是越低越好。"},
    {"The lab's network and data", "训练实验室中的网络和数据"},
    {"Branin (2-D test function)", "Branin（二维测试函数）"},
    {"Hartmann-6 (6-D test function)", "Hartmann-6（六维测试函数）"},
    {"Rosenbrock (2-D test function)", "Rosenbrock（二维测试函数）"},
    {"Forrester (1-D BO example)", "Forrester（一维贝叶斯优化示例）"},
    {"What the strategies minimize. Training the lab's network takes a moment per trial; a test function is instant and its true landscape "
     "is known, so you can see where each strategy looked.",
     "各策略要最小化的量。训练实验室的网络每次试验需要一点时间；测试函数瞬间可算，而且真实地形已知，可以看清每种策略在哪里搜索。"},
    {"Adds random noise to every evaluation, like the randomness of real training. Noise blunts the edge of model-based strategies.",
     "给每次评估加上随机噪声，就像真实训练的随机性。噪声会削弱基于模型的策略的优势。"},
    {"Hyperparameters to tune", "要调的超参数"},
    {"Everything else comes from the lab's current settings.", "其余设置都取自训练实验室的当前设置。"},
    {"L2 penalty", "L2 惩罚"},
    {"Units per layer", "每层神经元数"},
    {"log", "对数"},
    {"Log scale: sample evenly in the exponent, so 0.0001–0.001 gets as many trials as 0.1–1. Right for learning rates and penalties.",
     "对数刻度：在指数上均匀采样，所以 0.0001–0.001 与 0.1–1 得到同样多的试验。适合学习率和惩罚系数。"},
    {"Budget", "预算"},
    {"Trials per strategy", "每种策略的试验次数"},
    {"Epochs per trial", "每次试验的轮数"},
    {"Each trial trains the network this long. Hyperband uses it as the full length and stops weak trials earlier.",
     "每次试验训练网络这么多轮。Hyperband 把它当作完整长度，并提前停止表现差的试验。"},
    {"Repeat over seeds", "用多个种子重复"},
    {"Runs the whole race with several seeds and shows the mean and spread: one lucky run proves little.",
     "用几个不同的种子重复整场比赛，显示平均值和波动范围：一次走运的结果说明不了什么。"},
    {"Strategies", "策略"},
    {"Grid", "网格搜索"},
    {"Random", "随机搜索"},
    {"Sobol", "Sobol 序列"},
    {"BO (EI)", "贝叶斯优化 (EI)"},
    {"BO (PI)", "贝叶斯优化 (PI)"},
    {"BO (UCB)", "贝叶斯优化 (UCB)"},
    {"TPE", "TPE"},
    {"CMA-ES", "CMA-ES 进化策略"},
    {"CMA-ES, an evolution strategy (Hansen): samples a generation of points from a Gaussian, moves it towards the best of them and "
     "stretches it along the directions that paid off. Strong on narrow, tilted valleys; needs no model of the loss.",
     "CMA-ES 是一种进化策略（Hansen）：从一个高斯分布中采样一代点，把分布移向其中最好的点，并沿着带来收益的方向拉伸它。擅长狭窄、"
     "倾斜的山谷；不需要为损失建模。"},
    {"CMA-ES search distribution (2σ)", "CMA-ES 搜索分布（2σ）"},
    {"The ellipse holds about six in seven of the next generation's points: the Gaussian CMA-ES samples from, projected on these two "
     "hyperparameters. It moves towards good trials and narrows as the search settles.",
     "这个椭圆大约包含下一代七分之六的点：它是 CMA-ES 采样用的高斯分布在这两个超参数上的投影。它向好的试验移动，并随着搜索稳定而收窄。"},
    {"distribution mean", "分布均值"},
    {"σ above is the function's uncertainty; the fitted noise of each evaluation (±%.3g) comes on top of it.",
     "上面的 σ 是函数本身的不确定性；每次评估拟合出的噪声（±%.3g）还要加在它之上。"},
    {"σ above is the function's uncertainty; the model found no noise in the evaluations.",
     "上面的 σ 是函数本身的不确定性；模型没有在评估中发现噪声。"},
    {"ASHA", "ASHA"},
    {"Hyperband", "Hyperband"},
    {"Every combination of a few values per hyperparameter. With 9 trials over 2 hyperparameters it tries only 3 values of each: trials "
     "are wasted on the one that does not matter.",
     "每个超参数取几个值，试遍所有组合。用 9 次试验调 2 个超参数时，每个只试了 3 个值：试验浪费在不重要的那个超参数上。"},
    {"Independent random points. 9 trials try 9 different values of every hyperparameter, so the important one is explored well (Bergstra "
     "& Bengio 2012).",
     "相互独立的随机点。9 次试验给每个超参数试了 9 个不同的值，所以重要的那个被充分探索（Bergstra 和 Bengio，2012）。"},
    {"Quasi-random points that fill the space more evenly than random ones, with no clumps and no gaps.",
     "拟随机点：比随机点更均匀地铺满空间，没有扎堆也没有空洞。"},
    {"Bayesian optimization with Expected Improvement: fits a Gaussian process to the trials so far and tries where the expected gain over "
     "the best is largest. ξ demands a bigger gain (more exploration).",
     "使用期望改进 (EI) 的贝叶斯优化：用高斯过程拟合已有试验，在比当前最佳的期望收益最大的地方试。ξ 要求更大的收益（更多探索）。"},
    {"Bayesian optimization with Probability of Improvement: tries where beating the best by ξ is most likely. Greedy when ξ is small.",
     "使用改进概率 (PI) 的贝叶斯优化：在最可能比当前最佳好 ξ 以上的地方试。ξ 很小时比较贪心。"},
    {"Bayesian optimization with a confidence bound: tries where mean − κ·σ is lowest, i.e. optimistically. Larger κ explores more.",
     "使用置信界 (UCB) 的贝叶斯优化：在“均值 − κ·σ”最低的地方试，也就是乐观地估计。κ 越大探索越多。"},
    {"Tree-structured Parzen estimator (as in Optuna and Hyperopt): models where good and bad trials lie and samples where good ones are "
     "dense.",
     "树结构 Parzen 估计器（Optuna 和 Hyperopt 使用的方法）：分别建模好试验和差试验的分布，在好试验密集的地方采样。"},
    {"Hyperband: starts many configurations for a few epochs, keeps the best third at each rung (a checkpoint with more epochs) and stops "
     "the rest early.",
     "Hyperband：先让许多配置各训练几轮，在每一级（训练轮数更多的检查点）只保留最好的三分之一，其余提前停止。"},
    {"ASHA, asynchronous successive halving: Hyperband's rungs, but a trial moves up as soon as it is in the best third of its rung so "
     "far. With several trials at once no worker waits for a rung to fill.",
     "ASHA（异步逐次减半）：和 Hyperband 一样分级，但一个试验只要进入本级目前最好的三分之一就立即晋级。"
     "多个试验同时进行时，没有工作者需要等一级填满。"},
    {"Gradient-based", "基于梯度"},
    {"Tunes the learning rate inside each training run by hypergradient descent (Baydin et al. 2018): the rate follows the gradient of "
     "the loss with respect to itself, step by step. Each trial starts from a random point and trains as long as any other strategy's "
     "trial, so the race compares them on equal training cost (epochs).",
     "在每次训练过程中用超梯度下降调学习率（Baydin 等，2018）：学习率沿着损失对它自身的梯度一步步调整。每次试验从一个随机点出发，"
     "训练轮数与其他策略的试验相同，所以比赛是在相同训练成本（轮数）下比较。"},
    {"ParEGO", "ParEGO"},
    {"MOTPE", "MOTPE"},
    {"MOTPE (Ozaki et al. 2022; Optuna's TPE on several objectives) searches for good scores and cheap training at once: TPE whose good "
     "trials are those on the best Pareto fronts so far, so it samples where good trade-offs lie.",
     "MOTPE（Ozaki 等，2022；即 Optuna 的 TPE 用于多个目标）同时追求好分数和低训练成本："
     "它把目前最靠前的几条帕累托前沿上的试验当作“好”试验，于是在好的取舍所在之处采样。"},
    {"ParEGO (Knowles 2006) searches for good scores and cheap training at once: before each trial it weighs the two objectives at "
     "random, then Bayesian optimization proposes on that blend. Different weights aim at different trade-offs, so it fills in the whole "
     "Pareto front instead of one corner.",
     "ParEGO（Knowles，2006）同时追求好分数和低训练成本：每次试验前随机给两个目标分配权重，再由贝叶斯优化在这个加权组合上提出下一个点。"
     "不同的权重瞄准不同的取舍，所以它填满整条帕累托前沿，而不只找到一个角。"},
    {"ξ (EI, PI): how much improvement over the best to demand. Larger ξ explores more.",
     "ξ（EI、PI）：要求比当前最佳改进多少。ξ 越大探索越多。"},
    {"κ (UCB): how many standard deviations of optimism. Larger κ explores more.",
     "κ（UCB）：乐观估计多少个标准差。κ 越大探索越多。"},
    // Summary (arena_summary.cpp)
    {"No trial has finished yet.", "还没有完成的试验。"},
    {"Target: close to the best value found (%.4g).", "目标：接近找到的最佳值（%.4g）。"},
    {" %s did not reach it in %d trials.", "%s在 %d 次试验中没有达到。"},
    {" %s reached it in %d trials.", "%s用 %d 次试验达到。"},
    {" %s tried %d different values of %s in %d trials.", "%s试了 %d 个不同的 %s 值（共 %d 次试验）。"},
    {" With one seed this race cannot tell luck from a better strategy: repeat over more seeds.",
     "只用一个种子，这场比赛分不清是运气还是策略更好：请在更多种子上重复。"},
    {" Seed by seed, %s ended better than %s on %d of %d seeds, by %.3g on average: a real difference (95%% sure it lies between %.3g and "
     "%.3g).",
     "逐个种子比较，%s比%s结果更好的种子有 %d 个（共 %d 个），平均好 %.3g：这是真实的差别（95%% 把握落在 %.3g 到 %.3g 之间）。"},
    {" Seed by seed, %s ended better than %s on %d of %d seeds, by %.3g on average, but over %d seeds that gap is only known to ±%.3g: "
     "this race cannot tell them apart; repeat over more seeds.",
     "逐个种子比较，%s比%s结果更好的种子有 %d 个（共 %d 个），平均好 %.3g，但在 %d 个种子上这个差距只能确定到 ±%.3g："
     "这场比赛分不出它们的高下；请在更多种子上重复。"},
    {" Why: after %d spread-out first trials, %s models the score from the trials so far and tries where that model expects improvement, "
     "so %.0f%% of its later trials landed among the best quarter of all trials",
     "原因：在最初 %d 次分散的试验之后，%s用已有的试验为分数建模，并到模型预计能改进的地方尝试，所以它后面的试验有 %.0f%% "
     "落在所有试验中最好的四分之一里"},
    {", against %.0f%% for %s.", "；相比之下，这一比例只有 %.0f%%（%s）。"},
    {".", "。"},
    // Views (arena_views.cpp)
    {"Choose an objective, the hyperparameters to tune and the strategies on the left, then start the race. Each strategy gets the same "
     "number of trials; watch where each one looks.",
     "在左边选择目标、要调的超参数和参赛策略，然后开始比赛。每种策略的试验次数相同；看看各自在哪里搜索。"},
    {"Progress", "进展"},
    {"Where they looked", "搜索位置"},
    {"Bayesian optimization", "贝叶斯优化"},
    {"Trials", "试验"},
    {"Best value so far (lower is better)", "目前的最佳值（越低越好）"},
    {"trial", "试验"},
    {"validation loss", "验证损失"},
    {"objective", "目标值"},
    {"true minimum", "真实最小值"},
    {"Lines: mean over %d seeds; bands: best to worst seed.", "线：%d 个种子的平均；阴影：最好到最差的种子。"},
    {"Each line is the best value a strategy has found so far. Steeper and lower is better.",
     "每条线是一种策略到目前为止找到的最佳值。下降越快、越低越好。"},
    {"x axis", "横轴"},
    {"y axis", "纵轴"},
    {"The true landscape of a network is not known in advance: only the sampled points are shown, unless you compute it on a grid (each "
     "cell is one training).",
     "网络的真实损失地形事先并不知道：这里只显示采样到的点，除非你在网格上把它算出来（每个格子是一次训练）。"},
    {"true value", "真实值"},
    {"trials", "试验"},
    {"a global minimum", "一个全局最小点"},
    {"Values tried per hyperparameter", "每个超参数试过的值"},
    {"A 3×3 grid tries only 3 values of each hyperparameter; 9 random trials try 9. When only one hyperparameter matters, the grid wasted "
     "two thirds of its trials.",
     "3×3 网格每个超参数只试 3 个值；9 次随机试验能试 9 个。如果只有一个超参数重要，网格就浪费了三分之二的试验。"},
    {"%s: %d values of %s", "%s：%d 个 %s 值"},
    {"Gaussian-process model of the objective", "目标函数的高斯过程模型"},
    {"mean ± 2σ", "均值 ± 2σ"},
    {"posterior mean", "后验均值"},
    {"true function", "真实函数"},
    {"next", "下一个"},
    {"Acquisition: how much each point is worth trying next", "采集函数：每个点值得下一个去试的程度"},
    {"acquisition", "采集函数"},
    {"Posterior mean", "后验均值"},
    {"What the model predicts the objective to be. It is sure only near the trials.", "模型预测的目标值。只有在试验点附近它才有把握。"},
    {"σ of the function (noise excluded)", "函数的 σ（不含噪声）"},
    {"σ of a new evaluation (function + noise)", "新一次评估的 σ（函数 + 噪声）"},
    {"How unsure the model is: small near trials, large far from them. Exploring means going where this is large.",
     "模型有多不确定：试验点附近小，远处大。探索就是去它大的地方。"},
    {"How far a new evaluation there may land from the mean: the model's uncertainty about the function and the noise it fitted to "
     "the evaluations. Near trials only the noise is left.",
     "在那里新做一次评估，结果可能离均值多远：模型对函数本身的不确定性，加上它从评估中拟合出的噪声。在试验点附近只剩下噪声。"},
    {"σ with the evaluations' noise", "σ 含评估噪声"},
    {"Off: σ is the model's uncertainty about the function itself, which more trials shrink. On: the spread of a new evaluation, that "
     "uncertainty plus the noise the model fitted to the evaluations (a training seed's luck), which no number of trials removes.",
     "关闭：σ 是模型对函数本身的不确定性，试验越多它越小。打开：新一次评估的离散程度，即这份不确定性加上模型从评估中拟合出的噪声"
     "（训练种子的运气），再多的试验也消除不了它。"},
    {"mean ± 2σ, noise included", "均值 ± 2σ（含噪声）"},
    {"σ above includes the fitted noise of each evaluation (±%.3g) on top of the function's uncertainty.",
     "上面的 σ 在函数本身的不确定性之上，还包含了每次评估拟合出的噪声（±%.3g）。"},
    {"Acquisition", "采集函数"},
    {"The value of trying each point next, from mean and σ. The star, its maximum, is evaluated next.",
     "由均值和 σ 算出的每个点下一步值得试的程度。星号是它的最大值，下一次就评估那里。"},
    {"Add a Bayesian-optimization strategy (BO) to the race to see its model.", "在比赛中加入贝叶斯优化策略，才能看到它的模型。"},
    {"The first %d trials are spread evenly to give the model something to learn from; its picture appears after them.",
     "前 %d 次试验均匀铺开，让模型有东西可学；之后才会出现它的图。"},
    {"Other hyperparameters are held at the best trial's values.", "其他超参数固定为最佳试验的取值。"},
    {"Strategy", "策略"},
    {"Click a trial to train it in the lab.", "点击一次试验，在训练实验室中训练它。"},
    {"value", "值"},
    {"status", "状态"},
    // The interrupted race's banner (arena_resume.cpp)
    {"A race was interrupted at round %d: %d finished trials were restored.", "比赛在第 %d 轮时被中断：已恢复 %d 次完成的试验。"},
    {"Resuming goes on exactly where it stopped: the same trials come out as if it had never been interrupted.",
     "继续比赛会从中断处接着进行：得到的试验与从未中断时完全相同。"},
    {"Resume race", "继续比赛"},
    {"Discard", "放弃"},
    {"Drops the restored race; its set-up stays, so you can start it again.", "丢弃恢复的比赛；设置会保留，可以重新开始。"},
    {"Training epochs", "训练轮数"},
    {"Adam β1", "Adam β1"},
    {"Adam β2", "Adam β2"},
    // Trial statuses (the trial table)
    {"running", "运行中"},
    {"complete", "完成"},
    {"pruned (stopped early)", "剪枝（提前停止）"},
    {"failed", "失败"},
    {"diverged", "发散"},
    // Trials-to-target table (progress view)
    {"Trials needed to get close to the best value found (%.4g):", "接近已找到的最佳值（%.4g）所需的试验次数："},
    {"The target is the best value any strategy found, give or take a little. Fewer trials to reach it means a more efficient search.",
     "目标是所有策略找到的最佳值（允许一点误差）。达到它用的试验越少，搜索越高效。"},
    {"Trials needed", "所需试验次数"},
    {"Best value", "最佳值"},
    {"never", "未达到"},
    {"%.1f (mean of %d seeds)", "%.1f（%d 个种子的平均）"},
    {"%.1f (only %d of %d seeds got there)", "%.1f（%d / %d 个种子达到）"},
    // Hyperband brackets view (arena_analysis.cpp)
    {"Hyperband brackets", "Hyperband 分组"},
    {"Add Hyperband or ASHA to the strategies in the set-up to see which configurations it stops early and which it trains longer.",
     "在设置的策略中勾选 Hyperband 或 ASHA，就能看到它提前停止了哪些配置、又继续训练了哪些。"},
    {"ASHA runs one bracket and moves a trial up as soon as it is in the best third of its rung so far, without waiting for the rung to "
     "fill.",
     "ASHA 只有一个分组：一个试验只要进入本级目前最好的三分之一就立即晋级，不必等这一级填满。"},
    {"A test function is evaluated in one step, so Hyperband has nothing to stop early: race it on the lab's network to see its brackets.",
     "测试函数一步就算完，Hyperband 没有什么可以提前停止：请在训练实验室的网络上比赛，才能看到它的分组。"},
    {"Hyperband starts many configurations for a few epochs, keeps the best third at each rung (dashed line) and stops the rest. Grey "
     "curves were stopped, the cross marks where; coloured ones were promoted and trained longer.",
     "Hyperband：先让许多配置各训练几轮，在每个检查点（虚线）只保留最好的三分之一，其余的提前停止。灰色曲线是被停止的，叉号标出停止的位置；"
     "彩色曲线是被晋级、继续训练的。"},
    {"Bracket %d: %d configurations × %d epochs", "第 %d 组：%d 个配置 × %d 轮"},
    {"rung %d", "检查点 %d"},
    // Analysis view (arena_analysis.cpp)
    {"Analysis", "分析"},
    {"Hyperparameter importance", "超参数重要性"},
    {"Each hyperparameter's share of the score's variation that single hyperparameters explain (the shares sum to 100 %), estimated from a "
     "Gaussian-process model fitted to the finished trials. Tune the important ones first; a short bar means that setting hardly mattered "
     "here.",
     "在单个超参数能解释的分数变化中，每个超参数各占多少（合计 100%），由拟合到已完成试验上的高斯过程代理模型估计。先调重要的超参数；"
     "条形很短说明这个设置在这里几乎不影响结果。"},
    {"With one hyperparameter there is nothing to compare: tune two or more.", "只调一个超参数时没有可比较的：请调两个或更多。"},
    {"%s: needs %d finished trials, has %d.", "%s：需要 %d 次已完成的试验，目前有 %d 次。"},
    {"share of the importance", "重要性占比"},
    {"importance", "重要性"},
    {"Parallel coordinates", "平行坐标"},
    {"Each line is one finished trial, through its value of every hyperparameter (bottom: the low end of its range) to its score. Follow "
     "the darkest lines, the best trials: where they bunch together on an axis, that setting matters.",
     "每条折线是一次已完成的试验，依次穿过它每个超参数的取值（底部是取值范围的下限），最后到达它的分数。顺着颜色最深的线（最好的试验）看："
     "它们在哪根轴上聚在一起，那个设置就重要。"},
    {"Appears when two trials have finished.", "有两次试验完成后显示。"},
    {"score", "分数"},
    {"low", "低"},
    {"high", "高"},
    {"Colour: the trial's score, dark = low. Red: the best trial.", "颜色：试验的分数，越深越低。红色：最佳试验。"},
    {"Pareto front: %s against training cost", "帕累托前沿：%s与训练成本"},
    {"Each point is a finished trial: how much computation its training took and how good it got. The red trials are the Pareto front: no "
     "other trial is both cheaper and better. Pick from them the trade-off you can afford.",
     "每个点是一次已完成的试验：训练花了多少计算量、结果有多好。红色的试验构成帕累托前沿：没有别的试验既更便宜又更好。"
     "从中挑选你负担得起的折中方案。"},
    {"The Pareto view needs the lab objective: a test function costs nothing to evaluate, so there is no trade-off.",
     "帕累托视图需要以训练实验室的网络为目标：测试函数的计算几乎不花成本，没有折中可言。"},
    {"All trials cost about the same: tune epochs, units or layers to give them different costs.",
     "所有试验的成本差不多：调节轮数、每层单元数或层数，才能让它们的成本不同。"},
    {"training cost (FLOPs)", "训练成本（浮点运算次数）"},
    {"Pareto front", "帕累托前沿"},
    // Trade-offs view (arena_tradeoff.cpp)
    {"Trade-offs", "取舍"},
    {"Each strategy's Pareto front: %s against training cost", "每种策略的帕累托前沿：%s与训练成本"},
    {"A strategy's Pareto front: its trials that no other of its trials beats on both score and training cost. A strategy that "
     "optimizes the score alone crowds into one corner, the best score at whatever cost; ParEGO, which weighs both, spreads along the "
     "whole front: from cheap networks that are nearly as good to costly ones that are best.",
     "一种策略的帕累托前沿：它的试验中，没有别的试验在分数和训练成本上同时胜过的那些。"
     "只优化分数的策略挤在一个角上：不计成本地追求最好分数；"
     "同时权衡两者的 ParEGO 则铺满整条前沿：从几乎一样好的便宜网络，到最好的昂贵网络。"},
    {"Seed %d: lines join each strategy's front, faint dots are its other trials. Down and to the left is better.",
     "种子 %d：线连起每种策略的前沿，淡色的点是它的其他试验。越靠左下越好。"},
    {"ParEGO's first %d trials are BO's own quasi-random start, from the same seed: their curves agree until ParEGO's model takes over.",
     "ParEGO 的前 %d 次试验就是 BO 自己的拟随机起步，来自同一个种子：在 ParEGO 的模型接手之前，两者的曲线一致。"},
    {"MOTPE's first %d trials are random ones, from the same seed as Random's: their curves agree until MOTPE's model takes over.",
     "MOTPE 的前 %d 次试验是随机试验，与随机搜索来自同一个种子：在 MOTPE 的模型接手之前，两者的曲线一致。"},
    {"The hypervolume needs a bounded score: choose validation accuracy as the score in the set-up.",
     "超体积需要有界的分数：请在设置中选择验证准确率作为分数。"},
    {"Hypervolume after each trial (mean over seeds; band: lowest to highest)", "每次试验后的超体积（各种子的均值；色带：最低到最高）"},
    {"The hypervolume measures a whole front by one number: the share of the box from a perfect score to an error of 1, and from "
     "the cheapest to the costliest network the ranges allow (log scale), that the front's trials dominate, measured from a corner "
     "a tenth beyond the worst. Higher is better; only a front that reaches both the cheap and the accurate end gets near 1.",
     "超体积用一个数衡量整条前沿：在一个方框里（分数从完美到误差为 1，成本从范围允许的最便宜网络到最昂贵网络，对数刻度），"
     "前沿上的试验所支配的部分占多少；参考点取在最差角再往外十分之一处。越高越好；只有同时到达便宜端和准确端的前沿才接近 1。"},
    {"hypervolume", "超体积"},
    {"Front points", "前沿点数"},
    {"Hypervolume", "超体积"},
    {"Cost span of the front", "前沿的成本跨度"},
    {"Means over the seeds. Cost span: the costliest front trial's FLOPs over the cheapest's.",
     "各种子的均值。成本跨度：前沿上最贵试验的 FLOPs 除以最便宜试验的。"},
    // The true landscape of the lab objective, computed on request (arena_views.cpp, arena.cpp)
    {"True landscape: %d / %d trainings (grey: not trained yet)", "真实损失地形：已训练 %d / %d 次（灰色：尚未训练）"},
    {"Background: the true landscape, %d×%d trainings of the network over %s and %s (every other setting at the lab's value; grey: "
     "diverged).",
     "背景：真实损失地形，在 %d×%d 网格上对 %s 和 %s 训练网络得到（其他设置保持实验室中的值；灰色：训练发散）。"},
    {"Every training starts from the race's first seed, as that seed's trials did (same initial weights, same batch order): neighbouring "
     "cells differ only by their settings. Other seeds give other landscapes; the race's repeats show how much.",
     "和比赛第一个种子的试验一样，每次训练都从这个种子开始（相同的初始权重、相同的批次顺序）：相邻格子的差别只来自超参数。换一个种子，"
     "地形就会不同；比赛的重复次数显示出差别有多大。"},
    {"Compute the true landscape (%d×%d trainings)", "计算真实损失地形（%d×%d 次训练）"},
    {"Trains the network at every point of a %d×%d grid over %s and %s: %d trainings of up to %d epochs each, %d epochs in all. Every "
     "other setting keeps the lab's value. It runs alongside the race, sharing its time per frame.",
     "在 %d×%d 网格的每个点上训练一次网络（网格覆盖 %s 和 %s）：共 %d 次训练，每次最多 %d 轮，总计 %d 轮。其他设置都保持实验室中的值。"
     "它与比赛同时进行，共用每一帧的计算时间。"},
    {"Cancel", "取消"},
    // Progress against cost, Hyperband's bracket size, points shared with Random (arena_views.cpp, arena_setup.cpp)
    {"epochs trained (training cost)", "已训练轮数（训练成本）"},
    {"epochs trained", "已训练轮数"},
    {"Trials count every trial alike; epochs count what the trials cost to train; seconds count the time since the race began. Hyperband "
     "stops weak trials after a few epochs, so it is judged fairly only at equal epochs; trials trained side by side by several workers "
     "show their gain in seconds.",
     "按试验计数时每次试验都算一样；按轮数计数时看的是训练花了多少；按秒计数时看的是比赛开始后过了多久。"
     "Hyperband 会在几轮之后停掉差的试验，所以只有在相同轮数下比较才公平；多个工作者同时训练的试验，省下的时间要按秒看。"},
    {"wall-clock seconds", "实际经过的秒数"},
    {"seconds since the race began", "比赛开始后的秒数"},
    // The workers' timeline (arena_analysis.cpp)
    {"Timeline", "时间线"},
    {"worker %d", "工作者 %d"},
    {"%s · seed %d", "%s · 种子 %d"},
    {"Each lane is a background worker; each bar one trial's training on it. Gaps are time a worker waited.",
     "每一行是一个后台工作者，每一段是它训练一个试验的时间。空白处是工作者在等待。"},
    {"This race trained several trials of each strategy at once, in turns on the page's own thread: each strategy and seed has a lane "
     "per trial it kept running.",
     "这场比赛让每种策略同时跑几个试验，在页面自己的线程上轮流训练：每种策略和种子为它同时保持运行的每个试验各占一条泳道。"},
    {"This race trained one trial at a time on the page's own thread: each lane is one strategy and seed, and they took turns. Race "
     "with background workers to see several trials train at once.",
     "这场比赛在页面自己的线程上一次只训练一个试验：每一行是一种策略和一个种子，它们轮流进行。"
     "使用后台工作者比赛，就能看到多个试验同时训练。"},
    {"Which worker trained which trial, and when", "哪个工作者在什么时候训练了哪个试验"},
    {"This race trained several trials of each strategy at once, in turns on the page's own thread, as workers of equal speed: each "
     "strategy and seed has a lane per worker, and in each tick every running trial trained one epoch. Gaps are ticks a worker waited.",
     "这场比赛让每种策略同时跑几个试验，在页面自己的线程上轮流训练，就像速度相同的几个工作者：每种策略和种子的每个工作者各占一条泳道，"
     "每一拍里每个在跑的试验训练一轮。空白处是工作者在等待的拍数。"},
    {"• %s · seed %d: workers busy %.0f%% of the time while it still had new configurations to start",
     "• %s · 种子 %d：在还有新配置可以开始的时候，工作者忙碌的时间占 %.0f%%"},
    {"ticks: one epoch of each running trial", "拍数：每拍每个在跑的试验训练一轮"},
    {"Hyperband's first bracket starts %d configurations, more than the %d trials per strategy: it never finishes a bracket, so at equal "
     "trials it is judged before it has promoted anything. Give it at least %d trials, or compare at equal epochs.",
     "Hyperband 的第一组要启动 %d 个配置，比每种策略的 %d 次试验还多：它一组也完成不了，按试验次数比较时，它还没晋级任何配置就被评判了。"
     "请至少给它 %d 次试验，或者按相同轮数比较。"},
    {"Hyperband's first bracket needs %d trials, more than %d: it would never finish one. Give it more trials, or compare at equal epochs.",
     "Hyperband 的第一组需要 %d 次试验，比 %d 次多：它一组也完成不了。请给它更多试验，或者按相同轮数比较。"},
    {"validation error (1 − accuracy)", "验证错误率（1 − 准确率）"},
    {"TPE's first %d trials are random ones, drawn from the same seed as Random's, so both start at the same points; after them TPE "
     "samples where its good trials are dense.",
     "TPE 的前 %d 次试验是随机的，和随机搜索用同一个种子抽取，所以两者开头的点完全相同；之后 TPE 才到好试验密集的地方采样。"},
    {"On a test function every trial is one evaluation, so Hyperband has nothing to stop early: it draws its configurations like Random, "
     "from the same seed, and tries the same points.",
     "在测试函数上每次试验只是一次计算，Hyperband 没有什么可提前停止的：它像随机搜索一样、用同一个种子抽取配置，所以试的点也相同。"},
    {"Grid points per axis", "每个轴的网格点数"},
    {"More points show the landscape finer, but each point is one more training of the network.",
     "网格点越多，地形越精细，但每多一个点就要多训练一次网络。"},
    {"The true landscape can be computed only for the lab objective (a test function's is known).",
     "只有实验室目标才需要计算真实损失地形（测试函数的地形是已知的）。"},
    {"Pick two different hyperparameters for the axes.", "请为两个坐标轴选择两个不同的超参数。"},
    {"The grid needs 2 to 20 points per axis.", "网格每个轴需要 2 到 20 个点。"},
    // Background workers (arena_pool.cpp, the set-up's mode in arena_setup.cpp)
    {"Workers", "工作线程"},
    {"Background workers train trials side by side while the page only draws. This machine has %d cores; the default leaves one for "
     "the page: %d. At 0 the page trains them itself, in its frames.",
     "后台工作线程并排训练试验，页面只负责绘制。这台机器有 %d 个核心；默认留一个给页面：%d 个。设为 0 时由页面自己在帧里训练。"},
    {"Off: trials train in the page's frames.", "已关闭：试验在页面的帧里训练。"},
    {"Trials train in the page's frames: this browser offers no background workers.",
     "试验在页面的帧间训练：这个浏览器不提供后台工作线程。"},
    {"worker %d: %s #%d, trial %d, epoch %d/%d", "线程 %d：%s #%d，试验 %d，第 %d/%d 轮"},
    {"idle", "空闲"},
    {"%s #%d, trial %d failed in a worker (%s); the race goes on.", "%s #%d 的试验 %d 在工作线程中失败（%s）；比赛继续。"},
    {"Trials in workers", "试验分派"},
    {"As workers come free", "线程一空就派"},
    {"In rounds", "按回合"},
    {"When background workers train the trials: in rounds, every strategy starts its next trials once the round is over, so a worker "
     "may wait for the round's slowest trial; as workers come free, a free worker takes the next trial at once. In rounds a seed gives "
     "the same trials whatever the timing; as workers come free, so does one trial at once per strategy, but with several the next "
     "proposal depends on which trial ended first (the race records that order).",
     "后台工作线程何时开始训练试验：按回合时，每种策略要等本回合结束才开始下一批试验，所以工作线程可能要等本回合最慢的那次试验；"
     "线程一空就派时，空闲的线程立即接手下一次试验。按回合时，同一个种子无论快慢都得到相同的试验；"
     "线程一空就派时，每种策略一次只跑一个试验也是如此，但同时跑几个时，下一个提议取决于哪个试验先结束（比赛会记下这个顺序）。"},
    {"Trials at once", "同时跑的试验数"},
    {"running trials", "正在运行的试验"},
    {"Hollow pulsing rings: trials still training, not scored yet. With several trials at once, BO and TPE propose each new one while "
     "the others run, counting them in (BO guesses their scores, TPE counts them at the worst), so they spread out instead of piling "
     "onto one point.",
     "空心跳动的圆环：还在训练、尚未得分的试验。同时跑几个试验时，BO 和 TPE 在其他试验还在跑时就提出新的点，"
     "并把它们算进去（BO 猜测它们的分数，TPE 把它们记作最差的分数），于是这些点会散开，而不是挤在同一处。"},
    {"How many trials each strategy keeps running at once: in background workers if there are any, else in turns in the page. BO and "
     "TPE then propose while trials are still running: BO averages over guesses its model draws of their scores, TPE counts each at "
     "the worst score so far (a constant liar), so simultaneous proposals spread out instead of piling onto one point.",
     "每种策略同时保持运行的试验数：有后台工作线程时在线程里跑，否则在页面里轮流跑。此时 BO 和 TPE 在试验还没跑完时就提出新的点："
     "BO 用模型为正在跑的试验抽取几组可能的分数并取平均，TPE 把每个记作目前最差的分数（“常数说谎者”），于是同时提出的几个点会散开，"
     "而不是挤在同一处。"},
    // The warm start (arena_warm.cpp) and its strategies (tune/strategy.cpp)
    {"BO (EI), warm", "贝叶斯优化 (EI)，热启动"},
    {"TPE, warm", "TPE，热启动"},
    {"BO (EI) warm-started: the trials of an earlier study on the same hyperparameters are its first observations, so its model points "
     "it at the region that was good there from its very first trial instead of starting from a random design. It pays off when the "
     "tasks are alike and misleads it when they are not.",
     "热启动的 BO (EI)：以前在同样超参数上做过的研究的试验，就是它最初的观测，所以它的模型从第一次试验起就把它引向以前表现好的区域，"
     "而不是从随机的初始设计开始。任务相似时这很划算，任务不同时反而会误导它。"},
    {"TPE warm-started: the trials of an earlier study on the same hyperparameters count as its first observations, so it samples where "
     "good trials were dense there from its very first trial instead of after 10 random ones.",
     "热启动的 TPE：以前在同样超参数上做过的研究的试验算作它最初的观测，所以它从第一次试验起就在以前好试验密集的地方取样，"
     "而不是先做 10 次随机试验。"},
    {"Warm start", "热启动"},
    {"Start BO or TPE from the trials of an earlier study on the same hyperparameters, and race each against itself started cold, from "
     "nothing, on the same budget.",
     "让 BO 或 TPE 从以前在同样超参数上做过的研究的试验出发，并在同样的预算下，与从零开始（冷启动）的自己比赛。"},
    {"No earlier trials yet.", "还没有以前的试验。"},
    {"Earlier trials: %d, from %s.", "以前的试验：%d 次，来自%s。"},
    {"a race of this session", "本次会话的一场比赛"},
    {"Reuse this race's trials", "用这场比赛的试验热启动"},
    {"The finished race's trials on its first seed, every strategy's, become the earlier trials of a warm start (the set-up's Warm "
     "start section); the warm-started twins of its BO and TPE join the next race beside them. Change the data in the lab, then start "
     "the race.",
     "已结束比赛在第一个种子上的试验（所有策略的）成为热启动所用的以前的试验（见设置中的“热启动”部分）；其中 BO 和 TPE "
     "的热启动版本会和它们一起参加下一场比赛。先在实验室里换数据，再开始比赛。"},
    {"A finished race offers \"Reuse this race's trials\" beside ▶ Start race.",
     "比赛结束后，“▶ 开始比赛”旁会出现“用这场比赛的试验热启动”。"},
    {"Load a study file…", "载入研究文件…"},
    {"path/to/study.json", "路径/study.json"},
    {"Load study", "载入研究"},
    {"A study saved by tunelab-cli study --save on the same hyperparameters and ranges as this race.",
     "由 tunelab-cli study --save 保存的研究，超参数和范围须与这场比赛相同。"},
    {"Forget them", "不再使用"},
    {"▲ Refused, nothing changed:", "▲ 已拒绝，什么都没有改变："},
    {"earlier trials", "以前的试验"},
    {"Finish a race first: its trials are what a warm start reuses.", "先完成一场比赛：热启动用的就是它的试验。"},
};

}  // namespace

const std::span<const TranslationEntry> kArenaStrings = kEntries;

}  // namespace tunelab::ui
