#pragma once
// Shared by both binaries, `paperdex` (src/cli/paperdex) and `paperdex-corpus` (src/cli/paperdex_corpus): the
// subcommand registry and run_main(). Each subcommand lives in its own file and registers itself, so main() never
// changes; each binary links only its own folder's files, so each registry holds only that binary's commands.
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace paperdex::cli {

/// Adds a subcommand's options to `sub` and returns what runs it (the process exit code).
using CommandFactory = std::function<std::function<int()>(CLI::App& sub)>;

struct Command {
    std::string name;
    std::string help;
    CommandFactory factory;
};

inline std::vector<Command>& registry() {
    static std::vector<Command> commands;
    return commands;
}

/// `static const Register r{"search", "ranked search", [](CLI::App& sub) {...; return [=]{...};}};` adds to the
/// binary's top-level commands; `Register r{some_registry(), ...}` adds to another list (eval_command.h).
struct Register {
    Register(std::string name, std::string help, CommandFactory f)
        : Register(registry(), std::move(name), std::move(help), std::move(f)) {}
    Register(std::vector<Command>& into, std::string name, std::string help, CommandFactory f) {
        into.push_back({std::move(name), std::move(help), std::move(f)});
    }
};

/// Positional words joined by single spaces: `paperdex authors kim hazel` means the query "kim hazel".
inline std::string join_words(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

/// Parses argv, runs the chosen subcommand and returns its exit code. An exception a subcommand throws is printed
/// as "PROGRAM: message" on stderr and mapped to an exit code by the one table, kExitCodes in cli/run_main.h
/// (which also defines this function, once per binary).
int run_main(const std::string& program, const std::string& description, int argc, char** argv);

}  // namespace paperdex::cli
