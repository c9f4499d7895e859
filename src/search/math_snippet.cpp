// snippet_keeping_math: math spans become single placeholder words while Xapian picks and marks a fragment.
#include "search/math_snippet.h"

#include <vector>

#include "paperdex/corpus/tex.h"

namespace paperdex {
namespace {

// Letters and digits only, so that Xapian reads "xqmath12q" as one word, and unlike any real word, so that no
// query marks it. The trailing 'q' ends the number when digits follow the math ("$k$12").
constexpr std::string_view kPrefix = "xqmath";

// As Xapian's snippet escapes the text it returns (&, <, >).
void append_escaped(std::string& out, std::string_view s) {
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out.push_back(c);
    }
}

// `snippet` with each placeholder replaced by its span of `text`, escaped.
std::string restore(std::string_view snippet, std::string_view text, const std::vector<text::MathSpan>& spans) {
    std::string out;
    out.reserve(snippet.size() * 2);
    for (std::size_t p = 0; p < snippet.size();) {
        const std::size_t at = snippet.find(kPrefix, p);
        if (at == std::string_view::npos) {
            out.append(snippet.substr(p));
            break;
        }
        std::size_t q = at + kPrefix.size(), index = 0;
        while (q < snippet.size() && snippet[q] >= '0' && snippet[q] <= '9' && index < spans.size())
            index = index * 10 + static_cast<std::size_t>(snippet[q++] - '0');
        out.append(snippet.substr(p, at - p));
        if (q < snippet.size() && snippet[q] == 'q' && q > at + kPrefix.size() && index < spans.size()) {
            append_escaped(out, text.substr(spans[index].begin, spans[index].end - spans[index].begin));
            p = q + 1;
        } else {  // cannot happen: the text held no placeholder prefix of its own
            out.append(kPrefix);
            p = at + kPrefix.size();
        }
    }
    return out;
}

}  // namespace

std::string snippet_keeping_math(const Xapian::MSet& mset, const std::string& text, std::size_t length,
                                 const Xapian::Stem& stemmer, unsigned flags, const std::string& hi_start,
                                 const std::string& hi_end, const std::string& omit) {
    const std::vector<text::MathSpan> spans = text::math_spans(text);
    if (spans.empty() || text.find(kPrefix) != std::string::npos)
        return mset.snippet(text, length, stemmer, flags, hi_start, hi_end, omit);
    std::string masked;
    masked.reserve(text.size());
    std::size_t p = 0;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        masked.append(text, p, spans[i].begin - p);
        masked += std::string(kPrefix) + std::to_string(i) + "q";
        p = spans[i].end;
    }
    masked.append(text, p);
    return restore(mset.snippet(masked, length, stemmer, flags, hi_start, hi_end, omit), text, spans);
}

}  // namespace paperdex
