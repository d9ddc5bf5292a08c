// The TensorFlow.js side of tools/bench-train: workloads A1 and A2 with tfjs-layers on the wasm
// backend (its SIMD build, the one a browser would pick), under node, offline: the .wasm files come
// from node_modules. Prints one JSON line per workload:
//   {"workload":"A1","samples_per_second":…,"train_loss":…,"validation_accuracy":…,"epochs":…}
//
// usage: node tfjs.mjs DIGITS_CSV [A1_EPOCHS] [A2_EPOCHS]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

const require = createRequire(import.meta.url);
const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '/');
setWasmPaths(wasmDir);

const [digitsCsv, a1EpochsArg, a2EpochsArg] = process.argv.slice(2);
if (!digitsCsv) {
  console.error('usage: node tfjs.mjs DIGITS_CSV [A1_EPOCHS] [A2_EPOCHS]');
  process.exit(2);
}

// A seeded generator so the workloads are the same every run (mulberry32).
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function gaussian(random) {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

// The same spiral as TuneLab's generator: two arms turning 1.75 times, ±5, noise 0.05.
function spiral(size, random) {
  const x = [], y = [];
  for (let i = 0; i < size; ++i) {
    const label = i % 2, t = Math.floor(i / 2) / (size / 2);
    const angle = 1.75 * 2 * Math.PI * t + label * Math.PI;
    x.push([5 * (t * Math.sin(angle) + 0.05 * gaussian(random)),
            5 * (t * Math.cos(angle) + 0.05 * gaussian(random))]);
    y.push(label);
  }
  return { x, y };
}

// Stratified split: `ratio` of each class to validation.
function split(x, y, classes, ratio, random) {
  const train = { x: [], y: [] }, validation = { x: [], y: [] };
  for (let c = 0; c < classes; ++c) {
    const members = y.map((v, i) => (v === c ? i : -1)).filter((i) => i >= 0);
    for (let i = members.length - 1; i > 0; --i) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j], members[i]];
    }
    const held = Math.round(ratio * members.length);
    members.forEach((index, k) => {
      const part = k < held ? validation : train;
      part.x.push(x[index]);
      part.y.push(y[index]);
    });
  }
  return { train, validation };
}

async function run(name, { train, validation }, makeModel, optimizer, loss, batchSize, epochs, oneHot) {
  const model = makeModel();
  model.compile({ optimizer, loss, metrics: ['accuracy'] });
  const target = (labels) => (oneHot ? tf.oneHot(tf.tensor1d(labels, 'int32'), oneHot) : tf.tensor2d(labels, [labels.length, 1]));
  const xs = tf.tensor2d(train.x), ys = target(train.y);
  const vx = tf.tensor2d(validation.x), vy = target(validation.y);
  // One warm-up epoch compiles kernels; it is not timed.
  await model.fit(xs, ys, { batchSize, epochs: 1, shuffle: true, validationData: [vx, vy], verbose: 0 });
  const start = performance.now();
  const history = await model.fit(xs, ys, { batchSize, epochs, shuffle: true, validationData: [vx, vy], verbose: 0 });
  const seconds = (performance.now() - start) / 1000;
  const last = (key) => history.history[key][history.history[key].length - 1];
  console.log(JSON.stringify({
    workload: name,
    samples_per_second: (train.x.length * epochs) / seconds,
    train_loss: last('loss'),
    validation_accuracy: last('val_acc') ?? last('val_accuracy'),
    epochs,
    seconds,
  }));
}

await tf.setBackend('wasm');
await tf.ready();
const random = rng(1);

// A1: spiral, 500 points (250 train), 2-8-8-1 tanh, sigmoid + binary cross-entropy, SGD 0.03, batch 10.
{
  const data = spiral(500, random);
  await run('A1', split(data.x, data.y, 2, 0.5, random), () => {
    const m = tfl.sequential();
    m.add(tfl.layers.dense({ inputShape: [2], units: 8, activation: 'tanh' }));
    m.add(tfl.layers.dense({ units: 8, activation: 'tanh' }));
    m.add(tfl.layers.dense({ units: 1, activation: 'sigmoid' }));
    return m;
  }, tf.train.sgd(0.03), 'binaryCrossentropy', 10, Number(a1EpochsArg ?? 20), 0);
}

// A2: digits scaled to [0, 1], 80/20 stratified, 64-128-64-10 ReLU, softmax, Adam 1e-3, batch 32.
{
  const lines = readFileSync(digitsCsv, 'utf8').trim().split('\n').slice(1);
  const x = [], y = [];
  for (const line of lines) {
    const cells = line.split(',').map(Number);
    y.push(cells.pop());
    x.push(cells.map((v) => v / 16));
  }
  await run('A2', split(x, y, 10, 0.2, random), () => {
    const m = tfl.sequential();
    m.add(tfl.layers.dense({ inputShape: [64], units: 128, activation: 'relu' }));
    m.add(tfl.layers.dense({ units: 64, activation: 'relu' }));
    m.add(tfl.layers.dense({ units: 10, activation: 'softmax' }));
    return m;
  }, tf.train.adam(1e-3), 'categoricalCrossentropy', 32, Number(a2EpochsArg ?? 20), 10);
}
