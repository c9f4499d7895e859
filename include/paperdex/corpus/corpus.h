#pragma once
/// Reading and writing the canonical corpus: one Work as JSON per line, `.jsonl` or `.jsonl.gz`.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "paperdex/error.h"
#include "paperdex/corpus/work.h"

namespace paperdex {

/// Counts a bulk read or import ends with. Nothing is dropped silently: read = written + merged + rejected
/// for an import; read = accepted + rejected for a corpus read.
struct CorpusStats {
    std::size_t read = 0;
    std::size_t accepted = 0;
    std::size_t rejected = 0;
};

/// The longest line a corpus or source file may have, in bytes (16 MiB, hundreds of times the longest real
/// record). A longer line is reported as "file:line: line longer than 16 MiB" and skipped without being held
/// whole, so one runaway line (a file without newlines) cannot exhaust memory.
inline constexpr std::size_t kMaxLineBytes = std::size_t{16} << 20;

/// Expands files and directories into the corpus files they hold (`*.jsonl`, `*.jsonl.gz`,
/// directories non-recursively), sorted by name. A file is returned whatever its name.
/// @throws CorpusError(path, 0) if a path does not exist or a directory cannot be listed.
std::vector<std::string> corpus_files(const std::vector<std::string>& paths);

/// Streams every valid Work of `path` to `on_work`; each line that is not valid JSON or fails
/// validate() goes to `on_error` as CorpusError("file", line, reason) and is counted, not thrown.
/// A line over kMaxLineBytes is such an error too. Blank lines are skipped (not counted). Exceptions thrown by
/// `on_work` or `on_error` pass through unchanged.
/// @throws CorpusError(path, 0) if the file cannot be opened; CorpusError(path, line) if it cannot be read on
///         (a damaged gzip stream), after the lines before it were delivered.
CorpusStats read_corpus(const std::string& path, const std::function<void(Work&&)>& on_work,
                        const std::function<void(const CorpusError&)>& on_error);

/// As read_corpus(), and `on_work` also gets the Work's 1-based line number (to report duplicates by place).
/// @throws as read_corpus().
CorpusStats read_corpus_numbered(const std::string& path, const std::function<void(Work&&, std::size_t line)>& on_work,
                                 const std::function<void(const CorpusError&)>& on_error);

/// Writes Works as JSONL; gzip-compressed when `path` ends in ".gz". Output is complete only after close().
/// Invalid UTF-8 in a Work's strings is written as U+FFFD, so a Work never fails to serialise.
/// The constructor @throws CorpusError(path, 0) if the file cannot be created; write() @throws
/// CorpusError(path, n) for the n-th work if it cannot be written; close() @throws CorpusError(path, 0) if the
/// end of the file cannot be written (writes are buffered, so a full disk may show only here). The destructor
/// closes without throwing; call close() to know that the file is complete.
class CorpusWriter {
public:
    explicit CorpusWriter(const std::string& path);
    ~CorpusWriter();
    void write(const Work& w);
    void close();
    std::size_t written() const noexcept { return written_; }
private:
    std::string path_;
    void* gz_ = nullptr;
    std::size_t written_ = 0;
};

}  // namespace paperdex
