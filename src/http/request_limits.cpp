#include "http/request_limits.h"

#include <string>

#include <nlohmann/json.hpp>

#include "http/context.h"
#include "http/errors.h"
#include "paperdex/corpus/text.h"

namespace paperdex::http {
namespace {

bool carries_body(const std::string& method) {
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

bool refuse(httplib::Response& res, int status, std::string message) {
    // reply_json: the message quotes the client's method and header, which need not be UTF-8.
    reply_json(res, error_json(status_reply(status, std::move(message))), status);
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
                                    text::quoted(req.get_header_value("Content-Encoding")) + ")");
    if (req.has_header("Range")) {
        // httplib cuts every response to the parsed ranges, refusals included, and answers a range past the end
        // with an empty text/html 416. Ranges serve no purpose for JSON answers and a small web page, and a
        // server may ignore them (RFC 9110, 14.2): one range gets the whole resource. The Request is httplib's
        // own non-const object (Server::process_request), so changing it through const_cast is defined.
        const bool several = req.get_header_value("Range").find(',') != std::string::npos;
        auto& own = const_cast<httplib::Request&>(req);
        own.ranges.clear();
        own.headers.erase("Range");  // httplib answers 206 to any request that has the header
        if (several) return refuse(res, 416, "one range per request");
    }
    return false;
}

}  // namespace paperdex::http
