#pragma once
/// RIS writer (the Research Information Systems tagged format: `TY  - JOUR` ... `ER  - `), UTF-8.
#include <string>
#include <vector>

#include "paperdex/corpus/work.h"

namespace paperdex::citation {

/// One record per work, keyed by `keys` (same length as `works`): TY (JOUR, CPAPER, UNPB, BOOK, CHAP, RPRT, THES,
/// DATA, GEN), ID (the key), TI, one AU per author in order ("Family, Given[, Suffix]", organisations whole), PY,
/// DA (YYYY/MM/DD/), T2 (journal or proceedings) or PB (publisher, repository), DO, DB ("arXiv"), AN
/// ("arXiv:ID"; a preprint also M1 "arXiv:ID"), UR, AB, ER.
/// Each value is one line: control characters and runs of whitespace become one space, invalid UTF-8 U+FFFD.
/// Lines end with "\r\n" as the RIS specification asks.
/// @throws std::invalid_argument when `keys` and `works` differ in length (nothing else but std::bad_alloc).
std::string to_ris(const std::vector<Work>& works, const std::vector<std::string>& keys);

}  // namespace paperdex::citation
