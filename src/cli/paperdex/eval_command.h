#pragma once
// `paperdex eval <what>`: the evaluations share one top-level command (created in src/cli/paperdex/eval.cpp); each
// evaluation is a sub-subcommand in its own file that registers itself here, exactly as top-level commands do
// with cli::Register:
//
//     static const paperdex::cli::RegisterEval r{"collaborators", "temporal link prediction", factory};
//
// Registration happens during static initialisation; src/cli/paperdex/eval.cpp reads the list only when main() builds
// the command line, so the order in which the files are linked does not matter.
#include <vector>

#include "cli/command.h"

namespace paperdex::cli {

inline std::vector<Command>& eval_registry() {
    static std::vector<Command> commands;
    return commands;
}

struct RegisterEval {
    RegisterEval(std::string name, std::string help, CommandFactory f) {
        eval_registry().push_back({std::move(name), std::move(help), std::move(f)});
    }
};

}  // namespace paperdex::cli
