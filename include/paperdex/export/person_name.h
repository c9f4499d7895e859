#pragma once
/// Author names split into the parts citation formats ask for. paperdex stores a name as one string in byline
/// order ("Kim Hazelwood"); BibTeX, RIS and CSL-JSON want family and given names apart.
#include <string>
#include <string_view>

namespace paperdex::citation {

/// The parts of one name. When `literal` is non-empty the others are empty: the name is an organisation or a
/// single word and is written whole.
struct PersonName {
    std::string given;    ///< "Kim", "Ludwig"; may be empty
    std::string family;   ///< "Hazelwood", "van Beethoven" (lower-case particles belong to it)
    std::string suffix;   ///< "Jr.", "III"; usually empty
    std::string literal;  ///< "Intergovernmental Panel on Climate Change", "PedregosaFabian"
};

/// Splits a name as written in a byline. Whitespace is collapsed first. Rules, in order:
/// - "Family, Given" (one comma) and "Family, Suffix, Given" (two) are taken as written;
/// - a single word, or a name holding a lower-case word that is not a family-name particle (von, van, de, der,
///   da, di, du, la, le, del, della, dos, das, ten, ter, bin, al) is `literal` ("Panel on Climate Change");
/// - a last word Jr., Sr., II, III, IV is the suffix;
/// - the last word is the family name, together with the particles just before it ("Ludwig van Beethoven" →
///   given "Ludwig", family "van Beethoven"); the rest is the given name.
/// Joining given, family and suffix with spaces gives the input back for names without a comma. Never throws
/// (but std::bad_alloc).
PersonName split_name(std::string_view name);

}  // namespace paperdex::citation
