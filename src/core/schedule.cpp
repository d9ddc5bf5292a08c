#include "core/schedule.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tunelab {

double learning_rate(const LrSchedule& s, double t, double total_epochs) {
    // A warm-up ramps linearly from 0 to lr over its first epochs; the schedule then runs over the
    // remaining time as if it started there.
    const double warmup = std::max(0.0, s.warmup_epochs);
    if (t < warmup) return s.lr * t / warmup;
    const double elapsed = t - warmup;
    const double span = std::max(total_epochs - warmup, 1e-12);
    const double progress = std::clamp(elapsed / span, 0.0, 1.0);  // t/T
    switch (s.kind) {
        case ScheduleKind::constant: return s.lr;
        case ScheduleKind::linear: return s.lr * (1.0 - progress);
        case ScheduleKind::polynomial: return s.lr * std::pow(1.0 - progress, s.power);
        case ScheduleKind::step: return s.lr * std::pow(s.gamma, std::floor(elapsed / s.step_epochs));
        case ScheduleKind::exponential: return s.lr * std::pow(s.gamma, elapsed);
        case ScheduleKind::cosine: return s.lr * 0.5 * (1.0 + std::cos(std::numbers::pi * progress));
    }
    return s.lr;
}

std::vector<double> sample_schedule(const LrSchedule& schedule, double total_epochs, int points) {
    std::vector<double> curve(std::max(points, 0));
    for (int i = 0; i < points; ++i)
        curve[i] = learning_rate(schedule, total_epochs * i / points, total_epochs);
    return curve;
}

int batch_size(const BatchSchedule& schedule, int epoch, int train_size) {
    double size = std::round(schedule.size * std::pow(schedule.growth, epoch));
    return static_cast<int>(std::clamp(size, 1.0, double(std::max(train_size, 1))));
}

}  // namespace tunelab
