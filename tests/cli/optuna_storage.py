#!/usr/bin/env python3
"""TuneLab and Optuna's storages, both ways, with Debian's python3-optuna (and python3-torch):

1. `tunelab-cli study --optuna-storage` writes a study into SQLite and into a journal file; Optuna
   reads back every trial with TuneLab's parameters, values, states and per-epoch values; a study of
   two objectives reads back with both, and Optuna's best trials are TuneLab's Pareto front.
2. A name already in the storage is refused and nothing is added; `export --from` writes a saved study.
3. Three worker processes of an exported PyTorch + Optuna script share one SQLite storage: every
   trial finishes, none is lost, trial numbers are 0..N-1 and no two workers repeat parameters.

Usage: optuna_storage.py TUNELAB_CLI WORK_DIR. Exit 77 (ctest: skipped) without optuna or torch."""
import json
import math
import os
import shutil
import subprocess
import sys

WORKERS, TRIALS_EACH = 3, 2


def run(*args, expect=0, **kw):
    done = subprocess.run(list(args), capture_output=True, text=True, timeout=600, **kw)
    if done.returncode != expect:
        raise SystemExit("%s exited %d, expected %d:\n%s%s" % (" ".join(args), done.returncode, expect, done.stdout, done.stderr))
    return done.stdout + done.stderr


def check(condition, what):
    if not condition:
        raise SystemExit("FAILED: " + what)
    print("ok: " + what)


def same_trials(saved, study):
    """Every finished TuneLab trial is in the Optuna study with the same parameters, value and state."""
    states = {"complete": "COMPLETE", "pruned": "PRUNED", "failed": "FAIL", "diverged": "FAIL"}
    by_number = {t.user_attrs["tunelab_number"]: t for t in study.trials}
    for t in saved["trials"]:
        got = by_number.get(t["number"])
        if got is None or got.state.name != states[t["status"]]:
            return False
        if set(got.params) != set(t["params"]):
            return False
        for name, value in t["params"].items():
            if isinstance(value, str) and got.params[name] != value:
                return False
            if not isinstance(value, str) and not math.isclose(got.params[name], value, rel_tol=1e-12):
                return False
        if t["value"] is not None and not math.isclose(got.value, t["value"], rel_tol=1e-12):
            return False
        if [got.intermediate_values[k] for k in sorted(got.intermediate_values)] != [v for v in t["intermediate"] if v is not None]:
            return False
    return len(study.trials) == len([t for t in saved["trials"] if t["status"] in states])


def main():
    try:
        import optuna
        import torch  # noqa: F401  (the exported script trains with it)
    except ImportError as missing:
        print("SKIPPED: needs Debian's python3-optuna and python3-torch (%s); tools/tunelab setup installs them" % missing)
        return 77
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    import warnings
    warnings.simplefilter("ignore", optuna.exceptions.ExperimentalWarning)
    cli, work = sys.argv[1], sys.argv[2]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    env = dict(os.environ, TUNELAB_PYTHON=sys.executable, OMP_NUM_THREADS="1")
    sqlite = "sqlite:///" + os.path.join(work, "race.db")
    journal = os.path.join(work, "race.journal")

    # 1. TuneLab -> Optuna: a random study into SQLite, a Hyperband study (pruned trials) into a journal.
    run(cli, "study", "--objective", "branin", "--sampler", "random", "--trials", "8", "--save", work + "/random.json",
        "--optuna-storage", sqlite, env=env)
    saved = json.load(open(work + "/random.json"))
    check(same_trials(saved, optuna.load_study(study_name="tunelab-random", storage=sqlite)),
          "a random study in SQLite reads back with the same 8 trials")
    run(cli, "study", "--objective", "mlp:spiral", "--sampler", "hyperband", "--trials", "9", "--save", work + "/hb.json",
        "--optuna-storage", journal, "--optuna-study", "hb", env=env)
    saved = json.load(open(work + "/hb.json"))
    study = optuna.load_study(study_name="hb", storage=optuna.storages.JournalStorage(optuna.storages.JournalFileStorage(journal)))
    check(same_trials(saved, study) and any(t.state.name == "PRUNED" for t in study.trials),
          "a Hyperband study on the spiral network in a journal file reads back, its stopped trials pruned")

    # A study of two objectives (error, FLOPs) is an Optuna study of two directions whose best trials,
    # Optuna's own Pareto front, are TuneLab's front.
    run(cli, "study", "--objective", "mlp:moons", "--objectives", "error,flops", "--sampler", "parego", "--trials", "12",
        "--save", work + "/front.json", "--optuna-storage", sqlite, env=env)
    two = json.load(open(work + "/front.json"))
    study = optuna.load_study(study_name="tunelab-parego", storage=sqlite)
    by_number = {t.user_attrs["tunelab_number"]: t for t in study.trials}
    front = json.loads(run(cli, "study", "--objective", "mlp:moons:error", "--sampler", "random", "--trials", "12",
                           "--resume", work + "/front.json", "--json", env=env))["pareto_front"]
    check([d.name for d in study.directions] == ["MINIMIZE", "MINIMIZE"] and
          all(by_number[t["number"]].values == [t["value"], t["flops"]] for t in two["trials"] if t["status"] == "complete") and
          sorted(t.user_attrs["tunelab_number"] for t in study.best_trials) == sorted(front),
          "a study of error and FLOPs reads back with both directions, both values, and Optuna's best trials are its Pareto front")

    # 2. A taken name is refused with the reason, and nothing is added; export --from writes a saved study.
    refused = run(cli, "study", "--objective", "branin", "--sampler", "random", "--trials", "3", "--optuna-storage", sqlite,
                  expect=1, env=env)
    check("already holds a study named 'tunelab-random'" in refused and
          len(optuna.load_study(study_name="tunelab-random", storage=sqlite).trials) == 8,
          "writing over an existing study's name is refused and adds nothing")
    run(cli, "export", "--from", work + "/hb.json", "--optuna-storage", sqlite, "--optuna-study", "from-file", env=env)
    check(same_trials(saved, optuna.load_study(study_name="from-file", storage=sqlite)),
          "export --from a saved study writes the same trials")

    # 3. Optuna workers: three processes of the exported script on one SQLite storage.
    run(cli, "study", "--objective", "mlp:spiral", "--sampler", "tpe", "--trials", "1", "--save", work + "/tpe.json", env=env)
    run(cli, "export", "--from", work + "/tpe.json", "--python", work + "/workers.py", env=env)
    shared = "sqlite:///" + os.path.join(work, "workers.db")
    workers = [subprocess.Popen([sys.executable, work + "/workers.py", "--storage", shared, "--n-trials", str(TRIALS_EACH)],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env) for _ in range(WORKERS)]
    outputs = [w.communicate(timeout=600)[0] for w in workers]
    failed = [out for w, out in zip(workers, outputs) if w.returncode != 0]
    check(not failed, "%d workers on one storage all finish%s" % (WORKERS, "" if not failed else ":\n" + failed[0]))
    trials = optuna.load_study(study_name="tunelab-tpe", storage=shared).trials
    n = WORKERS * TRIALS_EACH
    check(sorted(t.number for t in trials) == list(range(n)) and all(t.state.name == "COMPLETE" for t in trials),
          "the shared study holds %d complete trials numbered 0..%d, none lost" % (n, n - 1))
    check(len({json.dumps(t.params, sort_keys=True) for t in trials}) == n, "no two trials repeat parameters")
    seeds = {line for out in outputs for line in out.splitlines() if line.startswith("this worker's sampler seed")}
    check(len(seeds) == WORKERS, "each worker says its own sampler seed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
