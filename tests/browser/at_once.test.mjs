// Several trials of one strategy at once in the page: the set-up's "Trials at once" slider pressed by
// the real mouse (and refused out of range through the hook), a race started by the mouse whose
// racers keep up to that many trials running in Web Workers, drawn as pulsing rings on the landscape
// and as simultaneous bars on the timeline, and, in rounds, the same trials as that race in the frames.
// Screenshots of both views in both languages and sizes: tests/browser/out/at-once-*.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, openPage, waitUntilReady, call, waitForFrames, clickControl, waitForArenaStatus, screenshot,
         inkStats } from "./harness.mjs";

const shared = useBrowserAndServer();

// BO and random search on the lab's network (its default spiral): long enough trials that the
// running ones are seen; in rounds, so a seed gives the same trials whatever the timing.
const RACE = { objective: "lab", strategies: ["random", "bo_ei"], trials: 12, epochs: 20, repeats: 1, seed: 2, pace: 0,
               parallel: "batch_synchronous" };

// Polled every frame: a fast race may end between two polls.
const waitForStatus = (page, predicate, options = {}) => waitForArenaStatus(page, predicate, { frames: 1, ...options });
const running = (racer) => racer.trials.filter((t) => t.status === "running").length;
const trialsOf = (status) => status.racers.map((r) => r.trials);

test("the Trials at once slider by the mouse; 4 trials per racer in workers; in rounds the trials of the frames", async () => {
  const { page, context, problems } = await openPage(shared.browser, shared.server, { locale: "en-US" });
  await waitUntilReady(page);
  await clickControl(page, "tab.arena");
  assert.equal((await call(page, { cmd: "arena.set", ...RACE })).ok, true);
  assert.equal((await call(page, { cmd: "arena.workers", count: 2 })).count, 2);
  const refused = await call(page, { cmd: "arena.set", at_once: 5 });
  assert.deepEqual(refused.issues, [{ field: "at_once", message: "must be between 1 and 4" }]);
  await waitForFrames(page, 2);
  // The slider's right end is 4, its left end 1: both by the real mouse.
  await clickControl(page, "arena.at_once", { at: [0.98, 0.5] });
  await waitForFrames(page, 2);
  assert.equal((await call(page, { cmd: "arena.status" })).setup.at_once, 4);
  await clickControl(page, "arena.at_once", { at: [0.02, 0.5] });
  await waitForFrames(page, 2);
  assert.equal((await call(page, { cmd: "arena.status" })).setup.at_once, 1);
  await clickControl(page, "arena.at_once", { at: [0.98, 0.5] });
  await waitForFrames(page, 2);
  assert.equal((await call(page, { cmd: "arena.status" })).setup.at_once, 4);

  await clickControl(page, "arena.start");
  let most = 0;
  const inWorkers = await waitForStatus(page, (s) => s.finished, { each: (s) => { most = Math.max(most, ...s.racers.map(running)); } });
  assert.equal(inWorkers.workers.in_workers, true);
  assert.ok(most >= 3 && most <= 4, `at most ${most} trials of one racer ran at once`);
  for (const racer of inWorkers.racers) assert.equal(racer.trials.length, RACE.trials);
  assert.equal((await call(page, { cmd: "arena.view", tab: "timeline" })).ok, true);
  await waitForFrames(page, 3);
  const timeline = inkStats((await screenshot(page, "at-once-timeline-en.png")).png);
  assert.ok(timeline.colours > 20, JSON.stringify(timeline));

  // The same race in the page's frames, its 4 trials at once in turns: the same trials.
  assert.equal((await call(page, { cmd: "arena.workers", count: 0 })).count, 0);
  assert.equal((await call(page, { cmd: "arena.start" })).ok, true);
  const inFrames = await waitForStatus(page, (s) => s.finished);
  assert.equal(inFrames.workers.in_workers, false);
  assert.deepEqual(trialsOf(inFrames), trialsOf(inWorkers));
  assert.deepEqual(problems, []);
  await context.close();
});

// A learner's look at the running rings and the timeline: both languages, desktop and phone. In the
// frames, paused mid-batch: the running trials wait there, so the picture holds still.
const DESKTOP = { width: 1280, height: 800 }, PHONE = { width: 390, height: 844 };
for (const [language, viewport] of [["en", DESKTOP], ["zh", DESKTOP], ["en", PHONE], ["zh", PHONE]]) {
  test(`running trials on the landscape and the timeline (${language}, ${viewport.width}×${viewport.height})`, async () => {
    const { page, context, problems } = await openPage(shared.browser, shared.server, { viewport });
    await waitUntilReady(page);
    assert.deepEqual(await call(page, { cmd: "set_language", language }), { ok: true });
    await call(page, { cmd: "show", page: "arena" });
    // The longest trials, so that a batch trains over many frames and the poll finds it running (at 80
    // epochs a batch trained in 2 or 3 frames once the page's frames got cheaper: a poll could miss it).
    assert.equal((await call(page, { cmd: "arena.set", ...RACE, epochs: 200, at_once: 4 })).ok, true);
    await call(page, { cmd: "arena.workers", count: 0 });
    assert.equal((await call(page, { cmd: "arena.start" })).ok, true);
    // BO's last batch (trials 8 to 11): the model's proposals, each made with the ones before it running.
    await waitForStatus(page, (s) => s.racers[1].trials.length >= 12 && running(s.racers[1]) >= 3);
    await call(page, { cmd: "arena.pause" });
    assert.equal(running((await call(page, { cmd: "arena.status" })).racers[1]), 4, "BO's batch of 4 waits, running");
    await call(page, { cmd: "arena.view", tab: "landscape" });
    await waitForFrames(page, 3);
    const size = `${viewport.width}x${viewport.height}`;
    await screenshot(page, `at-once-landscape-running-${language}-${size}.png`);
    await call(page, { cmd: "arena.resume" });
    await waitForStatus(page, (s) => s.finished);
    await call(page, { cmd: "arena.view", tab: "timeline" });
    await waitForFrames(page, 3);
    await screenshot(page, `at-once-timeline-${language}-${size}.png`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
