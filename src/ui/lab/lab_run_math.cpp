#include "ui/lab/lab_run_math.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

#include "core/settings_json.h"

namespace tunelab::ui {

double chance_score(const PreparedData& data) {
    if (data.info.task == Task::regression) return 0.0;
    const Eigen::VectorXf& y = data.validation.samples() > 0 ? data.validation.y : data.train.y;
    if (y.size() == 0 || data.info.classes < 1) return 0.0;
    std::vector<int> counts(size_t(data.info.classes), 0);
    for (Eigen::Index i = 0; i < y.size(); ++i) {
        const int c = int(y(i));
        if (c >= 0 && c < data.info.classes) ++counts[size_t(c)];
    }
    return double(*std::max_element(counts.begin(), counts.end())) / double(y.size());
}

Quality result_quality(double score, double chance) {
    const double skill = chance < 1.0 ? (score - chance) / (1.0 - chance) : 0.0;
    if (!(skill >= 0.1)) return Quality::guessing;  // also NaN
    if (skill < 0.4) return Quality::barely;
    if (skill < 0.7) return Quality::fair;
    if (skill < 0.9) return Quality::good;
    return Quality::very_good;
}

bool thrashing(std::span<const EpochRecord> history, double chance) {
    int n = 0;  // the finite prefix: a run that blew up is the diverged message's business
    while (n < int(history.size()) && std::isfinite(history[size_t(n)].train_loss)) ++n;
    constexpr int kMinEpochs = 5;
    if (n < kMinEpochs) return false;
    const int window = std::max(kMinEpochs, n / 4);
    const int from = n - window;
    double mean_train_score = 0, mean_score = 0;
    int rises = 0;
    for (int i = from; i < n; ++i) {
        const EpochRecord& r = history[size_t(i)];
        mean_train_score += r.train_metric / window;
        mean_score += r.validation_metric / window;
        if (i > 0 && r.train_loss > history[size_t(i) - 1].train_loss) ++rises;
    }
    const double near = chance + 0.25 * (1.0 - chance);
    const bool jumpy = rises >= 0.3 * window;
    // NaN (no validation part) counts as near: nothing shows that it learns.
    const bool near_guessing = !(mean_score > near) && !(mean_train_score > near);
    return jumpy && near_guessing;
}

int batches_due(int speed, int batches_per_epoch, double seconds, tune::PaceCredit& credit) {
    const Pace& pace = kPaces[std::clamp(speed, 1, kSpeedCount) - 1];
    const double rate = pace.batches_per_second + pace.epochs_per_second * std::max(batches_per_epoch, 1);
    if (rate <= 0) {
        credit = {};
        return 1 << 30;
    }
    credit.accrue(rate, seconds, std::max(1.0, 0.25 * rate));
    return credit.take_all();
}

double run_progress(const Trainer& trainer) {
    const int epochs = std::max(trainer.config().epochs, 1);
    if (trainer.status() == Status::finished) return 1.0;
    const int batches = trainer.batches_in_epoch();
    const double within = batches > 0 ? double(trainer.batch_in_epoch()) / batches : 0.0;
    return std::min(1.0, (trainer.epoch() + within) / epochs);
}

void EtaMeter::update(double now, double fraction) {
    constexpr double kMeasure = 0.5, kWindow = 3.0;  // seconds: first estimate, then a sliding window
    if (start_time < 0) {
        start_time = now;
        start_fraction = fraction;
        return;
    }
    const double elapsed = now - start_time;
    if (elapsed >= kMeasure) rate = std::max(0.0, (fraction - start_fraction) / elapsed);
    if (elapsed >= kWindow) {
        start_time = now;
        start_fraction = fraction;
    }
}

double EtaMeter::eta(double fraction) const { return rate > 0 ? (1.0 - fraction) / rate : -1.0; }

namespace {

// Every leaf of a settings document by its path, written as the learner reads it.
void flatten(const json::Value& v, const std::string& path, std::vector<std::pair<std::string, std::string>>& out) {
    if (v.is_object()) {
        for (const auto& [key, child] : v.as_object()) flatten(child, path.empty() ? key : path + "." + key, out);
    } else if (v.is_array()) {
        for (size_t i = 0; i < v.as_array().size(); ++i) flatten(v.as_array()[i], path + "[" + std::to_string(i) + "]", out);
    } else if (v.is_number()) {
        char text[32];
        std::snprintf(text, sizeof text, "%g", v.as_number());
        out.emplace_back(path, text);
    } else {
        out.emplace_back(path, v.is_string() ? v.as_string() : v.dump());
    }
}

}  // namespace

std::vector<Difference> config_differences(const TrainConfig& a, const TrainConfig& b) {
    std::vector<std::pair<std::string, std::string>> fa, fb;
    flatten(to_json(a), "", fa);
    flatten(to_json(b), "", fb);
    const std::map<std::string, std::string> lookup_b(fb.begin(), fb.end());
    std::vector<Difference> out;
    for (const auto& [field, value] : fa) {  // in A's order, the order of the settings panels
        const auto found = lookup_b.find(field);
        const std::string other = found == lookup_b.end() ? "—" : found->second;
        if (other != value) out.push_back({field, value, other});
    }
    const std::map<std::string, std::string> lookup_a(fa.begin(), fa.end());
    for (const auto& [field, value] : fb)  // B's extra layers
        if (!lookup_a.contains(field)) out.push_back({field, "—", value});
    return out;
}

}  // namespace tunelab::ui
