// paperdex-corpus import --format F INPUT... [--input F:PATH]... --out FILE [--strict] [--collection NAME]
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <unistd.h>

#include "cli/command.h"
#include "paperdex/corpus/corpus.h"
#include "paperdex/importers/importers.h"
#include "paperdex/importers/merge.h"

namespace {

namespace fs = std::filesystem;
using namespace paperdex;

struct ImportArgs {
    std::string format;
    std::vector<std::string> inputs;        // read with `format`
    std::vector<std::string> typed_inputs;  // "FORMAT:PATH"
    std::string out;
    std::string collection;
    std::vector<std::string> topics;  // keep only works with one of these (empty: keep all)
    bool strict = false;
};

using Runs = std::vector<std::pair<std::string, std::vector<std::string>>>;  // (format, paths) in order

// Inputs in command-line precedence: the positional ones (with --format) first, then each --input in order.
// Earlier inputs win when works are merged (merge.h), so put the most trusted source first.
Runs input_runs(const ImportArgs& a) {
    Runs runs;
    if (!a.inputs.empty()) {
        if (a.format.empty()) throw InvalidArgument("--format", "--format is required for positional inputs");
        importers::format(a.format);  // unknown names fail before any reading
        runs.push_back({a.format, a.inputs});
    }
    for (const auto& t : a.typed_inputs) {
        auto colon = t.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == t.size())
            throw InvalidArgument("--input", "--input must be FORMAT:PATH, got \"" + t + "\"");
        importers::format(t.substr(0, colon));
        runs.push_back({t.substr(0, colon), {t.substr(colon + 1)}});
    }
    if (runs.empty()) throw InvalidArgument("INPUT", "no input: give --format F INPUT... or --input F:PATH");
    return runs;
}

// Keeps the works with one of `topics`; returns how many were dropped. Called after merging, so that a work's
// topics from every source count.
std::size_t keep_topics(std::vector<Work>& works, const std::vector<std::string>& topics) {
    std::vector<Work> kept;
    for (auto& w : works) {
        bool match = std::any_of(w.topics.begin(), w.topics.end(), [&](const std::string& t) {
            return std::find(topics.begin(), topics.end(), t) != topics.end();
        });
        if (match) kept.push_back(std::move(w));
    }
    const std::size_t skipped = works.size() - kept.size();
    works = std::move(kept);
    return skipped;
}

// Writes beside the target and renames, so that a failed import never leaves half a corpus behind.
void write_corpus(const std::string& path, const std::vector<Work>& works) {
    fs::path out(path);
    bool gz = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
    fs::path tmp = out.parent_path() / ("." + out.filename().string() + ".part" + std::to_string(::getpid()) + (gz ? ".gz" : ""));
    std::error_code ec;
    try {
        CorpusWriter writer(tmp.string());
        for (const auto& w : works) writer.write(w);
        writer.close();
    } catch (const CorpusError& e) {
        fs::remove(tmp, ec);
        throw CorpusError(path, 0, e.reason());  // name the file the user asked for, not the temporary one
    }
    fs::rename(tmp, out, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw CorpusError(path, 0, "cannot write: " + ec.message());
    }
}

int run_import(const ImportArgs& a) {
    const Runs runs = input_runs(a);
    importers::ImportOptions opt;
    opt.collection = a.collection;
    std::size_t read = 0, folded = 0, rejected = 0;
    std::vector<Work> works;
    for (const auto& [format, paths] : runs) {
        auto r = importers::import(format, paths, opt);
        for (const auto& e : r.errors) std::cerr << e.what() << "\n";
        read += r.read;
        folded += r.folded;
        rejected += r.errors.size();
        works.insert(works.end(), std::make_move_iterator(r.works.begin()), std::make_move_iterator(r.works.end()));
    }
    auto merged = merge_works(std::move(works));
    const std::size_t skipped = a.topics.empty() ? 0 : keep_topics(merged.works, a.topics);
    write_corpus(a.out, merged.works);
    std::cout << "read " << read << ", written " << merged.works.size() << ", merged " << folded + merged.merged
              << ", rejected " << rejected;
    if (!a.topics.empty()) std::cout << ", skipped " << skipped << " (no --topic)";
    std::cout << "\n";
    return a.strict && rejected > 0 ? 1 : 0;
}

const paperdex::cli::Register import_command{
    "import", "import source files into a canonical corpus (.jsonl or .jsonl.gz), merging the same work across sources",
    [](CLI::App& sub) {
        auto a = std::make_shared<ImportArgs>();
        std::string names;
        for (const auto& f : importers::formats()) names += (names.empty() ? "" : ", ") + f.name;
        sub.add_option("--format,-f", a->format, "format of the positional inputs: " + names);
        sub.add_option("inputs", a->inputs, "input files or directories, read with --format");
        sub.add_option("--input,-i", a->typed_inputs,
                       "FORMAT:PATH, repeatable: more inputs, each with its own format (after the positional ones)");
        sub.add_option("--out,-o", a->out, "output corpus; gzip when it ends in .gz")->required();
        sub.add_option("--collection", a->collection, "id prefix for beir/smart (default: from the input path)");
        sub.add_option("--topic", a->topics,
                       "repeatable: keep only works with at least one of these topics (e.g. arXiv categories)");
        sub.add_flag("--strict", a->strict, "exit 1 if any record was rejected (the output is still written)");
        sub.footer(
            "Every unreadable record is printed as file:line: reason on stderr; the last line is\n"
            "\"read N, written N, merged N, rejected N\" (read = written + merged + rejected; with --topic,\n"
            "\", skipped N (no --topic)\" follows and read = written + merged + rejected + skipped).\n"
            "Example (the three seeds in one run):\n"
            "  paperdex-corpus import -f bzpeer-profile seeds/000_*.txt seeds/002_*.txt -i arxiv-listing:seeds/001_*.txt -o seeds.jsonl");
        return [a] { return run_import(*a); };
    }};

}  // namespace
