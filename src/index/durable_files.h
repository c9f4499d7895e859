#pragma once
// Making a finished generation survive a crash or a power loss before `current` points at it. A rename is atomic,
// but without fsync the kernel may write the new name before the data it names (or lose the rename itself), so
// after a crash `current` could point at a generation whose files are empty or missing.
#include <filesystem>

namespace paperdex::durable {

/// Forces `path` to stable storage (fsync): a file's data, or a directory's entries (names created, renamed or
/// removed in it). @throws IndexError naming the path if it cannot be opened or synced.
void sync(const std::filesystem::path& path);

/// Syncs every file and directory under `dir`, then `dir` itself: a tree written without syncs (a database
/// written with DB_NO_SYNC, names renamed into it) is on disk once this returns.
/// @throws IndexError naming the path that cannot be listed or synced.
void sync_tree(const std::filesystem::path& dir);

/// Renames `from` to `to` (atomic within one filesystem), then syncs the directory holding `to` so that the new
/// name survives a crash. @throws IndexError naming both paths if the rename fails, or as sync().
void rename(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace paperdex::durable
