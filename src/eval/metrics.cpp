// Metrics over a run and qrels. Definitions follow pytrec_eval as ../shared/peers/eval.py implements them; the
// loops mirror eval.py line by line (same cuts, same order of summation) so that both round to the same 4 decimals.
#include "paperdex/eval/eval.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include <nlohmann/json.hpp>

#include "paperdex/error.h"

namespace paperdex::eval {

Metrics evaluate_query(const QueryJudgments& judged, const std::vector<std::string>& ranked) {
    const auto& rels = judged.relevant;
    if (rels.empty())
        throw InvalidArgument("qrels", "query \"" + judged.id + "\" has no relevant document");
    auto gain = [&](const std::string& doc) {
        auto it = rels.find(doc);
        return it == rels.end() ? 0 : it->second;
    };
    Metrics m;
    m.queries = 1;

    double dcg = 0;
    for (std::size_t i = 0; i < std::min<std::size_t>(10, ranked.size()); ++i)
        dcg += gain(ranked[i]) / std::log2(static_cast<double>(i) + 2);
    std::vector<int> ideal;
    for (const auto& [doc, rel] : rels) ideal.push_back(rel);
    std::sort(ideal.begin(), ideal.end(), std::greater<>());
    double idcg = 0;
    for (std::size_t i = 0; i < std::min<std::size_t>(10, ideal.size()); ++i)
        idcg += ideal[i] / std::log2(static_cast<double>(i) + 2);
    m.ndcg_at_10 = idcg > 0 ? dcg / idcg : 0;

    std::size_t found = 0;
    for (std::size_t i = 0; i < std::min<std::size_t>(100, ranked.size()); ++i)
        if (rels.count(ranked[i])) ++found;
    m.recall_at_100 = static_cast<double>(found) / static_cast<double>(rels.size());

    std::size_t hits = 0;
    double ap = 0;
    for (std::size_t i = 0; i < std::min<std::size_t>(1000, ranked.size()); ++i) {
        if (rels.count(ranked[i])) {
            ++hits;
            ap += static_cast<double>(hits) / static_cast<double>(i + 1);
        }
    }
    m.map = ap / static_cast<double>(rels.size());

    for (std::size_t i = 0; i < std::min<std::size_t>(10, ranked.size()); ++i) {
        if (rels.count(ranked[i])) {
            m.mrr_at_10 = 1.0 / static_cast<double>(i + 1);
            break;
        }
    }
    return m;
}

Metrics evaluate(const Qrels& qrels, const Run& run) {
    // Index the run by query key once, so that "1" in a run meets "01" in the qrels.
    std::map<std::string, const std::vector<std::string>*> by_key;
    for (const auto& [qid, docs] : run) by_key.emplace(query_key(qid), &docs);
    static const std::vector<std::string> kNone;

    Metrics total;
    for (const auto& q : qrels.queries) {
        auto it = by_key.find(query_key(q.id));
        Metrics m = evaluate_query(q, it == by_key.end() ? kNone : *it->second);
        total.ndcg_at_10 += m.ndcg_at_10;
        total.recall_at_100 += m.recall_at_100;
        total.map += m.map;
        total.mrr_at_10 += m.mrr_at_10;
        ++total.queries;
    }
    if (total.queries) {
        const auto n = static_cast<double>(total.queries);
        total.ndcg_at_10 /= n;
        total.recall_at_100 /= n;
        total.map /= n;
        total.mrr_at_10 /= n;
    }
    return total;
}

void to_json(nlohmann::json& j, const Metrics& m) {
    // eval.py prints round(x, 4); std::round(x * 1e4) / 1e4 gives the same double for these magnitudes.
    auto r4 = [](double x) { return std::round(x * 1e4) / 1e4; };
    j = nlohmann::json{{"ndcg@10", r4(m.ndcg_at_10)},
                       {"recall@100", r4(m.recall_at_100)},
                       {"map@1000", r4(m.map)},
                       {"mrr@10", r4(m.mrr_at_10)},
                       {"queries", m.queries}};
}

double median_ms(std::vector<double> ms) {
    if (ms.empty()) return 0;
    std::sort(ms.begin(), ms.end());
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(0.5 * static_cast<double>(ms.size())))];
}

}  // namespace paperdex::eval
