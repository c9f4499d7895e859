// Discovery routes: similar works (by id and by pasted text), author search and profiles, likely collaborators.
// Shapes: docs/api-discovery.md.
#include <filesystem>
#include <map>
#include <memory>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "http/context.h"
#include "http/params.h"
#include "http/similar_body.h"
#include "paperdex/authors/author_index.h"
#include "paperdex/authors/collaborators.h"
#include "paperdex/error.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/search/similar.h"

namespace fs = std::filesystem;

namespace paperdex::http {
namespace {

using nlohmann::json;

constexpr unsigned kDefaultTerms = 50;  // as SimilarOptions::terms
constexpr std::size_t kMaxSuggestions = 100;

json similar_body(const SimilarResponse& r, const Paging& p) {
    json body = r;
    body["page"] = p.page;
    body["per_page"] = p.per_page;
    return body;
}

json similar_parameters() {
    json params = openapi::filter_parameters();
    params.push_back(openapi::query_parameter("page", "page of hits, from 1", {{"type", "integer"}, {"minimum", 1}}));
    params.push_back(openapi::query_parameter("per_page", "hits per page", {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxPerPage}}));
    params.push_back(openapi::query_parameter("terms", "expansion terms in the query",
                                              {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxExpansionTerms}}));
    return params;
}

using namespace nlohmann::literals;

// The schemas are written as the JSON they become, so that they read like docs/api-discovery.md and like the
// to_json() they describe (search/similar.h, authors/author_index.h, authors/collaborators.h).
json similar_schemas() {
    return R"json({
        "ExpansionTerm": {"type": "object",
                          "properties": {"term": {"type": "string"}, "display": {"type": "string"},
                                         "weight": {"type": "number"},
                                         "shown": {"type": "boolean",
                                                   "description": "reads as a reason (not a stopword, neither too common nor only the source's): listed in matched terms"}}},
        "SimilarResponse": {"type": "object", "properties": {
            "source": {"type": ["object", "null"],
                       "properties": {"id": {"type": "string"}, "title": {"type": "string"}}},
            "terms": {"type": "array", "items": {"$ref": "#/components/schemas/ExpansionTerm"}},
            "total": {"type": "integer"},
            "total_exact": {"type": "boolean"},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "took_ms": {"type": "number"},
            "hits": {"type": "array", "items": {"type": "object", "properties": {
                "id": {"type": "string"},
                "rank": {"type": "integer"},
                "score": {"type": "number"},
                "matched_terms": {"type": "array", "items": {"type": "string"}},
                "work": {"$ref": "#/components/schemas/Work"}
            }}}
        }}
    })json"_json;
}

json author_schemas() {
    return R"json({
        "AuthorMatch": {"type": "object", "properties": {
            "key": {"type": "string"}, "name": {"type": "string"}, "works_count": {"type": "integer"},
            "first_year": {"type": ["integer", "null"]}, "last_year": {"type": ["integer", "null"]}
        }},
        "AuthorProfile": {"type": "object", "properties": {
            "author": {"type": "object", "properties": {
                "key": {"type": "string"}, "name": {"type": "string"}, "works_count": {"type": "integer"},
                "first_year": {"type": ["integer", "null"]}, "last_year": {"type": ["integer", "null"]},
                "first_date": {"type": "string"}, "last_date": {"type": "string"},
                "topics": {"type": "array", "items": {"type": "object", "properties": {
                    "value": {"type": "string"}, "count": {"type": "integer"}}}},
                "terms": {"type": "array", "items": {"$ref": "#/components/schemas/ExpansionTerm"}},
                "coauthors": {"type": "array", "items": {"type": "object", "properties": {
                    "key": {"type": "string"}, "name": {"type": "string"}, "count": {"type": "integer"},
                    "first_date": {"type": "string"}, "last_date": {"type": "string"}, "strength": {"type": "number"}}}}
            }},
            "works": {"type": "array", "items": {"$ref": "#/components/schemas/Work"}},
            "works_total": {"type": "integer"},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"}
        }}
    })json"_json;
}

json collaborators_schema() {
    return R"json({"type": "object", "properties": {
        "author": {"type": "object", "properties": {"key": {"type": "string"}, "name": {"type": "string"}}},
        "suggestions": {"type": "array", "items": {"type": "object", "properties": {
            "key": {"type": "string"}, "name": {"type": "string"}, "score": {"type": "number"},
            "works_count": {"type": "integer"}, "last_date": {"type": "string"},
            "components": {"type": "object", "properties": {
                "graph": {"type": "number"}, "topic": {"type": "number"}, "recency": {"type": "number"},
                "category": {"type": "number"}, "adamic_adar": {"type": "number"}, "tie_adamic_adar": {"type": "number"}
            }},
            "reasons": {"type": "object", "properties": {
                "shared_coauthors": {"type": "array", "items": {"type": "object", "properties": {
                    "key": {"type": "string"}, "name": {"type": "string"}}}},
                "shared_topics": {"type": "array", "items": {"type": "string"}},
                "shared_terms": {"type": "array", "items": {"type": "string"}},
                "connecting_works": {"type": "array", "items": {"type": "object", "properties": {
                    "id": {"type": "string"}, "title": {"type": "string"}, "year": {"type": ["integer", "null"]},
                    "via": {"type": "string", "enum": ["coauthor", "topic"]}}}}
            }}
        }}}
    }})json"_json;
}

void add_schemas(OpenApi& api) {
    for (const json& group : {similar_schemas(), author_schemas()})
        for (const auto& [name, schema] : group.items()) api.add_schema(name, schema);
    api.add_schema("Collaborators", collaborators_schema());
}

// The POST /api/similar body: the fields parse_similar_body() accepts, with the same limits.
json similar_body_schema() {
    json schema = R"json({
        "type": "object", "required": ["text"],
        "properties": {
            "text": {"type": "string", "maxLength": 20000},
            "year": {"type": "string"},
            "venue": {"type": ["string", "array"]},
            "author": {"type": ["string", "array"]},
            "topic": {"type": ["string", "array"]},
            "type": {"type": ["string", "array"]},
            "page": {"type": "integer", "minimum": 1},
            "per_page": {"type": "integer", "minimum": 1},
            "terms": {"type": "integer", "minimum": 1}
        }
    })json"_json;
    schema["properties"]["per_page"]["maximum"] = kMaxPerPage;
    schema["properties"]["terms"]["maximum"] = kMaxExpansionTerms;
    return schema;
}

json operation(const std::string& id, const std::string& summary, json parameters, const std::string& schema,
               std::initializer_list<int> errors) {
    json responses = openapi::error_responses(errors);
    responses["200"] = openapi::json_response(summary, openapi::ref(schema));
    return {{"operationId", id}, {"summary", summary}, {"parameters", std::move(parameters)}, {"responses", responses}};
}

json integer_parameter(const char* name, const char* description, std::size_t max = 0) {
    json schema{{"type", "integer"}, {"minimum", 1}};
    if (max) schema["maximum"] = max;
    return openapi::query_parameter(name, description, std::move(schema));
}

json key_parameter() {
    return openapi::path_parameter(
        "key", "author key or name as printed, URL-encoded (\"kim%20hazelwood\", \"Kim%20Hazelwood\")");
}

// The routes, one function each, registered in add_routes_discovery()'s order.

void add_similar_works(httplib::Server& server, ServerContext& ctx) {
    json params = similar_parameters();
    params.insert(params.begin(), openapi::path_parameter("id", "work id, e.g. arxiv:1912.12953"));
    ctx.get(server, "/api/works/{id}/similar", R"(/api/works/(.+)/similar)",
            operation("similarWorks", "Works most like a work (more like this), each with the terms it matched",
                      params, "SimilarResponse", {400, 404, 500, 503}),
            [&ctx](const httplib::Request& req, httplib::Response& res) {
                reject_unknown(req.params, {"year", "venue", "author", "topic", "type", "page", "per_page", "terms"});
                SimilarOptions opt;
                parse_filters(req.params, opt.filters);
                const Paging p = paging(integer(req.params, "page", 1, kMaxResultWindow, 1),
                                        integer(req.params, "per_page", 1, kMaxPerPage, kDefaultPerPage));
                opt.terms = static_cast<unsigned>(integer(req.params, "terms", 1, kMaxExpansionTerms, kDefaultTerms));
                opt.offset = (p.page - 1) * p.per_page;
                opt.limit = p.per_page;
                const IndexView index = ctx.index();
                reply_json(res, similar_body(similar(index.searcher, req.matches[1].str(), opt), p));
            });
}

void add_similar_text(httplib::Server& server, ServerContext& ctx) {
    json op = operation("similarText", "Works most like a pasted text (an abstract)", json::array(), "SimilarResponse",
                        {400, 413, 500, 503});
    op["requestBody"] = {{"required", true}, {"content", {{"application/json", {{"schema", similar_body_schema()}}}}}};
    ctx.post(server, "/api/similar", "/api/similar", op, [&ctx](const httplib::Request& req, httplib::Response& res) {
        reject_unknown(req.params, {});
        SimilarOptions opt;
        Paging p;
        const std::string text = parse_similar_body(req.body, opt, p);
        opt.offset = (p.page - 1) * p.per_page;
        opt.limit = p.per_page;
        const IndexView index = ctx.index();
        reply_json(res, similar_body(similar_text(index.searcher, text, opt), p));
    });
}

void add_author_search(httplib::Server& server, ServerContext& ctx) {
    json q = openapi::query_parameter("q", "name prefix(es), e.g. hazel",
                                      {{"type", "string"}, {"maxLength", kMaxQueryChars}});
    q["required"] = true;
    json op = operation("searchAuthors", "Authors whose name words start with the words of q, most works first",
                        json::array({q, integer_parameter("limit", "authors to return", kMaxPerPage)}), "AuthorMatch",
                        {400, 500, 503});
    op["responses"]["200"] = openapi::json_response("matching authors", R"json({"type": "object", "properties": {
        "q": {"type": "string"}, "total": {"type": "integer"},
        "authors": {"type": "array", "items": {"$ref": "#/components/schemas/AuthorMatch"}}}})json"_json);
    ctx.get(server, "/api/authors", "/api/authors", op, [&ctx](const httplib::Request& req, httplib::Response& res) {
        reject_unknown(req.params, {"q", "limit"});
        const std::string q = query_text(req.params);
        const std::size_t limit = integer(req.params, "limit", 1, kMaxPerPage, kDefaultPerPage);
        const IndexView index = ctx.index();
        const auto found = ctx.authors(index).search(q, limit);
        reply_json(res, {{"q", q}, {"total", found.total}, {"authors", found.authors}});
    });
}

void add_collaborators(httplib::Server& server, ServerContext& ctx) {
    ctx.get(server, "/api/authors/{key}/collaborators", R"(/api/authors/(.+)/collaborators)",
            operation("collaborators", "Likely collaborators (people not yet written with), with reasons",
                      json::array({key_parameter(), integer_parameter("limit", "suggestions", kMaxSuggestions)}),
                      "Collaborators", {400, 404, 500, 503}),
            [&ctx](const httplib::Request& req, httplib::Response& res) {
                reject_unknown(req.params, {"limit"});
                CollaboratorOptions opt;
                opt.limit = integer(req.params, "limit", 1, kMaxSuggestions, kDefaultPerPage);
                const IndexView index = ctx.index();
                const AuthorIndex& authors = ctx.authors(index);
                const std::string key = authors.resolve(req.matches[1].str()).key;  // a name as printed works too
                reply_json(res, suggest_collaborators(index.searcher, authors, key, opt));
            });
}

void add_author_profile(httplib::Server& server, ServerContext& ctx) {
    // The negative lookahead leaves .../collaborators to add_collaborators() whatever the registration order.
    ctx.get(server, "/api/authors/{key}", R"(/api/authors/((?!.*/collaborators$).+))",
            operation("getAuthor", "An author's profile and one page of their works, newest first",
                      json::array({key_parameter(), integer_parameter("page", "page of works, from 1"),
                                   integer_parameter("per_page", "works per page", kMaxPerPage)}),
                      "AuthorProfile", {400, 404, 500, 503}),
            [&ctx](const httplib::Request& req, httplib::Response& res) {
                reject_unknown(req.params, {"page", "per_page"});
                const Paging p = paging(integer(req.params, "page", 1, kMaxResultWindow, 1),
                                        integer(req.params, "per_page", 1, kMaxPerPage, kDefaultPerPage));
                const IndexView index = ctx.index();
                const AuthorIndex& authors = ctx.authors(index);
                const std::string key = authors.resolve(req.matches[1].str()).key;  // a name as printed works too
                reply_json(res, author_profile(index.searcher, authors, key, p.page, p.per_page));
            });
}

}  // namespace

void add_routes_discovery(httplib::Server& server, ServerContext& ctx) {
    add_schemas(ctx.openapi());
    add_similar_works(server, ctx);
    add_similar_text(server, ctx);
    add_author_search(server, ctx);
    add_collaborators(server, ctx);
    add_author_profile(server, ctx);
}

}  // namespace paperdex::http
