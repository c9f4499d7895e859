#pragma once
// Fixtures that cost seconds (indexes built from real data) are built once per ctest run, not once per test case:
// ctest runs each TEST_CASE as its own process, so a static in a test binary would be rebuilt by every case.
//
// Under ctest every case that uses them has PAPERDEX_TEST_FIXTURES set to <build>/test-fixtures, and the fixture
// test `test_fixtures` (tests/support/build_fixtures.cpp, a ctest FIXTURES_SETUP) empties that folder and builds
// them all before those cases start. A case finds a fixture there by name; one that is missing (a run without the
// setup test) is built in place under a file lock, so parallel cases never race and never see half a fixture.
// A test binary run by hand (no PAPERDEX_TEST_FIXTURES) builds what it uses in a TempDir of its own, as before.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <system_error>

#include "temp_dir.h"

namespace paperdex::testing {

/// The folder that holds this ctest run's shared fixtures ($PAPERDEX_TEST_FIXTURES), or empty outside ctest.
inline std::filesystem::path shared_fixture_root() {
    const char* root = std::getenv("PAPERDEX_TEST_FIXTURES");
    return root && *root ? std::filesystem::path(root) : std::filesystem::path();
}

/// The folder of fixture `name`, made by `build(folder)` (which gets an empty, existing folder) unless it is
/// there already; see the top of this file for where. Throws what `build` throws (a failed build leaves nothing
/// behind) and std::system_error if the lock file cannot be made.
inline std::string shared_fixture(const std::string& name, const std::function<void(const std::string&)>& build) {
    namespace fs = std::filesystem;
    const fs::path root = shared_fixture_root();
    if (root.empty()) {
        static const TempDir own("fixtures");  // removed at exit
        const fs::path dir = own.path / name;
        if (!fs::exists(dir)) {
            fs::create_directories(dir);
            build(dir.string());
        }
        return dir.string();
    }
    const fs::path dir = root / name, done = root / (name + ".done");
    if (fs::exists(done)) return dir.string();
    fs::create_directories(root);
    const std::string lock_path = (root / (name + ".lock")).string();
    const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "open " + lock_path);
    struct Unlock {
        int fd;
        ~Unlock() { ::close(fd); }  // closing the descriptor releases the lock
    } unlock{fd};
    while (::flock(fd, LOCK_EX) != 0)
        if (errno != EINTR) throw std::system_error(errno, std::generic_category(), "flock " + lock_path);
    if (!fs::exists(done)) {  // whoever held the lock before may have built it
        fs::remove_all(dir);
        fs::create_directories(dir);
        try {
            build(dir.string());
        } catch (...) {
            std::error_code ec;
            fs::remove_all(dir, ec);
            throw;
        }
        std::ofstream(done) << name << "\n";
    }
    return dir.string();
}

}  // namespace paperdex::testing
