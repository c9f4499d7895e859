// arxiv-listing: abstracts one after another, each closed by the `arXiv:ID` line that names it. See importers.h.
#include <optional>

#include "importers/importer_internal.h"
#include "paperdex/corpus/text.h"
#include "paperdex/importers/venue_extraction.h"

namespace paperdex::importers {
namespace {

bool digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// Splits "arXiv:2005.02544GPUs are..." into the id ("2005.02544") and the rest ("GPUs are..."). The id's length
// is decided by its scheme, not by where the digits stop, because the glued text may itself start with a digit:
// since 2015 (yymm >= 1501) new-style ids have 5 digits after the dot, before that 4.
std::optional<std::pair<std::string, std::string_view>> split_id_line(std::string_view line) {
    constexpr std::string_view tag = "arXiv:";
    if (line.substr(0, tag.size()) != tag) return std::nullopt;
    std::string_view s = line.substr(tag.size());
    std::size_t n = 0;
    if (s.size() >= 9 && digits(s.substr(0, 4)) && s[4] == '.') {
        std::size_t tail = std::stoi(std::string(s.substr(0, 2))) >= 15 ? 5 : 4;
        if (s.size() < 5 + tail || !digits(s.substr(5, tail))) return std::nullopt;
        n = 5 + tail;
    } else {  // old style: archive(.XX)/yymmnnn
        auto slash = s.find('/');
        if (slash == std::string_view::npos || slash == 0 || s.size() < slash + 8 || !digits(s.substr(slash + 1, 7)))
            return std::nullopt;
        n = slash + 8;
    }
    // optional version suffix "v2"
    if (n + 1 < s.size() && s[n] == 'v' && s[n + 1] >= '0' && s[n + 1] <= '9') {
        ++n;
        while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
    }
    return std::make_pair(internal::arxiv_id_without_version(s.substr(0, n)), s.substr(n));
}

void import_listing(const std::string& file, ImportResult& out) {
    std::string abstract;       // the abstract waiting for its id
    std::size_t abstract_line = 0;
    std::string comment;        // the lines between it and the id ("11 pages", "Accepted to MICRO 2020")
    internal::for_each_line(file, out, [&](std::string& raw, std::size_t no) {
        std::string_view line = raw;
        auto id = split_id_line(line);
        if (!id) {
            // An abstract is one line; what follows it before the id line is the arXiv comment: not text of the
            // work, but it may say where the work was accepted.
            if (abstract.empty()) {
                abstract = text::squeeze(line);
                abstract_line = no;
            } else {
                comment += (comment.empty() ? "" : "\n") + text::squeeze(line);
            }
            return;
        }
        if (abstract.empty()) {
            internal::reject(out, file, no, "arXiv:" + id->first + " follows no abstract");
        } else {
            Work w;
            w.id = "arxiv:" + id->first;
            w.abstract = std::move(abstract);
            w.year = internal::arxiv_id_year(id->first);
            set_arxiv_venue(w, comment);
            w.arxiv_id = id->first;
            w.url = "https://arxiv.org/abs/" + id->first;
            w.source = "arxiv-listing";
            internal::accept(out, std::move(w), file, abstract_line);
        }
        abstract = text::squeeze(id->second);  // the next abstract, glued on
        comment.clear();
        abstract_line = no;
    });
    if (!abstract.empty()) internal::reject(out, file, abstract_line, "abstract without a following arXiv:ID line");
}

}  // namespace

ImportResult import_arxiv_listing(const std::vector<std::string>& paths, const ImportOptions&) {
    return internal::import_files(paths, {".txt"}, import_listing);
}

}  // namespace paperdex::importers
