// The plain baseline of 'tools/tunelab bench train': the same MLP as TuneLab's trainer, written the
// straightforward way with Eigen's own products, a shuffle per epoch and nothing else (no validation
// pass, no norms, no history). It takes the tunelab-cli train options the workloads use and loads
// the same data through TuneLab's core, so both train on the same samples; prints one JSON line.
#include <Eigen/Core>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/random.h"
#include "core/stopwatch.h"

using namespace tunelab;
using Eigen::MatrixXf;
using Eigen::VectorXf;

namespace {

struct Layer {
    MatrixXf w, z, a, delta, dw, mw, vw;  // a = f(z); m, v: Adam's moments
    VectorXf b, db, mb, vb;
};

[[noreturn]] void fail(const std::string& message) {
    std::fprintf(stderr, "plain-mlp: %s\n", message.c_str());
    std::exit(2);
}

template <typename E>
E parse(const std::map<std::string, std::string>& options, const std::string& key, E fallback) {
    auto it = options.find(key);
    if (it == options.end()) return fallback;
    if (auto value = parse_enum<E>(it->second)) return *value;
    fail("--" + key + ": unknown '" + it->second + "'");
}

}  // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::string> options;
    for (int i = 1; i + 1 < argc; i += 2) options[std::string(argv[i]).substr(2)] = argv[i + 1];
    const auto number = [&](const std::string& key, double fallback) {
        return options.count(key) ? std::atof(options[key].c_str()) : fallback;
    };
    const std::set<std::string> supported = {"dataset", "size",   "val-split", "normalize", "data-dir",
                                             "layers",  "activation", "output", "loss",      "optimizer",
                                             "lr",      "batch",  "epochs",    "seed"};
    for (const auto& [key, value] : options)
        if (!supported.count(key)) fail("unsupported option --" + key);

    DataConfig data;
    data.kind = parse(options, "dataset", data.kind);
    data.size = static_cast<int>(number("size", data.size));
    data.validation_ratio = number("val-split", data.validation_ratio);
    data.preprocessing = parse(options, "normalize", data.preprocessing);
    if (options.count("data-dir")) data.data_dir = options["data-dir"];
    data.seed = static_cast<uint64_t>(number("seed", 1));
    DataResult prepared = prepare_data(data);
    if (!prepared.data) fail(prepared.issues.front().field + ": " + prepared.issues.front().message);
    const MatrixXf& x = prepared.data->train.x;
    const VectorXf& y = prepared.data->train.y;

    const bool tanh = parse(options, "activation", Activation::tanh) == Activation::tanh;
    const bool softmax = parse(options, "output", Output::sigmoid) == Output::softmax;
    const bool adam = parse(options, "optimizer", OptimizerKind::sgd) == OptimizerKind::adam;
    const auto lr = static_cast<float>(number("lr", 0.03));
    const int batch = static_cast<int>(number("batch", 10));
    const int epochs = static_cast<int>(number("epochs", 100));
    std::vector<int> units;
    for (size_t start = 0, comma; start <= options["layers"].size(); start = comma + 1) {
        comma = options["layers"].find(',', start);
        if (comma == std::string::npos) comma = options["layers"].size();
        units.push_back(std::atoi(options["layers"].substr(start, comma - start).c_str()));
    }
    units.push_back(softmax ? prepared.data->info.classes : 1);

    Rng rng(data.seed);
    std::vector<Layer> layers(units.size());
    for (size_t l = 0; l < layers.size(); ++l) {
        const int in = l == 0 ? int(x.rows()) : units[l - 1];
        const float limit = std::sqrt(6.0f / float(in + units[l]));  // Xavier, as TuneLab's default
        Layer& layer = layers[l];
        layer.w = MatrixXf::NullaryExpr(units[l], in, [&] { return float(rng.uniform(-limit, limit)); });
        layer.b = VectorXf::Zero(units[l]);
        layer.mw = layer.vw = MatrixXf::Zero(units[l], in);
        layer.mb = layer.vb = VectorXf::Zero(units[l]);
    }

    std::vector<int> order(x.cols());
    MatrixXf bx(x.rows(), batch), target(units.back(), batch);
    double loss_sum = 0;
    int step = 0;
    const Stopwatch watch;
    for (int epoch = 0; epoch < epochs; ++epoch) {
        std::iota(order.begin(), order.end(), 0);
        rng.shuffle(std::span<int>(order));
        loss_sum = 0;
        for (int first = 0; first < x.cols(); first += batch) {
            const int n = std::min<int>(batch, int(x.cols()) - first);
            bx.resize(x.rows(), n);
            target.setZero(units.back(), n);
            for (int j = 0; j < n; ++j) {
                bx.col(j) = x.col(order[first + j]);
                target(softmax ? int(y(order[first + j])) : 0, j) = softmax ? 1.0f : y(order[first + j]);
            }
            for (size_t l = 0; l < layers.size(); ++l) {
                Layer& layer = layers[l];
                const MatrixXf& in = l == 0 ? bx : layers[l - 1].a;
                layer.z.noalias() = layer.w * in;
                layer.z.colwise() += layer.b;
                if (l + 1 < layers.size() && tanh)
                    layer.a = layer.z.array().tanh().matrix();
                else if (l + 1 < layers.size())
                    layer.a = layer.z.cwiseMax(0.0f);
                else if (softmax)
                    layer.a = (layer.z.rowwise() - layer.z.colwise().maxCoeff()).array().exp().matrix();
                else
                    layer.a = (1.0f + (-layer.z.array()).exp()).inverse().matrix();
            }
            Layer& out = layers.back();
            if (softmax) out.a.array().rowwise() /= out.a.colwise().sum().array();
            loss_sum -= softmax ? (target.array() * out.a.array().log()).sum()
                                : (target.array() * out.a.array().log() +
                                   (1.0f - target.array()) * (1.0f - out.a.array()).log()).sum();
            out.delta = (out.a - target) / float(n);  // cross-entropy paired with its output
            ++step;
            for (size_t l = layers.size(); l-- > 0;) {
                Layer& layer = layers[l];
                const MatrixXf& in = l == 0 ? bx : layers[l - 1].a;
                layer.dw.noalias() = layer.delta * in.transpose();
                layer.db = layer.delta.rowwise().sum();
                if (l > 0) {
                    Layer& below = layers[l - 1];
                    below.delta.noalias() = layer.w.transpose() * layer.delta;
                    if (tanh)
                        below.delta.array() *= 1.0f - below.a.array().square();
                    else
                        below.delta.array() *= (below.a.array() > 0).cast<float>();
                }
                if (!adam) {
                    layer.w -= lr * layer.dw;
                    layer.b -= lr * layer.db;
                    continue;
                }
                const float c1 = 1.0f / (1.0f - std::pow(0.9f, float(step)));
                const float c2 = 1.0f / (1.0f - std::pow(0.999f, float(step)));
                layer.mw = 0.9f * layer.mw + 0.1f * layer.dw;
                layer.vw = 0.999f * layer.vw + 0.001f * layer.dw.cwiseAbs2();
                layer.w.array() -= lr * (layer.mw.array() * c1) / ((layer.vw.array() * c2).sqrt() + 1e-8f);
                layer.mb = 0.9f * layer.mb + 0.1f * layer.db;
                layer.vb = 0.999f * layer.vb + 0.001f * layer.db.cwiseAbs2();
                layer.b.array() -= lr * (layer.mb.array() * c1) / ((layer.vb.array() * c2).sqrt() + 1e-8f);
            }
        }
    }
    const double seconds = watch.elapsed_seconds();
    const double samples = double(x.cols()) * epochs;
    std::printf("{\"samples_per_second\": %.1f, \"train_loss\": %.6f, \"epochs\": %d, \"seconds\": %.4f}\n",
                samples / seconds, loss_sum / double(x.cols()), epochs, seconds);
}
