// paperdex eval similar --index DIR --qrels FILE... [--k 10] [--terms N] [--scheme trad|bo1] [--tf-k X] [--k3 X]
//                       [--skip-unique] [--k1 X --b X] [--json]
// Build the index first with `paperdex eval search --corpus ... --index DIR` (it keeps the index it builds).
#include <cmath>
#include <iomanip>
#include <iostream>
#include <limits>

#include <nlohmann/json.hpp>

#include "cli/paperdex/eval_command.h"
#include "paperdex/eval/similar_eval.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/search/searcher.h"

namespace {

struct Args {
    std::string index, scheme = "trad";
    std::vector<std::string> qrels;
    std::size_t k = 10;
    paperdex::SimilarOptions opt;
    paperdex::RankingOptions ranking;
    bool json = false;
};

const paperdex::cli::Register eval_similar{
    paperdex::cli::eval_registry(), "similar", "more like this on judged data: precision of a relevant work's similar works among its co-relevant ones",
    [](CLI::App& sub) {
        auto a = std::make_shared<Args>();
        auto& o = a->opt;
        sub.add_option("--index", a->index, "index of the collection (e.g. built by `eval search --corpus ... --index DIR`)")
            ->required();
        sub.add_option("--qrels", a->qrels, "qrels files (BEIR, TREC or SMART); several are merged")->required();
        sub.add_option("--k", a->k, "cut-off (1..100)")->capture_default_str();
        sub.add_option("--terms", o.terms, "expansion terms (1..200)")->capture_default_str();
        sub.add_option("--scheme", a->scheme, "ESet weighting: trad (TradEWeight) or bo1")
            ->check(CLI::IsMember({"trad", "bo1"}))
            ->capture_default_str();
        sub.add_option("--tf-k", o.tf_k, "TradEWeight k: saturation of the source's wdf in the term choice (0 = rarity only)")
            ->capture_default_str();
        sub.add_option("--k3", o.k3, "BM25 k3 of the expansion query (saturation of wqf = source wdf)")->capture_default_str();
        sub.add_flag("--skip-unique,!--keep-unique", o.skip_unique, "skip words no other work has");
        sub.add_option("--feedback-docs", o.feedback_docs, "second pass: first-pass hits added to the RSet (0 = off)")
            ->capture_default_str();
        sub.add_option("--feedback-terms", o.feedback_terms, "second pass: terms of the bigger RSet")->capture_default_str();
        sub.add_option("--feedback-weight", o.feedback_weight, "second pass: weight of those terms")->capture_default_str();
        sub.add_option("--k1", a->ranking.k1, "BM25 k1")->capture_default_str();
        sub.add_option("--b", a->ranking.b, "BM25 b")->capture_default_str();
        sub.add_flag("--json", a->json, "one JSON line");
        return [a]() {
            a->opt.scheme = a->scheme == "bo1" ? paperdex::ExpansionScheme::bo1 : paperdex::ExpansionScheme::trad;
            paperdex::eval::Qrels qrels;
            for (const auto& f : a->qrels) {
                auto more = paperdex::eval::read_qrels(f);
                for (auto& q : more.queries) qrels.queries.push_back(std::move(q));
            }
            paperdex::Searcher searcher(paperdex::open_index(a->index), a->ranking);
            const auto r = paperdex::eval::evaluate_similar(searcher, qrels, a->opt, a->k);
            if (a->json) {
                nlohmann::json j = r;
                const auto& o = a->opt;
                j["options"] = {{"terms", o.terms}, {"scheme", a->scheme}, {"tf_k", o.tf_k},
                                {"k3", o.k3}, {"skip_unique", o.skip_unique}, {"feedback_docs", o.feedback_docs},
                                {"feedback_terms", o.feedback_terms}, {"feedback_weight", o.feedback_weight}, {"k1", a->ranking.k1}, {"b", a->ranking.b}};
                std::cout << j.dump() << "\n";
                return 0;
            }
            std::cout << std::fixed << std::setprecision(4) << "queries  " << r.queries << " with 2+ relevant works\n"
                      << "sources  " << r.sources << " (" << r.missing << " relevant documents not in the index)\n"
                      << "P@" << r.k << "     " << r.precision << "\nR@" << r.k << "     " << r.recall << "\nMRR@" << r.k
                      << "   " << r.mrr << "\n"
                      << std::setprecision(1) << r.seconds << " s\n";
            return 0;
        };
    }};

}  // namespace
