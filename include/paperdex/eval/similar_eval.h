#pragma once
/// How well more-like-this (similar()) finds a work's co-relevant works: works judged relevant to the same query
/// of a test collection (CACM, SciFact) — the measurement behind docs/similar.md.
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "paperdex/eval/eval.h"
#include "paperdex/search/similar.h"

namespace paperdex::eval {

/// Co-relevant precision of similar() over one collection.
struct CoRelevantReport {
    std::size_t queries = 0;   ///< judged queries with at least two relevant works in the index
    std::size_t sources = 0;   ///< (query, relevant work) pairs scored: the work is the source
    std::size_t missing = 0;   ///< judged relevant documents absent from the index (any query; never sources)
    std::size_t k = 10;
    double precision = 0;      ///< mean over sources of |top k ∩ (relevant(query) − source)| / k
    double recall = 0;         ///< mean over sources of |top k ∩ (relevant(query) − source)| / |relevant(query) − 1|
    double mrr = 0;            ///< mean over sources of 1 / rank of the first co-relevant hit in the top k, else 0
    double seconds = 0;        ///< wall time of the similar() calls
    std::vector<double> per_source;  ///< P@k of each source, in qrels order (for paired comparisons)
};

/// For every query of `qrels` with at least two relevant documents in the index, every relevant document is a
/// source: similar(searcher, source, opt) with opt.offset 0 and opt.limit `k` is scored against the query's other
/// relevant documents. A work's qrels id is its id without the importer's "<source>:" prefix ("cacm:1410" →
/// "1410"), as `eval search` writes runs. Pairs, not documents: a work relevant to two queries is scored twice.
/// @throws InvalidArgument("k", ...) if k is 0 or > 100; as similar() for bad options; IndexError if Xapian fails.
CoRelevantReport evaluate_similar(const Searcher& searcher, const Qrels& qrels, SimilarOptions opt, std::size_t k = 10);

/// {"queries","sources","missing","k","p@k","r@k","mrr@k","seconds"}, metrics rounded to 4 decimals.
void to_json(nlohmann::json& j, const CoRelevantReport& r);

}  // namespace paperdex::eval
