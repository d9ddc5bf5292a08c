#include "cli/optuna_storage.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <sys/wait.h>

#include "tune/export_optuna.h"

namespace tunelab::cli {

std::string python_interpreter() {
    const char* chosen = std::getenv("TUNELAB_PYTHON");
    return chosen && *chosen ? chosen : "python3";
}

void write_optuna_storage(const std::vector<std::pair<std::string, tune::Study>>& studies, const std::string& storage,
                          const std::string& study_name) {
    const std::string python = python_interpreter();
    if (python.find('\'') != std::string::npos) throw std::runtime_error("TUNELAB_PYTHON must not contain a quote: " + python);
    const std::string script = tune::optuna_storage_script(studies, storage, study_name);
    // The program goes to Python's standard input ("-"), so no temporary file and no shell quoting
    // of the storage URL or names: they are inside the program as string literals.
    // A Python that exits before reading it all (not found, no optuna) must not kill the CLI by
    // SIGPIPE: the write fails instead and the exit status says why.
    std::fflush(stdout);  // the study's own lines first, then Python's
    std::FILE* pipe = popen(("'" + python + "' -").c_str(), "w");
    if (!pipe) throw std::runtime_error("--optuna-storage: could not start " + python);
    void (*previous)(int) = std::signal(SIGPIPE, SIG_IGN);
    const bool sent = std::fwrite(script.data(), 1, script.size(), pipe) == script.size();
    const int status = pclose(pipe);
    std::signal(SIGPIPE, previous);
    if (!sent || status == -1 || !WIFEXITED(status))
        throw std::runtime_error("--optuna-storage: " + python + " did not run to its end");
    if (WEXITSTATUS(status) == 127) throw std::runtime_error("--optuna-storage: " + python + " was not found (set TUNELAB_PYTHON)");
    if (WEXITSTATUS(status) != 0) throw std::runtime_error("--optuna-storage: nothing was written to " + storage + " (see above)");
}

}  // namespace tunelab::cli
