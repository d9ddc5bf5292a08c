// Checks of `tunelab-cli study` run by ctest (tests/cli/study.cmake), natively and in the web build.
//   node study_checks.mjs bad-args CLI           bad arguments exit 2 with a message
//   node study_checks.mjs same-seed CLI          the same seed prints the same JSON twice
//   node study_checks.mjs same-trials CLI_A CLI_B DATA_DIR   both CLIs (native and node) give the same trials
//   node study_checks.mjs parallel CLI DATA_DIR  --jobs: Hyperband's trials as one at a time, ASHA's fixed by --sync
//   node study_checks.mjs objectives CLI DATA_DIR   a study of error and FLOPs: its front, save and resume
// CLI is the command as one string, words separated by '|' (e.g. "node|build/web/src/cli/tunelab-cli.js").
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [check, ...clis] = process.argv.slice(2);
let failures = 0;
const fail = (what) => { console.error(`FAIL: ${what}`); failures++; };

function run(cli, args) {
  const [command, ...prefix] = cli.split('|');
  const r = spawnSync(command, [...prefix, 'study', ...args], { encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

function json(cli, args) {
  const r = run(cli, [...args, '--json']);
  if (r.status !== 0) throw new Error(`${cli} study ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { text: r.stdout, value: JSON.parse(r.stdout) };
}

// Numbers may differ in the last bits where the two libms do (cos, exp, log); everything else must
// be identical.
function same(a, b, path) {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Math.abs(a - b) > 1e-12 * Math.max(1, Math.abs(a), Math.abs(b))) fail(`${path}: ${a} != ${b}`);
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a), kb = Object.keys(b);
    if (ka.join() !== kb.join()) return fail(`${path}: keys ${ka} != ${kb}`);
    for (const k of ka) same(a[k], b[k], `${path}.${k}`);
  } else if (a !== b) {
    fail(`${path}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tunelab-study-'));
const spaceFile = join(dir, 'space.json');

if (check === 'bad-args') {
  writeFileSync(spaceFile, JSON.stringify([{ name: 'lr', type: 'float', low: 0.1, high: 0.01, log: true },
                                           { name: 'x2', type: 'float', low: 0, high: 1 }]));
  const cases = [
    [['--objective', 'branin', '--sampler', 'simulated-annealing'], /unknown sampler/],
    [['--objective', 'branin', '--sampler', 'random', '--trials', '0'], /--trials/],
    [['--objective', 'branin', '--sampler', 'random', '--trials', 'many'], /--trials needs a number/],
    [['--sampler', 'random'], /--objective is required/],
    [['--objective', 'himmelblau', '--sampler', 'random'], /unknown objective/],
    [['--objective', 'branin', '--sampler', 'bayes', '--acq', 'thompson'], /--acq/],
    [['--objective', 'branin', '--sampler', 'cmaes', '--cmaes', 'diagonal'], /--cmaes is full or sep/],
    [['--objective', 'branin', '--sampler', 'random', '--frobnicate'], /unknown option/],
    [['--objective', 'branin', '--sampler', 'random', '--space', spaceFile], /'lr'/],
    [['--objective', 'branin', '--sampler', 'random', '--space', join(dir, 'missing.json')], /cannot read/],
    [['--objective', 'mlp:moons', '--sampler', 'random', '--objectives', 'error,latency'], /unknown objective 'latency' \(error, loss/],
    [['--objective', 'mlp:moons', '--sampler', 'random', '--objectives', 'flops,error'], /starts with the score/],
    [['--objective', 'mlp:moons:error', '--sampler', 'random', '--objectives', 'loss,flops'], /scores the validation error/],
    [['--objective', 'branin', '--sampler', 'random', '--objectives', 'value,flops'], /costs nothing to evaluate/],
    [['--objective', 'branin', '--sampler', 'parego'], /parego trades several objectives off/],
  ];
  for (const [args, message] of cases) {
    const r = run(clis[0], args);
    if (r.status !== 2) fail(`${args.join(' ')}: exit ${r.status}, expected 2`);
    if (!message.test(r.stderr)) fail(`${args.join(' ')}: stderr ${JSON.stringify(r.stderr)} lacks ${message}`);
  }
} else if (check === 'same-seed') {
  for (const sampler of ['bayes', 'tpe', 'cmaes', 'grid']) {
    const args = ['--objective', 'branin', '--sampler', sampler, '--trials', '14', '--seed', '3'];
    const a = json(clis[0], args), b = json(clis[0], args);
    if (a.text !== b.text) fail(`${sampler}: two runs with seed 3 differ`);
    const c = json(clis[0], [...args.slice(0, -1), '4']);
    if (sampler !== 'grid' && a.text === c.text) fail(`${sampler}: seeds 3 and 4 gave the same trials`);
    const v = a.value;
    if (v.trials.length !== 14) fail(`${sampler}: ${v.trials.length} trials, expected 14`);
    for (const t of v.trials)
      if (Object.keys(t).join() !== 'number,params,value,status,source') fail(`${sampler}: trial keys ${Object.keys(t)}`);
    const best = Math.min(...v.trials.map((t) => t.value));
    if (v.best_value !== best) fail(`${sampler}: best_value ${v.best_value} is not the minimum ${best}`);
    if (typeof v.best_params.x1 !== 'number') fail(`${sampler}: best_params ${JSON.stringify(v.best_params)}`);
  }
} else if (check === 'same-trials') {
  // A log-scaled axis exercises exp/log in the decoding as well.
  writeFileSync(spaceFile, JSON.stringify([{ name: 'x1', type: 'float', low: -5, high: 10 },
                                           { name: 'x2', type: 'float', low: 0.5, high: 15, log: true }]));
  for (const sampler of ['grid', 'random', 'sobol', 'cmaes'])
    for (const extra of [['--objective', 'branin'], ['--objective', 'branin', '--space', spaceFile],
                         ['--objective', 'hartmann6']]) {
      const args = [...extra, '--sampler', sampler, '--trials', '30', '--seed', '11'];
      same(json(clis[0], args).value, json(clis[1], args).value, `${sampler} ${extra.join(' ')}`);
    }
  // ParEGO's proposals (a GP on scalarized error and FLOPs of a trained network) and MOTPE's are the same too.
  writeFileSync(spaceFile, JSON.stringify([{ name: 'lr', type: 'float', low: 0.003, high: 1, log: true },
                                           { name: 'units', type: 'int', low: 2, high: 32, log: true },
                                           { name: 'epochs', type: 'int', low: 2, high: 12 }]));
  for (const sampler of ['parego', 'tpe']) {
    const args = ['--objective', 'mlp:moons', '--objectives', 'error,flops', '--sampler', sampler, '--space', spaceFile,
                  '--trials', '14', '--seed', '2', '--data-dir', clis[2]];
    same(json(clis[0], args).value, json(clis[1], args).value, `${sampler} mlp:moons error,flops`);
  }
} else if (check === 'parallel') {
  const mlp = ['--objective', 'mlp:digits', '--data-dir', clis[1], '--trials', '12', '--seed', '3'];
  // Synchronous Hyperband waits for each rung to be in: with 3 workers it runs the very same trials.
  const one = json(clis[0], [...mlp, '--sampler', 'hyperband']);
  const three = json(clis[0], [...mlp, '--sampler', 'hyperband', '--jobs', '3']);
  if (one.text !== three.text) fail('hyperband: --jobs 3 gave other trials than one at a time');
  const a = json(clis[0], [...mlp, '--sampler', 'asha', '--jobs', '2', '--sync']);
  const b = json(clis[0], [...mlp, '--sampler', 'asha', '--jobs', '2', '--sync']);
  if (a.text !== b.text) fail('asha --jobs 2 --sync: two runs differ');
  const statuses = a.value.trials.map((t) => t.status);
  if (a.value.trials.length !== 12) fail(`asha: ${a.value.trials.length} trials, expected 12`);
  if (!statuses.includes('pruned') || !statuses.includes('complete'))
    fail(`asha: expected trials stopped early and trials promoted to the end, got ${statuses.join(' ')}`);
} else if (check === 'objectives') {
  // Error against training cost on the moons, with a space whose trials cost different amounts.
  writeFileSync(spaceFile, JSON.stringify([{ name: 'lr', type: 'float', low: 0.003, high: 1, log: true },
                                           { name: 'units', type: 'int', low: 2, high: 32, log: true },
                                           { name: 'epochs', type: 'int', low: 2, high: 12 }]));
  const saved = join(dir, 'front.json');
  const base = ['--objective', 'mlp:moons', '--objectives', 'error,flops', '--sampler', 'parego', '--space', spaceFile,
                '--seed', '2', '--data-dir', clis[1]];
  const first = run(clis[0], [...base, '--trials', '12', '--save', saved]);
  if (first.status !== 0) fail(`parego on error,flops exited ${first.status}: ${first.stderr}`);
  if (!/pareto front \(error vs FLOPs\), cheapest first:/.test(first.stdout)) fail(`no front printed: ${first.stdout}`);
  if (!/hypervolume 0\.\d+: the share of the box error 0 to 1/.test(first.stdout)) fail(`no hypervolume printed: ${first.stdout}`);
  const v = json(clis[0], [...base, '--trials', '16']).value;
  same(v.objectives, ['error', 'flops'], 'objectives');
  same(v.directions, ['minimize', 'minimize'], 'directions');
  const done = v.trials.filter((t) => t.status === 'complete');
  if (done.length < 14 || done.some((t) => !(t.flops > 0))) fail('complete trials with their FLOPs expected');
  if (v.trials.filter((t) => t.source === 'parego').length < 4) fail('ParEGO proposed no trial of its own after its start');
  // The front, checked against its definition: a complete trial is on it exactly when no other is at
  // least as good on both objectives and better on one.
  const dominated = (a) => done.some((b) => b.value <= a.value && b.flops <= a.flops && (b.value < a.value || b.flops < a.flops));
  same([...v.pareto_front].sort((a, b) => a - b), done.filter((t) => !dominated(t)).map((t) => t.number), 'pareto_front');
  const costs = v.pareto_front.map((n) => v.trials[n].flops);
  if (costs.some((c, i) => i > 0 && c < costs[i - 1])) fail(`front not cheapest first: ${costs}`);
  const curve = v.hypervolume_curve;
  if (curve.length !== 16 || curve.some((h, i) => h < (i ? curve[i - 1] : 0) || h > 1) || !(curve[15] > 0.5))
    fail(`hypervolume curve ${curve}: one value per trial, never falling, within (0.5, 1] at the end`);
  if (v.hypervolume !== curve[15]) fail(`hypervolume ${v.hypervolume} is not the curve's last value`);
  // The saved study keeps both objectives and, resumed to 16 trials, gives the trials of one run of 16.
  const resumed = json(clis[0], [...base, '--trials', '16', '--resume', saved]).value;
  same(resumed.trials, v.trials, 'resumed trials');
  const single = run(clis[0], [...base.filter((a) => a !== 'error,flops' && a !== '--objectives'), '--sampler', 'random',
                               '--objectives', 'error', '--trials', '14', '--resume', saved]);
  if (single.status !== 2 || !/this study has 2 objective\(s\), not those of --objectives error/.test(single.stderr))
    fail(`resuming a two-objective study as one objective: exit ${single.status}, ${single.stderr}`);
} else {
  console.error(`unknown check '${check}'`);
  process.exit(2);
}
if (failures) process.exit(1);
console.log(`${check}: ok`);
