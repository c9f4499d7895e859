// paperdex export --index DIR (--id ID ... | --query Q [filters] [--sort S] [--offset N] [--limit N])
//                 --format bibtex|ris|csljson [--out FILE]
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/paperdex/read_command.h"
#include "paperdex/error.h"
#include "paperdex/export/citation.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/search/searcher.h"

namespace {

struct ExportArgs {
    std::string index = "index", format, query, year, sort = "relevance", out;
    std::vector<std::string> ids;
    paperdex::SearchRequest req;
    CLI::Option* query_option = nullptr;
};

// The works asked for: the ids in the order given, or the page of the search.
std::vector<paperdex::Work> works_of(const ExportArgs& a) {
    paperdex::Searcher searcher(paperdex::open_index(a.index));
    std::vector<paperdex::Work> works;
    if (!a.ids.empty()) {
        for (const auto& id : a.ids) works.push_back(searcher.get_work(id));
        return works;
    }
    paperdex::SearchRequest req = a.req;
    req.query = a.query;
    if (!a.year.empty()) req.year = paperdex::parse_year_range(a.year, "--year");
    req.sort = a.sort == "year" ? paperdex::SortOrder::year : paperdex::SortOrder::relevance;
    req.snippets = false;
    for (auto& h : searcher.search(req).hits) works.push_back(std::move(h.work));
    return works;
}

int run_export(const ExportArgs& a) {
    const auto format = paperdex::citation::parse_format(a.format, "--format");
    const bool by_query = a.query_option->count() > 0;
    if (a.ids.empty() == !by_query)
        throw paperdex::InvalidArgument("--id", "give either --id ID ... or --query Q (an empty Q with filters browses)");
    const std::string text = paperdex::citation::write(works_of(a), format);
    if (a.out.empty() || a.out == "-") {
        std::cout << text;
        return 0;
    }
    std::ofstream file(a.out, std::ios::binary);
    if (!(file << text) || !file.flush()) throw paperdex::Error("cannot write " + a.out);
    return 0;
}

const paperdex::cli::Register export_command{
    "export", "works as BibTeX, RIS or CSL-JSON: by id, or the hits of a search", [](CLI::App& sub) {
        auto a = std::make_shared<ExportArgs>();
        sub.add_option("--index", a->index, "index directory")->capture_default_str();
        sub.add_option("--format", a->format, "bibtex, ris or csljson")->required();
        sub.add_option("--id", a->ids, "work id (repeat for several; exported in the order given)")
            ->allow_extra_args(false);
        a->query_option = sub.add_option("--query", a->query, "Xapian query syntax; '' with filters browses");
        paperdex::cli::add_filter_args(sub, a->year, a->req);
        sub.add_option("--sort", a->sort, "relevance or year")->check(CLI::IsMember({"relevance", "year"}))->capture_default_str();
        a->req.limit = 100;
        paperdex::cli::add_paging_args(sub, a->req.offset, a->req.limit);
        sub.add_option("--out", a->out, "file to write (default: standard output)");
        return [a]() { return run_export(*a); };
    }};

}  // namespace
