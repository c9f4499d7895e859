// CSL-JSON writer (csl_json.h).
#include "paperdex/export/csl_json.h"

#include <stdexcept>

#include "paperdex/export/person_name.h"
#include "paperdex/export/work_kind.h"

namespace paperdex::citation {
namespace {

using nlohmann::json;

std::string_view item_type(WorkKind k) {
    switch (k) {
        case WorkKind::journal_article: return "article-journal";
        case WorkKind::conference_paper: return "paper-conference";
        case WorkKind::preprint: return "article";
        case WorkKind::book: return "book";
        case WorkKind::chapter: return "chapter";
        case WorkKind::report: return "report";
        case WorkKind::thesis: return "thesis";
        case WorkKind::dataset: return "dataset";
        case WorkKind::other: break;
    }
    return "document";
}

json name_json(const std::string& name) {
    const PersonName n = split_name(name);
    if (!n.literal.empty()) return {{"literal", n.literal}};
    json j{{"family", n.family}};
    if (!n.given.empty()) j["given"] = n.given;
    if (!n.suffix.empty()) j["suffix"] = n.suffix;
    return j;
}

// [[Y]] or, with an ISO date in that year, [[Y, M, D]].
json issued(const Work& w) {
    json parts = json::array({*w.year});
    const std::string y = std::to_string(*w.year);
    const bool full = w.date.size() == 10 && w.date.compare(0, 4, y) == 0 && w.date[4] == '-' && w.date[7] == '-';
    if (full) {
        const int month = std::atoi(w.date.substr(5, 2).c_str()), day = std::atoi(w.date.substr(8, 2).c_str());
        if (month >= 1 && month <= 12 && day >= 1 && day <= 31) parts.insert(parts.end(), {month, day});
    }
    return {{"date-parts", json::array({parts})}};
}

void set(json& item, const char* name, const std::string& value) {
    if (!value.empty()) item[name] = value;
}

json item(const Work& w, const std::string& key) {
    const WorkKind kind = work_kind(w);
    json j{{"id", key}, {"type", item_type(kind)}};
    set(j, "title", w.title);
    if (!w.authors.empty()) {
        json authors = json::array();
        for (const Author& a : w.authors)
            if (json n = name_json(a.name); !n.value("literal", "").empty() || !n.value("family", "").empty())
                authors.push_back(std::move(n));
        if (!authors.empty()) j["author"] = std::move(authors);
    }
    if (w.year) j["issued"] = issued(w);
    const bool contained =
        kind == WorkKind::journal_article || kind == WorkKind::conference_paper || kind == WorkKind::chapter;
    set(j, contained ? "container-title" : "publisher", display_venue(w));
    set(j, "DOI", w.doi);
    if (!w.arxiv_id.empty()) {
        j["archive"] = "arXiv";
        j["archive_location"] = w.arxiv_id;
        if (kind == WorkKind::preprint) j["number"] = "arXiv:" + w.arxiv_id;
    }
    set(j, "URL", work_url(w));
    set(j, "abstract", w.abstract);
    return j;
}

}  // namespace

json to_csl_json(const std::vector<Work>& works, const std::vector<std::string>& keys) {
    if (keys.size() != works.size()) throw std::invalid_argument("to_csl_json: one key per work");
    json out = json::array();
    for (std::size_t i = 0; i < works.size(); ++i) out.push_back(item(works[i], keys[i]));
    return out;
}

}  // namespace paperdex::citation
