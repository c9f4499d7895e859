#include "paperdex/search/searcher.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <memory>

#include <nlohmann/json.hpp>

#include "paperdex/error.h"
#include "search/facet_spy.h"
#include "search/value_count_facet_tally.h"
#include "search/math_snippet.h"
#include "index/xapian_error.h"
#include "paperdex/index/document.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/index/schema.h"
#include "paperdex/corpus/text.h"

namespace paperdex {
namespace {

constexpr std::size_t kMaxLimit = 1000;
constexpr std::size_t kMaxOffset = 100000;
constexpr std::size_t kSnippetBytes = 300;
// Typed queries are short (web query logs: 2–3 words on average); longer input is pasted text (parse_query).
constexpr std::size_t kMaxSpellingWords = 6;
constexpr std::size_t kCountedPastPage = 100;

std::optional<int> parse_year(const std::string& s, const std::string& text, const std::string& parameter) {
    if (s.empty()) return std::nullopt;
    if (s.size() > 4 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw InvalidArgument(parameter, parameter + " must be YEAR or FROM..TO (e.g. 2019..2022), got \"" + text + "\"");
    return std::stoi(s);
}

Xapian::Query or_terms(const std::string& facet, const std::vector<std::string>& values) {
    std::vector<Xapian::Query> terms;
    for (const auto& v : values)
        if (!text::squeeze(v).empty()) terms.emplace_back(schema::filter_term(facet, v));
    if (terms.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::string facet_display(const schema::Facet& f, const std::string& value) {
    if (f.slot == schema::kYearSlot) return std::to_string(static_cast<int>(Xapian::sortable_unserialise(value)));
    return value;
}

}  // namespace

YearRange parse_year_range(const std::string& text_in, const std::string& parameter) {
    const std::string t = text::squeeze(text_in);
    YearRange r;
    auto dots = t.find("..");
    if (dots == std::string::npos) {
        r.from = r.to = parse_year(t, t, parameter);
        if (!r.from) throw InvalidArgument(parameter, parameter + " must not be empty");
        return r;
    }
    r.from = parse_year(t.substr(0, dots), t, parameter);
    r.to = parse_year(t.substr(dots + 2), t, parameter);
    if (!r.from && !r.to)
        throw InvalidArgument(parameter, parameter + " must be YEAR or FROM..TO (e.g. 2019..2022), got \"" + t + "\"");
    if (r.from && r.to && *r.from > *r.to)
        throw InvalidArgument(parameter, parameter + " must be FROM..TO with FROM <= TO, got \"" + t + "\"");
    return r;
}

void to_json(nlohmann::json& j, const FacetValue& v) { j = {{"value", v.value}, {"count", v.count}}; }

void to_json(nlohmann::json& j, const FacetCounts& f) { j = {{"exact", f.exact}, {"values", f.values}}; }

void to_json(nlohmann::json& j, const Hit& h) {
    j = {{"id", h.id}, {"rank", h.rank}, {"score", h.score}, {"snippet", h.snippet}, {"title_html", h.title_html}, {"work", h.work}};
}

void to_json(nlohmann::json& j, const SearchResponse& r) {
    j = {{"total", r.total}, {"total_exact", r.total_exact}, {"took_ms", r.took_ms},
         {"corrected_query", r.corrected_query}, {"query_fallback", r.query_fallback}, {"hits", r.hits},
         {"facets", nlohmann::json::object()}};
    for (const auto& f : r.facets) j["facets"][f.name] = f;
}

Searcher::Searcher(Xapian::Database db, RankingOptions ranking) : db_(std::move(db)), spelling_(db_), ranking_(ranking) {}

Searcher Searcher::over_remote_shards(const std::string& index_dir, const std::vector<RemoteShard>& shards,
                                      const RemoteTimeouts& timeouts, RankingOptions ranking) {
    Searcher s(open_index(index_dir, shards, timeouts), ranking);
    s.remote_works_ = true;
    s.spelling_ = open_local_spelling(index_dir);
    return s;
}

Searcher Searcher::over_shard_processes(const std::string& index_dir, const RemoteTimeouts& timeouts, RankingOptions ranking) {
    Xapian::Database db = open_index_in_shard_processes(index_dir, timeouts);
    if (db.size() <= 1) return Searcher(std::move(db), ranking);  // one shard: opened in this process
    Searcher s(std::move(db), ranking);
    s.remote_works_ = true;
    s.spelling_ = open_local_spelling(index_dir);
    return s;
}

bool Searcher::reopen() {
    if (!with_xapian_errors("reopening the index", [&] { return db_.reopen(); })) return false;
    dictionaries_.clear();
    return true;
}

std::shared_ptr<const FacetDictionary> Searcher::facet_dictionary(const schema::Facet& facet) const {
    auto it = dictionaries_.find(facet.name);
    if (it == dictionaries_.end())
        it = dictionaries_
                 .emplace(facet.name, with_xapian_errors("reading the " + std::string(facet.name) + " facet dictionary",
                                                         [&] { return FacetDictionary::load(db_, facet); }))
                 .first;
    return it->second;
}

Xapian::BM25Weight Searcher::weighting() const { return Xapian::BM25Weight(ranking_.k1, 0, 1, ranking_.b, 0.5); }

Xapian::Query Searcher::build_filter(const SearchRequest& req) const {
    std::vector<Xapian::Query> parts;
    for (auto [facet, values] : {std::pair{"venue", &req.venues}, {"author", &req.authors}, {"topic", &req.topics}, {"type", &req.types}}) {
        Xapian::Query q = or_terms(facet, *values);
        if (!q.empty()) parts.push_back(q);
    }
    if (req.year.from && req.year.to)
        parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kYearSlot, Xapian::sortable_serialise(*req.year.from),
                           Xapian::sortable_serialise(*req.year.to));
    else if (req.year.from)
        parts.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kYearSlot, Xapian::sortable_serialise(*req.year.from));
    else if (req.year.to)
        parts.emplace_back(Xapian::Query::OP_VALUE_LE, schema::kYearSlot, Xapian::sortable_serialise(*req.year.to));
    if (parts.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

namespace {

struct ParsedQuery {
    Xapian::Query query;
    std::string corrected;
    bool fallback = false;  // the parser rejected the query; these are its plain words
};

// Lucene's EnglishAnalyzer stop set (ENGLISH_STOP_WORDS_SET), the one Anserini's BM25 baselines use.
const Xapian::Stopper& english_stopper() {
    static const char* const words[] = {"a",    "an",   "and",  "are",  "as",    "at",    "be",   "but",   "by",
                                        "for",  "if",   "in",   "into", "is",    "it",    "no",   "not",   "of",
                                        "on",   "or",   "such", "that", "the",   "their", "then", "there", "these",
                                        "they", "this", "to",   "was",  "will",  "with"};
    static const Xapian::SimpleStopper stopper(std::begin(words), std::end(words));
    return stopper;
}

// True if a free-text word of `query` occurs in no document: only then can a spelling correction help. A word in
// a field ("title:cach") is looked up by the user on purpose, and is not corrected.
bool has_unknown_word(const Xapian::Database& db, const Xapian::Query& query) {
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it)
        if (schema::is_free_text_term(*it) && !db.term_exists(*it)) return true;
    return false;
}

// The parts of a query made only of OR and PHRASE nodes, in query order: its words, and each phrase as an AND of
// its words. False if any other node occurs (AND, NOT, a field, a range, a wildcard: something the user asked for).
bool or_phrase_parts(const Xapian::Query& q, std::vector<Xapian::Query>& parts) {
    switch (q.get_type()) {
        case Xapian::Query::LEAF_TERM: parts.push_back(q); return true;
        case Xapian::Query::OP_OR:
            for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
                if (!or_phrase_parts(q.get_subquery(i), parts)) return false;
            return true;
        case Xapian::Query::OP_PHRASE: {
            std::vector<Xapian::Query> words;
            for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
                words.push_back(q.get_subquery(i));
                if (words.back().get_type() != Xapian::Query::LEAF_TERM) return false;
            }
            parts.emplace_back(Xapian::Query::OP_AND, words.begin(), words.end());
            return true;
        }
        default: return false;
    }
}

// Pasted text (a claim, a title, an abstract: more than kMaxSpellingWords words and no quotes, which parse_query
// checks, and no operators, which or_phrase_parts does) is matched as a bag of words, as Lucene's classic parser
// and the BM25 baselines do. The parser makes each hyphenated word ("Zero-Shot", "IL-6") a phrase, and at 1M
// works a title query then read positions in most of the corpus (up to 380 ms); here such a word needs its parts
// in the same work, anywhere (AND), which ranked as well on SciFact and CACM (docs/relevance.md). Past `keep`
// distinct parts only the `keep` rarest (fewest documents, so the highest IDF; an AND counts as its rarest word)
// are kept, with all their occurrences: Xapian's OP_ELITE_SET idea, chosen here by document frequency rather than
// inside the matcher by BM25 bound, because OP_ELITE_SET under the facet pass's BoolWeight (all bounds 0) would
// pick other terms, and the facet counts would describe other works.
Xapian::Query pasted_text_query(const Xapian::Database& db, const Xapian::Query& query, unsigned keep) {
    std::vector<Xapian::Query> parts;
    if (!or_phrase_parts(query, parts)) return query;
    // A part is known by its words (not by its description, which holds the query position of each occurrence).
    std::vector<std::string> keys;
    std::map<std::string, Xapian::doccount> rarity;  // part's words -> documents of its rarest word
    for (const auto& part : parts) {
        std::string& key = keys.emplace_back();
        for (auto t = part.get_unique_terms_begin(); t != part.get_unique_terms_end(); ++t) key += *t + ' ';
        if (rarity.count(key)) continue;
        Xapian::doccount n = db.get_doccount() + 1;  // a word in no document matches nothing: it goes last
        for (auto t = part.get_unique_terms_begin(); t != part.get_unique_terms_end(); ++t)
            if (const Xapian::doccount tf = db.get_termfreq(*t); tf > 0) n = std::min(n, tf);
        rarity[key] = n;
    }
    if (keep > 0 && rarity.size() > keep) {
        std::vector<std::pair<Xapian::doccount, std::string>> ranked;
        for (const auto& [key, n] : rarity) ranked.emplace_back(n, key);
        std::sort(ranked.begin(), ranked.end());
        for (std::size_t i = keep; i < ranked.size(); ++i) rarity.erase(ranked[i].second);
    }
    std::vector<Xapian::Query> kept;
    for (std::size_t i = 0; i < parts.size(); ++i)
        if (rarity.count(keys[i])) kept.push_back(std::move(parts[i]));
    return Xapian::Query(Xapian::Query::OP_OR, kept.begin(), kept.end());
}

// The wildcard limits (searcher.h) checked on the text, before Xapian expands anything. A wildcard is a "*" right
// after a word character, as the QueryParser reads it; a "*" after a space or an operator is not one.
void check_wildcards(const std::string& q) {
    auto word_byte = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
    std::size_t count = 0;
    for (std::size_t star = q.find('*'); star != std::string::npos; star = q.find('*', star + 1)) {
        std::size_t begin = star;
        while (begin > 0 && word_byte(static_cast<unsigned char>(q[begin - 1]))) --begin;
        if (begin == star) continue;
        const std::string word = q.substr(begin, star - begin);
        const auto chars = static_cast<std::size_t>(
            std::count_if(word.begin(), word.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
        if (chars < kMinWildcardPrefix)
            throw InvalidArgument("q", "a wildcard needs at least " + std::to_string(kMinWildcardPrefix) +
                                           " characters before the *, got \"" + word + "*\"");
        ++count;
    }
    if (count > kMaxWildcards)
        throw InvalidArgument("q", "at most " + std::to_string(kMaxWildcards) + " wildcards in a query, got " +
                                       std::to_string(count));
}

Xapian::QueryParser query_parser(const Xapian::Database& db, const RankingOptions& ranking) {
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(Xapian::Stem("english"));
    // The index holds stems only, as "Z" + field prefix + stem (indexer.cpp). STEM_ALL with "Z" as the prefix of
    // free text and of each field makes the same terms, and unlike STEM_ALL_Z also for wildcards ("cach*"
    // expands over the stems "Zcach…"), which Xapian 1.4 builds from the prefix and the word as typed.
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
    qp.add_prefix("", std::string(schema::kStemPrefix));
    if (ranking.stopwords) qp.set_stopper(&english_stopper());
    qp.set_default_op(Xapian::Query::OP_OR);
    for (const auto& [field, prefix] : schema::text_fields())
        qp.add_prefix(std::string(field), std::string(schema::kStemPrefix) + std::string(prefix));
    qp.add_rangeprocessor((new Xapian::NumberRangeProcessor(schema::kYearSlot, "year:"))->release());
    qp.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    return qp;
}

// Omega's fallback for a query the parser rejects: its words, with no operator, phrase or wildcard syntax.
ParsedQuery plain_words_query(const Xapian::Database& db, const std::string& q, const RankingOptions& ranking) {
    std::string plain;
    for (const auto& w : text::words(q)) plain += (plain.empty() ? "" : " ") + w;
    if (plain.empty()) return {Xapian::Query::MatchNothing, {}, true};
    return {query_parser(db, ranking).parse_query(plain, 0), {}, true};
}

// `spelling` holds the spelling table: db itself, or a local database when db's shards are remote.
ParsedQuery parse_query(const Xapian::Database& db, const Xapian::Database& spelling, const std::string& raw,
                        const RankingOptions& ranking) {
    const std::string q = text::normalize(raw);
    if (text::squeeze(q).empty()) return {Xapian::Query::MatchAll, {}};
    check_wildcards(q);
    // An odd quote would make the parser drop or misread the rest of the query.
    if (std::count(q.begin(), q.end(), '"') % 2 != 0) return plain_words_query(db, q, ranking);
    Xapian::QueryParser qp = query_parser(db, ranking);
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD;
    try {
        ParsedQuery out{qp.parse_query(q, flags), {}};
        const std::size_t word_count = text::words(q).size();
        if (word_count > kMaxSpellingWords && q.find('"') == std::string::npos)
            out.query = pasted_text_query(db, out.query, ranking.elite_terms);
        // Spelling correction looks every query word up in the spelling table, which was the largest single
        // cost of a search (docs/bench.md); it can only help when some word is in no document at all, and only
        // for typed queries: longer input is pasted text (a claim, a title, an abstract), whose unknown words are
        // rare terms rather than typos, and correcting each cost ~9 ms (arXiv 35k, 869 of 2,173 bench queries).
        if (word_count <= kMaxSpellingWords && has_unknown_word(db, out.query)) {
            // Xapian 1.4 corrects only words of an unprefixed default field, so a parser without the "Z" prefix
            // does it (the spelling table holds words, not stems).
            Xapian::QueryParser speller;
            speller.set_database(spelling);
            speller.parse_query(q, flags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
            out.corrected = speller.get_corrected_query_string();
        }
        return out;
    } catch (const Xapian::QueryParserError&) {
        // (No WildcardError to catch: WILDCARD_LIMIT_MOST_FREQUENT in query_parser caps an expansion, never throws.)
        return plain_words_query(db, q, ranking);
    }
}

// Only free-text stems may expand a query: field terms would count the same words twice (schema::is_free_text_term).
struct StemmedTermsOnly : Xapian::ExpandDecider {
    bool operator()(const std::string& term) const override { return schema::is_free_text_term(term); }
};

// Pseudo-relevance feedback (RM3-like, through Xapian's RSet/ESet): `query` OR-ed with the best terms of its own
// top documents, each scaled by its expand weight relative to the best, all scaled by `ranking.prf_weight`.
Xapian::Query expand_query(Xapian::Enquire& enquire, const Xapian::Query& query, const RankingOptions& ranking) {
    Xapian::MSet first = enquire.get_mset(0, ranking.prf_docs);
    if (first.empty()) return query;
    Xapian::RSet rset;
    for (auto it = first.begin(); it != first.end(); ++it) rset.add_document(*it);
    StemmedTermsOnly decider;
    Xapian::ESet eset = enquire.get_eset(ranking.prf_terms, rset, &decider);
    if (eset.empty()) return query;
    const double best = eset.begin().get_weight();
    std::vector<Xapian::Query> terms;
    for (auto it = eset.begin(); it != eset.end(); ++it)
        terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), best > 0 ? it.get_weight() / best : 1.0);
    Xapian::Query expansion(Xapian::Query::OP_OR, terms.begin(), terms.end());
    return Xapian::Query(Xapian::Query::OP_OR, query,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, expansion, ranking.prf_weight));
}

}  // namespace

Xapian::Query Searcher::build_query(const SearchRequest& req) const {
    Xapian::Query q = with_xapian_errors("parsing the query", [&] { return parse_query(db_, spelling_, req.query, ranking_).query; });
    Xapian::Query filter = build_filter(req);
    if (filter.empty()) return q;
    return Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
}

namespace {

void check_paging(const SearchRequest& req) {
    if (req.limit > kMaxLimit)
        throw InvalidArgument("limit", "limit must be 0.." + std::to_string(kMaxLimit) + ", got " + std::to_string(req.limit));
    if (req.offset > kMaxOffset)
        throw InvalidArgument("offset", "offset must be 0.." + std::to_string(kMaxOffset) + ", got " + std::to_string(req.offset));
}

// The query as run (filters and any expansion included: the counting pass must see the same matches) and its page.
struct RankedPage {
    Xapian::Query query;
    Xapian::MSet mset;
};

RankedPage ranked_page(const Searcher& searcher, const Xapian::Query& parsed, const SearchRequest& req, bool browse) {
    const Xapian::Query filter = searcher.build_filter(req);
    auto filtered = [&filter](const Xapian::Query& q) {
        return filter.empty() ? q : Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
    };
    RankedPage page{filtered(parsed), {}};
    Xapian::Enquire enquire(searcher.database());
    enquire.set_query(page.query);
    enquire.set_weighting_scheme(searcher.weighting());
    if (searcher.ranking().prf_docs > 0 && !browse && req.sort == SortOrder::relevance) {
        page.query = filtered(expand_query(enquire, parsed, searcher.ranking()));
        enquire.set_query(page.query);
    }
    // Browsing (no words) lists newest first, as a researcher's profile does.
    if (req.sort == SortOrder::year || browse) enquire.set_sort_by_value_then_relevance(schema::kYearSlot, true);
    // The ranked pass counts no further than the page: counting past it stops Xapian's pruning (at 1M works
    // counting 100 past a top-10 page cost 14% at p50 and 20% at p99, docs/bench.md).
    const auto page_end = static_cast<Xapian::doccount>(req.offset + req.limit);
    page.mset = enquire.get_mset(static_cast<Xapian::doccount>(req.offset), static_cast<Xapian::doccount>(req.limit), page_end);
    return page;
}

// Counting: a second, unranked pass (BoolWeight, no hits) visits the matches in docid order and stops after
// `counted` of them. It makes the total exact for a result list of up to kCountedPastPage works past the page (a
// filtered search, an author's works), so that its pager has no dead or missing pages: Xapian's estimate for a
// filtered OR query is far off (default corpus, "recommendation" in cs.IR: 30 estimated, 65 true). With facets it
// counts up to the facet bound too, and the spies see each match it visits: counting in the ranked pass made every
// match pay BM25 and switched off Xapian's pruning (at 1M works, 200 queries, loaded machine: search + facets
// p50/p99 42/426 ms in one pass, 35/256 ms in two). Updates resp's total; returns the spies, which have counted.
std::vector<std::unique_ptr<FacetTally>> count_matches(const Searcher& searcher, const RankedPage& page,
                                                     const std::vector<const schema::Facet*>& facets,
                                                     const SearchRequest& req, SearchResponse& resp) {
    std::vector<std::unique_ptr<FacetTally>> spies;
    if (resp.total_exact && facets.empty()) return spies;
    std::size_t counted = req.offset + req.limit + kCountedPastPage;
    if (!facets.empty()) counted = std::max(counted, req.facet_check_bound);
    Xapian::Enquire counter(searcher.database());
    counter.set_query(page.query);
    counter.set_weighting_scheme(Xapian::BoolWeight());
    const auto expected = static_cast<Xapian::doccount>(std::min<std::size_t>(counted, page.mset.get_matches_upper_bound()));
    for (const auto* f : facets) {
        if (searcher.remote_works())
            spies.push_back(std::make_unique<ValueCountFacetTally>(*f));
        else
            spies.push_back(std::make_unique<FacetSpy>(*f, searcher.facet_dictionary(*f), expected));
        spies.back()->attach(counter);
    }
    std::size_t check = std::min<std::size_t>(searcher.database().get_doccount(), counted);
    // Each remote shard checks `check` works of its own (Xapian passes checkatleast to every RemoteSubMatch), so
    // N shards would count N times the bound. Where the ranked pass already knows there are more matches than the
    // bound, the counts are a scaled sample either way: each shard counts its share (at 1M works on 2 tcpsrv
    // shards, 300 bench queries: search with facets p50/p99 74.6/134.4 ms counting 2 x 10,000, 45.9/91.2 counting
    // 2 x 5,000). Where all matches may fit, every shard counts all of them, as one database does.
    const std::size_t shards = searcher.database().size();
    if (searcher.remote_works() && shards > 1 && page.mset.get_matches_upper_bound() > check)
        check = (check + shards - 1) / shards;
    const Xapian::MSet all = counter.get_mset(0, 0, static_cast<Xapian::doccount>(check));
    const bool exact = all.get_matches_lower_bound() == all.get_matches_upper_bound();
    if (!resp.total_exact && (exact || !facets.empty())) {
        resp.total = all.get_matches_estimated();
        resp.total_exact = exact;
    }
    return spies;
}

// The most frequent values a spy counted, scaled up to the total when it saw only some of the matches.
FacetCounts facet_counts(const FacetTally& spy, const SearchResponse& resp, std::size_t facet_limit) {
    const schema::Facet& f = spy.facet();
    FacetCounts fc;
    fc.name = std::string(f.name);
    const Xapian::doccount seen = spy.total();
    fc.exact = resp.total_exact && seen >= resp.total;
    const double scale = (!fc.exact && seen > 0) ? double(resp.total) / double(seen) : 1.0;
    // Only the values shown become strings; the year's raw values sort as its display values do
    // (sortable_serialise keeps order), so ties break alike.
    std::vector<std::pair<std::string_view, Xapian::doccount>> counted = spy.counted();
    const std::size_t keep = std::min(counted.size(), f.name == "year" ? std::max<std::size_t>(facet_limit, 200) : facet_limit);
    std::partial_sort(counted.begin(), counted.begin() + static_cast<std::ptrdiff_t>(keep), counted.end(),
                      [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    for (std::size_t i = 0; i < keep; ++i)
        fc.values.push_back({facet_display(f, std::string(counted[i].first)),
                             static_cast<std::uint64_t>(counted[i].second * scale + 0.5)});
    return fc;
}

std::vector<Hit> hits_of(const Xapian::MSet& mset, const SearchRequest& req, bool browse) {
    std::vector<Hit> hits;
    const Xapian::Stem stemmer("english");
    // No SNIPPET_BACKGROUND_MODEL: it looks up the term frequency of every word of the abstract (B-tree reads) and
    // tripled the cost of a search (arXiv 35k, 300 queries: top-10 p50 2.7 ms, + snippets with it 8.5 ms, without
    // 5.5 ms on a loaded machine); the fragment is still chosen by the query terms it holds. A browse has no term
    // to mark, so any fragment will do: without SNIPPET_EXHAUSTIVE Xapian stops at the first good-enough one.
    const unsigned flags = browse ? 0 : Xapian::MSet::SNIPPET_EXHAUSTIVE;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit h;
        h.rank = static_cast<unsigned>(req.offset + std::distance(mset.begin(), it));
        h.score = browse ? 0.0 : it.get_weight();
        h.work = stored_work(it.get_document());
        h.id = h.work.id;
        if (req.snippets) {
            h.snippet = snippet_keeping_math(mset, h.work.abstract, kSnippetBytes, stemmer, flags, "<mark>", "</mark>", "…");
            h.title_html = snippet_keeping_math(mset, h.work.title, h.work.title.size() + 16, stemmer, flags, "<mark>",
                                                "</mark>", "…");
        }
        hits.push_back(std::move(h));
    }
    return hits;
}

}  // namespace

SearchResponse Searcher::search(const SearchRequest& req) const {
    const auto t0 = std::chrono::steady_clock::now();
    check_paging(req);
    std::vector<const schema::Facet*> facets;
    for (const auto& name : req.facets) facets.push_back(&schema::facet(name));
    SearchResponse resp = with_xapian_errors("search", [&] {
        const ParsedQuery parsed = parse_query(db_, spelling_, req.query, ranking_);
        const bool browse = parsed.query.get_type() == Xapian::Query::LEAF_MATCH_ALL;
        const RankedPage page = ranked_page(*this, parsed.query, req, browse);
        SearchResponse r;
        r.corrected_query = parsed.corrected;
        r.query_fallback = parsed.fallback;
        r.total = page.mset.get_matches_estimated();
        r.total_exact = page.mset.get_matches_lower_bound() == page.mset.get_matches_upper_bound();
        for (const auto& spy : count_matches(*this, page, facets, req, r)) r.facets.push_back(facet_counts(*spy, r, req.facet_limit));
        r.hits = hits_of(page.mset, req, browse);
        return r;
    });
    resp.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return resp;
}

Xapian::docid Searcher::docid(const std::string& id) const {
    return with_xapian_errors("looking up work " + id, [&] {
        const std::string term = std::string(schema::kIdPrefix) + id;
        auto it = db_.postlist_begin(term);
        if (it == db_.postlist_end(term)) throw NotFound("no work with id \"" + id + "\"");
        return *it;
    });
}

Work Searcher::get_work(const std::string& id) const {
    const Xapian::docid d = docid(id);
    return with_xapian_errors("reading work " + id, [&] { return stored_work(db_.get_document(d)); });
}

}  // namespace paperdex
