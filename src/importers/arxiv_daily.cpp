// arxiv-daily: one JSONL file per announcement day; a work listed on several days is one work. See importers.h.
#include <algorithm>
#include <filesystem>
#include <regex>
#include <unordered_map>

#include "importers/importer_internal.h"
#include "paperdex/corpus/text.h"
#include "paperdex/importers/venue_extraction.h"

namespace paperdex::importers {
namespace {

// "68T07, 92C55" (MSC) and "I.2; I.2.7" (ACM) arrive as one category string; split them so that each is a topic.
void add_categories(const std::vector<std::string>& categories, std::vector<std::string>& topics) {
    for (const auto& c : categories) {
        std::size_t start = 0;
        while (start <= c.size()) {
            auto end = c.find_first_of(",;", start);
            if (end == std::string::npos) end = c.size();
            std::string t = text::squeeze(std::string_view(c).substr(start, end - start));
            if (!t.empty() && std::find(topics.begin(), topics.end(), t) == topics.end()) topics.push_back(t);
            start = end + 1;
        }
    }
}

// The crawl sometimes lost the separators of a byline: 2506.02197 (2025-06-04) has ONE "author" of 512 bytes,
// "Xiangyu Kongand Xiaoxia Xingand Fan Wangand ... Watchara Ruangsangand". A name where "and" is glued to a
// lower-case letter and followed by a capitalised word twice or more is such a run: split it there. Once is not
// enough ("Anand Kumar" is one person), and names that merely end in "and" (Legrand) are left alone.
void add_authors(const std::vector<std::string>& names, std::vector<Author>& authors) {
    static const std::regex glued(R"(([a-z])and (?=[A-Z]))");
    for (const auto& raw : names) {
        std::string name = text::squeeze(raw);
        auto runs = std::distance(std::sregex_iterator(name.begin(), name.end(), glued), std::sregex_iterator());
        if (runs < 2) {
            if (!name.empty()) authors.push_back({name, ""});
            continue;
        }
        std::string split = std::regex_replace(name, glued, "$1\n");
        if (split.size() > 3 && split.compare(split.size() - 3, 3, "and") == 0 && split[split.size() - 4] >= 'a' &&
            split[split.size() - 4] <= 'z')
            split.resize(split.size() - 3);  // the last name of the run still carries its "and"
        std::size_t start = 0;
        while (start <= split.size()) {
            auto end = split.find('\n', start);
            if (end == std::string::npos) end = split.size();
            std::string one = text::squeeze(std::string_view(split).substr(start, end - start));
            if (!one.empty()) authors.push_back({one, ""});
            start = end + 1;
        }
    }
}

Work parse_listing(const nlohmann::json& j, const std::string& date) {
    Work w = internal::arxiv_work(j, "a listing");
    w.title = text::squeeze(internal::str(j, "title"));
    w.abstract = text::squeeze(internal::str(j, "summary"));
    add_authors(internal::str_array(j, "authors"), w.authors);
    w.year = std::stoi(date.substr(0, 4));
    w.date = date;
    set_arxiv_venue(w, internal::str(j, "comment"));
    add_categories(internal::str_array(j, "categories"), w.topics);
    w.url = internal::str(j, "abs");
    if (w.url.empty()) w.url = "https://arxiv.org/abs/" + w.arxiv_id;
    w.source = "arxiv-daily";
    return w;
}

}  // namespace

ImportResult import_arxiv_daily(const std::vector<std::string>& paths, const ImportOptions&) {
    ImportResult out;
    static const std::regex name_re(R"((\d{4}-\d{2}-\d{2})\.jsonl(\.gz)?)");
    struct Day {
        std::string date, file;
    };
    std::vector<Day> days;
    for (const auto& file : internal::input_files(paths, {".jsonl", ".jsonl.gz"}, out)) {
        std::smatch m;
        std::string name = std::filesystem::path(file).filename().string();
        if (!std::regex_match(name, m, name_re)) {
            internal::reject(out, file, 0, "file name must be the listing date, YYYY-MM-DD.jsonl[.gz]");
            continue;
        }
        days.push_back({m[1].str(), file});
    }
    // "The latest listing wins" is about dates, not about the order the files were named in.
    std::stable_sort(days.begin(), days.end(), [](const Day& a, const Day& b) { return a.date < b.date; });

    std::unordered_map<std::string, std::size_t> index_of;  // arxiv id -> position in out.works
    for (const auto& day : days) {
        internal::for_each_line(day.file, out, [&](std::string& line, std::size_t no) {
            Work w;
            if (!internal::guarded_record(out, day.file, no, [&] { w = parse_listing(nlohmann::json::parse(line), day.date); }))
                return;
            auto it = index_of.find(w.arxiv_id);
            if (it == index_of.end()) {
                std::size_t before = out.works.size();
                internal::accept(out, std::move(w), day.file, no);
                if (out.works.size() > before) index_of.emplace(out.works.back().arxiv_id, before);
                return;
            }
            if (!validate(w).empty()) {  // a broken later listing must not replace a good one
                internal::accept(out, std::move(w), day.file, no);  // reports it
                return;
            }
            out.works[it->second] = std::move(w);
            ++out.read;
            ++out.folded;
        });
    }
    return out;
}

}  // namespace paperdex::importers
