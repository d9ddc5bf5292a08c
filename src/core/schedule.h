#pragma once
// Learning-rate and batch-size schedules. Pure functions of time, so the UI can draw a preview
// curve without training.
#include <vector>

#include "core/settings.h"

namespace tunelab {

// Learning rate at time t (epochs since the start, fractional) of a run of total_epochs.
double learning_rate(const LrSchedule& schedule, double t, double total_epochs);

// `points` samples of the learning rate evenly spread over [0, total_epochs), for a preview plot.
std::vector<double> sample_schedule(const LrSchedule& schedule, double total_epochs, int points);

// Batch size used in epoch `epoch` (0-based) when the training part has train_size samples.
int batch_size(const BatchSchedule& schedule, int epoch, int train_size);

}  // namespace tunelab
