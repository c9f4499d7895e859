#pragma once
/// Citation keys: stable, readable, `hazelwood2020recnmp` style.
#include <string>
#include <vector>

#include "paperdex/corpus/work.h"

namespace paperdex::citation {

/// The key of one work: the first author's family name (person_name.h; an organisation's first word) folded to ASCII lower case
/// (text::key: accents removed, ß → ss, ł → l), then the year, then the first significant word of the title
/// (TeX control words such as `\emph` and English function words such as "a", "the", "on", "towards" skipped;
/// words need a letter and two characters), each part kept to [a-z0-9]. A part that is unknown or has no ASCII
/// letter is left out; a work with none of the three gets "work". "Kim Hazelwood", 2020, "RecNMP: Accelerating
/// Personalized Recommendation with Near-Memory Processing" → "hazelwood2020recnmp".
/// @throws Error only as text::key does (ICU data missing).
std::string citation_key(const Work& w);

/// The keys of `works` in order, each unique within the list: the first work with a given key keeps it, later
/// ones get the first free suffix of a, b, ..., z, aa, ab, ... ("hazelwood2020recnmp", "hazelwood2020recnmpa").
/// The same list in the same order always gets the same keys.
/// @throws Error only as citation_key does.
std::vector<std::string> citation_keys(const std::vector<Work>& works);

}  // namespace paperdex::citation
