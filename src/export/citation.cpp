// Export formats and the one entry point (citation.h).
#include "paperdex/export/citation.h"

#include "paperdex/corpus/text.h"
#include "paperdex/error.h"
#include "paperdex/export/bibtex.h"
#include "paperdex/export/citation_key.h"
#include "paperdex/export/csl_json.h"
#include "paperdex/export/ris.h"

namespace paperdex::citation {

Format parse_format(std::string_view name, const std::string& parameter) {
    if (name == "bibtex") return Format::bibtex;
    if (name == "ris") return Format::ris;
    if (name == "csljson") return Format::csljson;
    throw InvalidArgument(parameter, parameter + " must be bibtex, ris or csljson, got " + text::quoted(name));
}

std::string_view format_name(Format f) noexcept {
    switch (f) {
        case Format::bibtex: return "bibtex";
        case Format::ris: return "ris";
        case Format::csljson: break;
    }
    return "csljson";
}

std::string_view content_type(Format f) noexcept {
    switch (f) {
        case Format::bibtex: return "application/x-bibtex; charset=utf-8";
        case Format::ris: return "application/x-research-info-systems; charset=utf-8";
        case Format::csljson: break;
    }
    return "application/vnd.citationstyles.csl+json; charset=utf-8";
}

std::string_view file_extension(Format f) noexcept {
    switch (f) {
        case Format::bibtex: return ".bib";
        case Format::ris: return ".ris";
        case Format::csljson: break;
    }
    return ".json";
}

std::string write(const std::vector<Work>& works, Format f) {
    const std::vector<std::string> keys = citation_keys(works);
    switch (f) {
        case Format::bibtex: return to_bibtex(works, keys);
        case Format::ris: return to_ris(works, keys);
        case Format::csljson: break;
    }
    return to_csl_json(works, keys).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace paperdex::citation
