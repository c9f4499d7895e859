// query-latency: in-process query latency of paperdex's Searcher (Google Benchmark), single thread, warm.
//
//   query-latency --write-queries OUT --queries F... [--titles CORPUS --titles-n N]
//       writes the fixed query set (BEIR queries.jsonl: {"_id","text"}) that every engine in tools/bench runs:
//       each --queries file (BEIR jsonl or SMART query.text, read by paperdex::eval::read_queries) and N arXiv titles
//       of CORPUS as known-item queries (every k-th work, double quotes dropped so a title is never a phrase).
//   query-latency --index DIR --queries QUERIES.jsonl [--benchmark_out=F --benchmark_out_format=json]
//       runs the set once untimed (warm-up), then each query once per iteration, and reports per-query
//       p50/p95/p99 in ms as counters. Benchmarks:
//         search/top10          limit 10, snippets off (ids + stored works, like the peers' top-10)
//         search/top10_snippets limit 10 with snippets and marked titles (what the API returns)
//         search/top10_facets   as top10, counting facets year, author, topic
//         facets/check=N        the facet spies alone (Xapian Enquire, same query and spies as the Searcher)
//                               with check_at_least = N: the cost of exact counts by match-set size, used to
//                               choose the Searcher's bound (docs/bench.md)
//       Facet benchmarks also report p50/p99 by match-set size: m<1k, m<10k, m<100k, m>=100k.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "search/facet_spy.h"
#include "paperdex/corpus/corpus.h"
#include "paperdex/error.h"
#include "paperdex/eval/eval.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/index/schema.h"
#include "paperdex/search/searcher.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Sample {
    double ms;
    Xapian::doccount matches;
};

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * double(v.size())))];
}

// p50/p95/p99 over all samples, and p50/p99 per match-set bucket when `buckets` is set.
// `queries` is how many distinct queries ran (each once per pass), as the peers report it.
void report(benchmark::State& state, const std::vector<Sample>& samples, std::size_t queries, std::size_t errors, bool buckets) {
    std::vector<double> all;
    for (const auto& s : samples) all.push_back(s.ms);
    state.counters["queries"] = double(queries);
    state.counters["samples"] = double(samples.size());
    state.counters["errors"] = double(errors);
    state.counters["p50_ms"] = percentile(all, 0.50);
    state.counters["p95_ms"] = percentile(all, 0.95);
    state.counters["p99_ms"] = percentile(all, 0.99);
    if (!buckets) return;
    const std::pair<const char*, Xapian::doccount> edges[] = {{"m<1k", 1000}, {"m<10k", 10000}, {"m<100k", 100000}, {"m>=100k", ~0u}};
    Xapian::doccount low = 0;
    for (const auto& [name, high] : edges) {
        std::vector<double> in;
        for (const auto& s : samples)
            if (s.matches >= low && s.matches < high) in.push_back(s.ms);
        state.counters[std::string(name) + "_n"] = double(in.size());
        state.counters[std::string(name) + "_p50_ms"] = percentile(in, 0.50);
        state.counters[std::string(name) + "_p99_ms"] = percentile(in, 0.99);
        low = high;
    }
}

struct Setup {
    std::string index;
    std::string identical_to;  // an index to compare every answer with (the one-shard build, or the shards in one process)
    std::vector<std::string> shards;  // remote works shards (tcp://HOST:PORT), as `paperdex serve --shard`
    bool shard_processes = false;     // each local shard in its own xapian-progsrv, as `paperdex serve --shard-processes`
    paperdex::RankingOptions ranking;  // the defaults, but for --elite-terms
    std::vector<paperdex::eval::Query> queries;
    std::size_t facet_queries = 0;  // facets/check=N: every k-th query, about this many (0 = all)
};

// The index as `paperdex serve` opens it: its generation, or its works on remote shards.
paperdex::Searcher open_searcher(const Setup& setup) {
    if (setup.shards.empty() && setup.shard_processes)
        return paperdex::Searcher::over_shard_processes(setup.index, paperdex::RemoteTimeouts{}, setup.ranking);
    if (setup.shards.empty()) return paperdex::Searcher(paperdex::open_index(setup.index), setup.ranking);
    std::vector<paperdex::RemoteShard> shards;
    for (const auto& url : setup.shards) shards.push_back(paperdex::parse_remote_shard(url));
    return paperdex::Searcher::over_remote_shards(setup.index, shards, paperdex::RemoteTimeouts{}, setup.ranking);
}

paperdex::SearchRequest request(const std::string& q, bool facets, bool snippets) {
    paperdex::SearchRequest r;
    r.query = q;
    r.limit = 10;
    r.snippets = snippets;
    if (facets) r.facets = {"year", "author", "topic"};
    return r;
}

// Issue 15's exactness, as the bench reports it: the same top-10 ids in the same order with scores within 1e-9, and
// the same year, author and topic counts where both count every match (past the facet bound both are scaled from a
// sample, and the shards' sample is each shard's share: facet_counts in searcher.cpp).
bool same_hits(const paperdex::SearchResponse& a, const paperdex::SearchResponse& b) {
    if (a.hits.size() != b.hits.size()) return false;
    for (std::size_t i = 0; i < a.hits.size(); ++i)
        if (a.hits[i].id != b.hits[i].id || std::abs(a.hits[i].score - b.hits[i].score) > 1e-9) return false;
    return true;
}

bool same_exact_facets(const paperdex::SearchResponse& a, const paperdex::SearchResponse& b) {
    if (a.total != b.total || a.facets.size() != b.facets.size()) return false;
    for (std::size_t f = 0; f < a.facets.size(); ++f) {
        const auto &x = a.facets[f].values, &y = b.facets[f].values;
        if (x.size() != y.size()) return false;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (x[i].value != y[i].value || x[i].count != y[i].count) return false;
    }
    return true;
}

void compare_answers(const Setup& setup, paperdex::Searcher& searcher) {
    paperdex::Searcher reference(paperdex::open_index(setup.identical_to), setup.ranking);
    std::size_t identical = 0, hits_identical = 0, exact = 0, exact_identical = 0, errors = 0;
    for (const auto& q : setup.queries) {
        try {
            const auto a = reference.search(request(q.text, true, false)), b = searcher.search(request(q.text, true, false));
            const bool hits = same_hits(a, b);
            const bool both_exact = a.total_exact && b.total_exact && std::all_of(a.facets.begin(), a.facets.end(), [](const auto& f) { return f.exact; }) &&
                                    std::all_of(b.facets.begin(), b.facets.end(), [](const auto& f) { return f.exact; });
            const bool facets = both_exact && same_exact_facets(a, b);
            hits_identical += hits;
            exact += both_exact;
            exact_identical += facets;
            identical += hits && (facets || !both_exact);
        } catch (const paperdex::Error&) {
            ++errors;
        }
    }
    std::cout << nlohmann::json{{"identical", identical}, {"queries", setup.queries.size()}, {"hits_identical", hits_identical},
                                {"facets_exact", exact}, {"facets_exact_identical", exact_identical}, {"errors", errors},
                                {"reference", setup.identical_to}}.dump()
              << std::endl;
}

void bench_search(benchmark::State& state, const Setup* setup, bool facets, bool snippets) {
    paperdex::Searcher searcher = open_searcher(*setup);
    std::size_t errors = 0;
    for (const auto& q : setup->queries) {  // warm-up: page cache and Xapian's block caches
        try {
            benchmark::DoNotOptimize(searcher.search(request(q.text, facets, snippets)));
        } catch (const paperdex::Error&) {
        }
    }
    std::vector<Sample> samples;
    std::size_t i = 0;
    for (auto _ : state) {
        const auto& q = setup->queries[i++ % setup->queries.size()];
        auto t0 = Clock::now();
        try {
            auto resp = searcher.search(request(q.text, facets, snippets));
            samples.push_back({std::chrono::duration<double, std::milli>(Clock::now() - t0).count(),
                               static_cast<Xapian::doccount>(resp.total)});
        } catch (const paperdex::Error&) {
            ++errors;
        }
    }
    report(state, samples, setup->queries.size(), errors, facets);
}

// The facet spies alone at a given check_at_least: what exact counts cost as the match set grows.
void bench_facet_bound(benchmark::State& state, const Setup* setup, Xapian::doccount check) {
    paperdex::Searcher searcher = open_searcher(*setup);
    const auto& db = searcher.database();
    std::vector<Xapian::Query> queries;
    const std::size_t step = setup->facet_queries ? std::max<std::size_t>(1, setup->queries.size() / setup->facet_queries) : 1;
    for (std::size_t k = 0; k < setup->queries.size(); k += step) {
        const auto& q = setup->queries[k];
        try {
            queries.push_back(searcher.build_query(request(q.text, false, false)));
        } catch (const paperdex::Error&) {
        }
    }
    auto run = [&](const Xapian::Query& query) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(searcher.weighting());
        std::vector<std::unique_ptr<paperdex::FacetSpy>> spies;
        for (const char* name : {"year", "author", "topic"}) {
            const auto& facet = paperdex::schema::facet(name);
            spies.push_back(std::make_unique<paperdex::FacetSpy>(facet, searcher.facet_dictionary(facet), check));
            enquire.add_matchspy(spies.back().get());
        }
        return enquire.get_mset(0, 10, std::min(check, db.get_doccount()));
    };
    for (const auto& q : queries) benchmark::DoNotOptimize(run(q));
    std::vector<Sample> samples;
    std::size_t i = 0;
    for (auto _ : state) {
        const auto& q = queries[i++ % queries.size()];
        auto t0 = Clock::now();
        auto mset = run(q);
        samples.push_back({std::chrono::duration<double, std::milli>(Clock::now() - t0).count(), mset.get_matches_estimated()});
    }
    report(state, samples, queries.size(), 0, true);
}

// The fixed query set: every query of each file, then `titles_n` titles of `titles_corpus` spread evenly.
int write_queries(const std::string& out_path, const std::vector<std::string>& files, const std::string& titles_corpus,
                  std::size_t titles_n) {
    std::ofstream out(out_path);
    if (!out) throw paperdex::Error(out_path + ": cannot create");
    std::size_t n = 0;
    for (const auto& f : files) {
        const std::string tag = std::filesystem::path(f).parent_path().filename().string();
        for (const auto& q : paperdex::eval::read_queries(f)) {
            out << nlohmann::json{{"_id", tag + ":" + q.id}, {"text", q.text}}.dump() << "\n";
            ++n;
        }
    }
    if (!titles_corpus.empty() && titles_n > 0) {
        std::vector<paperdex::Work> works;
        for (const auto& f : paperdex::corpus_files({titles_corpus}))
            paperdex::read_corpus(f, [&](paperdex::Work&& w) { works.push_back(std::move(w)); }, [](const paperdex::CorpusError&) {});
        const std::size_t step = std::max<std::size_t>(1, works.size() / titles_n);
        for (std::size_t i = 0, k = 0; i < works.size() && k < titles_n; i += step, ++k) {
            std::string t = works[i].title;
            std::replace(t.begin(), t.end(), '"', ' ');
            out << nlohmann::json{{"_id", "title:" + works[i].id}, {"text", t}}.dump() << "\n";
            ++n;
        }
    }
    std::cout << "query-latency: " << n << " queries written to " << out_path << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);  // takes the --benchmark_* flags out of argv
    CLI::App app{"query-latency: paperdex in-process query latency (Google Benchmark)"};
    Setup setup;
    std::vector<std::string> query_files;
    std::string write_to, titles;
    std::size_t titles_n = 1000;
    unsigned passes = 2;
    std::vector<Xapian::doccount> bounds = {1000, 10000, 50000, 100000, 250000, 0xffffffffu};
    app.add_option("--index", setup.index, "index directory (DIR/current or a Xapian database)");
    app.add_option("--shard", setup.shards, "a works shard on xapian-tcpsrv, tcp://HOST:PORT (repeat, in shard order)");
    app.add_flag("--shard-processes", setup.shard_processes, "each shard of the generation in its own xapian-progsrv process");
    app.add_option("--identical-to", setup.identical_to,
                   "before the benchmarks, compare every query's top 10 and facets with this index's and print the count");
    app.add_option("--elite-terms", setup.ranking.elite_terms, "match pasted text on its N rarest words (0 = all, the default)");
    app.add_option("--queries", query_files, "query files: BEIR queries.jsonl or SMART query.text")->required();
    app.add_option("--write-queries", write_to, "write the combined query set here and exit");
    app.add_option("--titles", titles, "corpus whose titles become known-item queries (with --write-queries)");
    app.add_option("--titles-n", titles_n, "how many titles");
    app.add_option("--passes", passes, "timed passes over the query set per benchmark");
    app.add_option("--facet-queries", setup.facet_queries, "facets/check=N benchmarks run about this many of the queries (0 = all)");
    app.add_option("--facet-bounds", bounds, "check_at_least values for the facets/check=N benchmarks (comma-separated)")->delimiter(',');
    CLI11_PARSE(app, argc, argv);
    try {
        if (!write_to.empty()) return write_queries(write_to, query_files, titles, titles_n);
        if (setup.index.empty()) throw paperdex::InvalidArgument("--index", "--index is required to run benchmarks");
        for (const auto& f : query_files) {
            auto q = paperdex::eval::read_queries(f);
            setup.queries.insert(setup.queries.end(), q.begin(), q.end());
        }
        if (setup.queries.empty()) throw paperdex::InvalidArgument("--queries", "no queries");
        if (!setup.identical_to.empty()) {
            paperdex::Searcher searcher = open_searcher(setup);
            compare_answers(setup, searcher);
        }
        const auto iterations = static_cast<benchmark::IterationCount>(setup.queries.size() * passes);
        const std::size_t facet_n = setup.facet_queries ? std::min(setup.facet_queries, setup.queries.size()) : setup.queries.size();
        auto add = [&](const std::string& name, auto fn) {
            const bool sweep = name.rfind("facets/", 0) == 0;
            benchmark::RegisterBenchmark(name.c_str(), fn)
                ->Iterations(sweep ? static_cast<benchmark::IterationCount>(facet_n * passes) : iterations)
                ->Unit(benchmark::kMillisecond);
        };
        add("search/top10", [&](benchmark::State& s) { bench_search(s, &setup, false, false); });
        add("search/top10_snippets", [&](benchmark::State& s) { bench_search(s, &setup, false, true); });
        add("search/top10_facets", [&](benchmark::State& s) { bench_search(s, &setup, true, false); });
        for (auto b : bounds)
            add("facets/check=" + (b == 0xffffffffu ? std::string("all") : std::to_string(b)),
                [&setup, b](benchmark::State& s) { bench_facet_bound(s, &setup, b); });
        benchmark::RunSpecifiedBenchmarks();
        benchmark::Shutdown();
    } catch (const std::exception& e) {
        std::cerr << "query-latency: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
