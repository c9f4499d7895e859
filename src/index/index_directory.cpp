// The index directory's layout (include/paperdex/index/index_directory.h): the only file that spells it.
#include "paperdex/index/index_directory.h"

#include <algorithm>
#include <regex>
#include <system_error>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "index/durable_files.h"
#include "index/xapian_error.h"
#include "paperdex/error.h"
#include "paperdex/index/schema.h"

namespace fs = std::filesystem;

namespace paperdex {
namespace {

constexpr const char* kCurrent = "current";
constexpr const char* kGenerationPrefix = "gen-";
constexpr const char* kStagingSuffix = ".building";  // also ends the parts directory: one sweep clears both
constexpr const char* kLockName = ".rebuild.lock";
constexpr const char* kAuthorsDirName = "authors";

std::string generation_name(std::uint64_t generation) { return kGenerationPrefix + std::to_string(generation); }

}  // namespace

IndexDirectory::Lock::Lock(Lock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

IndexDirectory::Lock::~Lock() {
    if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

IndexDirectory::IndexDirectory(const std::string& dir) : dir_(fs::absolute(dir)), given_(dir) {}

std::string IndexDirectory::resolve() const {
    std::error_code ec;
    if (fs::exists(dir_ / kCurrent, ec)) return fs::canonical(dir_ / kCurrent).string();
    if (holds_database(dir_.string())) return fs::canonical(dir_).string();
    // Named as the user gave it: the hint is a command line to copy.
    throw NotFound("no index in " + given_ + " (build one with: paperdex-corpus rebuild --corpus corpus --index " + given_ + ")");
}

std::string IndexDirectory::current_link() const {
    std::error_code ec;
    fs::path target = fs::read_symlink(dir_ / kCurrent, ec);
    return ec ? std::string() : target.string();
}

fs::path IndexDirectory::generation_path(std::uint64_t generation) const { return dir_ / generation_name(generation); }

std::uint64_t IndexDirectory::generation_of(const std::string& path) {
    const std::string name = fs::path(path).filename().string();
    const std::string_view prefix(kGenerationPrefix);
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return 0;
    std::uint64_t n = 0;
    for (char c : name.substr(prefix.size())) {
        if (c < '0' || c > '9') return 0;
        n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return n;
}

bool IndexDirectory::holds_database(const std::string& path) {
    // Xapian writes its backend's version file first; its presence is what Xapian::Database itself looks for.
    std::error_code ec;
    return fs::exists(fs::path(path) / "iamglass", ec) || fs::exists(fs::path(path) / "iamchert", ec);
}

std::string IndexDirectory::author_index_path(const std::string& works_dir) {
    return (fs::path(works_dir) / kAuthorsDirName).string();
}

IndexDirectory::Lock IndexDirectory::lock() const {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) throw IndexError("cannot create index directory " + dir_.string() + ": " + ec.message());
    const int fd = ::open((dir_ / kLockName).c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
    Lock held(fd);  // closes fd on the throw below
    if (fd < 0 || ::flock(fd, LOCK_EX | LOCK_NB) != 0)
        throw IndexError("another rebuild is running in " + dir_.string() + " (lock " + kLockName + ")");
    return held;
}

void IndexDirectory::remove_staging() const {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir_, ec))
        if (e.path().extension() == kStagingSuffix) fs::remove_all(e.path(), ec);
}

std::uint64_t IndexDirectory::next_generation() const {
    static const std::regex gen_re(std::string(kGenerationPrefix) + R"((\d+)(\.building)?)");
    std::uint64_t highest = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir_, ec)) {
        std::smatch m;
        const std::string name = e.path().filename().string();
        if (std::regex_match(name, m, gen_re)) highest = std::max<std::uint64_t>(highest, std::stoull(m[1]));
    }
    return highest + 1;
}

fs::path IndexDirectory::staging_path(std::uint64_t generation) const {
    return dir_ / (generation_name(generation) + kStagingSuffix);
}

fs::path IndexDirectory::parts_path(std::uint64_t generation) const {
    return dir_ / (generation_name(generation) + ".parts" + kStagingSuffix);
}

std::string IndexDirectory::switch_current(std::uint64_t generation) const {
    const fs::path link = dir_ / kCurrent;
    const fs::path tmp_link = dir_ / (std::string(kCurrent) + ".tmp");
    std::error_code ec;
    const std::string previous = fs::is_symlink(link, ec) ? fs::read_symlink(link, ec).string() : std::string();
    fs::remove(tmp_link, ec);
    // Relative, so the directory can be moved or mounted elsewhere and still serve.
    fs::create_directory_symlink(generation_name(generation), tmp_link, ec);
    if (!ec) fs::rename(tmp_link, link, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(tmp_link, ignored);
        throw IndexError("cannot switch " + link.string() + " to " + generation_name(generation) + ": " + ec.message());
    }
    durable::sync(dir_);  // the switch itself survives a crash
    return previous;
}

void IndexDirectory::prune(std::uint64_t keep, const std::string& previous) const {
    const std::string kept = generation_name(keep);
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir_, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind(kGenerationPrefix, 0) == 0 && name != kept && name != previous) fs::remove_all(e.path(), ec);
    }
}

std::string resolve_index(const std::string& index_dir) { return IndexDirectory(index_dir).resolve(); }

Xapian::Database open_index(const std::string& index_dir) {
    const std::string path = resolve_index(index_dir);
    Xapian::Database db = with_xapian_errors("opening index " + path, [&] { return Xapian::Database(path); });
    const std::string version =
        with_xapian_errors("reading index " + path, [&] { return db.get_metadata(std::string(schema::kSchemaVersionKey)); });
    if (version != schema::kSchemaVersion)
        throw IndexError("index " + path + " has layout version " + (version.empty() ? "1" : version) +
                         ", this paperdex reads version " + std::string(schema::kSchemaVersion) +
                         ": rebuild it (paperdex-corpus rebuild --corpus CORPUS --index " + index_dir + ")");
    return db;
}

}  // namespace paperdex
