// The walking skeleton in a real browser: the page loads, draws, answers its hook, follows the
// window and devicePixelRatio, explains a missing feature, and stays within its weight budget.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { webDir, serveWebDir, launchBrowser, openPage, waitUntilReady, call, waitForFrames, screenshot, inkStats }
  from "./harness.mjs";

let browser, server;
before(async () => {
  browser = await launchBrowser();
  server = await serveWebDir("/tunelab/");  // from a sub-folder, as on a static host
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("page weight (html + js + wasm with its font, gzip) is at most 1.5 MB", () => {
  let total = 0;
  for (const file of ["index.html", "tunelab.js", "tunelab.wasm"]) {
    const size = gzipSync(readFileSync(join(webDir, file)), { level: 9 }).length;
    console.log(`  ${file}: ${(size / 1024).toFixed(0)} KB gzip`);
    total += size;
  }
  console.log(`  page weight: ${(total / 1048576).toFixed(2)} MB gzip`);
  assert.ok(total <= 1.5 * 1048576, `page weight ${total} bytes exceeds 1.5 MB`);
});

test("the app starts, draws the TuneLab window in both languages, with no console error", async () => {
  const { page, context, problems } = await openPage(browser, server);
  await waitUntilReady(page);
  await waitForFrames(page, 10);
  const status = await call(page, { cmd: "status" });
  console.log(`  navigation to first frame: ${status.first_frame_ms.toFixed(0)} ms; ${status.fps.toFixed(1)} fps in headless Chromium (software WebGL)`);
  assert.equal(status.ready, true);
  assert.equal(status.language, "zh");
  assert.ok(status.first_frame_ms > 0);

  const zh = await screenshot(page, "skeleton-zh.png");
  const zhInk = inkStats(zh.png);
  assert.ok(zhInk.colours > 20 && zhInk.ink > 0.002, `canvas looks blank: ${JSON.stringify(zhInk)}`);

  assert.deepEqual(await call(page, { cmd: "set_language", language: "en" }), { ok: true });
  await waitForFrames(page, 3);
  assert.equal((await call(page, { cmd: "status" })).language, "en");
  const en = await screenshot(page, "skeleton-en.png");
  assert.ok(inkStats(en.png).colours > 20);
  assert.notDeepEqual(zh.png.data, en.png.data, "switching language changed nothing on screen");

  assert.match((await call(page, { cmd: "set_language", language: "fr" })).error, /"zh" or "en"/);
  assert.match((await call(page, { cmd: "no-such-command" })).error, /unknown command/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the canvas follows the window size and devicePixelRatio", async () => {
  const { page, context, problems } = await openPage(browser, server, { viewport: { width: 390, height: 844 },
                                                                       deviceScaleFactor: 2 });
  await waitUntilReady(page);
  await waitForFrames(page, 3);
  const size = () => page.evaluate(() => {
    const canvas = document.getElementById("canvas");
    return { width: canvas.width, height: canvas.height, cssWidth: canvas.clientWidth, cssHeight: canvas.clientHeight };
  });
  assert.deepEqual(await size(), { width: 780, height: 1688, cssWidth: 390, cssHeight: 844 });
  await screenshot(page, "skeleton-phone.png");
  await page.setViewportSize({ width: 1000, height: 700 });
  await waitForFrames(page, 5);
  assert.deepEqual(await size(), { width: 2000, height: 1400, cssWidth: 1000, cssHeight: 700 });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a browser without WebAssembly SIMD gets a clear message instead of a blank page", async () => {
  const { page, context } = await openPage(browser, server, {
    initScript: () => { WebAssembly.validate = () => false; },
  });
  const problem = page.locator("#problem");
  await problem.waitFor({ state: "visible", timeout: 10000 });
  assert.match(await problem.innerText(), /WebAssembly SIMD/);
  assert.match(await problem.innerText(), /浏览器/);
  await context.close();
});

test("a browser without WebGL2 gets a clear message instead of a blank page", async () => {
  const { page, context } = await openPage(browser, server, {
    initScript: () => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === "webgl2" ? null : original.call(this, kind, ...rest);
      };
    },
  });
  const problem = page.locator("#problem");
  await problem.waitFor({ state: "visible", timeout: 10000 });
  assert.match(await problem.innerText(), /WebGL2/);
  await context.close();
});

test("the page opened as a file (file://) says it must be served, and how, instead of a fetch error", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("file://" + join(webDir, "index.html"));
  const problem = page.locator("#problem");
  await problem.waitFor({ state: "visible", timeout: 10000 });
  const text = await problem.innerText();
  assert.match(text, /must be served by a web server/);
  assert.match(text, /tools\/tunelab web/);
  assert.match(text, /python3 -m http\.server/);
  assert.match(text, /网页服务器/);
  assert.doesNotMatch(text, /Failed to fetch|Check the connection/);
  await context.close();
});
