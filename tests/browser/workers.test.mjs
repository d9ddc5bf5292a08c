// The arena's race in Web Workers: the pool size set by the real mouse, a race started by the real
// mouse that trains in two workers while the page only draws (frame CPU p95 ≤ 12 ms), finishes every
// trial, and gives exactly the trials of the same race trained in the page's frames; a trial that
// throws and a worker that dies fail their trials with the reason while the race goes on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, openPage, waitUntilReady, call, waitForFrames, clickControl, waitForArenaStatus } from "./harness.mjs";

const shared = useBrowserAndServer();

// A small race on the lab's network (its default spiral): BO's model and Hyperband's promotions
// included, two seeds; in rounds, so a seed gives the same trials whatever the timing.
const RACE = { objective: "lab", strategies: ["random", "bo_ei", "hyperband"], trials: 9, epochs: 9, repeats: 2, seed: 5, pace: 0,
               parallel: "batch_synchronous" };

const trialsOf = (status) => status.racers.map((r) => r.trials);

test("two Web Workers race the lab's network while the page draws, and give the trials of the race in the frames", async () => {
  const { page, context, problems } = await openPage(shared.browser, shared.server, { locale: "en-US" });
  await waitUntilReady(page);
  await clickControl(page, "tab.arena");
  assert.equal((await call(page, { cmd: "arena.set", ...RACE })).ok, true);
  await waitForFrames(page, 3);
  const offered = (await call(page, { cmd: "arena.workers" }));
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  assert.equal(offered.available, true);
  assert.equal(offered.count, Math.max(cores - 1, 1), "the pool starts at the cores but one");
  // Two workers, by the slider's right end; then Start, both pressed by the real mouse.
  await clickControl(page, "arena.workers", { at: [0.97, 0.5] });
  await waitForFrames(page, 2);
  assert.equal((await call(page, { cmd: "arena.workers" })).count, Math.max(cores, 2));
  if (Math.max(cores, 2) !== 2) assert.equal((await call(page, { cmd: "arena.workers", count: 2 })).count, 2);
  const framesAtStart = (await call(page, { cmd: "status" })).frames;
  const started = Date.now();
  await clickControl(page, "arena.start");
  const cpu = [], work = [];
  let seenFrames = framesAtStart;
  const parallel = await waitForArenaStatus(page, (s) => s.finished);
  const seconds = (Date.now() - started) / 1000;
  // The frames of the race (the page's ring holds the last 120).
  const ring = await call(page, { cmd: "frame_times" });
  const raced = Math.min(ring.frames - seenFrames, ring.cpu_ms.length);
  cpu.push(...ring.cpu_ms.slice(-raced));
  work.push(...ring.work_ms.slice(-raced));
  const p95of = (values) => [...values].sort((a, b) => a - b)[Math.floor(0.95 * (values.length - 1))];
  const trials = parallel.racers.reduce((n, r) => n + r.trials.length, 0);
  const perWorker = parallel.workers.trials_per_worker;
  console.log(`  2 workers: ${trials} trials in ${seconds.toFixed(1)} s; trials per worker ${JSON.stringify(perWorker)}; ` +
              `frame CPU p95 ${p95of(cpu).toFixed(2)} ms (racing ${p95of(work).toFixed(2)} ms) over ${cpu.length} frames`);
  assert.equal(parallel.workers.in_workers, true);
  assert.deepEqual(Object.keys(perWorker).sort(), ["0", "1"], "both workers trained trials");
  assert.ok(perWorker["0"] + perWorker["1"] >= trials, "every trial (and Hyperband's promotions) ended in a worker");
  for (const racer of parallel.racers) {
    assert.equal(racer.finished, true);
    assert.equal(racer.trials.length, RACE.trials);
    assert.ok(racer.trials.every((t) => t.status !== "running" && t.status !== "failed"), JSON.stringify(racer.trials));
  }
  assert.ok(p95of(work) <= 12, `the race took ${p95of(work)} ms of a frame (p95)`);

  // The same race in the page's frames (the slider's left end, 0, by the mouse): the same trials, bit for bit.
  await clickControl(page, "arena.workers", { at: [0.02, 0.5] });
  await waitForFrames(page, 2);
  assert.equal((await call(page, { cmd: "arena.workers" })).count, 0);
  assert.equal((await call(page, { cmd: "arena.start" })).ok, true);
  const inFrames = await waitForArenaStatus(page, (s) => s.finished);
  assert.equal(inFrames.workers.in_workers, false);
  assert.deepEqual(trialsOf(parallel), trialsOf(inFrames));
  assert.deepEqual(problems, []);
  await context.close();
});

test("a trial that throws and a worker that dies fail their trials with the reason, and the race goes on", async () => {
  const { page, context, problems } = await openPage(shared.browser, shared.server, { locale: "en-US" });
  await waitUntilReady(page);
  await call(page, { cmd: "show", page: "arena" });
  for (const [fault, reason] of [["trial_throws", /^the trial threw: simulated failure/], ["worker_dies", /^the worker stopped: .*Aborted/]]) {
    assert.equal((await call(page, { cmd: "arena.set", ...RACE, strategies: ["random"], trials: 4, repeats: 1 })).ok, true);
    assert.equal((await call(page, { cmd: "arena.workers", count: 2, fault })).count, 2);
    assert.equal((await call(page, { cmd: "arena.start" })).ok, true);
    const status = await waitForArenaStatus(page, (s) => s.finished, { timeout: 60000 });
    const trials = status.racers[0].trials;
    assert.equal(trials.length, 4, fault);
    assert.equal(trials[0].status, "failed", fault);
    assert.ok(trials.slice(1).every((t) => t.status === "complete"), `${fault}: ${JSON.stringify(trials)}`);
    assert.equal(status.workers.failures.length, 1);
    assert.match(status.workers.failures[0].reason, reason);
  }
  // The dead worker's abort is reported by the browser as an error of the worker, not of the page.
  assert.deepEqual(problems.filter((p) => !/Aborted|RuntimeError/.test(p)), []);
  await context.close();
});
