#include "corpus/directory_files.h"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace paperdex {
namespace {

bool has_suffix(const std::string& name, const std::vector<std::string>& suffixes) {
    if (suffixes.empty()) return true;
    for (const auto& s : suffixes)
        if (name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) return true;
    return false;
}

}  // namespace

std::vector<std::string> directory_files(const std::string& dir, const std::vector<std::string>& suffixes,
                                         std::error_code& ec) {
    std::vector<std::string> files;
    std::error_code skip;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(skip) && has_suffix(it->path().filename().string(), suffixes))
            files.push_back(it->path().string());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace paperdex
