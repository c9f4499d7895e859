#include "paperdex/index/document.h"

#include <nlohmann/json.hpp>

#include "paperdex/error.h"
#include "paperdex/index/schema.h"
#include "paperdex/corpus/tex.h"
#include "paperdex/corpus/text.h"
#include "corpus/json_excerpt.h"

namespace paperdex {

DocumentBuilder::DocumentBuilder() {
    termgen_.set_stemmer(Xapian::Stem("english"));
    // Every word is indexed once, as its stem with Xapian's "Z" prefix, with positions (phrases match stems).
    // STEM_SOME also kept each word unstemmed, with positions: 128 more terms per arXiv work (311 → 183), and
    // rebuilding took 29% longer for no better ranking (docs/relevance.md, section 7).
    termgen_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
}

void DocumentBuilder::set_database(Xapian::WritableDatabase& db) {
    termgen_.set_database(db);
    spelling_ = true;
}

std::string DocumentBuilder::packed_authors(const Work& w) {
    std::vector<std::string> names;
    names.reserve(w.authors.size());
    for (const auto& a : w.authors) names.push_back(text::squeeze(a.name));
    return schema::pack_values(names);
}

std::string DocumentBuilder::packed_topics(const Work& w) { return schema::pack_values(w.topics); }

Xapian::Document DocumentBuilder::build(const Work& w, const FacetOrdinals* ordinals) {
    using namespace schema;
    if (w.id.empty()) throw InvalidArgument("id", "a work needs an id to be indexed");
    Xapian::Document doc;
    termgen_.set_document(doc);

    // Free text: the title counts (1 + kTitleWdfBoost) times per occurrence, so that BM25 favours title
    // matches; positions run on into the abstract so that phrases work in both.
    // TeX is read as the words it shows (`\emph{sparse}` → "sparse"); the stored JSON keeps the source.
    const std::string title = text::normalize(text::tex_to_text(w.title));
    const std::string abstract = text::normalize(text::tex_to_text(w.abstract));
    // Spelling data from title words only: adding every abstract word to the spelling table cost a third of
    // the indexing time (docs/bench.md), and titles hold the vocabulary people search for.
    if (spelling_) termgen_.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
    termgen_.index_text(title, 1 + kTitleWdfBoost);
    if (spelling_) termgen_.set_flags(0);
    termgen_.increase_termpos();
    termgen_.index_text(abstract);
    termgen_.index_text(title, 1, std::string(kTitlePrefix));

    for (const Author& a : w.authors) {
        termgen_.increase_termpos();  // no phrase across two names
        termgen_.index_text(text::normalize(a.name), 1, std::string(kAuthorPrefix));
        doc.add_boolean_term(schema::boolean_term(kAuthorKeyPrefix, author_key(a)));
    }
    for (const auto& topic : w.topics) {
        termgen_.increase_termpos();
        termgen_.index_text(text::normalize(topic), 1, std::string(kTopicTextPrefix));
        doc.add_boolean_term(schema::boolean_term(kTopicPrefix, text::key(topic)));
    }
    if (std::string authors = packed_authors(w); !authors.empty()) doc.add_value(kAuthorsSlot, authors);
    if (std::string topics = packed_topics(w); !topics.empty()) doc.add_value(kTopicsSlot, topics);
    if (ordinals) {
        if (!ordinals->authors.empty()) doc.add_value(kAuthorOrdinalsSlot, ordinals->authors);
        if (!ordinals->topics.empty()) doc.add_value(kTopicOrdinalsSlot, ordinals->topics);
    }
    if (!w.venue.empty()) {
        termgen_.increase_termpos();
        termgen_.index_text(text::normalize(w.venue), 1, std::string(kVenueTextPrefix));
        if (!w.venue_name.empty()) termgen_.index_text(text::normalize(w.venue_name), 1, std::string(kVenueTextPrefix));
        doc.add_boolean_term(schema::boolean_term(kVenuePrefix, text::key(w.venue)));
        doc.add_value(kVenueSlot, w.venue);
    }
    // A work accepted at CVPR is still on arXiv: `venue=arXiv` and `venue:arxiv` keep finding it (the venue facet
    // counts it under CVPR, its slot value).
    if (!w.arxiv_id.empty() && w.venue != kRepositoryVenue) {
        termgen_.increase_termpos();
        termgen_.index_text(text::normalize(kRepositoryVenue), 1, std::string(kVenueTextPrefix));
        doc.add_boolean_term(schema::boolean_term(kVenuePrefix, text::key(kRepositoryVenue)));
    }
    if (!w.type.empty()) {
        doc.add_boolean_term(schema::boolean_term(kTypePrefix, text::key(w.type)));
        doc.add_value(kTypeSlot, w.type);
    }
    if (w.year) {
        doc.add_boolean_term(std::string(kYearPrefix) + std::to_string(*w.year));
        doc.add_value(kYearSlot, Xapian::sortable_serialise(*w.year));
    }
    if (!w.date.empty()) doc.add_value(kDateSlot, w.date);

    doc.add_boolean_term(std::string(kIdPrefix) + w.id);
    doc.set_data(nlohmann::json(w).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return doc;
}

Work stored_work(const Xapian::Document& doc) {
    Work w;
    try {
        from_json(nlohmann::json::parse(doc.get_data()), w);
    } catch (const nlohmann::json::exception& e) {
        // Only a document paperdex did not write (or a damaged index) gets here; the JSON library's exception type
        // stays out of the public API.
        throw IndexError("document " + std::to_string(doc.get_docid()) + " holds no paperdex work: " + json_error_reason(e));
    }
    return w;
}

}  // namespace paperdex
