// Every tab, toolbar button and combo pressed with the real mouse at the place the page reports for
// it, in both languages; each press is checked by its effect (through the hook). One page for the
// whole file: the tests run in order and each leaves the page as it found it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, serveWebDir, openPage, waitUntilReady, call, waitForFrames, clickControl, dragControl, findControl,
         typeInto } from "./harness.mjs";

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

// A download's blob: URL is the page's own data, not a request leaving the site.
const realProblems = () => problems.filter((p) => !p.includes("request outside the site: blob:"));
const status = () => call(page, { cmd: "status" });
const arena = () => call(page, { cmd: "arena.status" });
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

  test(`the lab's view tabs switch by mouse (${language})`, async () => {
    await call(page, { cmd: "set_language", language });
    await clickControl(page, "toolbar.step_epoch");  // a run, so every view has something to show
    for (const view of ["boundary", "network", "histograms", "optimizer_paths", "curves"]) {
      await clickControl(page, `lab.view.${view}`);
      assert.equal((await lab()).view, view, `a click on lab.view.${view}`);
    }
    await clickControl(page, "toolbar.reset");
    assert.deepEqual(problems, []);
  });

  test(`the arena's landscape, its true-landscape grid and the acquisition sliders work by mouse (${language})`, async () => {
    await call(page, { cmd: "set_language", language });
    await clickControl(page, "tab.arena");
    // Trials of 30 epochs: the true landscape's trainings take as long, so a fine grid is still training when Cancel is pressed.
    await call(page, { cmd: "arena.set", objective: "lab", strategies: ["random", "bo_ei"], trials: 4, epochs: 30, repeats: 1, pace: 0 });
    await clickControl(page, "arena.start");
    await page.waitForFunction(() => window.Module.tunelab.call({ cmd: "arena.status" }).finished, null, { timeout: 60000, polling: 100 });
    await clickControl(page, "arena.view.landscape");
    for (const [axis, choice, dim] of [["arena.x", "batch", 1], ["arena.y", "lr", 0], ["arena.x", "lr", 0], ["arena.y", "batch", 1]]) {
      await clickControl(page, axis);
      await clickControl(page, `${axis}.${choice}`);
      assert.equal((await arena()).view[axis === "arena.x" ? "x" : "y"], dim, `${axis} → ${choice}`);
    }
    // The finest grid (the points slider's right end) takes long: started, then cancelled.
    await clickControl(page, "arena.landscape.points", { at: [0.98, 0.5] });
    await clickControl(page, "arena.landscape.compute");
    const fine = await call(page, { cmd: "arena.landscape_status" });
    assert.ok(fine && fine.cols * fine.rows >= 64 && fine.done < fine.total, JSON.stringify(fine).slice(0, 200));
    await clickControl(page, "arena.landscape.cancel");
    assert.equal(await call(page, { cmd: "arena.landscape_status" }), null, "Cancel dropped the grid");
    // The fewest grid points (the slider's left end), then the button that trains the grid.
    await clickControl(page, "arena.landscape.points", { at: [0.02, 0.5] });
    await clickControl(page, "arena.landscape.compute");
    const started = await call(page, { cmd: "arena.landscape_status" });
    assert.ok(started && started.cols <= 3 && started.rows <= 3, JSON.stringify(started));
    assert.deepEqual([started.x, started.y], ["lr", "batch"]);
    await page.waitForFunction(() => {
      const l = window.Module.tunelab.call({ cmd: "arena.landscape_status" });
      return l && l.done === l.total;
    }, null, { timeout: 60000, polling: 100 });

    // ξ and κ: a press near the right end, near the left end, and a typed value through the ✎.
    await clickControl(page, "arena.xi", { at: [0.95, 0.5] });
    assert.ok((await arena()).setup.xi > 0.8, `ξ ${(await arena()).setup.xi}`);
    await clickControl(page, "arena.kappa", { at: [0.05, 0.5] });
    assert.ok((await arena()).setup.kappa < 0.5, `κ ${(await arena()).setup.kappa}`);
    await typeInto(page, "arena.xi", "0.05");
    assert.ok(Math.abs((await arena()).setup.xi - 0.05) < 1e-6, `typed ξ ${(await arena()).setup.xi}`);
    // The same ξ and κ beside the BO model's maps.
    await clickControl(page, "arena.view.bayes");
    await clickControl(page, "arena.bayes.xi", { at: [0.95, 0.5] });
    assert.ok((await arena()).setup.xi > 0.8, `ξ in the BO view ${(await arena()).setup.xi}`);
    await clickControl(page, "arena.bayes.kappa", { at: [0.95, 0.5] });
    assert.ok((await arena()).setup.kappa > 4, `κ in the BO view ${(await arena()).setup.kappa}`);
    await call(page, { cmd: "arena.discard" });
    await call(page, { cmd: "arena.set", xi: 0.01, kappa: 2 });
    await clickControl(page, "tab.lab");
    assert.deepEqual(problems, []);
  });

  test(`the session menu's items work by mouse (${language})`, async () => {
    await call(page, { cmd: "set_language", language });
    await clickControl(page, "tab.lab");
    await clickControl(page, "toolbar.step_epoch");  // a run's results to export
    await clickControl(page, "tab.arena");  // a race runs while its page is shown
    await call(page, { cmd: "arena.set", objective: "branin", strategies: ["random"], trials: 4, repeats: 1, pace: 0 });
    await call(page, { cmd: "arena.start" });
    await page.waitForFunction(() => window.Module.tunelab.call({ cmd: "arena.status" }).finished, null, { timeout: 30000, polling: 100 });
    for (const [item, name, check] of [
      ["export_csv", "tunelab-runs.csv", (text) => assert.match(text, /^run,epoch,train_loss,validation_loss/)],
      ["export_trials_csv", "tunelab-trials.csv", (text) => assert.match(text, /^# random \(seed 1\)\nnumber,/)],
      ["export_json", "tunelab-session.json", (text) => assert.equal(JSON.parse(text).session.arena.objective, "branin")],
      ["export_python", "tunelab_search.py", (text) => assert.match(text, /import optuna/)],
    ]) {
      await clickControl(page, "tab.session");
      const downloading = page.waitForEvent("download", { timeout: 10000 });
      await clickControl(page, `session.${item}`);
      const download = await downloading;
      assert.equal(download.suggestedFilename(), name, `session.${item}`);
      const chunks = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk);
      check(Buffer.concat(chunks).toString("utf8"));
    }
    // The link copied is the page's address, which holds the whole set-up.
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
    await call(page, { cmd: "lab.set", train: { lr: { lr: 0.5 } } });
    await waitForFrames(page, 10);  // the address follows the settings within a few frames
    await clickControl(page, "tab.session");
    await clickControl(page, "session.copy_link");
    await waitForFrames(page, 2);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await page.evaluate(() => location.href));
    assert.match(copied, /#./, "the link holds the set-up");
    // Reset everything: the learning rate changed above is back at its default.
    await clickControl(page, "tab.session");
    await clickControl(page, "session.reset");
    assert.equal((await run()).config.lr.lr, 0.01);
    assert.equal((await arena()).setup.trials, 30, "the arena's set-up is back at its default");
    await waitForFrames(page, 2);
    assert.equal((await status()).page, "lab", "the reset shows the lab");
    await call(page, { cmd: "arena.discard" });
    assert.deepEqual(realProblems(), []);
  });
}
