#pragma once
/// Evaluation of collaborator suggestions by temporal link prediction (Liben-Nowell & Kleinberg 2007), as
/// `paperdex eval collaborators` runs it: which authors write together for the first time after a cut-off date,
/// and how many of those pairs each ranking method puts in its top k. Method and figures: docs/collaborators.md.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "paperdex/authors/collaborators.h"

namespace paperdex {

/// What to evaluate: a dated corpus, the cut-off, k, and the methods beyond the built-in ones.
struct LinkPredictionOptions {
    std::vector<std::string> corpus_paths;  ///< files or directories (a directory = the files directly in it)
    std::string format = "arxiv-daily";     ///< importer name (importers.h); each work dated by its first listing
    std::string until;                      ///< cut-off "YYYY-MM-DD": works dated <= it form the history
    std::size_t k = 10;                     ///< cut-off of the rankings, 1..100
    CollaboratorOptions collaborators;      ///< weights of the "mix" method; limit and scoring are ignored
    std::vector<std::pair<std::string, LearnedModel>> models;  ///< more learned models to score, each reported as
                                                               ///< "learned NAME"
    std::string dump_features;              ///< if set: write one TSV row per (evaluated author, candidate) here —
                                            ///< author, candidate, label (1 = they write together after the
                                            ///< cut-off), the author's new co-authors (the recall denominator),
                                            ///< collaborator_features(); every positive, negatives kept
                                            ///< with probability dump_negatives (fixed seed per author)
    double dump_negatives = 0.1;            ///< 0..1
    unsigned dump_top = 0;                  ///< also keep every candidate with mix_rank 1..dump_top
    std::vector<CollaboratorWeights> grid;  ///< more mixes to score, each reported as
                                            ///< "mix graph=G topic=T recency=R category=C"
    unsigned threads = 2;                   ///< worker threads, each with its own database handle
    std::string work_dir;                   ///< where the temporary index goes; empty = system temp directory
    std::string index_dir;                  ///< keep the history index here; reused as is when it exists (it must
                                            ///< come from the same corpus and cut-off); empty = temporary
    bool topic = true;                      ///< false: no history index and no topic part (graph methods only)
    bool progress = false;                  ///< progress on stderr
};

/// Figures of one ranking method, averaged over the evaluated authors.
struct LinkPredictionScores {
    std::string method;         ///< "common neighbours", "Adamic-Adar", "tie Adamic-Adar", "topic", "mix",
                                ///< "learned", then the grid's mixes and the extra models
    double precision = 0;       ///< precision@k
    double recall = 0;          ///< recall@k
    double hits = 0;            ///< share of authors with at least one new co-author in the top k
    double mrr = 0;             ///< mean reciprocal rank of the first new co-author within the top k (0 if none)
};

/// The corpus and graph sizes on both sides of the cut-off, and each method's scores.
struct LinkPredictionReport {
    std::string until;
    std::size_t k = 10;
    std::size_t works_before = 0, works_after = 0, works_undated = 0;
    std::size_t authors_before = 0;        ///< authors with a work up to the cut-off
    std::size_t authors_evaluated = 0;     ///< of those, authors who gain a new co-author known before the cut-off
    std::size_t new_links = 0;             ///< (author, new co-author) pairs to find, both known before the cut-off
    std::size_t new_links_unknown = 0;     ///< (author, co-author) listings after the cut-off where the author has
                                           ///< history and the co-author has none (cannot be predicted; not scored)
    std::vector<LinkPredictionScores> methods;
    double seconds = 0;                    ///< wall time of the whole evaluation
};
void to_json(nlohmann::json& j, const LinkPredictionScores& s);
void to_json(nlohmann::json& j, const LinkPredictionReport& r);

/// Builds the co-author graph and a temporary works index from the works dated up to `until`, ranks candidates for
/// every author with history who gains a new co-author after it (a pair that never wrote together up to the
/// cut-off, writes together after it, and both have a work up to it), and scores the top k of each method
/// against those pairs. Works with more than 100 authors add no edges (AuthorGraph).
/// @throws InvalidArgument("until") unless YYYY-MM-DD; InvalidArgument("k") unless 1..100; InvalidArgument("format")
///         for an unknown format; InvalidArgument("corpus_paths") for a path that does not exist or if no work is
///         dated up to or after the cut-off; InvalidArgument("dump_negatives") outside 0..1;
///         InvalidArgument("dump_features") if that file cannot be written; IndexError if Xapian fails.
LinkPredictionReport evaluate_collaborators(const LinkPredictionOptions& opt);

}  // namespace paperdex
