// A hand's input at the frame rates a slow machine gives: fast clicks, taps and key presses shorter
// than a frame all land; a finger's swipe scrolls (and presses nothing); an exact number is typed
// by tap. Two pages for the file: a desktop one and a phone one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, openPage, waitUntilReady, call, waitForFrames, findControl, swipe, tapControl,
         clickControl, typeInto, phone } from "./harness.mjs";

const shared = useBrowserAndServer();

// Slows the page's CPU until it draws at most `fps` frames a second; returns the rate measured.
async function throttleTo(page, fps) {
  const session = await page.context().newCDPSession(page);
  for (let rate = 4; ; rate *= 2) {
    await session.send("Emulation.setCPUThrottlingRate", { rate });
    await waitForFrames(page, 3, 60000);
    const start = (await call(page, { cmd: "status" })).frames, t0 = Date.now();
    await page.waitForTimeout(2000);
    const measured = ((await call(page, { cmd: "status" })).frames - start) / ((Date.now() - t0) / 1000);
    if (measured <= fps || rate >= 64) return { measured, release: () => session.send("Emulation.setCPUThrottlingRate", { rate: 1 }) };
  }
}

const centre = (info) => ({ x: info.rect.x + info.rect.w / 2, y: info.rect.y + info.rect.h / 2 });
const epoch = async (page) => (await call(page, { cmd: "lab.status" })).runs[0].epoch ?? 0;

// Waits until the page has drawn `frames` more frames and the epoch count stops changing.
async function settle(page, frames = 12) {
  await waitForFrames(page, frames, 60000);
}

test("fast clicks, a click followed at once by a move, and a key press all land at a low frame rate", async () => {
  const { page, context, problems } = await openPage(shared.browser, shared.server);
  await waitUntilReady(page);
  await call(page, { cmd: "lab.set", train: { epochs: 100 } });
  const step = centre(await findControl(page, "toolbar.step_epoch"));
  const throttle = await throttleTo(page, 6);
  console.log(`  throttled to ${throttle.measured.toFixed(1)} fps`);
  assert.ok(throttle.measured <= 8, `the page still draws ${throttle.measured} fps`);

  // Five clicks 40 ms apart, each press and release 0 ms apart: several fall in one frame.
  for (let i = 0; i < 5; ++i) {
    await page.mouse.click(step.x, step.y);
    await page.waitForTimeout(40);
  }
  await settle(page);
  assert.equal(await epoch(page), 5, "every one of five fast clicks trains one epoch");

  // A click, and the hand moves on within the same frame: the press belongs where it happened.
  await page.mouse.click(step.x, step.y);
  await page.mouse.move(step.x, step.y + 300);
  await settle(page);
  assert.equal(await epoch(page), 6);

  // A key pressed and released within a frame: Enter confirms a typed learning rate.
  await typeInto(page, "lab.lr", "0.5");
  assert.equal((await call(page, { cmd: "lab.status" })).runs[0].config.lr.lr, 0.5);
  await throttle.release();
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a phone: fast taps land, a swipe scrolls the one scrolling column and presses nothing, a number is typed by tap", async () => {
  const { page, context, problems } = await openPage(shared.browser, shared.server, phone);
  await waitUntilReady(page);
  await call(page, { cmd: "set_language", language: "en" });
  await call(page, { cmd: "lab.set", train: { epochs: 100 } });
  const before = (await call(page, { cmd: "lab.status" })).runs[0].config;

  // A swipe up that starts on a plot moves the column (not the plot's own area: there is none).
  const lr0 = await findControl(page, "lab.lr");
  assert.equal(lr0.fully_visible, false, "the learning rate starts below the fold on a phone");
  const views = await findControl(page, "lab.view.curves");
  await swipe(page, { x: 200, y: views.rect.y + 300 }, { x: 200, y: views.rect.y + 50 });
  const lr1 = await findControl(page, "lab.lr");
  const moved = lr0.rect.y - lr1.rect.y;
  assert.ok(moved > 180 && moved < 320, `a 250 px swipe moved the column by ${moved} px`);

  // Swipes across the settings scroll on: the sliders under the finger keep their values.
  for (let i = 0; i < 6 && !(await findControl(page, "lab.lr")).fully_visible; ++i)
    await swipe(page, { x: 120, y: 700 }, { x: 120, y: 350 });
  assert.equal((await findControl(page, "lab.lr")).fully_visible, true, "swipes brought the learning rate into view");
  assert.deepEqual((await call(page, { cmd: "lab.status" })).runs[0].config, before, "a swipe changed a setting");

  // The exact value 3, which a log slider's drag cannot hit: tap the pencil, type, Enter.
  await typeInto(page, "lab.lr", "3", { touch: true });
  assert.equal((await call(page, { cmd: "lab.status" })).runs[0].config.lr.lr, 3);

  // Three fast taps at a low frame rate: three epochs.
  await call(page, { cmd: "lab.set", train: { lr: { lr: 0.03 } } });
  const stepButton = centre(await findControl(page, "toolbar.step_epoch"));
  const throttle = await throttleTo(page, 6);
  for (let i = 0; i < 3; ++i) {
    await page.touchscreen.tap(stepButton.x, stepButton.y);
    await page.waitForTimeout(40);
  }
  await settle(page);
  assert.equal(await epoch(page), 3, "every one of three fast taps trains one epoch");
  await throttle.release();
  await tapControl(page, "toolbar.reset");
  assert.equal((await call(page, { cmd: "lab.status" })).runs[0].status, "not started");
  assert.deepEqual(problems, []);
  await context.close();
});

// A phone shows its keyboard only for a focused text element: the ✎ tapped by a finger focuses the
// page's hidden field, text the on-screen keyboard inserts (no key press: insertText, as a virtual
// keyboard or an input method delivers it) reaches the slider, and Enter gives the focus back.
test("on a phone the ✎ brings up the on-screen keyboard, and what it types lands in the field", async () => {
  const focused = (page) => page.evaluate(() => document.activeElement?.id ?? "");
  const { page, context, problems } = await openPage(shared.browser, shared.server, phone);
  await waitUntilReady(page);
  await call(page, { cmd: "set_language", language: "zh" });
  assert.equal(await focused(page), "canvas");
  await tapControl(page, "lab.lr.type");
  await waitForFrames(page, 3);
  assert.equal(await focused(page), "keyboard", "the hidden text field has the focus: the phone's keyboard comes up");
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText("0.02");
  await waitForFrames(page, 2);
  await page.keyboard.press("Enter");
  await waitForFrames(page, 3);
  const lr = (await call(page, { cmd: "lab.status" })).runs[0].config.lr.lr;
  assert.ok(Math.abs(lr - 0.02) < 1e-6, `the learning rate is ${lr}`);  // through the float slider
  assert.equal(await focused(page), "canvas", "the keyboard goes away once the number is entered");
  assert.deepEqual(problems, []);
  await context.close();

  // With a mouse (a desktop and its own keyboard) the canvas keeps the focus.
  const desktop = await openPage(shared.browser, shared.server);
  await waitUntilReady(desktop.page);
  await clickControl(desktop.page, "lab.lr.type");
  await waitForFrames(desktop.page, 3);
  assert.equal(await focused(desktop.page), "canvas");
  await typeInto(desktop.page, "lab.lr", "0.5");
  assert.equal((await call(desktop.page, { cmd: "lab.status" })).runs[0].config.lr.lr, 0.5);
  assert.deepEqual(desktop.problems, []);
  await desktop.context.close();
});
