#pragma once
/// SearchRequest → SearchResponse over one Xapian::Database (which may be a combination of shards).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <xapian.h>

#include "paperdex/corpus/work.h"
#include "paperdex/index/remote_shards.h"
#include "paperdex/index/schema.h"

namespace paperdex {

class FacetDictionary;  // internal (src/index/facet_dictionary.h): facet ordinals read from the index

/// An inclusive year range; either end may be open. Parsed from "2019..2022", "2019..", "..2022" or "2020".
struct YearRange {
    std::optional<int> from, to;
};
/// @throws InvalidArgument(parameter, ...) when malformed or from > to ("year must be FROM..TO with FROM <= TO, got 2022..2019").
YearRange parse_year_range(const std::string& text, const std::string& parameter = "year");

enum class SortOrder { relevance, year };

/// Default SearchRequest::facet_check_bound (works).
inline constexpr std::size_t kDefaultFacetCheckBound = 10000;

/// Wildcard limits (Xapian QueryParser FLAG_WILDCARD). Each wildcard is expanded in the ranked and in the counting
/// pass, and "a* b* ... t*" read most of the index twice, so a wildcard needs kMinWildcardPrefix characters before
/// its "*", a query holds at most kMaxWildcards, and each expands to its kMaxWildcardExpansion most frequent terms
/// (Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT, as Omega caps expansion).
inline constexpr std::size_t kMinWildcardPrefix = 2;     ///< characters (code points)
inline constexpr std::size_t kMaxWildcards = 8;          ///< per query
inline constexpr unsigned kMaxWildcardExpansion = 100;   ///< terms per wildcard

/// What to search for. Filters within one field are OR-ed, across fields AND-ed (as facet UIs expect).
struct SearchRequest {
    std::string query;                ///< Xapian QueryParser syntax; empty = all works (browse with filters)
    YearRange year;
    std::vector<std::string> venues, authors, topics, types;  ///< display values or keys; matched via text::key
    SortOrder sort = SortOrder::relevance;
    std::size_t offset = 0;           ///< hits to skip (paging)
    std::size_t limit = 10;           ///< hits to return, 0..1000
    std::vector<std::string> facets;  ///< facet names to count: year, venue, author, topic, type
    std::size_t facet_limit = 20;     ///< values per facet, most frequent first
    /// Facet counts visit at most this many matching works — the first ones in docid order, in an unranked pass
    /// of their own (Xapian's checkatleast with BoolWeight); past it they are estimated from the works visited,
    /// scaled to the match estimate, and marked `exact = false`. The default was chosen by measuring the cost per
    /// work visited (docs/bench.md, "Facets").
    std::size_t facet_check_bound = kDefaultFacetCheckBound;
    bool snippets = true;
};

struct FacetValue {
    std::string value;   ///< display value ("Kim Hazelwood", "2020")
    std::uint64_t count; ///< matching works with this value
};
struct FacetCounts {
    std::string name;
    std::vector<FacetValue> values;  ///< count descending, then value ascending
    bool exact = true;               ///< false when estimated past the documents-checked bound
};

struct Hit {
    std::string id;
    unsigned rank = 0;     ///< 0-based over the whole result list
    double score = 0;      ///< BM25 weight (0 for pure browse)
    Work work;
    std::string snippet;   ///< abstract excerpt, matches wrapped in <mark>…</mark>, HTML-escaped; TeX math
                           ///< ($…$ and the other spans of text::math_spans) whole or absent, never marked
    std::string title_html;///< title, matches marked the same way
};

struct SearchResponse {
    std::uint64_t total = 0;      ///< matching works (exact when `total_exact`: always when fewer than
                                  ///< offset + limit + 100 match, or with facets up to the facet bound)
    bool total_exact = true;
    std::vector<Hit> hits;
    std::vector<FacetCounts> facets;
    std::string corrected_query;  ///< Xapian spelling suggestion (title words), empty if none; only for queries
                                  ///< of up to 6 words with a word in no work: longer input is pasted text
    bool query_fallback = false;  ///< the query parser rejected `query` (e.g. a stray quote), so its words were
                                  ///< searched as plain words, as Omega does, instead of failing the request
    double took_ms = 0;
};

void to_json(nlohmann::json& j, const FacetValue& v);
void to_json(nlohmann::json& j, const FacetCounts& f);
void to_json(nlohmann::json& j, const Hit& h);
void to_json(nlohmann::json& j, const SearchResponse& r);

/// BM25 parameters and ranking knobs; defaults were chosen on training queries (SciFact train, CACM by
/// cross-validation) and reported on test queries: docs/relevance.md has each sweep and its measured effect.
/// The HTTP API and `paperdex eval search` both use the defaults unless told otherwise.
struct RankingOptions {
    double k1 = 1.2;  ///< BM25 term-frequency saturation (Robertson & Zaragoza 2009), >= 0
    double b = 0.6;   ///< BM25 document-length normalisation, 0..1
    /// Drop English stopwords (Lucene's EnglishAnalyzer list of 33 words, as Anserini's baselines use) from
    /// free-text queries (Xapian SimpleStopper). Quoted phrases and all-stopword queries keep them.
    bool stopwords = true;
    /// Pseudo-relevance feedback (RM3-like): the top `prf_docs` hits of a first pass form an RSet, Xapian's ESet
    /// picks their best `prf_terms` stemmed terms, which are OR-ed into the query at weight `prf_weight` (each term
    /// scaled by its ESet weight over the best one). 0 = off (it lowers SciFact train nDCG@10; docs/relevance.md).
    unsigned prf_docs = 0;
    unsigned prf_terms = 20;
    double prf_weight = 0.5;
    /// Pasted text (a query of more than six words without quotes or operators: a claim, a title, an abstract)
    /// is matched as a bag of words, a hyphenated word as an AND of its parts; past `elite_terms` distinct parts
    /// only the rarest ones (fewest documents) are kept, after Xapian's OP_ELITE_SET: the common words of a long
    /// query add little to its ranking and most of the cost of matching a large corpus (docs/relevance.md,
    /// section 6). 0 = every part, the default: dropping words lost CACM recall@100 (0.6318 with every word,
    /// 0.6144 on the 15 rarest), and shards (docs/scale-out.md) pay for the long queries instead.
    unsigned elite_terms = 0;
};

/// Runs searches over one database. Holds the Database, a QueryParser and an Enquire: not thread-safe,
/// use one Searcher per thread (Xapian::Database objects are not thread-safe).
class Searcher {
public:
    explicit Searcher(Xapian::Database db, RankingOptions ranking = {});

    /// A query the parser rejects (an unbalanced quote, a syntax error) is searched as its plain words, with
    /// SearchResponse::query_fallback set.
    /// @throws InvalidArgument("q", ...) for a wildcard beyond the limits above (kMinWildcardPrefix, kMaxWildcards);
    ///         InvalidArgument("limit"/"offset", ...) on out-of-range paging; InvalidArgument("facets", ...) for an
    ///         unknown facet; IndexModified if a rebuild replaced the revision being read (reopen() and ask again);
    ///         IndexError if Xapian fails otherwise.
    SearchResponse search(const SearchRequest& req) const;

    /// The work stored under `id`. @throws NotFound if absent; IndexError if Xapian fails.
    Work get_work(const std::string& id) const;
    /// Xapian docid of work `id`. @throws NotFound if absent; IndexError if Xapian fails.
    Xapian::docid docid(const std::string& id) const;

    const Xapian::Database& database() const noexcept { return db_; }

    /// A Searcher over the works of `index_dir`'s generation held by `shards`, served by stock xapian-tcpsrv
    /// (remote_shards.h), which runs only Xapian's built-in match spies: facets are counted with
    /// Xapian::ValueCountMatchSpy (the same counts, split on this side). Xapian 1.4's remote protocol has no
    /// spelling lookup, so corrections come from the generation's local spelling table (open_local_spelling), or
    /// none if it is not on this machine.
    /// @throws ShardUnavailable naming a shard that does not answer within `timeouts`; IndexError if the shards
    ///         hold another index layout or the local spelling table cannot be opened; NotFound if `index_dir`
    ///         holds no generation.
    static Searcher over_remote_shards(const std::string& index_dir, const std::vector<RemoteShard>& shards,
                                       const RemoteTimeouts& timeouts, RankingOptions ranking = {});
    /// A Searcher over `index_dir`'s generation with each of its shards in its own xapian-progsrv process
    /// (open_index_in_shard_processes), so that one search uses a core per shard; counted and corrected as
    /// over_remote_shards is. A one-shard generation is opened in this process, as Searcher(open_index(...)).
    /// @throws as open_index_in_shard_processes; IndexError if the spelling table cannot be opened.
    static Searcher over_shard_processes(const std::string& index_dir, const RemoteTimeouts& timeouts, RankingOptions ranking = {});
    /// Whether database() is made of remote shards or shard processes (over_remote_shards, over_shard_processes).
    bool remote_works() const noexcept { return remote_works_; }
    /// Re-reads the newest revision (Xapian::Database::reopen); true if it changed. @throws IndexError.
    bool reopen();
    const RankingOptions& ranking() const noexcept { return ranking_; }

    /// The Xapian query for `req` (query string + filters), also used by similar/eval.
    /// @throws InvalidArgument as search() for the query or a filter; IndexError if Xapian fails.
    Xapian::Query build_query(const SearchRequest& req) const;
    /// The filter part alone (Query() when there are no filters).
    Xapian::Query build_filter(const SearchRequest& req) const;
    /// BM25Weight built from ranking().
    Xapian::BM25Weight weighting() const;
    /// The ordinal dictionary of `facet` in this database (FacetDictionary::load, at the first faceted search),
    /// or nullptr: the facet is then counted by string. @throws IndexError if the dictionary cannot be read.
    std::shared_ptr<const FacetDictionary> facet_dictionary(const schema::Facet& facet) const;

private:
    Xapian::Database db_;
    Xapian::Database spelling_;  // db_ unless over_remote_shards
    bool remote_works_ = false;
    RankingOptions ranking_;
    mutable std::unordered_map<std::string_view, std::shared_ptr<const FacetDictionary>> dictionaries_;  // by facet name
};

}  // namespace paperdex
