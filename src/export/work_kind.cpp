// Work types → publication kinds (work_kind.h).
#include "paperdex/export/work_kind.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace paperdex::citation {
namespace {

// Types as the importers write them (OpenAlex's work types, arXiv's preprint, the venue extraction's kinds).
constexpr std::array<std::pair<std::string_view, WorkKind>, 20> kTypes{{
    {"journal", WorkKind::journal_article},         {"article", WorkKind::journal_article},
    {"journal-article", WorkKind::journal_article}, {"review", WorkKind::journal_article},
    {"letter", WorkKind::journal_article},          {"editorial", WorkKind::journal_article},
    {"erratum", WorkKind::journal_article},         {"conference", WorkKind::conference_paper},
    {"workshop", WorkKind::conference_paper},       {"findings", WorkKind::conference_paper},
    {"proceedings-article", WorkKind::conference_paper}, {"proceedings", WorkKind::conference_paper},
    {"inproceedings", WorkKind::conference_paper},  {"preprint", WorkKind::preprint},
    {"book", WorkKind::book},                       {"monograph", WorkKind::book},
    {"book-chapter", WorkKind::chapter},            {"chapter", WorkKind::chapter},
    {"report", WorkKind::report},                   {"dissertation", WorkKind::thesis},
}};

// ASCII case-insensitive equality; `lower` is lower case.
bool same_name(std::string_view s, std::string_view lower) noexcept {
    if (s.size() != lower.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = (s[i] >= 'A' && s[i] <= 'Z') ? static_cast<char>(s[i] - 'A' + 'a') : s[i];
        if (c != lower[i]) return false;
    }
    return true;
}

}  // namespace

WorkKind work_kind(const Work& w) noexcept {
    const std::string_view type = w.type;
    if (same_name(type, "thesis")) return WorkKind::thesis;
    if (same_name(type, "dataset")) return WorkKind::dataset;
    const auto it = std::find_if(kTypes.begin(), kTypes.end(), [&](const auto& p) { return same_name(type, p.first); });
    if (it != kTypes.end()) return it->second;
    return w.arxiv_id.empty() ? WorkKind::other : WorkKind::preprint;
}

std::string display_venue(const Work& w) { return w.venue_name.empty() ? w.venue : w.venue_name; }

std::string work_url(const Work& w) {
    if (!w.url.empty()) return w.url;
    if (!w.arxiv_id.empty()) return "https://arxiv.org/abs/" + w.arxiv_id;
    if (!w.doi.empty()) return "https://doi.org/" + w.doi;
    return {};
}

}  // namespace paperdex::citation
