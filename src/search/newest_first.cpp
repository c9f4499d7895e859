#include "search/newest_first.h"

#include "paperdex/index/schema.h"

namespace paperdex {
namespace {

// Every date is "YYYY-MM-DD", so every dated work has a date value >= "0".
const std::string kAnyDate = "0";

Xapian::MSet sorted_page(const Xapian::Database& db, const Xapian::Query& query, Xapian::valueno slot,
                         Xapian::doccount offset, Xapian::doccount count) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(slot, true);
    // Checking every match makes the total exact; these are an author's works, not a corpus.
    return enquire.get_mset(offset, count, db.get_doccount());
}

}  // namespace

NewestWorks newest_first(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount offset,
                         Xapian::doccount count) {
    const Xapian::Query dated_only(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, kAnyDate);
    const Xapian::Query dated(Xapian::Query::OP_FILTER, query, dated_only);
    const Xapian::Query undated(Xapian::Query::OP_AND_NOT, query, dated_only);
    NewestWorks out;
    const Xapian::MSet first = sorted_page(db, dated, schema::kDateSlot, offset, count);
    const Xapian::doccount n_dated = first.get_matches_estimated();
    for (auto it = first.begin(); it != first.end(); ++it) out.works.push_back(it.get_document());
    const Xapian::doccount undated_offset = offset > n_dated ? offset - n_dated : 0;
    const Xapian::doccount left = count - static_cast<Xapian::doccount>(out.works.size());
    const Xapian::MSet rest = sorted_page(db, undated, schema::kYearSlot, undated_offset, left);
    for (auto it = rest.begin(); it != rest.end(); ++it) out.works.push_back(it.get_document());
    out.total = n_dated + rest.get_matches_estimated();
    return out;
}

}  // namespace paperdex
