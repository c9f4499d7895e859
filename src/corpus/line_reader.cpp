#include "corpus/line_reader.h"

#include <cerrno>
#include <cstring>

#include <zlib.h>

#include "paperdex/corpus/corpus.h"
#include "paperdex/error.h"

namespace paperdex {

namespace {
constexpr std::size_t kReadBuffer = 1 << 17;
}

LineReader::LineReader(const std::string& path) : path_(path), buf_(kReadBuffer) {
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) throw CorpusError(path, 0, std::string("cannot open: ") + std::strerror(errno));
    gz_ = f;
}

LineReader::~LineReader() {
    if (gz_) gzclose(static_cast<gzFile>(gz_));
}

// Refills buf_; false at end of file. A damaged stream is an error of the line being read.
bool LineReader::fill() {
    auto f = static_cast<gzFile>(gz_);
    int n = gzread(f, buf_.data(), static_cast<unsigned>(buf_.size()));
    if (n > 0) {
        pos_ = 0;
        end_ = static_cast<std::size_t>(n);
        return true;
    }
    int err = 0;
    const char* msg = gzerror(f, &err);
    if (n < 0 || (err != Z_OK && err != Z_STREAM_END))
        throw CorpusError(path_, line_no_ + 1, std::string("cannot read: ") + msg);
    return false;
}

bool LineReader::next(std::string& line) {
    // Split on '\n' by hand: gzgets() gives no length, and strlen() stops at a NUL inside the line.
    line.clear();
    bool got = false, too_long = false;
    while (pos_ < end_ || fill()) {
        got = true;
        const char* start = buf_.data() + pos_;
        const auto* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
        const std::size_t n = nl ? static_cast<std::size_t>(nl - start) : end_ - pos_;
        pos_ += n + (nl ? 1 : 0);
        if (!too_long && line.size() + n > kMaxLineBytes) {
            too_long = true;  // from here on the line is only scanned for its end
            std::string().swap(line);
        }
        if (!too_long) line.append(start, n);
        if (nl) break;
    }
    if (!got) return false;
    ++line_no_;
    if (too_long) throw LineTooLong(path_, line_no_, "line longer than " + std::to_string(kMaxLineBytes >> 20) + " MiB");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

void for_each_record_line(const std::string& path, const std::function<void(std::string& line, std::size_t line_no)>& on_line,
                          const std::function<void(const LineTooLong&)>& on_too_long) {
    LineReader in(path);
    std::string line;
    for (;;) {
        try {
            if (!in.next(line)) return;
        } catch (const LineTooLong& e) {
            on_too_long(e);
            continue;
        }
        if (line.find_first_not_of(" \t") != std::string::npos) on_line(line, in.line_number());
    }
}

std::string read_file(const std::string& path) {
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) throw CorpusError(path, 0, std::string("cannot open: ") + std::strerror(errno));
    std::string out;
    char buf[1 << 16];
    int n;
    while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    int err = 0;
    const char* msg = gzerror(f, &err);
    std::string m = msg ? msg : "";
    gzclose(f);
    if (n < 0) throw CorpusError(path, 0, "cannot read: " + m);
    return out;
}

}  // namespace paperdex
