#pragma once
// The lab's judgements about a run that need no ImGui, kept pure so doctest checks them
// (tests/ui/lab_run_math_test.cpp): how good a result is compared with guessing, whether a run is
// thrashing instead of learning, how fast training is paced, how far a run got and when it ends.
#include <span>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/settings.h"
#include "core/trainer.h"
#include "tune/scheduler.h"

namespace tunelab::ui {

// ------------------------------------------------------------------------------ how good it is

// The score of guessing, on the validation part: for classification the accuracy of always
// answering the most common class (0.5 on the balanced 2-class sets, about 0.1 on digits); for
// regression 0, the R² of always predicting the mean.
double chance_score(const PreparedData& data);

// A result in words, by its skill: how much of the way from guessing (`chance`) to perfect (1)
// the score went. The thresholds are the learner's scale, not a statistical test: below 10% of
// the way is no better than guessing, below 40% barely better, below 70% fair, below 90% good.
enum class Quality { guessing, barely, fair, good, very_good };
Quality result_quality(double score, double chance);

// ------------------------------------------------------------------------------ not learning

// A learning rate too large to learn but not large enough to blow up to NaN: the run thrashes,
// or its units died or saturated and it answers one class. True when, over the last max(5, n/4)
// of at least 5 finite epochs, both hold:
//  - the training loss rose from one epoch to the next in at least 30% of the steps (a descent,
//    even a slow one with a too-small learning rate, rarely rises; a stuck run jitters), and
//  - the mean training and validation scores there stay within a quarter of the way from
//    guessing to perfect (a run that fits its training set is learning, even if it over-fits).
// A healthy run's first epochs can look like that: the lab asks only of finished runs and of
// runs past kThrashingEpochs.
constexpr int kThrashingEpochs = 20;
bool thrashing(std::span<const EpochRecord> history, double chance);

// ------------------------------------------------------------------------------------ pacing

// The lab's speeds: each paces training by wall-clock time, so what a learner watches does not
// depend on the frame rate. 0 in both means as fast as the frame budget allows.
struct Pace {
    double batches_per_second = 0;
    double epochs_per_second = 0;
};
constexpr Pace kPaces[] = {{2, 0}, {20, 0}, {0, 3}, {0, 15}, {0, 0}};
constexpr int kSpeedCount = 5;
// The default, 15 epochs per second: the default run (100 epochs) takes about 7 s to watch, the
// 5–10 s issue #10 asks for, and the last speed stays "fastest".
constexpr int kDefaultSpeed = 4;

// Mini-batches a run may take now, `seconds` after the previous call, at `speed` (1-based) with
// `batches_per_epoch`. `credit` carries the fractions between frames and is capped at a quarter of
// a second's worth, so a slow frame or a pause never releases a burst. No cap at "fastest".
int batches_due(int speed, int batches_per_epoch, double seconds, tune::PaceCredit& credit);

// -------------------------------------------------------------------------- progress and ETA

// How far a run got, in [0, 1]: completed epochs plus the current epoch's share. A run that
// diverged or stopped early shows where it stopped, not a full bar.
double run_progress(const Trainer& trainer);

// Wall-clock progress rate while playing, so the ETA counts the frames between training slices
// (and a paced speed) rather than the training time alone. Reset on pause: a paused run has no ETA.
struct EtaMeter {
    double start_time = -1, start_fraction = 0;  // where the current measuring window began
    double rate = 0;                             // fraction per second, 0 while unknown
    void reset() { *this = {}; }
    void update(double now, double fraction);
    // Seconds left for a run at `fraction`, or a negative number when not known yet.
    double eta(double fraction) const;
};

}  // namespace tunelab::ui

namespace tunelab::ui {

// ---------------------------------------------------------------------------------- A versus B

// One setting on which two runs differ, named as the hook and the link spell it ("lr.lr",
// "model.hidden[1].units"), with each run's value; "—" where one run has no such setting (a
// layer the other lacks).
struct Difference {
    std::string field, a, b;
};
std::vector<Difference> config_differences(const TrainConfig& a, const TrainConfig& b);

}  // namespace tunelab::ui
