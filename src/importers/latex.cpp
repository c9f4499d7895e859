// latex_to_unicode: the arXiv importers' name for the corpus layer's accent conversion, which indexing shares.
#include "corpus/tex_accents.h"
#include "paperdex/importers/importers.h"

namespace paperdex::importers {

std::string latex_to_unicode(std::string_view s) { return text::tex_accents_to_unicode(s); }

}  // namespace paperdex::importers
