// Sharing and saving in a real browser: a shared link reproduces the same configuration and the same
// run, a malformed or hostile link is refused with a message (defaults loaded, nothing executed), a
// reload or a later visit restores the settings, and exports arrive as file downloads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowserAndServer, openPage, waitUntilReady, call, waitForFrames, screenshot, clickControl } from "./harness.mjs";

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
  // Readable, as TensorFlow Playground's: only what differs from a fresh page, by the settings' names.
  assert.match(hash, /^[A-Za-z0-9._~+%=&,-]+$/);
  for (const pair of ["data.kind=moons", "data.noise=0.15", "data.seed=42", "layers=1", "units=12", "lr.kind=cosine",
                      "lr=0.02", "epochs=30", "seed=7", "b.batch=20", "b.l2=0.001", "compare=true",
                      "arena.strategies=random,tpe", "arena.trials=12", "arena.seed=5"])
    assert.ok(hash.split("&").includes(pair), `${pair} is not in the link ${hash}`);
  assert.ok(!hash.includes("optimizer="), "adam is the default optimizer: not in the link");
  assert.ok(hash.length < 400, `link of ${hash.length} characters`);
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
    { hash: "#lr=fast&units=8,8,8", detail: /^lr: must be a number\nunits: must be one value, or one per hidden layer \(2\)$/,
      lines: ["lr: 必须是数字", "units: 必须是一个值，或每个隐藏层一个值（共 2 层）"] },
    { hash: "#data.kind=%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E&page=javascript:window.pwned=1",
      detail: /^page: must be "lab", "arena" or "lessons"$/ },
    { hash: "#<script>window.pwned=1</script>", detail: /unknown setting/ },
    { hash: "#learning_rate=0.1", detail: /^'learning_rate': unknown setting$/, lines: ["'learning_rate': 未知的设置项"] },
    // Links of the first version (base64url of JSON) are read as before.
    { hash: "#v1.%%%not-base64", detail: /base64url/ },
    { hash: "#v1." + Buffer.from("{\"lab\": [1, 2").toString("base64url"), detail: /not valid JSON/ },
    { hash: "#" + hostile, detail: /page/ },
  ];
  for (const { hash, detail, lines } of cases) {
    const { page, context, problems } = await open(hash);
    const status = await call(page, { cmd: "session.status" });
    assert.match(status.notice, /shared link could not be opened/, hash);
    assert.match(status.notice_text, /分享链接无法打开/);  // the page starts in Chinese
    assert.match(status.notice_detail, detail);
    if (lines) assert.deepEqual(status.notice_lines, lines);  // each reason, as the popup shows it
    assert.deepEqual(await call(page, { cmd: "session.get" }), defaults);
    const warnings = await page.evaluate(() => window.__warnings);
    assert.ok(warnings.some((w) => w.includes("shared link was refused")), JSON.stringify(warnings));
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    if (hash === cases[0].hash) {
      await waitForFrames(page, 5);
      await screenshot(page, "share-refused-link-zh.png");
      // The address now holds the defaults, so a copied link is a working one.
      assert.equal(await settledHash(page), "#language=zh");
    }
    assert.deepEqual(problems, []);  // no console error: a refused link is expected input
    await context.close();
  }
});

test("a link of the first version (v1. + base64url of JSON) still opens, and the address becomes readable", async () => {
  const v1 = { version: 1, language: "en", lab: { data: { kind: "moons", seed: 42 },
                                                  runs: [{ lr: { lr: 0.05 }, model: { hidden: [{ units: 6, activation: "relu", dropout: 0 }] } }] } };
  const { page, context, problems } = await open("#v1." + Buffer.from(JSON.stringify(v1)).toString("base64url"));
  assert.equal((await call(page, { cmd: "session.status" })).notice, "");
  const document = await call(page, { cmd: "session.get" });
  assert.equal(document.language, "en");
  assert.equal(document.lab.data.kind, "moons");
  assert.equal(document.lab.runs[0].lr.lr, 0.05);
  assert.deepEqual(document.lab.runs[0].model.hidden, v1.lab.runs[0].model.hidden);
  assert.equal(await settledHash(page), "#language=en&data.kind=moons&data.seed=42&layers=1&units=6&lr=0.05");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a saved session that cannot be restored is kept aside, the page says so with the reason, and nothing is lost", async () => {
  const { page, context, problems } = await open();
  await call(page, SETTINGS);
  await settledHash(page);
  // As an older version might have left it: cut short mid-write.
  const broken = (await page.evaluate(() => localStorage.getItem("tunelab.session"))).slice(0, 120);
  await page.evaluate((text) => localStorage.setItem("tunelab.session", text), broken);
  await page.goto(shared.server.url);
  await waitUntilReady(page);
  await waitForFrames(page, 5);
  const status = await call(page, { cmd: "session.status" });
  assert.match(status.notice, /saved session could not be restored/);
  assert.equal(status.notice_shown, true, "the notice is not on screen");
  // The popup's lines, in Chinese: why, and where the refused session is kept.
  assert.equal(status.notice_lines.length, 2, JSON.stringify(status.notice_lines));
  assert.match(status.notice_lines[0], /^session: 不是有效的 JSON：/);
  assert.equal(status.notice_lines[1], "session: 它已另存在此浏览器的存储中，名为 tunelab.session.bad");
  await screenshot(page, "share-kept-aside-zh.png");
  // The refused text is kept as it was; the defaults are saved under the usual key beside it.
  assert.equal(await page.evaluate(() => localStorage.getItem("tunelab.session.bad")), broken);
  assert.equal((await call(page, { cmd: "session.get" })).lab.data.kind, (await defaultDocument()).lab.data.kind);
  await waitForFrames(page, 20);
  assert.notEqual(await page.evaluate(() => localStorage.getItem("tunelab.session")), broken);
  // The learner closes the notice with its button; a later visit restores the new session and
  // leaves the kept one alone.
  await clickControl(page, "session.notice_ok");
  await waitForFrames(page, 2);
  assert.equal((await call(page, { cmd: "session.status" })).notice_shown, false);
  await page.goto(shared.server.url);
  await waitUntilReady(page);
  assert.equal((await call(page, { cmd: "session.status" })).notice, "");
  assert.equal(await page.evaluate(() => localStorage.getItem("tunelab.session.bad")), broken);
  assert.deepEqual(problems, []);
  await context.close();
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
