// paperdex-corpus stats FILE... [--json] [--top N]: what a corpus holds (works, authors, years, venues, topics, types).
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "paperdex/corpus/corpus.h"

namespace {

using namespace paperdex;

struct StatsArgs {
    std::vector<std::string> paths;
    bool json = false;
    std::size_t top = 10;
};

// Most frequent first, ties by name, so that the output is stable.
std::vector<std::pair<std::string, std::size_t>> top_n(const std::unordered_map<std::string, std::size_t>& counts,
                                                        std::size_t n) {
    std::vector<std::pair<std::string, std::size_t>> v(counts.begin(), counts.end());
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    if (v.size() > n) v.resize(n);
    return v;
}

// What the corpus files hold, counted in one pass.
struct Counts {
    std::size_t files = 0, works = 0, rejected = 0, with_abstract = 0, with_authors = 0;
    std::unordered_set<std::string> authors;
    std::map<int, std::size_t> years;
    std::unordered_map<std::string, std::size_t> venues, topics, types, sources;

    void add(const Work& w) {
        ++works;
        if (!w.abstract.empty()) ++with_abstract;
        if (!w.authors.empty()) ++with_authors;
        for (const auto& au : w.authors) authors.insert(author_key(au));
        if (w.year) ++years[*w.year];
        if (!w.venue.empty()) ++venues[w.venue];
        if (!w.type.empty()) ++types[w.type];
        ++sources[w.source];
        for (const auto& t : w.topics) ++topics[t];
    }
};

Counts count(const std::vector<std::string>& paths) {
    Counts c;
    const auto files = corpus_files(paths);
    c.files = files.size();
    for (const auto& file : files) {
        auto s = read_corpus(file, [&](Work&& w) { c.add(w); }, [&](const CorpusError& e) { std::cerr << e.what() << "\n"; });
        c.rejected += s.rejected;
    }
    return c;
}

void print_json(const Counts& c, std::size_t top) {
    auto counts = [](const auto& v) {
        auto arr = nlohmann::json::array();
        for (const auto& [k, n] : v) arr.push_back({{"value", k}, {"count", n}});
        return arr;
    };
    nlohmann::json j;
    j["files"] = c.files;
    j["works"] = c.works;
    j["rejected"] = c.rejected;
    j["with_abstract"] = c.with_abstract;
    j["with_authors"] = c.with_authors;
    j["authors"] = c.authors.size();
    j["years"] = nlohmann::json::object();
    if (!c.years.empty()) {
        j["years"]["min"] = c.years.begin()->first;
        j["years"]["max"] = c.years.rbegin()->first;
        for (const auto& [y, n] : c.years) j["years"]["counts"][std::to_string(y)] = n;
    }
    j["venues"] = {{"distinct", c.venues.size()}, {"top", counts(top_n(c.venues, top))}};
    j["topics"] = {{"distinct", c.topics.size()}, {"top", counts(top_n(c.topics, top))}};
    j["types"] = counts(top_n(c.types, c.types.size()));
    j["sources"] = counts(top_n(c.sources, c.sources.size()));
    std::cout << j.dump(2) << "\n";
}

void print_text(const Counts& c, std::size_t top) {
    std::cout << "works     " << c.works << " in " << c.files << " file" << (c.files == 1 ? "" : "s") << " ("
              << c.with_abstract << " with abstract, " << c.with_authors << " with authors, " << c.rejected
              << " lines rejected)\n";
    std::cout << "authors   " << c.authors.size() << " distinct\n";
    if (c.years.empty()) {
        std::cout << "years     none\n";
    } else {
        std::cout << "years     " << c.years.begin()->first << ".." << c.years.rbegin()->first << "\n";
        for (const auto& [y, n] : c.years) std::cout << "  " << y << "  " << n << "\n";
    }
    auto print = [](const char* what, std::size_t distinct, const auto& v) {
        std::cout << what << distinct << " distinct\n";
        for (const auto& [k, n] : v) std::cout << "  " << n << "  " << k << "\n";
    };
    print("venues    ", c.venues.size(), top_n(c.venues, top));
    print("topics    ", c.topics.size(), top_n(c.topics, top));
    print("types     ", c.types.size(), top_n(c.types, c.types.size()));
    print("sources   ", c.sources.size(), top_n(c.sources, c.sources.size()));
}

int run_stats(const StatsArgs& a) {
    const Counts c = count(a.paths);
    if (a.json) print_json(c, a.top);
    else print_text(c, a.top);
    return 0;
}

const paperdex::cli::Register stats_command{
    "stats", "summarise corpus files: works, authors, years, venues, topics, types",
    [](CLI::App& sub) {
        auto a = std::make_shared<StatsArgs>();
        sub.add_option("files", a->paths, "corpus files or directories (*.jsonl, *.jsonl.gz)")->required();
        sub.add_flag("--json", a->json, "print one JSON object instead of text");
        sub.add_option("--top", a->top, "how many venues and topics to list (most frequent first)")->check(CLI::Range(1, 1000));
        return [a] { return run_stats(*a); };
    }};

}  // namespace
