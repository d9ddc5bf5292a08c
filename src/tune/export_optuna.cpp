#include "tune/export_optuna.h"

#include "core/json.h"

namespace tunelab::tune {

const char* const kPythonOpenStorage = R"PY(

def open_storage(spec):
    """An Optuna storage: an RDB URL (sqlite:///file.db, postgresql://..., mysql://...) or a journal file's path."""
    if "://" in spec:
        return spec
    import warnings  # the journal storage is marked experimental in optuna 3.1 (Debian 12's); it works
    warnings.simplefilter("ignore", optuna.exceptions.ExperimentalWarning)
    return optuna.storages.JournalStorage(optuna.storages.JournalFileStorage(spec))


def create_shared_study(storage, attempts=5, **study_args):
    """optuna.create_study(load_if_exists=True) on a storage that workers started together may all be
    creating: the first creates its tables, the others' attempts fail on them and are retried."""
    import time
    for attempt in range(attempts):
        try:
            return optuna.create_study(storage=storage, load_if_exists=True, **study_args)
        except Exception:
            if storage is None or attempt == attempts - 1:
                raise
            time.sleep(0.5 * (attempt + 1))
)PY";

const char* const kPythonDistribution = R"PY(

def distribution(p):
    """The Optuna distribution of one parameter of a TuneLab space (as TuneLab saves it)."""
    if p["type"] == "categorical":
        return optuna.distributions.CategoricalDistribution(p["choices"])
    if p["type"] == "int":
        return optuna.distributions.IntDistribution(int(p["low"]), int(p["high"]), log=p["log"])
    return optuna.distributions.FloatDistribution(p["low"], p["high"], log=p["log"])
)PY";

namespace {

// Reads the studies TuneLab saved (Study::to_json beside each strategy) and re-creates them.
// TuneLab's statuses map to Optuna's states: complete and pruned (Hyperband stopped it; its value
// is the last rung's, as Optuna gives a pruned trial its last intermediate value) keep their
// value; failed and diverged become FAIL with the reason as a user attribute; a trial still
// running when the study was saved is left out, and the count says so.
constexpr const char* kImporter = R"PY(

STATES = {
    "complete": optuna.trial.TrialState.COMPLETE,
    "pruned": optuna.trial.TrialState.PRUNED,
    "failed": optuna.trial.TrialState.FAIL,
    "diverged": optuna.trial.TrialState.FAIL,
}



def frozen(trial, distributions, objectives):
    params = {name: int(round(v)) if isinstance(distributions[name], optuna.distributions.IntDistribution) else v
              for name, v in trial["params"].items()}
    state = STATES[trial["status"]]
    value = trial["value"] if state != optuna.trial.TrialState.FAIL else None
    # A study of several objectives (TuneLab's value, then costs the trial recorded under their own
    # names) gives Optuna a list of values, for complete trials only: those are its front.
    values = None
    if objectives:
        values = [value] + [trial[m] for m in objectives[1:]] if state == optuna.trial.TrialState.COMPLETE else None
        value = None
    return optuna.trial.create_trial(
        state=state,
        value=value,
        values=values,
        params=params,
        distributions={name: distributions[name] for name in params},
        intermediate_values={step + 1: v for step, v in enumerate(trial["intermediate"]) if v is not None},
        user_attrs={"tunelab_number": trial["number"], "tunelab_status": trial["status"], "source": trial["source"],
                    "seconds": trial["seconds"], "flops": trial["flops"], "budget": trial["budget"],
                    "bracket": trial["bracket"], "rung": trial["rung"]},
    )


def main():
    storage = open_storage(STORAGE)
    existing = {s.study_name for s in optuna.get_all_study_summaries(storage)}
    names = [NAME if len(STUDIES) == 1 else "%s-%s" % (NAME, s["strategy"]) for s in STUDIES]
    taken = [name for name in names if name in existing]
    if taken:
        sys.exit("%s already holds a study named %s; choose another --optuna-study name (nothing was written)"
                 % (STORAGE, ", ".join(repr(n) for n in taken)))
    for name, entry in zip(names, STUDIES):
        saved = entry["study"]
        distributions = {p["name"]: distribution(p) for p in saved["space"]}
        objectives = saved.get("objectives")
        if objectives:  # the value's direction, then each cost's: minimized
            directions = [saved["direction"]] + ["minimize"] * (len(objectives) - 1)
            study = optuna.create_study(storage=storage, study_name=name, directions=directions)
            study.set_user_attr("tunelab_objectives", objectives)
        else:
            study = optuna.create_study(storage=storage, study_name=name, direction=saved["direction"])
        study.set_user_attr("tunelab_strategy", entry["strategy"])
        study.set_user_attr("tunelab_seed", saved["seed"])
        kept = [t for t in saved["trials"] if t["status"] in STATES]
        for trial in kept:
            study.add_trial(frozen(trial, distributions, objectives))
        print("%s: %d trials of %s written to study %r (%d still running when saved, left out)"
              % (STORAGE, len(kept), entry["strategy"], name, len(saved["trials"]) - len(kept)))


if __name__ == "__main__":
    main()
)PY";

}  // namespace

std::string optuna_storage_script(const std::vector<std::pair<std::string, Study>>& studies, const std::string& storage,
                                  const std::string& study_name) {
    json::Array saved;
    for (const auto& [strategy, study] : studies) saved.push_back(json::Object{{"strategy", strategy}, {"study", study.to_json()}});
    // The data travel as one JSON string literal: JSON's escapes are all valid Python escapes, so no
    // name or value can end the literal and become code.
    return std::string(
               "\"\"\"TuneLab studies into an Optuna storage (written by tunelab-cli).\"\"\"\n"
               "import json\n"
               "import sys\n"
               "\n"
               "try:\n"
               "    import optuna\n"
               "except ImportError as missing:\n"
               "    sys.exit(\"writing to an Optuna storage needs Python's optuna (Debian: python3-optuna; pip install optuna): %s\" % "
               "missing)\n"
               "optuna.logging.set_verbosity(optuna.logging.WARNING)\n"
               "\n"
               "STORAGE = ") +
           json::Value(storage).dump() + "\nNAME = " + json::Value(study_name).dump() +
           "\nSTUDIES = json.loads(" + json::Value(json::Value(saved).dump()).dump() + ")\n" + kPythonOpenStorage + kPythonDistribution +
           kImporter;
}

}  // namespace tunelab::tune
