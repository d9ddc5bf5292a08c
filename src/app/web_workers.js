// The page's pool of Web Workers (linked before tunelab.js's runtime; driven from C++ by
// app/web_trial_pool.cpp). Each worker runs tunelab-worker.js: the training core alone. Trials wait
// here in order; a worker gets at most two at a time (the second waits in its own message queue, so
// it starts the moment the first ends, with no frame in between). Messages are plain strings, and an
// objective's spec (which holds the data set) a copy of its UTF-8 bytes, so nothing needs
// SharedArrayBuffer or cross-origin isolation: any static host serves the page.
// A worker's error (a trap such as running out of memory) fails its running trial with the reason,
// and a new worker takes its place and its waiting trials.
Module["tunelabWorkers"] = (function () {
  var kPerWorker = 2;
  // objectives: each objective's message ({objective: key, spec: its JSON's bytes}) by its key, sent to
  // a worker before its first trial.
  var pool = { size: 0, workers: [], queue: [], events: [], objectives: new Map(), nextId: 0 };

  function spawn() {
    var w = { id: pool.nextId++, worker: new Worker("tunelab-worker.js"), jobs: [], sent: new Set(), retiring: false };
    w.worker.onmessage = function (event) { received(w, event.data); };
    w.worker.onerror = function (event) {
      event.preventDefault();
      died(w, event.message || "the worker stopped");
    };
    pool.workers.push(w);
  }

  function remove(w) {
    w.worker.terminate();
    pool.workers = pool.workers.filter(function (other) { return other !== w; });
  }

  function received(w, data) {
    if (typeof data !== "string") {  // progress: {ticket, epochs}
      pool.events.push('{"ticket":' + data.ticket + ',"worker":' + w.id + ',"epochs":' + data.epochs + "}");
      return;
    }
    pool.events.push('{"worker":' + w.id + ',"result":' + data + "}");
    // The answer names its trial (a refused objective answers with ticket -1 and ends no trial).
    var ticket = JSON.parse(data).ticket;
    w.jobs = w.jobs.filter(function (job) { return job.ticket !== ticket; });
    if (w.jobs.length > 0) started(w, w.jobs[0]);
    if (w.retiring && w.jobs.length === 0) remove(w);
    dispatch();
  }

  // A trial begins training on `w` (its first message in the worker's queue): the page shows it at
  // once, not only after its first epoch (a fast trial's progress arrives with its end).
  function started(w, job) {
    pool.events.push('{"ticket":' + job.ticket + ',"worker":' + w.id + ',"epochs":0}');
  }

  function died(w, reason) {
    remove(w);
    var running = w.jobs.shift();
    if (running) pool.events.push(JSON.stringify({ ticket: running.ticket, worker: w.id, error: "the worker stopped: " + reason }));
    pool.queue = w.jobs.concat(pool.queue);  // its waiting trials go first, to the next free worker
    if (!w.retiring) top_up();
    dispatch();
  }

  function top_up() {
    var live = pool.workers.filter(function (w) { return !w.retiring; }).length;
    for (; live < pool.size; ++live) spawn();
  }

  function dispatch() {
    while (pool.queue.length > 0) {
      var best = null;
      pool.workers.forEach(function (w) {
        if (!w.retiring && w.jobs.length < kPerWorker && (!best || w.jobs.length < best.jobs.length)) best = w;
      });
      if (!best) return;
      var job = pool.queue.shift();
      if (!best.sent.has(job.key)) {
        // The worker's own copy of the spec, moved to it: a transfer costs nothing, a serialization
        // of the data set's bytes cost milliseconds of the page's thread.
        var objective = pool.objectives.get(job.key), spec = objective.spec.slice();
        best.worker.postMessage({ objective: objective.objective, spec: spec }, [spec.buffer]);
        best.sent.add(job.key);
      }
      best.worker.postMessage(job.text);
      best.jobs.push(job);
      if (best.jobs.length === 1) started(best, job);
    }
  }

  return {
    available: function () { return typeof Worker === "function"; },
    cores: function () { return (typeof navigator !== "undefined" && navigator.hardwareConcurrency) || 1; },
    resize: function (size) {
      pool.size = size;
      var live = pool.workers.filter(function (w) { return !w.retiring; });
      // Over the size: idle workers leave now, busy ones once their trials are done.
      live.sort(function (a, b) { return a.jobs.length - b.jobs.length; });
      for (var i = size; i < live.length; ++i) {
        live[i].retiring = true;
        if (live[i].jobs.length === 0) remove(live[i]);
      }
      top_up();
      dispatch();
    },
    define: function (key, spec) { pool.objectives.set(key, { objective: key, spec: spec }); },
    forget: function (key) {
      pool.objectives.delete(key);
      pool.workers.forEach(function (w) {
        if (w.sent.delete(key)) w.worker.postMessage(JSON.stringify({ objective: key, forget: true }));
      });
    },
    submit: function (ticket, key, text) {
      pool.queue.push({ ticket: ticket, key: key, text: text });
      dispatch();
    },
    drop: function () {
      var dropped = pool.queue.map(function (job) { return job.ticket; });
      pool.queue = [];
      return JSON.stringify(dropped);
    },
    poll: function () {
      var out = "[" + pool.events.join(",") + "]";
      pool.events = [];
      return out;
    },
  };
})();
