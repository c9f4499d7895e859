// RIS writer (ris.h).
#include "paperdex/export/ris.h"

#include <stdexcept>

#include "export/clean_text.h"
#include "paperdex/export/person_name.h"
#include "paperdex/export/work_kind.h"

namespace paperdex::citation {
namespace {

std::string_view record_type(WorkKind k) {
    switch (k) {
        case WorkKind::journal_article: return "JOUR";
        case WorkKind::conference_paper: return "CPAPER";
        case WorkKind::preprint: return "UNPB";
        case WorkKind::book: return "BOOK";
        case WorkKind::chapter: return "CHAP";
        case WorkKind::report: return "RPRT";
        case WorkKind::thesis: return "THES";
        case WorkKind::dataset: return "DATA";
        case WorkKind::other: break;
    }
    return "GEN";
}

// T2 is the secondary title: the journal of an article, the proceedings of a paper, the book of a chapter.
// For the other kinds the venue is who published it (a repository such as arXiv, a publisher, a university).
std::string_view venue_tag(WorkKind k) {
    const bool contained =
        k == WorkKind::journal_article || k == WorkKind::conference_paper || k == WorkKind::chapter;
    return contained ? "T2" : "PB";
}

void line(std::string& out, std::string_view tag, std::string_view value) {
    const std::string v = clean_text(value);
    if (v.empty()) return;
    out += tag;
    out += "  - ";
    out += v;
    out += "\r\n";
}

std::string author_value(const std::string& name) {
    const PersonName n = split_name(name);
    if (!n.literal.empty()) return n.literal;
    std::string v = n.family;
    if (!n.given.empty() || !n.suffix.empty()) v += ", " + n.given;
    if (!n.suffix.empty()) v += ", " + n.suffix;
    return v;
}

// YYYY/MM/DD/ from an ISO date of the work's year; YYYY/// from the year alone.
std::string ris_date(const Work& w) {
    if (!w.year) return {};
    const std::string y = std::to_string(*w.year);
    if (w.date.size() == 10 && w.date.compare(0, 4, y) == 0 && w.date[4] == '-' && w.date[7] == '-')
        return y + "/" + w.date.substr(5, 2) + "/" + w.date.substr(8, 2) + "/";
    return y + "///";
}

std::string record(const Work& w, const std::string& key) {
    const WorkKind kind = work_kind(w);
    std::string out;
    line(out, "TY", record_type(kind));
    line(out, "ID", key);
    line(out, "TI", w.title);
    for (const Author& a : w.authors) line(out, "AU", author_value(a.name));
    if (w.year) line(out, "PY", std::to_string(*w.year));
    line(out, "DA", ris_date(w));
    line(out, venue_tag(kind), display_venue(w));
    line(out, "DO", w.doi);
    if (!w.arxiv_id.empty()) {
        // The database and accession number (Zotero reads them as archive and archive location); a preprint's
        // number too (M1), which is where RIS readers such as citation-js look for an unpublished work's number.
        line(out, "DB", "arXiv");
        line(out, "AN", "arXiv:" + w.arxiv_id);
        if (kind == WorkKind::preprint) line(out, "M1", "arXiv:" + w.arxiv_id);
    }
    line(out, "UR", work_url(w));
    line(out, "AB", w.abstract);
    out += "ER  - \r\n";
    return out;
}

}  // namespace

std::string to_ris(const std::vector<Work>& works, const std::vector<std::string>& keys) {
    if (keys.size() != works.size()) throw std::invalid_argument("to_ris: one key per work");
    std::string out;
    for (std::size_t i = 0; i < works.size(); ++i) out += (i ? "\r\n" : "") + record(works[i], keys[i]);
    return out;
}

}  // namespace paperdex::citation
