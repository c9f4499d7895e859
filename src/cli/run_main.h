#pragma once
// Implementation of cli::run_main, included once by each binary's main.cpp.
#include <algorithm>
#include <iostream>
#include <map>

#include "cli/command.h"
#include "paperdex/error.h"

namespace paperdex::cli {

inline int run_main(const std::string& program, const std::string& description, int argc, char** argv) {
    CLI::App app{description, program};
    app.require_subcommand(1);
    auto& commands = registry();
    std::sort(commands.begin(), commands.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
    std::map<CLI::App*, std::function<int()>> runs;
    for (auto& c : commands) {
        CLI::App* sub = app.add_subcommand(c.name, c.help);
        runs[sub] = c.factory(*sub);
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    for (auto& [sub, run] : runs) {
        if (!sub->parsed()) continue;
        try {
            return run();
        } catch (const InvalidArgument& e) {
            std::cerr << program << ": " << (e.parameter().empty() ? "" : e.parameter() + ": ") << e.what() << "\n";
            return 2;
        } catch (const CorpusError& e) {
            std::cerr << program << ": " << e.what() << "\n";
            return 2;
        } catch (const NotFound& e) {
            std::cerr << program << ": " << e.what() << "\n";
            return 3;
        } catch (const std::exception& e) {
            std::cerr << program << ": " << e.what() << "\n";
            return 1;
        }
    }
    return 1;
}

}  // namespace paperdex::cli
