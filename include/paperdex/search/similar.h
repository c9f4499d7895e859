#pragma once
/// More like this: a work's (or a pasted text's) own best terms, found through Xapian's relevance feedback
/// (RSet → Enquire::get_eset), run as a weighted OR query over the index (../shared/DESIGN.md, "Similar works").
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <xapian.h>

#include "paperdex/search/searcher.h"
#include "paperdex/corpus/work.h"

namespace paperdex {

/// Xapian's expand weighting for the ESet. `trad` = TradEWeight (Robertson/Sparck Jones relevance weight,
/// Xapian's default), `bo1` = Bose-Einstein DFR model (Amati 2003). Measured on CACM (docs/similar.md):
/// `trad` finds more of a document's co-relevant documents (P@10 0.267 vs 0.253 with 30 terms, BM25 k1 0.9 b 0.4),
/// so it is the default.
enum class ExpansionScheme { trad, bo1 };

/// One expansion term: the index term ("Zrecommend" — Z = Xapian's stem prefix), the word a reader sees
/// (the word the sources write most often for its stem, "recommendation"), its ESet weight (> 0), its wdf summed
/// over the source documents (>= 1; title words count 1 + schema::kTitleWdfBoost per occurrence), and whether it
/// reads as a reason: not an English stopword, in at most 10 % of the works (at least 20) and in at least one work
/// besides the sources (src/search/reason_terms.h). Every term is part of the query; only shown ones are listed
/// as a hit's matched terms, an author's terms or a collaborator's shared terms.
struct ExpansionTerm {
    std::string term;
    std::string display;
    double weight = 0;
    unsigned wqf = 1;
    bool shown = true;
};

/// The most expansion terms a query may take (SimilarOptions::terms and feedback_terms, CollaboratorOptions::terms,
/// the HTTP and CLI limits): each term is one more posting list that every such query reads, so the bound is what
/// keeps the cost of one request bounded.
inline constexpr unsigned kMaxExpansionTerms = 200;

/// What to find. `filters` supplies the facet filters only (year, venues, authors, topics, types) with the
/// search semantics; its query, paging and facet fields are ignored.
struct SimilarOptions {
    SearchRequest filters;
    std::size_t offset = 0;      ///< hits to skip, 0..10000
    std::size_t limit = 10;      ///< hits to return, 0..1000
    unsigned terms = 50;         ///< expansion terms in the query, 1..kMaxExpansionTerms (50 beat 30 on every set, docs/similar.md)
    ExpansionScheme scheme = ExpansionScheme::trad;
    /// TradEWeight's k (Enquire::set_expansion_scheme("trad", k)): a term's relevance weight is multiplied by
    /// (k + 1)·wdf / (k·len/avlen + wdf) of the source, BM25's saturation of its wdf; 0 = rarity alone, >= 0.
    double tf_k = 1;
    /// BM25 k3 of the expansion query: query-term-frequency saturation of wqf = source wdf
    /// (Robertson et al., Okapi at TREC-3); 0 = wqf ignored, >= 0.
    double k3 = 1;
    /// Skip words no other work has (document frequency 1): they cannot match, and would take a place.
    bool skip_unique = false;
    /// Second pass (pseudo-relevance feedback): the best `feedback_docs` hits of the first pass join the source in
    /// an RSet whose best `feedback_terms` (as expansion_terms for several documents) are OR-ed into the query at
    /// weight `feedback_weight`. 0 = one pass. Measured in docs/similar.md (co-relevant P@10 on CACM 0.273 → 0.284).
    unsigned feedback_docs = 1;
    unsigned feedback_terms = 30;
    double feedback_weight = 0.5;
};

struct SimilarHit {
    std::string id;
    unsigned rank = 0;                       ///< 0-based over the whole result list
    double score = 0;                        ///< BM25 weight of the expansion query
    Work work;
    /// display forms of the shown terms (ExpansionTerm::shown) it matched: `terms` by rank, then `feedback_terms`
    std::vector<std::string> matched_terms;
};

struct SimilarResponse {
    std::string source_id;                   ///< empty for a pasted text
    std::string source_title;
    std::vector<ExpansionTerm> terms;        ///< the source's own expansion terms (opt.terms of them), best first
    /// The second pass's terms not already in `terms`, best first (ESet weights of that pass); empty with
    /// feedback_docs 0 or no first-pass hit.
    std::vector<ExpansionTerm> feedback_terms;
    std::uint64_t total = 0;                 ///< matching works (exact when total_exact)
    bool total_exact = true;
    std::vector<SimilarHit> hits;
    double took_ms = 0;
};

/// {"id","rank","score","matched_terms":[...],"work":{...}}
void to_json(nlohmann::json& j, const SimilarHit& h);
/// {"source":{"id","title"} or null,"terms":[{"term","display","weight","shown"}],"feedback_terms":[same],"total",
///  "total_exact","hits","took_ms"}
void to_json(nlohmann::json& j, const ExpansionTerm& t);
void to_json(nlohmann::json& j, const SimilarResponse& r);

/// Works most like `work_id`, found through that work's own best terms.
/// Method: RSet{work} → ESet over free-text terms only (schema::is_free_text_term: a word counts once, by its stem;
/// words starting with a digit and words under 3 bytes are skipped), best
/// `opt.terms` as an OP_OR of Query(term, wqf) scaled by weight / best weight (OP_SCALE_WEIGHT), ranked by BM25
/// (Searcher::ranking()'s k1 and b, k3 = opt.k3), filtered by Searcher::build_filter, with the work itself
/// excluded (OP_AND_NOT Q<id>). Then, with opt.feedback_docs > 0, a second pass: RSet{work + best first-pass
/// hits} → its best opt.feedback_terms OR-ed in at opt.feedback_weight (pseudo-relevance feedback, Rocchio/RM3).
/// Source: Xapian RSet/ESet; cf. Lucene MoreLikeThis. Measured in docs/similar.md.
/// @return at most `opt.limit` hits, best first; each lists the terms it matched.
/// @throws NotFound        if `work_id` is not in the index.
/// @throws InvalidArgument ("terms", "limit", "offset", "feedback_docs", "feedback_terms", "feedback_weight", "tf_k",
///                         "k3") if an option is out of range, or as Searcher for a bad filter.
/// @throws IndexError      if Xapian fails (IndexModified if a rebuild replaced the revision being read).
SimilarResponse similar(const Searcher& searcher, std::string_view work_id, const SimilarOptions& opt);

/// Works most like a pasted text (e.g. an abstract). The text is indexed by the same DocumentBuilder as the works
/// into an in-memory Xapian database, which is combined with the index (Database::add_database) so that the ESet
/// sees the index's term statistics; the expansion query then runs over the index alone, as in similar().
/// @throws InvalidArgument("text", ...) if the text is empty/blank or longer than 20,000 bytes; as similar()
///         for options; IndexError if Xapian fails.
SimilarResponse similar_text(const Searcher& searcher, std::string_view text, const SimilarOptions& opt);

// Building blocks shared with the collaborator suggestions (authors).

/// The best `count` free-text expansion terms of the documents `rset` (docids of `db`), best first, with their
/// display forms taken from those documents; as similar(), and for several documents also without words found in
/// more than 10% of the works (at least 20): TradEWeight would favour them, being in all the documents.
/// Empty when the documents have no free-text terms.
/// @throws IndexError if Xapian fails.
std::vector<ExpansionTerm> expansion_terms(const Xapian::Database& db, const std::vector<Xapian::docid>& rset,
                                           unsigned count, ExpansionScheme scheme = ExpansionScheme::trad);

/// OP_OR of Query(term, wqf), each OP_SCALE_WEIGHT-ed by weight / best weight. Query() for no terms.
Xapian::Query expansion_query(const std::vector<ExpansionTerm>& terms);

}  // namespace paperdex
