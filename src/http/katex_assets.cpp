// mount_katex: Debian's libjs-katex, read in place (as Debian's javascript-common serves /javascript/), so a
// security update of the package reaches paperdex without a rebuild or a copy to keep in step.
#include "http/katex_assets.h"

#include <filesystem>
#include <iostream>

namespace paperdex::http {

void mount_katex(httplib::Server& server, const std::string& dir_in) {
    const std::string dir = dir_in.empty() ? std::string(PAPERDEX_KATEX_DIR) : dir_in;
    std::error_code ec;
    // The package's files change only with the package: a day's caching saves reloading 600 kB per visit.
    if (!std::filesystem::is_directory(dir, ec) ||
        !server.set_mount_point(kKatexMountPoint, dir, {{"Cache-Control", "public, max-age=86400"}}))
        std::cerr << "paperdex serve: no KaTeX (" << dir
                  << " is not a directory; Debian package libjs-katex): math shows as TeX source\n";
}

}  // namespace paperdex::http
