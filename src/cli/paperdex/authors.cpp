// paperdex authors --index DIR [--limit N] [--json] QUERY   (name-prefix search, most works first)
// paperdex author  --index DIR [--page N] [--per-page N] [--json] KEY_OR_NAME   (profile)
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "paperdex/authors/author_index.h"
#include "paperdex/index/index_directory.h"

namespace {

struct AuthorsArgs {
    std::string index = "index";
    std::vector<std::string> query;
    std::size_t limit = 10;
    bool json = false;
};

struct AuthorArgs {
    std::string index = "index";
    std::vector<std::string> key;
    std::size_t page = 1, per_page = 10;
    bool json = false;
};

std::string years(const std::optional<int>& from, const std::optional<int>& to) {
    if (!from) return "";
    return *from == *to ? std::to_string(*from) : std::to_string(*from) + "–" + std::to_string(*to);
}

const paperdex::cli::Register authors_command{
    "authors", "find authors by name prefix (autocomplete), most works first", [](CLI::App& sub) {
        auto a = std::make_shared<AuthorsArgs>();
        sub.add_option("--index", a->index, "index directory")->capture_default_str();
        sub.add_option("--limit", a->limit, "authors to show (1..100)")->capture_default_str();
        sub.add_flag("--json", a->json, "print the JSON the HTTP API returns");
        sub.add_option("query", a->query, "name prefix, e.g. hazel")->required();
        return [a]() {
            std::string q;
            for (const auto& w : a->query) q += (q.empty() ? "" : " ") + w;
            const auto authors = paperdex::AuthorIndex::open(a->index);
            const auto found = authors.search(q, a->limit);
            if (a->json) {
                std::cout << nlohmann::json{{"q", q}, {"total", found.total}, {"authors", found.authors}}.dump(2) << "\n";
                return 0;
            }
            std::cout << found.total << " authors match\n";
            for (const auto& m : found.authors)
                std::cout << m.name << "  [" << m.key << "]  " << m.works_count << " works  "
                          << years(m.first_year, m.last_year) << "\n";
            return 0;
        };
    }};

const paperdex::cli::Register author_command{
    "author", "an author's profile: works (newest first), topics, terms, co-authors", [](CLI::App& sub) {
        auto a = std::make_shared<AuthorArgs>();
        sub.add_option("--index", a->index, "index directory")->capture_default_str();
        sub.add_option("--page", a->page, "page of works (from 1)")->capture_default_str();
        sub.add_option("--per-page", a->per_page, "works per page (1..100)")->capture_default_str();
        sub.add_flag("--json", a->json, "print the JSON the HTTP API returns");
        sub.add_option("key", a->key, "author key or name, e.g. \"kim hazelwood\"")->required();
        return [a]() {
            std::string name;
            for (const auto& w : a->key) name += (name.empty() ? "" : " ") + w;
            paperdex::Searcher searcher(paperdex::open_index(a->index));
            const auto authors = paperdex::AuthorIndex::open(a->index);
            const auto p = paperdex::author_profile(searcher, authors, authors.resolve(name).key, a->page, a->per_page);
            if (a->json) {
                std::cout << nlohmann::json(p).dump(2) << "\n";
                return 0;
            }
            const auto& r = p.author;
            std::cout << r.name << "  [" << r.key << "]\n" << r.works_count << " works";
            if (r.first_year) std::cout << ", " << years(r.first_year, r.last_year);
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
            return 0;
        };
    }};

}  // namespace
