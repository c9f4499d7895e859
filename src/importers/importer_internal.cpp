#include "importers/importer_internal.h"

#include <algorithm>
#include <filesystem>

#include "corpus/directory_files.h"
#include "corpus/line_reader.h"
#include "corpus/json_excerpt.h"

namespace fs = std::filesystem;

namespace paperdex::importers::internal {

std::vector<std::string> input_files(const std::vector<std::string>& paths, const std::vector<std::string>& suffixes,
                                     ImportResult& out) {
    std::vector<std::string> files;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            // The error_code forms throughout: a directory that cannot be listed is reported, not thrown as
            // filesystem_error (import() promises not to throw for its inputs).
            auto in_dir = directory_files(p, suffixes, ec);
            if (ec) {
                reject(out, p, 0, "cannot list: " + ec.message());
            } else if (in_dir.empty()) {
                std::string names;
                for (const auto& s : suffixes) names += (names.empty() ? "" : ", ") + ("*" + s);
                reject(out, p, 0, "no input files in this directory" + (names.empty() ? "" : " (" + names + ")"));
            }
            files.insert(files.end(), in_dir.begin(), in_dir.end());
        } else if (fs::exists(p, ec)) {
            files.push_back(p);
        } else {
            reject(out, p, 0, "no such file or directory");
        }
    }
    return files;
}

ImportResult import_files(const std::vector<std::string>& paths, const std::vector<std::string>& suffixes,
                          void (*import_file)(const std::string& file, ImportResult& out)) {
    ImportResult out;
    for (const auto& file : input_files(paths, suffixes, out)) import_file(file, out);
    return out;
}

void accept(ImportResult& out, Work&& w, const std::string& file, std::size_t line) {
    auto problems = validate(w);
    if (!problems.empty()) {
        std::string reason;
        for (const auto& p : problems) reason += (reason.empty() ? "" : "; ") + p;
        reject(out, file, line, reason);
        return;
    }
    ++out.read;
    out.works.push_back(std::move(w));
}

void reject(ImportResult& out, const std::string& file, std::size_t line, const std::string& reason) {
    ++out.read;
    out.errors.emplace_back(file, line, reason);
}

void for_each_line(const std::string& file, ImportResult& out,
                   const std::function<void(std::string& line, std::size_t line_no)>& body) {
    auto report = [&](const CorpusError& e) { reject(out, e.file(), e.line(), e.reason()); };
    try {
        for_each_record_line(file, body, report);
    } catch (const CorpusError& e) {
        report(e);
    }
}

std::string json_error(const nlohmann::json::exception& e) { return json_error_reason(e); }

std::string str(const nlohmann::json& j, const char* field) {
    auto it = j.find(field);
    if (it == j.end() || it->is_null()) return {};
    if (!it->is_string())
        throw InvalidArgument(field, std::string("\"") + field + "\" must be a string, got " + json_excerpt(*it));
    return it->get<std::string>();
}

std::vector<std::string> str_array(const nlohmann::json& j, const char* field) {
    std::vector<std::string> out;
    auto it = j.find(field);
    if (it == j.end() || it->is_null()) return out;
    if (!it->is_array())
        throw InvalidArgument(field, std::string("\"") + field + "\" must be an array of strings, got " + json_excerpt(*it));
    for (const auto& v : *it) {
        if (!v.is_string())
            throw InvalidArgument(field, std::string("\"") + field + "\" entries must be strings, got " + json_excerpt(v));
        out.push_back(v.get<std::string>());
    }
    return out;
}

std::optional<int> arxiv_id_year(std::string_view id) {
    // New style "yymm.nnnn(n)", old style "archive(.XX)/yymmnnn".
    std::string_view yymm;
    if (auto slash = id.find('/'); slash != std::string_view::npos) yymm = id.substr(slash + 1, 4);
    else if (id.size() >= 9 && id[4] == '.') yymm = id.substr(0, 4);
    if (yymm.size() != 4 || !std::all_of(yymm.begin(), yymm.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    int yy = (yymm[0] - '0') * 10 + (yymm[1] - '0');
    int mm = (yymm[2] - '0') * 10 + (yymm[3] - '0');
    if (mm < 1 || mm > 12) return std::nullopt;
    return yy >= 91 ? 1900 + yy : 2000 + yy;  // arXiv started in August 1991
}

std::string arxiv_id_without_version(std::string_view id) {
    auto v = id.rfind('v');
    if (v != std::string_view::npos && v + 1 < id.size() && v > 0 && id[v - 1] >= '0' && id[v - 1] <= '9' &&
        std::all_of(id.begin() + static_cast<std::ptrdiff_t>(v) + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::string(id.substr(0, v));
    return std::string(id);
}

Work arxiv_work(const nlohmann::json& j, const std::string& what) {
    if (!j.is_object()) throw InvalidArgument("", what + " must be a JSON object");
    const std::string id = str(j, "id");
    if (id.empty()) throw InvalidArgument("id", "missing \"id\"");
    Work w;
    w.arxiv_id = arxiv_id_without_version(id);
    w.id = "arxiv:" + w.arxiv_id;
    return w;
}

std::string bare_doi(std::string_view doi) {
    for (std::string_view prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"}) {
        if (doi.size() >= prefix.size() && doi.substr(0, prefix.size()) == prefix) {
            doi.remove_prefix(prefix.size());
            break;
        }
    }
    std::string out(doi);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace paperdex::importers::internal
