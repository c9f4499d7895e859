// The OpenAPI 3.1 description of the HTTP API. Schemas follow the JSON the library writes
// (to_json of Work and SearchResponse) and the error body of http_errors.cpp.
#include "http/openapi.h"

#include "http/params.h"
#include "paperdex/index/schema.h"

namespace paperdex::http {

using nlohmann::json;
using namespace nlohmann::literals;

namespace {

// The component schemas are written as the JSON they become, so that they read like the document they produce
// (and like the to_json() they describe); each is parsed once, when a server starts.

json error_schema() {
    return R"json({
        "type": "object", "required": ["error"],
        "properties": {"error": {
            "type": "object", "required": ["code", "message"],
            "properties": {
                "code": {"type": "string", "description": "stable snake_case code",
                         "examples": ["invalid_parameter", "not_found", "internal"]},
                "message": {"type": "string", "description": "what was expected and what was given"},
                "parameter": {"type": "string", "description": "the offending parameter (400 invalid_parameter only)"},
                "id": {"type": "string", "description": "500 only: the server log's line for this error has the same id"},
                "shard": {"type": "string", "description": "503 shard_unavailable only: the remote shard, tcp://HOST:PORT"}
            }
        }}
    })json"_json;
}

// Work and Author as to_json(Work) writes them (corpus/work.h).
json work_schemas() {
    return R"json({
        "Author": {"type": "object", "required": ["name"],
                   "properties": {"name": {"type": "string"}, "id": {"type": "string"}}},
        "Work": {
            "type": "object", "description": "one scholarly work; unknown fields are left out",
            "required": ["id", "title", "source"],
            "properties": {
                "id": {"type": "string", "examples": ["arxiv:2005.02544", "arxiv:hep-th/9901001"]},
                "title": {"type": "string"},
                "abstract": {"type": "string"},
                "authors": {"type": "array", "items": {"$ref": "#/components/schemas/Author"}},
                "year": {"type": "integer"},
                "date": {"type": "string", "format": "date"},
                "venue": {"type": "string"},
                "type": {"type": "string"},
                "topics": {"type": "array", "items": {"type": "string"}},
                "doi": {"type": "string"},
                "arxiv_id": {"type": "string"},
                "url": {"type": "string"},
                "source": {"type": "string"}
            }
        }
    })json"_json;
}

// Hit, FacetCounts and SearchResponse as to_json(SearchResponse) writes them (search/searcher.h).
json search_schemas() {
    return R"json({
        "Hit": {
            "type": "object", "required": ["id", "rank", "score", "work"],
            "properties": {
                "id": {"type": "string"},
                "rank": {"type": "integer", "description": "0-based over the whole result list"},
                "score": {"type": "number", "description": "BM25 weight, 0 when browsing without a query"},
                "snippet": {"type": "string", "description": "HTML-escaped abstract excerpt, matches in <mark>"},
                "title_html": {"type": "string", "description": "HTML-escaped title, matches in <mark>"},
                "work": {"$ref": "#/components/schemas/Work"}
            }
        },
        "FacetCounts": {
            "type": "object", "required": ["exact", "values"],
            "properties": {
                "exact": {"type": "boolean", "description": "false when estimated past the documents-checked bound"},
                "values": {"type": "array", "items": {
                    "type": "object", "required": ["value", "count"],
                    "properties": {"value": {"type": "string"}, "count": {"type": "integer"}}
                }}
            }
        },
        "SearchResponse": {
            "type": "object", "required": ["query", "page", "per_page", "total", "total_exact", "hits"],
            "properties": {
                "query": {"type": "string"},
                "page": {"type": "integer"},
                "per_page": {"type": "integer"},
                "total": {"type": "integer", "description": "matching works"},
                "total_exact": {"type": "boolean"},
                "took_ms": {"type": "number"},
                "corrected_query": {"type": "string", "description": "spelling suggestion, empty if none"},
                "query_fallback": {"type": "boolean",
                                   "description": "the query could not be parsed (e.g. a stray quote); its plain words were searched"},
                "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
                "facets": {"type": "object", "description": "requested facets by name",
                           "additionalProperties": {"$ref": "#/components/schemas/FacetCounts"}},
                "shards": {"type": "object", "required": ["total", "failed"],
                           "description": "with remote shards (serve --shard): how many, and those left out (partial=true)",
                           "properties": {"total": {"type": "integer"},
                                          "failed": {"type": "array", "items": {"type": "string"}}}}
            }
        }
    })json"_json;
}

json health_schema() {
    return R"json({
        "type": "object", "required": ["status"],
        "description": "generation and documents when status is ok; shards with remote shards (serve --shard)",
        "properties": {
            "status": {"enum": ["ok", "degraded"]},
            "generation": {"type": "integer", "description": "N of DIR/gen-N, 0 for a plain database"},
            "documents": {"type": "integer"},
            "shards": {"type": "array", "items": {
                "type": "object", "required": ["shard", "ok"],
                "properties": {"shard": {"type": "string", "description": "tcp://HOST:PORT"},
                               "ok": {"type": "boolean"}, "error": {"type": "string"}}}}
        }
    })json"_json;
}

json component_schemas() {
    json s = work_schemas();
    s.update(search_schemas());
    s["Error"] = error_schema();
    s["Health"] = health_schema();
    return s;
}

}  // namespace

OpenApi::OpenApi() {
    doc_ = {{"openapi", "3.1.0"},
            {"info",
             {{"title", "paperdex"},
              {"version", "0.1"},
              {"description", "Full-text search over scholarly abstracts. Errors are JSON with a stable code."}}},
            {"paths", json::object()},
            {"components", {{"schemas", component_schemas()}}}};
}

void OpenApi::add(std::string_view method, const std::string& path, json operation) {
    doc_["paths"][path][std::string(method)] = std::move(operation);
}

void OpenApi::add_schema(const std::string& name, json schema) {
    doc_["components"]["schemas"][name] = std::move(schema);
}

namespace openapi {

json ref(std::string_view schema_name) { return {{"$ref", "#/components/schemas/" + std::string(schema_name)}}; }

json query_parameter(std::string_view name, std::string_view description, json schema, bool repeatable) {
    json p{{"name", name}, {"in", "query"}, {"description", description}};
    if (repeatable) {
        p["schema"] = {{"type", "array"}, {"items", std::move(schema)}};
        p["style"] = "form";
        p["explode"] = true;
    } else {
        p["schema"] = std::move(schema);
    }
    return p;
}

json path_parameter(std::string_view name, std::string_view description) {
    return {{"name", name}, {"in", "path"}, {"required", true}, {"description", description},
            {"schema", {{"type", "string"}}}};
}

json filter_parameters() {
    const json str{{"type", "string"}};
    return json::array({
        query_parameter("year", "inclusive year range: 2020, 2019..2022, 2019.., ..2022",
                        {{"type", "string"}, {"pattern", "^[0-9]*(\\.\\.[0-9]*)?$"}}),
        query_parameter("venue", "venue; repeat to OR several", str, true),
        query_parameter("author", "author name or key; repeat to OR several", str, true),
        query_parameter("topic", "topic or arXiv category; repeat to OR several", str, true),
        query_parameter("type", "work type (preprint, article, ...); repeat to OR several", str, true),
    });
}

json json_response(std::string_view description, json schema) {
    return {{"description", description}, {"content", {{"application/json", {{"schema", std::move(schema)}}}}}};
}

json error_responses(std::initializer_list<int> statuses) {
    json r = json::object();
    for (int s : statuses) {
        const char* what = s == 400   ? "invalid parameter"
                           : s == 404 ? "not found"
                           : s == 413 ? "body over 1 MiB"
                           : s == 503 ? "busy: no index slot freed within the request deadline (--searches); or "
                                        "shard_unavailable: a remote shard, named in error.shard, did not answer"
                                      : "internal error";
        r[std::to_string(s)] = json_response(what, ref("Error"));
    }
    return r;
}

namespace {

// format=bibtex|ris|csljson on the routes that answer works (export_routes.cpp), and the media types it answers.
json format_parameter(std::string_view what) {
    return query_parameter("format",
                           "json (default) or a citation format for " + std::string(what) +
                               ": bibtex (application/x-bibtex), ris (application/x-research-info-systems), "
                               "csljson (application/vnd.citationstyles.csl+json); UTF-8; another value is a 400 "
                               "naming format",
                           {{"type", "string"}, {"enum", {"json", "bibtex", "ris", "csljson"}}, {"default", "json"}});
}

void add_citation_content(json& response) {
    const json text{{"type", "string"}};
    response["content"]["application/x-bibtex"] = {{"schema", text}};
    response["content"]["application/x-research-info-systems"] = {{"schema", text}};
    response["content"]["application/vnd.citationstyles.csl+json"] = {
        {"schema", {{"type", "array"}, {"items", {{"type", "object"}}}, {"description", "CSL-JSON items"}}}};
}

}  // namespace

json search_operation() {
    std::string facet_names;
    for (const auto& f : schema::facets()) facet_names += (facet_names.empty() ? "" : ", ") + std::string(f.name);
    json params = json::array({
        query_parameter("q",
                        "Xapian query syntax (AND OR NOT, \"phrases\", title: author: topic: venue: year:2019..2022, "
                        "wildcards); empty = browse with filters",
                        {{"type", "string"}, {"maxLength", kMaxQueryChars}}),
    });
    for (auto& p : filter_parameters()) params.push_back(p);
    params.push_back(query_parameter("sort", "relevance (default) or year (newest first)",
                                     {{"type", "string"}, {"enum", {"relevance", "year"}}, {"default", "relevance"}}));
    params.push_back(query_parameter("page", "1-based page",
                                     {{"type", "integer"}, {"minimum", 1}, {"default", 1}}));
    params.push_back(query_parameter(
        "per_page", "hits per page; page × per_page must be at most " + std::to_string(kMaxResultWindow),
        {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxPerPage}, {"default", kDefaultPerPage}}));
    params.push_back(query_parameter("facets", "comma-separated facets to count exactly: " + facet_names,
                                     {{"type", "string"}}));
    params.push_back(format_parameter("the works of the page asked for (facets are not counted)"));
    params.push_back(query_parameter("partial",
                                     "with remote shards: true answers from the shards that answer, listing the "
                                     "others in shards.failed; false (default) answers 503 shard_unavailable",
                                     {{"type", "boolean"}, {"default", false}}));
    json responses{{"200", json_response("ranked works, facet counts", ref("SearchResponse"))}};
    add_citation_content(responses["200"]);
    responses.update(error_responses({400, 500, 503}));
    return {{"operationId", "search"},
            {"summary", "Ranked, filtered, faceted search"},
            {"parameters", std::move(params)},
            {"responses", std::move(responses)}};
}

json work_operation() {
    json responses{{"200", json_response("the work", {{"type", "object"},
                                                      {"required", {"work"}},
                                                      {"properties", {{"work", ref("Work")}}}})}};
    add_citation_content(responses["200"]);
    responses.update(error_responses({400, 404, 500, 503}));
    return {{"operationId", "getWork"},
            {"summary", "One work by id"},
            {"parameters", json::array({path_parameter("id", "work id; may contain ':' and '/' (arxiv:hep-th/9901001)"),
                                        format_parameter("the work")})},
            {"responses", std::move(responses)}};
}

json healthz_operation() {
    json responses{{"200", json_response("the index being served", ref("Health"))},
                   {"503", json_response("a remote shard does not answer (status degraded)", ref("Health"))}};
    responses.update(error_responses({500}));
    return {{"operationId", "health"}, {"summary", "Liveness and the index generation served"},
            {"responses", std::move(responses)}};
}

json metrics_operation() {
    return {{"operationId", "metrics"},
            {"summary", "Prometheus metrics: requests by route and status, latency histogram, index gauges"},
            {"responses",
             {{"200",
               {{"description", "Prometheus text exposition format 0.0.4"},
                {"content", {{"text/plain", {{"schema", {{"type", "string"}}}}}}}}}}}};
}

json openapi_operation() {
    return {{"operationId", "openapi"},
            {"summary", "This OpenAPI 3.1 document"},
            {"responses", {{"200", json_response("OpenAPI document", {{"type", "object"}})}}}};
}

}  // namespace openapi
}  // namespace paperdex::http
