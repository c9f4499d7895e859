#include "search/reason_terms.h"

#include <algorithm>

#include "search/display_stopwords.h"

namespace paperdex {

bool reads_as_reason(const ReasonTermStats& t) {
    if (is_display_stopword(t.display) || is_display_stopword(t.stem)) return false;
    const auto cap = std::max(kMinShownDocFreqCap, static_cast<Xapian::doccount>(kMaxShownDocFreqShare * t.works));
    if (t.docfreq > cap) return false;
    return t.docfreq >= t.in_sources + kMinShownOtherWorks;
}

}  // namespace paperdex
