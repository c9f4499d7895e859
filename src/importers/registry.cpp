#include <string>

#include "paperdex/importers/importers.h"

namespace paperdex::importers {

// An explicit table rather than self-registering files: the importers live in a static library, whose
// unreferenced objects (and their static registrars) the linker would drop.
const std::vector<Format>& formats() {
    static const std::vector<Format> all = {
        {"bzpeer-profile", "researcher profile pages as text (seeds/000_*.txt, 002_*.txt)", import_bzpeer_profile},
        {"arxiv-listing", "a run of abstracts each followed by its arXiv:ID line (seeds/001_*.txt)", import_arxiv_listing},
        {"arxiv-daily", "daily arXiv listings YYYY-MM-DD.jsonl.gz; the latest listing of a work wins", import_arxiv_daily},
        {"arxiv-oai", "arXiv OAI metadata snapshot, JSON lines (Kaggle)", import_arxiv_oai},
        {"openalex", "a JSON array of OpenAlex Work objects", import_openalex},
        {"beir", "BEIR corpus.jsonl(.gz) {_id,title,text}; ids <collection>:<_id>", import_beir},
        {"smart", "SMART tagged text (.I .T .W .B .A .K), e.g. CACM", import_smart},
        {"corpus", "canonical paperdex JSONL (to merge an existing corpus with new input)", import_corpus},
    };
    return all;
}

const Format& format(std::string_view name) {
    for (const auto& f : formats())
        if (f.name == name) return f;
    std::string known;
    for (const auto& f : formats()) known += (known.empty() ? "" : ", ") + f.name;
    throw InvalidArgument("--format", "unknown format \"" + std::string(name) + "\"; known: " + known);
}

ImportResult import(std::string_view name, const std::vector<std::string>& paths, const ImportOptions& opt) {
    return format(name).run(paths, opt);
}

std::string_view beir_doc_id(std::string_view work_id) {
    auto colon = work_id.find(':');
    return colon == std::string_view::npos ? work_id : work_id.substr(colon + 1);
}

}  // namespace paperdex::importers
