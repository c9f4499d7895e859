// arxiv-oai: the arXiv OAI metadata snapshot (Kaggle), one JSON object a line. See importers.h.
#include <regex>

#include "importers/importer_internal.h"
#include "paperdex/corpus/text.h"
#include "paperdex/importers/venue_extraction.h"
#include "corpus/json_excerpt.h"

namespace paperdex::importers {
namespace {

std::string clean(std::string_view s) { return text::squeeze(latex_to_unicode(s)); }

// "Mon, 2 Apr 2007 19:18:42 GMT" -> "2007-04-02"; "" if it does not look like that.
std::string rfc822_date(const std::string& s) {
    static const std::regex re(R"((\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}))");
    static const std::string months = "JanFebMarAprMayJunJulAugSepOctNovDec";
    std::smatch m;
    if (!std::regex_search(s, m, re)) return {};
    int month = static_cast<int>(months.find(m[2].str()) / 3 + 1);
    int day = std::stoi(m[1].str());
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s-%02d-%02d", m[3].str().c_str(), month, day);
    return buf;
}

// The `authors` string when `authors_parsed` is missing: "A. One, B. Two and C. Three (Univ X)".
std::vector<Author> parse_author_string(const std::string& s) {
    std::string flat;
    int depth = 0;  // affiliations in parentheses, possibly nested, are not names
    for (char c : s) {
        if (c == '(') ++depth;
        else if (c == ')') depth = depth > 0 ? depth - 1 : 0;
        else if (depth == 0) flat.push_back(c);
    }
    flat = std::regex_replace(flat, std::regex(R"(,?\s+and\s+)"), ",");
    std::vector<Author> out;
    std::size_t start = 0;
    while (start <= flat.size()) {
        auto end = flat.find(',', start);
        if (end == std::string::npos) end = flat.size();
        std::string name = clean(flat.substr(start, end - start));
        if (!name.empty()) out.push_back({name, ""});
        start = end + 1;
    }
    return out;
}

Work parse_record(const nlohmann::json& j) {
    Work w = internal::arxiv_work(j, "a record");
    w.title = clean(internal::str(j, "title"));
    w.abstract = text::squeeze(internal::str(j, "abstract"));
    if (auto it = j.find("authors_parsed"); it != j.end() && it->is_array() && !it->empty()) {
        for (const auto& p : *it) {
            if (!p.is_array() || p.empty())
                throw InvalidArgument("authors_parsed", "\"authors_parsed\" entries must be [last, first, suffix], got " + json_excerpt(p));
            auto part = [&](std::size_t i) { return i < p.size() && p[i].is_string() ? p[i].get<std::string>() : std::string(); };
            std::string name = clean(part(1) + " " + part(0) + " " + part(2));
            if (!name.empty()) w.authors.push_back({name, ""});
        }
    } else {
        w.authors = parse_author_string(internal::str(j, "authors"));
    }
    if (auto it = j.find("versions"); it != j.end() && it->is_array() && !it->empty() && it->front().is_object())
        w.date = rfc822_date(internal::str(it->front(), "created"));
    if (w.date.empty()) w.date = internal::str(j, "update_date");
    if (w.date.size() >= 4) w.year = std::atoi(w.date.substr(0, 4).c_str());
    set_arxiv_venue(w, internal::str(j, "comments"), internal::str(j, "journal-ref"));
    std::string categories = internal::str(j, "categories");
    for (std::size_t start = 0; start < categories.size();) {
        auto end = categories.find(' ', start);
        if (end == std::string::npos) end = categories.size();
        if (end > start) w.topics.push_back(categories.substr(start, end - start));
        start = end + 1;
    }
    w.doi = internal::bare_doi(text::squeeze(internal::str(j, "doi")));
    w.url = "https://arxiv.org/abs/" + w.arxiv_id;
    w.source = "arxiv-oai";
    return w;
}

}  // namespace

ImportResult import_arxiv_oai(const std::vector<std::string>& paths, const ImportOptions&) {
    ImportResult out;
    for (const auto& file : internal::input_files(paths, {".json", ".jsonl", ".json.gz", ".jsonl.gz"}, out)) {
        internal::for_each_line(file, out, [&](std::string& line, std::size_t no) {
            internal::guarded_record(out, file, no, [&] { internal::accept(out, parse_record(nlohmann::json::parse(line)), file, no); });
        });
    }
    return out;
}

}  // namespace paperdex::importers
