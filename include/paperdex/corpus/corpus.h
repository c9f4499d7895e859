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

/// Expands files and directories into the corpus files they hold (`*.jsonl`, `*.jsonl.gz`,
/// directories non-recursively), sorted by name. @throws CorpusError(path, 0) if a path does not exist.
std::vector<std::string> corpus_files(const std::vector<std::string>& paths);

/// Streams every valid Work of `path` to `on_work`; each line that is not valid JSON or fails
/// validate() goes to `on_error` as CorpusError("file", line, reason) and is counted, not thrown.
/// Blank lines are skipped (not counted). @throws CorpusError(path, 0) if the file cannot be opened.
CorpusStats read_corpus(const std::string& path, const std::function<void(Work&&)>& on_work,
                        const std::function<void(const CorpusError&)>& on_error);

/// As read_corpus(), and `on_work` also gets the Work's 1-based line number (to report duplicates by place).
CorpusStats read_corpus_numbered(const std::string& path, const std::function<void(Work&&, std::size_t line)>& on_work,
                                 const std::function<void(const CorpusError&)>& on_error);

/// Writes Works as JSONL; gzip-compressed when `path` ends in ".gz". Output is complete only after close().
/// @throws CorpusError(path, 0) if the file cannot be created or written.
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
