// AuthorGraph: the co-author graph in memory, and the JSON form of its records.
#include <algorithm>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

#include "paperdex/authors.h"
#include "paperdex/text.h"

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
    const std::string date = date_of(w);
    if (!date.empty() && date > newest_date_) newest_date_ = date;
    std::vector<std::string> keys;
    std::set<std::string> seen;
    for (const auto& a : w.authors) {
        std::string key = author_key(a);
        if (key.empty() || !seen.insert(key).second) continue;
        AuthorRecord& r = records_[key];
        if (r.key.empty()) r.key = key;
        ++names_[key][text::squeeze(a.name)];
        ++r.works_count;
        if (w.year) {
            if (!r.first_year || *w.year < *r.first_year) r.first_year = w.year;
            if (!r.last_year || *w.year > *r.last_year) r.last_year = w.year;
        }
        widen(r.first_date, r.last_date, date);
        std::set<std::string> topics(w.topics.begin(), w.topics.end());
        for (const auto& t : topics) ++topics_[key][t];
        keys.push_back(std::move(key));
    }
    if (keys.size() > max_authors_) return;
    const double tie = keys.size() > 1 ? 1.0 / std::sqrt(static_cast<double>(keys.size() - 1)) : 0.0;
    for (const auto& a : keys)
        for (const auto& b : keys) {
            if (a == b) continue;
            Coauthor& c = edges_[a][b];
            ++c.count;
            c.strength += tie;
            widen(c.first_date, c.last_date, date);
        }
}

void AuthorGraph::finish() { finish_now(); }

void AuthorGraph::finish_now() const {
    if (finished_) return;
    for (auto& [key, r] : records_) {
        r.name = most_used(names_[key]);
        r.topics.clear();
        for (const auto& [t, n] : topics_[key]) r.topics.push_back({t, n});
        std::sort(r.topics.begin(), r.topics.end(), [](const TopicCount& a, const TopicCount& b) {
            return a.count != b.count ? a.count > b.count : a.value < b.value;
        });
        if (r.topics.size() > kTopTopics) r.topics.resize(kTopTopics);
        r.coauthors.clear();
        if (auto e = edges_.find(key); e != edges_.end())
            for (const auto& [other, c] : e->second) {
                Coauthor co = c;
                co.key = other;
                r.coauthors.push_back(std::move(co));
            }
    }
    // Names are final only now, for everybody; co-author names follow.
    for (auto& [key, r] : records_) {
        for (auto& c : r.coauthors) c.name = records_.at(c.key).name;
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
