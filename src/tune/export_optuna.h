#pragma once
// TuneLab's studies in Optuna's storage: the Python that puts a saved study (or a race's studies)
// into an Optuna storage — SQLite, PostgreSQL or MySQL through Optuna's RDB storage, or Optuna's
// journal file — so that optuna-dashboard and Optuna's own analysis read a TuneLab race, and the
// storage opener the exported scripts share with it.
#include <string>
#include <utility>
#include <vector>

#include "tune/study.h"

namespace tunelab::tune {

// Python: `open_storage(spec)` and `create_shared_study(storage, **study_args)` (create or load,
// retried while workers started together race to create the storage's tables). A spec with "://" is an RDB URL (sqlite:///race.db,
// postgresql://…, mysql://…); anything else is the path of a journal file, the storage Optuna
// recommends for several processes on one machine without a database server (JournalFileStorage,
// optuna >= 3.1).
extern const char* const kPythonOpenStorage;

// Python: `distribution(p)`, the Optuna distribution of one parameter of a saved space (space_to_json).
extern const char* const kPythonDistribution;

// A Python program (run by python3 with Optuna installed) that creates one Optuna study per
// (strategy, study) in `storage` — named `study_name`, or `study_name-strategy` when there are
// several — and adds every finished trial with its parameters, value, per-epoch values and
// TuneLab's own figures as user attributes. A study of that name already in the storage is refused,
// never mixed into. It prints one line per study and exits 0, or exits non-zero saying why.
std::string optuna_storage_script(const std::vector<std::pair<std::string, Study>>& studies, const std::string& storage,
                                  const std::string& study_name);

}  // namespace tunelab::tune
