#include "http/similar_body.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "corpus/json_excerpt.h"
#include "http/params.h"
#include "paperdex/error.h"

namespace paperdex::http {

using nlohmann::json;

Paging paging(std::size_t page, std::size_t per_page) {
    if (page * per_page > kMaxResultWindow)
        throw InvalidArgument("page", "page × per_page must be at most " + std::to_string(kMaxResultWindow) + ", got " +
                                          std::to_string(page) + " × " + std::to_string(per_page) + " = " +
                                          std::to_string(page * per_page));
    return {page, per_page};
}

std::string parse_similar_body(const std::string& raw, SimilarOptions& opt, Paging& p) {
    json body = json::parse(raw, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        throw InvalidArgument("body", "the body must be a JSON object such as {\"text\": \"...\"}");
    auto strings = [&](const char* field) {
        std::vector<std::string> out;
        const json& v = body[field];
        if (v.is_string()) {
            out.push_back(v.get<std::string>());
        } else if (v.is_array() && std::all_of(v.begin(), v.end(), [](const json& x) { return x.is_string(); })) {
            for (const auto& x : v) out.push_back(x.get<std::string>());
        } else {
            throw InvalidArgument(field, std::string(field) + " must be a string or an array of strings");
        }
        return out;
    };
    auto integer_field = [&](const char* field, std::size_t min, std::size_t max) {
        const json& v = body[field];
        if (!v.is_number_integer() || v.get<long long>() < static_cast<long long>(min) ||
            v.get<long long>() > static_cast<long long>(max))
            throw InvalidArgument(field, std::string(field) + " must be an integer " + std::to_string(min) + ".." +
                                             std::to_string(max) + ", got " + json_excerpt(v));
        return static_cast<std::size_t>(v.get<long long>());
    };
    std::string text;
    bool has_text = false;
    for (const auto& [field, value] : body.items()) {
        if (field == "text") {
            if (!value.is_string()) throw InvalidArgument("text", "text must be a string");
            text = value.get<std::string>();
            has_text = true;
        } else if (field == "year") {
            if (!value.is_string()) throw InvalidArgument("year", "year must be a string such as \"2019..2022\"");
            if (!value.get<std::string>().empty()) opt.filters.year = parse_year_range(value.get<std::string>(), "year");
        } else if (field == "venue") {
            opt.filters.venues = strings("venue");
        } else if (field == "author") {
            opt.filters.authors = strings("author");
        } else if (field == "topic") {
            opt.filters.topics = strings("topic");
        } else if (field == "type") {
            opt.filters.types = strings("type");
        } else if (field == "page") {
            p.page = integer_field("page", 1, kMaxResultWindow);
        } else if (field == "per_page") {
            p.per_page = integer_field("per_page", 1, kMaxPerPage);
        } else if (field == "terms") {
            opt.terms = static_cast<unsigned>(integer_field("terms", 1, kMaxExpansionTerms));
        } else {
            throw InvalidArgument(field.substr(0, 64), "unknown field " + json_excerpt(field) +
                                             "; known: text, year, venue, author, topic, type, page, per_page, terms");
        }
    }
    if (!has_text) throw InvalidArgument("text", "the body needs a \"text\" field");
    p = paging(p.page, p.per_page);
    return text;
}

}  // namespace paperdex::http
