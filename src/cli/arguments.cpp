#include "cli/arguments.h"

namespace tunelab::cli {

std::vector<std::string> split_inline_values(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    for (const std::string& arg : args) {
        const size_t equals = arg.find('=');
        if (arg.rfind("--", 0) == 0 && equals != std::string::npos) {
            out.push_back(arg.substr(0, equals));
            out.push_back(arg.substr(equals + 1));
        } else {
            out.push_back(arg);
        }
    }
    return out;
}

const char* version() { return TUNELAB_VERSION; }

}  // namespace tunelab::cli
