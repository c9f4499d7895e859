// Temporal link prediction for the collaborator suggestions (Liben-Nowell & Kleinberg 2007): history up to a
// cut-off date → predictions → the co-authorships that first appear after it.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "paperdex/authors/collaborators.h"
#include "paperdex/error.h"
#include "paperdex/importers/importers.h"
#include "paperdex/index/document.h"
#include "paperdex/index/index_directory.h"

namespace fs = std::filesystem;

namespace paperdex {
namespace {

constexpr std::size_t kMaxAuthorsForEdges = 100;  // as AuthorGraph's default

bool is_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

// The files a list of paths stands for: a directory = its regular files, sorted by name (listing dates).
std::vector<std::string> input_files(const std::vector<std::string>& paths) {
    std::vector<std::string> files;
    for (const auto& p : paths) {
        if (fs::is_directory(p)) {
            std::vector<std::string> inside;
            for (const auto& e : fs::directory_iterator(p))
                if (e.is_regular_file()) inside.push_back(e.path().string());
            std::sort(inside.begin(), inside.end());
            files.insert(files.end(), inside.begin(), inside.end());
        } else if (fs::exists(p)) {
            files.push_back(p);
        } else {
            throw InvalidArgument("--corpus", p + ": no such file or directory");
        }
    }
    return files;
}

// A temporary directory removed on every exit path.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& parent) {
        std::random_device rd;
        path = fs::path(parent.empty() ? fs::temp_directory_path() : fs::path(parent)) /
               ("paperdex-collab-eval-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

struct Method {
    std::string name;
    std::function<double(const Candidate&)> score;
};

struct Totals {
    double precision = 0, recall = 0, hits = 0, mrr = 0;
};

}  // namespace

void to_json(nlohmann::json& j, const LinkPredictionScores& s) {
    j = {{"method", s.method}, {"precision", s.precision}, {"recall", s.recall}, {"hits", s.hits}, {"mrr", s.mrr}};
}

void to_json(nlohmann::json& j, const LinkPredictionReport& r) {
    j = {{"until", r.until},
         {"k", r.k},
         {"works_before", r.works_before},
         {"works_after", r.works_after},
         {"works_undated", r.works_undated},
         {"authors_before", r.authors_before},
         {"authors_evaluated", r.authors_evaluated},
         {"new_links", r.new_links},
         {"new_links_unknown", r.new_links_unknown},
         {"methods", r.methods},
         {"seconds", r.seconds}};
}

LinkPredictionReport evaluate_collaborators(const LinkPredictionOptions& opt) {
    const auto t0 = std::chrono::steady_clock::now();
    if (!is_date(opt.until)) throw InvalidArgument("--until", "--until must be a date YYYY-MM-DD, got \"" + opt.until + "\"");
    if (opt.k < 1 || opt.k > 100) throw InvalidArgument("--k", "k must be 1..100, got " + std::to_string(opt.k));
    importers::format(opt.format);  // throws for an unknown format
    const std::vector<std::string> files = input_files(opt.corpus_paths);

    // Each work once, as first listed: a revision listed after the cut-off is not a new co-authorship.
    std::vector<Work> before, after;
    std::unordered_set<std::string> seen;
    LinkPredictionReport report;
    report.until = opt.until;
    report.k = opt.k;
    for (const auto& f : files) {
        importers::ImportResult r = importers::import(opt.format, {f});
        for (auto& w : r.works) {
            if (!seen.insert(w.id).second) continue;
            if (!is_date(w.date)) {
                ++report.works_undated;
                continue;
            }
            (w.date <= opt.until ? before : after).push_back(std::move(w));
        }
    }
    report.works_before = before.size();
    report.works_after = after.size();
    if (before.empty() || after.empty())
        throw InvalidArgument("--corpus", "the corpus needs dated works on both sides of " + opt.until + "; got " +
                                              std::to_string(before.size()) + " up to it and " +
                                              std::to_string(after.size()) + " after it");

    // History: the co-author graph, and an index of the works for the topical part.
    AuthorGraph graph(kMaxAuthorsForEdges);
    for (const auto& w : before) graph.add(w);
    graph.finish();
    report.authors_before = graph.size();
    TempDir tmp(opt.work_dir);
    // The history index: temporary, or kept in opt.index_dir and reused when it is there (the same corpus and
    // cut-off are the caller's promise); without the topic part an empty one, so that every path stays the same.
    const std::string index_dir = opt.index_dir.empty() ? (tmp.path / "works").string() : opt.index_dir;
    const bool reuse = !opt.index_dir.empty() && IndexDirectory::holds_database(opt.index_dir);
    if (!reuse) try {
        Xapian::WritableDatabase db(index_dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
        DocumentBuilder builder;
        std::size_t n = 0;
        if (opt.topic)
            for (const auto& w : before) {
                db.replace_document("Q" + w.id, builder.build(w));
                if (opt.progress && ++n % 2000 == 0) std::cerr << "\rindexed " << n << " of " << before.size() << " works";
            }
        db.commit();
        if (opt.progress) std::cerr << "\rindexed " << n << " works              \n";
    } catch (const Xapian::Error& e) {
        throw IndexError("indexing the history in " + index_dir + " failed: " + e.get_description());
    }
    before.clear();

    // The truth: pairs who first write together after the cut-off, both with history.
    std::map<std::string, std::set<std::string>> truth;  // ordered: deterministic work split
    for (const auto& w : after) {
        std::vector<std::string> keys;
        for (const auto& a : w.authors) {
            std::string k = author_key(a);
            if (!k.empty() && std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
        }
        if (keys.size() > kMaxAuthorsForEdges) continue;
        for (const auto& a : keys) {
            const AuthorRecord* ra = graph.get(a);
            if (!ra) continue;
            for (const auto& b : keys) {
                if (a == b) continue;
                if (std::any_of(ra->coauthors.begin(), ra->coauthors.end(), [&](const Coauthor& c) { return c.key == b; }))
                    continue;
                if (graph.get(b))
                    truth[a].insert(b);
                else
                    ++report.new_links_unknown;
            }
        }
    }
    // A pair written twice after the cut-off counts once; the unknown-side count is of listings, said as such.
    for (const auto& [a, bs] : truth) report.new_links += bs.size();
    report.authors_evaluated = truth.size();
    std::vector<const std::pair<const std::string, std::set<std::string>>*> authors;
    for (const auto& t : truth) authors.push_back(&t);

    const CollaboratorWeights mix = opt.collaborators.weights;
    const std::vector<Method> base_methods = {
        {"common neighbours", [](const Candidate& c) { return static_cast<double>(c.common_neighbours); }},
        {"Adamic-Adar", [](const Candidate& c) { return c.adamic_adar; }},
        {"tie Adamic-Adar", [](const Candidate& c) { return c.tie_adamic_adar; }},
        {"topic", [](const Candidate& c) { return c.topic; }},
        {"mix", [mix](const Candidate& c) { return mix_score(c, mix); }},
        {"learned", [](const Candidate& c) { return learned_score(c); }},
    };
    std::vector<Method> all = base_methods;
    for (const auto& g : opt.grid) {  // candidate mixes, to pick the default on a split
        char name[128];
        std::snprintf(name, sizeof name, "mix graph=%g topic=%g recency=%g category=%g", g.graph, g.topic, g.recency,
                      g.category);
        all.push_back({name, [g](const Candidate& c) { return mix_score(c, g); }});
    }
    for (const auto& [name, model] : opt.models)
        all.push_back({"learned " + name, [model](const Candidate& c) { return learned_score(c, model); }});

    // Training rows for the learned ranker: every positive, a fixed-seed sample of the negatives.
    if (!(opt.dump_negatives >= 0 && opt.dump_negatives <= 1))
        throw InvalidArgument("--dump-negatives", "--dump-negatives must be 0..1, got " + std::to_string(opt.dump_negatives));
    std::ofstream dump;
    if (!opt.dump_features.empty()) {
        dump.open(opt.dump_features);
        if (!dump) throw InvalidArgument("--dump-features", opt.dump_features + ": cannot be written");
        dump << "author\tcandidate\tlabel\tnew_coauthors";
        for (const char* f : kCollaboratorFeatureNames) dump << '\t' << f;
        dump << '\n';
    }
    const std::vector<Method>& methods = all;
    std::vector<Totals> totals(methods.size());
    std::mutex totals_mutex;
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    CollaboratorOptions copt = opt.collaborators;
    copt.reasons = false;

    auto worker = [&]() {
        try {
            Searcher searcher{Xapian::Database(index_dir)};
            std::vector<Totals> mine(methods.size());
            for (std::size_t i; (i = next++) < authors.size();) {
                const auto& [a, targets] = *authors[i];
                const std::vector<Candidate> candidates = collaborator_candidates(searcher, graph, a, copt);
                if (dump.is_open()) {
                    // The seed is the author's position in the (ordered) truth: the same rows whatever the threads.
                    std::mt19937_64 rng(0x5eed0000u + i);
                    std::uniform_real_distribution<double> coin(0.0, 1.0);
                    std::string rows;
                    char num[32];
                    for (const auto& c : candidates) {
                        const bool label = targets.count(c.key) > 0;
                        const bool sampled = coin(rng) < opt.dump_negatives;  // drawn for every row: same seed, same rows
                        if (!label && !sampled && !(c.mix_rank >= 1 && c.mix_rank <= opt.dump_top)) continue;
                        rows += a + '\t' + c.key + (label ? "\t1\t" : "\t0\t") + std::to_string(targets.size());
                        for (double x : collaborator_features(c)) {
                            std::snprintf(num, sizeof num, "\t%.6g", x);
                            rows += num;
                        }
                        rows += '\n';
                    }
                    std::lock_guard<std::mutex> lock(totals_mutex);
                    dump << rows;
                }
                for (std::size_t m = 0; m < methods.size(); ++m) {
                    // A method ranks only the candidates it has evidence for (score > 0); ties by key.
                    std::vector<std::pair<double, const Candidate*>> ranked;
                    for (const auto& c : candidates)
                        if (double s = methods[m].score(c); s > 0) ranked.push_back({s, &c});
                    const std::size_t top = std::min(opt.k, ranked.size());
                    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(top), ranked.end(),
                                      [](const auto& x, const auto& y) {
                                          return x.first != y.first ? x.first > y.first : x.second->key < y.second->key;
                                      });
                    std::size_t found = 0, first = 0;
                    for (std::size_t r = 0; r < top; ++r)
                        if (targets.count(ranked[r].second->key) && ++found == 1) first = r + 1;
                    mine[m].precision += double(found) / double(opt.k);
                    mine[m].recall += double(found) / double(targets.size());
                    mine[m].hits += found ? 1.0 : 0.0;
                    mine[m].mrr += first ? 1.0 / double(first) : 0.0;
                }
                if (opt.progress && i % 500 == 0) std::cerr << "\rranked " << i << " of " << authors.size() << " authors";
            }
            std::lock_guard<std::mutex> lock(totals_mutex);
            for (std::size_t m = 0; m < methods.size(); ++m) {
                totals[m].precision += mine[m].precision;
                totals[m].recall += mine[m].recall;
                totals[m].hits += mine[m].hits;
                totals[m].mrr += mine[m].mrr;
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(totals_mutex);
            if (!failure) failure = std::current_exception();
            next = authors.size();
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < std::max(1u, opt.threads); ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    if (dump.is_open()) {
        dump.close();
        if (!dump) throw InvalidArgument("--dump-features", opt.dump_features + ": writing failed");
    }
    if (opt.progress) std::cerr << "\rranked " << authors.size() << " authors              \n";

    const double n = std::max<double>(1.0, double(authors.size()));
    for (std::size_t m = 0; m < methods.size(); ++m)
        report.methods.push_back({methods[m].name, totals[m].precision / n, totals[m].recall / n, totals[m].hits / n,
                                  totals[m].mrr / n});
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return report;
}

}  // namespace paperdex
