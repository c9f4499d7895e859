#include "corpus/json_excerpt.h"

#include <string_view>

#include <nlohmann/json.hpp>

#include "paperdex/corpus/text.h"

namespace paperdex {
namespace {

std::string counted(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// replace: a value built in code (not parsed) may hold invalid UTF-8, and dump() would throw for it.
std::string scalar(const nlohmann::json& v) {
    return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A container of scalars whose JSON fits in `max_bytes` is shown as it is ([1], ["x", 2]); anything deeper or
// longer is described by kind and size, so that the description never recurses.
std::string shallow(const nlohmann::json& v, std::size_t max_bytes) {
    std::string out = v.is_array() ? "[" : "{";
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (it->is_structured() || it->is_binary() || out.size() > max_bytes) return {};
        if (out.size() > 1) out += ",";
        if (v.is_object()) out += scalar(it.key()) + ":";
        out += scalar(*it);
    }
    out += v.is_array() ? "]" : "}";
    return out.size() <= max_bytes ? out : std::string();
}

}  // namespace

std::string json_excerpt(const nlohmann::json& v, std::size_t max_bytes) {
    switch (v.type()) {
        case nlohmann::json::value_t::array:
        case nlohmann::json::value_t::object: {
            if (auto shown = shallow(v, max_bytes); !shown.empty()) return shown;
            return v.is_array() ? "an array of " + counted(v.size(), "item", "items")
                                : "an object of " + counted(v.size(), "field", "fields");
        }
        case nlohmann::json::value_t::binary:
            return "binary data";
        case nlohmann::json::value_t::string: {
            return text::quoted(v.get_ref<const std::string&>(), max_bytes);
        }
        default:  // numbers, booleans, null: short by nature
            return v.dump();
    }
}

std::string json_error_reason(const nlohmann::json::exception& e, std::size_t max_bytes) {
    std::string what = e.what();
    if (auto pos = what.find("] "); what.rfind("[json.exception", 0) == 0 && pos != std::string::npos) what.erase(0, pos + 2);
    if (what.rfind("parse error", 0) == 0)
        if (auto pos = what.find(": "); pos != std::string::npos) what.erase(0, pos + 2);
    constexpr std::string_view kLastRead = "last read: '";
    if (auto pos = what.find(kLastRead); pos != std::string::npos) {
        const auto start = pos + kLastRead.size();
        // The token is quoted; nlohmann may add "; expected ..." after it, and the token may hold quotes itself.
        auto end = what.find("'; expected ", start);
        if (end == std::string::npos) end = what.size() > start && what.back() == '\'' ? what.size() - 1 : what.size();
        const std::string token = what.substr(start, end > start ? end - start : 0);
        what = what.substr(0, start) + text::cut(token, max_bytes) + (end < what.size() ? what.substr(end) : "");
    }
    return "invalid JSON: " + what;
}

}  // namespace paperdex
