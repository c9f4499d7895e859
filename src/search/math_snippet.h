#pragma once
// Snippets that never cut through TeX math: a `$…$` cut in half shows as raw TeX and cannot be rendered.
#include <string>

#include <xapian.h>

namespace paperdex {

/// Xapian's MSet::snippet of `text` (same arguments), in which every math span of text::math_spans() is either
/// whole or absent: each span is replaced by one placeholder word before Xapian chooses the fragment (Xapian cuts
/// only between words), and put back, HTML-escaped as Xapian escapes text, after. A snippet can therefore run
/// longer than `length` by the math it holds; words inside math are never highlighted, so markup never splits
/// a formula. Text that already holds the placeholder's prefix gets Xapian's plain snippet.
/// @throws whatever MSet::snippet throws (Xapian::Error; the caller's with_xapian_errors() translates it).
std::string snippet_keeping_math(const Xapian::MSet& mset, const std::string& text, std::size_t length,
                                 const Xapian::Stem& stemmer, unsigned flags, const std::string& hi_start,
                                 const std::string& hi_end, const std::string& omit);

}  // namespace paperdex
