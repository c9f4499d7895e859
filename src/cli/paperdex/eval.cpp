// paperdex eval search --corpus PATH... --queries FILE --qrels FILE [--format NAME] [--index DIR] [--run OUT.trec]
//                     [--json] [ranking options]
// `eval` itself is created here; its sub-subcommands (search here, collaborators elsewhere) register through
// cli/eval_command.h.
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli/paperdex/eval_command.h"
#include "paperdex/corpus/corpus.h"
#include "paperdex/error.h"
#include "paperdex/eval/eval.h"
#include "paperdex/importers/importers.h"
#include "paperdex/index/rebuild.h"
#include "paperdex/index/index_directory.h"
#include "corpus/line_reader.h"
#include "paperdex/search/searcher.h"

namespace fs = std::filesystem;

namespace paperdex {
// The "ranking" object of the JSON report: every option, under its member's name.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(RankingOptions, k1, b, stopwords, prf_docs, prf_terms, prf_weight, elite_terms)
}  // namespace paperdex

namespace {

const paperdex::cli::Register eval_command{
    "eval", "measure quality on judged data: `eval search` (relevance), `eval collaborators` (link prediction)", [](CLI::App& sub) {
        sub.require_subcommand(1);
        auto runs = std::make_shared<std::map<CLI::App*, std::function<int()>>>();
        for (auto& c : paperdex::cli::eval_registry()) {
            CLI::App* s = sub.add_subcommand(c.name, c.help);
            (*runs)[s] = c.factory(*s);
        }
        return [runs]() {
            for (auto& [s, run] : *runs)
                if (s->parsed()) return run();
            return 1;
        };
    }};

// The importer for a source file, from its first record: SMART starts with ".I"; a JSON line with "_id" is BEIR,
// one with "id" and "source" is a paperdex corpus. A directory is judged by its first file.
std::string detect_format(const std::string& path) {
    std::string file = path;
    if (fs::is_directory(path)) {
        std::vector<std::string> files;
        for (const auto& e : fs::directory_iterator(path))
            if (e.is_regular_file()) files.push_back(e.path().string());
        std::sort(files.begin(), files.end());
        if (files.empty()) throw paperdex::InvalidArgument("--corpus", path + ": empty directory");
        file = files.front();
    }
    paperdex::LineReader r(file);
    for (std::string line; r.next(line);) {
        auto start = line.find_first_not_of(" \t\r");
        if (start == std::string::npos) continue;
        if (line.compare(start, 2, ".I") == 0) return "smart";
        if (line[start] == '{') {
            auto j = nlohmann::json::parse(line, nullptr, false);
            if (j.is_object() && j.contains("_id")) return "beir";
            if (j.is_object() && j.contains("id") && j.contains("source")) return "corpus";
        }
        break;
    }
    throw paperdex::InvalidArgument("--format", file + ": cannot tell the format from the first record; give --format");
}

// A directory under /tmp removed on every exit path.
struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("paperdex-eval-" + std::to_string(::getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

struct EvalSearchArgs {
    std::vector<std::string> corpus;
    std::string format, index, queries, qrels, run;
    bool json = false, keep_prefix = false;
    std::size_t depth = 1000;
    paperdex::RankingOptions ranking;
};

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// --corpus → canonical JSONL → rebuild(): the production import and index path, so that the figures measure what
// users run. Builds `index_dir` using `tmp` for the JSONL; returns the records rejected on the way.
std::size_t import_and_index(const EvalSearchArgs& a, const fs::path& tmp, const std::string& index_dir) {
    const std::string format = a.format.empty() ? detect_format(a.corpus.front()) : a.format;
    auto imported = paperdex::importers::import(format, a.corpus);
    for (const auto& e : imported.errors) std::cerr << "paperdex: " << e.what() << "\n";
    const std::string jsonl = (tmp / "corpus.jsonl").string();
    {
        paperdex::CorpusWriter w(jsonl);
        for (const auto& work : imported.works) w.write(work);
        w.close();
    }
    imported.works.clear();  // the rebuild reads the JSONL; do not hold the corpus twice
    paperdex::RebuildOptions ro;
    ro.corpus_paths = {jsonl};
    ro.index_dir = index_dir;
    auto built = paperdex::rebuild(ro);
    for (const auto& e : built.errors) std::cerr << "paperdex: " << e.what() << "\n";
    return imported.errors.size() + built.rejected;
}

// Everything eval search prints, whichever the form.
struct EvalSearchReport {
    paperdex::eval::Metrics metrics;
    std::size_t docs = 0, rejected = 0, asked = 0, missing = 0, failed = 0;
    double index_s = 0, p50_ms = 0, p99_ms = 0;
};

void print_json(const EvalSearchReport& r, const paperdex::RankingOptions& ranking) {
    auto r3 = [](double x) { return std::round(x * 1e3) / 1e3; };
    nlohmann::json j = r.metrics;
    j["docs"] = r.docs;
    j["rejected"] = r.rejected;
    j["index_s"] = r3(r.index_s);
    j["asked"] = r.asked;
    j["missing"] = r.missing;
    j["failed"] = r.failed;
    j["p50_ms"] = r3(r.p50_ms);
    j["p99_ms"] = r3(r.p99_ms);
    j["ranking"] = ranking;
    std::cout << j.dump() << "\n";
}

void print_text(const EvalSearchReport& r, bool built) {
    const auto& m = r.metrics;
    std::cout << std::fixed << std::setprecision(4);
    std::cout << "index       " << r.docs << " works";
    if (built) std::cout << ", built in " << std::setprecision(2) << r.index_s << " s" << std::setprecision(4);
    std::cout << "\nqueries     " << m.queries << " judged, " << r.asked << " searched, " << r.missing << " missing, "
              << r.failed << " rejected\n"
              << "nDCG@10     " << m.ndcg_at_10 << "\n"
              << "recall@100  " << m.recall_at_100 << "\n"
              << "MAP@1000    " << m.map << "\n"
              << "MRR@10      " << m.mrr_at_10 << "\n"
              << std::setprecision(2) << "query p50   " << r.p50_ms << " ms (p99 " << r.p99_ms << " ms)\n";
}

int eval_search(const EvalSearchArgs& a) {
    if (a.corpus.empty() && a.index.empty())
        throw paperdex::InvalidArgument("--corpus", "give --corpus PATH... (imported into a temporary index) or --index DIR");
    // Read the judgments first: a typo in a path should fail before a minute of indexing.
    const auto qrels = paperdex::eval::read_qrels(a.qrels);
    const auto queries = paperdex::eval::read_queries(a.queries);

    EvalSearchReport report;
    std::optional<TempDir> tmp;
    std::string index_dir = a.index;
    if (!a.corpus.empty()) {
        tmp.emplace();
        if (index_dir.empty()) index_dir = (tmp->path / "index").string();
        const auto t0 = std::chrono::steady_clock::now();
        report.rejected = import_and_index(a, tmp->path, index_dir);
        report.index_s = seconds_since(t0);
    }
    paperdex::Searcher searcher(paperdex::open_index(index_dir), a.ranking);
    report.docs = searcher.database().get_doccount();

    paperdex::eval::SearchRunOptions so;
    so.depth = a.depth;
    so.strip_id_prefix = !a.keep_prefix;
    const auto sr = paperdex::eval::run_search(searcher, queries, qrels, so);
    if (!a.run.empty()) paperdex::eval::write_run(a.run, sr.results, "paperdex");
    for (const auto& f : sr.failed) std::cerr << "paperdex: query rejected (scores 0): " << f << "\n";
    if (sr.missing) std::cerr << "paperdex: " << sr.missing << " judged queries are not in " << a.queries << " (they score 0)\n";

    report.metrics = paperdex::eval::evaluate(qrels, paperdex::eval::to_run(sr));
    report.asked = sr.asked;
    report.missing = sr.missing;
    report.failed = sr.failed.size();
    auto lat = sr.latency_ms;
    std::sort(lat.begin(), lat.end());
    report.p50_ms = paperdex::eval::median_ms(lat);
    report.p99_ms = lat.empty() ? 0 : lat[std::min(lat.size() - 1, static_cast<std::size_t>(0.99 * double(lat.size())))];
    if (a.json) print_json(report, a.ranking);
    else print_text(report, !a.corpus.empty());
    return 0;
}

const paperdex::cli::Register eval_search_command{
    paperdex::cli::eval_registry(), "search", "relevance of `search` on judged queries (BEIR or SMART/TREC): nDCG@10, recall@100, MAP, MRR@10",
    [](CLI::App& sub) {
        auto a = std::make_shared<EvalSearchArgs>();
        sub.add_option("--corpus", a->corpus, "source files or directories, imported into a temporary index");
        sub.add_option("--format", a->format, "importer for --corpus (beir, smart, corpus, ...); default: detected");
        sub.add_option("--index", a->index,
                       "index directory: searched as is without --corpus; with --corpus, built there and kept");
        sub.add_option("--queries", a->queries, "BEIR queries.jsonl or SMART query.text")->required();
        sub.add_option("--qrels", a->qrels, "BEIR qrels TSV, TREC 4-column qrels or SMART qrels.text")->required();
        sub.add_option("--run", a->run, "write the TREC run file (top --depth per query) here");
        sub.add_option("--depth", a->depth, "hits per query in the run (1..1000)")->capture_default_str();
        sub.add_flag("--keep-id-prefix", a->keep_prefix,
                     "write work ids as indexed (\"cacm:1410\"), not the collection's own (\"1410\")");
        sub.add_flag("--json", a->json, "one JSON line: metrics, docs, index_s, p50_ms, ...");
        sub.add_option("--k1", a->ranking.k1, "BM25 k1 (term frequency saturation)")->capture_default_str();
        sub.add_option("--b", a->ranking.b, "BM25 b (document length normalisation, 0..1)")->capture_default_str();
        auto& r = a->ranking;
        sub.add_flag("--stopwords,!--no-stopwords", r.stopwords, "drop English stopwords from queries");
        sub.add_option("--prf-docs", r.prf_docs, "pseudo-relevance feedback: top documents used (0 = off)")
            ->capture_default_str();
        sub.add_option("--prf-terms", r.prf_terms, "pseudo-relevance feedback: expansion terms")->capture_default_str();
        sub.add_option("--prf-weight", r.prf_weight, "pseudo-relevance feedback: weight of the expansion")
            ->capture_default_str();
        sub.add_option("--elite-terms", r.elite_terms, "match pasted text on its N rarest words (0 = all)")
            ->capture_default_str();
        return [a]() { return eval_search(*a); };
    }};

}  // namespace
