#include "tune/export_python.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>

#include "core/json.h"

namespace tunelab::tune {
namespace {

// A Python string literal. JSON's escapes (\" \\ \n \uXXXX …) are all valid Python escapes, so a
// column name or file name can never end the literal and become code.
std::string py_string(std::string_view text) { return json::Value(text).dump(); }
std::string py_number(double value) { return json::format_number(value); }
// Integer parameters print as Python ints (format_number may choose "2e+01", a float, for 20).
std::string py_int(double value) { return std::to_string(std::llround(value)); }
template <typename E>
std::string py_enum(E value) { return py_string(name(value)); }

// One settings dictionary, one line per entry: {key, Python value, comment (may be empty)}.
struct Entry {
    const char* key;
    std::string value;
    const char* comment = "";
};

std::string dict_block(const char* variable, std::initializer_list<Entry> entries) {
    std::string out = std::string(variable) + " = {\n";
    for (const Entry& e : entries)
        out += "    " + py_string(e.key) + ": " + e.value + "," + (*e.comment ? std::string("  # ") + e.comment : "") + "\n";
    return out + "}\n";
}

std::string data_block(const DataConfig& d, const std::string& csv_name) {
    std::string extra;
    const std::pair<bool, const char*> features[] = {{d.extra.x_squared, "x_squared"}, {d.extra.y_squared, "y_squared"},
                                                     {d.extra.x_times_y, "x_times_y"}, {d.extra.sin_x, "sin_x"},
                                                     {d.extra.sin_y, "sin_y"}};
    for (const auto& [on, feature] : features)
        if (on) extra += (extra.empty() ? "" : ", ") + py_string(feature);
    return dict_block("DATA", {
        {"kind", py_enum(d.kind)},
        {"size", std::to_string(d.size), "points generated (2-D and curve sets)"},
        {"noise", py_number(d.noise)},
        {"seed", std::to_string(d.seed), "data generation and the train/validation split"},
        {"validation_ratio", py_number(d.validation_ratio)},
        {"preprocessing", py_enum(d.preprocessing), "fitted on the training part only"},
        {"extra", "[" + extra + "]", "extra inputs computed from (x, y)"},
        {"csv_file", py_string(csv_name.empty() ? "data.csv" : csv_name)},
        {"target_column", py_string(d.target_column)},
        {"csv_task", py_enum(d.csv_task)},
    });
}

std::string train_block(const TrainConfig& c) {
    std::string hidden;
    for (const LayerConfig& layer : c.model.hidden)
        hidden += "(" + std::to_string(layer.units) + ", " + py_enum(layer.activation) + ", " + py_number(layer.dropout) + "), ";
    const OptimizerConfig& o = c.optimizer;
    const LrSchedule& s = c.lr;
    return dict_block("TRAIN", {
        {"hidden", "[" + hidden + "]", "(units, activation, dropout) per hidden layer"},
        {"output", py_enum(c.model.output)},
        {"loss", py_enum(c.model.loss)},
        {"init", py_enum(c.model.init)},
        {"init_scale", py_number(c.model.init_scale)},
        {"optimizer", py_enum(o.kind)},
        {"momentum", py_number(o.momentum)},
        {"rho", py_number(o.rho)},
        {"beta1", py_number(o.beta1)},
        {"beta2", py_number(o.beta2)},
        {"epsilon", py_number(o.epsilon)},
        {"weight_decay", py_number(o.weight_decay)},
        {"lr", py_number(s.lr)},
        {"schedule", py_enum(s.kind)},
        {"power", py_number(s.power)},
        {"step_epochs", py_number(s.step_epochs)},
        {"gamma", py_number(s.gamma)},
        {"warmup_epochs", py_number(s.warmup_epochs)},
        {"batch", std::to_string(c.batch.size)},
        {"batch_growth", py_number(c.batch.growth), "batch size = batch · growth^epoch"},
        {"epochs", std::to_string(c.epochs)},
        {"l1", py_number(c.l1), "penalty l1·Σ|w| on weights (not biases)"},
        {"l2", py_number(c.l2), "penalty (l2/2)·Σw² on weights (not biases)"},
        {"patience", std::to_string(c.patience), "early stopping; 0 = never"},
        {"seed", std::to_string(c.seed), "initialization, shuffling, dropout"},
    });
}

// The fixed part: data, model, training loop. Written once here rather than generated piece by
// piece, so the exported script reads like ordinary PyTorch.
constexpr const char* kLibrary = R"PY(

# ----------------------------------------------------------------------------------------- data
EXTENT = 5.0  # TuneLab's 2-D sets lie in about [-1, 1]² scaled by 5
REAL_SETS = ("iris", "wine", "breast_cancer", "digits", "diabetes")


def make_2d(kind, n, noise, rng):
    """TuneLab's 2-D generators, the same formulas in NumPy (a different random stream)."""
    i = np.arange(n)
    label = i % 2
    jitter = lambda: noise * rng.standard_normal(n)
    task = "classification"
    if kind == "circle":  # class 1 inside radius 0.5, class 0 on a ring 0.7 … 1
        r = np.where(label == 1, rng.uniform(0.0, 0.5, n), rng.uniform(0.7, 1.0, n))
        angle = rng.uniform(0.0, 2 * math.pi, n)
        x, y = r * np.cos(angle) + jitter(), r * np.sin(angle) + jitter()
    elif kind == "xor":  # class 1 where x and y have the same sign
        sign_x = np.where(rng.random(n) < 0.5, 1.0, -1.0)
        sign_y = np.where(label == 1, sign_x, -sign_x)
        x, y = sign_x * rng.uniform(0, 1, n) + jitter(), sign_y * rng.uniform(0, 1, n) + jitter()
    elif kind == "blobs":  # three round clusters at 120° from each other
        label = i % 3
        angle = 2 * math.pi * label / 3 + math.pi / 2
        x = 0.6 * np.cos(angle) + (0.1 + noise) * rng.standard_normal(n)
        y = 0.6 * np.sin(angle) + (0.1 + noise) * rng.standard_normal(n)
    elif kind == "spiral":  # two arms turning 1.75 times, the second rotated by π
        t = (i // 2) / max(1, n // 2)
        angle = 1.75 * 2 * math.pi * t + label * math.pi
        x, y = t * np.sin(angle) + jitter(), t * np.cos(angle) + jitter()
    elif kind == "moons":  # two interleaved half circles
        angle = rng.uniform(0.0, math.pi, n)
        x = np.where(label == 1, 1 - np.cos(angle), np.cos(angle))
        y = np.where(label == 1, 0.5 - np.sin(angle), np.sin(angle))
        x, y = (x - 0.5) * 0.66 + jitter(), (y - 0.25) * 0.66 + jitter()
    elif kind == "plane":  # target = 0.6·x − 0.4·y + noise
        x, y = rng.uniform(-1, 1, n), rng.uniform(-1, 1, n)
        label, task = 0.6 * x - 0.4 * y + jitter(), "regression"
    elif kind == "curve":  # target = sin(πx) + noise on one input
        x, y = rng.uniform(-1, 1, n), np.zeros(n)
        label, task = np.sin(math.pi * x) + jitter(), "regression"
    else:
        raise ValueError("unknown data set " + kind)
    points = EXTENT * np.stack([x, y], axis=1)
    return points, label, task


def add_extra(points, extra):
    """The feature-engineering inputs: x², y², x·y, sin x, sin y after the raw (x, y)."""
    x, y = points[:, 0], points[:, 1]
    made = {"x_squared": x * x, "y_squared": y * y, "x_times_y": x * y, "sin_x": np.sin(x), "sin_y": np.sin(y)}
    return np.column_stack([points] + [made[name] for name in extra])


def load(cfg):
    """Inputs (samples × features), targets and the task."""
    kind = cfg["kind"]
    if kind in REAL_SETS:
        from sklearn import datasets  # the same public data sets TuneLab ships
        bunch = getattr(datasets, "load_" + kind)()
        return bunch.data, bunch.target, "regression" if kind == "diabetes" else "classification"
    if kind == "csv":
        import pandas as pd
        frame = pd.read_csv(cfg["csv_file"])
        target = frame.pop(cfg["target_column"])
        if cfg["csv_task"] == "classification":
            target = target.astype("category").cat.codes
        return frame.to_numpy(np.float64), target.to_numpy(), cfg["csv_task"]
    points, target, task = make_2d(kind, cfg["size"], cfg["noise"], np.random.default_rng(cfg["seed"]))
    return add_extra(points, cfg["extra"]), target, task


def prepare(cfg):
    """Splits (stratified by class), fits the preprocessing on the training part, returns tensors."""
    x, y, task = load(cfg)
    rng = np.random.default_rng(cfg["seed"] + 1)
    groups = [np.flatnonzero(y == c) for c in np.unique(y)] if task == "classification" else [np.arange(len(y))]
    held_out = np.concatenate([rng.permutation(g)[: int(round(cfg["validation_ratio"] * len(g)))] for g in groups])
    is_validation = np.zeros(len(y), dtype=bool)
    is_validation[held_out] = True
    x_train, x_val = x[~is_validation], x[is_validation]
    if cfg["preprocessing"] == "standardize":
        offset, spread = x_train.mean(axis=0), x_train.std(axis=0)
    elif cfg["preprocessing"] == "min_max":
        offset, spread = x_train.min(axis=0), x_train.max(axis=0) - x_train.min(axis=0)
    else:
        offset, spread = np.zeros(x.shape[1]), np.ones(x.shape[1])
    spread = np.where(spread > 0, spread, 1.0)  # a constant feature is left as it is
    as_x = lambda a: torch.tensor((a - offset) / spread, dtype=torch.float32, device=DEVICE)
    as_y = lambda a: torch.tensor(a, dtype=torch.long if task == "classification" else torch.float32, device=DEVICE)
    classes = len(np.unique(y)) if task == "classification" else 0
    return {"x_train": as_x(x_train), "y_train": as_y(y[~is_validation]), "x_val": as_x(x_val),
            "y_val": as_y(y[is_validation]), "task": task, "classes": classes}


# ---------------------------------------------------------------------------------------- model
ACTIVATIONS = {"relu": nn.ReLU, "leaky_relu": lambda: nn.LeakyReLU(0.01), "tanh": nn.Tanh,
               "sigmoid": nn.Sigmoid, "linear": nn.Identity, "elu": nn.ELU}


def init_weights(weight, cfg):
    kind, scale = cfg["init"], cfg["init_scale"]
    if kind == "zeros":
        nn.init.zeros_(weight)
    elif kind == "constant":
        nn.init.constant_(weight, scale)
    elif kind == "uniform":
        nn.init.uniform_(weight, -scale, scale)
    elif kind == "gaussian":
        nn.init.normal_(weight, 0.0, scale)
    elif kind == "xavier":
        nn.init.xavier_uniform_(weight)
    else:  # he
        nn.init.kaiming_normal_(weight, nonlinearity="relu")


def output_units(cfg, data):
    """One unit per class for softmax or more than two classes, else one."""
    return data["classes"] if cfg["output"] == "softmax" or data["classes"] > 2 else 1


def build_model(cfg, data):
    layers, width = [], data["x_train"].shape[1]
    for units, activation, dropout in cfg["hidden"]:
        layers += [nn.Linear(width, units), ACTIVATIONS[activation]()]
        if dropout > 0:
            layers.append(nn.Dropout(dropout))
        width = units
    layers.append(nn.Linear(width, output_units(cfg, data)))  # the output activation is in the loss
    model = nn.Sequential(*layers).to(DEVICE)
    for layer in model:
        if isinstance(layer, nn.Linear):
            init_weights(layer.weight, cfg)
            nn.init.zeros_(layer.bias)
    return model


def loss_of(logits, y, cfg):
    """The loss on the raw outputs; sigmoid / softmax are fused into the cross-entropies for stability."""
    if cfg["loss"] == "categorical_cross_entropy":
        return F.cross_entropy(logits, y)
    if cfg["loss"] == "binary_cross_entropy":
        return F.binary_cross_entropy_with_logits(logits[:, 0], y.float())
    outputs = {"linear": lambda z: z, "sigmoid": torch.sigmoid, "softmax": lambda z: torch.softmax(z, 1)}[cfg["output"]](logits)
    target = F.one_hot(y, logits.shape[1]).float() if logits.shape[1] > 1 else y.float().unsqueeze(1)
    return F.mse_loss(outputs, target)


def metric_of(logits, y, task):
    """Accuracy for classification, R² for regression."""
    if task == "classification":
        predicted = logits.argmax(1) if logits.shape[1] > 1 else (logits[:, 0] > 0).long()
        return (predicted == y).float().mean().item()
    residual = ((logits[:, 0] - y) ** 2).sum()
    return 1.0 - (residual / ((y - y.mean()) ** 2).sum().clamp_min(1e-12)).item()


def penalty(model, cfg):
    """L1 and L2 on the weights only, as TuneLab applies them (biases are not penalized)."""
    weights = [layer.weight for layer in model if isinstance(layer, nn.Linear)]
    total = torch.zeros((), device=DEVICE)
    if cfg["l1"] > 0:
        total = total + cfg["l1"] * sum(w.abs().sum() for w in weights)
    if cfg["l2"] > 0:
        total = total + cfg["l2"] / 2 * sum((w * w).sum() for w in weights)
    return total


def lr_at(cfg, t):
    """The learning rate at training time t, in epochs (fractional within an epoch)."""
    warmup = max(0.0, cfg["warmup_epochs"])
    if t < warmup:
        return cfg["lr"] * t / warmup
    elapsed = t - warmup
    progress = min(1.0, elapsed / max(cfg["epochs"] - warmup, 1e-12))
    kind, lr = cfg["schedule"], cfg["lr"]
    if kind == "linear":
        return lr * (1 - progress)
    if kind == "polynomial":
        return lr * (1 - progress) ** cfg["power"]
    if kind == "step":
        return lr * cfg["gamma"] ** math.floor(elapsed / cfg["step_epochs"])
    if kind == "exponential":
        return lr * cfg["gamma"] ** elapsed
    if kind == "cosine":
        return lr * 0.5 * (1 + math.cos(math.pi * progress))
    return lr


def train(cfg, data, trial=None):
    """Trains one network; returns (validation loss, validation metric) of the last epoch."""
    torch.manual_seed(cfg["seed"])
    model = build_model(cfg, data)
    optimizer = make_optimizer(model.parameters(), cfg)
    x, y = data["x_train"], data["y_train"]
    n = len(y)
    best, since_best = math.inf, 0
    val_loss, val_metric = math.inf, 0.0
    for epoch in range(cfg["epochs"]):
        model.train()
        batch = int(min(max(round(cfg["batch"] * cfg["batch_growth"] ** epoch), 1), n))
        order = torch.randperm(n, device=DEVICE)
        batches = math.ceil(n / batch)
        for b in range(batches):
            for group in optimizer.param_groups:
                group["lr"] = lr_at(cfg, epoch + b / batches)
            rows = order[b * batch:(b + 1) * batch]
            loss = loss_of(model(x[rows]), y[rows], cfg) + penalty(model, cfg)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            logits = model(data["x_val"])
            val_loss = loss_of(logits, data["y_val"], cfg).item()
            val_metric = metric_of(logits, data["y_val"], data["task"])
        if not math.isfinite(val_loss):  # diverged: the learning rate is too large
            if trial is not None:
                raise optuna.TrialPruned("diverged at epoch %d" % epoch)
            break
        if trial is not None:
            trial.report(val_loss, epoch)
            if trial.should_prune():
                raise optuna.TrialPruned()
        best, since_best = (val_loss, 0) if val_loss < best else (best, since_best + 1)
        if cfg["patience"] > 0 and since_best >= cfg["patience"]:
            break  # early stopping: validation stopped improving
    return val_loss, val_metric
)PY";

struct OptimizerLine {
    OptimizerKind kind;
    const char* code;
};
constexpr OptimizerLine kOptimizers[] = {
    {OptimizerKind::sgd, "torch.optim.SGD(parameters, lr=cfg[\"lr\"])"},
    {OptimizerKind::momentum, "torch.optim.SGD(parameters, lr=cfg[\"lr\"], momentum=cfg[\"momentum\"])"},
    {OptimizerKind::nesterov, "torch.optim.SGD(parameters, lr=cfg[\"lr\"], momentum=cfg[\"momentum\"], nesterov=True)"},
    {OptimizerKind::adagrad, "torch.optim.Adagrad(parameters, lr=cfg[\"lr\"], eps=cfg[\"epsilon\"])"},
    {OptimizerKind::rmsprop, "torch.optim.RMSprop(parameters, lr=cfg[\"lr\"], alpha=cfg[\"rho\"], eps=cfg[\"epsilon\"])"},
    {OptimizerKind::adam, "torch.optim.Adam(parameters, lr=cfg[\"lr\"], betas=(cfg[\"beta1\"], cfg[\"beta2\"]), eps=cfg[\"epsilon\"])"},
    {OptimizerKind::adamw, "torch.optim.AdamW(parameters, lr=cfg[\"lr\"], betas=(cfg[\"beta1\"], cfg[\"beta2\"]), "
                           "eps=cfg[\"epsilon\"], weight_decay=cfg[\"weight_decay\"])"},
};

// Only the optimizers the script can meet: the exported one and those the search may choose.
std::string optimizer_block(const TrainConfig& train, const PythonSearch* search) {
    std::set<OptimizerKind> used = {train.optimizer.kind};
    if (search) {
        int index = search->space.index_of("optimizer");
        if (index >= 0)
            for (const std::string& choice : search->space.params()[size_t(index)].choices)
                if (auto kind = parse_enum<OptimizerKind>(choice)) used.insert(*kind);
    }
    std::string out = "\n\ndef make_optimizer(parameters, cfg):\n";
    for (const OptimizerLine& line : kOptimizers)
        if (used.count(line.kind))
            out += "    if cfg[\"optimizer\"] == " + py_enum(line.kind) + ":\n        return " + line.code + "\n";
    return out + "    raise ValueError(\"optimizer \" + cfg[\"optimizer\"])\n";
}

std::string suggest_line(const Param& p) {
    const std::string name = py_string(p.name);
    const std::string log = p.log ? ", log=True" : "";
    switch (p.kind) {
        case ParamKind::Float:
            return "trial.suggest_float(" + name + ", " + py_number(p.low) + ", " + py_number(p.high) + log + ")";
        case ParamKind::Int:
            return "trial.suggest_int(" + name + ", " + py_int(p.low) + ", " + py_int(p.high) + log + ")";
        case ParamKind::Categorical: {
            std::string choices;
            for (const std::string& c : p.choices) choices += (choices.empty() ? "" : ", ") + py_string(c);
            return "trial.suggest_categorical(" + name + ", [" + choices + "])";
        }
    }
    return {};
}

// A few points per parameter for optuna's GridSampler (TuneLab's grid spreads its budget the same way).
std::string grid_values(const Param& p) {
    if (p.kind == ParamKind::Categorical) {
        std::string out;
        for (const std::string& c : p.choices) out += (out.empty() ? "" : ", ") + py_string(c);
        return "[" + out + "]";
    }
    constexpr int kPoints = 4;
    std::vector<double> values;
    for (int k = 0; k < kPoints; ++k) {
        const double u = double(k) / (kPoints - 1);
        double v = p.log ? std::exp(std::log(p.low) + u * (std::log(p.high) - std::log(p.low))) : p.low + u * (p.high - p.low);
        if (p.kind == ParamKind::Int) v = std::round(v);
        if (values.empty() || values.back() != v) values.push_back(v);
    }
    std::string out;
    for (double v : values) out += (out.empty() ? "" : ", ") + (p.kind == ParamKind::Int ? py_int(v) : py_number(v));
    return "[" + out + "]";
}

std::string sampler_block(const PythonSearch& search) {
    const std::string& s = search.sampler;
    std::string out = "\n\ndef make_sampler_and_pruner():\n";
    if (s == "grid") {
        out += "    # TuneLab's grid: a few points per parameter, visited in random order.\n    space = {\n";
        for (const Param& p : search.space.params()) out += "        " + py_string(p.name) + ": " + grid_values(p) + ",\n";
        out += "    }\n    return optuna.samplers.GridSampler(space, seed=SEED), optuna.pruners.NopPruner()\n";
    } else if (s == "sobol" || s == "halton") {
        out += "    # Quasi-random points that cover the space evenly, like TuneLab's " + s + " sequence.\n"
               "    return optuna.samplers.QMCSampler(qmc_type=" + py_string(s) + ", scramble=True, seed=SEED), "
               "optuna.pruners.NopPruner()\n";
    } else if (s == "bayes") {
        out += "    # TuneLab's Bayesian optimization (Gaussian process + expected improvement) is optuna's\n"
               "    # GPSampler (optuna >= 3.6); the 'optuna-integration' package also offers BoTorchSampler.\n"
               "    # Older optuna falls back to TPE, another model-based sampler.\n"
               "    if hasattr(optuna.samplers, \"GPSampler\"):\n"
               "        return optuna.samplers.GPSampler(seed=SEED), optuna.pruners.NopPruner()\n"
               "    return optuna.samplers.TPESampler(seed=SEED), optuna.pruners.NopPruner()\n";
    } else if (s == "hyperband") {
        out += "    # Hyperband: random configurations, most stopped after a few epochs (keep 1/3 per rung).\n"
               "    pruner = optuna.pruners.HyperbandPruner(min_resource=1, max_resource=TRAIN[\"epochs\"], reduction_factor=3)\n"
               "    return optuna.samplers.RandomSampler(seed=SEED), pruner\n";
    } else if (s == "random") {
        out += "    return optuna.samplers.RandomSampler(seed=SEED), optuna.pruners.NopPruner()\n";
    } else {
        out += "    # Tree-structured Parzen estimator, as TuneLab's TPE.\n"
               "    return optuna.samplers.TPESampler(seed=SEED), optuna.pruners.NopPruner()\n";
    }
    return out;
}

// The objective: the same parameters as TuneLab's study, applied to the exported settings the way
// TuneLab's MLP objective applies them (one width, depth, activation and dropout for all layers).
std::string objective_block(const PythonSearch& search) {
    std::string out =
        "\n\ndef apply_params(cfg, p):\n"
        "    \"\"\"The exported settings with one trial's parameters.\"\"\"\n"
        "    cfg = dict(cfg)\n"
        "    for key in (\"lr\", \"optimizer\", \"momentum\", \"beta1\", \"beta2\", \"l2\", \"batch\"):\n"
        "        if key in p:\n"
        "            cfg[key] = p[key]\n"
        "    if any(key in p for key in (\"units\", \"layers\", \"activation\", \"dropout\")):\n"
        "        units, activation, _ = cfg[\"hidden\"][0] if cfg[\"hidden\"] else (8, \"tanh\", 0.0)\n"
        "        layer = (p.get(\"units\", units), p.get(\"activation\", activation), p.get(\"dropout\", 0.0))\n"
        "        cfg[\"hidden\"] = [layer] * max(1, p.get(\"layers\", len(cfg[\"hidden\"])))\n"
        "    return cfg\n"
        "\n\ndef objective(trial, data):\n"
        "    p = {}\n";
    // Conditional parameters after the others, so that their parent is always chosen first.
    for (bool conditional : {false, true}) {
        for (const Param& param : search.space.params()) {
            if (param.parent.empty() == conditional) continue;
            if (conditional) {
                std::string when;
                for (const std::string& w : param.when) when += (when.empty() ? "" : ", ") + py_string(w);
                out += "    if p.get(" + py_string(param.parent) + ") in (" + when + ",):\n    ";
            }
            out += "    p[" + py_string(param.name) + "] = " + suggest_line(param) + "\n";
        }
    }
    out += "    if \"batch\" in p:\n"
           "        p[\"batch\"] = min(p[\"batch\"], len(data[\"y_train\"]))\n"
           "    loss, metric = train(apply_params(TRAIN, p), data, trial)\n"
           "    trial.set_user_attr(\"validation_metric\", metric)\n"
           "    return loss\n";
    return out;
}

std::string main_block(const PythonSearch* search) {
    auto train_once = [](const std::string& indent) {
        return indent + "loss, metric = train(TRAIN, data)\n" + indent +
               "print(\"validation loss %.4f, validation %s %.4f\" % (loss, \"accuracy\" if data[\"task\"] == "
               "\"classification\" else \"R2\", metric))\n";
    };
    const std::string tail = "\n\nif __name__ == \"__main__\":\n    main()\n";
    std::string out =
        "\n\ndef main():\n"
        "    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)\n";
    if (!search) return out + "    parser.parse_args()\n    data = prepare(DATA)\n" + train_once("    ") + tail;
    out += "    parser.add_argument(\"--once\", action=\"store_true\", help=\"train the exported settings once, no search\")\n"
           "    parser.add_argument(\"--trials\", type=int, default=" + std::to_string(search->trials) + ")\n"
           "    args = parser.parse_args()\n"
           "    data = prepare(DATA)\n"
           "    if args.once:\n" + train_once("        ") + "        return\n"
           "    sampler, pruner = make_sampler_and_pruner()\n"
           "    study = optuna.create_study(direction=" +
           std::string(search->direction == Direction::Maximize ? "\"maximize\"" : "\"minimize\"") +
           ", sampler=sampler, pruner=pruner)\n"
           "    study.optimize(lambda trial: objective(trial, data), n_trials=args.trials)\n"
           "    best = study.best_trial\n"
           "    print(\"Best trial #%d: validation loss %.4f\" % (best.number, best.value))\n"
           "    for name, value in best.params.items():\n"
           "        print(\"    %s = %s\" % (name, value))\n";
    return out + tail;
}

}  // namespace

std::string export_python(const DataConfig& data, const TrainConfig& train, const PythonSearch* search,
                          const std::string& csv_name) {
    std::string out =
        "#!/usr/bin/env python3\n"
        "\"\"\"TuneLab export: " + std::string(name(data.kind)) + ", " + std::to_string(train.model.hidden.size()) +
        " hidden layers, " + std::string(name(train.optimizer.kind)) + " lr " + py_number(train.lr.lr) + ".\n"
        "\n"
        "The same data, network, loss, optimizer, schedules and seed as in TuneLab, in PyTorch" +
        (search ? ", and an Optuna\nstudy over the same search space with the matching sampler." : ".") + "\n"
        "NumPy's and PyTorch's random numbers differ from TuneLab's: expect similar, not identical, numbers.\n"
        "\n"
        "    pip install torch optuna numpy scikit-learn pandas\n"
        "    python3 this_script.py" + (search ? "            # the search; --once trains the settings once" : "") + "\n"
        "\"\"\"\n"
        "import argparse\n"
        "import math\n"
        "\n"
        "import numpy as np\n"
        "import optuna\n"
        "import torch\n"
        "import torch.nn.functional as F\n"
        "from torch import nn\n"
        "\n"
        "DEVICE = \"cuda\" if torch.cuda.is_available() else \"cpu\"\n"
        "SEED = " + std::to_string(train.seed) + "\n\n" +
        data_block(data, csv_name) + "\n" + train_block(train) + kLibrary + optimizer_block(train, search);
    if (search) out += sampler_block(*search) + objective_block(*search);
    return out + main_block(search);
}

}  // namespace tunelab::tune
