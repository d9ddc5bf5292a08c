// Glue of the Web Worker (linked after tunelab-worker.js's runtime): the page's messages, queued
// until the wasm module is ready, go to tunelab_worker_handle; its answers go back to the page.
// A trap (out of memory, the test hook's fault) is not caught: the page hears the worker's error
// event, fails that trial and starts a new worker.
var tunelabPending = [];
var tunelabReady = false;

// A message is JSON text, or an objective's definition whose spec comes as its UTF-8 bytes (the page
// never decodes the data set): written into the heap as the JSON text {"objective": key, "spec": …}.
function tunelabMessageInHeap(message) {
  if (typeof message === "string") return allocateUTF8(message);
  var encoder = new TextEncoder();
  var head = encoder.encode('{"objective":' + JSON.stringify(message.objective) + ',"spec":');
  var size = head.length + message.spec.length + 2;  // "}" and the terminating zero
  var pointer = _malloc(size);
  HEAPU8.set(head, pointer);
  HEAPU8.set(message.spec, pointer + head.length);
  HEAPU8[pointer + size - 2] = 125;  // "}"
  HEAPU8[pointer + size - 1] = 0;
  return pointer;
}

function tunelabHandle(message) {
  var pointer = tunelabMessageInHeap(message);
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
