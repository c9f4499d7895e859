#pragma once
/// BibTeX writer. Encoding: UTF-8 as is (biber/biblatex, JabRef, Zotero and bibtexparser read it; classic
/// bibtex copies it through), with the ten TeX special characters of the text escaped, so that any title,
/// name or abstract reads back as the same characters through a LaTeX-aware parser. Identifiers (doi, eprint,
/// url) are written verbatim, as biblatex reads those fields.
#include <string>
#include <string_view>
#include <vector>

#include "paperdex/corpus/work.h"

namespace paperdex::citation {

/// `text` for a brace-delimited BibTeX field: \ → \textbackslash{}, { → \textbraceleft{}, } → \textbraceright{}
/// (BibTeX counts every brace, escaped or not, so \{ alone would end the field), $ & % # _ → \$ \& \% \# \_,
/// ~ → \textasciitilde{}, ^ → \textasciicircum{}; the pairs TeX would join into another character (-- `` '' << >>
/// ,, !` ?`) split by an empty group ("--" → "-{}-"); control characters and runs of whitespace → one space, ends
/// trimmed; invalid UTF-8 → U+FFFD; other characters (non-ASCII included) unchanged. The result never holds an
/// unbalanced brace. "Q&A: 50% of {GPU}s" → "Q\&A: 50\% of \textbraceleft{}GPU\textbraceright{}s".
/// Never throws (but std::bad_alloc).
std::string bibtex_escape(std::string_view text);

/// bibtex_escape() of a title, with words that have an upper-case letter after their first one (acronyms and
/// names such as "RecNMP", "GPU", "iPhone") wrapped in braces so that styles which lower-case titles keep them:
/// "RecNMP: Fast GPUs" → "{RecNMP:} Fast {GPUs}". Never throws (but std::bad_alloc).
std::string bibtex_title(std::string_view title);

/// One entry per work, separated by blank lines, keyed by `keys` (same length as `works`). Entry types:
/// @article (journal), @inproceedings (conference, booktitle), @misc (preprint, howpublished), @book,
/// @incollection, @techreport, @phdthesis. Fields: title, author ("Family, Given and ..."; organisations in
/// braces), year, date (ISO, when known), journal/booktitle/howpublished/publisher (the venue), doi, eprint +
/// archivePrefix = {arXiv} + primaryClass (arXiv works), url, abstract. Keys are written with [A-Za-z0-9_:.-] only.
/// @throws std::invalid_argument when `keys` and `works` differ in length (nothing else but std::bad_alloc).
std::string to_bibtex(const std::vector<Work>& works, const std::vector<std::string>& keys);

}  // namespace paperdex::citation
