// math_spans: where a TeX text's math is, so that indexing reads it as math and snippets never cut through it.
#include <algorithm>

#include "paperdex/corpus/tex.h"

namespace paperdex::text {
namespace {

// The position after the closing `close` of math whose content starts at `from`, looking no further than
// `limit`; npos if there is none. A backslash escapes the byte after it, so `\$` never closes `$…$`.
std::size_t closing(std::string_view s, std::size_t from, std::size_t limit, std::string_view close) {
    limit = std::min(limit, s.size());
    for (std::size_t p = from; p < limit; ++p) {
        if (s.compare(p, close.size(), close) == 0 && p + close.size() <= limit) return p + close.size();
        if (s[p] == '\\') ++p;
    }
    return std::string_view::npos;
}

// The opening delimiter at s[p], or empty if there is none.
std::string_view opening(std::string_view s, std::size_t p) {
    if (s[p] == '$') return s.compare(p, 2, "$$") == 0 ? "$$" : "$";
    if (s[p] == '\\' && p + 1 < s.size() && (s[p + 1] == '(' || s[p + 1] == '[')) return s.substr(p, 2);
    return {};
}

std::string_view closing_of(std::string_view open) {
    if (open == "\\(") return "\\)";
    if (open == "\\[") return "\\]";
    return open;
}

}  // namespace

std::vector<MathSpan> math_spans(std::string_view s) {
    std::vector<MathSpan> spans;
    // Each opening looks at most kMaxMathBytes ahead, so the pass is linear whatever the input.
    for (std::size_t p = 0; p < s.size();) {
        const std::string_view open = opening(s, p);
        if (open.empty()) {
            p += s[p] == '\\' ? 2 : 1;  // "\$" is a dollar sign, "\\" a line break
            continue;
        }
        const std::size_t end = closing(s, p + open.size(), p + kMaxMathBytes, closing_of(open));
        if (end == std::string_view::npos) {
            p += open == "$$" ? 2 : 1;  // "$$" unclosed is not "$" + "$…$"; "\(" unclosed: its "(" is text
            continue;
        }
        spans.push_back({p, end, open.size()});
        p = end;
    }
    return spans;
}

}  // namespace paperdex::text
