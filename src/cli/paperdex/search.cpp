// paperdex search --index DIR [filters] [--sort relevance|year] [--offset N] [--limit N] [--facets ...] [--json] QUERY
#include <iostream>
#include <regex>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/paperdex/read_command.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/search/searcher.h"

namespace {

struct SearchArgs : paperdex::cli::IndexArgs {
    std::vector<std::string> query;
    std::string year, sort = "relevance", facets;
    paperdex::SearchRequest req;
};

std::vector<std::string> split_commas(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        auto end = s.find(',', start);
        if (end == std::string::npos) end = s.size();
        if (end > start) out.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// Terminal rendering of the <mark> highlights.
std::string marks_to_ansi(const std::string& html, bool tty) {
    std::string s = std::regex_replace(html, std::regex("<mark>"), tty ? "\x1b[1m" : "*");
    s = std::regex_replace(s, std::regex("</mark>"), tty ? "\x1b[0m" : "*");
    for (auto [from, to] : {std::pair{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}})
        s = std::regex_replace(s, std::regex(from), to);
    return s;
}

const paperdex::cli::Register search_command{
    "search", "ranked search with filters, facets and snippets", [](CLI::App& sub) {
        auto a = paperdex::cli::read_args<SearchArgs>(sub);
        paperdex::cli::add_filter_args(sub, a->year, a->req);
        sub.add_option("--sort", a->sort, "relevance or year")->check(CLI::IsMember({"relevance", "year"}))->capture_default_str();
        paperdex::cli::add_paging_args(sub, a->req.offset, a->req.limit);
        sub.add_option("--facets", a->facets, "comma-separated: year,venue,author,topic,type");
        sub.add_option("query", a->query, "Xapian query syntax (empty: browse by filters)");
        return [a]() {
            auto& req = a->req;
            req.query = paperdex::cli::join_words(a->query);
            if (!a->year.empty()) req.year = paperdex::parse_year_range(a->year, "--year");
            req.sort = a->sort == "year" ? paperdex::SortOrder::year : paperdex::SortOrder::relevance;
            req.facets = split_commas(a->facets);
            paperdex::Searcher searcher(paperdex::open_index(a->index));
            auto resp = searcher.search(req);
            if (a->json) {
                std::cout << nlohmann::json(resp).dump(2) << "\n";
                return 0;
            }
            const bool tty = ::isatty(1);
            std::cout << resp.total << (resp.total_exact ? "" : " (estimated)") << " works match";
            if (!resp.corrected_query.empty()) std::cout << "; did you mean: " << resp.corrected_query;
            std::cout << "\n";
            for (const auto& h : resp.hits) {
                const auto& w = h.work;
                std::cout << "\n" << h.rank + 1 << ". " << (w.title.empty() ? "(untitled)" : marks_to_ansi(h.title_html.empty() ? w.title : h.title_html, tty))
                          << "  [" << w.id << "]";
                if (w.year) std::cout << " " << *w.year;
                if (!w.venue.empty()) std::cout << " · " << w.venue;
                if (h.score > 0) std::cout << " · score " << h.score;
                std::cout << "\n";
                if (!w.authors.empty()) {
                    std::cout << "   ";
                    for (std::size_t i = 0; i < w.authors.size() && i < 8; ++i) std::cout << (i ? ", " : "") << w.authors[i].name;
                    if (w.authors.size() > 8) std::cout << ", … (" << w.authors.size() << " authors)";
                    std::cout << "\n";
                }
                if (!h.snippet.empty()) std::cout << "   " << marks_to_ansi(h.snippet, tty) << "\n";
            }
            for (const auto& f : resp.facets) {
                std::cout << "\n" << f.name << (f.exact ? "" : " (estimated)") << ":";
                for (const auto& v : f.values) std::cout << "  " << v.value << " (" << v.count << ")";
                std::cout << "\n";
            }
            return 0;
        };
    }};

}  // namespace
