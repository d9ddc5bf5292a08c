// The Web Worker's program: the training and tuning core (core/ + tune/, no ImGui, no SDL) behind
// one exported function that answers the page's messages (tune::WorkerSide). worker.js feeds it
// what the page posts and posts back its answers and each epoch's progress.
#include <emscripten.h>

#include <exception>
#include <string>

#include "core/json.h"
#include "tune/trial_pool.h"

namespace {

EM_JS(void, post_progress, (int ticket, int epochs), { postMessage({ticket : ticket, epochs : epochs}); });

tunelab::tune::WorkerSide worker;
std::string answer;  // the last answer, read by worker.js before the next message

}  // namespace

// A message from the page; the answer to post back ("" when there is none).
extern "C" EMSCRIPTEN_KEEPALIVE const char* tunelab_worker_handle(const char* message) {
    const tunelab::json::ParseResult parsed = tunelab::json::parse(message);
    int ticket = -1;
    try {
        if (!parsed.ok()) throw std::invalid_argument("worker message: " + parsed.error);
        if (const tunelab::json::Value* t = parsed.value.find("ticket"); t && t->is_number()) ticket = int(t->as_number());
        const tunelab::json::Value out = worker.handle(parsed.value, post_progress);
        answer = out.is_null() ? "" : out.dump();
    } catch (const std::exception& e) {  // a malformed message fails its trial, if it names one
        namespace json = tunelab::json;
        answer = json::Value(json::Object{{"ticket", ticket}, {"results", json::Array{}}, {"error", e.what()}}).dump();
    }
    return answer.c_str();
}
