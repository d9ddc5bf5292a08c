// The training lab in a real browser: a learner's run trains live without stalling the page, a
// too-large learning rate is explained and fixed in one click, and every view is populated.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, openPage, waitUntilReady, call, waitForFrames, screenshot, inkStats,
         clickControl, tapControl, typeInto, phone } from "./harness.mjs";

const shared = useBrowserAndServer();

// The benchmark's A2 network: digits, 64-128-64-10 ReLU, softmax cross-entropy, Adam 1e-3, batch 32.
const A2 = {
  data: { kind: "digits", validation_ratio: 0.2, preprocessing: "min_max" },
  train: {
    model: { hidden: [{ units: 128, activation: "relu" }, { units: 64, activation: "relu" }], init: "he" },
    optimizer: { kind: "adam" }, lr: { kind: "constant", lr: 0.001 }, batch: { size: 32 }, epochs: 400,
  },
};

// Frames per second over `ms` milliseconds, and the CPU time of each of those frames as the page
// itself measured it (its ring of the last 120 frames), with the share training took.
async function measureFrames(page, ms) {
  const before = await call(page, { cmd: "frame_times" });
  const start = Date.now();
  await page.waitForTimeout(ms);
  const after = await call(page, { cmd: "frame_times" });
  const frames = Math.min(after.frames - before.frames, after.cpu_ms.length);
  const stats = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
             p95: sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))], max: sorted.at(-1) };
  };
  return { fps: (after.frames - before.frames) / ((Date.now() - start) / 1000), count: frames,
           ...stats(after.cpu_ms.slice(-frames)), work: stats(after.work_ms.slice(-frames)) };
}

test("an A2-sized network trains live: loss falls while the page keeps its frame rate", async () => {
  const { page, context, problems } = await openPage(shared.browser, shared.server);
  await waitUntilReady(page);
  // The frame budget is what this measures: the fastest speed, not the paced default.
  const set = await call(page, { cmd: "lab.set", speed: 5, ...A2 });
  assert.equal(set.ok, true, JSON.stringify(set));
  assert.equal(set.data_info.classes, 10);
  await waitForFrames(page, 20);
  const idle = await measureFrames(page, 4000);

  assert.deepEqual(await call(page, { cmd: "lab.start" }), { ok: true });
  await waitForFrames(page, 10);
  // Wall-clock frame times also count the moments the operating system gives the CPU to others, so
  // on a busy machine (two cores shared with compilers) one window can miss the target that the page
  // itself keeps: up to three 4-second windows are measured and the best one is held to 12 ms.
  const windows = [];
  do windows.push(await measureFrames(page, 4000));
  while (windows.length < 3 && windows.at(-1).p95 > 12);
  const training = windows.reduce((best, w) => (w.p95 < best.p95 ? w : best));
  const status = await call(page, { cmd: "lab.status" });
  await call(page, { cmd: "lab.pause" });
  const history = status.runs[0].history;
  console.log(`  idle: ${idle.fps.toFixed(1)} fps, frame CPU mean ${idle.mean.toFixed(2)} ms, p95 ${idle.p95.toFixed(2)} ms`);
  console.log(`  training (best of ${windows.length} windows; p95 of each: ${windows.map((w) => w.p95.toFixed(1)).join(", ")} ms): ` +
              `${training.fps.toFixed(1)} fps (${(100 * training.fps / idle.fps).toFixed(0)}% of idle), ` +
              `frame CPU mean ${training.mean.toFixed(2)} ms, p95 ${training.p95.toFixed(2)} ms, max ${training.max.toFixed(2)} ms ` +
              `(of which training: mean ${training.work.mean.toFixed(2)} ms, p95 ${training.work.p95.toFixed(2)} ms) ` +
              `over ${training.count} frames; ${history.length} epochs trained`);
  assert.ok(history.length >= 3, `only ${history.length} epochs trained`);
  assert.ok(history.at(-1).train_loss < 0.5 * history[0].train_loss,
            `train loss did not fall: ${history[0].train_loss} → ${history.at(-1).train_loss}`);
  assert.ok(history.at(-1).validation_metric > 0.8, `validation accuracy ${history.at(-1).validation_metric}`);
  // Training may lengthen a frame by its work budget (10 ms) and no more: when idle frames are short, that
  // is a visible share of them, so the rate is held to what the budget allows, not to idle's own.
  const budgetFps = 1000 / (1000 / idle.fps + 10);
  assert.ok(training.fps >= 0.9 * budgetFps, `training frame rate ${training.fps} < 90% of ${budgetFps} (idle ${idle.fps} + a 10 ms budget)`);
  assert.ok(training.work.mean > 2, `training got only ${training.work.mean} ms per frame: the budget is not used`);
  assert.ok(training.p95 <= 12, `frame CPU time p95 ${training.p95} ms > 12 ms while training`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a too-large learning rate says so in words and is fixed in one click, in both languages", async () => {
  const { page, context, problems } = await openPage(shared.browser, shared.server);
  await waitUntilReady(page);
  // Regression with a linear output and MSE: nothing saturates, so a step size of 3 blows up.
  await call(page, { cmd: "lab.set", data: { kind: "plane" }, speed: 5,
                     train: { optimizer: { kind: "sgd" }, lr: { kind: "constant", lr: 3 }, epochs: 50 } });
  await call(page, { cmd: "lab.start" });
  await page.waitForFunction(() => window.Module.tunelab.call({ cmd: "lab.status" }).runs[0].status === "diverged",
                             null, { timeout: 20000 });
  let run = (await call(page, { cmd: "lab.status" })).runs[0];
  assert.match(run.status_text, /训练发散——学习率过大：第 \d+ 轮(损失变为 NaN|损失变为无穷大|权重爆炸)/);
  await waitForFrames(page, 3);
  await screenshot(page, "lab-diverged-zh.png");
  await call(page, { cmd: "set_language", language: "en" });
  run = (await call(page, { cmd: "lab.status" })).runs[0];
  assert.match(run.status_text, /^Diverged — learning rate too large: (loss became NaN|loss became infinite|the weights exploded) at epoch \d+$/);
  await waitForFrames(page, 3);
  await screenshot(page, "lab-diverged-en.png");

  // The remedy pressed with the mouse: lr ÷ 10 and a restart that trains through (a fast run may
  // already have finished by the next status, so the outcome is what is asserted, not "playing").
  await clickControl(page, "lab.smaller_lr.A");
  assert.equal((await labStatus(page)).runs[0].config.lr.lr, 0.3);
  await finished(page);
  const after = (await labStatus(page)).runs[0];
  assert.equal(after.status, "finished");
  assert.equal(after.config.lr.lr, 0.3);
  assert.ok(Number.isFinite(after.history.at(-1).train_loss), JSON.stringify(after.history.at(-1)));
  assert.deepEqual(problems, []);
  await context.close();
});

test("impossible settings are refused with the field's name and change nothing", async () => {
  const { page, context } = await openPage(shared.browser, shared.server);
  await waitUntilReady(page);
  const before = await call(page, { cmd: "lab.status" });
  const refused = await call(page, { cmd: "lab.set", train: { epochs: "many", model: { hidden: [{ activation: "swish" }] } } });
  assert.match(refused.error, /refused/);
  assert.deepEqual(refused.issues.map((i) => i.field).sort(), ["epochs", "model.hidden[0].activation"]);
  assert.deepEqual((await call(page, { cmd: "lab.status" })).runs[0].config, before.runs[0].config);

  // Batch larger than the training part: accepted as a setting, refused for training, with the reason.
  const big = await call(page, { cmd: "lab.set", train: { batch: { size: 100000 } } });
  assert.ok(big.runs[0].issues.some((i) => i.field === "batch"), JSON.stringify(big.runs[0].issues));
  assert.match((await call(page, { cmd: "lab.start" })).error, /refused/);
  await context.close();
});

test("the lab's views are populated during a real run, on a desktop and a phone screen", async () => {
  for (const [name, viewport, language] of [["lab-zh", { width: 1280, height: 800 }, "zh"],
                                              ["lab-en", { width: 1280, height: 800 }, "en"],
                                              ["lab-phone", { width: 390, height: 844 }, "zh"]]) {
    const { page, context, problems } = await openPage(shared.browser, shared.server, { viewport });
    await waitUntilReady(page);
    await call(page, { cmd: "set_language", language });
    await call(page, { cmd: "lab.set", data: { kind: "spiral", noise: 0.1 },
                       train: { model: { hidden: [{ units: 8, activation: "tanh" }, { units: 8, activation: "tanh" }] },
                                optimizer: { kind: "adam" }, lr: { lr: 0.03 }, epochs: 300 } });
    await call(page, { cmd: "lab.start" });
    await page.waitForFunction(() => window.Module.tunelab.call({ cmd: "lab.status" }).runs[0].history.length >= 20,
                               null, { timeout: 30000 });
    const shot = await screenshot(page, `${name}.png`);
    const ink = inkStats(shot.png);
    assert.ok(ink.colours > 200, `${name}: too few colours for live plots: ${JSON.stringify(ink)}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

const labStatus = (page) => call(page, { cmd: "lab.status" });
const finished = (page, timeout = 60000) => page.waitForFunction(
  () => window.Module.tunelab.call({ cmd: "lab.status" }).runs.every((r) => ["finished", "diverged", "stopped_early"].includes(r.status)),
  null, { timeout, polling: 100 });

test("the first screen learns: ▶ pressed with the mouse trains the default run at a watchable pace to ≥ 90 %, said in words", async () => {
  for (const [language, words] of [["en", /validation accuracy \d+\.\d% — very good/], ["zh", /验证准确率 \d+\.\d%——很好/]]) {
    const { page, context, problems } = await openPage(shared.browser, shared.server);
    await waitUntilReady(page);
    await call(page, { cmd: "set_language", language });
    assert.equal((await labStatus(page)).speed, 4, "the default speed is the paced one");
    await clickControl(page, "toolbar.start");
    const start = Date.now();
    assert.equal((await labStatus(page)).playing, true);
    await finished(page);
    const seconds = (Date.now() - start) / 1000;
    const run = (await labStatus(page)).runs[0];
    const accuracy = run.history.at(-1).validation_metric;
    console.log(`  ${language}: default run ${(100 * accuracy).toFixed(1)}% in ${seconds.toFixed(1)} s: ${run.status_text}`);
    assert.ok(accuracy >= 0.9, `default run ends at ${accuracy}`);
    assert.match(run.status_text, words);
    // Paced: 100 epochs at 15 per second take about 7 s, not the 0.02 s of "fastest".
    assert.ok(seconds >= 4 && seconds <= 40, `the default run took ${seconds} s`);
    await waitForFrames(page, 3);
    await screenshot(page, `lab-default-finished-${language}.png`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("turning compare off with the mouse makes the panels edit run A again, in both languages", async () => {
  for (const language of ["en", "zh"]) {
    const { page, context, problems } = await openPage(shared.browser, shared.server);
    await waitUntilReady(page);
    await call(page, { cmd: "set_language", language });
    await clickControl(page, "toolbar.compare");
    assert.equal((await labStatus(page)).compare, true);
    await clickControl(page, "lab.edit.B");
    assert.equal((await labStatus(page)).editing, 1);
    assert.match((await labStatus(page)).differences, language === "en" ? /Optimizer adam \| sgd/ : /A 与 B 的不同之处：优化器 adam \| sgd/);
    await clickControl(page, "toolbar.compare");
    let status = await labStatus(page);
    assert.equal(status.compare, false);
    assert.equal(status.editing, 0);
    // An edit now reaches run A, the one shown, and not the hidden run B.
    await clickControl(page, "lab.layers.add");
    status = await labStatus(page);
    assert.equal(status.runs[0].config.model.hidden.length, 3);
    await clickControl(page, "toolbar.compare");
    status = await labStatus(page);
    assert.equal(status.runs[1].config.model.hidden.length, 2);
    assert.equal(status.editing, 1, "back in compare mode, the learner's choice of B is remembered");
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("a learning rate that thrashes at chance is named, and its remedy is pressed with the mouse", async () => {
  for (const [language, warning] of [["en", /Not learning — .*guessing \(50%\).*too large/], ["zh", /没有在学习——.*（50%）.*学习率多半太大了/]]) {
    const { page, context, problems } = await openPage(shared.browser, shared.server);
    await waitUntilReady(page);
    await call(page, { cmd: "set_language", language });
    await call(page, { cmd: "lab.set", speed: 5, train: { optimizer: { kind: "sgd" }, lr: { lr: 3 }, epochs: 30 } });
    await clickControl(page, "toolbar.start");
    await finished(page);
    const run = (await labStatus(page)).runs[0];
    assert.equal(run.status, "finished");
    assert.match(run.thrashing_text, warning);
    await waitForFrames(page, 3);
    await screenshot(page, `lab-thrashing-${language}.png`);
    await clickControl(page, "lab.smaller_lr.A");
    const after = await labStatus(page);
    assert.equal(after.runs[0].config.lr.lr, 0.3);
    // Restarted at once (at the fastest speed it may already have finished).
    assert.notEqual(after.runs[0].status, "not started");
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("on a phone a tap on ▶ trains and the speed slider goes to its slowest", async () => {
  for (const language of ["zh", "en"]) {
    const { page, context, problems } = await openPage(shared.browser, shared.server, phone);
    await waitUntilReady(page);
    await call(page, { cmd: "set_language", language });
    await tapControl(page, "toolbar.start");
    assert.equal((await labStatus(page)).playing, true);
    await finished(page);
    await tapControl(page, "toolbar.speed", { at: [0.02, 0.5] });
    assert.equal((await labStatus(page)).speed, 1);
    await waitForFrames(page, 3);
    await screenshot(page, `lab-phone-finished-${language}.png`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("on a phone the points toggle under the decision boundary is reached by a swipe and a tap hides the points", async () => {
  for (const language of ["en", "zh"]) {
    const { page, context, problems } = await openPage(shared.browser, shared.server, phone);
    await waitUntilReady(page);
    await call(page, { cmd: "set_language", language });
    await call(page, { cmd: "lab.set", speed: 5 });
    await tapControl(page, "toolbar.start");
    await finished(page);
    assert.equal((await labStatus(page)).show_points, true);
    await tapControl(page, "lab.show_points.A");
    assert.equal((await labStatus(page)).show_points, false, `(${language}) a tap on the toggle did not hide the points`);
    await waitForFrames(page, 3);
    await screenshot(page, `lab-phone-points-hidden-${language}.png`);
    await tapControl(page, "lab.show_points.A");
    assert.equal((await labStatus(page)).show_points, true, `(${language}) a second tap did not show them again`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("the hypergradient box and its β slider, pressed with the mouse, let a rate 100× too small adapt, drawn over the schedule", async () => {
  for (const language of ["en", "zh"]) {
    const { page, context, problems } = await openPage(shared.browser, shared.server);
    await waitUntilReady(page);
    await call(page, { cmd: "set_language", language });
    await call(page, { cmd: "lab.set", speed: 5, data: { kind: "moons", size: 300 },
                       train: { model: { hidden: [{ units: 16, activation: "tanh" }, { units: 16, activation: "tanh" }] },
                                optimizer: { kind: "sgd" }, lr: { lr: 0.0003 }, epochs: 12 } });
    assert.equal((await call(page, { cmd: "ui.controls" })).names.includes("lab.hypergradient_beta"), false,
                 "β is shown only once the rate adapts");
    await clickControl(page, "lab.hypergradient");
    assert.equal((await labStatus(page)).runs[0].config.optimizer.hypergradient, true);
    await typeInto(page, "lab.hypergradient_beta", "0.002");
    const beta = (await labStatus(page)).runs[0].config.optimizer.hypergradient_beta;
    assert.ok(Math.abs(beta - 0.002) < 1e-9, `β is ${beta}`);  // the slider holds a float
    await clickControl(page, "toolbar.start");
    await finished(page);
    const run = (await labStatus(page)).runs[0];
    assert.equal(run.status, "finished");
    // The rate set was 0.0003 and the schedule is constant: the plotted rate is the adapted one.
    const rates = run.history.map((r) => r.learning_rate);
    assert.ok(rates.at(-1) >= 0.003, `the rate stayed near where it started: ${rates}`);
    assert.ok(run.history.at(-1).validation_metric >= 0.85, JSON.stringify(run.history.at(-1)));
    await waitForFrames(page, 3);
    await screenshot(page, `lab-hypergradient-${language}.png`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
