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

}  // namespace paperdex::text
