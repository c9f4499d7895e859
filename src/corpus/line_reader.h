#pragma once
/// Line-by-line reading of plain or gzip-compressed text files (zlib's gzread handles both).
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "paperdex/error.h"

namespace paperdex {

/// A line longer than kMaxLineBytes, skipped whole. Unlike other CorpusErrors from LineReader::next(), the
/// reader stays usable: the next call returns the line after it.
class LineTooLong : public CorpusError {
public:
    using CorpusError::CorpusError;
};

/// Reads `path` one line at a time; a `.gz` file is decompressed transparently. A line is every byte up to
/// "\n", NUL bytes included, so a damaged line stays one line and the line numbers after it stay right.
/// @throws CorpusError(path, 0, ...) if the file cannot be opened.
class LineReader {
public:
    explicit LineReader(const std::string& path);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    /// Next line without its trailing "\n" / "\r\n"; false at end of file.
    /// @throws LineTooLong(path, line) for a line over kMaxLineBytes, which is skipped, never held whole;
    ///         CorpusError(path, line) if the file cannot be read on (a damaged gzip stream).
    bool next(std::string& line);
    /// 1-based number of the line last returned by next() (or skipped as too long).
    std::size_t line_number() const noexcept { return line_no_; }
    const std::string& path() const noexcept { return path_; }

private:
    bool fill();

    std::string path_;
    void* gz_ = nullptr;  // gzFile, kept opaque so that zlib.h stays out of the public surface
    std::vector<char> buf_;
    std::size_t pos_ = 0, end_ = 0;  // the bytes of buf_ not yet returned
    std::size_t line_no_ = 0;
};

/// Calls `on_line(line, line_no)` for each line of `path` that is not blank (spaces and tabs only), and
/// `on_too_long` for each line over kMaxLineBytes, which is skipped.
/// @throws CorpusError as LineReader; whatever the callbacks throw passes through.
void for_each_record_line(const std::string& path, const std::function<void(std::string& line, std::size_t line_no)>& on_line,
                          const std::function<void(const LineTooLong&)>& on_too_long);

/// Whole file (plain or gzip) as one string. @throws CorpusError if unreadable.
std::string read_file(const std::string& path);

}  // namespace paperdex
