// rebuild(): corpus → DIR/gen-N.building → DIR/gen-N → DIR/current (atomic symlink rename).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <regex>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "paperdex/authors.h"
#include "paperdex/error.h"
#include "paperdex/indexer.h"

namespace fs = std::filesystem;

namespace paperdex {
namespace {

constexpr const char* kCurrent = "current";

// Generation numbers present in `dir` (gen-N directories, finished or not).
int highest_generation(const fs::path& dir) {
    static const std::regex gen_re(R"(gen-(\d+)(\.building)?)");
    int best = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        std::smatch m;
        std::string name = e.path().filename().string();
        if (std::regex_match(name, m, gen_re)) best = std::max(best, std::stoi(m[1]));
    }
    return best;
}

std::uint64_t directory_bytes(const fs::path& dir) {
    std::uint64_t total = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) total += e.file_size();
    return total;
}

// One rebuild at a time per index directory; a second one fails fast instead of racing the swap.
class RebuildLock {
public:
    explicit RebuildLock(const fs::path& dir) {
        fd_ = ::open((dir / ".rebuild.lock").c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
        if (fd_ < 0 || ::flock(fd_, LOCK_EX | LOCK_NB) != 0)
            throw IndexError("another rebuild is running in " + dir.string() + " (lock .rebuild.lock)");
    }
    ~RebuildLock() {
        if (fd_ >= 0) ::close(fd_);
    }
private:
    int fd_ = -1;
};

class Progress {
public:
    Progress(bool on, std::uint64_t total_bytes) : on_(on && ::isatty(2)), total_bytes_(total_bytes) {}
    void tick(std::size_t works, std::uint64_t bytes_done) {
        if (!on_ || (works & 255) != 0) return;
        auto now = std::chrono::steady_clock::now();
        if (now - last_ < std::chrono::milliseconds(500)) return;
        last_ = now;
        double s = std::chrono::duration<double>(now - start_).count();
        double rate = works / std::max(s, 1e-9);
        std::fprintf(stderr, "\r%zu works, %.0f works/s", works, rate);
        if (bytes_done > 0 && total_bytes_ > bytes_done)
            std::fprintf(stderr, ", ETA %.0f s   ", s * double(total_bytes_ - bytes_done) / double(bytes_done));
        else
            std::fprintf(stderr, "            ");
    }
    void done() {
        if (on_) std::fprintf(stderr, "\n");
    }
private:
    bool on_;
    std::uint64_t total_bytes_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_ = start_;
};

}  // namespace

std::string resolve_index(const std::string& index_dir) {
    fs::path dir(index_dir);
    std::error_code ec;
    if (fs::exists(dir / kCurrent, ec)) return fs::canonical(dir / kCurrent).string();
    if (fs::exists(dir / "iamglass", ec) || fs::exists(dir / "iamchert", ec)) return fs::canonical(dir).string();
    throw NotFound("no index in " + index_dir + " (build one with: paperdex-corpus rebuild --corpus corpus --index " +
                   index_dir + ")");
}

Xapian::Database open_index(const std::string& index_dir) {
    std::string path = resolve_index(index_dir);
    try {
        return Xapian::Database(path);
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open index " + path + ": " + e.get_description());
    }
}

RebuildResult rebuild(const RebuildOptions& opt) {
    if (opt.index_dir.empty()) throw InvalidArgument("index", "an index directory is required");
    const auto files = corpus_files(opt.corpus_paths);  // throws CorpusError for a missing path, before any work
    if (files.empty()) throw CorpusError(opt.corpus_paths.empty() ? "" : opt.corpus_paths.front(), 0, "no *.jsonl or *.jsonl.gz files");

    const fs::path dir = fs::absolute(opt.index_dir);
    fs::create_directories(dir);
    RebuildLock lock(dir);

    // Leftovers of an interrupted rebuild are never served; clear them first.
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".building") fs::remove_all(e.path());

    const int gen = highest_generation(dir) + 1;
    const fs::path final_path = dir / ("gen-" + std::to_string(gen));
    const fs::path staging = dir / ("gen-" + std::to_string(gen) + ".building");
    auto t0 = std::chrono::steady_clock::now();

    RebuildResult result;
    std::uint64_t total_bytes = 0, bytes_done = 0;
    for (const auto& f : files) total_bytes += fs::file_size(f);
    try {
        Xapian::WritableDatabase db(staging.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
        DocumentBuilder builder;
        builder.set_database(db);
        Progress progress(opt.progress, total_bytes);
        std::size_t added = 0;
        for (const auto& f : files) {
            read_corpus(
                f,
                [&](Work&& w) {
                    db.replace_document(std::string("Q") + w.id, builder.build(w));
                    progress.tick(++added, bytes_done);
                },
                [&](const CorpusError& e) { result.errors.push_back(e); });
            bytes_done += fs::file_size(f);
        }
        progress.done();
        if (opt.strict && !result.errors.empty())
            throw CorpusError(result.errors.front().file(), result.errors.front().line(),
                              result.errors.front().reason() + " (and " + std::to_string(result.errors.size() - 1) +
                                  " more; --strict keeps the serving index)");
        db.set_metadata("paperdex:generation", std::to_string(gen));
        db.commit();
        result.works = db.get_doccount();
        build_author_index(db, author_index_path(staging.string()));  // same generation as the works (authors.h)
        db.close();
        fs::rename(staging, final_path);
    } catch (const Xapian::Error& e) {
        fs::remove_all(staging);
        throw IndexError("rebuild of " + final_path.string() + " failed: " + e.get_description());
    } catch (...) {
        fs::remove_all(staging);
        throw;
    }

    // Atomic switch: a new symlink renamed over `current`.
    const fs::path tmp_link = dir / (std::string(kCurrent) + ".tmp");
    std::error_code ec;
    fs::path previous = fs::is_symlink(dir / kCurrent, ec) ? fs::read_symlink(dir / kCurrent, ec) : fs::path();
    fs::remove(tmp_link, ec);
    fs::create_directory_symlink(final_path.filename(), tmp_link);
    fs::rename(tmp_link, dir / kCurrent);

    // Keep the new and the previous generation (a server may still be reading it); drop older ones.
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("gen-", 0) == 0 && e.path().filename() != final_path.filename() && e.path().filename() != previous)
            fs::remove_all(e.path(), ec);
    }

    result.rejected = result.errors.size();
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    result.bytes = directory_bytes(final_path);
    result.generation_dir = final_path.string();
    return result;
}

}  // namespace paperdex
