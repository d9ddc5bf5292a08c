// Sharing and saving in a real browser: a shared link reproduces the same configuration and the same
// run, a malformed or hostile link is refused with a message (defaults loaded, nothing executed), a
// reload or a later visit restores the settings, and exports arrive as file downloads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, openPage, waitUntilReady, call, waitForFrames, screenshot } from "./harness.mjs";

const shared = useBrowserAndServer();

// Console warnings, recorded from the first line of the page (the refusal is warned at start-up).
const recordWarnings = () => {
  window.__warnings = [];
  const warn = console.warn;
  console.warn = (...parts) => {
    window.__warnings.push(parts.join(" "));
    warn.apply(console, parts);
  };
};

// A download's blob: URL is the page's own data, not a request leaving the site.
const realProblems = (problems) => problems.filter((p) => !p.includes("request outside the site: blob:"));

const SETTINGS = {
  cmd: "lab.set", compare: true,
  data: { kind: "moons", noise: 0.15, seed: 42, size: 240, preprocessing: "standardize" },
  train: { optimizer: { kind: "adam" }, lr: { lr: 0.02, kind: "cosine" }, seed: 7, epochs: 30,
           model: { hidden: [{ units: 12, activation: "relu" }] } },
};

async function open(hash = "") {
  const opened = await openPage(shared.browser, shared.server, { hash, initScript: recordWarnings });
  await waitUntilReady(opened.page);
  return opened;
}

// The URL hash the page shows once it has synchronised (a quarter second of frames).
async function settledHash(page) {
  await waitForFrames(page, 20);
  return page.evaluate(() => window.location.hash);
}

async function defaultDocument() {
  const { page, context } = await open();
  const document = await call(page, { cmd: "session.get" });
  await context.close();
  return document;
}

test("a shared link reproduces the same configuration and the same run", async () => {
  const sender = await open();
  assert.equal((await call(sender.page, SETTINGS)).ok, true);
  await call(sender.page, { cmd: "lab.set", run: 1, train: { batch: { size: 20 }, l2: 0.001 } });
  const arena = await call(sender.page, { cmd: "arena.set", objective: "branin", strategies: ["random", "tpe"],
                                          trials: 12, seed: 5 });
  assert.equal(arena.ok, true, JSON.stringify(arena));
  const document = await call(sender.page, { cmd: "session.get" });
  const { hash } = await call(sender.page, { cmd: "session.hash" });
  assert.match(hash, /^v1\.[A-Za-z0-9_-]+$/);
  // The address bar follows the settings, without adding history entries.
  const historyLength = await sender.page.evaluate(() => history.length);
  assert.equal(await settledHash(sender.page), "#" + hash);
  assert.equal(await sender.page.evaluate(() => history.length), historyLength);
  const senderRun = await call(sender.page, { cmd: "lab.epoch", batches: 3 });

  const receiver = await open("#" + hash);
  assert.deepEqual(await call(receiver.page, { cmd: "session.get" }), document);
  assert.deepEqual(document.arena.strategies, ["random", "tpe"]);
  assert.equal((await call(receiver.page, { cmd: "session.status" })).notice, "");
  const receiverRun = await call(receiver.page, { cmd: "lab.epoch", batches: 3 });
  assert.equal(receiverRun.runs.length, 2);
  for (const i of [0, 1]) {
    assert.deepEqual(receiverRun.runs[i].config, senderRun.runs[i].config);
    // Same data, seed and settings: the same losses, epoch by epoch (time aside).
    const strip = (history) => history.map(({ epoch, train_loss, validation_loss, validation_metric }) =>
      ({ epoch, train_loss, validation_loss, validation_metric }));
    assert.deepEqual(strip(receiverRun.runs[i].history), strip(senderRun.runs[i].history));
  }
  assert.deepEqual(realProblems(sender.problems), []);
  assert.deepEqual(realProblems(receiver.problems), []);
  await sender.context.close();
  await receiver.context.close();
});

test("a malformed or hostile link is refused with a message, the defaults load and nothing runs", async () => {
  const defaults = await defaultDocument();
  // Valid base64url of JSON whose values are markup and script: data to be refused, never run.
  const hostileJson = JSON.stringify({ language: "en", lab: { data: { kind: "<img src=x onerror=window.pwned=1>" } },
                                       page: "javascript:window.pwned=1" });
  const hostile = "v1." + Buffer.from(hostileJson).toString("base64url");
  const cases = [
    { hash: "#v1.%%%not-base64", detail: /base64url/ },
    { hash: "#<script>window.pwned=1</script>", detail: /v1\./ },
    { hash: "#v1." + Buffer.from("{\"lab\": [1, 2").toString("base64url"), detail: /not valid JSON/ },
    { hash: "#" + hostile, detail: /page/ },
  ];
  for (const { hash, detail } of cases) {
    const { page, context, problems } = await open(hash);
    const status = await call(page, { cmd: "session.status" });
    assert.match(status.notice, /shared link could not be opened/, hash);
    assert.match(status.notice_text, /分享链接无法打开/);  // the page starts in Chinese
    assert.match(status.notice_detail, detail);
    assert.deepEqual(await call(page, { cmd: "session.get" }), defaults);
    const warnings = await page.evaluate(() => window.__warnings);
    assert.ok(warnings.some((w) => w.includes("shared link was refused")), JSON.stringify(warnings));
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    if (hash === cases[0].hash) {
      await waitForFrames(page, 5);
      await screenshot(page, "share-refused-link-zh.png");
      // The address now holds the defaults, so a copied link is a working one.
      assert.match(await settledHash(page), /^#v1\./);
    }
    assert.deepEqual(problems, []);  // no console error: a refused link is expected input
    await context.close();
  }
});

test("a reload keeps the settings, and a later visit without a link restores them", async () => {
  const { page, context, problems } = await open();
  await call(page, SETTINGS);
  await call(page, { cmd: "set_language", language: "en" });
  const document = await call(page, { cmd: "session.get" });
  await settledHash(page);
  await page.reload();
  await waitUntilReady(page);
  assert.deepEqual(await call(page, { cmd: "session.get" }), document);
  // No hash: the session saved in this browser comes back.
  await page.goto(shared.server.url);
  await waitUntilReady(page);
  assert.deepEqual(await call(page, { cmd: "session.get" }), document);
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("tunelab.session")));
  assert.deepEqual(saved, document);
  // A corrupted saved session is refused like a bad link: defaults, a message, no error.
  await page.evaluate(() => localStorage.setItem("tunelab.session", "{\"lab\": {\"compare\": \"maybe\"}}"));
  await page.goto(shared.server.url);
  await waitUntilReady(page);
  const status = await call(page, { cmd: "session.status" });
  assert.match(status.notice, /saved session could not be restored/);
  assert.match(status.notice_detail, /lab\.compare/);
  assert.equal((await call(page, { cmd: "session.get" })).lab.compare, false);
  assert.deepEqual(problems, []);
  await context.close();
});

test("exports arrive as downloads: CSV, JSON and a Python script", async () => {
  const { page, context, problems } = await open();
  await call(page, SETTINGS);
  await call(page, { cmd: "lab.epoch", batches: 2 });
  await call(page, { cmd: "arena.set", objective: "branin", strategies: ["random"], trials: 6 });
  assert.equal((await call(page, { cmd: "arena.start" })).ok, true);
  await call(page, { cmd: "arena.pause" });
  await call(page, { cmd: "arena.round" });
  for (const [what, name, check] of [
    ["trials_csv", "tunelab-trials.csv", (text) => assert.match(text, /^# random \(seed 1\)\nnumber,/)],
    ["csv", "tunelab-runs.csv", (text) => assert.match(text, /^run,epoch,train_loss,validation_loss/)],
    ["json", "tunelab-session.json", (text) => assert.equal(JSON.parse(text).session.lab.data.kind, "moons")],
    ["python", "tunelab_search.py", (text) => assert.match(text, /torch\.optim\.Adam\(/)],
  ]) {
    const downloading = page.waitForEvent("download", { timeout: 10000 });
    const answer = await call(page, { cmd: "session.export", what, download: true });
    const download = await downloading;
    assert.equal(download.suggestedFilename(), name);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString("utf8");
    assert.equal(text, answer.text);
    check(text);
  }
  assert.deepEqual(realProblems(problems), []);
  await context.close();
});
