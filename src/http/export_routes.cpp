// Citations out over HTTP (export_routes.h): the two GET routes that answer a work or a page of hits take
// format=bibtex|ris|csljson; the body is what paperdex/export writes, with the format's media type.
#include "http/export_routes.h"

#include <optional>
#include <vector>

#include "http/params.h"
#include "paperdex/export/citation.h"
#include "paperdex/export/citation_key.h"

namespace paperdex::http {
namespace {

// The export format asked for; nullopt for none or "json".
std::optional<citation::Format> requested_format(const httplib::Params& params) {
    const auto value = single(params, kFormatParameter);
    if (!value || *value == "json") return std::nullopt;
    return citation::parse_format(*value, kFormatParameter);
}

// UTF-8 text in the format's media type. Served inline (a browser shows it); the file name is what a "save as"
// proposes: the work's key for one work, "paperdex-search" for a page of hits.
void reply_citations(httplib::Response& res, const std::vector<Work>& works, citation::Format f,
                     const std::string& file_stem) {
    res.status = 200;
    res.set_header("Content-Disposition",
                   "inline; filename=\"" + file_stem + std::string(citation::file_extension(f)) + "\"");
    res.set_content(citation::write(works, f), std::string(citation::content_type(f)));
}

}  // namespace

bool reply_work_export(ServerContext& ctx, const httplib::Request& req, httplib::Response& res, const std::string& id) {
    const auto format = requested_format(req.params);
    if (!format) return false;
    reject_unknown(req.params, {kFormatParameter});
    const IndexView index = ctx.index();
    const std::vector<Work> works{index.searcher.get_work(id)};
    reply_citations(res, works, *format, citation::citation_keys(works).front());
    return true;
}

bool reply_search_export(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto format = requested_format(req.params);
    if (!format) return false;
    SearchParams sp = parse_search_params(req.params);
    sp.request.facets.clear();    // an export holds works only
    sp.request.snippets = false;
    const IndexView index = ctx.index();
    const SearchResponse found = index.searcher.search(sp.request);
    std::vector<Work> works;
    works.reserve(found.hits.size());
    for (const Hit& h : found.hits) works.push_back(h.work);
    reply_citations(res, works, *format, "paperdex-search");
    return true;
}

}  // namespace paperdex::http
