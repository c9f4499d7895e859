#pragma once
/// Relevance evaluation: qrels, queries and TREC run files in, nDCG@10 / recall@100 / MAP / MRR@10 out.
/// The metric definitions are those of pytrec_eval (ndcg_cut, recall, map_cut, recip_rank cut at 10) as
/// implemented by ../shared/peers/eval.py, which every paperdex figure must agree with to 4 decimals.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace paperdex {
class Searcher;
}

namespace paperdex::eval {

/// The key a query id is matched under: a purely numeric id loses its leading zeros ("01" → "1", "0" → "0"),
/// anything else is kept as is. CACM spells query 1 as "1" in query.text and "01" in the qrels.
std::string query_key(std::string_view qid);

/// The judgments of one query: only documents with relevance > 0 are kept (a 0 judgment and no judgment are
/// the same to every metric here).
struct QueryJudgments {
    std::string id;                         ///< the query id as spelled in the qrels file ("01")
    std::map<std::string, int> relevant;    ///< document id → graded relevance (> 0)
};

/// Judged queries in the order they first appear in the file. A query whose judgments are all 0 is absent,
/// as in eval.py (it is not evaluated at all).
struct Qrels {
    std::vector<QueryJudgments> queries;
    /// The judgments for `qid` (matched through query_key), or nullptr.
    const QueryJudgments* find(std::string_view qid) const;
    std::size_t judgments() const;  ///< (query, document) pairs with relevance > 0
};

enum class QrelsFormat {
    detect,  ///< see read_qrels
    beir,    ///< TSV `query-id corpus-id score` (header optional)
    trec,    ///< `qid iteration docid rel`
    smart,   ///< SMART/CACM qrels.text: `qid docid 0 0`, every line a relevant pair (relevance 1)
};

/// Reads a qrels file (plain or .gz). With QrelsFormat::detect: 3 columns → BEIR; 4 columns → SMART when every
/// line's last two columns are "0 0" (SMART lists only relevant pairs), else TREC.
/// @return the judged queries, query ids as in the file.
/// @throws CorpusError(path, line, ...) on a line with the wrong number of columns or a non-numeric relevance;
///         CorpusError(path, 0, ...) if the file cannot be read.
Qrels read_qrels(const std::string& path, QrelsFormat format = QrelsFormat::detect);

/// One query: its id (as in the query file) and its text.
struct Query {
    std::string id;
    std::string text;
};

/// Reads queries, format by content: a first non-blank line starting with '{' → BEIR queries.jsonl
/// (`{"_id","text"}` per line); starting with ".I" → SMART query.text (`.I id`, text in the `.W` section,
/// other sections such as `.A` `.N` ignored; lines joined with single spaces).
/// @throws CorpusError(path, line, ...) on malformed JSON, a missing "_id"/"text", a SMART section before any
///         `.I`, or an unknown layout; CorpusError(path, 0, ...) if unreadable.
std::vector<Query> read_queries(const std::string& path);

/// A ranked list per query: query id (as it will be written) → document ids, best first, no duplicates.
using Run = std::map<std::string, std::vector<std::string>>;

/// Reads a TREC run file `qid Q0 docid rank score tag`; lines with fewer than 6 columns are skipped. Each
/// query's documents are ordered as trec_eval/eval.py do: score descending, then rank ascending, then doc id
/// descending; a repeated document keeps its best place. @throws CorpusError on a non-numeric rank/score.
Run read_run(const std::string& path);

/// One line of a run: a document and its score.
struct ScoredDoc {
    std::string doc_id;
    double score = 0;
};

/// Writes `results` (query id → documents best first) as a TREC run: `qid Q0 docid rank score tag`, rank
/// 1-based, score with 6 decimals (as the peers write it). Queries in map order.
/// @throws Error if the file cannot be written.
void write_run(const std::string& path, const std::map<std::string, std::vector<ScoredDoc>>& results,
               std::string_view tag);

/// Metrics of one query or the mean over the judged queries.
struct Metrics {
    double ndcg_at_10 = 0;     ///< graded gain rel/log2(rank+1), normalised by the ideal ordering of the qrels
    double recall_at_100 = 0;  ///< relevant documents in the top 100 / all relevant documents
    double map = 0;            ///< average precision over the top 1000 (map_cut_1000)
    double mrr_at_10 = 0;      ///< 1/rank of the first relevant document in the top 10, else 0
    std::size_t queries = 0;   ///< judged queries averaged over (1 for a single query)
};

/// Metrics for one query's ranked documents. @throws InvalidArgument("qrels", ...) if `judged` has no
/// relevant document (the metrics would divide by zero).
Metrics evaluate_query(const QueryJudgments& judged, const std::vector<std::string>& ranked);

/// Mean over every query of `qrels`; a judged query missing from `run` (no results, or not asked) counts as 0
/// on every metric, as in BEIR and eval.py. Run entries are matched to qrels through query_key.
Metrics evaluate(const Qrels& qrels, const Run& run);

/// {"ndcg@10","recall@100","map@1000","mrr@10","queries"}, each metric rounded to 4 decimals like eval.py.
void to_json(nlohmann::json& j, const Metrics& m);

/// Runs queries through Searcher::search — the very call the HTTP API makes — and collects a run.
struct SearchRunOptions {
    std::size_t depth = 1000;  ///< hits per query (the run's cut), 1..1000
    /// Strip the importer's "<source>:" prefix from work ids ("cacm:1410" → "1410"), so that the run carries the
    /// collection's own document ids and scores against the original qrels.
    bool strip_id_prefix = true;
};

struct SearchRun {
    std::map<std::string, std::vector<ScoredDoc>> results;  ///< keyed by the query id as spelled in the qrels
    std::vector<double> latency_ms;   ///< one per query asked, in order: wall time of Searcher::search
    std::size_t asked = 0;            ///< judged queries found in the query file and searched
    std::size_t missing = 0;          ///< judged queries absent from the query file (they score 0)
    std::vector<std::string> failed;  ///< "qid: message" for queries the searcher rejected (they score 0)
};

/// Searches every query of `queries` that `qrels` judges (matched through query_key), in query-file order,
/// with SearchRequest{query = text, limit = depth, no facets, no snippets} and the searcher's own ranking.
/// A query the searcher rejects with InvalidArgument is recorded in `failed` (and scores 0), not thrown, because
/// the API would answer it with a 400 too.
/// @throws InvalidArgument("depth", ...) if depth is 0 or > 1000; IndexError if Xapian fails (as Searcher::search).
SearchRun run_search(const Searcher& searcher, const std::vector<Query>& queries, const Qrels& qrels,
                     const SearchRunOptions& opt = {});

/// The run of `sr` as document ids only (for evaluate()).
Run to_run(const SearchRun& sr);

/// The 50th percentile (nearest rank, as ../shared/peers/common.py: sorted[min(n-1, int(0.5 n))]) of `ms`; 0 if empty.
double median_ms(std::vector<double> ms);

}  // namespace paperdex::eval
