// Training's steady state allocates nothing per step: every buffer a step needs (batch, passes,
// gradients, optimizer state, norms, the epoch's history) is sized when the trainer is made. This
// file replaces the test binary's global operator new with a counting one (each allocation through
// new: std::vector, std::string, …) and counts what steps allocate. (Eigen allocates with malloc,
// not new; the trainer's Eigen buffers are all made by its constructor.)
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#include "core/trainer.h"
#include "core/validate.h"

namespace {
std::atomic<long> allocations{0};
}  // namespace

// Every form that allocates with malloc is replaced, so that no allocation made by a sanitizer's
// own operator new is ever given to this free (AddressSanitizer reports that mismatch).
namespace {
void* counted(std::size_t size) noexcept {
    allocations.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(size > 0 ? size : 1);
}
}  // namespace

void* operator new(std::size_t size) {
    if (void* p = counted(size)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
    if (void* p = counted(size)) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return counted(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return counted(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

using namespace tunelab;

namespace {

struct Case {
    const char* name;
    DataConfig data;
    TrainConfig train;
};

Case make_case(const char* name, DatasetKind kind, std::vector<LayerConfig> hidden, OptimizerKind optimizer, int batch) {
    Case c{name, {}, {}};
    c.data.kind = kind;
    c.data.data_dir = TUNELAB_ASSETS_DIR "/data";
    c.data.preprocessing = Preprocessing::min_max;
    c.train.model.hidden = std::move(hidden);
    c.train.optimizer.kind = optimizer;
    c.train.batch.size = batch;
    c.train.epochs = 4;
    return c;
}

}  // namespace

TEST_CASE("allocation: the counting operator new sees allocations") {
    const long before = allocations.load();
    auto* volatile kept = new std::string(100, 'x');  // volatile: the pair may not be elided
    delete kept;
    CHECK(allocations.load() > before);
}

TEST_CASE("allocation: a training step allocates nothing; an epoch's end only its record") {
    std::vector<Case> cases = {
        // A1 and A2 of the benchmark
        make_case("spiral 8-8 tanh, SGD", DatasetKind::spiral, {{8, Activation::tanh}, {8, Activation::tanh}},
                  OptimizerKind::sgd, 10),
        make_case("digits 128-64 relu, Adam", DatasetKind::digits, {{128, Activation::relu}, {64, Activation::relu}},
                  OptimizerKind::adam, 32),
        // dropout, penalties, momentum, a regression, a learning-rate schedule and a growing batch
        make_case("plane 16 sigmoid + dropout, Nesterov, L1 + L2", DatasetKind::plane, {{16, Activation::sigmoid, 0.2}},
                  OptimizerKind::nesterov, 16),
    };
    cases[2].train.l1 = 1e-4;
    cases[2].train.l2 = 1e-3;
    cases[2].train.lr.kind = ScheduleKind::cosine;
    cases[2].train.lr.warmup_epochs = 1;
    cases[2].train.batch.growth = 1.5;
    for (Case& c : cases) {
        INFO(c.name);
        DataResult data = prepare_data(c.data);
        REQUIRE(data.data);
        fit_output_to_task(c.train.model, data.data->info);
        Trainer trainer(c.train, *data.data);
        trainer.run_epoch();  // the first epoch keeps its batch losses: its steps may allocate
        int steps = 0, epoch_ends = 0;
        while (!trainer.finished()) {
            const bool ends_epoch = trainer.batch_in_epoch() + 1 == trainer.batches_in_epoch();
            const long before = allocations.load();
            trainer.step();
            const long allocated = allocations.load() - before;
            if (ends_epoch) {
                ++epoch_ends;
                CHECK(allocated <= 2);  // the record's two per-layer lists of norms
            } else {
                ++steps;
                CHECK(allocated == 0);
            }
        }
        CHECK(trainer.status() == Status::finished);
        CHECK(steps > 3 * epoch_ends);
        CHECK(epoch_ends == c.train.epochs - 1);
    }
}
