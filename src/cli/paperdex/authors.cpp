// paperdex authors --index DIR [--limit N] [--json] QUERY   (name-prefix search, most works first)
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/paperdex/read_command.h"
#include "paperdex/authors/author_index.h"

namespace {

struct AuthorsArgs : paperdex::cli::IndexArgs {
    std::vector<std::string> query;
    std::size_t limit = 10;
};

// Authors whose names start with `q`, as text or as the API's JSON.
int list_authors(const AuthorsArgs& a) {
    const std::string q = paperdex::cli::join_words(a.query);
    const auto found = paperdex::AuthorIndex::open(a.index).search(q, a.limit);
    if (a.json) {
        std::cout << nlohmann::json{{"q", q}, {"total", found.total}, {"authors", found.authors}}.dump(2) << "\n";
        return 0;
    }
    std::cout << found.total << " authors match\n";
    for (const auto& m : found.authors)
        std::cout << m.name << "  [" << m.key << "]  " << m.works_count << " works  "
                  << paperdex::cli::year_span(m.first_year, m.last_year) << "\n";
    return 0;
}

const paperdex::cli::Register authors_command{
    "authors", "find authors by name prefix (autocomplete), most works first", [](CLI::App& sub) {
        auto a = paperdex::cli::read_args<AuthorsArgs>(sub);
        sub.add_option("--limit", a->limit, "authors to show (1..100)")->capture_default_str();
        sub.add_option("query", a->query, "name prefix, e.g. hazel")->required();
        return [a]() { return list_authors(*a); };
    }};

}  // namespace
