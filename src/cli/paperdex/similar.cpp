// paperdex similar --index DIR [filters as search] [--offset N] [--limit N] [--terms N] [--scheme bo1|trad] [--json] ID
#include <algorithm>
#include <iostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/paperdex/read_command.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/search/similar.h"

namespace {

struct SimilarArgs : paperdex::cli::IndexArgs {
    std::string id, year, scheme = "trad";
    paperdex::SimilarOptions opt;
};

void print_text(const paperdex::SimilarResponse& r) {
    std::cout << "More like " << r.source_id;
    if (!r.source_title.empty()) std::cout << " (" << r.source_title << ")";
    // The terms that read as reasons, then the query's others (stopwords, too common, only the source's).
    const auto print_terms = [](const char* label, const std::vector<paperdex::ExpansionTerm>& terms, bool shown) {
        if (std::none_of(terms.begin(), terms.end(), [&](const auto& t) { return t.shown == shown; })) return;
        std::cout << "\n" << label;
        for (const auto& t : terms)
            if (t.shown == shown) std::cout << " " << t.display;
    };
    print_terms("terms:", r.terms, true);
    // the second pass's words: part of the query, and of the hits' matched terms
    print_terms("second-pass terms:", r.feedback_terms, true);
    print_terms("also in the query:", r.terms, false);
    print_terms("also in the second pass:", r.feedback_terms, false);
    std::cout << "\n" << r.total << (r.total_exact ? "" : " (estimated)") << " works match\n";
    for (const auto& h : r.hits) {
        const auto& w = h.work;
        std::cout << "\n" << h.rank + 1 << ". " << (w.title.empty() ? "(untitled)" : w.title) << "  [" << w.id << "]";
        if (w.year) std::cout << " " << *w.year;
        std::cout << " · score " << h.score << "\n   matched:";
        for (const auto& t : h.matched_terms) std::cout << " " << t;
        std::cout << "\n";
    }
}

const paperdex::cli::Register similar_command{
    "similar", "works most like a given work (more like this), with the terms each matched", [](CLI::App& sub) {
        auto a = paperdex::cli::read_args<SimilarArgs>(sub);
        paperdex::cli::add_filter_args(sub, a->year, a->opt.filters);
        paperdex::cli::add_paging_args(sub, a->opt.offset, a->opt.limit);
        sub.add_option("--terms", a->opt.terms, "expansion terms (1.." + std::to_string(paperdex::kMaxExpansionTerms) + ")")
            ->capture_default_str();
        sub.add_option("--scheme", a->scheme, "ESet weighting: trad (TradEWeight) or bo1")
            ->check(CLI::IsMember({"trad", "bo1"}))
            ->capture_default_str();
        sub.add_option("id", a->id, "work id, e.g. arxiv:1912.12953")->required();
        return [a]() {
            if (!a->year.empty()) a->opt.filters.year = paperdex::parse_year_range(a->year, "--year");
            a->opt.scheme = a->scheme == "bo1" ? paperdex::ExpansionScheme::bo1 : paperdex::ExpansionScheme::trad;
            paperdex::Searcher searcher(paperdex::open_index(a->index));
            const auto resp = paperdex::similar(searcher, a->id, a->opt);
            if (a->json)
                std::cout << nlohmann::json(resp).dump(2) << "\n";
            else
                print_text(resp);
            return 0;
        };
    }};

}  // namespace
