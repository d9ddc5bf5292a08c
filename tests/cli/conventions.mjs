// tunelab-cli as a Unix tool (issue #16, items 8-10), run by ctest (tests/cli/conventions.cmake):
//   node conventions.mjs CLI DATA_DIR
// CLI is the command, words separated by '|'; DATA_DIR the bundled sets.
// Every run happens in a scratch folder, away from the repository, as a learner's would.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [cli, dataDir] = process.argv.slice(2);
const scratch = mkdtempSync(join(tmpdir(), 'tunelab-cli-'));
let failures = 0;
const check = (ok, what, r) => {
  if (ok) return;
  failures++;
  console.error(`FAIL: ${what}` + (r ? `\n  exit ${r.status}\n  stdout: ${r.stdout.slice(0, 400)}\n  stderr: ${r.stderr.slice(0, 400)}` : ''));
};
function run(...args) {
  const [command, ...prefix] = cli.split('|');
  const r = spawnSync(command, [...prefix, ...args], { encoding: 'utf8', cwd: scratch });
  if (r.error) throw r.error;
  return r;
}
const file = (name) => join(scratch, name);

// 9. Help on stdout, exit 0, for every command and both spellings; the version.
for (const command of [[], ['train'], ['study'], ['export']])
  for (const help of ['-h', '--help']) {
    const r = run(...command, help);
    check(r.status === 0 && /usage: tunelab-cli/.test(r.stdout) && r.stderr === '', `${command.join(' ')} ${help}`, r);
  }
{
  const r = run('--version');
  check(r.status === 0 && /^tunelab-cli \d+\.\d+\.\d+\n$/.test(r.stdout), '--version', r);
}

// 9. --opt=value means --opt value.
{
  const spaced = run('study', '--objective', 'branin', '--sampler', 'random', '--trials', '4', '--json');
  const inline = run('study', '--objective=branin', '--sampler=random', '--trials=4', '--json');
  check(spaced.status === 0 && spaced.stdout === inline.stdout, 'study --trials=4 is --trials 4', inline);
  const train = run('train', '--dataset=moons', '--epochs=2', '--json');
  check(train.status === 0 && JSON.parse(train.stdout).settings.epochs === 2, 'train --epochs=2', train);
}

// 9. --data-dir on study: a bundled set from outside the repository.
{
  const without = run('study', '--objective', 'mlp:iris', '--sampler', 'random', '--trials', '1');
  check(without.status === 2 && /cannot read .*iris\.csv/.test(without.stderr), 'study mlp:iris away from the repo says what it cannot read', without);
  const r = run('study', '--objective', 'mlp:iris', '--sampler', 'random', '--trials', '1', `--data-dir=${dataDir}`);
  check(r.status === 0 && /best: trial 0/.test(r.stdout), 'study --data-dir', r);
}

// 9. One "epochs" column in the study CSV even when epochs is tuned; --trials-csv, and the old --csv
// still works with a note.
writeFileSync(file('space.json'), JSON.stringify([
  { name: 'lr', type: 'float', low: 0.001, high: 0.3, log: true },
  { name: 'epochs', type: 'int', low: 1, high: 3, log: false },
]));
{
  const r = run('study', '--objective', 'mlp:iris:error', '--sampler', 'grid', '--trials', '4', '--data-dir', dataDir,
                '--space', 'space.json', '--trials-csv', 'trials.csv', '--save', 'iris-study.json');
  check(r.status === 0, 'study with a tuned epochs', r);
  const header = readFileSync(file('trials.csv'), 'utf8').split('\n')[0].split(',');
  check(header.filter((h) => h === 'epochs').length === 1 && header.includes('epochs_trained'),
        `one epochs column and epochs_trained: ${header}`);
  const old = run('study', '--objective', 'branin', '--sampler', 'random', '--trials', '2', '--csv', 'old.csv');
  check(old.status === 0 && existsSync(file('old.csv')) && /--csv is now --trials-csv/.test(old.stderr), 'study --csv still works, with a note', old);
}

// 8. --resume refuses a study of another objective, with the reason; the same objective resumes.
{
  run('study', '--objective', 'branin', '--sampler', 'random', '--trials', '3', '--save', 'branin.json');
  const other = run('study', '--objective', 'rosenbrock', '--sampler', 'random', '--trials', '5', '--resume', 'branin.json');
  check(other.status === 2 && /ran the objective "branin", not "rosenbrock"/.test(other.stderr) &&
        /--objective branin/.test(other.stderr), 'resume refuses another objective', other);
  const same = run('study', '--objective', 'branin', '--sampler', 'random', '--trials', '5', '--resume', 'branin.json', '--json');
  check(same.status === 0 && JSON.parse(same.stdout).trials.length === 5, 'resume continues the same objective', same);
}

// 10. export: the script, CSV and JSON from a saved study; a test function has no script, and says why.
{
  const r = run('export', '--from', 'iris-study.json', '--data-dir', dataDir, '--python', 'iris.py', '--csv', 'iris.csv', '--json', 'iris-trials.json');
  check(r.status === 0, 'export from a study', r);
  const script = readFileSync(file('iris.py'), 'utf8');
  check(script.includes('"kind": "iris",') && script.includes('"score": "validation_accuracy",') &&
        script.includes('"sampler": "grid",') && script.includes('p["epochs"] = trial.suggest_int("epochs", 1, 3)'),
        'the exported script reproduces the study (data set, score, sampler, space)');
  check(readFileSync(file('iris.csv'), 'utf8').startsWith('number,status,value,lr,epochs,epochs_trained'), 'export --csv');
  check(JSON.parse(readFileSync(file('iris-trials.json'), 'utf8'))[0].study.trials.length === 4, 'export --json');
  const toy = run('export', '--from', 'branin.json');
  check(toy.status === 2 && /test function 'branin', not a network/.test(toy.stderr), 'export refuses a script for branin', toy);
  const toyCsv = run('export', '--from', 'branin.json', '--csv', '-');
  check(toyCsv.status === 0 && toyCsv.stdout.split('\n').length === 5, 'export --csv - of a branin study', toyCsv);
}

// 10. export from a session (the app's session.json): the lab's settings; its CSV data set beside the script.
{
  writeFileSync(file('session.json'), JSON.stringify({
    version: 1, lab: { data: { kind: 'csv', csv_text: 'a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n', target_column: 'label' },
                       runs: [{ epochs: 7, lr: { lr: 0.05 } }, {}] } }));
  const r = run('export', '--from', 'session.json', '--python', 'mine.py');
  check(r.status === 0, 'export from a session', r);
  const script = readFileSync(file('mine.py'), 'utf8');
  check(script.includes('"epochs": 7,') && script.includes('"csv_file": "mine.csv",'), 'the session\'s settings and data file in the script');
  check(readFileSync(file('mine.csv'), 'utf8').startsWith('a,b,label\n'), 'the session\'s CSV data written beside the script');
  const bad = run('export', '--from', 'space.json');
  check(bad.status === 2 && /neither a saved study/.test(bad.stderr), 'export names what it cannot read', bad);
}

// 11. A learner's CSV from the command line: missing values refused with their count, dropped on
// request; what the loader recognized is printed.
{
  writeFileSync(file('gaps.csv'), '\uFEFF;a;b;label\n0;1;2;x\n1;;4;y\n2;5;6;x\n3;7;NA;y\n4;1;1;x\n5;2;2;y\n');
  const refused = run('train', '--csv', 'gaps.csv', '--target', 'label', '--epochs', '1');
  check(refused.status === 2 && /line 3, column 2: a missing value in column 'a'; 2 rows have one/.test(refused.stderr) &&
        /--drop-missing/.test(refused.stderr), 'train refuses missing values with their count', refused);
  const dropped = run('train', '--csv', 'gaps.csv', '--target', 'label', '--epochs', '1', '--batch', '2', '--val-split', '0.25', '--drop-missing', '--json');
  check(dropped.status === 0, 'train --drop-missing', dropped);
  if (dropped.status === 0) {
    const data = JSON.parse(dropped.stdout).data;
    check(data.inputs === 2 && data.train_size + data.validation_size === 4 &&
          data.notes.join('|') === 'cells separated by semicolons|a UTF-8 byte-order mark skipped|' +
          'the unnamed first column (row numbers 0, 1, 2, … as pandas writes them) left out|2 rows with missing values left out',
          `train --drop-missing reads 4 rows of 2 features and says why: ${JSON.stringify(data)}`);
  }
}

// 11. Decimal commas: refused with the flag that reads them; read with it, and said so.
{
  writeFileSync(file('commas.csv'), 'a;b;label\n1,5;2;x\n2,5;3;y\n3,5;1;x\n4,5;0;y\n');
  const refused = run('train', '--csv', 'commas.csv', '--target', 'label', '--epochs', '1');
  check(refused.status === 2 && /'1,5' has a decimal comma/.test(refused.stderr) && /--decimal-comma/.test(refused.stderr),
        'train refuses decimal commas, naming --decimal-comma', refused);
  const read = run('train', '--csv', 'commas.csv', '--target', 'label', '--epochs', '1', '--batch', '2', '--val-split', '0.5',
                   '--decimal-comma', '--json');
  check(read.status === 0 && JSON.parse(read.stdout).data.notes.includes('numbers with a decimal comma (3,14) read as 3.14'),
        'train --decimal-comma reads them and says so', read);
  writeFileSync(file('commas-session.json'), JSON.stringify({
    version: 1, lab: { data: { kind: 'csv', csv_text: readFileSync(file('commas.csv'), 'utf8'), target_column: 'label',
                               decimal_comma: true }, runs: [{ epochs: 2 }, {}] } }));
  const exported = run('export', '--from', 'commas-session.json', '--python', 'commas.py');
  check(exported.status === 0 && readFileSync(file('commas.py'), 'utf8').includes('"decimal_comma": True,'),
        'the exported script reads decimal commas too', exported);
}

if (failures) {
  console.error(`${failures} check(s) failed (scratch folder ${scratch})`);
  process.exit(1);
}
console.log('tunelab-cli conventions: all checks passed');
