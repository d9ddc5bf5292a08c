// Every tab, toolbar button and combo pressed with the real mouse at the place the page reports for
// it, in both languages; each press is checked by its effect (through the hook). One page for the
// whole file: the tests run in order and each leaves the page as it found it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, serveWebDir, openPage, waitUntilReady, call, waitForFrames, clickControl, dragControl, findControl }
  from "./harness.mjs";

let browser, server, page, problems;
before(async () => {
  browser = await launchBrowser();
  server = await serveWebDir("/");
  ({ page, problems } = await openPage(browser, server));
  await waitUntilReady(page);
  await waitForFrames(page, 3);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const status = () => call(page, { cmd: "status" });
const lab = () => call(page, { cmd: "lab.status" });
const run = async () => (await lab()).runs[0];

for (const language of ["en", "zh"]) {
  test(`tabs and the language switch work by mouse (${language})`, async () => {
    await clickControl(page, `language.${language}`);
    assert.equal((await status()).language, language);
    for (const tab of ["arena", "lessons", "lab"]) {
      await clickControl(page, `tab.${tab}`);
      assert.equal((await status()).page, tab, `a click on tab.${tab}`);
    }
    await clickControl(page, "tab.session");
    await findControl(page, "session.copy_link", { timeout: 3000 });  // the menu opened
    // A click beside the menu, on the empty top edge of the page, closes it.
    await page.mouse.click(640, 4, { delay: 150 });
    await waitForFrames(page, 2);
    assert.match((await call(page, { cmd: "ui.control", name: "session.copy_link" })).error ?? "", /not drawn now/);
    assert.deepEqual(problems, []);
  });

  test(`the lab's toolbar works by mouse (${language})`, async () => {
    await call(page, { cmd: "set_language", language });
    await call(page, { cmd: "lab.set", speed: 1, train: { epochs: 50 } });
    await clickControl(page, "toolbar.start");
    assert.equal((await lab()).playing, true);
    await clickControl(page, "toolbar.pause");
    assert.equal((await lab()).playing, false);

    await clickControl(page, "toolbar.reset");
    assert.equal((await run()).status, "not started");
    await clickControl(page, "toolbar.step_epoch");
    assert.equal((await run()).epoch, 1);
    const before = (await run()).history.length;
    await clickControl(page, "toolbar.step_batch");
    assert.equal((await run()).epoch, 1, "one mini-batch does not finish an epoch");
    assert.equal((await run()).history.length, before);

    await clickControl(page, "toolbar.pin");
    assert.equal((await lab()).ghost, true);
    await clickControl(page, "toolbar.clear_ghost");
    assert.equal((await lab()).ghost, false);

    // The speed slider: dragged from its left end to its right end.
    await dragControl(page, "toolbar.speed", { from: [0.05, 0.5], to: [0.98, 0.5] });
    assert.equal((await lab()).speed, 5);

    await clickControl(page, "toolbar.compare");
    assert.equal((await lab()).compare, true);
    await clickControl(page, "lab.edit.B");
    await clickControl(page, "toolbar.compare");
    assert.equal((await lab()).compare, false);
    assert.deepEqual(problems, []);
  });

  test(`the lab's combos open and choose by mouse (${language})`, async () => {
    await call(page, { cmd: "set_language", language });
    await call(page, { cmd: "lab.set", data: { kind: "spiral" } });
    // combo, choice, and where the choice shows in lab.status
    const choices = [
      ["lab.optimizer", "adam", (s) => s.runs[0].config.optimizer.kind],
      ["lab.optimizer", "sgd", (s) => s.runs[0].config.optimizer.kind],
      ["lab.schedule", "cosine", (s) => s.runs[0].config.lr.kind],
      ["lab.schedule", "constant", (s) => s.runs[0].config.lr.kind],
      ["lab.layer1.activation", "relu", (s) => s.runs[0].config.model.hidden[0].activation],
      ["lab.layer1.activation", "tanh", (s) => s.runs[0].config.model.hidden[0].activation],
      ["lab.init", "he", (s) => s.runs[0].config.model.init],
      ["lab.normalize", "min_max", (s) => s.data.preprocessing],
      ["lab.real_data", "iris", (s) => s.data.kind],
    ];
    for (const [combo, choice, read] of choices) {
      await clickControl(page, combo);
      await clickControl(page, `${combo}.${choice}`);
      assert.equal(read(await lab()), choice, `${combo} → ${choice}`);
    }
    await clickControl(page, "lab.data.spiral");
    assert.equal((await lab()).data.kind, "spiral");
    assert.deepEqual(problems, []);
  });

  test(`the arena's combos choose by mouse (${language})`, async () => {
    await call(page, { cmd: "set_language", language });
    await clickControl(page, "tab.arena");
    for (const objective of ["branin", "lab"]) {
      await clickControl(page, "arena.objective");
      await clickControl(page, `arena.objective.${objective}`);
      assert.equal((await call(page, { cmd: "arena.status" })).setup.objective, objective);
    }
    // The race's start button, on a quick objective.
    await clickControl(page, "arena.objective");
    await clickControl(page, "arena.objective.branin");
    await clickControl(page, "arena.start");
    assert.ok((await call(page, { cmd: "arena.status" })).racers.length > 0, "a click on Start began a race");
    await call(page, { cmd: "arena.discard" });
    await clickControl(page, "arena.objective");
    await clickControl(page, "arena.objective.lab");
    await clickControl(page, "arena.metric");
    await clickControl(page, "arena.metric.val_accuracy");
    assert.equal((await call(page, { cmd: "arena.status" })).setup.metric, "val_accuracy");
    await clickControl(page, "arena.metric");
    await clickControl(page, "arena.metric.val_loss");
    await clickControl(page, "tab.lab");
    assert.deepEqual(problems, []);
  });
}
