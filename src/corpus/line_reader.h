#pragma once
/// Line-by-line reading of plain or gzip-compressed text files (zlib's gzread handles both).
#include <cstddef>
#include <string>

namespace paperdex {

/// Reads `path` one line at a time; a `.gz` file is decompressed transparently.
/// @throws CorpusError(path, 0, ...) if the file cannot be opened or is corrupt.
class LineReader {
public:
    explicit LineReader(const std::string& path);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    /// Next line without its trailing "\n" / "\r\n"; false at end of file.
    bool next(std::string& line);
    /// 1-based number of the line last returned by next().
    std::size_t line_number() const noexcept { return line_no_; }
    const std::string& path() const noexcept { return path_; }

private:
    std::string path_;
    void* gz_ = nullptr;  // gzFile, kept opaque so that zlib.h stays out of the public surface
    std::size_t line_no_ = 0;
};

/// Whole file (plain or gzip) as one string. @throws CorpusError if unreadable.
std::string read_file(const std::string& path);

}  // namespace paperdex
