#pragma once
/// CSL-JSON writer (the Citation Style Language's input format, schema csl-data.json 1.0.2).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paperdex/corpus/work.h"

namespace paperdex::citation {

/// One CSL item per work, keyed by `keys` (same length as `works`): id (the key), type (article-journal,
/// paper-conference, article for a preprint, book, chapter, report, thesis, dataset, document), title, author
/// ([{family, given, suffix}] or [{literal}], in order), issued ({"date-parts": [[Y, M, D]]}), container-title
/// (journal or proceedings) or publisher (repository, publisher), DOI, URL, abstract, and for arXiv works
/// archive "arXiv" with archive_location the bare id (a preprint also gets number "arXiv:ID"). Strings are the
/// Work's own; nlohmann's dump(…, error_handler_t::replace) writes invalid UTF-8 as U+FFFD.
/// @throws std::invalid_argument when `keys` and `works` differ in length (nothing else but std::bad_alloc).
nlohmann::json to_csl_json(const std::vector<Work>& works, const std::vector<std::string>& keys);

}  // namespace paperdex::citation
