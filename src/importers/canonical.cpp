// corpus: the canonical paperdex JSONL as an import format, so that an existing corpus can be merged with new input.
#include "importers/importer_internal.h"
#include "paperdex/corpus/corpus.h"

namespace paperdex::importers {

ImportResult import_corpus(const std::vector<std::string>& paths, const ImportOptions&) {
    ImportResult out;
    for (const auto& file : internal::input_files(paths, {".jsonl", ".jsonl.gz"}, out)) {
        try {
            auto stats = read_corpus(
                file, [&](Work&& w) { out.works.push_back(std::move(w)); },
                [&](const CorpusError& e) { out.errors.push_back(e); });
            out.read += stats.read;
        } catch (const CorpusError& e) {
            internal::reject(out, e.file(), e.line(), e.reason());
        }
    }
    return out;
}

}  // namespace paperdex::importers
