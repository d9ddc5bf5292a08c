// Glue of the Web Worker (linked after tunelab-worker.js's runtime): the page's messages, queued
// until the wasm module is ready, go to tunelab_worker_handle; its answers go back to the page.
// A trap (out of memory, the test hook's fault) is not caught: the page hears the worker's error
// event, fails that trial and starts a new worker.
var tunelabPending = [];
var tunelabReady = false;

function tunelabHandle(text) {
  var pointer = allocateUTF8(text);
  try {
    var answer = UTF8ToString(Module["_tunelab_worker_handle"](pointer));
    if (answer) postMessage(answer);
  } finally {
    _free(pointer);
  }
}

Module["onRuntimeInitialized"] = function () {
  tunelabReady = true;
  tunelabPending.forEach(tunelabHandle);
  tunelabPending = [];
};

self.onmessage = function (event) {
  if (tunelabReady) tunelabHandle(event.data);
  else tunelabPending.push(event.data);
};
