// Discovery routes: similar works (by id and by pasted text), author search and profiles, likely collaborators.
// Shapes: docs/api-discovery.md.
#include <filesystem>
#include <map>
#include <memory>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "http/context.h"
#include "http/params.h"
#include "paperdex/authors/author_index.h"
#include "paperdex/authors/collaborators.h"
#include "paperdex/error.h"
#include "paperdex/search/similar.h"

namespace fs = std::filesystem;

namespace paperdex::http {
namespace {

using nlohmann::json;

constexpr unsigned kDefaultTerms = 50;  // as SimilarOptions::terms
constexpr unsigned kMaxTerms = kMaxExpansionTerms;
constexpr std::size_t kMaxSuggestions = 100;

// This worker thread's author index for the generation its Searcher serves, so that works and authors always come
// from the same rebuild (the author database lives inside the generation directory).
const AuthorIndex& authors_for(const ServerContext& ctx, const IndexView& index) {
    struct Open {
        std::uint64_t generation = 0;
        std::unique_ptr<AuthorIndex> authors;
    };
    thread_local std::map<std::string, Open> by_dir;
    const std::string& dir = ctx.options().index_dir;
    Open& o = by_dir[dir];
    if (!o.authors || o.generation != index.generation) {
        const std::string works_dir =
            index.generation ? (fs::path(dir) / ("gen-" + std::to_string(index.generation))).string() : dir;
        const std::string path = author_index_path(works_dir);
        if (!fs::exists(fs::path(path) / "iamglass"))
            throw NotFound("no author index in " + path + " (rebuild the index to create it)");
        o.authors = std::make_unique<AuthorIndex>(Xapian::Database(path));
        o.generation = index.generation;
    } else if (!index.generation) {
        o.authors->reopen();
    }
    return *o.authors;
}

struct Paging {
    std::size_t page = 1, per_page = kDefaultPerPage;
};

Paging paging(std::size_t page, std::size_t per_page) {
    if (page * per_page > kMaxResultWindow)
        throw InvalidArgument("page", "page × per_page must be at most " + std::to_string(kMaxResultWindow) + ", got " +
                                          std::to_string(page) + " × " + std::to_string(per_page) + " = " +
                                          std::to_string(page * per_page));
    return {page, per_page};
}

json similar_body(const SimilarResponse& r, const Paging& p) {
    json body = r;
    body["page"] = p.page;
    body["per_page"] = p.per_page;
    return body;
}

// POST /api/similar body → text + options. Every field is checked by name, so a typo is a 400, not ignored.
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
                                             std::to_string(max) + ", got " + v.dump());
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
            opt.terms = static_cast<unsigned>(integer_field("terms", 1, kMaxTerms));
        } else {
            throw InvalidArgument(field, "unknown field \"" + field +
                                             "\"; known: text, year, venue, author, topic, type, page, per_page, terms");
        }
    }
    if (!has_text) throw InvalidArgument("text", "the body needs a \"text\" field");
    p = paging(p.page, p.per_page);
    return text;
}

json similar_parameters() {
    json params = openapi::filter_parameters();
    params.push_back(openapi::query_parameter("page", "page of hits, from 1", {{"type", "integer"}, {"minimum", 1}}));
    params.push_back(openapi::query_parameter("per_page", "hits per page", {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxPerPage}}));
    params.push_back(openapi::query_parameter("terms", "expansion terms in the query",
                                              {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxTerms}}));
    return params;
}

void add_schemas(OpenApi& api) {
    const json str{{"type", "string"}}, num{{"type", "number"}}, integer{{"type", "integer"}};
    const json strings{{"type", "array"}, {"items", str}};
    api.add_schema("ExpansionTerm", {{"type", "object"},
                                     {"properties", {{"term", str}, {"display", str}, {"weight", num}}}});
    api.add_schema("SimilarResponse",
                   {{"type", "object"},
                    {"properties",
                     {{"source", {{"type", {"object", "null"}}, {"properties", {{"id", str}, {"title", str}}}}},
                      {"terms", {{"type", "array"}, {"items", openapi::ref("ExpansionTerm")}}},
                      {"total", integer},
                      {"total_exact", {{"type", "boolean"}}},
                      {"page", integer},
                      {"per_page", integer},
                      {"took_ms", num},
                      {"hits",
                       {{"type", "array"},
                        {"items",
                         {{"type", "object"},
                          {"properties",
                           {{"id", str}, {"rank", integer}, {"score", num}, {"matched_terms", strings},
                            {"work", openapi::ref("Work")}}}}}}}}}});
    const json years{{"type", {"integer", "null"}}};
    api.add_schema("AuthorMatch", {{"type", "object"},
                                   {"properties", {{"key", str}, {"name", str}, {"works_count", integer},
                                                   {"first_year", years}, {"last_year", years}}}});
    api.add_schema("AuthorProfile",
                   {{"type", "object"},
                    {"properties",
                     {{"author",
                       {{"type", "object"},
                        {"properties",
                         {{"key", str}, {"name", str}, {"works_count", integer}, {"first_year", years}, {"last_year", years},
                          {"first_date", str}, {"last_date", str},
                          {"topics", {{"type", "array"}, {"items", {{"type", "object"}, {"properties", {{"value", str}, {"count", integer}}}}}}},
                          {"terms", {{"type", "array"}, {"items", openapi::ref("ExpansionTerm")}}},
                          {"coauthors",
                           {{"type", "array"},
                            {"items", {{"type", "object"},
                                       {"properties", {{"key", str}, {"name", str}, {"count", integer},
                                                       {"first_date", str}, {"last_date", str}, {"strength", num}}}}}}}}}}},
                      {"works", {{"type", "array"}, {"items", openapi::ref("Work")}}},
                      {"works_total", integer},
                      {"page", integer},
                      {"per_page", integer}}}});
    api.add_schema(
        "Collaborators",
        {{"type", "object"},
         {"properties",
          {{"author", {{"type", "object"}, {"properties", {{"key", str}, {"name", str}}}}},
           {"suggestions",
            {{"type", "array"},
             {"items",
              {{"type", "object"},
               {"properties",
                {{"key", str}, {"name", str}, {"score", num}, {"works_count", integer}, {"last_date", str},
                 {"components", {{"type", "object"}, {"properties", {{"graph", num}, {"topic", num}, {"recency", num}, {"category", num}, {"adamic_adar", num}, {"tie_adamic_adar", num}}}}},
                 {"reasons",
                  {{"type", "object"},
                   {"properties",
                    {{"shared_coauthors", {{"type", "array"}, {"items", {{"type", "object"}, {"properties", {{"key", str}, {"name", str}}}}}}},
                     {"shared_topics", strings},
                     {"shared_terms", strings},
                     {"connecting_works",
                      {{"type", "array"},
                       {"items", {{"type", "object"},
                                  {"properties", {{"id", str}, {"title", str}, {"year", years},
                                                  {"via", {{"type", "string"}, {"enum", {"coauthor", "topic"}}}}}}}}}}}}}}}}}}}}}}});
}

json operation(const std::string& id, const std::string& summary, json parameters, const std::string& schema,
               std::initializer_list<int> errors) {
    json responses = openapi::error_responses(errors);
    responses["200"] = openapi::json_response(summary, openapi::ref(schema));
    return {{"operationId", id}, {"summary", summary}, {"parameters", std::move(parameters)}, {"responses", responses}};
}

}  // namespace

void add_routes_discovery(httplib::Server& server, ServerContext& ctx) {
    add_schemas(ctx.openapi());
    const json key_param = openapi::path_parameter(
        "key", "author key or name as printed, URL-encoded (\"kim%20hazelwood\", \"Kim%20Hazelwood\")");

    json similar_params = similar_parameters();
    similar_params.insert(similar_params.begin(), openapi::path_parameter("id", "work id, e.g. arxiv:1912.12953"));
    ctx.get(server, "/api/works/{id}/similar", R"(/api/works/(.+)/similar)",
            operation("similarWorks", "Works most like a work (more like this), each with the terms it matched",
                      similar_params, "SimilarResponse", {400, 404, 500}),
            [&ctx](const httplib::Request& req, httplib::Response& res) {
                reject_unknown(req.params, {"year", "venue", "author", "topic", "type", "page", "per_page", "terms"});
                SimilarOptions opt;
                parse_filters(req.params, opt.filters);
                const Paging p = paging(integer(req.params, "page", 1, kMaxResultWindow, 1),
                                        integer(req.params, "per_page", 1, kMaxPerPage, kDefaultPerPage));
                opt.terms = static_cast<unsigned>(integer(req.params, "terms", 1, kMaxTerms, kDefaultTerms));
                opt.offset = (p.page - 1) * p.per_page;
                opt.limit = p.per_page;
                const IndexView index = ctx.index();
                reply_json(res, similar_body(similar(index.searcher, req.matches[1].str(), opt), p));
            });

    json post_op = operation("similarText", "Works most like a pasted text (an abstract)", json::array(),
                             "SimilarResponse", {400, 413, 500});
    post_op["requestBody"] = {
        {"required", true},
        {"content",
         {{"application/json",
           {{"schema",
             {{"type", "object"},
              {"required", {"text"}},
              {"properties",
               {{"text", {{"type", "string"}, {"maxLength", 20000}}},
                {"year", {{"type", "string"}}},
                {"venue", {{"type", {"string", "array"}}}},
                {"author", {{"type", {"string", "array"}}}},
                {"topic", {{"type", {"string", "array"}}}},
                {"type", {{"type", {"string", "array"}}}},
                {"page", {{"type", "integer"}, {"minimum", 1}}},
                {"per_page", {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxPerPage}}},
                {"terms", {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxTerms}}}}}}}}}}}};
    ctx.post(server, "/api/similar", "/api/similar", post_op, [&ctx](const httplib::Request& req, httplib::Response& res) {
        reject_unknown(req.params, {});
        SimilarOptions opt;
        Paging p;
        const std::string text = parse_similar_body(req.body, opt, p);
        opt.offset = (p.page - 1) * p.per_page;
        opt.limit = p.per_page;
        const IndexView index = ctx.index();
        reply_json(res, similar_body(similar_text(index.searcher, text, opt), p));
    });

    json authors_op = operation("searchAuthors", "Authors whose name words start with the words of q, most works first",
                                json::array({openapi::query_parameter("q", "name prefix(es), e.g. hazel",
                                                                      {{"type", "string"}, {"maxLength", kMaxQueryChars}}),
                                             openapi::query_parameter("limit", "authors to return",
                                                                      {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxPerPage}})}),
                                "AuthorMatch", {400, 500});
    authors_op["parameters"][0]["required"] = true;
    authors_op["responses"]["200"] = openapi::json_response(
        "matching authors", {{"type", "object"},
                             {"properties", {{"q", {{"type", "string"}}}, {"total", {{"type", "integer"}}},
                                             {"authors", {{"type", "array"}, {"items", openapi::ref("AuthorMatch")}}}}}});
    ctx.get(server, "/api/authors", "/api/authors", authors_op, [&ctx](const httplib::Request& req, httplib::Response& res) {
        reject_unknown(req.params, {"q", "limit"});
        const std::string q = query_text(req.params);
        const std::size_t limit = integer(req.params, "limit", 1, kMaxPerPage, kDefaultPerPage);
        const IndexView index = ctx.index();
        const auto found = authors_for(ctx, index).search(q, limit);
        reply_json(res, {{"q", q}, {"total", found.total}, {"authors", found.authors}});
    });

    ctx.get(server, "/api/authors/{key}/collaborators", R"(/api/authors/(.+)/collaborators)",
            operation("collaborators", "Likely collaborators (people not yet written with), with reasons",
                      json::array({key_param, openapi::query_parameter("limit", "suggestions", {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxSuggestions}})}),
                      "Collaborators", {400, 404, 500}),
            [&ctx](const httplib::Request& req, httplib::Response& res) {
                reject_unknown(req.params, {"limit"});
                CollaboratorOptions opt;
                opt.limit = integer(req.params, "limit", 1, kMaxSuggestions, kDefaultPerPage);
                const IndexView index = ctx.index();
                const AuthorIndex& authors = authors_for(ctx, index);
                const std::string key = authors.resolve(req.matches[1].str()).key;  // a name as printed works too
                reply_json(res, suggest_collaborators(index.searcher, authors, key, opt));
            });

    ctx.get(server, "/api/authors/{key}", R"(/api/authors/((?!.*/collaborators$).+))",
            operation("getAuthor", "An author's profile and one page of their works, newest first",
                      json::array({key_param,
                                   openapi::query_parameter("page", "page of works, from 1", {{"type", "integer"}, {"minimum", 1}}),
                                   openapi::query_parameter("per_page", "works per page", {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxPerPage}})}),
                      "AuthorProfile", {400, 404, 500}),
            [&ctx](const httplib::Request& req, httplib::Response& res) {
                reject_unknown(req.params, {"page", "per_page"});
                const Paging p = paging(integer(req.params, "page", 1, kMaxResultWindow, 1),
                                        integer(req.params, "per_page", 1, kMaxPerPage, kDefaultPerPage));
                const IndexView index = ctx.index();
                const AuthorIndex& authors = authors_for(ctx, index);
                const std::string key = authors.resolve(req.matches[1].str()).key;  // a name as printed works too
                reply_json(res, author_profile(index.searcher, authors, key, p.page, p.per_page));
            });
}

}  // namespace paperdex::http
