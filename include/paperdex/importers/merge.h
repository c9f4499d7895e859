#pragma once
/// Merging Works that describe the same work across sources (e.g. a profile page gives the title, an arXiv
/// listing gives the id of the same abstract).
#include <cstddef>
#include <vector>

#include "paperdex/corpus/work.h"

namespace paperdex {

/// Result of merge_works(): the merged works and how many inputs were folded into another one.
struct MergeResult {
    std::vector<Work> works;  ///< one per distinct work, in the order of each group's first member
    std::size_t merged = 0;   ///< input works folded into an earlier one (inputs = works.size() + merged)
};

/// Groups `works` that are the same work and merges each group into one Work.
///
/// Identity, tried in this order for each work against the groups made so far:
///  1. same `arxiv_id` (version suffix "v2" ignored);
///  2. same `doi` (case-insensitive);
///  3. same normalised abstract, text::key(abstract), for abstracts of at least 200 characters of key (short
///     ones such as "No abstract available" would join strangers). An abstract match joins only works from
///     DIFFERENT sources (two BEIR documents with equal text stay two documents) and never works whose arXiv
///     ids or DOIs differ.
/// Fields of a group, with inputs ranked by position in `works` (earlier = preferred, so callers order their
/// inputs by trust):
///  - title, abstract, year, date, venue, type, doi, arxiv_id, url: the first non-empty value;
///  - authors: the longest byline (most authors; the earlier one on a tie) in its order, then the authors of the
///    others whose author_key() is not yet present, in input order;
///  - topics: union in input order, exact duplicates removed;
///  - id: `arxiv:<arxiv_id>` when the group has an arXiv id, else the first member's id;
///  - source: the distinct sources joined by '+', in input order ("bzpeer-profile+arxiv-listing").
/// Complexity: O(n) hash lookups plus one text::key per abstract. Never throws.
MergeResult merge_works(std::vector<Work> works);

}  // namespace paperdex
