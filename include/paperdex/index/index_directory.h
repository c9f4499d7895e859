#pragma once
/// The index directory: generations DIR/gen-N, the `current` symlink, and opening what it serves.
#include <string>

#include <xapian.h>

namespace paperdex {

/// The directory a reader should open for `index_dir`: DIR/current resolved if it exists, else DIR itself
/// when it is a plain Xapian database. @throws NotFound if neither exists.
std::string resolve_index(const std::string& index_dir);

/// Opens `index_dir` (through resolve_index). @throws NotFound; IndexError if Xapian cannot open it or it was
/// built with another index layout (schema::kSchemaVersion; the message says to rebuild).
Xapian::Database open_index(const std::string& index_dir);

}  // namespace paperdex
