// Warm-starting in the arena, in a real browser: a finished race's trials are reused with the real mouse
// (and on a phone by touch), the next race shows BO cold and warm side by side, a study file picked in
// the browser's file chooser is loaded (another space is refused with the reason, and nothing changes),
// and a reload brings the warm race back with its earlier trials.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, openPage, waitUntilReady, call, waitForFrames, screenshot, inkStats, clickControl,
         tapControl, phone } from "./harness.mjs";

const shared = useBrowserAndServer();

const arenaStatus = (page) => call(page, { cmd: "arena.status" });

async function waitForEnd(page, timeout = 120000) {
  await page.waitForFunction(() => window.Module.tunelab.call({ cmd: "arena.status" }).finished, null, { timeout, polling: 100 });
}

// The earlier race: random search and BO on Branin, two seeds of 10 trials, set up by the hook.
const EARLIER = { cmd: "arena.set", objective: "branin", strategies: ["random", "bo_ei"], trials: 10, repeats: 2, pace: 0 };

// Presses Start, waits for the end of the race, presses "Reuse this race's trials" and Start again:
// the next race has BO cold and warm, both finished.
async function raceColdAndWarm(page, press) {
  await press(page, "arena.start");
  await waitForEnd(page);
  await press(page, "arena.warm.reuse");
  const reused = await arenaStatus(page);
  assert.deepEqual(reused.setup.strategies, ["random", "bo_ei", "bo_ei_warm"]);
  assert.equal(reused.setup.warm_start.source, "race");
  assert.equal(reused.setup.warm_start.points.length, 2 * 10 * 3, "the first seed's 20 trials as rows of (x1, x2, value)");
  await press(page, "arena.start");
  await waitForEnd(page);
  const raced = await arenaStatus(page);
  assert.deepEqual(raced.racers.map((r) => r.strategy), ["random", "random", "bo_ei", "bo_ei", "bo_ei_warm", "bo_ei_warm"]);
  return raced;
}

test("reusing a race's trials races BO cold and warm, a study file is picked and checked, and a reload keeps them", async () => {
  for (const language of ["en", "zh"]) {
    const { page, context, problems } = await openPage(shared.browser, shared.server);
    await waitUntilReady(page);
    await call(page, { cmd: "set_language", language });
    await clickControl(page, "tab.arena");
    assert.equal((await call(page, EARLIER)).ok, true);
    const raced = await raceColdAndWarm(page, clickControl);
    await clickControl(page, "arena.view.landscape");
    await waitForFrames(page, 3);
    assert.ok(inkStats((await screenshot(page, `warm-race-landscape-${language}.png`)).png).colours > 50);
    await clickControl(page, "arena.view.progress");
    await waitForFrames(page, 3);
    assert.ok(inkStats((await screenshot(page, `warm-race-progress-${language}.png`)).png).colours > 50);

    // A study file through the browser's own file chooser: one of another space is refused, and nothing changes.
    const before = (await arenaStatus(page)).setup;
    const pickFile = async (name, text) => {
      const [chooser] = await Promise.all([page.waitForEvent("filechooser"), clickControl(page, "arena.warm.load")]);
      await chooser.setFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
      await waitForFrames(page, 3);
    };
    await pickFile("forrester.json", JSON.stringify({ direction: "minimize", seed: "1", trials: [],
                                                      space: [{ name: "x", type: "float", low: 0, high: 1 }] }));
    assert.deepEqual((await arenaStatus(page)).setup, before);
    await screenshot(page, `warm-refused-file-${language}.png`);
    // A study of Branin (the page's own JSON export holds each racer's study, as a saved study file does).
    const exported = JSON.parse((await call(page, { cmd: "session.export", what: "json" })).text);
    const study = exported.arena_studies.find((s) => s.strategy === "random").study;
    await pickFile("earlier.json", JSON.stringify(study));
    const loaded = (await arenaStatus(page)).setup.warm_start;
    assert.equal(loaded.source, "earlier.json");
    assert.equal(loaded.points.length, study.trials.length * 3);

    // A reload restores the warm race and the set-up's earlier trials, once the page has saved them (every 15 frames).
    await page.waitForFunction(() => (window.localStorage.getItem("tunelab.session") || "").includes("earlier.json"), null,
                               { timeout: 10000, polling: 50 });
    await page.reload();
    await waitUntilReady(page);
    const after = await arenaStatus(page);
    assert.deepEqual(after.setup.warm_start, loaded);
    assert.deepEqual(after.racers.map((r) => r.trials), raced.racers.map((r) => r.trials));
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("on a phone the warm start's controls work by touch, in both languages", async () => {
  for (const language of ["en", "zh"]) {
    const { page, context, problems } = await openPage(shared.browser, shared.server, phone);
    await waitUntilReady(page);
    await call(page, { cmd: "set_language", language });
    await tapControl(page, "tab.arena");
    assert.equal((await call(page, EARLIER)).ok, true);
    await raceColdAndWarm(page, tapControl);
    await tapControl(page, "arena.view.progress");
    await waitForFrames(page, 3);
    assert.ok(inkStats((await screenshot(page, `warm-phone-progress-${language}.png`)).png).colours > 50);
    await tapControl(page, "arena.view.landscape");
    await waitForFrames(page, 3);
    await screenshot(page, `warm-phone-landscape-${language}.png`);
    // Forgetting the earlier trials takes the warm strategy out of the next race.
    await tapControl(page, "arena.warm.forget");
    const forgot = (await arenaStatus(page)).setup;
    assert.deepEqual(forgot.strategies, ["random", "bo_ei"]);
    assert.deepEqual(forgot.warm_start.points, []);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
