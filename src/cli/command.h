#pragma once
// Subcommand registry shared by `paperdex` (src/cli/paperdex) and `paperdex-corpus` (src/cli/paperdex_corpus):
// each subcommand lives in its own file and registers itself, so main() never changes.
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

/// `static const Register r{"search", "ranked search", [](CLI::App& sub) {...; return [=]{...};}};`
struct Register {
    Register(std::string name, std::string help, CommandFactory f) {
        registry().push_back({std::move(name), std::move(help), std::move(f)});
    }
};

/// Parses argv, runs the chosen subcommand, maps paperdex errors to messages and exit codes
/// (InvalidArgument/CorpusError 2, NotFound 3, others 1).
int run_main(const std::string& program, const std::string& description, int argc, char** argv);

}  // namespace paperdex::cli
