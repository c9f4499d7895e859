#pragma once
// What every importer does the same way: expanding input paths, accepting or rejecting a built Work,
// and reading typed fields out of nlohmann JSON with errors that name the field.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "paperdex/error.h"
#include "paperdex/importers/importers.h"

namespace paperdex::importers::internal {

/// Files named by `paths`: a directory stands for the regular files directly in it whose names end in one of
/// `suffixes` (all files when empty), sorted by name. A path that does not exist, or a directory without such
/// files, is reported into `out` (counted as one record read) and skipped.
std::vector<std::string> input_files(const std::vector<std::string>& paths, const std::vector<std::string>& suffixes,
                                     ImportResult& out);

/// Runs `import_file(file, out)` over input_files(paths, suffixes, out): an importer whose files are read whole.
ImportResult import_files(const std::vector<std::string>& paths, const std::vector<std::string>& suffixes,
                          void (*import_file)(const std::string& file, ImportResult& out));

/// Counts one record; pushes `w` if validate() finds nothing wrong, else reports "file:line: problems".
void accept(ImportResult& out, Work&& w, const std::string& file, std::size_t line);

/// Counts one record and reports it as unreadable.
void reject(ImportResult& out, const std::string& file, std::size_t line, const std::string& reason);

/// Runs `body` over each line of `file` (plain or gzip), skipping blank lines; a line over kMaxLineBytes is
/// reported into `out` and the lines after it still read; a CorpusError thrown while opening or reading is
/// reported into `out` instead of escaping.
void for_each_line(const std::string& file, ImportResult& out,
                   const std::function<void(std::string& line, std::size_t line_no)>& body);

/// nlohmann's parse error without its "[json.exception...]" prefix: "invalid JSON: syntax error ...".
std::string json_error(const nlohmann::json::exception& e);

/// Runs `build` for one record of `file`: a JSON error (parse or type) or a paperdex Error it throws rejects the
/// record as "file:line: reason" — the reason prefixed by "`where`: " when `where` is given — instead of escaping,
/// so one bad record is reported and counted and the rest are read. @return whether `build` finished.
template <class Build>
bool guarded_record(ImportResult& out, const std::string& file, std::size_t line, Build&& build, const std::string& where = {}) {
    const std::string prefix = where.empty() ? std::string() : where + ": ";
    try {
        build();
        return true;
    } catch (const nlohmann::json::exception& e) {
        reject(out, file, line, prefix + json_error(e));
    } catch (const Error& e) {
        reject(out, file, line, prefix + e.what());
    }
    return false;
}

/// `j[field]` as a string; "" when absent or null. @throws InvalidArgument naming the field if not a string.
std::string str(const nlohmann::json& j, const char* field);

/// `j[field]` as an array of strings; empty when absent or null. @throws InvalidArgument if another type.
std::vector<std::string> str_array(const nlohmann::json& j, const char* field);

/// Year of an arXiv id from its yymm ("1912.12953" → 2019, "hep-th/9901001" → 1999); nullopt if not an id.
std::optional<int> arxiv_id_year(std::string_view id);

/// The id without a version suffix: "2005.02544v2" → "2005.02544".
std::string arxiv_id_without_version(std::string_view id);

/// The Work of the arXiv record `j` (`what` names the kind in the error, "a listing"), its ids set from the
/// record's "id", version dropped: "2005.02544v2" → arxiv_id "2005.02544", id "arxiv:2005.02544".
/// @throws InvalidArgument("") unless `j` is an object; InvalidArgument("id") if "id" is missing or empty.
Work arxiv_work(const nlohmann::json& j, const std::string& what);

/// Lower-cased bare DOI: "https://doi.org/10.1103/PhysRevD.76" → "10.1103/physrevd.76".
std::string bare_doi(std::string_view doi);

}  // namespace paperdex::importers::internal
