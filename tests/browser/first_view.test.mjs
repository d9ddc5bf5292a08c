// What a learner meets first, at 1280×800: the page speaks the browser's language, offers Lesson 1,
// shows the learning rate without scrolling, keeps developer data out of sight, and the lesson card
// sits beside the views instead of over them; a lesson can point at any control.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, openPage, waitUntilReady, call, waitForFrames, findControl, clickControl,
         screenshot } from "./harness.mjs";

const shared = useBrowserAndServer();

const status = (page) => call(page, { cmd: "status" });
const names = async (page) => (await call(page, { cmd: "ui.controls" })).names;

test("a first visit follows the browser's language; a choice made is kept on the next visit", async () => {
  for (const [locale, language] of [["en-US", "en"], ["zh-CN", "zh"], ["fr-FR", "en"]]) {
    const { page, context } = await openPage(shared.browser, shared.server, { locale });
    await waitUntilReady(page);
    assert.equal((await status(page)).language, language, `navigator.language ${locale}`);
    await context.close();
  }
  const { page, context, problems } = await openPage(shared.browser, shared.server, { locale: "en-US" });
  await waitUntilReady(page);
  await clickControl(page, "language.zh");
  await waitForFrames(page, 20);  // the session is saved a few times a second
  await page.reload();
  await waitUntilReady(page);
  assert.equal((await status(page)).language, "zh", "the learner's choice beats the browser's language");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the first screen: the learning rate without scrolling, no developer data, Lesson 1 offered and docked beside the views", async () => {
  const { page, context, problems } = await openPage(shared.browser, shared.server, { locale: "en-US" });
  await waitUntilReady(page);
  await waitForFrames(page, 3);
  for (const language of ["en", "zh"]) {
    await call(page, { cmd: "set_language", language });
    await waitForFrames(page, 2);
    const lr = await findControl(page, "lab.lr");
    assert.equal(lr.fully_visible, true, `(${language}) the learning rate is at y=${lr.rect.y}, below the fold`);
    await screenshot(page, `first-view-${language}.png`);
  }
  assert.ok(!(await names(page)).includes("header.frame_time"), "the frame time is developer data");

  // Lesson 1, from the offer on the first screen: its card beside the views, covering none of them.
  await call(page, { cmd: "set_language", language: "en" });
  await clickControl(page, "first_run.lesson");
  assert.equal((await call(page, { cmd: "lesson.status" })).id, "learning_rate");
  await waitForFrames(page, 3);  // the docked card takes its place, and the step's highlight scrolls, over the next frames
  assert.ok(!(await names(page)).includes("first_run.lesson"), "the offer is gone once taken");
  const card = await findControl(page, "lesson.set_up");
  for (const name of ["lab.view.curves", "lab.view.optimizer_paths", "lab.lr", "toolbar.start"]) {
    const control = await findControl(page, name);
    assert.equal(control.covered_by, undefined, `${name} is covered by ${control.covered_by}`);
    assert.ok(control.rect.x + control.rect.w <= card.scroller.x, `${name} reaches under the card`);
  }
  // Lesson 1 turns compare on (its A/B lines above the panel) and narrows the page: the learning rate
  // is still on screen, with the panel unscrolled (its first header in view), before anything is pressed.
  assert.equal((await call(page, { cmd: "lab.status" })).compare, true);
  const lr = await findControl(page, "lab.lr");
  assert.equal(lr.fully_visible, true, `with Lesson 1 open the learning rate is at y=${lr.rect.y}, below the fold`);
  assert.equal((await findControl(page, "lab.section.hyperparameters")).fully_visible, true, "the settings were scrolled");
  await screenshot(page, "first-view-lesson-en.png");
  await clickControl(page, "lesson.set_up");
  await waitForFrames(page, 3);
  assert.equal((await findControl(page, "lab.lr")).fully_visible, true, "the step's control stays in view beside the card");
  await call(page, { cmd: "lesson.close" });

  // The frame time, where the offer was, once the menu's developer toggle is on.
  await clickControl(page, "tab.session");
  await clickControl(page, "session.frame_time");
  await page.mouse.click(640, 4, { delay: 150 });
  await findControl(page, "header.frame_time");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a lesson points at a control: its window scrolls to it, a folded section opens, and a pulsing frame marks it until it is used", async () => {
  const { page, context, problems } = await openPage(shared.browser, shared.server, { locale: "en-US" });
  await waitUntilReady(page);
  await waitForFrames(page, 3);
  const hidden = await findControl(page, "lab.validation_share");
  assert.equal(hidden.fully_visible, false, "the validation share starts below the fold");
  // The learner folds the Data section by mouse: its controls are no longer drawn.
  await clickControl(page, "lab.section.data");
  await waitForFrames(page, 2);
  assert.match((await call(page, { cmd: "ui.control", name: "lab.validation_share" })).error ?? "", /not drawn now/);
  assert.deepEqual(await call(page, { cmd: "ui.highlight", name: "lab.validation_share" }), { ok: true, known: true });
  await waitForFrames(page, 4);
  const shown = await findControl(page, "lab.validation_share");
  assert.equal(shown.fully_visible, true, "the highlight opened the Data section and scrolled the validation share into view");

  // The frame: strong orange pixels just around the control, none before.
  const orange = (png, r) => {
    let count = 0;
    for (let y = Math.floor(r.y - 8); y < r.y + r.h + 8; ++y)
      for (let x = Math.floor(r.x - 8); x < r.x + r.w + 8; ++x) {
        const i = 4 * (y * png.width + x);
        if (png.data[i] > 200 && png.data[i + 1] > 60 && png.data[i + 1] < 170 && png.data[i + 2] < 60) ++count;
      }
    return count;
  };
  const marked = await screenshot(page, "highlight-validation-share.png");
  assert.ok(orange(marked.png, shown.rect) > 2 * (shown.rect.w + shown.rect.h), "no orange frame around the validation share");

  await clickControl(page, "lab.validation_share", { at: [0.3, 0.5] });  // the learner uses it: the frame goes
  await waitForFrames(page, 3);
  assert.equal((await call(page, { cmd: "ui.control", name: "lab.validation_share" })).error, undefined);
  const after = await screenshot(page, "highlight-validation-share-used.png");
  assert.equal(orange(after.png, (await findControl(page, "lab.validation_share")).rect), 0, "the frame stayed after use");
  assert.deepEqual(problems, []);
  await context.close();
});
