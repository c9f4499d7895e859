// paperdex-corpus validate FILE...: every line a valid Work, every id unique across the files.
#include <iostream>
#include <memory>
#include <unordered_map>

#include "cli/command.h"
#include "paperdex/corpus/corpus.h"

namespace {

using namespace paperdex;

int run_validate(const std::vector<std::string>& paths) {
    std::size_t works = 0, bad = 0;
    auto files = corpus_files(paths);
    std::unordered_map<std::string, std::string> first_seen;  // id -> "file:line"
    for (const auto& file : files) {
        read_corpus_numbered(
            file,
            [&](Work&& w, std::size_t line) {
                ++works;
                std::string here = file + ":" + std::to_string(line);
                auto [it, fresh] = first_seen.emplace(w.id, here);
                if (!fresh) {
                    ++bad;
                    std::cerr << here << ": duplicate id \"" << w.id << "\" (first at " << it->second << ")\n";
                }
            },
            [&](const CorpusError& e) {
                ++works;
                ++bad;
                std::cerr << e.what() << "\n";
            });
    }
    std::cout << "checked " << works << " works in " << files.size() << " file" << (files.size() == 1 ? "" : "s") << ": "
              << works - bad << " valid, " << bad << " bad\n";
    return bad ? 1 : 0;
}

const paperdex::cli::Register validate_command{
    "validate", "check corpus files: each line a valid Work, ids unique; exit 1 if anything is wrong",
    [](CLI::App& sub) {
        auto paths = std::make_shared<std::vector<std::string>>();
        sub.add_option("files", *paths, "corpus files or directories (*.jsonl, *.jsonl.gz)")->required();
        return [paths] { return run_validate(*paths); };
    }};

}  // namespace
