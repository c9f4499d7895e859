// Every importer over one input file: the first byte picks the format, the rest is the file. import() promises
// not to throw for its inputs (a bad record is reported and counted), so any exception escaping is a finding.
#include <sys/mman.h>
#include <unistd.h>

#include <string>

#include "fuzz_target.h"
#include "paperdex/importers/importers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const char* const kFormats[] = {"bzpeer-profile", "arxiv-listing", "arxiv-daily", "arxiv-oai",
                                           "openalex",       "beir",          "smart",       "corpus"};
    if (size < 1) return 0;
    const char* format = kFormats[data[0] % (sizeof kFormats / sizeof kFormats[0])];
    // An in-memory file: no disk, and /proc/self/fd/N is a path every importer can open.
    const int fd = ::memfd_create("fuzz-input", 0);
    if (fd < 0) return 0;
    if (::write(fd, data + 1, size - 1) != static_cast<ssize_t>(size - 1)) {
        ::close(fd);
        return 0;
    }
    const std::string path = "/proc/self/fd/" + std::to_string(fd);
    const auto result = paperdex::importers::import(format, {path});
    ::close(fd);
    if (result.works.size() > result.read) __builtin_trap();  // every work was counted as read
    return 0;
}
