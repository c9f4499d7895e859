// Validation is strict and messages say what was expected and what was given (STYLE.md "Errors").
#include "http/params.h"

#include <algorithm>
#include <charconv>

#include "paperdex/error.h"
#include "paperdex/index/schema.h"

namespace paperdex::http {
namespace {

// A value quoted for an error message, cut so that a 1 MB parameter does not come back in the reply.
std::string shown(std::string_view v) {
    constexpr std::size_t kShown = 40;
    if (v.size() <= kShown) return "\"" + std::string(v) + "\"";
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    return "\"" + std::string(v.substr(0, cut)) + "...\"";
}

// Code points of valid UTF-8, or nullopt when the bytes are not UTF-8 (RFC 3629: no overlongs, no surrogates).
std::optional<std::size_t> utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++n) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) return std::nullopt;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return std::nullopt;
            cp = (cp << 6) | (cc & 0x3F);
        }
        static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
        i += len;
    }
    return n;
}

std::vector<std::string> values(const httplib::Params& params, const std::string& name) {
    std::vector<std::string> out;
    auto [lo, hi] = params.equal_range(name);
    for (auto it = lo; it != hi; ++it)
        if (!it->second.empty()) out.push_back(it->second);
    return out;
}

}  // namespace

void reject_unknown(const httplib::Params& params, std::initializer_list<std::string_view> known) {
    for (const auto& [name, value] : params) {
        if (std::find(known.begin(), known.end(), name) != known.end()) continue;
        std::string list;
        for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        throw InvalidArgument(name, "unknown parameter " + shown(name) + "; known: " + list);
    }
}

std::optional<std::string> single(const httplib::Params& params, const std::string& name) {
    const auto n = params.count(name);
    if (n == 0) return std::nullopt;
    if (n > 1) throw InvalidArgument(name, name + " may be given once, got " + std::to_string(n) + " values");
    return params.find(name)->second;
}

std::size_t integer(const httplib::Params& params, const std::string& name, std::size_t min, std::size_t max,
                    std::size_t fallback) {
    const auto text = single(params, name);
    if (!text) return fallback;
    const std::string expected = name + " must be an integer " + std::to_string(min) + ".." + std::to_string(max);
    std::size_t v = 0;
    const char* end = text->data() + text->size();
    auto [p, ec] = std::from_chars(text->data(), end, v);
    if (text->empty() || ec == std::errc::invalid_argument || p != end)
        throw InvalidArgument(name, expected + ", got " + shown(*text));
    if (ec == std::errc::result_out_of_range || v < min || v > max)
        throw InvalidArgument(name, expected + ", got " + (text->size() <= 20 ? *text : shown(*text)));
    return v;
}

std::string query_text(const httplib::Params& params) {
    std::string q = single(params, "q").value_or("");
    const auto length = utf8_length(q);
    if (!length) throw InvalidArgument("q", "q must be UTF-8 text");
    if (*length > kMaxQueryChars)
        throw InvalidArgument("q", "q must be at most " + std::to_string(kMaxQueryChars) + " characters, got " +
                                       std::to_string(*length));
    return q;
}

void parse_filters(const httplib::Params& params, SearchRequest& req) {
    if (auto year = single(params, "year"); year && !year->empty()) req.year = parse_year_range(*year, "year");
    req.venues = values(params, "venue");
    req.authors = values(params, "author");
    req.topics = values(params, "topic");
    req.types = values(params, "type");
}

std::vector<std::string> facet_list(const httplib::Params& params) {
    std::vector<std::string> out;
    auto [lo, hi] = params.equal_range("facets");
    for (auto it = lo; it != hi; ++it) {
        std::string_view rest = it->second;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            std::string_view name = rest.substr(0, comma);
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
            while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
            while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
            if (name.empty()) continue;
            const auto& all = schema::facets();
            if (std::none_of(all.begin(), all.end(), [&](const schema::Facet& f) { return f.name == name; })) {
                std::string known;
                for (const auto& f : all) known += (known.empty() ? "" : ", ") + std::string(f.name);
                throw InvalidArgument("facets", "unknown facet " + shown(name) + "; known: " + known);
            }
            if (std::find(out.begin(), out.end(), name) == out.end()) out.emplace_back(name);
        }
    }
    return out;
}

SearchParams parse_search_params(const httplib::Params& params) {
    // format: json (the default) or a citation format, which export_routes.cpp answers before this parse.
    reject_unknown(params,
                   {"q", "year", "venue", "author", "topic", "type", "sort", "page", "per_page", "facets", "format", "partial"});
    SearchParams sp;
    sp.request.query = query_text(params);
    parse_filters(params, sp.request);
    if (auto sort = single(params, "sort")) {
        if (*sort == "relevance") sp.request.sort = SortOrder::relevance;
        else if (*sort == "year") sp.request.sort = SortOrder::year;
        else throw InvalidArgument("sort", "sort must be relevance or year, got " + shown(*sort));
    }
    sp.page = integer(params, "page", 1, kMaxResultWindow, 1);
    sp.per_page = integer(params, "per_page", 1, kMaxPerPage, kDefaultPerPage);
    if (sp.page * sp.per_page > kMaxResultWindow)
        throw InvalidArgument("page", "page × per_page must be at most " + std::to_string(kMaxResultWindow) +
                                          ", got " + std::to_string(sp.page) + " × " + std::to_string(sp.per_page) +
                                          " = " + std::to_string(sp.page * sp.per_page));
    sp.request.offset = (sp.page - 1) * sp.per_page;
    sp.request.limit = sp.per_page;
    sp.request.facets = facet_list(params);
    if (auto partial = single(params, "partial")) {
        if (*partial == "true") sp.partial = true;
        else if (*partial != "false") throw InvalidArgument("partial", "partial must be true or false, got " + shown(*partial));
    }
    return sp;
}

}  // namespace paperdex::http
