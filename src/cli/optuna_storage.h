#pragma once
// `--optuna-storage URL`: the CLI's studies written into an Optuna storage by Python's optuna (the
// one program that knows its storage formats), so that optuna-dashboard shows a TuneLab race.
#include <string>
#include <utility>
#include <vector>

#include "tune/study.h"

namespace tunelab::cli {

// The interpreter: $TUNELAB_PYTHON, else `python3` on the PATH.
std::string python_interpreter();

// Runs tune::optuna_storage_script with the interpreter; throws std::runtime_error saying why when
// Python cannot start, optuna is missing or the storage refuses (its own words are printed first).
void write_optuna_storage(const std::vector<std::pair<std::string, tune::Study>>& studies, const std::string& storage,
                          const std::string& study_name);

}  // namespace tunelab::cli
