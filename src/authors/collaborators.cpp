// Likely collaborators: candidates from the co-author graph (Adamic–Adar over tie strengths) and from the author's
// topics (MLT), scored with shared categories and recency, explained by their reasons.
#include "paperdex/authors/collaborators.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <deque>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "index/xapian_error.h"
#include "paperdex/error.h"
#include "paperdex/index/document.h"
#include "paperdex/index/schema.h"
#include "paperdex/search/similar.h"
#include "search/newest_first.h"

namespace paperdex {
namespace {

constexpr std::size_t kMaxLimit = 100;
constexpr unsigned kMaxTopicWorks = 10000;
constexpr std::size_t kTopicDocsKept = 3;
constexpr std::size_t kSharedTopics = 5;
constexpr std::size_t kSharedTerms = 8;
constexpr std::size_t kCoauthorWorks = 3;

// Days since 1970-01-01 of "YYYY-MM-DD" or "YYYY" (taken as 1 July); nullopt when neither.
std::optional<long> days_of(const std::string& date) {
    using namespace std::chrono;
    auto digits = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (date[i] < '0' || date[i] > '9') return -1;
            v = v * 10 + (date[i] - '0');
        }
        return v;
    };
    int y = -1, m = 7, d = 1;
    if (date.size() >= 10 && date[4] == '-' && date[7] == '-') {
        y = digits(0, 4);
        m = digits(5, 2);
        d = digits(8, 2);
    } else if (date.size() == 4) {
        y = digits(0, 4);
    }
    if (y < 0 || m < 1 || d < 1) return std::nullopt;
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return sys_days(ymd).time_since_epoch().count();
}

std::string date_of(const Work& w) {
    if (!w.date.empty()) return w.date;
    return w.year ? std::to_string(*w.year) : std::string();
}

void check_options(const CollaboratorOptions& opt) {
    if (opt.limit < 1 || opt.limit > kMaxLimit)
        throw InvalidArgument("limit", "limit must be 1.." + std::to_string(kMaxLimit) + ", got " + std::to_string(opt.limit));
    if (opt.terms < 1 || opt.terms > kMaxExpansionTerms)
        throw InvalidArgument("terms", "terms must be 1.." + std::to_string(kMaxExpansionTerms) + ", got " +
                                           std::to_string(opt.terms));
    if (opt.topic_works < 1 || opt.topic_works > kMaxTopicWorks)
        throw InvalidArgument("topic_works", "topic_works must be 1.." + std::to_string(kMaxTopicWorks) + ", got " +
                                                 std::to_string(opt.topic_works));
    if (!(opt.half_life_days > 0))
        throw InvalidArgument("half_life_days", "half_life_days must be > 0, got " + std::to_string(opt.half_life_days));
}

// Author records by pointer, read in place where the lookup allows (AuthorLookup::find_record).
class Records {
public:
    explicit Records(const AuthorLookup& authors) : authors_(authors) {}
    const AuthorRecord* operator()(const std::string& key) { return authors_.find_record(key, copies_); }

private:
    const AuthorLookup& authors_;
    std::deque<AuthorRecord> copies_;
};

struct Evidence {
    std::vector<Candidate> candidates;
    std::unordered_map<std::string, std::size_t> index;          // candidate key → its place in candidates
    std::vector<ExpansionTerm> terms;                            // the author's MLT terms
    std::unordered_map<Xapian::docid, std::vector<std::size_t>> matched;  // topic doc → indices into terms

    // The candidate `key`, added on first sight: both kinds of evidence add to one candidate.
    Candidate& candidate(const std::string& key, const std::string& name) {
        auto [it, fresh] = index.try_emplace(key, candidates.size());
        if (fresh) {
            candidates.emplace_back();
            candidates.back().key = key;
            candidates.back().name = name;
        }
        return candidates[it->second];
    }
};

void take_newer(std::string& have, const std::string& date) {
    if (date > have) have = date;
}

// (1) Graph: every co-author z of a introduces z's other co-authors b. Adamic–Adar counts z by 1/ln(deg z) — a
// shared friend who knows few people says more than one who knows everybody (Adamic & Adar 2003); the tie
// version also weighs both ties by their strength (joint works in small teams), and z by √(z's summed strength)
// in place of ln(deg z): a next paper is written by a team, and a team's core are the people who keep writing
// together (measured variants in docs/collaborators.md).
void add_graph_candidates(Records& records, const AuthorRecord& me, const std::unordered_set<std::string>& excluded,
                          Evidence& ev) {
    std::unordered_map<std::string, std::vector<std::pair<double, std::string>>> vias;
    for (const auto& z : me.coauthors) {
        const AuthorRecord* zr = records(z.key);
        if (!zr || zr->coauthors.size() < 2) continue;  // degree 1: z knows only a
        const double w = 1.0 / std::log(static_cast<double>(zr->coauthors.size()));
        double sz = 0;
        for (const auto& y : zr->coauthors) sz += y.strength;
        for (const auto& b : zr->coauthors) {
            if (excluded.count(b.key)) continue;
            Candidate& c = ev.candidate(b.key, b.name);
            const double tie = sz > 0 ? z.strength * b.strength / std::sqrt(sz) : 0.0;
            c.adamic_adar += w;
            ++c.common_neighbours;
            c.tie_adamic_adar += tie;
            c.best_tie = std::max(c.best_tie, tie);
            take_newer(c.evidence_date, b.last_date);
            vias[b.key].push_back({tie, z.key});
        }
    }
    for (auto& [k, list] : vias) {
        std::sort(list.begin(), list.end(), [](const auto& x, const auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; });
        Candidate& c = ev.candidates[ev.index.at(k)];
        for (const auto& [w, z] : list) c.via.push_back(z);
    }
}

// (2) Topics: the MLT query of all of a's works, run over everybody else's works.
void add_topic_candidates(const Searcher& works, const std::string& key, const std::unordered_set<std::string>& excluded,
                          const CollaboratorOptions& opt, bool keep_matches, Evidence& ev) {
    const Xapian::Database& db = works.database();
    ev.terms = expansion_terms(db, works_by(db, key), opt.terms, opt.scheme);
    if (ev.terms.empty()) return;
    std::unordered_map<std::string, std::size_t> term_rank;
    for (std::size_t i = 0; i < ev.terms.size(); ++i) term_rank[ev.terms[i].term] = i;
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, expansion_query(ev.terms),
                                    Xapian::Query(schema::boolean_term(schema::kAuthorKeyPrefix, key))));
    enquire.set_weighting_scheme(works.weighting());
    Xapian::MSet mset = enquire.get_mset(0, opt.topic_works);
    const double best = mset.empty() ? 1.0 : mset.begin().get_weight();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Work w = stored_work(it.get_document());
        const double closeness = best > 0 ? it.get_weight() / best : 0.0;
        const std::string date = date_of(w);
        bool used = false;
        std::set<std::string> seen;
        for (const auto& a : w.authors) {
            const std::string k = author_key(a);
            if (k.empty() || excluded.count(k) || !seen.insert(k).second) continue;
            Candidate& c = ev.candidate(k, a.name);
            take_newer(c.evidence_date, date);
            // The MSet is best first, so these are b's best kTopicDocsKept works: the sum counts the works shown as
            // the reason. Past them a key adds only weak matches, and the keys with most of those are not one
            // person's body of work but a common name several people share ("hao wang") or a report issued every
            // year ("Cancer statistics, 2020", 2021, ...).
            if (c.topic_docs.size() < kTopicDocsKept) {
                c.topic = opt.topic_sum ? c.topic + closeness : std::max(c.topic, closeness);
                c.topic_docs.push_back(*it);
            }
            used = true;
        }
        if (used && keep_matches) {
            auto& m = ev.matched[*it];
            for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it); ++t)
                if (auto r = term_rank.find(*t); r != term_rank.end()) m.push_back(r->second);
        }
    }
}

// Cosine of a's and b's works per arXiv category (0 when either has none).
double category_cosine(const AuthorRecord& me, const AuthorRecord& b) {
    double my_norm = 0, norm = 0, dot = 0;
    for (const auto& t : me.topics) my_norm += double(t.count) * double(t.count);
    for (const auto& u : b.topics) {
        norm += double(u.count) * double(u.count);
        for (const auto& t : me.topics)
            if (t.value == u.value) dot += double(t.count) * double(u.count);
    }
    return my_norm > 0 && norm > 0 ? dot / std::sqrt(my_norm * norm) : 0.0;
}

// The candidate's own figures (works, degree, strength, idle days) from its record, when it has one.
void add_record_figures(const AuthorRecord& br, const std::optional<long>& now, Candidate& c) {
    c.works_count = br.works_count;
    c.degree = static_cast<unsigned>(br.coauthors.size());
    for (const auto& y : br.coauthors) c.strength += y.strength;
    const std::optional<long> last = days_of(br.last_date);
    if (now && last) c.idle_days = static_cast<double>(std::max(0L, *now - *last));
}

// (3) Recency of the evidence, back from the newest work in the index; (4) shared arXiv categories: people in the
// same fields are likelier to meet among the many friends of friends. Graph and topic go to 0..1 by the best.
void score_parts(Records& records, const AuthorRecord& me, const std::optional<long>& now, const CollaboratorOptions& opt,
                 std::vector<Candidate>& candidates) {
    double best_tie = 0, best_topic = 0, my_strength = 0;
    for (const auto& c : candidates) {
        best_tie = std::max(best_tie, c.tie_adamic_adar);
        best_topic = std::max(best_topic, c.topic);
    }
    for (const auto& z : me.coauthors) my_strength += z.strength;
    for (auto& c : candidates) {
        c.graph = best_tie > 0 ? c.tie_adamic_adar / best_tie : 0.0;
        c.author_degree = static_cast<unsigned>(me.coauthors.size());
        c.author_strength = my_strength;
        if (const AuthorRecord* br = records(c.key)) {
            add_record_figures(*br, now, c);
            c.category = category_cosine(me, *br);
        }
        c.topic = best_topic > 0 ? c.topic / best_topic : 0.0;
        const std::optional<long> then = days_of(c.evidence_date);
        if (now && then) c.recency = std::pow(0.5, std::max(0L, *now - *then) / opt.half_life_days);
    }
}

void rank_by_tie_and_mix(std::vector<Candidate>& candidates, const CollaboratorWeights& weights) {
    // Rank by tie_adamic_adar among a's candidates: the learned ranker's per-author view of the graph evidence.
    std::vector<Candidate*> by_tie;
    for (auto& c : candidates)
        if (c.tie_adamic_adar > 0) by_tie.push_back(&c);
    std::sort(by_tie.begin(), by_tie.end(), [](const Candidate* x, const Candidate* y) {
        return x->tie_adamic_adar != y->tie_adamic_adar ? x->tie_adamic_adar > y->tie_adamic_adar : x->key < y->key;
    });
    for (std::size_t i = 0; i < by_tie.size(); ++i) by_tie[i]->tie_rank = static_cast<unsigned>(i + 1);
    // Rank by the mix: the learned ranker re-ranks its best (a cascade: the mix's order below them).
    std::vector<std::pair<double, Candidate*>> by_mix;
    for (auto& c : candidates) by_mix.push_back({mix_score(c, weights), &c});
    std::sort(by_mix.begin(), by_mix.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first > y.first : x.second->key < y.second->key;
    });
    for (std::size_t i = 0; i < by_mix.size(); ++i) by_mix[i].second->mix_rank = static_cast<unsigned>(i + 1);
}

Evidence gather(const Searcher& works, const AuthorLookup& authors, const std::string& key, const CollaboratorOptions& opt,
                bool keep_matches) {
    check_options(opt);
    Records records(authors);
    const AuthorRecord* me = records(key);
    if (!me) throw NotFound("no author with key \"" + key + "\"");
    std::unordered_set<std::string> excluded{key};
    for (const auto& c : me->coauthors) excluded.insert(c.key);
    Evidence ev;
    add_graph_candidates(records, *me, excluded, ev);
    add_topic_candidates(works, key, excluded, opt, keep_matches, ev);
    score_parts(records, *me, days_of(authors.newest_date()), opt, ev.candidates);
    rank_by_tie_and_mix(ev.candidates, opt.weights);
    return ev;
}

}  // namespace

std::vector<Candidate> collaborator_candidates(const Searcher& works, const AuthorLookup& authors, const std::string& key,
                                               const CollaboratorOptions& opt) {
    return with_xapian_errors("collaborators of " + key, [&] { return gather(works, authors, key, opt, false).candidates; });
}

double mix_score(const Candidate& c, const CollaboratorWeights& w) {
    return (w.graph * c.graph + w.topic * c.topic) * (1.0 + w.recency * c.recency) * (1.0 + w.category * c.category);
}

namespace {
void keep_best(std::vector<Candidate>& candidates, std::size_t limit) {
    auto better = [](const Candidate& a, const Candidate& b) { return a.score != b.score ? a.score > b.score : a.key < b.key; };
    if (candidates.size() > limit) {
        std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(limit), candidates.end(), better);
        candidates.resize(limit);
    } else {
        std::sort(candidates.begin(), candidates.end(), better);
    }
}
}  // namespace

void rank_candidates(std::vector<Candidate>& candidates, const CollaboratorWeights& w, std::size_t limit) {
    for (auto& c : candidates) c.score = mix_score(c, w);
    keep_best(candidates, limit);
}

const std::array<const char*, kCollaboratorFeatures> kCollaboratorFeatureNames = {
    "log1p_tie_adamic_adar", "graph",    "log1p_adamic_adar", "log1p_common_neighbours", "log1p_best_tie",
    "inv_tie_rank",          "log_tie_rank", "no_graph",      "topic",                   "category",
    "recency",               "log1p_works",  "log1p_degree",  "log1p_strength",          "log1p_idle_months",
    "log_mix_rank",          "log1p_author_degree", "log1p_author_strength", "jaccard"};

std::array<double, kCollaboratorFeatures> collaborator_features(const Candidate& c) {
    const bool graph = c.tie_adamic_adar > 0;
    return {std::log1p(c.tie_adamic_adar),
            c.graph,
            std::log1p(c.adamic_adar),
            std::log1p(static_cast<double>(c.common_neighbours)),
            std::log1p(c.best_tie),
            c.tie_rank ? 1.0 / c.tie_rank : 0.0,
            c.tie_rank ? std::log(static_cast<double>(c.tie_rank)) : 0.0,
            graph ? 0.0 : 1.0,
            c.topic,
            c.category,
            c.recency,
            std::log1p(static_cast<double>(c.works_count)),
            std::log1p(static_cast<double>(c.degree)),
            std::log1p(c.strength),
            std::log1p(c.idle_days / 30.0),
            c.mix_rank ? std::log(static_cast<double>(c.mix_rank)) : 0.0,
            std::log1p(static_cast<double>(c.author_degree)),
            std::log1p(c.author_strength),
            // Jaccard's coefficient of the two co-author sets (Liben-Nowell & Kleinberg 2007)
            c.common_neighbours ? double(c.common_neighbours) / double(c.author_degree + c.degree - c.common_neighbours) : 0.0};
}

const LearnedModel& default_learned_model() {
    // tools/eval/train_collaborator_model.py --kind pointwise --rerank 100 (C = 1) on the training split of
    // docs/collaborators.md: history to 2025-06-30, truth July–August 2025; never the test split's truth.
    static const LearnedModel model{{
                                        1.61077834,     // log1p_tie_adamic_adar
                                        0.377953616,    // graph
                                        -2.92900923,    // log1p_adamic_adar
                                        2.36712135,     // log1p_common_neighbours
                                        0.509536953,    // log1p_best_tie
                                        -0.550883435,   // inv_tie_rank
                                        -0.112765951,   // log_tie_rank
                                        -0.431477905,   // no_graph
                                        -0.0916742986,  // topic
                                        0.450593356,    // category
                                        -0.0755470334,  // recency
                                        0.425750585,    // log1p_works
                                        0.654716029,    // log1p_degree
                                        -1.02783426,    // log1p_strength
                                        -0.0168643324,  // log1p_idle_months
                                        -0.348922853,   // log_mix_rank
                                        0.065385463,    // log1p_author_degree
                                        -0.248134431,   // log1p_author_strength
                                        2.17806458,     // jaccard
                                    },
                                    -4.88627658,
                                    100};
    return model;
}

LearnedModel learned_model_from_json(const nlohmann::json& j) {
    if (!j.is_object() || !j.contains("features") || !j.contains("coef") || !j.contains("intercept") ||
        !j["features"].is_array() || !j["coef"].is_array() || !j["intercept"].is_number())
        throw InvalidArgument("model", "a model needs \"features\" (array), \"coef\" (array) and \"intercept\" (number)");
    if (j["features"].size() != j["coef"].size())
        throw InvalidArgument("model", "the model has " + std::to_string(j["features"].size()) + " features and " +
                                           std::to_string(j["coef"].size()) + " coefficients");
    LearnedModel m;
    m.intercept = j["intercept"].get<double>();
    if (j.contains("rerank")) {
        if (!j["rerank"].is_number_unsigned() || j["rerank"].get<unsigned>() < 1)
            throw InvalidArgument("model", "\"rerank\" must be a whole number >= 1");
        m.rerank = j["rerank"].get<unsigned>();
    }
    for (std::size_t i = 0; i < j["features"].size(); ++i) {
        const std::string name = j["features"][i].get<std::string>();
        const auto it = std::find(kCollaboratorFeatureNames.begin(), kCollaboratorFeatureNames.end(), name);
        if (it == kCollaboratorFeatureNames.end()) throw InvalidArgument("model", "unknown feature \"" + name + "\"");
        m.coef[static_cast<std::size_t>(it - kCollaboratorFeatureNames.begin())] = j["coef"][i].get<double>();
    }
    return m;
}

double learned_score(const Candidate& c, const LearnedModel& m) {
    if (c.mix_rank < 1 || c.mix_rank > m.rerank) return 0;
    const auto x = collaborator_features(c);
    double z = m.intercept;
    for (std::size_t i = 0; i < kCollaboratorFeatures; ++i) z += m.coef[i] * x[i];
    return 1.0 / (1.0 + std::exp(-z));
}

void rank_candidates(std::vector<Candidate>& candidates, const LearnedModel& model, std::size_t limit) {
    for (auto& c : candidates) c.score = learned_score(c, model);
    auto better = [](const Candidate& a, const Candidate& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.mix_rank != b.mix_rank ? a.mix_rank < b.mix_rank : a.key < b.key;
    };
    const std::size_t top = std::min(limit, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(top), candidates.end(), better);
    candidates.resize(top);
}

void to_json(nlohmann::json& j, const Suggestion& s) {
    nlohmann::json shared = nlohmann::json::array(), works = nlohmann::json::array();
    for (const auto& c : s.shared_coauthors) shared.push_back({{"key", c.key}, {"name", c.name}});
    for (const auto& w : s.connecting_works) {
        nlohmann::json cw = {{"id", w.id}, {"title", w.title}, {"year", nullptr}, {"via", w.via}};
        if (w.year) cw["year"] = *w.year;
        works.push_back(std::move(cw));
    }
    j = {{"key", s.key},
         {"name", s.name},
         {"score", s.score},
         {"works_count", s.works_count},
         {"last_date", s.last_date},
         {"components",
          {{"graph", s.graph},
           {"topic", s.topic},
           {"recency", s.recency},
           {"category", s.category},
           {"adamic_adar", s.adamic_adar},
           {"tie_adamic_adar", s.tie_adamic_adar}}},
         {"reasons",
          {{"shared_coauthors", shared},
           {"shared_topics", s.shared_topics},
           {"shared_terms", s.shared_terms},
           {"connecting_works", works}}}};
}

void to_json(nlohmann::json& j, const CollaboratorResponse& r) {
    j = {{"author", {{"key", r.key}, {"name", r.name}}}, {"suggestions", r.suggestions}};
}

namespace {

// b's newest work written with the shared co-author z: the joint work that makes z a reason.
std::optional<ConnectingWork> newest_joint_work(const Xapian::Database& db, const std::string& b, const std::string& z) {
    const NewestWorks m = newest_first(db, Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(schema::boolean_term(schema::kAuthorKeyPrefix, b)),
                                                         Xapian::Query(schema::boolean_term(schema::kAuthorKeyPrefix, z))),
                                       0, 1);
    if (m.works.empty()) return std::nullopt;
    const Work w = stored_work(m.works.front());
    return ConnectingWork{w.id, w.title, w.year, "coauthor"};
}

// The reasons of one suggestion: shared co-authors (named as a's record names them), shared topics, the author's
// terms that b's works matched, and the works that connect them.
void add_reasons(const Xapian::Database& db, const Evidence& ev, const AuthorRecord& me,
                 const std::unordered_map<std::string, std::string>& coauthor_names, const Candidate& c,
                 const std::optional<AuthorRecord>& rec, Suggestion& s) {
    for (const auto& z : c.via) {
        const auto name = coauthor_names.find(z);
        s.shared_coauthors.push_back({z, name == coauthor_names.end() ? std::string() : name->second});
    }
    if (rec)
        for (const auto& t : me.topics)
            if (s.shared_topics.size() < kSharedTopics &&
                std::any_of(rec->topics.begin(), rec->topics.end(), [&](const TopicCount& x) { return x.value == t.value; }))
                s.shared_topics.push_back(t.value);
    std::set<std::size_t> term_ranks;
    for (Xapian::docid d : c.topic_docs)
        if (auto m = ev.matched.find(d); m != ev.matched.end()) term_ranks.insert(m->second.begin(), m->second.end());
    for (std::size_t r : term_ranks)
        if (s.shared_terms.size() < kSharedTerms && ev.terms[r].shown) s.shared_terms.push_back(ev.terms[r].display);
    // The joint works with shared co-authors: the newest one per co-author.
    for (const auto& z : c.via) {
        if (s.connecting_works.size() >= kCoauthorWorks) break;
        if (auto w = newest_joint_work(db, c.key, z)) s.connecting_works.push_back(std::move(*w));
    }
    for (Xapian::docid d : c.topic_docs) {
        const Work w = stored_work(db.get_document(d));
        s.connecting_works.push_back({w.id, w.title, w.year, "topic"});
    }
}

Suggestion suggestion_of(const Candidate& c, const std::optional<AuthorRecord>& rec) {
    Suggestion s;
    s.key = c.key;
    s.name = c.name;
    s.score = c.score;
    s.graph = c.graph;
    s.topic = c.topic;
    s.recency = c.recency;
    s.category = c.category;
    s.adamic_adar = c.adamic_adar;
    s.tie_adamic_adar = c.tie_adamic_adar;
    if (rec) {
        s.name = rec->name;
        s.works_count = rec->works_count;
        s.last_date = rec->last_date;
    }
    return s;
}

}  // namespace

CollaboratorResponse suggest_collaborators(const Searcher& works, const AuthorLookup& authors, const std::string& key,
                                           const CollaboratorOptions& opt) {
    return with_xapian_errors("collaborators of " + key, [&] {
        Evidence ev = gather(works, authors, key, opt, opt.reasons);
        if (opt.scoring == CollaboratorScoring::learned)
            rank_candidates(ev.candidates, default_learned_model(), opt.limit);
        else
            rank_candidates(ev.candidates, opt.weights, opt.limit);
        const AuthorRecord me = *authors.find(key);
        std::unordered_map<std::string, std::string> coauthor_names;
        for (const auto& z : me.coauthors) coauthor_names[z.key] = z.name;
        CollaboratorResponse resp;
        resp.key = me.key;
        resp.name = me.name;
        for (const auto& c : ev.candidates) {
            const std::optional<AuthorRecord> rec = authors.find(c.key);
            Suggestion s = suggestion_of(c, rec);
            if (opt.reasons) add_reasons(works.database(), ev, me, coauthor_names, c, rec, s);
            resp.suggestions.push_back(std::move(s));
        }
        return resp;
    });
}

}  // namespace paperdex
