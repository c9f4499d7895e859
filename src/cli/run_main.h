#pragma once
// Shared by both binaries: the implementation of cli::run_main (declared in cli/command.h), included by
// src/cli/paperdex/main.cpp and src/cli/paperdex_corpus/main.cpp and nowhere else, so that each program defines it
// once. It is here, not in a .cpp, because the two binaries share no library of CLI code.
#include <algorithm>
#include <array>
#include <exception>
#include <iostream>
#include <cstdlib>
#include <map>

#include <xapian.h>

#include "cli/command.h"
#include "paperdex/error.h"

namespace paperdex::cli {

/// Exit code per error class: the CLI's counterpart of the HTTP layer's status table (src/http/errors.cpp), and
/// the one place both binaries take it from. First match wins, so a subclass must come before its base.
///   0  success
///   1  the command ran and reports failure itself (validate found bad lines, import --strict rejected records),
///      or an error not listed below: IndexError (IndexModified included), a bare Error, any std::exception
///   2  the input was wrong and the user can fix it: InvalidArgument (printed with its parameter), CorpusError
///   3  what was asked for does not exist: NotFound (an index directory, a work id, an author)
/// Command-line syntax errors never get here: CLI11 reports them with its own codes (CLI::ExitCodes).
struct ExitCode {
    bool (*matches)(const std::exception&);
    int code;
};

template <class E>
bool is_a(const std::exception& e) {
    return dynamic_cast<const E*>(&e) != nullptr;
}

inline constexpr int kExitOtherError = 1;
inline constexpr std::array kExitCodes{
    ExitCode{is_a<InvalidArgument>, 2},
    ExitCode{is_a<CorpusError>, 2},
    ExitCode{is_a<NotFound>, 3},
};

/// The code for `e` by kExitCodes; kExitOtherError when no row matches.
inline int exit_code(const std::exception& e) {
    for (const auto& row : kExitCodes)
        if (row.matches(e)) return row.code;
    return kExitOtherError;
}

/// "PROGRAM: PARAMETER: message" for an InvalidArgument that names its parameter, "PROGRAM: message" otherwise.
inline void print_error(const std::string& program, const std::exception& e) {
    const auto* invalid = dynamic_cast<const InvalidArgument*>(&e);
    const bool named = invalid && !invalid->parameter().empty();
    std::cerr << program << ": " << (named ? invalid->parameter() + ": " : "") << e.what() << "\n";
}

inline std::string& program_name() {
    static std::string name;
    return name;
}

/// The terminate handler: "PROGRAM: stopped: WHAT" and exit 1. Xapian 1.4 can throw from a destructor while it
/// unwinds a commit whose write failed (a full disk: ENOSPC, or EFBIG past RLIMIT_FSIZE), which calls
/// std::terminate; the default handler then aborts with a core and only the exception's type name. Nothing has
/// been published at that point (a rebuild publishes by its last rename), so this is an error like any other.
[[noreturn]] inline void report_terminate() noexcept {
    std::string what = "unknown error";
    if (const auto ep = std::current_exception()) {
        try {
            std::rethrow_exception(ep);
        } catch (const Xapian::Error& e) {
            what = e.get_description();
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
    }
    std::cerr << program_name() << ": stopped: " << what << std::endl;
    std::_Exit(kExitOtherError);
}

inline int run_main(const std::string& program, const std::string& description, int argc, char** argv) {
    program_name() = program;
    std::set_terminate(report_terminate);
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
        } catch (const std::exception& e) {
            print_error(program, e);
            return exit_code(e);
        }
    }
    return 1;
}

}  // namespace paperdex::cli
