#include "tune/export_python.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>

#include "core/csv.h"
#include "core/json.h"
#include "tune/export_optuna.h"
#include "tune/sampler.h"
#include "tune/strategy.h"
#include "tune/tunable.h"

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
    // A bundled set is read from TuneLab's own copy (assets/data), else from scikit-learn's. The
    // learner's file is read in the dialect TuneLab recognized in it.
    const bool csv = d.kind == DatasetKind::csv;
    const CsvDialect dialect =
        csv ? load_csv(d.csv_text, d.target_column, d.csv_task, d.drop_missing, d.decimal_comma).dialect : CsvDialect{};
    const std::string file = csv ? (csv_name.empty() ? "data.csv" : csv_name) : d.data_dir + "/" + std::string(name(d.kind)) + ".csv";
    return dict_block("DATA", {
        {"kind", py_enum(d.kind)},
        {"size", std::to_string(d.size), "points generated (2-D and curve sets)"},
        {"noise", py_number(d.noise)},
        {"seed", std::to_string(d.seed), "data generation and the train/validation split"},
        {"validation_ratio", py_number(d.validation_ratio)},
        {"preprocessing", py_enum(d.preprocessing), "fitted on the training part only"},
        {"extra", "[" + extra + "]", "extra inputs computed from (x, y)"},
        {"csv_file", py_string(file), csv ? "your file; --data FILE reads another" : "TuneLab's copy; --data FILE reads another"},
        {"separator", py_string(std::string(1, dialect.separator)), "between cells"},
        {"index_column", dialect.index_column ? "True" : "False", "a first column of row numbers (pandas' index), left out"},
        {"drop_missing", d.drop_missing ? "True" : "False", "rows with a missing value: left out, else refused"},
        {"decimal_comma", d.decimal_comma ? "True" : "False", "numbers written 3,14 read as 3.14, else refused"},
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
        {"hypergradient", py_number(o.hypergradient ? o.hypergradient_beta : 0.0),
         "beta of hypergradient descent on the learning rate; 0 = off"},
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
# The data are TuneLab's own, not look-alikes: its random generator is ported below, so the 2-D
# sets, the CSV rows and the train/validation split are the very ones TuneLab used for this seed.
EXTENT = 5.0  # TuneLab's 2-D sets lie in about [-1, 1]² scaled by 5
REAL_SETS = ("iris", "wine", "breast_cancer", "digits", "diabetes")
MASK64 = (1 << 64) - 1


class Rng:
    """TuneLab's generator (PCG32, src/core/random.h), draw for draw."""

    def __init__(self, seed, stream):
        self.state, self.increment, self.spare = 0, ((stream << 1) | 1) & MASK64, None
        self.next_u32()
        self.state = (self.state + seed) & MASK64
        self.next_u32()

    def next_u32(self):
        old = self.state
        self.state = (old * 6364136223846793005 + self.increment) & MASK64
        shifted, rot = (((old >> 18) ^ old) >> 27) & 0xFFFFFFFF, old >> 59
        return ((shifted >> rot) | (shifted << ((32 - rot) & 31))) & 0xFFFFFFFF

    def uniform(self, low=0.0, high=1.0):
        high_bits = self.next_u32()
        bits = ((high_bits << 32) | self.next_u32()) >> 11
        return low + (high - low) * (bits * 2.0 ** -53)

    def normal(self):  # Box-Muller, the second value kept for the next call
        if self.spare is not None:
            spare, self.spare = self.spare, None
            return spare
        u1, u2 = 1.0 - self.uniform(), self.uniform()
        radius, angle = math.sqrt(-2.0 * math.log(u1)), 2.0 * math.pi * u2
        self.spare = radius * math.sin(angle)
        return radius * math.cos(angle)

    def below(self, bound):  # Lemire's unbiased integer in [0, bound)
        m = self.next_u32() * bound
        if (m & 0xFFFFFFFF) < bound:
            threshold = ((1 << 32) - bound) % bound
            while (m & 0xFFFFFFFF) < threshold:
                m = self.next_u32() * bound
        return m >> 32

    def shuffle(self, items):  # Fisher-Yates
        for i in range(len(items), 1, -1):
            j = self.below(i)
            items[i - 1], items[j] = items[j], items[i - 1]


def make_2d(kind, n, noise, rng):
    """TuneLab's 2-D generators (src/core/dataset.cpp), the same draws in the same order."""
    rows, targets = [], []
    jitter = lambda: noise * rng.normal()
    for i in range(n):
        label = i % 2
        if kind == "circle":  # class 1 inside radius 0.5, class 0 on a ring 0.7 … 1
            r = rng.uniform(0.0, 0.5) if label else rng.uniform(0.7, 1.0)
            angle = rng.uniform(0.0, 2 * math.pi)
            x, y = r * math.cos(angle) + jitter(), r * math.sin(angle) + jitter()
        elif kind == "xor":  # class 1 where x and y have the same sign
            sign_x = 1 if rng.uniform() < 0.5 else -1
            sign_y = sign_x if label else -sign_x
            x, y = sign_x * rng.uniform(), sign_y * rng.uniform()
            x, y = x + jitter(), y + jitter()
        elif kind == "blobs":  # three round clusters at 120° from each other
            label = i % 3
            angle = 2 * math.pi * label / 3 + math.pi / 2
            x, y = 0.6 * math.cos(angle) + (0.1 + noise) * rng.normal(), 0.6 * math.sin(angle) + (0.1 + noise) * rng.normal()
        elif kind == "spiral":  # two arms turning 1.75 times, the second rotated by π
            t = (i // 2) / max(1, n // 2)
            angle = 1.75 * 2 * math.pi * t + label * math.pi
            x, y = t * math.sin(angle) + jitter(), t * math.cos(angle) + jitter()
        elif kind == "moons":  # two interleaved half circles
            angle = rng.uniform(0.0, math.pi)
            x = 1 - math.cos(angle) if label else math.cos(angle)
            y = 0.5 - math.sin(angle) if label else math.sin(angle)
            x, y = (x - 0.5) * 0.66 + jitter(), (y - 0.25) * 0.66 + jitter()
        elif kind == "plane":  # target = 0.6·x − 0.4·y + noise
            x, y = rng.uniform(-1.0, 1.0), rng.uniform(-1.0, 1.0)
            label = 0.6 * x - 0.4 * y + jitter()
        elif kind == "curve":  # target = sin(πx) + noise on one input
            x, y = rng.uniform(-1.0, 1.0), 0.0
            label = math.sin(math.pi * x) + jitter()
        else:
            raise ValueError("unknown data set " + kind)
        rows.append((EXTENT * x, EXTENT * y))
        targets.append(label)
    points = np.array(rows, dtype=np.float32)
    if kind == "curve":
        points = points[:, :1]
    task = "regression" if kind in ("plane", "curve") else "classification"
    return points, np.array(targets, dtype=np.float32), task


def add_extra(points, extra):
    """The feature-engineering inputs: x², y², x·y, sin x, sin y after the raw (x, y)."""
    x, y = points[:, 0], points[:, 1]
    made = {"x_squared": x * x, "y_squared": y * y, "x_times_y": x * y,
            "sin_x": np.sin(x.astype(np.float64)).astype(np.float32), "sin_y": np.sin(y.astype(np.float64)).astype(np.float32)}
    return np.column_stack([points] + [made[name] for name in extra]).astype(np.float32)


class DataError(Exception):
    """A file TuneLab would refuse: the script refuses it too, with the same reason."""


def split_cells(line):
    """One CSV line into cells, as TuneLab reads it: "quoted, cells" and "" for a quote; trimmed."""
    cells, cell, quoted, i = [], "", False, 0
    while i < len(line):
        ch = line[i]
        if quoted and ch == '"' and line[i + 1:i + 2] == '"':
            cell, i = cell + '"', i + 1
        elif ch == '"':
            quoted = not quoted
        elif ch == DATA["separator"] and not quoted:
            cells.append(cell.strip(" \t"))
            cell = ""
        else:
            cell += ch
        i += 1
    if quoted:
        raise DataError("a quoted cell is not closed")
    return cells + [cell.strip(" \t")]


def missing(cell):
    """How files mark a missing value: an empty cell (pandas writes NaN so), NA, N/A, NaN, null, ?."""
    return cell.lower() in ("", "na", "n/a", "nan", "null", "?")


def number(cell):
    """A whole cell that is a finite number, else None (empty cells, 'nan', '1.2.3')."""
    if DATA["decimal_comma"] and cell.count(",") == 1 and 0 < cell.index(",") < len(cell) - 1:
        cell = cell.replace(",", ".")
    try:
        value = float(cell) if cell and "_" not in cell else None
    except ValueError:
        return None
    return value if value is not None and math.isfinite(value) else None


def read_table(path):
    """Header and rows of a CSV file. Only the standard library: no pandas needed."""
    try:
        with open(path, encoding="utf-8-sig") as file:  # utf-8-sig: a byte-order mark is skipped
            lines = file.read().split("\n")
    except UnicodeDecodeError:
        raise DataError(path + " is not UTF-8 text: save it as UTF-8")
    header, rows = None, []
    for line_number, line in enumerate(lines, 1):
        line = line[:-1] if line.endswith("\r") else line
        if not line.strip(" \t"):
            continue  # blank lines carry nothing
        try:
            cells = split_cells(line)
        except DataError as e:
            raise DataError("line %d: %s" % (line_number, e))
        if header is None:
            header = cells
        elif len(cells) != len(header):
            raise DataError("line %d: has %d cells, the header has %d" % (line_number, len(cells), len(header)))
        else:
            rows.append((line_number, cells))
    if header is None or not rows:
        raise DataError(path + " needs a header line and at least one row")
    return header, rows


def sklearn_table(kind):
    """scikit-learn's copy of a bundled set, laid out as TuneLab's CSV (the same values and rows)."""
    from sklearn import datasets
    bunch = datasets.load_diabetes(scaled=False) if kind == "diabetes" else getattr(datasets, "load_" + kind)()
    names = [str(v) for v in bunch.target] if kind in ("diabetes", "digits") else [bunch.target_names[t] for t in bunch.target]
    rows = [(r + 2, [repr(float(v)) for v in features] + [names[r]]) for r, features in enumerate(bunch.data)]
    return ["f%d" % c for c in range(bunch.data.shape[1])] + ["target"], rows


def load_csv(header, rows, target_column, task):
    """TuneLab's CSV rules: numeric features; class labels numbered by value when all are numbers,
    else in order of first appearance. A missing or non-numeric cell is refused, not guessed."""
    if target_column not in header:
        raise DataError("no column named '%s' (columns: %s)" % (target_column, ", ".join(header)))
    target = header.index(target_column)
    features, labels, dropped = [], [], 0
    for line_number, cells in rows:
        gap = next((c for c, cell in enumerate(cells) if missing(cell)), None)
        if gap is not None:
            if DATA["drop_missing"]:
                dropped += 1
                continue
            raise DataError("line %d, column %d: a missing value in column '%s' (TuneLab refuses it too; "
                            "set DATA['drop_missing'] to leave such rows out)" % (line_number, gap + 1, header[gap]))
        values = []
        for c, cell in enumerate(cells):
            if c == target:
                continue
            value = number(cell)
            if value is None:
                raise DataError("line %d, column %d: '%s' in column '%s' is not a number" % (line_number, c + 1, cell, header[c]))
            values.append(value)
        if task == "regression" and number(cells[target]) is None:
            raise DataError("line %d, column %d: target '%s' is not a number (regression needs numbers)"
                            % (line_number, target + 1, cells[target]))
        features.append(values)
        labels.append(cells[target])
    if dropped:
        print("%d rows with missing values left out" % dropped)
    x = np.array(features, dtype=np.float32)
    if DATA["index_column"]:
        x = x[:, 1:]
    if task == "regression":
        return x, np.array([number(v) for v in labels], dtype=np.float32), task
    classes = list(dict.fromkeys(labels))
    if all(number(v) is not None for v in classes):
        classes.sort(key=number)
    if len(classes) < 2:
        raise DataError("target column '%s' has only 1 class; classification needs at least 2" % target_column)
    index = {name: k for k, name in enumerate(classes)}
    return x, np.array([index[v] for v in labels], dtype=np.float32), task


def load(cfg, data_file=None):
    """Inputs (samples × features), targets and the task, as TuneLab loaded them."""
    kind = cfg["kind"]
    if kind not in REAL_SETS and kind != "csv":
        points, target, task = make_2d(kind, cfg["size"], cfg["noise"], Rng(cfg["seed"], 1))
        return (add_extra(points, cfg["extra"]) if points.shape[1] == 2 else points), target, task
    path = data_file or cfg["csv_file"]
    if kind in REAL_SETS:
        task, target_column = "regression" if kind == "diabetes" else "classification", "target"
        if os.path.exists(path):
            header, rows = read_table(path)
        else:  # TuneLab's files are copies of scikit-learn's: the same rows in the same order
            print("%s not found: using scikit-learn's copy of %s (the same values)" % (path, kind))
            header, rows = sklearn_table(kind)
    else:
        task, target_column = cfg["csv_task"], cfg["target_column"]
        if not os.path.exists(path):
            raise DataError("%s not found: put your CSV file there or pass --data FILE" % path)
        header, rows = read_table(path)
    return load_csv(header, rows, target_column, task)


def validation_rows(y, task, ratio, seed):
    """TuneLab's stratified split: per class (in class order), shuffled by its generator; each
    class gives round(ratio · size) rows, rounded half away from zero as TuneLab's std::lround."""
    rng = Rng(seed, 2)
    groups = [list(np.flatnonzero(y == c)) for c in range(int(y.max()) + 1)] if task == "classification" else [list(range(len(y)))]
    chosen = []
    for group in groups:
        rng.shuffle(group)
        chosen += group[: min(int(math.floor(ratio * len(group) + 0.5)), len(group))]
    return np.array(sorted(chosen), dtype=np.int64)


def fit_scaler(x, kind):
    """Offset and scale per feature, fitted on the training part (float32, as TuneLab)."""
    x64 = x.astype(np.float64)
    if kind == "standardize":
        offset = x64.mean(axis=0)
        spread = np.sqrt(((x64 - offset) ** 2).mean(axis=0))
    elif kind == "min_max":
        offset = x.min(axis=0).astype(np.float64)
        spread = (x.max(axis=0) - x.min(axis=0)).astype(np.float64)
    else:
        return np.zeros(x.shape[1], np.float32), np.ones(x.shape[1], np.float32)
    scale = np.where(spread > 0, 1.0 / np.where(spread > 0, spread, 1.0), 1.0)  # a constant feature is left as it is
    return offset.astype(np.float32), scale.astype(np.float32)


def prepare(cfg, data_file=None):
    """The train/validation parts as tensors, the preprocessing fitted on the training part only."""
    x, y, task = load(cfg, data_file)
    held_out = validation_rows(y, task, cfg["validation_ratio"], cfg["seed"])
    is_validation = np.zeros(len(y), dtype=bool)
    is_validation[held_out] = True
    offset, scale = fit_scaler(x[~is_validation], cfg["preprocessing"])
    as_x = lambda a: torch.tensor((a - offset) * scale, dtype=torch.float32, device=DEVICE)
    as_y = lambda a: torch.tensor(a, dtype=torch.long if task == "classification" else torch.float32, device=DEVICE)
    classes = int(y.max()) + 1 if task == "classification" else 0
    return {"x_train": as_x(x[~is_validation]), "y_train": as_y(y[~is_validation]), "x_val": as_x(x[is_validation]),
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


class Hypergradient:
    """Hypergradient descent on the learning rate (Baydin et al., ICLR 2018), for any optimizer:
    before each step the base rate follows the loss's derivative with respect to it,
    rate += beta * g . u, where u is the last step's direction per unit of base rate (what the step
    moved the parameters, over the base rate). The schedule multiplies the adapted rate."""

    def __init__(self, params, cfg):
        self.params, self.beta, self.base = params, cfg["hypergradient"], cfg["lr"]
        self.adapted, self.direction = cfg["lr"], None

    def rate(self, scheduled):
        """The rate to step at: the scheduled one scaled by adapted / set base rate."""
        if self.direction is not None:
            h = sum(float((p.grad * u).sum()) for p, u in zip(self.params, self.direction))
            self.adapted = max(0.0, self.adapted + self.beta * h)
        return scheduled * self.adapted / self.base

    def stepped(self, before):
        if self.adapted > 0:  # at rate 0 no step shows the direction: the last one is kept
            self.direction = [(b - p.detach()) / self.adapted for b, p in zip(before, self.params)]


def train(cfg, data, trial=None, score=None):
    """Trains one network; returns (validation loss, validation metric) of the last epoch. In a
    search, each epoch's score(loss, metric) is reported to the trial, for pruning."""
    torch.manual_seed(cfg["seed"])
    model = build_model(cfg, data)
    params = list(model.parameters())
    optimizer = make_optimizer(params, cfg)
    hypergradient = Hypergradient(params, cfg)
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
            lr = lr_at(cfg, epoch + b / batches)
            rows = order[b * batch:(b + 1) * batch]
            loss = loss_of(model(x[rows]), y[rows], cfg) + penalty(model, cfg)
            optimizer.zero_grad()
            loss.backward()
            if cfg["hypergradient"]:
                lr, before = hypergradient.rate(lr), [p.detach().clone() for p in params]
            for group in optimizer.param_groups:
                group["lr"] = lr
            optimizer.step()
            if cfg["hypergradient"]:
                hypergradient.stepped(before)
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
            trial.report(score(val_loss, val_metric), epoch)
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
        case ParamKind::real:
            return "trial.suggest_float(" + name + ", " + py_number(p.low) + ", " + py_number(p.high) + log + ")";
        case ParamKind::integer:
            return "trial.suggest_int(" + name + ", " + py_int(p.low) + ", " + py_int(p.high) + log + ")";
        case ParamKind::categorical: {
            std::string choices;
            for (const std::string& c : p.choices) choices += (choices.empty() ? "" : ", ") + py_string(c);
            return "trial.suggest_categorical(" + name + ", [" + choices + "])";
        }
    }
    return {};
}

// TuneLab's grid for this budget: as many points per parameter as GridSampler gives (the whole
// grid fits in the budget), at the same values, endpoints exactly the range's own.
std::string grid_values(const Space& space, size_t i, int points) {
    const Param& p = space.params()[i];
    std::string out;
    for (int digit = 0; digit < points; ++digit) {
        std::string value;
        if (p.kind == ParamKind::categorical) {
            value = py_string(space.format(i, space.decode(i, (digit + 0.5) / points)));
        } else {
            double v = points == 1 ? space.decode(i, 0.5) : digit == 0 ? p.low : digit == points - 1 ? p.high
                                                                      : space.decode(i, double(digit) / (points - 1));
            value = p.kind == ParamKind::integer ? py_int(v) : py_number(v);
        }
        out += (out.empty() ? "" : ", ") + value;
    }
    return "[" + out + "]";
}

std::string sampler_block(const PythonSearch& search) {
    const std::string& s = search.sampler;
    std::string out = "\n\ndef make_sampler_and_pruner(seed):\n";
    if (s == "grid") {
        const std::vector<int> points = GridSampler::points_per_dimension(search.space, search.trials);
        int size = 1;
        for (int k : points) size *= k;
        out += "    # TuneLab's grid for a budget of " + std::to_string(search.trials) + " trials: " + std::to_string(size) +
               " points (the same values), visited in random order.\n    space = {\n";
        for (size_t i = 0; i < search.space.size(); ++i)
            out += "        " + py_string(search.space.params()[i].name) + ": " + grid_values(search.space, i, points[i]) + ",\n";
        out += "    }\n    return optuna.samplers.GridSampler(space, seed=seed), optuna.pruners.NopPruner()\n";
    } else if (s == "sobol" || s == "halton") {
        out += "    # Quasi-random points that cover the space evenly, like TuneLab's " + s + " sequence.\n"
               "    return optuna.samplers.QMCSampler(qmc_type=" + py_string(s) + ", scramble=True, seed=seed), "
               "optuna.pruners.NopPruner()\n";
    } else if (s == "bayes") {
        out += "    # TuneLab's Bayesian optimization (Gaussian process + expected improvement) is optuna's\n"
               "    # GPSampler, which needs optuna >= 3.6 (the 'optuna-integration' package also offers\n"
               "    # BoTorchSampler). On an older optuna (Debian 12 has 3.1) this study runs TPE, another\n"
               "    # model-based sampler, instead: it says so when it starts.\n"
               "    if hasattr(optuna.samplers, \"GPSampler\"):\n"
               "        return optuna.samplers.GPSampler(seed=seed), optuna.pruners.NopPruner()\n"
               "    print(\"optuna %s has no GPSampler (3.6+): TPE stands in for Bayesian optimization\" % optuna.__version__)\n"
               "    return optuna.samplers.TPESampler(seed=seed), optuna.pruners.NopPruner()\n";
    } else if (s == "hyperband") {
        out += "    # Hyperband: random configurations, most stopped after a few epochs (keep 1/3 per rung).\n"
               "    pruner = optuna.pruners.HyperbandPruner(min_resource=1, max_resource=SEARCH[\"epochs\"], reduction_factor=3)\n"
               "    return optuna.samplers.RandomSampler(seed=seed), pruner\n";
    } else if (s == "asha") {
        out += "    # ASHA, asynchronous successive halving: optuna's SuccessiveHalvingPruner is ASHA (Li et al. 2020).\n"
               "    pruner = optuna.pruners.SuccessiveHalvingPruner(min_resource=1, reduction_factor=3)\n"
               "    return optuna.samplers.RandomSampler(seed=seed), pruner\n";
    } else if (s == "cmaes") {
        out += "    # CMA-ES, as TuneLab's: optuna's CmaEsSampler needs the 'cmaes' package; without it this\n"
               "    # study runs TPE instead and says so when it starts.\n"
               "    try:\n"
               "        import cmaes  # noqa: F401\n"
               "        return optuna.samplers.CmaEsSampler(seed=seed), optuna.pruners.NopPruner()\n"
               "    except ImportError:\n"
               "        print(\"the 'cmaes' package is missing: TPE stands in for CMA-ES\")\n"
               "    return optuna.samplers.TPESampler(seed=seed), optuna.pruners.NopPruner()\n";
    } else if (s == "parego" || s == "motpe") {
        const std::string name = s == "parego" ? "ParEGO" : "MOTPE";
        out += "    # TuneLab's " + name + " searched the error and the training cost (FLOPs) together. This script counts\n"
               "    # no FLOPs, so it tunes the score alone, with TPE (optuna's TPESampler searches a Pareto front,\n"
               "    # MOTPE, when objective() returns the cost too and the study has two directions).\n"
               "    print(\"TuneLab's " + name + " traded the error against FLOPs; this script tunes the score alone, with TPE\")\n"
               "    return optuna.samplers.TPESampler(seed=seed), optuna.pruners.NopPruner()\n";
    } else if (s == "random") {
        out += "    return optuna.samplers.RandomSampler(seed=seed), optuna.pruners.NopPruner()\n";
    } else {
        out += "    # Tree-structured Parzen estimator, as TuneLab's TPE.\n"
               "    return optuna.samplers.TPESampler(seed=seed), optuna.pruners.NopPruner()\n";
    }
    return out;
}

bool by_accuracy(const PythonSearch& search) { return search.score == MlpScore::validation_error; }

// The tunable settings applied to `target` (tunable.h), as a Python tuple's items.
std::string tunable_keys(TunableTarget target) {
    std::string out;
    for (const TunableSetting& setting : tunable_settings())
        if (setting.target == target) out += (out.empty() ? "" : ", ") + py_string(setting.name);
    return out;
}

// The objective: the same parameters as TuneLab's study, applied to the exported settings the way
// MlpObjective::config_for applies them (one width, depth, activation and dropout for all layers,
// each defaulting to the first hidden layer's; epochs at most the search's).
std::string objective_block(const PythonSearch& search) {
    std::string out =
        "\n\ndef apply_params(cfg, p):\n"
        "    \"\"\"The search's settings with one trial's parameters, as TuneLab applies them.\"\"\"\n"
        "    cfg = dict(cfg)\n"
        "    for key in (" + tunable_keys(TunableTarget::setting) + "):\n"
        "        if key in p:\n"
        "            cfg[key] = p[key]\n"
        "    if \"epochs\" in p:\n"
        "        cfg[\"epochs\"] = min(max(1, p[\"epochs\"]), SEARCH[\"epochs\"])\n"
        "    if any(key in p for key in (" + tunable_keys(TunableTarget::layer) + ")):\n"
        "        units, activation, dropout = cfg[\"hidden\"][0] if cfg[\"hidden\"] else (8, \"tanh\", 0.0)\n"
        "        layer = (p.get(\"units\", units), p.get(\"activation\", activation), p.get(\"dropout\", dropout))\n"
        "        cfg[\"hidden\"] = [layer] * max(1, p.get(\"layers\", len(cfg[\"hidden\"])))\n"
        "    return cfg\n"
        "\n\ndef score(loss, metric):\n"
        "    \"\"\"What the study optimizes: " +
        std::string(by_accuracy(search) ? "the validation accuracy (maximized)" : "the validation loss (minimized)") +
        ".\"\"\"\n"
        "    return " + (by_accuracy(search) ? "metric" : "loss") + "\n"
        "\n\ndef evaluate(p, data, seed, trial=None):\n"
        "    \"\"\"Trains one trial's settings from `seed`; returns (validation loss, metric).\"\"\"\n"
        "    cfg = apply_params(dict(TRAIN, epochs=SEARCH[\"epochs\"], patience=0, seed=seed), p)\n"
        "    cfg[\"batch\"] = min(cfg[\"batch\"], len(data[\"y_train\"]))\n"
        "    return train(cfg, data, trial, score)\n"
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
    out += "    loss, metric = evaluate(p, data, SEED + trial.number, trial)\n"
           "    trial.set_user_attr(\"validation_loss\", loss)\n"
           "    trial.set_user_attr(\"validation_metric\", metric)\n"
           "    return score(loss, metric)\n";
    return out;
}

// A warm start's earlier trials, in the score this script optimizes (TuneLab keeps 1 − accuracy, a loss),
// and the function that gives them to a new study.
std::string earlier_trials_block(const PythonSearch& search) {
    if (search.earlier.empty()) return "";
    json::Array earlier;
    for (const Trial& t : search.earlier)
        if (t.status == TrialStatus::complete && t.value)
            earlier.push_back(json::Object{{"params", params_to_json(search.space, t.params)},
                                           {"value", by_accuracy(search) ? 1 - *t.value : *t.value}});
    // JSON inside one Python string literal: JSON's escapes are all valid Python escapes.
    const auto literal = [](const json::Value& v) { return json::Value(v.dump()).dump(); };
    return "\n# TuneLab's warm start: the trials of an earlier study this search starts from.\n"
           "SPACE = json.loads(" + literal(space_to_json(search.space)) + ")\n"
           "EARLIER_TRIALS = json.loads(" + literal(earlier) + ")\n" + kPythonDistribution +
           "\n\ndef add_earlier_trials(study):\n"
           "    \"\"\"A new study gets the earlier trials as finished ones, so its sampler's first proposals already\n"
           "    learn from them (Optuna's way to warm-start); a study loaded from --storage already has its own.\"\"\"\n"
           "    if study.trials:\n"
           "        return\n"
           "    distributions = {p[\"name\"]: distribution(p) for p in SPACE}\n"
           "    study.add_trials([optuna.trial.create_trial(params=t[\"params\"], value=t[\"value\"],\n"
           "                                                distributions={name: distributions[name] for name in t[\"params\"]})\n"
           "                      for t in EARLIER_TRIALS])\n"
           "    print(\"%d earlier trials added to the study (TuneLab's warm start)\" % len(EARLIER_TRIALS))\n";
}

std::string search_block(const PythonSearch& search) {
    return dict_block("SEARCH", {
        {"sampler", py_string(search.sampler), "TuneLab's strategy"},
        {"trials", std::to_string(search.trials)},
        {"epochs", std::to_string(search.epochs), "per trial (a tuned epochs is at most this); no early stopping"},
        {"score", py_string(by_accuracy(search) ? "validation_accuracy" : "validation_loss")},
    });
}

std::string main_block(const PythonSearch* search) {
    std::string out =
        "\n\ndef report(name, figures, seeds):\n"
        "    print(\"%s over seeds %s: mean %.4f (%s)\" % (name, \", \".join(map(str, seeds)), sum(figures) / len(figures),\n"
        "                                              \", \".join(\"%.4f\" % f for f in figures)))\n"
        "\n\ndef main():\n"
        "    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)\n"
        "    parser.add_argument(\"--data\", metavar=\"FILE\", help=\"the CSV file to read (default: DATA['csv_file'])\")\n"
        "    parser.add_argument(\"--seeds\", help=\"comma-separated seeds of data, initialization \"\n"
        "                        \"and shuffling, as tunelab-cli's --seed (several: their mean is printed)\")\n";
    if (search)
        out += "    parser.add_argument(\"--once\", action=\"store_true\", help=\"train the exported settings once, no search\")\n"
               "    parser.add_argument(\"--params\", metavar=\"JSON\", help='train one trial\\'s parameters, e.g. {\"lr\": 0.01}')\n"
               "    parser.add_argument(\"--n-trials\", \"--trials\", dest=\"trials\", type=int, default=SEARCH[\"trials\"],\n"
               "                        help=\"trials this process runs (with --storage: added to the study's)\")\n"
               "    parser.add_argument(\"--storage\", metavar=\"URL\", help=\"an Optuna storage that several workers share: \"\n"
               "                        \"sqlite:///study.db, postgresql://..., mysql://..., or a journal file's path\")\n"
               "    parser.add_argument(\"--study-name\", default=" + py_string("tunelab-" + search->sampler) +
               ", help=\"the study in --storage (loaded when it exists)\")\n"
               "    parser.add_argument(\"--n-jobs\", type=int, default=1, help=\"trials run side by side in this process\")\n"
               "    parser.add_argument(\"--sampler-seed\", type=int, help=\"the sampler's seed (default SEED; with --storage \"\n"
               "                        \"a fresh one per worker, printed, so that workers never repeat each other's trials)\")\n";
    out += "    args = parser.parse_args()\n"
           "    seeds = [int(s) for s in args.seeds.split(\",\")] if args.seeds else [SEED]\n"
           "    try:  # without --seeds, the data's own seed; with it, one seed for everything\n"
           "        datas = {seed: prepare(dict(DATA, seed=seed if args.seeds else DATA[\"seed\"]), args.data) for seed in seeds}\n"
           "    except DataError as e:\n"
           "        raise SystemExit(\"cannot use the data: %s\" % e)\n"
           "    metric_name = \"validation accuracy\" if datas[seeds[0]][\"task\"] == \"classification\" else \"validation R2\"\n";
    const std::string once =
        "losses, metrics = zip(*(train(dict(TRAIN, seed=seed), datas[seed]) for seed in seeds))\n";
    const std::string print = "report(\"validation loss\", losses, seeds)\n";
    const std::string print_metric = "report(metric_name, metrics, seeds)\n";
    if (!search) return out + "    " + once + "    " + print + "    " + print_metric + "\n\nif __name__ == \"__main__\":\n    main()\n";
    out += "    if args.once:\n        " + once + "        " + print + "        " + print_metric + "        return\n"
           "    if args.params:\n"
           "        p = json.loads(args.params)\n"
           "        losses, metrics = zip(*(evaluate(p, datas[seed], seed) for seed in seeds))\n"
           "        " + print + "        " + print_metric + "        return\n"
           "    sampler_seed = args.sampler_seed\n"
           "    if sampler_seed is None and args.storage:  # one seed for all workers would repeat their trials\n"
           "        sampler_seed = int.from_bytes(os.urandom(4), \"little\")\n"
           "        print(\"this worker's sampler seed: %d (--sampler-seed %d repeats it)\" % (sampler_seed, sampler_seed))\n"
           "    sampler, pruner = make_sampler_and_pruner(SEED if sampler_seed is None else sampler_seed)\n"
           "    study = create_shared_study(open_storage(args.storage) if args.storage else None, study_name=args.study_name,\n"
           "                                direction=" + std::string(by_accuracy(*search) ? "\"maximize\"" : "\"minimize\"") +
           ", sampler=sampler, pruner=pruner)\n" +
           std::string(search->earlier.empty() ? "" : "    add_earlier_trials(study)\n") +
           "    study.optimize(lambda trial: objective(trial, datas[seeds[0]]), n_trials=args.trials, n_jobs=args.n_jobs)\n"
           "    best = study.best_trial\n"
           "    print(\"Best trial #%d: %s %.4f\" % (best.number, SEARCH[\"score\"].replace(\"_\", \" \"), best.value))\n"
           "    for name, value in best.params.items():\n"
           "        print(\"    %s = %s\" % (name, value))\n";
    return out + "\n\nif __name__ == \"__main__\":\n    main()\n";
}

}  // namespace

std::string python_sampler(const std::string& strategy) {
    const Strategy* known = find_strategy(strategy);
    // A multi-objective strategy keeps its own name: the script says it tunes the score alone.
    return known ? (known->multi_objective ? known->name : known->sampler) : strategy;
}

PythonSearch default_python_search(const TrainConfig& run) {
    return {MlpObjective::default_space(), "tpe", 30, run.epochs, MlpScore::validation_loss};
}

std::string export_python(const DataConfig& data, const TrainConfig& train, const PythonSearch* search,
                          const std::string& csv_name) {
    std::string out =
        "#!/usr/bin/env python3\n"
        "\"\"\"TuneLab export: " + std::string(name(data.kind)) + ", " + std::to_string(train.model.hidden.size()) +
        " hidden layers, " + std::string(name(train.optimizer.kind)) + " lr " + py_number(train.lr.lr) + ".\n"
        "\n"
        "The same data, network, loss, optimizer, schedules and seed as in TuneLab, in PyTorch" +
        (search ? ", and an Optuna\nstudy over the same search space with the matching sampler." : ".") + "\n"
        "The data are TuneLab's own (its generator is ported below: the same points, rows and split); only\n"
        "PyTorch's random numbers (initialization, shuffling, dropout) differ: expect similar, not identical,\n"
        "figures. No pandas needed; scikit-learn only when TuneLab's copy of a bundled data set is absent.\n"
        "\n"
        "    pip install torch optuna numpy\n"
        "    python3 this_script.py" + (search ? "            # the search; --once trains the settings once" : "") + "\n" +
        (search ? "    python3 this_script.py --storage sqlite:///study.db --n-trials 10   # one of several workers\n" : "") +
        "\"\"\"\n"
        "import argparse\n"
        "import json\n"
        "import math\n"
        "import os\n"
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
    if (search)
        out += "\n" + search_block(*search) + kPythonOpenStorage + earlier_trials_block(*search) + sampler_block(*search) +
               objective_block(*search);
    return out + main_block(search);
}

}  // namespace tunelab::tune
