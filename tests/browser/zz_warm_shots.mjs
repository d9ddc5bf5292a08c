// Ad-hoc (not committed): the warm-start lesson's cards on desktop and phone, both languages.
import { launchBrowser, serveWebDir, openPage, waitUntilReady, call, waitForFrames, screenshot, phone } from "./harness.mjs";
const browser = await launchBrowser();
const server = await serveWebDir("/");
for (const [kind, opts] of [["desktop", {}], ["phone", phone]]) {
  for (const language of ["en", "zh"]) {
    const { page, context, problems } = await openPage(browser, server, opts);
    await waitUntilReady(page);
    await call(page, { cmd: "set_language", language });
    await call(page, { cmd: "lesson.open", id: "warm_start" });
    for (const step of [1, 3]) {
      while ((await call(page, { cmd: "lesson.status" })).step < step) await call(page, { cmd: "lesson.next" });
      const t0 = Date.now();
      const setup = await call(page, { cmd: "lesson.setup" });
      const t1 = Date.now();
      await call(page, { cmd: "lesson.show_me" });
      while (!(await call(page, { cmd: "arena.round" })).error) {}
      const t2 = Date.now();
      await call(page, { cmd: "arena.view", tab: step === 1 ? "landscape" : "progress" });
      await waitForFrames(page, 5);
      const st = await call(page, { cmd: "lesson.status" });
      console.log(kind, language, step, "setup", t1 - t0, "ms race", t2 - t1, "ms", JSON.stringify(setup).slice(0, 80), st.contrasts.map((c) => c.shown));
      await screenshot(page, `zz-warm-lesson-${kind}-step${step + 1}-${language}.png`);
    }
    console.log(problems);
    await context.close();
  }
}
await browser.close();
await server.close();
