#include "paperdex/search/similar.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "index/xapian_error.h"
#include "paperdex/error.h"
#include "paperdex/index/document.h"
#include "paperdex/index/schema.h"
#include "paperdex/corpus/text.h"
#include "search/reason_terms.h"
#include "search/surface_forms.h"

namespace paperdex {
namespace {

constexpr unsigned kMaxFeedbackDocs = 50;
constexpr std::size_t kMaxLimit = 1000;
constexpr std::size_t kMaxOffset = 10000;
constexpr std::size_t kMaxTextBytes = 20000;
constexpr const char* kPastedId = "paperdex:pasted-text";
// A word in more than this share of the works ("can", "this", "learning" in an ML corpus) says nothing about a
// topic; Xapian ships no stopword list, so document frequency decides (as Lucene MoreLikeThis's maxDocFreqPct).
// Small indexes keep words in up to kMinDocFreqCap works, so that a test index still has terms to expand.
// Only for several source documents (an author's works): there TradEWeight favours words found in all of them,
// which are the common ones; for one document it ranks by rarity anyway, and on CACM the cap cost co-relevant
// P@10 (0.267 → 0.260).
constexpr double kMaxDocFreqShare = 0.1;
constexpr Xapian::doccount kMinDocFreqCap = 20;
constexpr std::size_t kMinSourcesForRecurrence = 3;

bool worth_expanding(std::string_view word) {
    if (word.size() < 3) return false;  // "of", "in", "a": no topic in them
    return !(word[0] >= '0' && word[0] <= '9');  // "2019", "9.8x": figures, not topics
}

// The terms of the relevance documents, and for each Z-stem the word written most often in them.
struct SourceTerms {
    std::unordered_map<std::string, unsigned> wdf;   // every term of the sources → summed wdf
    std::unordered_map<std::string, unsigned> docs;  // → source documents holding it
    std::size_t sources = 0;
    SurfaceForms display;                            // term → word shown to users
};

SourceTerms source_terms(const Xapian::Database& db, const std::vector<Xapian::docid>& rset) {
    SourceTerms s;
    s.sources = rset.size();
    const Xapian::Stem stem("english");
    for (Xapian::docid d : rset) {
        for (auto t = db.termlist_begin(d); t != db.termlist_end(d); ++t) {
            const std::string term = *t;
            s.wdf[term] += t.get_wdf();
            ++s.docs[term];
        }
        // The index holds stems only ("strategi"): the word shown is the one the sources write most often, a
        // title word counting as the index weighs it.
        const Work w = stored_work(db.get_document(d));
        for (const auto& [field, weight] : {std::pair{&w.title, 1 + schema::kTitleWdfBoost}, {&w.abstract, 1u}})
            for (const std::string& word : text::words(*field))
                if (auto z = std::string(schema::kStemPrefix) + stem(word); s.wdf.count(z)) s.display.add(z, word, weight);
    }
    return s;
}

// Counts each word once, by its Z-stem (the only form the index holds, schema.h). Boolean and field terms (Q, XA, K,
// Y, XV, XT; ZS, ZA, ZXK, ZXW) never count: similarity is about what the works say, and authors/topics have their
// own features.
class FreeTextDecider : public Xapian::ExpandDecider {
public:
    FreeTextDecider(const Xapian::Database& db, const SourceTerms& src, bool cap_docfreq, bool skip_unique)
        : db_(db), src_(src), skip_unique_(skip_unique),
          max_docfreq_(cap_docfreq ? std::max(kMinDocFreqCap, static_cast<Xapian::doccount>(kMaxDocFreqShare * db.get_doccount()))
                                   : db.get_doccount()) {}
    bool operator()(const std::string& term) const override {
        if (!schema::is_free_text_term(term) || !worth_expanding(std::string_view(term).substr(schema::kStemPrefix.size())))
            return false;
        // An author's topic is what they write about again and again; a word of one work only ("apollo", the name
        // of one system) is rare, so TradEWeight would rank it first.
        if (src_.sources >= kMinSourcesForRecurrence && src_.docs.at(term) < 2) return false;
        const Xapian::doccount df = db_.get_termfreq(term);
        // A word found in no work outside the sources can only bring the sources back.
        if (skip_unique_ && df <= src_.docs.at(term)) return false;
        return df <= max_docfreq_;
    }
private:
    const Xapian::Database& db_;
    const SourceTerms& src_;
    bool skip_unique_;
    Xapian::doccount max_docfreq_;
};

std::string display_of(const SourceTerms& src, const std::string& term) {
    if (std::string word = src.display.most_common(term); !word.empty()) return word;
    return schema::is_free_text_term(term) ? term.substr(schema::kStemPrefix.size()) : term;
}

// Whether the term may be shown as a reason (reason_terms.h).
bool shown(const Xapian::Database& db, const SourceTerms& src, const std::string& term, const std::string& display) {
    const auto in_sources = src.docs.find(term);
    return reads_as_reason({std::string_view(term).substr(schema::kStemPrefix.size()), display, db.get_termfreq(term),
                            in_sources == src.docs.end() ? 0u : in_sources->second, db.get_doccount()});
}

void check_options(const SimilarOptions& opt) {
    if (opt.terms < 1 || opt.terms > kMaxExpansionTerms)
        throw InvalidArgument("terms", "terms must be 1.." + std::to_string(kMaxExpansionTerms) + ", got " + std::to_string(opt.terms));
    if (opt.limit > kMaxLimit)
        throw InvalidArgument("limit", "limit must be 0.." + std::to_string(kMaxLimit) + ", got " + std::to_string(opt.limit));
    if (opt.offset > kMaxOffset)
        throw InvalidArgument("offset", "offset must be 0.." + std::to_string(kMaxOffset) + ", got " + std::to_string(opt.offset));
    if (opt.feedback_docs > kMaxFeedbackDocs)
        throw InvalidArgument("feedback_docs", "feedback_docs must be 0.." + std::to_string(kMaxFeedbackDocs) + ", got " +
                                                   std::to_string(opt.feedback_docs));
    if (opt.feedback_terms < 1 || opt.feedback_terms > kMaxExpansionTerms)
        throw InvalidArgument("feedback_terms", "feedback_terms must be 1.." + std::to_string(kMaxExpansionTerms) + ", got " +
                                                    std::to_string(opt.feedback_terms));
    if (!(opt.feedback_weight >= 0) || std::isinf(opt.feedback_weight))
        throw InvalidArgument("feedback_weight", "feedback_weight must be >= 0, got " + std::to_string(opt.feedback_weight));
    if (!(opt.tf_k >= 0) || std::isinf(opt.tf_k)) throw InvalidArgument("tf_k", "tf_k must be >= 0, got " + std::to_string(opt.tf_k));
    if (!(opt.k3 >= 0) || std::isinf(opt.k3)) throw InvalidArgument("k3", "k3 must be >= 0, got " + std::to_string(opt.k3));
}

// How a source's terms are chosen (SimilarOptions; the multi-source building block keeps the defaults).
struct Selection {
    unsigned count = 30;
    ExpansionScheme scheme = ExpansionScheme::trad;
    double tf_k = 1;
    bool skip_unique = false;
};

std::vector<ExpansionTerm> eset_terms(const Xapian::Database& db, const std::vector<Xapian::docid>& rset_docs,
                                      const Selection& sel) {
    const SourceTerms src = source_terms(db, rset_docs);
    Xapian::Enquire enquire(db);
    // TradEWeight's relevance weight is multiplied by sum over the sources of (k + 1)·wdf / (k·len/avlen + wdf):
    // k = tf_k saturates the sources' wdf as BM25's k1 does a document's.
    if (sel.scheme == ExpansionScheme::bo1) enquire.set_expansion_scheme("bo1");
    else enquire.set_expansion_scheme("trad", sel.tf_k);
    Xapian::RSet rset;
    for (Xapian::docid d : rset_docs) rset.add_document(d);
    FreeTextDecider decider(db, src, rset_docs.size() > 1, sel.skip_unique);
    Xapian::ESet eset = enquire.get_eset(sel.count, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
    std::vector<ExpansionTerm> out;
    for (auto it = eset.begin(); it != eset.end(); ++it) {
        auto w = src.wdf.find(*it);
        std::string display = display_of(src, *it);
        const bool show = shown(db, src, *it, display);
        out.push_back({*it, std::move(display), it.get_weight(), std::max(1u, w == src.wdf.end() ? 1u : w->second), show});
    }
    return out;
}

Selection selection(const SimilarOptions& opt) { return {opt.terms, opt.scheme, opt.tf_k, opt.skip_unique}; }

// Where the ESet of a source comes from: the index itself, or the index plus a pasted text.
struct Source {
    const Xapian::Database& db;
    Xapian::docid docid;
    bool with_pasted = false;
};

// The docid in src.db of the index's document `d`. Beside a pasted text it is found again by its id term:
// Database::add_database interleaves docids, and how depends on how many shards the index itself is made of.
Xapian::docid source_docid(const Searcher& searcher, const Source& src, Xapian::docid d) {
    if (!src.with_pasted) return d;
    const std::string prefix(schema::kIdPrefix);
    Xapian::TermIterator t = searcher.database().termlist_begin(d);
    t.skip_to(prefix);
    if (t == searcher.database().termlist_end(d) || (*t).rfind(prefix, 0) != 0)
        throw IndexError("document " + std::to_string(d) + " has no id term");
    return *src.db.postlist_begin(*t);
}

// The expansion query plus the filters, minus `exclude`, ready to run over the searcher's index.
Xapian::Enquire enquire_for(const Searcher& searcher, Xapian::Query query, const Xapian::Query& exclude,
                            const SimilarOptions& opt) {
    if (Xapian::Query filter = searcher.build_filter(opt.filters); !filter.empty())
        query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
    if (!exclude.empty()) query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, exclude);
    Xapian::Enquire enquire(searcher.database());
    enquire.set_query(query);
    const RankingOptions& rk = searcher.ranking();
    // As Searcher::weighting(), but with the query-term-frequency saturation k3 of the options.
    enquire.set_weighting_scheme(Xapian::BM25Weight(rk.k1, 0, opt.k3, rk.b, 0.5));
    return enquire;
}

// Runs the source's expansion query over the searcher's index; with feedback, the best hits of a first pass join
// the source in the RSet of a second ESet whose terms are added to the query.
SimilarResponse run(const Searcher& searcher, const Source& src, const Xapian::Query& exclude, const SimilarOptions& opt) {
    SimilarResponse resp;
    resp.terms = eset_terms(src.db, {src.docid}, selection(opt));
    if (resp.terms.empty()) return resp;
    Xapian::Query query = expansion_query(resp.terms);
    if (opt.feedback_docs > 0) {
        Xapian::MSet first = enquire_for(searcher, query, exclude, opt).get_mset(0, opt.feedback_docs);
        std::vector<Xapian::docid> rset{src.docid};
        for (auto it = first.begin(); it != first.end(); ++it) rset.push_back(source_docid(searcher, src, *it));
        if (rset.size() > 1) {
            Selection sel = selection(opt);
            sel.count = opt.feedback_terms;
            auto more = eset_terms(src.db, rset, sel);
            if (!more.empty())
                query = Xapian::Query(Xapian::Query::OP_OR, query,
                                      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, expansion_query(more), opt.feedback_weight));
            std::unordered_set<std::string> have;
            for (const auto& t : resp.terms) have.insert(t.term);
            for (auto& t : more)
                if (have.insert(t.term).second) resp.feedback_terms.push_back(std::move(t));
        }
    }

    // A hit's matched terms: the source's own terms by rank, then the second pass's.
    std::vector<const ExpansionTerm*> all;
    for (const auto& t : resp.terms) all.push_back(&t);
    for (const auto& t : resp.feedback_terms) all.push_back(&t);
    std::unordered_map<std::string, std::size_t> rank_of;
    for (std::size_t i = 0; i < all.size(); ++i) rank_of[all[i]->term] = i;

    Xapian::Enquire enquire = enquire_for(searcher, query, exclude, opt);
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(opt.offset), static_cast<Xapian::doccount>(opt.limit));
    resp.total = mset.get_matches_estimated();
    resp.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        SimilarHit h;
        h.rank = static_cast<unsigned>(opt.offset + std::distance(mset.begin(), it));
        h.score = it.get_weight();
        h.work = stored_work(it.get_document());
        h.id = h.work.id;
        std::vector<std::size_t> matched;
        for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it); ++t)
            if (auto r = rank_of.find(*t); r != rank_of.end()) matched.push_back(r->second);
        std::sort(matched.begin(), matched.end());
        for (std::size_t r : matched)
            if (all[r]->shown) h.matched_terms.push_back(all[r]->display);
        resp.hits.push_back(std::move(h));
    }
    return resp;
}

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

void to_json(nlohmann::json& j, const ExpansionTerm& t) {
    j = {{"term", t.term}, {"display", t.display}, {"weight", t.weight}, {"shown", t.shown}};
}

void to_json(nlohmann::json& j, const SimilarHit& h) {
    j = {{"id", h.id}, {"rank", h.rank}, {"score", h.score}, {"matched_terms", h.matched_terms}, {"work", h.work}};
}

void to_json(nlohmann::json& j, const SimilarResponse& r) {
    j = {{"source", nullptr}, {"terms", r.terms}, {"feedback_terms", r.feedback_terms}, {"total", r.total},
         {"total_exact", r.total_exact},
         {"took_ms", r.took_ms}, {"hits", r.hits}};
    if (!r.source_id.empty()) j["source"] = {{"id", r.source_id}, {"title", r.source_title}};
}

std::vector<ExpansionTerm> expansion_terms(const Xapian::Database& db, const std::vector<Xapian::docid>& rset,
                                           unsigned count, ExpansionScheme scheme) {
    if (rset.empty() || count == 0) return {};
    return with_xapian_errors("expansion terms", [&] { return eset_terms(db, rset, Selection{count, scheme}); });
}

Xapian::Query expansion_query(const std::vector<ExpansionTerm>& terms) {
    if (terms.empty()) return Xapian::Query();
    const double best = terms.front().weight > 0 ? terms.front().weight : 1.0;
    std::vector<Xapian::Query> parts;
    parts.reserve(terms.size());
    for (const auto& t : terms)
        parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(t.term, std::max(1u, t.wqf)), std::max(t.weight, 0.0) / best);
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

SimilarResponse similar(const Searcher& searcher, std::string_view work_id, const SimilarOptions& opt) {
    const auto t0 = std::chrono::steady_clock::now();
    check_options(opt);
    const std::string id(work_id);
    const Xapian::docid source = searcher.docid(id);  // throws NotFound
    return with_xapian_errors("similar works for " + id, [&] {
        const Work work = stored_work(searcher.database().get_document(source));
        SimilarResponse resp = run(searcher, Source{searcher.database(), source},
                                   Xapian::Query(std::string(schema::kIdPrefix) + id), opt);
        resp.source_id = id;
        resp.source_title = work.title;
        resp.took_ms = ms_since(t0);
        return resp;
    });
}

SimilarResponse similar_text(const Searcher& searcher, std::string_view text_in, const SimilarOptions& opt) {
    const auto t0 = std::chrono::steady_clock::now();
    check_options(opt);
    if (text_in.size() > kMaxTextBytes)
        throw InvalidArgument("text", "text must be at most " + std::to_string(kMaxTextBytes) + " bytes, got " +
                                          std::to_string(text_in.size()));
    if (text::squeeze(text_in).empty()) throw InvalidArgument("text", "text must not be empty");
    return with_xapian_errors("similar works for a pasted text", [&] {
        // The pasted text becomes one document of an in-memory database beside the index, so that the ESet
        // weighs its words with the index's own statistics (the extra document shifts them by 1 in N).
        Xapian::WritableDatabase pasted(std::string(), Xapian::DB_BACKEND_INMEMORY);
        Work w;
        w.id = kPastedId;
        w.abstract = std::string(text_in);
        DocumentBuilder builder;
        pasted.add_document(builder.build(w));
        Xapian::Database combined;
        combined.add_database(searcher.database());
        combined.add_database(pasted);
        const std::string id_term = std::string(schema::kIdPrefix) + kPastedId;
        Xapian::docid source = *combined.postlist_begin(id_term);
        SimilarResponse resp = run(searcher, Source{combined, source, true}, Xapian::Query(), opt);
        resp.took_ms = ms_since(t0);
        return resp;
    });
}

}  // namespace paperdex
