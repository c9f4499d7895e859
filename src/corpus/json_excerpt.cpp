#include "corpus/json_excerpt.h"

#include <nlohmann/json.hpp>

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
            const auto& s = v.get_ref<const std::string&>();
            std::string cut = s;
            if (cut.size() > max_bytes) {
                std::size_t n = max_bytes;
                while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // not inside a character
                cut = s.substr(0, n) + "…";
            }
            return scalar(cut);
        }
        default:  // numbers, booleans, null: short by nature
            return v.dump();
    }
}

}  // namespace paperdex
