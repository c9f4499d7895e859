#pragma once
// KaTeX for the web page's math, served by paperdex itself: the page's Content-Security-Policy lets it load
// scripts, styles and fonts from its own origin only, and a server must not need the network to show a page.
#include <string>

#include <httplib.h>

namespace paperdex::http {

/// Where KaTeX is served: the web page loads `katex/katex.mjs` and `katex/katex.min.css` (which loads
/// `katex/fonts/…`) relative to itself.
inline constexpr const char* kKatexMountPoint = "/katex/";

/// Serves the files of `dir` (Debian's libjs-katex, /usr/share/javascript/katex, when empty) below
/// kKatexMountPoint, as static files like the web page's (no `..`, GET and HEAD only). If `dir` is not a
/// directory the page still works and shows math as TeX source; a line on stderr says why.
/// Takes the server before it listens; throws nothing (httplib reports a failed mount by its return value).
void mount_katex(httplib::Server& server, const std::string& dir);

}  // namespace paperdex::http
