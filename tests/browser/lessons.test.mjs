// Every lesson, in both languages, completed in a real browser by following its own instructions:
// the hook opens it, sets each step up, does what the step says (its `action`, the same commands a
// learner's clicks send) and waits until the step's check passes; at the end the lesson is done.
//
// Speed: the page trains inside frames, each frame giving the training what is left of ~10 ms after
// drawing. Headless Chromium draws with software WebGL, 50-100 ms a frame, so training gets only its
// 1 ms minimum per frame and a 20-trial race would take minutes. Once a step has started training
// (▶ pressed), the walk therefore finishes it through the hook's single-step commands (lab.epoch,
// arena.round), which run the same training loop without waiting for frames; then it waits, frame
// by frame, for the lesson's own check to see the result.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, openPage, waitUntilReady, call, waitForFrames, screenshot, inkStats, clickControl, findControl }
  from "./harness.mjs";

const shared = useBrowserAndServer();

// What waiting for the end of a started run or race does, without the frames' pacing.
async function finishTraining(page) {
  if ((await call(page, { cmd: "lab.status" })).playing) {
    const done = await call(page, { cmd: "lab.epoch", batches: 100000 });
    assert.ok(!done.error, JSON.stringify(done));
  }
  if ((await call(page, { cmd: "arena.status" })).racing)
    while (!(await call(page, { cmd: "arena.round" })).error) { /* one round per call */ }
}

async function checkPasses(page, step, timeout = 10000) {
  await page.waitForFunction((s) => window.Module.tunelab.call({ cmd: "lesson.status" }).checks[s] === true, step,
                             { timeout, polling: 100 });
}

// Steps the walk does by hand, in both languages: real mouse clicks at the named controls' positions
// (harness.mjs) instead of the step's hook commands. Each lesson's own check then proves the click
// reached the run the learner edits.
const byHand = {
  "overfitting 1": ["toolbar.start"],
  "hypergradient 1": ["lab.hypergradient", "toolbar.start"],
  "optimizers 3": ["lab.optimizer", "lab.optimizer.adam", "toolbar.start"],
  "initialization 1": ["lab.init", "lab.init.zeros", "toolbar.start"],
  "normalization 2": ["lab.normalize", "lab.normalize.standardize", "toolbar.start"],
  "grid_vs_random 1": ["arena.start"],
  "tradeoffs 1": ["arena.start"],
  "warm_start 2": ["arena.warm.reuse", "arena.start"],
  "warm_start 4": ["arena.warm.reuse", "arena.start"],
  "at_once 1": ["arena.start"],
  "at_once 2": ["arena.start"],
};

// The step's contrast figures, as the card shows them: each must be measured (a number, or infinite for
// a diverged run's loss) and lie on the promised side of its threshold. Returns them for the log.
async function checkContrasts(page, where) {
  const { contrasts } = await call(page, { cmd: "lesson.status" });
  assert.ok(contrasts.length > 0, `${where}: no contrast figure`);
  for (const c of contrasts) {
    const value = c.infinite ? Infinity : c.value;
    assert.equal(typeof value, "number", `${where}: "${c.claim}" was not measured: ${JSON.stringify(c)}`);
    const holds = c.at_most ? value <= c.threshold : value >= c.threshold;
    assert.ok(holds, `${where}: "${c.claim}" ${c.shown}`);
    assert.equal(c.holds, holds, `${where}: the card and the figure disagree: ${JSON.stringify(c)}`);
    assert.ok(c.shown.length > 0, `${where}: the card shows no figure for "${c.claim}"`);
  }
  return contrasts.map((c) => c.shown);
}

// The runs' and racers' end state, for a failure message.
async function summary(page) {
  const lab = await call(page, { cmd: "lab.status" });
  const arena = await call(page, { cmd: "arena.status" });
  return JSON.stringify({ lab: lab.runs.map((r) => r.status_text),
                          arena: arena.racers.map((r) => [r.strategy, r.best_value, r.trials.length, r.epochs]) });
}

for (const language of ["zh", "en"]) {
  test(`every lesson is completed by following its own steps (${language})`, async () => {
    const { page, context, problems } = await openPage(shared.browser, shared.server);
    await waitUntilReady(page);
    assert.deepEqual(await call(page, { cmd: "set_language", language }), { ok: true });
    const { lessons } = await call(page, { cmd: "lesson.list" });
    assert.ok(lessons.length >= 15, `only ${lessons.length} lessons`);
    const timings = [], figures = [];
    for (const lesson of lessons) {
      const start = Date.now();
      assert.deepEqual(await call(page, { cmd: "lesson.open", id: lesson.id }), { ok: true });
      for (let s = 0; s < lesson.steps.length; s++) {
        const where = `${lesson.id} step ${s + 1}`;
        const setup = await call(page, { cmd: "lesson.setup" });
        assert.deepEqual(setup, { ok: true }, `${where}: ${JSON.stringify(setup)}`);
        // Tests train fast: the learner's pace (the lab's speed) is not what the walk measures.
        assert.ok((await call(page, { cmd: "lab.set", speed: 5 })).ok, where);
        await waitForFrames(page, 1);  // the step's page is shown and its card drawn
        const before = await call(page, { cmd: "lesson.status" });
        assert.equal(before.step, s);
        assert.equal(before.checks[s], false, `${where}: passes before the learner did anything`);
        // The card shows the step in the page's language.
        assert.equal(before.instruction, lesson.steps[s].instruction);
        if (language === "zh") assert.match(before.instruction, /[\u4e00-\u9fff]/, where);
        assert.equal(before.highlighted, true, `${where}: ${before.control} is not pointed at`);
        const clicks = byHand[`${lesson.id} ${s + 1}`];
        if (clicks) {
          // The highlight scrolled the named control into view: no scrolling needed to see it.
          await waitForFrames(page, 2);
          const shown = await findControl(page, before.control);
          assert.ok(shown.fully_visible, `${where}: ${before.control} is not scrolled into view: ${JSON.stringify(shown)}`);
          for (const name of clicks) await clickControl(page, name);
        } else {
          for (const command of lesson.steps[s].action) {
            const answer = await call(page, command);
            assert.ok(!answer.error, `${where}: ${JSON.stringify(command)} → ${JSON.stringify(answer)}`);
          }
        }
        await finishTraining(page);
        try {
          await checkPasses(page, s);
        } catch {
          assert.fail(`${where}: the check did not pass: ${await summary(page)}`);
        }
        figures.push(`${where}: ${(await checkContrasts(page, where)).join("; ")}`);
        await waitForFrames(page, 1);  // the result is drawn (and any drawing error reported)
        // One lab lesson and two arena lessons, done, with their cards: looked at by a person.
        // The warm-start lesson at its first cold-and-warm race, where warm is faster.
        const shot = { accuracy_cost: "lab", bayes_step: "arena", tradeoffs: "tradeoffs", warm_start: "warm",
                       at_once: "at-once" }[lesson.id];
        if (shot && s + 1 === (lesson.id === "warm_start" ? 2 : lesson.steps.length)) {
          await waitForFrames(page, 2);
          const ink = inkStats((await screenshot(page, `lesson-${shot}-${language}.png`)).png);
          assert.ok(ink.colours > 50, `lesson-${shot}-${language}.png: ${JSON.stringify(ink)}`);
        }
        if (s + 1 < lesson.steps.length) assert.equal((await call(page, { cmd: "lesson.next" })).step, s + 1);
      }
      const status = await call(page, { cmd: "lesson.status" });
      assert.equal(status.done, true, `${lesson.id}: not complete: ${JSON.stringify(status)}`);
      timings.push(`${lesson.id} ${((Date.now() - start) / 1000).toFixed(1)} s`);
    }
    console.log(`  ${language}: ${timings.join(", ")}`);
    console.log(`  ${language} figures:\n    ${figures.join("\n    ")}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
