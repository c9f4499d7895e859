// tex_accents_to_unicode: the LaTeX accent commands arXiv metadata uses in names and titles, turned into Unicode.
#include <algorithm>
#include <optional>
#include <utility>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "corpus/tex_accents.h"

namespace paperdex::text {
namespace {

// Accent command -> combining mark (UTF-8). The base letter comes first and NFC composes the pair.
struct Accent {
    std::string_view command;
    std::string_view mark;
};
constexpr Accent accents[] = {
    {"'", "\u0301"}, {"`", "\u0300"}, {"^", "\u0302"}, {"\"", "\u0308"}, {"~", "\u0303"}, {"=", "\u0304"},
    {".", "\u0307"}, {"u", "\u0306"}, {"v", "\u030C"}, {"H", "\u030B"}, {"c", "\u0327"}, {"k", "\u0328"},
    {"r", "\u030A"},
};

// Commands that stand for a letter of their own.
struct Letter {
    std::string_view command;
    std::string_view text;
};
constexpr Letter letters[] = {
    {"o", "ø"}, {"O", "Ø"}, {"l", "ł"}, {"L", "Ł"}, {"ss", "ß"}, {"ae", "æ"}, {"AE", "Æ"},
    {"oe", "œ"}, {"OE", "Œ"}, {"aa", "å"}, {"AA", "Å"}, {"i", "ı"}, {"j", "ȷ"},
};

// "{" + a letter of up to 4 UTF-8 bytes or "\i" + "}", with room for a space.
constexpr std::size_t kMaxArgumentBytes = 8;

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::size_t utf8_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;
}

// The accent's argument at `p`: "{x}", "\i", "x" (one character). Returns the base text and the end position.
std::optional<std::pair<std::string, std::size_t>> argument(std::string_view s, std::size_t p, bool letter_command) {
    if (letter_command) {  // "\c c": a space separates a letter-named accent from its argument
        if (p < s.size() && s[p] == ' ') ++p;
        else if (p < s.size() && s[p] != '{' && s[p] != '\\') return std::nullopt;
    }
    if (p >= s.size()) return std::nullopt;
    if (s[p] == '{') {
        // An argument is one letter ("{e}", "{\i}", "{ß}"): looking further would make "\'{\'{\'{…" without
        // a closing brace quadratic.
        auto close = s.substr(0, std::min(s.size(), p + kMaxArgumentBytes)).find('}', p + 1);
        if (close == std::string_view::npos) return std::nullopt;
        std::string_view inner = s.substr(p + 1, close - p - 1);
        if (inner == "\\i") return std::make_pair(std::string("i"), close + 1);
        if (inner == "\\j") return std::make_pair(std::string("j"), close + 1);
        return std::make_pair(std::string(inner), close + 1);
    }
    if (s[p] == '\\' && p + 1 < s.size() && (s[p + 1] == 'i' || s[p + 1] == 'j') && (p + 2 >= s.size() || !is_alpha(s[p + 2])))
        return std::make_pair(std::string(1, s[p + 1]), p + 2);
    if (s[p] == '\\' || s[p] == '}' || s[p] == ' ') return std::nullopt;
    std::size_t n = utf8_length(static_cast<unsigned char>(s[p]));
    return std::make_pair(std::string(s.substr(p, n)), p + n);
}

// The command starting at s[p] == '\\', converted, and the position after it; nullopt if not one we know.
std::optional<std::pair<std::string, std::size_t>> command(std::string_view s, std::size_t p) {
    if (p + 1 >= s.size()) return std::nullopt;
    std::size_t end = p + 1;
    if (is_alpha(s[end]))
        while (end < s.size() && is_alpha(s[end])) ++end;
    else
        ++end;
    std::string_view name = s.substr(p + 1, end - p - 1);
    for (const auto& a : accents) {
        if (a.command != name) continue;
        auto arg = argument(s, end, is_alpha(name[0]));
        if (!arg) return std::nullopt;
        return std::make_pair(arg->first + std::string(a.mark), arg->second);
    }
    for (const auto& l : letters) {
        if (l.command != name) continue;
        if (s.substr(end, 2) == "{}") end += 2;                                // "\o{}bro"
        else if (end < s.size() && s[end] == ' ' && is_alpha(name[0])) ++end;  // "\ss e": the space ends the name
        return std::make_pair(std::string(l.text), end);
    }
    return std::nullopt;
}

}  // namespace

std::string tex_accents_to_unicode(std::string_view s) {
    if (s.find('\\') == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t p = 0; p < s.size();) {
        if (s[p] == '{' && p + 1 < s.size() && s[p + 1] == '\\') {  // "{\'a}", "{\O}": drop the braces too
            if (auto c = command(s, p + 1); c && c->second < s.size() && s[c->second] == '}') {
                out += c->first;
                p = c->second + 1;
                continue;
            }
        }
        if (s[p] == '\\') {
            if (auto c = command(s, p)) {
                out += c->first;
                p = c->second;
                continue;
            }
        }
        out.push_back(s[p++]);
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return out;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(out.data(), static_cast<int32_t>(out.size())));
    icu::UnicodeString composed = nfc->normalize(u, status);
    if (U_FAILURE(status)) return out;
    std::string result;
    composed.toUTF8String(result);
    return result;
}

}  // namespace paperdex::text
