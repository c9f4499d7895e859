#include "corpus/line_reader.h"

#include <cerrno>
#include <cstring>

#include <zlib.h>

#include "paperdex/error.h"

namespace paperdex {

LineReader::LineReader(const std::string& path) : path_(path) {
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) throw CorpusError(path, 0, std::string("cannot open: ") + std::strerror(errno));
    gzbuffer(f, 1 << 17);
    gz_ = f;
}

LineReader::~LineReader() {
    if (gz_) gzclose(static_cast<gzFile>(gz_));
}

bool LineReader::next(std::string& line) {
    line.clear();
    auto f = static_cast<gzFile>(gz_);
    char buf[8192];
    bool got = false;
    while (gzgets(f, buf, sizeof buf)) {
        got = true;
        std::size_t n = std::strlen(buf);
        line.append(buf, n);
        if (n && buf[n - 1] == '\n') break;
    }
    if (!got) {
        int err = 0;
        const char* msg = gzerror(f, &err);
        if (err != Z_OK && err != Z_STREAM_END)
            throw CorpusError(path_, line_no_ + 1, std::string("cannot read: ") + msg);
        return false;
    }
    if (!line.empty() && line.back() == '\n') line.pop_back();
    if (!line.empty() && line.back() == '\r') line.pop_back();
    ++line_no_;
    return true;
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
