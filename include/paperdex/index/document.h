#pragma once
/// Work → Xapian::Document following schema.h, and the Work back from a stored document.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "paperdex/corpus/work.h"

namespace paperdex {

/// A work's author and topic facet ordinals (facet_dictionary.h), packed in the order of its packed values;
/// rebuild numbers them on its reading thread and DocumentBuilder stores them.
struct FacetOrdinals {
    std::string authors, topics;
};

/// Turns Works into Xapian documents following schema.h: positional stemmed free text
/// (title with extra wdf + abstract), prefixed title/author/topic/venue text, boolean filter
/// terms, facet value slots (and the author and topic values' ordinals when rebuild numbered them), spelling
/// data (title words), and the Work's JSON as document data.
/// Not thread-safe (owns a TermGenerator); use one per thread.
class DocumentBuilder {
public:
    DocumentBuilder();
    /// @param ordinals the work's facet ordinals, or nullptr (its author and topic facets are then counted by
    ///        string, as in any index without facet dictionaries).
    /// @throws InvalidArgument("id", ...) if the work has no id.
    Xapian::Document build(const Work& w, const FacetOrdinals* ordinals = nullptr);
    /// The author facet's values of `w` as build() stores them (schema::pack_values of the squeezed names).
    static std::string packed_authors(const Work& w);
    /// The topic facet's values of `w` as build() stores them.
    static std::string packed_topics(const Work& w);
    /// Makes the builder add spelling data to `db` (Xapian spelling correction), from title words only.
    void set_database(Xapian::WritableDatabase& db);
private:
    Xapian::TermGenerator termgen_;
    bool spelling_ = false;
};

/// The Work a document built by DocumentBuilder carries as its data (its JSON).
/// @throws IndexError if the data is not JSON (not a paperdex document, or a damaged one); InvalidArgument(field)
///         if a field has the wrong type (`field` names it: "year", "authors", …).
Work stored_work(const Xapian::Document& doc);

}  // namespace paperdex
