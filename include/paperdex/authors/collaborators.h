#pragma once
/// Likely collaborators: people an author has NOT written with, ranked by a mix of co-author-graph proximity
/// (Adamic–Adar over tie strengths: shared co-authors from small teams count most), topical closeness
/// (more-like-this from the author's works onto the candidate's works), shared arXiv categories and recency, each
/// suggestion with its reasons (../shared/DESIGN.md, "Similar works and collaborators").
/// Sources: Adamic & Adar 2003; Newman 2001 (team-size tie weights); Liben-Nowell & Kleinberg 2007 and
/// Lü & Zhou 2011 (link-prediction surveys: weighted local indices); Fox & Shaw 1994 (CombSUM).
/// The mix and a learned re-ranker (Lichtenwalter, Lussier & Chawla 2010): docs/collaborators.md; their
/// evaluation by temporal link prediction: paperdex/eval/collaborators_eval.h.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "paperdex/authors/author_index.h"
#include "paperdex/search/searcher.h"

namespace paperdex {

/// Weights of the score's parts (each part is on a 0..1 scale for the author asked about, see Candidate).
/// The defaults were picked on the arxiv-daily split of docs/collaborators.md.
struct CollaboratorWeights {
    double graph = 1.0;
    double topic = 0.1;
    double recency = 0;  ///< measured: no gain once ties carry the evidence (docs/collaborators.md); kept as a knob
    double category = 0.5;
};

/// How candidates are ranked: the learned ranker (learned_score) or the hand-set mix (mix_score under weights).
/// The mix is the default: the learned ranker had less recall@10 on the test split (docs/collaborators.md).
enum class CollaboratorScoring { learned, mix };

struct CollaboratorOptions {
    std::size_t limit = 10;       ///< suggestions, 1..100
    CollaboratorScoring scoring = CollaboratorScoring::mix;
    CollaboratorWeights weights;  ///< the mix's weights (scoring = mix)
    unsigned terms = 30;          ///< expansion terms of the author's works (similar.h), 1..kMaxExpansionTerms
    /// Best-matching works scanned for topical candidates, 1..10000. 500, not the 200 of a 3,518-work corpus: on the
    /// 4,618-work default corpus of issue 16 a close author's second and third works lay past rank 200 (Kim
    /// Hazelwood's under Milad Hashemi's query), so the cut, not the match, decided what their topic counted.
    unsigned topic_works = 500;
    double half_life_days = 180;  ///< recency halves every this many days back from the newest work (> 0)
    bool reasons = true;          ///< fill Suggestion reasons (shared co-authors/topics/terms, works)
    ExpansionScheme scheme = ExpansionScheme::trad;  ///< ESet weighting of the author's MLT terms
    bool topic_sum = true;        ///< topic = Σ over b's best 3 matching works (CombSUM) instead of the best one (CombMAX)
};

/// The raw evidence for one candidate b of author a.
struct Candidate {
    std::string key, name;
    double adamic_adar = 0;        ///< Σ over shared co-authors z of 1 / ln(degree(z)) (Adamic & Adar 2003)
    unsigned common_neighbours = 0;///< shared co-authors
    double tie_adamic_adar = 0;    ///< Σ over shared co-authors z of s(a,z)·s(z,b) / √S(z): s = the tie's
                                   ///< Coauthor::strength (joint works, each 1/√(n−1) for n authors), S(z) = Σ of
                                   ///< z's ties — Adamic–Adar weighted by ties (Lü & Zhou 2011, weighted local indices)
    double topic = 0;              ///< b's best 3 works in the MLT ranking (those in topic_docs), weight / best weight,
                                   ///< combined by CombMAX or CombSUM (Fox & Shaw 1994; see topic_sum), / the best
                                   ///< candidate's (0..1). Only 3: past them a key gathers weak matches only when it is
                                   ///< a name several people share or a report issued yearly, not one person's work.
    std::string evidence_date;     ///< newest date of the evidence: a joint work of b with a shared co-author, or a
                                   ///< work of b matching a's topics
    double recency = 0;            ///< 0.5^(days from evidence_date to the newest work / half-life), 0 if undated
    double category = 0;           ///< cosine of a's and b's works per arXiv category (AuthorRecord::topics, 0..1)
    double graph = 0;              ///< tie_adamic_adar / the best among a's candidates (0..1)
    double best_tie = 0;           ///< the largest single term s(a,z)·s(z,b)/√S(z) of tie_adamic_adar
    unsigned tie_rank = 0;         ///< 1 = the best tie_adamic_adar among a's candidates (ties: key), 0 = none
    unsigned works_count = 0;      ///< b's works (AuthorRecord), 0 if b has no record
    unsigned degree = 0;           ///< b's co-authors
    double strength = 0;           ///< S(b): Σ of b's tie strengths
    double idle_days = 0;          ///< days from b's last work to the newest work in the index (0 if undated)
    unsigned author_degree = 0;    ///< a's co-authors (the same for all of a's candidates)
    double author_strength = 0;    ///< S(a): Σ of a's tie strengths
    unsigned mix_rank = 0;         ///< 1 = the best mix_score (CollaboratorOptions::weights) among a's candidates
                                   ///< (ties: key); the learned ranker re-ranks the mix's best
    double score = 0;              ///< learned_score() or mix_score(), see CollaboratorOptions::scoring
    std::vector<std::string> via;  ///< keys of the shared co-authors, largest share of tie_adamic_adar first
    std::vector<Xapian::docid> topic_docs;  ///< b's works under a's MLT query, best first (at most 3)
};

/// Every candidate for `key` with its evidence and score (unsorted): authors at distance two in the co-author
/// graph, and authors of the `opt.topic_works` works that best match the MLT query of `key`'s works (their own
/// works excluded). Neither `key` nor any of their co-authors is ever a candidate.
/// @throws NotFound if `authors` has no record for `key`; InvalidArgument as suggest_collaborators for options;
///         IndexError if Xapian fails.
std::vector<Candidate> collaborator_candidates(const Searcher& works, const AuthorLookup& authors, const std::string& key,
                                               const CollaboratorOptions& opt);

/// The mix: (w.graph·graph + w.topic·topic) · (1 + w.recency·recency) · (1 + w.category·category). Recency and
/// shared categories scale the evidence instead of adding to it, so that for an author without co-authors (all
/// graph parts 0) they cannot outweigh topical closeness.
double mix_score(const Candidate& c, const CollaboratorWeights& w);

/// Sorts by `score` = mix_score under `weights` (ties: key ascending) after recomputing it, keeping the best `limit`.
void rank_candidates(std::vector<Candidate>& candidates, const CollaboratorWeights& weights, std::size_t limit);

// The learned ranker: logistic regression over the candidate's evidence (Lichtenwalter, Lussier & Chawla 2010,
// supervised link prediction), trained on an earlier split than the one it is measured on (docs/collaborators.md,
// tools/eval/train_collaborator_model.py).

inline constexpr std::size_t kCollaboratorFeatures = 19;
/// Names of collaborator_features(), in order (the columns of `eval collaborators --dump-features`).
extern const std::array<const char*, kCollaboratorFeatures> kCollaboratorFeatureNames;
/// The learned ranker's inputs for one candidate: logs of the graph evidence and of b's activity, the 0..1 parts,
/// the candidate's rank by tie_adamic_adar, and whether there is graph evidence at all.
std::array<double, kCollaboratorFeatures> collaborator_features(const Candidate& c);

/// A linear model over collaborator_features() that re-ranks the mix's best `rerank` candidates:
/// score = 1 / (1 + exp(−(intercept + Σ coef·feature))) for them, 0 for the others.
struct LearnedModel {
    std::array<double, kCollaboratorFeatures> coef{};
    double intercept = 0;
    unsigned rerank = 100;  ///< candidates with mix_rank 1..rerank are scored
};
/// The model trained on the split of docs/collaborators.md (history to 2025-06-30, truth July–August 2025).
const LearnedModel& default_learned_model();
/// A model from JSON {"features":[names],"coef":[numbers],"intercept":number,"rerank":number}; features not
/// named weigh 0.
/// @throws InvalidArgument("model") for a missing field, an unknown feature name or mismatched lengths.
LearnedModel learned_model_from_json(const nlohmann::json& j);
/// The probability-like score (0..1) of `model` for `c`; 0 unless c.mix_rank is within 1..model.rerank.
double learned_score(const Candidate& c, const LearnedModel& model = default_learned_model());
/// As rank_candidates above, by learned_score under `model`; the candidates it does not score (0) follow in
/// mix_rank order.
void rank_candidates(std::vector<Candidate>& candidates, const LearnedModel& model, std::size_t limit);

struct SharedCoauthor {
    std::string key, name;
};
struct ConnectingWork {
    std::string id, title;
    std::optional<int> year;
    std::string via;  ///< "coauthor": b's work with a shared co-author; "topic": b's work matching a's topics
};

struct Suggestion {
    std::string key, name;
    double score = 0;
    double graph = 0, topic = 0, recency = 0, category = 0;  ///< the parts, as Candidate
    double adamic_adar = 0, tie_adamic_adar = 0;
    unsigned works_count = 0;
    std::string last_date;
    std::vector<SharedCoauthor> shared_coauthors;
    std::vector<std::string> shared_topics;   ///< topics of both (the author's order), at most 5
    std::vector<std::string> shared_terms;    ///< the author's shown expansion terms (ExpansionTerm::shown) that b's works matched, at most 8
    std::vector<ConnectingWork> connecting_works;  ///< at most 3 via co-authors, then at most 3 via topics
};

struct CollaboratorResponse {
    std::string key, name;  ///< the author asked about
    std::vector<Suggestion> suggestions;  ///< best first
};

void to_json(nlohmann::json& j, const Suggestion& s);
/// {"author":{"key","name"},"suggestions":[{"key","name","score","works_count","last_date",
///  "components":{"graph","topic","recency","category","adamic_adar","tie_adamic_adar"},"reasons":{"shared_coauthors":[{"key","name"}],
///  "shared_topics":[...],"shared_terms":[...],"connecting_works":[{"id","title","year","via"}]}}]}
void to_json(nlohmann::json& j, const CollaboratorResponse& r);

/// Likely collaborators of the author `key`, best first, with reasons (see collaborator_candidates for the
/// candidates, CollaboratorWeights for the score). An author without co-authors gets topical suggestions only.
/// @throws NotFound        if `authors` has no record for `key`.
/// @throws InvalidArgument ("limit", "terms", "topic_works", "half_life_days") for an option out of range.
/// @throws IndexError      if Xapian fails.
CollaboratorResponse suggest_collaborators(const Searcher& works, const AuthorLookup& authors, const std::string& key,
                                           const CollaboratorOptions& opt = {});

}  // namespace paperdex
