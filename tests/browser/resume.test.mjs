// A race across a reload, in a real browser: reloading the page mid-race loses no finished trial,
// the arena offers to resume, and the resumed race ends with exactly the trials of an uninterrupted
// race of the same seed. A shared link, opened in a fresh browser and raced, gives the same trials.
// (Malformed and hostile links are covered by share.test.mjs.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, openPage, waitUntilReady, call, waitForFrames, screenshot, inkStats } from "./harness.mjs";

const shared = useBrowserAndServer();

const RACE = { cmd: "arena.set", objective: "branin", strategies: ["grid", "random", "bo_ei", "tpe", "hyperband"],
               trials: 40, seed: 3, repeats: 1, pace: 0 };

const arenaStatus = (page) => call(page, { cmd: "arena.status" });
const finishedTrials = (racer) => racer.trials.filter((t) => t.status !== "running");

async function waitFor(page, predicate, arg, timeout = 120000) {
  await page.waitForFunction(predicate, arg, { timeout, polling: 50 });
}
const waitForRound = (page, round) =>
  waitFor(page, (n) => window.Module.tunelab.call({ cmd: "arena.status" }).round >= n, round);
const waitForEnd = (page) => waitFor(page, () => window.Module.tunelab.call({ cmd: "arena.status" }).finished);

// The same race, uninterrupted, in a fresh browser context (empty storage).
async function uninterruptedTrials(setup) {
  const { page, context, problems } = await openPage(shared.browser, shared.server);
  await waitUntilReady(page);
  await call(page, { cmd: "show", page: "arena" });  // the race runs while the arena is on screen
  assert.equal((await call(page, setup)).ok, true);
  assert.equal((await call(page, { cmd: "arena.start" })).ok, true);
  await waitForEnd(page);
  const status = await arenaStatus(page);
  assert.deepEqual(problems, []);
  await context.close();
  return status.racers.map((r) => r.trials);
}

test("a reload mid-race keeps every finished trial, offers to resume, and ends as the uninterrupted race", async () => {
  const { page, context, problems } = await openPage(shared.browser, shared.server);
  await waitUntilReady(page);
  await call(page, { cmd: "show", page: "arena" });
  assert.equal((await call(page, RACE)).ok, true);
  assert.equal((await call(page, { cmd: "arena.start" })).ok, true);
  await waitForRound(page, 6);
  // Read the trials and reload at once, while the race runs: the page dies mid-race.
  const before = await arenaStatus(page);
  await page.reload();
  await waitUntilReady(page);

  const after = await arenaStatus(page);
  assert.equal(before.finished, false);
  assert.equal(after.racing, false);
  assert.ok(after.interrupted, "no offer to resume: " + JSON.stringify(after.interrupted));
  assert.equal(after.interrupted.round, after.round);
  assert.ok(after.round >= before.round, `restored at round ${after.round}, read at ${before.round}`);
  const restored = after.racers.reduce((sum, r) => sum + finishedTrials(r).length, 0);
  assert.equal(after.interrupted.restored_trials, restored);
  assert.deepEqual(after.racers.map((r) => r.strategy), RACE.strategies);
  for (const [i, racer] of before.racers.entries()) {
    // Every trial finished before the reload is back, unchanged (the race may have told more since).
    const kept = finishedTrials(racer);
    assert.ok(kept.length >= before.round, `${racer.strategy}: ${kept.length} trials in round ${before.round}`);
    assert.deepEqual(after.racers[i].trials.slice(0, kept.length), kept, racer.strategy);
  }

  // The banner, as a learner sees it, in both languages.
  await waitForFrames(page, 5);
  const zh = await screenshot(page, "resume-banner-zh.png");
  await call(page, { cmd: "set_language", language: "en" });
  await waitForFrames(page, 5);
  const en = await screenshot(page, "resume-banner-en.png");
  for (const { png } of [zh, en]) assert.ok(inkStats(png).colours > 50, "the arena page looks blank");
  assert.equal((await arenaStatus(page)).racing, false, "the restored race must wait for the learner");

  assert.equal((await call(page, { cmd: "arena.resume" })).racing, true);
  assert.equal((await arenaStatus(page)).interrupted, null);
  await waitForEnd(page);
  const resumed = (await arenaStatus(page)).racers.map((r) => r.trials);
  assert.deepEqual(resumed, await uninterruptedTrials(RACE));

  // A finished race comes back after a reload too, without the offer.
  await waitForFrames(page, 3);
  await page.reload();
  await waitUntilReady(page);
  const finished = await arenaStatus(page);
  assert.equal(finished.finished, true);
  assert.equal(finished.interrupted, null);
  assert.deepEqual(finished.racers.map((r) => r.trials), resumed);
  // Discarding drops the race and keeps its set-up.
  await call(page, { cmd: "arena.discard" });
  assert.deepEqual((await arenaStatus(page)).racers, []);
  assert.deepEqual((await arenaStatus(page)).setup.strategies, RACE.strategies);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a shared link opened in a fresh browser races to the same trials", async () => {
  const setup = { cmd: "arena.set", objective: "forrester", strategies: ["random", "bo_ucb", "tpe"], trials: 15,
                  seed: 11, kappa: 3, repeats: 1, pace: 0 };
  const sender = await openPage(shared.browser, shared.server);
  await waitUntilReady(sender.page);
  await call(sender.page, { cmd: "show", page: "arena" });
  assert.equal((await call(sender.page, setup)).ok, true);
  const { hash } = await call(sender.page, { cmd: "session.hash" });
  assert.equal((await call(sender.page, { cmd: "arena.start" })).ok, true);
  await waitForEnd(sender.page);
  const sent = (await arenaStatus(sender.page)).racers.map((r) => r.trials);
  // The link carries the set-up, not the race: the receiver's own race must produce the trials.
  assert.ok(!hash.split("&").some((pair) => pair.startsWith("race")), hash);
  assert.ok(hash.split("&").includes("arena.objective=forrester"), hash);
  assert.ok(hash.length < 300, `link of ${hash.length} characters`);

  const receiver = await openPage(shared.browser, shared.server, { hash: "#" + hash });
  await waitUntilReady(receiver.page);
  assert.equal((await call(receiver.page, { cmd: "session.status" })).notice, "");
  assert.deepEqual((await arenaStatus(receiver.page)).racers, []);
  assert.equal((await call(receiver.page, { cmd: "show", page: "arena" })).ok, true);
  assert.equal((await call(receiver.page, { cmd: "arena.start" })).ok, true);
  await waitForEnd(receiver.page);
  assert.deepEqual((await arenaStatus(receiver.page)).racers.map((r) => r.trials), sent);
  assert.deepEqual(sender.problems, []);
  assert.deepEqual(receiver.problems, []);
  await sender.context.close();
  await receiver.context.close();
});
