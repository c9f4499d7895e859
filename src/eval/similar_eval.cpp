#include "paperdex/eval/similar_eval.h"

#include <chrono>
#include <cmath>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "index/xapian_error.h"
#include "paperdex/error.h"
#include "paperdex/index/schema.h"
#include "paperdex/search/searcher.h"

namespace paperdex::eval {
namespace {

std::string strip_prefix(const std::string& id) {
    const auto colon = id.find(':');
    return colon == std::string::npos ? id : id.substr(colon + 1);
}

double round4(double x) { return std::round(x * 1e4) / 1e4; }

}  // namespace

CoRelevantReport evaluate_similar(const Searcher& searcher, const Qrels& qrels, SimilarOptions opt, std::size_t k) {
    if (k == 0 || k > 100) throw InvalidArgument("k", "k must be 1..100, got " + std::to_string(k));
    CoRelevantReport rep;
    rep.k = k;
    // The collection's own ids (numeric ones without leading zeros, as query_key) → the index's work ids.
    std::unordered_map<std::string, std::string> work_id;
    with_xapian_errors("listing the work ids", [&] {
        const auto& db = searcher.database();
        const std::string q(schema::kIdPrefix);
        for (auto t = db.allterms_begin(q); t != db.allterms_end(q); ++t) {
            const std::string id = (*t).substr(q.size());
            work_id.emplace(query_key(strip_prefix(id)), id);
        }
    });
    opt.offset = 0;
    opt.limit = k;
    double p = 0, r = 0, mrr = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (const auto& judged : qrels.queries) {
        std::set<std::string> relevant;
        for (const auto& [doc_in, rel] : judged.relevant) {
            const std::string doc = query_key(doc_in);  // CACM's qrels write "0046" for document 46
            if (work_id.count(doc)) relevant.insert(doc);
            else ++rep.missing;
        }
        if (relevant.size() < 2) continue;
        ++rep.queries;
        for (const auto& source : relevant) {
            const auto resp = similar(searcher, work_id.at(source), opt);
            std::size_t found = 0, first = 0;
            for (std::size_t i = 0; i < resp.hits.size(); ++i) {
                const std::string doc = query_key(strip_prefix(resp.hits[i].id));
                if (doc == source || !relevant.count(doc)) continue;
                ++found;
                if (!first) first = i + 1;
            }
            p += double(found) / double(k);
            rep.per_source.push_back(double(found) / double(k));
            r += double(found) / double(relevant.size() - 1);
            if (first) mrr += 1.0 / double(first);
            ++rep.sources;
        }
    }
    rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (rep.sources) {
        rep.precision = p / double(rep.sources);
        rep.recall = r / double(rep.sources);
        rep.mrr = mrr / double(rep.sources);
    }
    return rep;
}

void to_json(nlohmann::json& j, const CoRelevantReport& r) {
    const std::string k = std::to_string(r.k);
    j = {{"queries", r.queries},
         {"sources", r.sources},
         {"missing", r.missing},
         {"k", r.k},
         {"p@" + k, round4(r.precision)},
         {"r@" + k, round4(r.recall)},
         {"mrr@" + k, round4(r.mrr)},
         {"seconds", std::round(r.seconds * 1e3) / 1e3}};
}

}  // namespace paperdex::eval
