// Citation keys (citation_key.h).
#include "paperdex/export/citation_key.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "paperdex/corpus/text.h"
#include "paperdex/export/person_name.h"

namespace paperdex::citation {
namespace {

// Words a key skips at the start of a title: articles, prepositions, conjunctions, and the openers that begin
// many titles without naming anything ("towards", "on the ...").
constexpr std::array<std::string_view, 42> kSkipped{
    "a",    "an",   "the",   "on",      "of",    "for",   "in",    "and",  "to",    "with",   "towards",
    "toward", "via", "from", "by",      "at",    "is",    "are",   "as",   "into",  "using",  "how",
    "what", "why",  "when",  "do",      "does",  "we",    "our",   "its",  "it",    "be",     "can",
    "not",  "or",   "vs",    "versus",  "about", "beyond", "through", "under", "over"};

// Only [a-z0-9] of an ASCII-folded string (text::key has removed accents and spelled ß, ł, æ in ASCII).
std::string ascii_part(std::string_view folded) {
    std::string out;
    for (char c : folded)
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    return out;
}

bool has_letter(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The title without TeX control words (\emph, \text, \mathcal): their names are markup, not words.
std::string without_control_words(std::string_view title) {
    std::string out;
    for (std::size_t i = 0; i < title.size(); ++i) {
        if (title[i] == '\\' && i + 1 < title.size() && std::isalpha(static_cast<unsigned char>(title[i + 1]))) {
            while (i + 1 < title.size() && std::isalpha(static_cast<unsigned char>(title[i + 1]))) ++i;
            out += ' ';
            continue;
        }
        out += title[i];
    }
    return out;
}

std::string family_part(const Work& w) {
    if (w.authors.empty()) return {};
    const PersonName n = split_name(w.authors.front().name);
    // An organisation ("Intergovernmental Panel on Climate Change") is keyed by its first word.
    std::string folded = text::key(n.literal.empty() ? n.family : n.literal);
    if (!n.literal.empty()) folded = folded.substr(0, folded.find(' '));
    const std::string part = ascii_part(folded);
    return has_letter(part) ? part : std::string();
}

std::string title_part(const Work& w) {
    for (const std::string& word : text::words(without_control_words(w.title))) {
        const std::string part = ascii_part(text::key(word));
        if (part.size() < 2 || !has_letter(part)) continue;
        if (std::find(kSkipped.begin(), kSkipped.end(), part) != kSkipped.end()) continue;
        return part;
    }
    return {};
}

// a, b, ..., z, aa, ab, ...: the n-th suffix (0-based).
std::string suffix(std::size_t n) {
    std::string s;
    for (std::size_t k = n + 1; k > 0; k = (k - 1) / 26) s.insert(s.begin(), static_cast<char>('a' + (k - 1) % 26));
    return s;
}

}  // namespace

std::string citation_key(const Work& w) {
    std::string key = family_part(w);
    if (w.year) key += ascii_part(std::to_string(*w.year));
    key += title_part(w);
    return key.empty() ? "work" : key;
}

std::vector<std::string> citation_keys(const std::vector<Work>& works) {
    std::vector<std::string> keys;
    keys.reserve(works.size());
    std::set<std::string> used;
    for (const Work& w : works) {
        const std::string base = citation_key(w);
        std::string key = base;
        for (std::size_t n = 0; used.count(key); ++n) key = base + suffix(n);
        used.insert(key);
        keys.push_back(std::move(key));
    }
    return keys;
}

}  // namespace paperdex::citation
