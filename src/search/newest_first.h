#pragma once
/// Works newest first: by date (schema::kDateSlot) descending, the undated ones after them by year descending,
/// ties by docid. That is the order a Xapian::MultiValueKeyMaker(date desc, year desc) gives, but Xapian 1.4's
/// remote backend refuses every KeyMaker ("Xapian::KeyMaker not supported for the remote backend"), so this
/// runs two matches sorted by one value slot each, which stock xapian-tcpsrv runs, and joins them.
#include <vector>

#include <xapian.h>

namespace paperdex {

struct NewestWorks {
    std::vector<Xapian::Document> works;  ///< the page, newest first
    Xapian::doccount total = 0;           ///< every work `query` matches (exact)
};

/// The works `query` matches, newest first, from `offset` (0-based) for at most `count`.
/// Throws Xapian::Error (callers wrap it with with_xapian_errors).
NewestWorks newest_first(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount offset,
                         Xapian::doccount count);

}  // namespace paperdex
