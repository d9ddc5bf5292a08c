#include "tune/trial_pool.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "tune/mlp_objective.h"

namespace tunelab::tune {

namespace {

// What the test hook's faults say, wherever the worker runs.
constexpr const char* kSimulatedThrow = "the trial threw: simulated failure (test hook)";
constexpr const char* kSimulatedDeath = "the worker stopped: simulated out of memory (test hook)";

// Thrown from a trial's progress to stop its training: the pool is closing, or its worker "dies".
struct StopTraining {};

class ThreadTrialPool : public TrialPool {
public:
    explicit ThreadTrialPool(int workers) { resize(workers); }

    ~ThreadTrialPool() override {
        {
            std::lock_guard lock(mutex_);
            closing_ = true;
            queue_.clear();
        }
        wake_.notify_all();
        for (std::thread& t : threads_) t.join();
    }

    int submit(TrialWork work, WorkerFault fault) override {
        std::lock_guard lock(mutex_);
        queue_.push_back({next_ticket_, std::move(work), fault});
        wake_.notify_one();
        return next_ticket_++;
    }

    std::vector<PoolUpdate> poll() override {
        std::lock_guard lock(mutex_);
        std::vector<PoolUpdate> out;
        for (const auto& [ticket, at] : progress_) out.push_back({ticket, at.worker, at.epochs, std::nullopt});
        progress_.clear();
        for (PoolUpdate& update : finished_) out.push_back(std::move(update));
        finished_.clear();
        top_up();  // replaces workers that died
        return out;
    }

    void resize(int workers) override {
        std::lock_guard lock(mutex_);
        target_ = std::max(workers, 1);
        top_up();
        wake_.notify_all();  // a worker over the size leaves when it next looks for a trial
    }

    int size() const override { return target_; }

    void drop_queued() override {
        std::lock_guard lock(mutex_);
        queue_.clear();
    }

private:
    struct Job {
        int ticket;
        TrialWork work;
        WorkerFault fault;
    };

    // Under the lock.
    void top_up() {
        while (live_ < target_) {
            ++live_;
            threads_.emplace_back([this, id = next_worker_++] { work(id); });
        }
    }

    void work(int id) {
        std::unique_lock lock(mutex_);
        for (;;) {
            wake_.wait(lock, [&] { return closing_ || live_ > target_ || !queue_.empty(); });
            if (closing_ || live_ > target_) break;
            Job job = std::move(queue_.front());
            queue_.pop_front();
            lock.unlock();
            bool died = false;
            try {
                job.work.train([&](int epochs) {
                    std::lock_guard progress_lock(mutex_);
                    if (closing_) throw StopTraining{};
                    if (job.fault == WorkerFault::worker_dies) throw StopTraining{};
                    progress_[job.ticket] = {id, epochs};
                    if (job.fault == WorkerFault::trial_throws) throw std::runtime_error(kSimulatedThrow);
                });
            } catch (StopTraining) {
                died = job.fault == WorkerFault::worker_dies;
                if (died) job.work.error = kSimulatedDeath;
            }
            lock.lock();
            if (closing_) break;
            progress_.erase(job.ticket);
            const int epochs = job.work.trained + int(job.work.results.size());
            finished_.push_back({job.ticket, id, epochs, std::move(job.work)});
            if (died) break;  // the next poll starts a replacement
        }
        --live_;
    }

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> queue_;
    struct Progress {
        int worker, epochs;
    };
    std::map<int, Progress> progress_;    // the latest per running ticket
    std::vector<PoolUpdate> finished_;
    std::vector<std::thread> threads_;    // every thread started, joined when the pool closes
    int target_ = 0, live_ = 0, next_ticket_ = 0, next_worker_ = 0;
    bool closing_ = false;
};

// A step's value may be NaN or infinite (a diverged epoch); JSON has no such numbers.
json::Value value_to_json(double v) {
    if (std::isfinite(v)) return v;
    return std::isnan(v) ? "nan" : v > 0 ? "inf" : "-inf";
}

double value_from_json(const json::Value& v) {
    if (v.is_number()) return v.as_number();
    if (v.is_string() && v.as_string() == "nan") return NAN;
    if (v.is_string() && v.as_string() == "inf") return INFINITY;
    if (v.is_string() && v.as_string() == "-inf") return -INFINITY;
    throw std::invalid_argument("trial results: a value must be a number, \"nan\", \"inf\" or \"-inf\"");
}

int whole(const json::Value& object, const char* key) {
    const json::Value* v = object.find(key);
    if (!v || !v->is_number() || v->as_number() != std::floor(v->as_number()) || std::abs(v->as_number()) > 1e9)
        throw std::invalid_argument(std::string("trial job: \"") + key + "\" must be a whole number");
    return int(v->as_number());
}

}  // namespace

int default_pool_size(int cores) { return std::max(cores - 1, 1); }

std::unique_ptr<TrialPool> make_thread_pool(int workers) { return std::make_unique<ThreadTrialPool>(workers); }

json::Value objective_to_json(const Objective& objective) {
    const auto* mlp = dynamic_cast<const MlpObjective*>(&objective);
    if (!mlp) throw std::invalid_argument("only the network objective trains in a worker");
    return mlp->to_json();
}

std::shared_ptr<const Objective> objective_from_json(const json::Value& value) {
    return std::make_shared<const MlpObjective>(MlpObjective::from_json(value));
}

json::Value trial_job_to_json(const TrialWork& work, WorkerFault fault) {
    json::Array params;
    for (double v : work.params) params.push_back(value_to_json(v));  // an inactive parameter is NaN
    return json::Object{{"number", work.number},       {"params", std::move(params)},
                        {"seed", json::u64_to_json(work.seed)},
                        {"full_epochs", work.full_epochs}, {"budget", work.budget},
                        {"trained", work.trained},         {"fault", std::string(name(fault))}};
}

json::Value trial_results_to_json(const TrialWork& work) {
    json::Array results;
    for (const StepResult& r : work.results)
        results.push_back(json::Array{value_to_json(r.value), r.cost.seconds, r.cost.flops, r.diverged, r.failed});
    return json::Object{{"results", std::move(results)}, {"error", work.error}};
}

void read_trial_results(TrialWork& work, const json::Value& value) {
    const json::Value* results = value.find("results");
    const json::Value* error = value.find("error");
    if (!results || !results->is_array() || !error || !error->is_string())
        throw std::invalid_argument("trial results: needs \"results\" (an array) and \"error\" (a string)");
    work.results.clear();
    for (const json::Value& r : results->as_array()) {
        if (!r.is_array() || r.as_array().size() != 5 || !r.as_array()[1].is_number() || !r.as_array()[2].is_number() ||
            !r.as_array()[3].is_bool() || !r.as_array()[4].is_bool())
            throw std::invalid_argument("trial results: each epoch is [value, seconds, flops, diverged, failed]");
        const json::Array& a = r.as_array();
        work.results.push_back({value_from_json(a[0]), {a[1].as_number(), a[2].as_number()}, a[3].as_bool(), a[4].as_bool()});
    }
    work.error = error->as_string();
}

json::Value WorkerSide::handle(const json::Value& message, const std::function<void(int, int)>& progress) {
    const json::Value* key = message.find("objective");
    if (!key || !key->is_string()) throw std::invalid_argument("worker message: needs \"objective\" (a key)");
    if (const json::Value* spec = message.find("spec")) {
        objectives_[key->as_string()] = objective_from_json(*spec);
        return nullptr;
    }
    if (message.find("forget")) {
        objectives_.erase(key->as_string());
        return nullptr;
    }
    const json::Value* job = message.find("train");
    if (!job || !job->is_object()) throw std::invalid_argument("worker message: needs \"spec\" or \"train\"");
    auto objective = objectives_.find(key->as_string());
    if (objective == objectives_.end()) throw std::invalid_argument("worker message: unknown objective " + key->as_string());
    const int ticket = whole(message, "ticket");
    TrialWork work;
    work.objective = objective->second;
    work.number = whole(*job, "number");
    work.full_epochs = whole(*job, "full_epochs");
    work.budget = whole(*job, "budget");
    // A worker has no paused training to carry on: the epochs the trial trained before, again.
    work.trained = whole(*job, "trained");
    work.replay = true;
    const json::Value* params = job->find("params");
    const json::Value* seed = job->find("seed");
    const json::Value* fault = job->find("fault");
    const std::optional<uint64_t> parsed_seed = seed ? json::u64_from_json(*seed) : std::nullopt;
    if (!params || !params->is_array() || !parsed_seed || !fault || !fault->is_string() || !parse_enum<WorkerFault>(fault->as_string()))
        throw std::invalid_argument("trial job: needs \"params\" (an array), \"seed\" (digits) and \"fault\"");
    for (const json::Value& v : params->as_array()) work.params.push_back(value_from_json(v));
    if (work.params.size() != objective->second->space().size())
        throw std::invalid_argument("trial job: \"params\" must have one value per parameter of the space");
    work.seed = *parsed_seed;
    const WorkerFault f = *parse_enum<WorkerFault>(fault->as_string());
    if (f == WorkerFault::worker_dies) std::abort();  // as an out-of-memory trap ends a wasm worker
    work.train([&](int epochs) {
        progress(ticket, epochs);
        if (f == WorkerFault::trial_throws) throw std::runtime_error(kSimulatedThrow);
    });
    json::Value out = trial_results_to_json(work);
    out["ticket"] = ticket;
    return out;
}

}  // namespace tunelab::tune
