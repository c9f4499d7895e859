#pragma once
/// The ONE table of Xapian term prefixes and value slots (../shared/DESIGN.md, "Index schema").
/// Nothing else in paperdex spells a prefix or a slot number. Prefix conventions follow Omega
/// (xapian-omega/docs/termprefixes.rst): Q unique id, S title, A author, Y year, K keyword, X… custom.
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace paperdex::schema {

/// Free-text words are indexed only as stems, each with Xapian's stem prefix before its field prefix: "Zcach"
/// (title and abstract), "ZScach" (title), "ZAsmith" (author), with positions (TermGenerator STEM_ALL_Z).
inline constexpr std::string_view kStemPrefix = "Z";
inline constexpr std::string_view kIdPrefix = "Q";         ///< unique id: "Qarxiv:2005.02544"
inline constexpr std::string_view kTitlePrefix = "S";      ///< title words (free text, after kStemPrefix)
inline constexpr std::string_view kAuthorPrefix = "A";     ///< author name words (free text, `author:`)
inline constexpr std::string_view kYearPrefix = "Y";       ///< boolean: "Y2020"
inline constexpr std::string_view kVenuePrefix = "XV";     ///< boolean: text::key(venue)
inline constexpr std::string_view kTypePrefix = "XT";      ///< boolean: text::key(type)
inline constexpr std::string_view kTopicPrefix = "K";      ///< boolean: text::key(topic)
inline constexpr std::string_view kAuthorKeyPrefix = "XA"; ///< boolean: author_key(author)
inline constexpr std::string_view kTopicTextPrefix = "XK";  ///< topic words (free text, `topic:`)
inline constexpr std::string_view kVenueTextPrefix = "XW";  ///< venue words (free text, `venue:`)

/// The venue of a work that is only on arXiv; a work with an arXiv id and another venue also gets this venue's
/// filter term, so a filter on the repository finds every work on it.
inline constexpr std::string_view kRepositoryVenue = "arXiv";

inline constexpr Xapian::valueno kYearSlot = 0;   ///< sortable_serialise(year)
inline constexpr Xapian::valueno kVenueSlot = 1;  ///< venue display name
inline constexpr Xapian::valueno kTypeSlot = 2;   ///< type display name
inline constexpr Xapian::valueno kDateSlot = 3;   ///< "YYYY-MM-DD" (string order = date order)
inline constexpr Xapian::valueno kTopicsSlot = 10;   ///< every topic (display), packed (pack_values)
inline constexpr Xapian::valueno kAuthorsSlot = 20;  ///< every author name (display), packed (pack_values)
/// The ordinals (facet_dictionary.h) of kTopicsSlot's / kAuthorsSlot's values, in the same order; written by
/// rebuild, which stores the dictionaries as metadata kTopicDictionaryKey / kAuthorDictionaryKey.
inline constexpr Xapian::valueno kTopicOrdinalsSlot = 11;
inline constexpr Xapian::valueno kAuthorOrdinalsSlot = 21;
inline constexpr std::string_view kTopicDictionaryKey = "paperdex:facet:topic";
inline constexpr std::string_view kAuthorDictionaryKey = "paperdex:facet:author";

/// The index layout version, stored as the metadata key "paperdex:schema"; a Searcher refuses an index of
/// another version (it would answer with wrong facets, or misread the author records) and says to rebuild it.
/// 3: author records are flat text in a value slot (src/authors/author_index.cpp), no longer JSON document data.
/// 4: free text as stems only (kStemPrefix), no unstemmed words.
/// 5: author and topic facet ordinals (kAuthorOrdinalsSlot, kTopicOrdinalsSlot and their dictionaries).
inline constexpr std::string_view kSchemaVersion = "5";
inline constexpr std::string_view kSchemaVersionKey = "paperdex:schema";

/// Extra wdf given to each title word in the unprefixed free text, so title matches weigh more (BM25).
inline constexpr unsigned kTitleWdfBoost = 2;

/// A facet: a field users can filter on and count, from one value slot per work.
struct Facet {
    std::string_view name;          ///< "year", "venue", "author", "topic", "type"
    std::string_view filter_prefix; ///< boolean term prefix used to filter
    Xapian::valueno slot;
    bool packed;                    ///< the slot holds several values (pack_values), else one
    /// Where the values' ordinals are (packed facets written by rebuild), and the metadata key of their
    /// dictionary; BAD_VALUENO and "" for a facet counted by string.
    Xapian::valueno ordinals_slot = Xapian::BAD_VALUENO;
    std::string_view dictionary_key = {};
};

/// Several values of one work in one value slot, each once, in first-seen order, separated by NUL (which no
/// display value holds). One slot per multi-valued facet means one value read per matching work when counting,
/// where a slot per author (16 of them) meant 16 (docs/bench.md).
std::string pack_values(const std::vector<std::string>& values);

/// Calls fn(std::string_view) for each value of pack_values(), in order, without copying (facet counting
/// splits every matching work's slot).
template <class Fn>
void for_each_packed_value(std::string_view packed, Fn&& fn) {
    if (packed.empty()) return;
    for (;;) {
        const std::size_t end = packed.find('\0');
        fn(packed.substr(0, end));
        if (end == std::string_view::npos) return;
        packed.remove_prefix(end + 1);
    }
}

/// The facets in display order: year, venue, author, topic, type.
const std::vector<Facet>& facets();

/// The facet called `name`. @throws InvalidArgument("facets", ...) for an unknown name.
const Facet& facet(std::string_view name);

/// The boolean filter term for `value` of facet `name` ("author", "Kim Hazelwood" → "XAkim hazelwood").
/// @throws InvalidArgument("facets", ...) for an unknown facet.
std::string filter_term(std::string_view name, std::string_view value);

/// `prefix` + `key` as a boolean term, cut at a UTF-8 boundary to Xapian's 245-byte term limit (glass), which
/// would otherwise fail a whole rebuild over one odd field (e.g. an author list an importer could not split).
/// A key that long still filters (the cut is the same at index and query time) and is never typed in full.
std::string boolean_term(std::string_view prefix, std::string_view key);

/// True for a free-text term: kStemPrefix and a stem ("Zcach"). A stem starts lower case (TermGenerator folds
/// case), with a digit or with a non-ASCII byte; every field prefix is upper case, so "ZScach" (title), "ZAsmith"
/// (author) and the boolean terms ("Q…", "XA…", "K…") are not free text. Spelling correction, query expansion and
/// more-like-this consider free text only: field terms would count the same words twice.
bool is_free_text_term(std::string_view term);

/// Free-text field prefixes for QueryParser (`title:`, `author:`, `topic:`, `venue:`) as (field, prefix).
const std::vector<std::pair<std::string_view, std::string_view>>& text_fields();

}  // namespace paperdex::schema
