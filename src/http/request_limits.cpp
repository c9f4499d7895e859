#include "http/request_limits.h"

#include <string>

#include <nlohmann/json.hpp>

#include "http/errors.h"

namespace paperdex::http {
namespace {

bool carries_body(const std::string& method) {
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

bool refuse(httplib::Response& res, int status, std::string message) {
    res.status = status;
    res.set_content(error_json(status_reply(status, std::move(message))).dump(), "application/json");
    res.set_header("Connection", "close");
    return true;
}

}  // namespace

bool refuse_request_head(const httplib::Request& req, httplib::Response& res) {
    if (req.has_header("Transfer-Encoding"))
        return refuse(res, 411, "a request body needs a Content-Length; Transfer-Encoding is not accepted");
    if (carries_body(req.method) && !req.has_header("Content-Length"))
        return refuse(res, 411, req.method + " needs a Content-Length");
    if (req.has_header("Content-Encoding"))
        return refuse(res, 415, "a request body must not be compressed (Content-Encoding: " +
                                    req.get_header_value("Content-Encoding").substr(0, 40) + ")");
    if (req.get_header_value("Range").find(',') != std::string::npos) {
        // httplib cuts every response to the parsed ranges, this 416 too. The Request is its own non-const
        // object (Server::process_request), so dropping the ranges through const_cast is defined behaviour.
        const_cast<httplib::Request&>(req).ranges.clear();
        return refuse(res, 416, "one range per request");
    }
    return false;
}

}  // namespace paperdex::http
