#pragma once
// The author database's layout (DIR/gen-N/authors), shared by its one writer (index/author_index_writer.cpp) and
// its one reader (authors/author_index.cpp); the works database's table is paperdex/index/schema.h.
#include <string>
#include <string_view>

#include <xapian.h>

#include "paperdex/index/author_graph.h"

namespace paperdex::author_db {

inline constexpr std::string_view kKeyPrefix = "Q";
inline constexpr std::string_view kNameWordPrefix = "N";
inline constexpr Xapian::valueno kWorksSlot = 0;
inline constexpr Xapian::valueno kNameSlot = 1;
inline constexpr Xapian::valueno kRecordSlot = 2;
inline constexpr const char* kNewestDateKey = "paperdex:newest_date";

/// The record as the flat text stored in kRecordSlot.
std::string encode_record(const AuthorRecord& r);
/// @throws IndexError (naming the field, "rebuild the index") if `text` is not a record encode_record() wrote.
AuthorRecord decode_record(std::string_view text);

}  // namespace paperdex::author_db
