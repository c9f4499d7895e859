// Byline names → given, family, suffix (person_name.h).
#include "paperdex/export/person_name.h"

#include <algorithm>
#include <array>
#include <vector>

#include "export/clean_text.h"

namespace paperdex::citation {
namespace {

constexpr std::array<std::string_view, 18> kParticles{"von", "van", "de",  "der", "den", "da",  "di",  "du",  "la",
                                                      "le",  "del", "della", "dos", "das", "ten", "ter", "bin", "al"};
constexpr std::array<std::string_view, 7> kSuffixes{"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"};

bool is_particle(std::string_view w) { return std::find(kParticles.begin(), kParticles.end(), w) != kParticles.end(); }
bool is_suffix(std::string_view w) { return std::find(kSuffixes.begin(), kSuffixes.end(), w) != kSuffixes.end(); }
// A word that starts with an ASCII lower-case letter (non-ASCII initials are taken as names).
bool is_lower(std::string_view w) { return !w.empty() && w.front() >= 'a' && w.front() <= 'z'; }

std::vector<std::string> split_words(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t end = s.find(' ', start);
        if (end == std::string::npos) end = s.size();
        if (end > start) out.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string join(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) out += (out.empty() ? "" : " ") + words[i];
    return out;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return std::string(s);
}

// "Family, Given" or "Family, Suffix, Given" into `out`; false for more commas or an empty family name.
bool split_commas(const std::string& s, PersonName& out) {
    const auto first = s.find(',');
    const auto second = s.find(',', first + 1);
    if (second != std::string::npos && s.find(',', second + 1) != std::string::npos) return false;
    out.family = trimmed(std::string_view(s).substr(0, first));
    if (second == std::string::npos) {
        out.given = trimmed(std::string_view(s).substr(first + 1));
    } else {
        out.suffix = trimmed(std::string_view(s).substr(first + 1, second - first - 1));
        out.given = trimmed(std::string_view(s).substr(second + 1));
    }
    return !out.family.empty();
}

PersonName literal(const std::string& s) {
    PersonName n;
    n.literal = s;
    return n;
}

}  // namespace

PersonName split_name(std::string_view name) {
    const std::string s = clean_text(name);
    PersonName out;
    if (s.find(',') != std::string::npos) {
        if (split_commas(s, out)) return out;
        return literal(s);
    }
    std::vector<std::string> words = split_words(s);
    if (words.size() < 2) return literal(s);
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
        if (is_lower(words[i]) && !is_particle(words[i])) return literal(s);
    std::size_t end = words.size();
    if (is_suffix(words.back()) && words.size() >= 3) {
        out.suffix = words.back();
        --end;
    }
    std::size_t family_start = end - 1;
    while (family_start > 1 && is_particle(words[family_start - 1])) --family_start;
    out.family = join(words, family_start, end);
    out.given = join(words, 0, family_start);
    return out;
}

}  // namespace paperdex::citation
