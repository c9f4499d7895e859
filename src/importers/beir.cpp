// beir: a BEIR corpus.jsonl(.gz), lines {_id, title, text}. See importers.h.
#include <filesystem>

#include "importers/importer_internal.h"
#include "paperdex/corpus/text.h"

namespace paperdex::importers {

ImportResult import_beir(const std::vector<std::string>& paths, const ImportOptions& opt) {
    ImportResult out;
    for (const auto& file : internal::input_files(paths, {".jsonl", ".jsonl.gz"}, out)) {
        // The collection names the id space: run files and qrels use the bare _id, so the prefix must be
        // recognisable and strippable (beir_doc_id).
        std::string collection = opt.collection;
        if (collection.empty()) collection = std::filesystem::absolute(file).parent_path().filename().string();
        internal::for_each_line(file, out, [&](std::string& line, std::size_t no) {
            internal::guarded_record(out, file, no, [&] {
                auto j = nlohmann::json::parse(line);
                if (!j.is_object()) throw InvalidArgument("", "a BEIR document must be a JSON object");
                std::string id = internal::str(j, "_id");
                if (id.empty()) throw InvalidArgument("_id", "missing \"_id\"");
                Work w;
                w.id = collection + ":" + id;
                w.title = text::squeeze(internal::str(j, "title"));
                w.abstract = text::squeeze(internal::str(j, "text"));
                w.source = "beir";
                internal::accept(out, std::move(w), file, no);
            });
        });
    }
    return out;
}

}  // namespace paperdex::importers
