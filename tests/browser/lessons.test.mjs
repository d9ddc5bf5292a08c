// The guided lessons in a real browser: every lesson, in both languages, is completed by doing what
// its own instructions say through the hook (set up, act, let the lab train in its frames), and the
// lesson page and the lesson card over the lab are drawn.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveWebDir, launchBrowser, openPage, waitUntilReady, call, waitForFrames, screenshot, inkStats }
  from "./harness.mjs";

let browser, server;
before(async () => {
  browser = await launchBrowser();
  server = await serveWebDir("/");
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Training runs a slice per frame: wait until the lab has stopped playing (every run ended).
async function waitForTraining(page) {
  await page.waitForFunction(() => !window.Module.tunelab.call({ cmd: "lab.status" }).playing, null,
                             { timeout: 30000, polling: 50 });
}

for (const language of ["zh", "en"]) {
  test(`every lesson is completed by following its instructions (${language})`, async () => {
    const { page, context, problems } = await openPage(browser, server);
    await waitUntilReady(page);
    assert.deepEqual(await call(page, { cmd: "set_language", language }), { ok: true });
    const { lessons } = await call(page, { cmd: "lesson.list" });
    assert.ok(lessons.length >= 10, `${lessons.length} lessons`);
    const start = Date.now();
    for (const lesson of lessons) {
      assert.ok(/[\u4e00-\u9fff]/.test(lesson.title) === (language === "zh"), `${lesson.id}: title "${lesson.title}"`);
      assert.deepEqual(await call(page, { cmd: "lesson.open", id: lesson.id }), { ok: true });
      for (const [index, step] of lesson.steps.entries()) {
        const where = `${lesson.id} step ${index + 1}`;
        assert.deepEqual(await call(page, { cmd: "lesson.setup" }), { ok: true }, where);
        await waitForFrames(page, 2);
        assert.equal((await call(page, { cmd: "lesson.status" })).checks[index], false, `${where}: passed before acting`);
        for (const command of step.action) {
          const answer = await call(page, command);
          assert.equal(answer.error, undefined, `${where}: ${JSON.stringify(command)} → ${JSON.stringify(answer)}`);
        }
        await waitForTraining(page);
        await waitForFrames(page, 2);  // the card evaluates the check in a frame, as for a learner
        const status = await call(page, { cmd: "lesson.status" });
        assert.equal(status.checks[index], true, `${where}: ${JSON.stringify((await call(page, { cmd: "lab.status" })).runs.map((r) => r.status_text))}`);
        assert.equal(status.instruction, step.instruction);
        if (index + 1 < lesson.steps.length) assert.equal((await call(page, { cmd: "lesson.next" })).ok, true);
      }
      assert.equal((await call(page, { cmd: "lesson.status" })).done, true, lesson.id);
    }
    console.log(`  ${language}: ${lessons.length} lessons walked in ${((Date.now() - start) / 1000).toFixed(1)} s`);

    // The card stays over the lab while a lesson is open, and the lessons page lists every lesson.
    const card = inkStats((await screenshot(page, `lessons-card-${language}.png`)).png);
    assert.ok(card.colours > 20, `lab with card: ${card.colours} colours`);
    await call(page, { cmd: "show", page: "lessons" });
    await waitForFrames(page, 3);
    const list = inkStats((await screenshot(page, `lessons-page-${language}.png`)).png);
    assert.ok(list.ink > 0.02, `lessons page: ${(100 * list.ink).toFixed(1)}% ink`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
