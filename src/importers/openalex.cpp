// openalex: a JSON array of OpenAlex Work objects. See importers.h.
#include <map>

#include "importers/importer_internal.h"
#include "corpus/line_reader.h"
#include "paperdex/corpus/text.h"
#include "corpus/json_excerpt.h"

namespace paperdex::importers {
namespace {

// "https://openalex.org/W2105824687" -> "W2105824687"
std::string short_id(const std::string& url) {
    auto slash = url.rfind('/');
    return slash == std::string::npos ? url : url.substr(slash + 1);
}

// OpenAlex ships abstracts as word -> positions (a licensing workaround); lay the words back in order.
std::string rebuild_abstract(const nlohmann::json& index) {
    if (!index.is_object()) return {};
    std::map<long, std::string> at;
    for (auto it = index.begin(); it != index.end(); ++it) {
        if (!it.value().is_array())
            throw InvalidArgument("abstract_inverted_index", "\"abstract_inverted_index\" values must be arrays of positions");
        for (const auto& pos : it.value()) {
            if (!pos.is_number_integer())
                throw InvalidArgument("abstract_inverted_index", "\"abstract_inverted_index\" positions must be integers, got " + json_excerpt(pos));
            at[pos.get<long>()] = it.key();
        }
    }
    std::string out;
    for (const auto& [pos, word] : at) out += (out.empty() ? "" : " ") + word;
    return text::squeeze(out);
}

std::string arxiv_from_url(const std::string& url) {
    for (std::string_view marker : {"arxiv.org/abs/", "arxiv.org/pdf/"}) {
        auto p = url.find(marker);
        if (p == std::string::npos) continue;
        std::string id = url.substr(p + marker.size());
        if (auto q = id.find_first_of("?#"); q != std::string::npos) id.resize(q);
        if (id.size() > 4 && id.compare(id.size() - 4, 4, ".pdf") == 0) id.resize(id.size() - 4);
        return internal::arxiv_id_without_version(id);
    }
    return {};
}

Work parse_work(const nlohmann::json& j) {
    if (!j.is_object()) throw InvalidArgument("", "a work must be a JSON object");
    Work w;
    std::string id = internal::str(j, "id");
    if (id.empty()) throw InvalidArgument("id", "missing \"id\"");
    w.id = "openalex:" + short_id(id);
    w.title = text::squeeze(internal::str(j, "title"));
    if (w.title.empty()) w.title = text::squeeze(internal::str(j, "display_name"));
    if (auto it = j.find("abstract_inverted_index"); it != j.end()) w.abstract = rebuild_abstract(*it);
    if (auto it = j.find("authorships"); it != j.end() && it->is_array()) {
        for (const auto& a : *it) {
            if (!a.is_object() || !a.contains("author") || !a["author"].is_object()) continue;
            const auto& author = a["author"];
            std::string name = text::squeeze(internal::str(author, "display_name"));
            if (name.empty()) continue;  // an authorship without a name carries nothing to show or match
            std::string aid = internal::str(author, "id");
            w.authors.push_back({name, aid.empty() ? "" : "openalex:" + short_id(aid)});
        }
    }
    if (auto it = j.find("publication_year"); it != j.end() && it->is_number_integer()) w.year = it->get<int>();
    w.date = internal::str(j, "publication_date");
    if (auto it = j.find("primary_location"); it != j.end() && it->is_object()) {
        if (auto src = it->find("source"); src != it->end() && src->is_object())
            w.venue = text::squeeze(internal::str(*src, "display_name"));
        w.url = internal::str(*it, "landing_page_url");
    }
    w.type = internal::str(j, "type");
    for (const char* field : {"topics", "concepts"}) {
        if (auto it = j.find(field); it != j.end() && it->is_array())
            for (const auto& t : *it)
                if (t.is_object()) {
                    std::string name = text::squeeze(internal::str(t, "display_name"));
                    if (!name.empty()) w.topics.push_back(name);
                }
        if (!w.topics.empty()) break;  // concepts are the older, coarser taxonomy: only when there are no topics
    }
    w.doi = internal::bare_doi(internal::str(j, "doi"));
    if (auto it = j.find("locations"); it != j.end() && it->is_array())
        for (const auto& loc : *it)
            if (loc.is_object() && w.arxiv_id.empty()) w.arxiv_id = arxiv_from_url(internal::str(loc, "landing_page_url"));
    if (w.url.empty()) w.url = id;
    w.source = "openalex";
    return w;
}

}  // namespace

ImportResult import_openalex(const std::vector<std::string>& paths, const ImportOptions&) {
    ImportResult out;
    for (const auto& file : internal::input_files(paths, {".json", ".json.gz"}, out)) {
        nlohmann::json all;
        try {
            all = nlohmann::json::parse(read_file(file));
        } catch (const CorpusError& e) {
            internal::reject(out, e.file(), e.line(), e.reason());
            continue;
        } catch (const nlohmann::json::exception& e) {
            internal::reject(out, file, 0, internal::json_error(e));
            continue;
        }
        if (!all.is_array()) {
            internal::reject(out, file, 0, "expected a JSON array of OpenAlex works");
            continue;
        }
        // The array is one line, so a record is named by its position (1-based) and OpenAlex id.
        for (std::size_t i = 0; i < all.size(); ++i) {
            std::string where = "record " + std::to_string(i + 1);
            if (all[i].is_object() && all[i].contains("id") && all[i]["id"].is_string())
                where += " (" + short_id(all[i]["id"].get<std::string>()) + ")";
            internal::guarded_record(out, file, 0, [&] {
                Work w = parse_work(all[i]);
                auto problems = validate(w);
                if (!problems.empty()) {
                    std::string reason;
                    for (const auto& p : problems) reason += (reason.empty() ? "" : "; ") + p;
                    internal::reject(out, file, 0, where + ": " + reason);
                    return;
                }
                internal::accept(out, std::move(w), file, 0);
            }, where);
        }
    }
    return out;
}

}  // namespace paperdex::importers
