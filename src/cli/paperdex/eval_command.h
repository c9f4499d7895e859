#pragma once
// `paperdex eval <what>`: the evaluations share one top-level command (created in src/cli/paperdex/eval.cpp); each
// evaluation is a sub-subcommand in its own file that registers itself here, exactly as top-level commands do
// with cli::Register, given this list:
//
//     static const paperdex::cli::Register r{paperdex::cli::eval_registry(), "collaborators", "...", factory};
//
// Registration happens during static initialisation; src/cli/paperdex/eval.cpp reads the list only when main() builds
// the command line, so the order in which the files are linked does not matter.
#include <vector>

#include "cli/command.h"

namespace paperdex::cli {

/// The evaluations, registered before main() runs; `paperdex eval` adds each as its subcommand.
inline std::vector<Command>& eval_registry() {
    static std::vector<Command> commands;
    return commands;
}

}  // namespace paperdex::cli
