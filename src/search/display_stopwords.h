#pragma once
/// The English words never shown as a reason (a work's more-like-this terms, an author's characteristic terms, a
/// collaborator's shared terms): words that carry no topic, so a reader learns nothing from seeing them.
#include <string_view>

namespace paperdex {

/// True if `word` (lower case, as text::words gives it; a typographic apostrophe counts as ') is on the display
/// stoplist: Snowball's English stop word list (snowballstem.org, algorithms/english/stop.txt: every listed word,
/// the auxiliaries it leaves out for their homonyms and the "commonest words" it names), plus the words that frame
/// a claim in scholarly abstracts ("towards", "via", "dubbed", "respectively") without naming its topic.
/// Takes a word; returns whether it is a display stopword; throws only std::bad_alloc.
bool is_display_stopword(std::string_view word);

}  // namespace paperdex
