#include "index/durable_files.h"

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

#include "paperdex/error.h"

namespace fs = std::filesystem;

namespace paperdex::durable {
namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path, int error) {
    throw IndexError("cannot " + what + " " + path.string() + ": " + std::strerror(error));
}

}  // namespace

void sync(const fs::path& path) {
    // O_RDONLY is enough for fsync on Linux, and the only way to open a directory.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail("open for syncing", path, errno);
    const int synced = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (synced != 0) fail("sync", path, error);
}

void sync_tree(const fs::path& dir) {
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const auto type = it->symlink_status(ec).type();
        if (ec) break;
        if (type == fs::file_type::regular || type == fs::file_type::directory) sync(it->path());
    }
    if (ec) throw IndexError("cannot list " + dir.string() + " for syncing: " + ec.message());
    sync(dir);
}

void rename(const fs::path& from, const fs::path& to) {
    if (::rename(from.c_str(), to.c_str()) != 0)
        throw IndexError("cannot rename " + from.string() + " to " + to.string() + ": " + std::strerror(errno));
    sync(to.parent_path());
}

}  // namespace paperdex::durable
