#include "paperdex/index/schema.h"

#include <algorithm>

#include "paperdex/error.h"
#include "paperdex/corpus/text.h"
#include "paperdex/corpus/work.h"

namespace paperdex::schema {

const std::vector<Facet>& facets() {
    static const std::vector<Facet> table = {
        {"year", kYearPrefix, kYearSlot, false},
        {"venue", kVenuePrefix, kVenueSlot, false},
        {"author", kAuthorKeyPrefix, kAuthorsSlot, true, kAuthorOrdinalsSlot, kAuthorDictionaryKey},
        {"topic", kTopicPrefix, kTopicsSlot, true, kTopicOrdinalsSlot, kTopicDictionaryKey},
        {"type", kTypePrefix, kTypeSlot, false},
    };
    return table;
}

const Facet& facet(std::string_view name) {
    for (const auto& f : facets())
        if (f.name == name) return f;
    throw InvalidArgument("facets", "unknown facet \"" + std::string(name) + "\"; known: year, venue, author, topic, type");
}

std::string pack_values(const std::vector<std::string>& values) {
    std::string out;
    std::vector<std::string_view> seen;
    for (const auto& v : values) {
        if (v.empty() || std::find(seen.begin(), seen.end(), v) != seen.end()) continue;
        if (!seen.empty()) out.push_back('\0');
        out += v;
        seen.push_back(v);
    }
    return out;
}

std::string boolean_term(std::string_view prefix, std::string_view key) {
    constexpr std::size_t kMaxTermBytes = 245;
    std::string t = std::string(prefix) + std::string(key);
    if (t.size() <= kMaxTermBytes) return t;
    std::size_t cut = kMaxTermBytes;
    while (cut > prefix.size() && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
    t.resize(cut);
    return t;
}

std::string filter_term(std::string_view name, std::string_view value) {
    const Facet& f = facet(name);
    if (name == "author") {
        // An author filter may already be a key ("id:..." or a folded name); author_key is idempotent on names.
        if (value.substr(0, 3) == "id:") return boolean_term(f.filter_prefix, value);
        return boolean_term(f.filter_prefix, author_key(Author{std::string(value), {}}));
    }
    if (name == "year") return boolean_term(f.filter_prefix, text::squeeze(value));
    return boolean_term(f.filter_prefix, text::key(value));
}

bool is_free_text_term(std::string_view term) {
    if (term.size() <= kStemPrefix.size() || term.substr(0, kStemPrefix.size()) != kStemPrefix) return false;
    const char first = term[kStemPrefix.size()];
    return !(first >= 'A' && first <= 'Z');
}

const std::vector<std::pair<std::string_view, std::string_view>>& text_fields() {
    // Never destroyed: a server's worker threads may still parse a query while the process exits (TSan saw the
    // exit-time destructor free it under a worker's read).
    static const auto& table = *new std::vector<std::pair<std::string_view, std::string_view>>{
        {"title", kTitlePrefix}, {"author", kAuthorPrefix}, {"topic", kTopicTextPrefix}, {"venue", kVenueTextPrefix}};
    return table;
}

}  // namespace paperdex::schema
