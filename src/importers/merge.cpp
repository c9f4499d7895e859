// merge_works: the same work from several sources becomes one Work. Rules in include/paperdex/importers/merge.h.
#include "paperdex/importers/merge.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "importers/importer_internal.h"
#include "paperdex/corpus/text.h"

namespace paperdex {
namespace {

constexpr std::size_t min_abstract_key_chars = 200;

struct Group {
    std::vector<std::size_t> members;  // indexes into the input, in input order
    std::string arxiv_id, doi;         // the group's ids so far (first non-empty)
    std::set<std::string> sources;
};

std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

Work merge_group(std::vector<Work>& works, const Group& g) {
    if (g.members.size() == 1) return std::move(works[g.members[0]]);
    Work out;
    auto first = [&](auto field) {
        for (auto i : g.members)
            if (!(works[i].*field).empty()) return works[i].*field;
        return std::string();
    };
    out.title = first(&Work::title);
    out.abstract = first(&Work::abstract);
    out.date = first(&Work::date);
    // Venue, its full name and the type travel together, from the first member that names a venue other than the
    // repository (a listing's "CVPR" beats a profile's "arXiv" for the same work).
    const Work* venue_from = nullptr;
    for (auto i : g.members)
        if (!works[i].venue.empty() && (!venue_from || (venue_from->venue == "arXiv" && works[i].venue != "arXiv")))
            venue_from = &works[i];
    if (venue_from) {
        out.venue = venue_from->venue;
        out.venue_name = venue_from->venue_name;
        out.type = venue_from->type;
    }
    if (out.type.empty()) out.type = first(&Work::type);
    out.doi = first(&Work::doi);  // as the first source spelled it; matching ignored case
    out.arxiv_id = g.arxiv_id;  // already without a version suffix
    out.url = first(&Work::url);
    for (auto i : g.members)
        if (!out.year && works[i].year) out.year = works[i].year;

    // The fullest byline keeps its order; names only another source has are appended.
    std::size_t longest = g.members[0];
    for (auto i : g.members)
        if (works[i].authors.size() > works[longest].authors.size()) longest = i;
    std::unordered_set<std::string> keys;
    for (const auto& a : works[longest].authors)
        if (keys.insert(author_key(a)).second) out.authors.push_back(a);
    for (auto i : g.members)
        for (const auto& a : works[i].authors)
            if (keys.insert(author_key(a)).second) out.authors.push_back(a);

    std::vector<std::string> sources;
    for (auto i : g.members) {
        for (const auto& t : works[i].topics)
            if (std::find(out.topics.begin(), out.topics.end(), t) == out.topics.end()) out.topics.push_back(t);
        // a member may itself be a merged work ("a+b"): keep each importer name once
        std::string_view s = works[i].source;
        for (std::size_t start = 0; start <= s.size();) {
            auto end = s.find('+', start);
            if (end == std::string_view::npos) end = s.size();
            std::string part(s.substr(start, end - start));
            if (!part.empty() && std::find(sources.begin(), sources.end(), part) == sources.end()) sources.push_back(part);
            start = end + 1;
        }
    }
    for (const auto& s : sources) out.source += (out.source.empty() ? "" : "+") + s;
    out.id = out.arxiv_id.empty() ? works[g.members[0]].id : "arxiv:" + out.arxiv_id;
    return out;
}

}  // namespace

MergeResult merge_works(std::vector<Work> works) {
    std::vector<Group> groups;
    std::unordered_map<std::string, std::size_t> by_arxiv, by_doi, by_abstract;
    for (std::size_t i = 0; i < works.size(); ++i) {
        const Work& w = works[i];
        std::string arxiv = w.arxiv_id.empty() ? "" : importers::internal::arxiv_id_without_version(w.arxiv_id);
        std::string doi = lower(w.doi);
        std::string abstract_key = text::key(w.abstract);
        if (abstract_key.size() < min_abstract_key_chars) abstract_key.clear();

        std::optional<std::size_t> g;
        if (!arxiv.empty())
            if (auto it = by_arxiv.find(arxiv); it != by_arxiv.end()) g = it->second;
        if (!g && !doi.empty())
            if (auto it = by_doi.find(doi); it != by_doi.end()) g = it->second;
        if (!g && !abstract_key.empty()) {
            if (auto it = by_abstract.find(abstract_key); it != by_abstract.end()) {
                const Group& cand = groups[it->second];
                bool conflict = (!arxiv.empty() && !cand.arxiv_id.empty() && arxiv != cand.arxiv_id) ||
                                (!doi.empty() && !cand.doi.empty() && doi != cand.doi) || cand.sources.count(w.source);
                if (!conflict) g = it->second;
            }
        }
        if (!g) {
            g = groups.size();
            groups.emplace_back();
        }
        Group& grp = groups[*g];
        grp.members.push_back(i);
        grp.sources.insert(w.source);
        if (grp.arxiv_id.empty()) grp.arxiv_id = arxiv;
        if (grp.doi.empty()) grp.doi = doi;
        if (!arxiv.empty()) by_arxiv.emplace(arxiv, *g);
        if (!doi.empty()) by_doi.emplace(doi, *g);
        if (!abstract_key.empty()) by_abstract.emplace(abstract_key, *g);
    }
    MergeResult out;
    out.works.reserve(groups.size());
    for (const auto& g : groups) {
        out.merged += g.members.size() - 1;
        out.works.push_back(merge_group(works, g));
    }
    return out;
}

}  // namespace paperdex
