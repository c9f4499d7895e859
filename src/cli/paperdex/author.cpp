// paperdex author --index DIR [--page N] [--per-page N] [--json] KEY_OR_NAME   (an author's profile)
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/paperdex/read_command.h"
#include "paperdex/authors/author_index.h"
#include "paperdex/index/index_directory.h"

namespace {

struct AuthorArgs : paperdex::cli::IndexArgs {
    std::vector<std::string> key;
    std::size_t page = 1, per_page = 10;
};

void print_profile(const paperdex::AuthorProfile& p) {
    const auto& r = p.author;
    std::cout << r.name << "  [" << r.key << "]\n" << r.works_count << " works";
    if (r.first_year) std::cout << ", " << paperdex::cli::year_span(r.first_year, r.last_year);
    std::cout << "\ntopics:";
    for (const auto& t : r.topics) std::cout << "  " << t.value << " (" << t.count << ")";
    std::cout << "\nterms:";
    for (const auto& t : p.terms) std::cout << "  " << t.display;
    std::cout << "\nco-authors (" << r.coauthors.size() << "):";
    for (std::size_t i = 0; i < r.coauthors.size() && i < 20; ++i)
        std::cout << (i ? ", " : " ") << r.coauthors[i].name << " (" << r.coauthors[i].count << ")";
    std::cout << "\n\nworks " << (p.page - 1) * p.per_page + 1 << "–" << (p.page - 1) * p.per_page + p.works.size()
              << " of " << p.works_total << ", newest first:\n";
    for (const auto& w : p.works) {
        std::cout << "  " << (w.date.empty() ? (w.year ? std::to_string(*w.year) : std::string("    ")) : w.date)
                  << "  " << (w.title.empty() ? "(untitled)" : w.title) << "  [" << w.id << "]\n";
    }
}

// The profile of the author named or keyed by the positional words.
int show_profile(const AuthorArgs& a) {
    paperdex::Searcher searcher(paperdex::open_index(a.index));
    const auto authors = paperdex::AuthorIndex::open(a.index);
    const auto key = authors.resolve(paperdex::cli::join_words(a.key)).key;
    const auto p = paperdex::author_profile(searcher, authors, key, a.page, a.per_page);
    if (a.json)
        std::cout << nlohmann::json(p).dump(2) << "\n";
    else
        print_profile(p);
    return 0;
}

const paperdex::cli::Register author_command{
    "author", "an author's profile: works (newest first), topics, terms, co-authors", [](CLI::App& sub) {
        auto a = paperdex::cli::read_args<AuthorArgs>(sub);
        paperdex::cli::add_page_args(sub, a->page, a->per_page);
        sub.add_option("key", a->key, "author key or name, e.g. \"kim hazelwood\"")->required();
        return [a]() { return show_profile(*a); };
    }};

}  // namespace
