#include "paperdex/corpus/text.h"

#include <cctype>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "corpus/icu_status.h"

namespace paperdex::text {
namespace {

bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

// Transliterators are costly to create and not thread-safe to share: one per thread.
icu::Transliterator& accent_stripper() {
    thread_local std::unique_ptr<icu::Transliterator> t = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
            "NFKC; NFD; [:Nonspacing Mark:] Remove; NFC", UTRANS_FORWARD, status));
        check_icu(status, "ICU transliterator");
        return tr;
    }();
    return *t;
}

// ICU's shared instance, thread-safe to use. Fetched once behind a C++ static: ICU's own once-only initialisation
// is invisible to ThreadSanitizer (ICU is not instrumented), which then reports its first use on a second thread.
const icu::Normalizer2& casefolder() {
    static const icu::Normalizer2* const n = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* instance = icu::Normalizer2::getNFKCCasefoldInstance(status);
        check_icu(status, "ICU NFKC_Casefold");
        return instance;
    }();
    return *n;
}

// Break iterators, like transliterators, are costly to create and keep per-text state: one per thread. A failure
// throws rather than yielding no words, which would index a text as empty without a word of complaint.
icu::BreakIterator& word_breaker() {
    thread_local std::unique_ptr<icu::BreakIterator> b = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        check_icu(status, "ICU word break iterator");
        return it;
    }();
    return *b;
}

std::string to_utf8(const icu::UnicodeString& u) {
    std::string out;
    u.toUTF8String(out);
    return out;
}

}  // namespace

std::string normalize(std::string_view s) {
    if (is_ascii(s)) return std::string(s);  // ASCII is already NFKC and carries no marks
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    accent_stripper().transliterate(u);
    return to_utf8(u);
}

std::string fold(std::string_view s) {
    if (is_ascii(s)) {
        std::string out(s);
        for (auto& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    }
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    accent_stripper().transliterate(u);
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = casefolder().normalize(u, status);
    if (U_FAILURE(status)) return to_utf8(u);
    return to_utf8(folded);
}

std::string squeeze(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = !out.empty();
        } else {
            if (space) out.push_back(' ');
            space = false;
            out.push_back(c);
        }
    }
    return out;
}

std::string key(std::string_view s) {
    std::string f = fold(s);
    if (is_ascii(f)) {
        for (auto& c : f) {
            unsigned char u = static_cast<unsigned char>(c);
            if (!std::isalnum(u) && c != '-') c = ' ';
        }
        return squeeze(f);
    }
    // Outside ASCII, punctuation is known by its Unicode category: "Yan\u2010Wen" (U+2010 HYPHEN, as OpenAlex
    // writes it) must key like "Yan-Wen". Letters with a stroke have no decomposition, so removing marks leaves
    // them; "\u0141ukasz" and "Lukasz" are the same name in a key.
    std::string out;
    out.reserve(f.size());
    const auto* p = reinterpret_cast<const uint8_t*>(f.data());
    int32_t i = 0, n = static_cast<int32_t>(f.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0x80) {
            out.push_back(std::isalnum(c) || c == '-' ? static_cast<char>(c) : ' ');
            continue;
        }
        switch (u_charType(c)) {
            case U_DASH_PUNCTUATION: out.push_back('-'); continue;
            case U_CONNECTOR_PUNCTUATION: case U_START_PUNCTUATION: case U_END_PUNCTUATION:
            case U_INITIAL_PUNCTUATION: case U_FINAL_PUNCTUATION: case U_OTHER_PUNCTUATION:
            case U_SPACE_SEPARATOR: case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR:
                out.push_back(' ');
                continue;
            default: break;
        }
        switch (c) {
            case 0x0142: out.push_back('l'); continue;   // ł
            case 0x00F8: out.push_back('o'); continue;   // ø
            case 0x0111: out.push_back('d'); continue;   // đ
            case 0x0131: out.push_back('i'); continue;   // ı (dotless i; "Mart\u0131\u0301n")
            case 0x0127: out.push_back('h'); continue;   // ħ
            case 0x00E6: out += "ae"; continue;          // æ
            case 0x0153: out += "oe"; continue;          // œ
            default: break;
        }
        if (c < 0) {  // invalid UTF-8: keep the replacement character, as normalize() does
            out += "\uFFFD";
            continue;
        }
        char buf[4];
        int32_t len = 0;
        U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buf), len, c);
        out.append(buf, static_cast<std::size_t>(len));
    }
    return squeeze(out);
}

std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    icu::BreakIterator& bi = word_breaker();
    bi.setText(u);
    int32_t start = bi.first();
    for (int32_t end = bi.next(); end != icu::BreakIterator::DONE; start = end, end = bi.next()) {
        if (bi.getRuleStatus() == UBRK_WORD_NONE) continue;
        icu::UnicodeString w(u, start, end - start);
        out.push_back(fold(to_utf8(w)));
    }
    return out;
}

}  // namespace paperdex::text
