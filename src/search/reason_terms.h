#pragma once
/// Which expansion terms are shown as reasons (a work's more-like-this terms and a hit's matched terms, an
/// author's characteristic terms, a collaborator's shared terms). The ranking may use a term a reader would not
/// take for a reason: a word in 15 % of the works still lends a little weight, but as a reason it says nothing.
#include <string_view>

#include <xapian.h>

namespace paperdex {

/// A word in more than this share of the works ("model", "learning" in a machine-learning corpus) names no topic;
/// the same share as the ranking's cap for several source documents (similar.cpp), where it was chosen.
inline constexpr double kMaxShownDocFreqShare = 0.1;
/// Small indexes (tests, a lab's few hundred works) show words in up to this many works, whatever their share.
inline constexpr Xapian::doccount kMinShownDocFreqCap = 20;
/// A shown term is held by at least this many works besides the sources: a word only the sources use ("moore's"
/// on one author's works, a typo, a system's name in one work) connects them to nothing a reader could follow.
inline constexpr Xapian::doccount kMinShownOtherWorks = 1;

/// What the rule needs to know of one expansion term.
struct ReasonTermStats {
    std::string_view stem;       ///< the index term without its prefix ("toward")
    std::string_view display;    ///< the word shown for it ("towards")
    Xapian::doccount docfreq = 0;     ///< works in the index holding it
    Xapian::doccount in_sources = 0;  ///< of those, the source documents
    Xapian::doccount works = 0;       ///< works in the index
};

/// Takes a term's words and frequencies; returns true if it may be shown as a reason: neither its displayed word
/// nor its stem is a display stopword (display_stopwords.h; the stem catches inflections such as "others" →
/// "other"), it is in at most max(kMinShownDocFreqCap, kMaxShownDocFreqShare × works) works, and in at least
/// kMinShownOtherWorks works besides the sources. Throws only std::bad_alloc.
bool reads_as_reason(const ReasonTermStats& t);

}  // namespace paperdex
