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

#include "index/xapian_error.h"
#include "paperdex/eval/collaborators_eval.h"
#include "paperdex/error.h"
#include "paperdex/importers/importers.h"
#include "paperdex/index/document.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/index/schema.h"

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
            throw InvalidArgument("corpus_paths", p + ": no such file or directory");
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

void check_options(const LinkPredictionOptions& opt) {
    if (!is_date(opt.until)) throw InvalidArgument("until", "until must be a date YYYY-MM-DD, got \"" + opt.until + "\"");
    if (opt.k < 1 || opt.k > 100) throw InvalidArgument("k", "k must be 1..100, got " + std::to_string(opt.k));
    try {
        importers::format(opt.format);
    } catch (const InvalidArgument& e) {
        throw InvalidArgument("format", e.what());  // the importers name their command-line option
    }
}

// Each work once, as first listed: a revision listed after the cut-off is not a new co-authorship.
void split_at_cut_off(const LinkPredictionOptions& opt, std::vector<Work>& before, std::vector<Work>& after,
                      LinkPredictionReport& report) {
    std::unordered_set<std::string> seen;
    for (const auto& f : input_files(opt.corpus_paths)) {
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
        throw InvalidArgument("corpus_paths", "the corpus needs dated works on both sides of " + opt.until + "; got " +
                                                  std::to_string(before.size()) + " up to it and " +
                                                  std::to_string(after.size()) + " after it");
}

// Without the topic part the index stays empty, so that the scoring reads it all the same.
void write_history_index(const std::string& index_dir, const std::vector<Work>& before, const LinkPredictionOptions& opt) {
    with_xapian_errors("indexing the history in " + index_dir, [&] {
        Xapian::WritableDatabase db(index_dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
        DocumentBuilder builder;
        std::size_t n = 0;
        if (opt.topic)
            for (const auto& w : before) {
                db.replace_document(std::string(schema::kIdPrefix) + w.id, builder.build(w));
                if (opt.progress && ++n % 2000 == 0) std::cerr << "\rindexed " << n << " of " << before.size() << " works";
            }
        db.commit();
        if (opt.progress) std::cerr << "\rindexed " << n << " works              \n";
    });
}

// The truth: pairs who first write together after the cut-off, both with history. Ordered: the authors are split
// among the threads in a fixed order, so the feature dump's seeds do not depend on the threads.
using Truth = std::map<std::string, std::set<std::string>>;

Truth new_coauthorships(const std::vector<Work>& after, const AuthorGraph& graph, LinkPredictionReport& report) {
    Truth truth;
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
    return truth;
}

std::vector<Method> methods_of(const LinkPredictionOptions& opt) {
    const CollaboratorWeights mix = opt.collaborators.weights;
    std::vector<Method> all = {
        {"common neighbours", [](const Candidate& c) { return static_cast<double>(c.common_neighbours); }},
        {"Adamic-Adar", [](const Candidate& c) { return c.adamic_adar; }},
        {"tie Adamic-Adar", [](const Candidate& c) { return c.tie_adamic_adar; }},
        {"topic", [](const Candidate& c) { return c.topic; }},
        {"mix", [mix](const Candidate& c) { return mix_score(c, mix); }},
        {"learned", [](const Candidate& c) { return learned_score(c); }},
    };
    for (const auto& g : opt.grid) {  // candidate mixes, to pick the default on a split
        char name[128];
        std::snprintf(name, sizeof name, "mix graph=%g topic=%g recency=%g category=%g", g.graph, g.topic, g.recency,
                      g.category);
        all.push_back({name, [g](const Candidate& c) { return mix_score(c, g); }});
    }
    // Not a structured binding: clang 14 cannot capture one in a lambda (tools/fuzz.sh builds with it).
    for (const auto& named_model : opt.models) {
        const LearnedModel& model = named_model.second;
        all.push_back({"learned " + named_model.first, [model](const Candidate& c) { return learned_score(c, model); }});
    }
    return all;
}

// Training rows for the learned ranker: every positive, a fixed-seed sample of the negatives, the mix's best.
std::string feature_rows(const std::string& author, std::size_t position, const std::set<std::string>& targets,
                         const std::vector<Candidate>& candidates, const LinkPredictionOptions& opt) {
    // The seed is the author's position in the (ordered) truth: the same rows whatever the threads.
    std::mt19937_64 rng(0x5eed0000u + position);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    std::string rows;
    char num[32];
    for (const auto& c : candidates) {
        const bool label = targets.count(c.key) > 0;
        const bool sampled = coin(rng) < opt.dump_negatives;  // drawn for every row: same seed, same rows
        if (!label && !sampled && !(c.mix_rank >= 1 && c.mix_rank <= opt.dump_top)) continue;
        rows += author + '\t' + c.key + (label ? "\t1\t" : "\t0\t") + std::to_string(targets.size());
        for (double x : collaborator_features(c)) {
            std::snprintf(num, sizeof num, "\t%.6g", x);
            rows += num;
        }
        rows += '\n';
    }
    return rows;
}

// Precision, recall, hit and reciprocal rank at k of one method for one author. A method ranks only the candidates
// it has evidence for (score > 0); ties by key.
void add_scores(const Method& method, const std::vector<Candidate>& candidates, const std::set<std::string>& targets,
                std::size_t k, Totals& totals) {
    std::vector<std::pair<double, const Candidate*>> ranked;
    for (const auto& c : candidates)
        if (double s = method.score(c); s > 0) ranked.push_back({s, &c});
    const std::size_t top = std::min(k, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(top), ranked.end(),
                      [](const auto& x, const auto& y) { return x.first != y.first ? x.first > y.first : x.second->key < y.second->key; });
    std::size_t found = 0, first = 0;
    for (std::size_t r = 0; r < top; ++r)
        if (targets.count(ranked[r].second->key) && ++found == 1) first = r + 1;
    totals.precision += double(found) / double(k);
    totals.recall += double(found) / double(targets.size());
    totals.hits += found ? 1.0 : 0.0;
    totals.mrr += first ? 1.0 / double(first) : 0.0;
}

// What the worker threads share: the authors to score (taken in turn through `next`), the sums, the dump.
struct Scoring {
    Scoring(const LinkPredictionOptions& o, const AuthorGraph& g, std::string dir) : opt(o), graph(g), index_dir(std::move(dir)) {}
    const LinkPredictionOptions& opt;
    const AuthorGraph& graph;
    std::string index_dir;
    std::vector<const Truth::value_type*> authors;
    std::vector<Method> methods;
    CollaboratorOptions collaborators;
    std::ofstream dump;
    std::vector<Totals> totals;
    std::mutex mutex;  // guards totals, dump and failure
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
};

// One worker: its own database handle (Xapian's are not thread-safe), its own sums, added to the shared ones once.
void score_authors(Scoring& s) {
    try {
        Searcher searcher{with_xapian_errors("opening the history index " + s.index_dir,
                                             [&] { return Xapian::Database(s.index_dir); })};
        std::vector<Totals> mine(s.methods.size());
        for (std::size_t i; (i = s.next++) < s.authors.size();) {
            const auto& [a, targets] = *s.authors[i];
            const std::vector<Candidate> candidates = collaborator_candidates(searcher, s.graph, a, s.collaborators);
            if (s.dump.is_open()) {
                const std::string rows = feature_rows(a, i, targets, candidates, s.opt);
                std::lock_guard<std::mutex> lock(s.mutex);
                s.dump << rows;
            }
            for (std::size_t m = 0; m < s.methods.size(); ++m) add_scores(s.methods[m], candidates, targets, s.opt.k, mine[m]);
            if (s.opt.progress && i % 500 == 0) std::cerr << "\rranked " << i << " of " << s.authors.size() << " authors";
        }
        std::lock_guard<std::mutex> lock(s.mutex);
        for (std::size_t m = 0; m < s.methods.size(); ++m) {
            s.totals[m].precision += mine[m].precision;
            s.totals[m].recall += mine[m].recall;
            s.totals[m].hits += mine[m].hits;
            s.totals[m].mrr += mine[m].mrr;
        }
    } catch (...) {
        std::lock_guard<std::mutex> lock(s.mutex);
        if (!s.failure) s.failure = std::current_exception();
        s.next = s.authors.size();
    }
}

void open_dump(const LinkPredictionOptions& opt, std::ofstream& dump) {
    if (!(opt.dump_negatives >= 0 && opt.dump_negatives <= 1))
        throw InvalidArgument("dump_negatives", "dump_negatives must be 0..1, got " + std::to_string(opt.dump_negatives));
    if (opt.dump_features.empty()) return;
    dump.open(opt.dump_features);
    if (!dump) throw InvalidArgument("dump_features", opt.dump_features + ": cannot be written");
    dump << "author\tcandidate\tlabel\tnew_coauthors";
    for (const char* f : kCollaboratorFeatureNames) dump << '\t' << f;
    dump << '\n';
}

// Every evaluated author's candidates, ranked by each method: the mean figures, in method order.
std::vector<LinkPredictionScores> score_methods(const LinkPredictionOptions& opt, const AuthorGraph& graph,
                                                const std::string& index_dir, const Truth& truth) {
    Scoring s(opt, graph, index_dir);
    for (const auto& t : truth) s.authors.push_back(&t);
    s.methods = methods_of(opt);
    s.collaborators = opt.collaborators;
    s.collaborators.reasons = false;
    s.totals.resize(s.methods.size());
    open_dump(opt, s.dump);
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < std::max(1u, opt.threads); ++t) pool.emplace_back(score_authors, std::ref(s));
    for (auto& t : pool) t.join();
    if (s.failure) std::rethrow_exception(s.failure);
    if (s.dump.is_open()) {
        s.dump.close();
        if (!s.dump) throw InvalidArgument("dump_features", opt.dump_features + ": writing failed");
    }
    if (opt.progress) std::cerr << "\rranked " << s.authors.size() << " authors              \n";
    const double n = std::max<double>(1.0, double(s.authors.size()));
    std::vector<LinkPredictionScores> out;
    for (std::size_t m = 0; m < s.methods.size(); ++m)
        out.push_back({s.methods[m].name, s.totals[m].precision / n, s.totals[m].recall / n, s.totals[m].hits / n,
                       s.totals[m].mrr / n});
    return out;
}

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
    check_options(opt);
    LinkPredictionReport report;
    report.until = opt.until;
    report.k = opt.k;
    std::vector<Work> before, after;
    split_at_cut_off(opt, before, after, report);

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
    if (!reuse) write_history_index(index_dir, before, opt);
    before.clear();

    const Truth truth = new_coauthorships(after, graph, report);
    report.methods = score_methods(opt, graph, index_dir, truth);
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return report;
}

}  // namespace paperdex
