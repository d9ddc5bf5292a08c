#include "app/web_trial_pool.h"

#include <emscripten.h>

#include <cstdlib>
#include <map>
#include <stdexcept>

#include "ui/arena/arena_pool.h"

namespace tunelab::app {
namespace {

EM_JS(int, workers_available, (), { return Module.tunelabWorkers.available() ? 1 : 0; });
EM_JS(int, workers_cores, (), { return Module.tunelabWorkers.cores(); });
EM_JS(void, workers_resize, (int size), { Module.tunelabWorkers.resize(size); });
// An objective's spec goes as a copy of its bytes, never decoded into a JS string on the page's thread:
// it holds the data set, and decoding its 600 KB of text (digits) took a frame of its own.
EM_JS(void, workers_define, (const char* key, const char* spec, int size),
      { Module.tunelabWorkers.define(UTF8ToString(key), HEAPU8.slice(spec, spec + size)); });
EM_JS(void, workers_forget, (const char* key), { Module.tunelabWorkers.forget(UTF8ToString(key)); });
EM_JS(void, workers_submit, (int ticket, const char* key, const char* job),
      { Module.tunelabWorkers.submit(ticket, UTF8ToString(key), UTF8ToString(job)); });
// The answer of the pool's "poll" or "drop" (a JSON text), copied into the heap: the caller frees it.
EM_JS(char*, workers_answer, (const char* method), {
    var text = Module.tunelabWorkers[UTF8ToString(method)]();
    var size = lengthBytesUTF8(text) + 1;
    var pointer = _malloc(size);
    stringToUTF8(text, pointer, size);
    return pointer;
});

json::Value take_json(char* text) {
    json::ParseResult parsed = json::parse(text);
    std::free(text);
    return parsed.ok() ? std::move(parsed.value) : json::Value(json::Array{});
}

class WebTrialPool : public tune::TrialPool {
public:
    explicit WebTrialPool(int workers) { resize(workers); }

    int submit(tune::TrialWork work, tune::WorkerFault fault) override {
        const int ticket = next_ticket_++;
        try {
            const std::string key = objective_key(work.objective);
            const json::Value job = json::Object{{"objective", key}, {"ticket", ticket}, {"train", tune::trial_job_to_json(work, fault)}};
            workers_submit(ticket, key.c_str(), job.dump().c_str());
        } catch (const std::invalid_argument& e) {  // an objective that cannot travel: the trial fails, saying why
            work.error = e.what();
            failed_.push_back({ticket, -1, 0, std::move(work)});
            return ticket;
        }
        submitted_.emplace(ticket, std::move(work));
        return ticket;
    }

    std::vector<tune::PoolUpdate> poll() override {
        std::vector<tune::PoolUpdate> out = std::move(failed_);
        failed_.clear();
        const json::Value events = take_json(workers_answer("poll"));  // held: a range-for would not keep the temporary
        for (const json::Value& event : events.as_array()) {
            const json::Value* result = event.find("result");
            const json::Value* at = result ? result->find("ticket") : event.find("ticket");
            const json::Value* worker = event.find("worker");
            if (!at || !at->is_number() || !worker || !worker->is_number()) continue;
            auto found = submitted_.find(int(at->as_number()));
            if (found == submitted_.end()) continue;  // dropped with its race
            tune::PoolUpdate update{found->first, int(worker->as_number()), 0, std::nullopt};
            if (const json::Value* epochs = event.find("epochs"); epochs && epochs->is_number()) {
                update.epochs = int(epochs->as_number());
                out.push_back(std::move(update));
                continue;
            }
            tune::TrialWork work = std::move(found->second);
            submitted_.erase(found);
            if (const json::Value* error = event.find("error"); error && error->is_string()) {
                work.error = error->as_string();
            } else {
                try {
                    tune::read_trial_results(work, *result);
                } catch (const std::invalid_argument& e) {
                    work.results.clear();
                    work.error = e.what();
                }
            }
            // Trained in the worker: any paused training sent along did not move (a promotion trains again).
            work.evaluation.reset();
            update.epochs = work.trained + int(work.results.size());
            update.finished = std::move(work);
            out.push_back(std::move(update));
        }
        forget_unused_objectives();
        return out;
    }

    void resize(int workers) override {
        size_ = std::max(workers, 1);
        workers_resize(size_);
    }
    int size() const override { return size_; }

    void drop_queued() override {
        const json::Value dropped = take_json(workers_answer("drop"));
        for (const json::Value& ticket : dropped.as_array())
            if (ticket.is_number()) submitted_.erase(int(ticket.as_number()));
    }

private:
    // Each objective travels to a worker once, under a key; a trial names its objective's key.
    std::string objective_key(const std::shared_ptr<const tune::Objective>& objective) {
        for (const auto& [key, known] : objectives_)
            if (known.lock() == objective) return key;
        const std::string spec = tune::objective_to_json(*objective).dump();
        const std::string key = "objective-" + std::to_string(next_objective_++);
        workers_define(key.c_str(), spec.data(), int(spec.size()));
        objectives_.emplace(key, objective);
        return key;
    }

    // An objective no trial refers to any more (its race was replaced) leaves the workers' memory.
    void forget_unused_objectives() {
        for (auto it = objectives_.begin(); it != objectives_.end();) {
            if (it->second.expired()) {
                workers_forget(it->first.c_str());
                it = objectives_.erase(it);
            } else {
                ++it;
            }
        }
    }

    int size_ = 0, next_ticket_ = 0, next_objective_ = 0;
    std::map<int, tune::TrialWork> submitted_;  // by ticket, until it ends
    std::map<std::string, std::weak_ptr<const tune::Objective>> objectives_;
    std::vector<tune::PoolUpdate> failed_;  // trials refused at submit, reported at the next poll
};

}  // namespace

void offer_web_workers(ui::ArenaState& arena) {
    if (!workers_available()) return;
    ui::offer_workers(arena, workers_cores(), [](int workers) { return std::make_unique<WebTrialPool>(workers); });
}

}  // namespace tunelab::app
