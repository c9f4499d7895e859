#pragma once
// Listing the input files of a directory, shared by the corpus reader and the importers: both take a path that
// may name a file or a directory of files, and both must report (not throw filesystem_error for) a directory
// that cannot be listed.
#include <string>
#include <system_error>
#include <vector>

namespace paperdex {

/// The regular files directly in `dir` whose names end in one of `suffixes` (all when empty), as paths sorted by
/// name. An entry that cannot be stat'ed (a dangling link) is skipped; a directory that cannot be listed sets
/// `ec` and returns what was read so far.
std::vector<std::string> directory_files(const std::string& dir, const std::vector<std::string>& suffixes,
                                         std::error_code& ec);

}  // namespace paperdex
