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

int run_stats(const StatsArgs& a) {
    std::size_t works = 0, rejected = 0, with_abstract = 0, with_authors = 0;
    std::unordered_set<std::string> authors;
    std::map<int, std::size_t> years;
    std::unordered_map<std::string, std::size_t> venues, topics, types, sources;
    auto files = corpus_files(a.paths);
    for (const auto& file : files) {
        auto s = read_corpus(
            file,
            [&](Work&& w) {
                ++works;
                if (!w.abstract.empty()) ++with_abstract;
                if (!w.authors.empty()) ++with_authors;
                for (const auto& au : w.authors) authors.insert(author_key(au));
                if (w.year) ++years[*w.year];
                if (!w.venue.empty()) ++venues[w.venue];
                if (!w.type.empty()) ++types[w.type];
                ++sources[w.source];
                for (const auto& t : w.topics) ++topics[t];
            },
            [&](const CorpusError& e) { std::cerr << e.what() << "\n"; });
        rejected += s.rejected;
    }
    auto top_venues = top_n(venues, a.top), top_topics = top_n(topics, a.top);
    auto all_types = top_n(types, types.size()), all_sources = top_n(sources, sources.size());
    if (a.json) {
        nlohmann::json j;
        j["files"] = files.size();
        j["works"] = works;
        j["rejected"] = rejected;
        j["with_abstract"] = with_abstract;
        j["with_authors"] = with_authors;
        j["authors"] = authors.size();
        j["years"] = nlohmann::json::object();
        if (!years.empty()) {
            j["years"]["min"] = years.begin()->first;
            j["years"]["max"] = years.rbegin()->first;
            for (const auto& [y, n] : years) j["years"]["counts"][std::to_string(y)] = n;
        }
        auto counts = [](const auto& v) {
            auto arr = nlohmann::json::array();
            for (const auto& [k, n] : v) arr.push_back({{"value", k}, {"count", n}});
            return arr;
        };
        j["venues"] = {{"distinct", venues.size()}, {"top", counts(top_venues)}};
        j["topics"] = {{"distinct", topics.size()}, {"top", counts(top_topics)}};
        j["types"] = counts(all_types);
        j["sources"] = counts(all_sources);
        std::cout << j.dump(2) << "\n";
    } else {
        std::cout << "works     " << works << " in " << files.size() << " file" << (files.size() == 1 ? "" : "s")
                  << " (" << with_abstract << " with abstract, " << with_authors << " with authors, " << rejected
                  << " lines rejected)\n";
        std::cout << "authors   " << authors.size() << " distinct\n";
        if (years.empty()) {
            std::cout << "years     none\n";
        } else {
            std::cout << "years     " << years.begin()->first << ".." << years.rbegin()->first << "\n";
            for (const auto& [y, n] : years) std::cout << "  " << y << "  " << n << "\n";
        }
        auto print = [](const char* what, std::size_t distinct, const auto& v) {
            std::cout << what << distinct << " distinct\n";
            for (const auto& [k, n] : v) std::cout << "  " << n << "  " << k << "\n";
        };
        print("venues    ", venues.size(), top_venues);
        print("topics    ", topics.size(), top_topics);
        print("types     ", types.size(), all_types);
        print("sources   ", sources.size(), all_sources);
    }
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
