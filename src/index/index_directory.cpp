// The index directory's layout (include/paperdex/index/index_directory.h): the only file that spells it.
#include "paperdex/index/index_directory.h"

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "index/durable_files.h"
#include "index/xapian_error.h"
#include "paperdex/error.h"
#include "paperdex/index/schema.h"
#include "paperdex/index/shard_layout.h"

namespace fs = std::filesystem;

namespace paperdex {
namespace {

constexpr const char* kCurrent = "current";
constexpr const char* kGenerationPrefix = "gen-";
constexpr const char* kStagingSuffix = ".building";  // also ends the parts directory: one sweep clears both
constexpr const char* kLockName = ".rebuild.lock";
constexpr const char* kAuthorsDirName = "authors";

std::string generation_name(std::uint64_t generation) { return kGenerationPrefix + std::to_string(generation); }

// The names in `dir`, as far as it can be listed: the error_code forms throughout, since a range-for over a
// directory_iterator throws filesystem_error from its increment.
std::vector<std::string> entry_names(const fs::path& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        names.push_back(it->path().filename().string());
    return names;
}

fs::path absolute_or_given(const std::string& dir) {
    std::error_code ec;
    fs::path path = fs::absolute(dir, ec);  // fails for "" (then nothing is found there)
    return ec ? fs::path(dir) : path;
}

}  // namespace

IndexDirectory::Lock::Lock(Lock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

IndexDirectory::Lock::~Lock() {
    if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

IndexDirectory::IndexDirectory(const std::string& dir) : dir_(absolute_or_given(dir)), given_(dir) {}

std::string IndexDirectory::resolve() const {
    std::error_code ec;
    // The error_code forms: `current` may dangle for a moment (a generation pruned under a reader); that is NotFound.
    if (fs::exists(dir_ / kCurrent, ec))
        if (auto path = fs::canonical(dir_ / kCurrent, ec); !ec) return path.string();
    if (holds_database(dir_.string()))
        if (auto path = fs::canonical(dir_, ec); !ec) return path.string();
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
    // A sharded generation is a directory with a stub (shard_layout.h), which Xapian::Database opens as well.
    return fs::exists(fs::path(path) / "iamglass", ec) || fs::exists(fs::path(path) / "iamchert", ec) ||
           fs::exists(fs::path(path) / "XAPIANDB", ec);
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
    for (const auto& name : entry_names(dir_))
        if (fs::path(name).extension() == kStagingSuffix) fs::remove_all(dir_ / name, ec);
}

std::uint64_t IndexDirectory::next_generation() const {
    static const std::regex gen_re(std::string(kGenerationPrefix) + R"((\d+)(\.building)?)");
    std::uint64_t highest = 0;
    for (const auto& name : entry_names(dir_)) {
        std::smatch m;
        // strtoull, not stoull: a number too long for 64 bits saturates instead of throwing out_of_range.
        if (std::regex_match(name, m, gen_re))
            highest = std::max<std::uint64_t>(highest, std::strtoull(m[1].str().c_str(), nullptr, 10));
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
    for (const auto& name : entry_names(dir_))
        if (name.rfind(kGenerationPrefix, 0) == 0 && name != kept && name != previous) fs::remove_all(dir_ / name, ec);
}

std::string resolve_index(const std::string& index_dir) { return IndexDirectory(index_dir).resolve(); }

namespace {

// The layout version is checked wherever the works are read from: a front end of remote shards too.
void check_layout(const Xapian::Database& db, const std::string& path, const std::string& index_dir) {
    const std::string version =
        with_xapian_errors("reading index " + path, [&] { return db.get_metadata(std::string(schema::kSchemaVersionKey)); });
    if (version != schema::kSchemaVersion)
        throw IndexError("index " + path + " has layout version " + (version.empty() ? "1" : version) +
                         ", this paperdex reads version " + std::string(schema::kSchemaVersion) +
                         ": rebuild it (paperdex-corpus rebuild --corpus CORPUS --index " + index_dir + ")");
}

}  // namespace

Xapian::Database open_index(const std::string& index_dir) {
    const std::string path = resolve_index(index_dir);
    Xapian::Database db = with_xapian_errors("opening index " + path, [&] { return Xapian::Database(path); });
    check_layout(db, path, index_dir);
    return db;
}

Xapian::Database open_index(const std::string& index_dir, const std::vector<RemoteShard>& shards, const RemoteTimeouts& timeouts) {
    Xapian::Database db = open_remote_shards(shards, timeouts);
    std::string names;
    for (const auto& s : shards) names += (names.empty() ? "" : " ") + s.url();
    check_layout(db, "shards " + names, index_dir);
    return db;
}

Xapian::Database open_index_in_shard_processes(const std::string& index_dir, const RemoteTimeouts& timeouts) {
    const std::string path = resolve_index(index_dir);
    const unsigned shards = ShardLayout::shards_of(path);
    if (shards <= 1) return open_index(index_dir);
    Xapian::Database db = open_shard_processes(path, shards, timeouts);
    check_layout(db, path, index_dir);
    return db;
}

Xapian::Database open_local_spelling(const std::string& index_dir) {
    const fs::path gen = resolve_index(index_dir);
    const fs::path shard0 = gen / ShardLayout::shard_name(0);
    std::string path;
    if (IndexDirectory::holds_database(shard0.string()))
        path = shard0.string();
    else if (ShardLayout::shards_of(gen.string()) == 1 && IndexDirectory::holds_database(gen.string()))
        path = gen.string();
    if (path.empty()) return Xapian::Database();
    return with_xapian_errors("opening the spelling table in " + path, [&] { return Xapian::Database(path); });
}

}  // namespace paperdex
