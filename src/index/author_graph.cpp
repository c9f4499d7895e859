// AuthorGraph: the co-author graph in memory, and the JSON form of its records.
#include <algorithm>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

#include "paperdex/index/author_graph.h"
#include "paperdex/corpus/text.h"

namespace paperdex {
namespace {

constexpr std::size_t kTopTopics = 10;

std::string date_of(const Work& w) {
    if (!w.date.empty()) return w.date;
    return w.year ? std::to_string(*w.year) : std::string();
}

void widen(std::string& first, std::string& last, const std::string& date) {
    if (date.empty()) return;
    if (first.empty() || date < first) first = date;
    if (last.empty() || date > last) last = date;
}

// The most used spelling; ties go to the alphabetically first so that the result does not depend on hash order.
std::string most_used(const std::unordered_map<std::string, unsigned>& counts) {
    const std::pair<const std::string, unsigned>* best = nullptr;
    for (const auto& c : counts)
        if (!best || c.second > best->second || (c.second == best->second && c.first < best->first)) best = &c;
    return best ? best->first : std::string();
}

}  // namespace

void to_json(nlohmann::json& j, const Coauthor& c) {
    j = {{"key", c.key},         {"name", c.name},           {"count", c.count},
         {"first_date", c.first_date}, {"last_date", c.last_date}, {"strength", c.strength}};
}

void to_json(nlohmann::json& j, const TopicCount& t) { j = {{"value", t.value}, {"count", t.count}}; }

void to_json(nlohmann::json& j, const AuthorRecord& a) {
    j = {{"key", a.key},           {"name", a.name},           {"works_count", a.works_count},
         {"first_year", nullptr},  {"last_year", nullptr},     {"first_date", a.first_date},
         {"last_date", a.last_date}, {"topics", a.topics},     {"coauthors", a.coauthors}};
    if (a.first_year) j["first_year"] = *a.first_year;
    if (a.last_year) j["last_year"] = *a.last_year;
}

void from_json(const nlohmann::json& j, AuthorRecord& a) {
    a.key = j.at("key").get<std::string>();
    a.name = j.at("name").get<std::string>();
    a.works_count = j.at("works_count").get<unsigned>();
    a.first_year = j.at("first_year").is_null() ? std::nullopt : std::optional<int>(j["first_year"].get<int>());
    a.last_year = j.at("last_year").is_null() ? std::nullopt : std::optional<int>(j["last_year"].get<int>());
    a.first_date = j.at("first_date").get<std::string>();
    a.last_date = j.at("last_date").get<std::string>();
    a.topics.clear();
    for (const auto& t : j.at("topics")) a.topics.push_back({t.at("value").get<std::string>(), t.at("count").get<unsigned>()});
    a.coauthors.clear();
    // An author index written before ties had a strength: each joint work counts as a work of two.
    for (const auto& c : j.at("coauthors")) {
        const unsigned count = c.at("count").get<unsigned>();
        a.coauthors.push_back({c.at("key").get<std::string>(), c.at("name").get<std::string>(), count,
                               c.at("first_date").get<std::string>(), c.at("last_date").get<std::string>(),
                               c.contains("strength") ? c["strength"].get<double>() : static_cast<double>(count)});
    }
}

AuthorGraph::AuthorGraph(std::size_t max_authors_for_edges) : max_authors_(max_authors_for_edges) {}

void AuthorGraph::add(const Work& w) {
    finished_ = false;
    ++works_added_;
    const std::string date = date_of(w);
    if (!date.empty() && date > newest_date_) newest_date_ = date;
    std::uint32_t date_id = 0;
    if (!date.empty()) {
        auto [it, added] = date_ids_.try_emplace(date, static_cast<std::uint32_t>(dates_.size()));
        if (added) dates_.push_back(date);
        date_id = it->second;
    }
    std::vector<std::uint32_t> ids;
    std::set<std::string> topics(w.topics.begin(), w.topics.end());
    for (const auto& a : w.authors) {
        std::string key = author_key(a);
        if (key.empty()) continue;
        auto [it, added] = ids_.try_emplace(key, static_cast<std::uint32_t>(record_of_.size()));
        const std::uint32_t id = it->second;
        if (added) {
            AuthorRecord& r = records_[key];
            r.key = key;
            record_of_.push_back(&r);
            last_work_.push_back(0);
            names_.emplace_back();
            topics_.emplace_back();
            edges_.emplace_back();
        }
        // Listed twice on this work: counted once (a stamp, not a search of `ids`: some works list thousands).
        if (last_work_[id] == works_added_) continue;
        last_work_[id] = works_added_;
        AuthorRecord& r = *record_of_[id];
        ++names_[id][text::squeeze(a.name)];
        ++r.works_count;
        if (w.year) {
            if (!r.first_year || *w.year < *r.first_year) r.first_year = w.year;
            if (!r.last_year || *w.year > *r.last_year) r.last_year = w.year;
        }
        widen(r.first_date, r.last_date, date);
        for (const auto& t : topics) ++topics_[id][t];
        ids.push_back(id);
    }
    if (ids.size() > max_authors_) return;
    const double tie = ids.size() > 1 ? 1.0 / std::sqrt(static_cast<double>(ids.size() - 1)) : 0.0;
    for (const auto a : ids)
        for (const auto b : ids) {
            if (a == b) continue;
            Edge& e = edges_[a][b];
            ++e.count;
            e.strength += tie;
            if (date_id) {
                if (!e.first || date < dates_[e.first]) e.first = date_id;
                if (!e.last || date > dates_[e.last]) e.last = date_id;
            }
        }
}

void AuthorGraph::finish() { finish_now(); }

void AuthorGraph::finish_now() const {
    if (finished_) return;
    for (std::size_t id = 0; id < record_of_.size(); ++id) {
        AuthorRecord& r = *record_of_[id];
        r.name = most_used(names_[id]);
        r.topics.clear();
        for (const auto& [t, n] : topics_[id]) r.topics.push_back({t, n});
        std::sort(r.topics.begin(), r.topics.end(), [](const TopicCount& a, const TopicCount& b) {
            return a.count != b.count ? a.count > b.count : a.value < b.value;
        });
        if (r.topics.size() > kTopTopics) r.topics.resize(kTopTopics);
    }
    // Names are final only now, for everybody; co-author names follow.
    for (std::size_t id = 0; id < record_of_.size(); ++id) {
        AuthorRecord& r = *record_of_[id];
        r.coauthors.clear();
        r.coauthors.reserve(edges_[id].size());
        for (const auto& [other, e] : edges_[id]) {
            const AuthorRecord& o = *record_of_[other];
            r.coauthors.push_back({o.key, o.name, e.count, dates_[e.first], dates_[e.last], e.strength});
        }
        std::sort(r.coauthors.begin(), r.coauthors.end(), [](const Coauthor& a, const Coauthor& b) {
            return a.count != b.count ? a.count > b.count : a.key < b.key;
        });
    }
    finished_ = true;
}

std::optional<AuthorRecord> AuthorGraph::find(const std::string& key) const {
    if (const AuthorRecord* r = get(key)) return *r;
    return std::nullopt;
}

const AuthorRecord* AuthorGraph::get(const std::string& key) const {
    finish_now();
    auto it = records_.find(key);
    return it == records_.end() ? nullptr : &it->second;
}

const std::unordered_map<std::string, AuthorRecord>& AuthorGraph::records() const {
    finish_now();
    return records_;
}

}  // namespace paperdex
