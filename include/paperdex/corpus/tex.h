#pragma once
/// TeX in titles and abstracts (arXiv metadata is TeX source: `$\text{R}^2\text{ec}$`, `\emph{sparse}`): where its
/// math is, and the words it reads as. Indexing sees the words; the stored Work, the JSON and the web page keep
/// the source, and the page renders the math (KaTeX).
///
/// Both functions are one linear pass with a bounded look-ahead and no recursion, whatever the input (braces
/// nested thousands deep, a `$` never closed, invalid UTF-8). Neither throws but std::bad_alloc: the accent
/// conversion composes with ICU, and gives the text uncomposed if ICU fails.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace paperdex::text {

/// The longest math span, delimiters included, in bytes. A `$` whose closing `$` is further away is a dollar
/// sign ("$5 and $10"), not math: inline math in abstracts is far shorter, and a stray dollar must not turn a
/// whole paragraph into one unbreakable "formula" for snippets. web/math.js applies the same bound.
inline constexpr std::size_t kMaxMathBytes = 400;

/// One piece of math in a text: bytes [begin, end) including its delimiters, which are `delimiter` bytes long
/// at each end (`$…$` 1; `$$…$$`, `\(…\)`, `\[…\]` 2).
struct MathSpan {
    std::size_t begin = 0, end = 0, delimiter = 1;
};

/// The math spans of `s`, in order, not overlapping. `\$` is a dollar sign; a delimiter without a closing one
/// within kMaxMathBytes is ordinary text.
/// Takes any bytes; returns an empty vector for text without math. Never throws (but std::bad_alloc).
std::vector<MathSpan> math_spans(std::string_view s);

/// The words TeX source reads as, for indexing: accent commands as letters (`G\"{o}del` → "Gödel", the table of
/// importers::latex_to_unicode); formatting commands dropped with their arguments kept (`\emph{sparse}` →
/// "sparse", `\mathcal{O}(n)` → "O(n)"); Greek letters and function names as words (`\alpha` → "alpha",
/// `\log` → "log", `\ell` → "l"); other commands (operators, spacing) a space; escaped characters as themselves
/// (`\%` → "%"). In math, a script of one or two letters or digits joins its base as people type it
/// (`$\text{R}^2\text{ec}$` → "R2ec", `$F_1$` → "F1", `$\ell_1$` → "l1"); a longer one is a word of its own
/// (`$x_{\text{train}}$` → "x train"). Whitespace is squeezed; invalid UTF-8 becomes U+FFFD (as normalize()
/// makes it anyway).
/// Takes any bytes; returns `s` unchanged when it holds no `\` and no `$`. Never throws (but std::bad_alloc).
std::string tex_to_text(std::string_view s);

}  // namespace paperdex::text
