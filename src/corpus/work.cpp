#include "paperdex/corpus/work.h"

#include <regex>

#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "corpus/json_excerpt.h"
#include "paperdex/error.h"
#include "paperdex/corpus/text.h"

namespace paperdex {
namespace {

void get_string(const nlohmann::json& j, const char* field, std::string& out) {
    auto it = j.find(field);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_string())
        throw InvalidArgument(field, std::string("\"") + field + "\" must be a string, got " + json_excerpt(*it));
    out = it->get<std::string>();
}

void put(nlohmann::json& j, const char* field, const std::string& v) {
    if (!v.empty()) j[field] = v;
}

// Adds to `problems` why `id` cannot be the "Q" term of an index document, one entry per kind of fault.
void check_id(const std::string& id, std::vector<std::string>& problems) {
    if (id.size() > kMaxIdBytes)
        problems.push_back("\"id\" is longer than " + std::to_string(kMaxIdBytes) + " bytes (" + std::to_string(id.size()) + ")");
    bool invalid = false, control = false, blank = true;
    const auto* p = reinterpret_cast<const uint8_t*>(id.data());
    for (int32_t i = 0, n = static_cast<int32_t>(id.size()); i < n;) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        invalid |= c < 0;
        control |= c >= 0 && u_charType(c) == U_CONTROL_CHAR;
        blank &= c >= 0 && u_isUWhiteSpace(c);
    }
    if (invalid) problems.push_back("\"id\" is not valid UTF-8");
    if (control) problems.push_back("\"id\" contains a control character");
    if (blank && !control) problems.push_back("\"id\" is blank");
}

}  // namespace

void to_json(nlohmann::json& j, const Author& a) {
    j = nlohmann::json{{"name", a.name}};
    put(j, "id", a.id);
}

void from_json(const nlohmann::json& j, Author& a) {
    if (j.is_string()) {  // tolerate a bare name, as several sources write authors
        a.name = j.get<std::string>();
        return;
    }
    if (!j.is_object()) throw InvalidArgument("authors", "\"authors\" entries must be objects, got " + json_excerpt(j));
    get_string(j, "name", a.name);
    get_string(j, "id", a.id);
}

void to_json(nlohmann::json& j, const Work& w) {
    j = nlohmann::json::object();
    j["id"] = w.id;
    j["title"] = w.title;
    put(j, "abstract", w.abstract);
    if (!w.authors.empty()) j["authors"] = w.authors;
    if (w.year) j["year"] = *w.year;
    put(j, "date", w.date);
    put(j, "venue", w.venue);
    put(j, "venue_name", w.venue_name);
    put(j, "type", w.type);
    if (!w.topics.empty()) j["topics"] = w.topics;
    put(j, "doi", w.doi);
    put(j, "arxiv_id", w.arxiv_id);
    put(j, "url", w.url);
    j["source"] = w.source;
}

void from_json(const nlohmann::json& j, Work& w) {
    if (!j.is_object()) throw InvalidArgument("", "a work must be a JSON object, got " + json_excerpt(j));
    w = Work{};
    get_string(j, "id", w.id);
    get_string(j, "title", w.title);
    get_string(j, "abstract", w.abstract);
    if (auto it = j.find("authors"); it != j.end() && !it->is_null()) {
        if (!it->is_array()) throw InvalidArgument("authors", "\"authors\" must be an array, got " + json_excerpt(*it));
        w.authors = it->get<std::vector<Author>>();
    }
    if (auto it = j.find("year"); it != j.end() && !it->is_null()) {
        if (!it->is_number_integer())
            throw InvalidArgument("year", "\"year\" must be an integer, got " + json_excerpt(*it));
        w.year = it->get<int>();
    }
    get_string(j, "date", w.date);
    get_string(j, "venue", w.venue);
    get_string(j, "venue_name", w.venue_name);
    get_string(j, "type", w.type);
    if (auto it = j.find("topics"); it != j.end() && !it->is_null()) {
        if (!it->is_array()) throw InvalidArgument("topics", "\"topics\" must be an array, got " + json_excerpt(*it));
        for (const auto& t : *it) {
            if (!t.is_string()) throw InvalidArgument("topics", "\"topics\" entries must be strings, got " + json_excerpt(t));
            w.topics.push_back(t.get<std::string>());
        }
    }
    get_string(j, "doi", w.doi);
    get_string(j, "arxiv_id", w.arxiv_id);
    get_string(j, "url", w.url);
    get_string(j, "source", w.source);
}

std::vector<std::string> validate(const Work& w) {
    std::vector<std::string> problems;
    if (w.id.empty()) problems.push_back("missing \"id\"");
    else check_id(w.id, problems);
    if (w.title.empty() && w.abstract.empty()) problems.push_back("missing \"title\"");
    if (w.source.empty()) problems.push_back("missing \"source\"");
    if (w.year && (*w.year < 1000 || *w.year > 2100))
        problems.push_back("\"year\" must be 1000..2100, got " + std::to_string(*w.year));
    static const std::regex date_re(R"(\d{4}(-\d{2}(-\d{2})?)?)");
    if (!w.date.empty() && !std::regex_match(w.date, date_re))
        problems.push_back("\"date\" must be YYYY-MM-DD, got \"" + w.date + "\"");
    for (std::size_t i = 0; i < w.authors.size(); ++i)
        if (text::squeeze(w.authors[i].name).empty())
            problems.push_back("\"authors\"[" + std::to_string(i) + "] has an empty name");
    return problems;
}

std::string author_key(const Author& a) {
    if (!a.id.empty()) return "id:" + a.id;
    return text::key(a.name);
}

}  // namespace paperdex
