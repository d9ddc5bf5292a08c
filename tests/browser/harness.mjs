// Shared pieces of TuneLab's browser tests: a static server for build/web on 127.0.0.1, headless
// Debian Chromium through playwright-core, the app's JS hook, and screenshot analysis.
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

// Opens the page (with an optional URL hash, as a shared link) and records every console error, page
// error and request that leaves the server.
export async function openPage(browser, server, { viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1,
                                                  initScript, hash = "" } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor });
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
