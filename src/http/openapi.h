#pragma once
// Private to the HTTP layer: the OpenAPI 3.1 document (https://spec.openapis.org/oas/v3.1.0) served at
// /api/openapi.json. Routes add their own operation when they are registered (ServerContext::get), so the
// document lists exactly the routes the server answers; the helpers below keep operations short.
#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace paperdex::http {

/// The document being assembled: info, shared component schemas (Error, Work, SearchResponse, ...) and paths.
class OpenApi {
public:
    OpenApi();
    /// Adds an Operation Object under `path` (a template: "/api/works/{id}") for `method` ("get", "post").
    void add(std::string_view method, const std::string& path, nlohmann::json operation);
    /// Adds or replaces a schema under #/components/schemas/NAME.
    void add_schema(const std::string& name, nlohmann::json schema);
    const nlohmann::json& document() const noexcept { return doc_; }
private:
    nlohmann::json doc_;
};

namespace openapi {

/// {"$ref":"#/components/schemas/NAME"}
nlohmann::json ref(std::string_view schema_name);
/// A query parameter; `repeatable` = the parameter may be given several times (an array, form style, exploded).
nlohmann::json query_parameter(std::string_view name, std::string_view description, nlohmann::json schema,
                               bool repeatable = false);
/// A required path parameter of type string.
nlohmann::json path_parameter(std::string_view name, std::string_view description);
/// year, venue, author, topic, type: the filters shared by search and similar-works routes.
nlohmann::json filter_parameters();
/// A response with an application/json body of `schema`.
nlohmann::json json_response(std::string_view description, nlohmann::json schema);
/// Responses "400"/"404"/"500"... each with the Error schema; merge into an operation's "responses".
nlohmann::json error_responses(std::initializer_list<int> statuses);

// The core routes' operations (http_server.cpp registers them).
nlohmann::json search_operation();
nlohmann::json work_operation();
nlohmann::json healthz_operation();
nlohmann::json metrics_operation();
nlohmann::json openapi_operation();

}  // namespace openapi
}  // namespace paperdex::http
