#pragma once
// The one temporary directory of the tests: fresh and unique (mkdtemp), removed with everything in it when the
// TempDir goes out of scope.
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

namespace paperdex::testing {

/// A fresh, empty directory under the system temp dir, named paperdex-<name>-XXXXXX; removed by the destructor.
/// Throws std::system_error if it cannot be made.
struct TempDir {
    std::filesystem::path path;

    explicit TempDir(std::string_view name = "test") {
        std::string tmpl = (std::filesystem::temp_directory_path() / ("paperdex-" + std::string(name) + "-XXXXXX")).string();
        if (::mkdtemp(tmpl.data()) == nullptr)
            throw std::system_error(errno, std::generic_category(), "mkdtemp " + tmpl);
        path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    /// Writes `content` (bytes as given) to `name` under the directory, making its parent folders; returns its path.
    std::string write(const std::string& name, const std::string& content) const {
        const auto p = path / name;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << content;
        return p.string();
    }
};

}  // namespace paperdex::testing
