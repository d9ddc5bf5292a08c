#include "tune/parallel.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace tunelab::tune {

namespace {

// Trials in flight: each on its own thread, its finished work queued for the runner's thread. A
// trial takes the lowest free worker slot, so that the timeline shows `jobs` lanes.
class Workers {
public:
    void launch(TrialWork work) {
        const int number = work.number;
        work.worker = int(std::find(busy_.begin(), busy_.end(), false) - busy_.begin());
        if (work.worker == int(busy_.size())) busy_.push_back(true);
        else busy_[size_t(work.worker)] = true;
        threads_.emplace(number, std::thread([this, work = std::move(work)]() mutable {
            work.train();
            std::lock_guard lock(mutex_);
            done_.push_back(std::move(work));
            ready_.notify_one();
        }));
    }
    int in_flight() const { return int(threads_.size()); }
    // The given trial's work once it has finished, or (no number) the next trial to finish.
    TrialWork take(std::optional<int> number = std::nullopt) {
        std::unique_lock lock(mutex_);
        std::deque<TrialWork>::iterator found;
        ready_.wait(lock, [&] {
            found = std::find_if(done_.begin(), done_.end(), [&](const TrialWork& w) { return !number || w.number == *number; });
            return found != done_.end();
        });
        TrialWork work = std::move(*found);
        done_.erase(found);
        lock.unlock();
        busy_[size_t(work.worker)] = false;
        auto thread = threads_.find(work.number);
        thread->second.join();
        threads_.erase(thread);
        return work;
    }
    ~Workers() {
        for (auto& [number, thread] : threads_) thread.join();
    }

private:
    std::map<int, std::thread> threads_;  // touched by the runner's thread only
    std::vector<bool> busy_;              // worker slots, likewise
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<TrialWork> done_;
};

}  // namespace

void run_parallel(StudyRunner& runner, int jobs, ParallelMode mode,
                  const std::function<void(const Trial&, const std::string&)>& told) {
    Workers workers;
    auto finish = [&](TrialWork work) {
        const std::string error = work.error;
        const int number = work.number;
        runner.finish_trial(std::move(work));
        told(runner.study().trial(number), error);
    };
    if (mode == ParallelMode::batch_synchronous) {
        for (;;) {
            std::vector<int> batch;
            while (int(batch.size()) < jobs) {
                std::optional<TrialWork> work = runner.start_trial();
                if (!work) break;
                batch.push_back(work->number);
                workers.launch(std::move(*work));
            }
            if (batch.empty()) return;
            for (int number : batch) finish(workers.take(number));
        }
    }
    // Nothing to start (the budget spent, or Hyperband waiting for a rung) may change when a trial
    // ends — ASHA promotes it — so the runner is asked again after each one.
    for (;;) {
        while (workers.in_flight() < jobs) {
            std::optional<TrialWork> work = runner.start_trial();
            if (!work) break;
            workers.launch(std::move(*work));
        }
        if (workers.in_flight() == 0) return;
        finish(workers.take());
    }
}

}  // namespace tunelab::tune
