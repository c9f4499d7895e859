#include "paperdex/corpus/corpus.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <nlohmann/json.hpp>
#include <zlib.h>

#include "corpus/directory_files.h"
#include "corpus/json_excerpt.h"
#include "corpus/line_reader.h"

namespace fs = std::filesystem;

namespace paperdex {
std::vector<std::string> corpus_files(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            // The error_code form: a directory that cannot be listed is a CorpusError, not a filesystem_error.
            auto in_dir = directory_files(p, {".jsonl", ".jsonl.gz"}, ec);
            if (ec) throw CorpusError(p, 0, "cannot list: " + ec.message());
            out.insert(out.end(), in_dir.begin(), in_dir.end());
        } else if (fs::exists(p, ec)) {
            out.push_back(p);
        } else {
            throw CorpusError(p, 0, "no such file or directory");
        }
    }
    return out;
}

CorpusStats read_corpus(const std::string& path, const std::function<void(Work&&)>& on_work,
                        const std::function<void(const CorpusError&)>& on_error) {
    return read_corpus_numbered(path, [&](Work&& w, std::size_t) { on_work(std::move(w)); }, on_error);
}

CorpusStats read_corpus_numbered(const std::string& path, const std::function<void(Work&&, std::size_t line)>& on_work,
                                 const std::function<void(const CorpusError&)>& on_error) {
    CorpusStats stats;
    auto reject = [&](const CorpusError& e) {
        ++stats.rejected;
        on_error(e);
    };
    for_each_record_line(
        path,
        [&](std::string& line, std::size_t line_no) {
            ++stats.read;
            Work w;
            try {
                from_json(nlohmann::json::parse(line), w);
            } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for 1e999
                return reject(CorpusError(path, line_no, json_error_reason(e)));
            } catch (const Error& e) {
                return reject(CorpusError(path, line_no, e.what()));
            }
            auto problems = validate(w);
            if (!problems.empty()) {
                std::string reason;
                for (const auto& p : problems) reason += (reason.empty() ? "" : "; ") + p;
                return reject(CorpusError(path, line_no, reason));
            }
            ++stats.accepted;
            on_work(std::move(w), line_no);
        },
        [&](const LineTooLong& e) {
            ++stats.read;
            reject(e);
        });
    return stats;
}

CorpusWriter::CorpusWriter(const std::string& path) : path_(path) {
    bool gz = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
    gzFile f = gzopen(path.c_str(), gz ? "wb6" : "wT");
    if (!f) throw CorpusError(path, 0, std::string("cannot create: ") + std::strerror(errno));
    gz_ = f;
}

CorpusWriter::~CorpusWriter() {
    if (gz_) gzclose(static_cast<gzFile>(gz_));
}

void CorpusWriter::write(const Work& w) {
    std::string line = nlohmann::json(w).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    line.push_back('\n');
    if (gzwrite(static_cast<gzFile>(gz_), line.data(), static_cast<unsigned>(line.size())) != static_cast<int>(line.size()))
        throw CorpusError(path_, written_ + 1, "cannot write");
    ++written_;
}

void CorpusWriter::close() {
    if (!gz_) return;
    int rc = gzclose(static_cast<gzFile>(gz_));
    gz_ = nullptr;
    if (rc != Z_OK) throw CorpusError(path_, 0, "cannot finish writing");
}

}  // namespace paperdex
