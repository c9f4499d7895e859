#pragma once
/// Unicode text handling through ICU: the one place where text is normalised before it becomes terms or keys.
///
/// Errors: any text is accepted (invalid UTF-8 becomes U+FFFD), so these functions throw only when ICU itself
/// cannot load the data it needs (a broken installation): paperdex::Error naming the ICU service and its
/// UErrorCode, e.g. "ICU transliterator: U_MISSING_RESOURCE_ERROR". squeeze() needs no ICU and never throws.
#include <string>
#include <string_view>
#include <vector>

namespace paperdex::text {

/// NFKC-normalised, accents removed (ICU Transliterator "NFD; [:Nonspacing Mark:] Remove; NFC"),
/// case kept, so that QueryParser operators (AND, OR) still work. Invalid UTF-8 is replaced by U+FFFD.
/// Used on every string before TermGenerator or QueryParser sees it.
std::string normalize(std::string_view s);

/// normalize() then Unicode case folding (ICU NFKC_Casefold): "Bal\u00e1zs" → "balazs".
std::string fold(std::string_view s);

/// Key of a name or label: fold(), punctuation other than '-' turned to spaces (Unicode dashes such as
/// U+2010 become '-'), letters with a stroke or ligatures that have no decomposition spelled in ASCII
/// (ł→l, ø→o, đ→d, ı→i, ħ→h, æ→ae, œ→oe), whitespace collapsed, trimmed.
/// "  Kim   Hazelwood " and "kim hazelwood" → "kim hazelwood"; "Łukasz" → "lukasz". Empty for empty input.
std::string key(std::string_view s);

/// Words of `s` by ICU word boundaries (UAX #29; dictionary-based for CJK/Thai), folded, punctuation dropped.
std::vector<std::string> words(std::string_view s);

/// Collapses runs of whitespace (incl. newlines) to one space and trims the ends.
std::string squeeze(std::string_view s);

/// At most `max_bytes` of `s`, cut before a character's first byte (never inside a UTF-8 sequence), then "…" if
/// anything was cut. Needs no ICU, never throws.
std::string cut(std::string_view s, std::size_t max_bytes);

/// What an error message may quote of a string that came from outside (a parameter, a header, a file line): at most
/// `max_bytes` of it, cut before a character's first byte and then "…", in double quotes with control characters
/// escaped as JSON escapes them and invalid UTF-8 replaced (U+FFFD), so the message stays short and printable.
/// "bib\ntex" → "\"bib\\ntex\"". Needs no ICU, never throws.
std::string quoted(std::string_view s, std::size_t max_bytes = 40);

}  // namespace paperdex::text
