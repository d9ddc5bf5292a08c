// Shared pieces of TuneLab's browser tests: a static server for build/web on 127.0.0.1, headless
// Debian Chromium through playwright-core, the app's JS hook, screenshot analysis, and pressing the
// app's controls like a person.
//
// Pressing controls like a person. The app names the controls a learner touches ("tab.arena",
// "toolbar.start", "lab.lr", "arena.objective", a combo's choices "lab.optimizer.adam", …; the
// list drawn now: call(page, {cmd: "ui.controls"})) and reports where each was drawn in the last
// frame ({cmd: "ui.control", name}). The helpers below find a control by that name and press it
// with real page.mouse / touch events at its position; a control outside its scrolling window is
// first scrolled into view by the real wheel (mouse) or a real swipe (touch). The hook may set up
// and read results; only these helpers prove that a control works.
//   await clickControl(page, "tab.arena")                  left click at the control's centre
//   await clickControl(page, "lab.lr", { at: [0.9, 0.5] }) at a fraction of its width and height
//   await tapControl(page, "toolbar.start")                a finger's tap (open the page with
//                                                          { hasTouch: true }, e.g. phoneViewport)
//   await dragControl(page, "lab.lr", { from: [0.2, 0.5], to: [0.8, 0.5] })   { touch: true } too
//   await typeInto(page, "lab.lr", "3")                    opens the control's text entry (a text
//                                                          field: click; a slider: its ✎, named
//                                                          NAME.type) and types; Enter confirms
//   await swipe(page, { x, y }, { x, y })                  a real one-finger drag, in page pixels
//   const info = await findControl(page, "lab.lr")         its rectangles in page CSS pixels
// Each helper waits until the control is drawn (up to `timeout`, 10 s) and throws with the reason
// when it cannot press it (never drawn, covered by another window, cannot be scrolled to).
import { before, after } from "node:test";
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";
import { PNG } from "pngjs";

export const webDir = resolve(process.env.TUNELAB_WEB_DIR ?? new URL("../../build/web", import.meta.url).pathname);
export const shotDir = resolve(webDir, "..", "screenshots");

const contentTypes = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm" };

// Serves webDir under `prefix` (a sub-folder, as a static host would) with no special headers.
export async function serveWebDir(prefix = "/") {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    if (!path.startsWith(prefix)) {
      response.writeHead(404).end();
      return;
    }
    let file = normalize(join(webDir, path.slice(prefix.length)));
    if (!file.startsWith(webDir)) {
      response.writeHead(403).end();
      return;
    }
    if (path.endsWith("/")) file = join(file, "index.html");
    try {
      const body = await readFile(file);
      response.writeHead(200, { "Content-Type": contentTypes[extname(file)] ?? "application/octet-stream",
                                "Content-Length": body.length });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { url: origin + prefix, origin, close: () => new Promise((done) => server.close(done)) };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--ignore-gpu-blocklist"],
  });
}

// One browser and one server for a test file, started before its tests and closed after them.
export function useBrowserAndServer() {
  const shared = {};
  before(async () => {
    shared.browser = await launchBrowser();
    shared.server = await serveWebDir("/");
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

// Opens the page (with an optional URL hash, as a shared link) in a browser whose language is
// `locale` (Chinese unless told: a first visit follows navigator.language) and records every console error, page
// error and request that leaves the server.
export async function openPage(browser, server, { viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1,
                                                  hasTouch = false, isMobile = false, locale = "zh-CN",
                                                  initScript, hash = "" } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, hasTouch, isMobile, locale });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(server.origin) && !url.startsWith("data:")) problems.push(`request outside the site: ${url}`);
  });
  if (initScript) await page.addInitScript(initScript);
  await page.goto(server.url + hash);
  return { page, context, problems };
}

export async function waitUntilReady(page, timeout = 60000) {
  await page.waitForFunction(() => window.Module?.tunelab?.ready === true, null, { timeout, polling: 100 });
}

export function call(page, request) {
  return page.evaluate((r) => window.Module.tunelab.call(r), request);
}

export async function waitForFrames(page, count, timeout = 30000) {
  const start = (await call(page, { cmd: "status" })).frames;
  await page.waitForFunction((n) => window.Module.tunelab.status().frames >= n, start + count, { timeout, polling: 50 });
}

export async function screenshot(page, name) {
  await mkdir(shotDir, { recursive: true });
  const path = join(shotDir, name);
  const buffer = await page.screenshot({ path });
  return { path, png: PNG.sync.read(buffer) };
}

// How much of the image is "drawn": distinct colours and the share of pixels that differ from the
// most common (background) colour. A blank or single-colour canvas has one colour and ~0% ink.
export function inkStats(png) {
  const counts = new Map();
  for (let i = 0; i < png.data.length; i += 4) {
    const key = (png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const pixels = png.width * png.height;
  const background = Math.max(...counts.values());
  return { colours: counts.size, ink: 1 - background / pixels };
}

// A phone as the walkthrough used it: 390×844 CSS pixels, devicePixelRatio 3, touch.
export const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true };

// --------------------------------------------------------------------- pressing controls like a person

const pause = (ms) => new Promise((done) => setTimeout(done, ms));

// The control's rectangles in page CSS pixels: rect (what a press hits), visible (its part on
// screen), scroller (the visible part of the window that scrolls it), fully_visible, covered_by
// (the window in front of it, if any). Waits until it is drawn; throws after `timeout` ms.
export async function findControl(page, name, { timeout = 10000 } = {}) {
  const start = Date.now();
  for (;;) {
    const info = await call(page, { cmd: "ui.control", name });
    if (!info.error) {
      const box = await page.evaluate(() => {
        const r = document.getElementById("canvas").getBoundingClientRect();
        return { left: r.left, top: r.top, width: r.width, height: r.height };
      });
      const sx = box.width / info.display.w, sy = box.height / info.display.h;
      const toPage = (r) => ({ x: box.left + r.x * sx, y: box.top + r.y * sy, w: r.w * sx, h: r.h * sy });
      return { ...info, rect: toPage(info.rect), visible: toPage(info.visible), scroller: toPage(info.scroller) };
    }
    if (Date.now() - start > timeout) throw new Error(`control "${name}": ${info.error}`);
    await pause(50);
  }
}

// A real one-finger drag from `from` to `to` (page CSS pixels), through the browser's input pipeline
// (Chrome DevTools' Input.dispatchTouchEvent: the page receives trusted touchstart/move/end).
export async function swipe(page, from, to, { steps = 8, holdFrames = 1 } = {}) {
  const session = await page.context().newCDPSession(page);
  const point = (p) => [{ x: p.x, y: p.y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await session.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: point(from) });
  await waitForFrames(page, holdFrames);
  for (let i = 1; i <= steps; ++i) {
    const t = i / steps;
    await session.send("Input.dispatchTouchEvent",
                       { type: "touchMove", touchPoints: point({ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t }) });
    await waitForFrames(page, 1);
  }
  await session.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await waitForFrames(page, 2);
  await session.detach();
}

// Scrolls the control fully into view (or as far as its window allows) by the real wheel over its
// scrolling window, or by swipes when `touch`; returns findControl's answer.
export async function revealControl(page, name, { touch = false, timeout } = {}) {
  let info = await findControl(page, name, { timeout });
  for (let attempt = 0; attempt < 30 && !info.fully_visible; ++attempt) {
    const { rect, scroller } = info;
    // How far the control lies beyond the scrolling window's visible part, in page pixels.
    const dy = rect.y < scroller.y ? rect.y - scroller.y - 8
             : rect.y + rect.h > scroller.y + scroller.h ? Math.min(rect.y - scroller.y - 8, rect.y + rect.h - (scroller.y + scroller.h) + 8) : 0;
    const dx = rect.x < scroller.x ? rect.x - scroller.x - 8
             : rect.x + rect.w > scroller.x + scroller.w ? rect.x + rect.w - (scroller.x + scroller.w) + 8 : 0;
    if (dx === 0 && dy === 0) break;
    const centre = { x: scroller.x + scroller.w / 2, y: scroller.y + scroller.h / 2 };
    if (touch) {
      // The finger moves the content: dragging up shows what is below. At most 60% of the window a swipe.
      const ty = Math.sign(dy) * Math.min(Math.abs(dy), 0.6 * scroller.h);
      const tx = Math.sign(dx) * Math.min(Math.abs(dx), 0.6 * scroller.w);
      await swipe(page, { x: centre.x + tx / 2, y: centre.y + ty / 2 }, { x: centre.x - tx / 2, y: centre.y - ty / 2 });
    } else {
      await page.mouse.move(centre.x, centre.y);
      await waitForFrames(page, 1);
      // One notch (100 px of deltaY) scrolls ImGui by about five lines; a few notches per attempt.
      const notches = Math.max(1, Math.min(5, Math.round(Math.abs(dy || dx) / 70)));
      for (let i = 0; i < notches; ++i) await page.mouse.wheel(dy ? 0 : Math.sign(dx) * 100, Math.sign(dy) * 100);
      await waitForFrames(page, 2);
    }
    const before = info.rect;
    info = await findControl(page, name, { timeout });
    if (info.rect.x === before.x && info.rect.y === before.y) break;  // its window scrolls no further
  }
  return info;
}

// Where to press: a fraction of the control's rectangle, kept inside its visible part.
async function pressPoint(page, name, { at = [0.5, 0.5], touch = false, timeout } = {}) {
  const info = await revealControl(page, name, { touch, timeout });
  const { rect, visible } = info;
  if (visible.w <= 0 || visible.h <= 0) throw new Error(`control "${name}" cannot be scrolled into view`);
  if (info.covered_by) throw new Error(`control "${name}" is covered by the window "${info.covered_by}"`);
  const clamp = (v, lo, hi) => Math.min(Math.max(v, lo + 1), hi - 1);
  return { x: clamp(rect.x + at[0] * rect.w, visible.x, visible.x + visible.w),
           y: clamp(rect.y + at[1] * rect.h, visible.y, visible.y + visible.h), info };
}

// A left click (or { button: "right" }, { clickCount: 2 }) with the real mouse: move there, press,
// release a frame later, as a hand does (see lost-click test for presses shorter than a frame).
export async function clickControl(page, name, { at, button = "left", clickCount = 1, timeout } = {}) {
  const { x, y, info } = await pressPoint(page, name, { at, timeout });
  await page.mouse.move(x, y);
  for (let i = 0; i < clickCount; ++i) {
    await page.mouse.down({ button, clickCount: i + 1 });
    await waitForFrames(page, 1);
    await page.mouse.up({ button, clickCount: i + 1 });
    await waitForFrames(page, 1);
  }
  return info;
}

// A finger's tap: touchstart, touchend, at the control's position (the context needs hasTouch).
export async function tapControl(page, name, { at, timeout } = {}) {
  const { x, y, info } = await pressPoint(page, name, { at, touch: true, timeout });
  await page.touchscreen.tap(x, y);
  await waitForFrames(page, 2);
  return info;
}

// Presses at `from` and releases at `to` (fractions of the control's rectangle), moving in steps a
// frame apart; by mouse, or by finger with { touch: true }.
export async function dragControl(page, name, { from = [0.5, 0.5], to, by, steps = 8, touch = false, timeout } = {}) {
  const { x, y, info } = await pressPoint(page, name, { at: from, touch, timeout });
  const end = to ? { x: info.rect.x + to[0] * info.rect.w, y: info.rect.y + to[1] * info.rect.h }
                 : { x: x + (by?.x ?? 0), y: y + (by?.y ?? 0) };
  if (touch) {
    await swipe(page, { x, y }, end, { steps });
    return info;
  }
  await page.mouse.move(x, y);
  await waitForFrames(page, 1);
  await page.mouse.down();
  await waitForFrames(page, 1);
  for (let i = 1; i <= steps; ++i) {
    await page.mouse.move(x + (end.x - x) * i / steps, y + (end.y - y) * i / steps);
    await waitForFrames(page, 1);
  }
  await page.mouse.up();
  await waitForFrames(page, 2);
  return info;
}

// Types `text` into the control: a text field is clicked (or tapped), a slider's text entry is
// opened by its ✎ (named NAME.type); what is there is selected and replaced; Enter confirms.
export async function typeInto(page, name, text, { touch = false, enter = true, timeout } = {}) {
  const names = (await call(page, { cmd: "ui.controls" })).names;
  const target = names.includes(`${name}.type`) ? `${name}.type` : name;
  await (touch ? tapControl(page, target, { timeout }) : clickControl(page, target, { timeout }));
  await page.keyboard.press("Control+A");
  await waitForFrames(page, 1);
  await page.keyboard.type(text, { delay: 30 });
  await waitForFrames(page, 1);
  if (enter) {
    await page.keyboard.press("Enter");
    await waitForFrames(page, 2);
  }
}

// The arena's status once `predicate` holds, polled every `frames` frames; `each` sees every status polled.
export async function waitForArenaStatus(page, predicate, { timeout = 120000, each, frames = 2 } = {}) {
  const start = Date.now();
  for (;;) {
    const status = await call(page, { cmd: "arena.status" });
    each?.(status);
    if (predicate(status)) return status;
    if (Date.now() - start > timeout) throw new Error(`arena status never matched: ${JSON.stringify(status).slice(0, 400)}`);
    await waitForFrames(page, frames);
  }
}
