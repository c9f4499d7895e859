// text::cut() and text::quoted(): a bounded, printable quotation of outside input for error messages (text.h).
#include <nlohmann/json.hpp>

#include "paperdex/corpus/text.h"

namespace paperdex::text {

std::string cut(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    std::size_t n = max_bytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // not inside a character
    return std::string(s.substr(0, n)) + "…";
}

std::string quoted(std::string_view s, std::size_t max_bytes) {
    // JSON's escaping is exactly what a message needs (\n, \u0000, \", \\); replace: the input may be any bytes.
    return nlohmann::json(cut(s, max_bytes)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace paperdex::text
