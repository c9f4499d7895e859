// One-line, valid UTF-8 text for the writers (clean_text.h).
#include "export/clean_text.h"

namespace paperdex::citation {
namespace {

// Length of the valid UTF-8 sequence at s[i] (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF), 0 if invalid;
// `cp` gets its code point.
std::size_t sequence_at(std::string_view s, std::size_t i, char32_t& cp) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return 0;
    cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

}  // namespace

std::string clean_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t len = sequence_at(s, i, cp);
        const bool space = len != 0 && (cp <= 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F));
        if (space) {
            pending_space = !out.empty();
            i += len;
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        if (len == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD for one bad byte
            i += 1;
        } else {
            out.append(s.substr(i, len));
            i += len;
        }
    }
    return out;
}

}  // namespace paperdex::citation
