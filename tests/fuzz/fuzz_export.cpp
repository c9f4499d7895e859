// Citations out: any bytes, as every text field of a Work and as a corpus line, give BibTeX whose braces balance,
// RIS whose every line is one TAG  - value, and CSL-JSON that parses; nothing throws but a bad line's InvalidArgument.
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "fuzz_target.h"
#include "paperdex/error.h"
#include "paperdex/export/citation.h"

namespace {

using paperdex::citation::Format;

// Every brace nests and closes, escaped or not: BibTeX counts \{ and \} as braces too.
bool balanced(const std::string& bib) {
    long depth = 0;
    for (char c : bib) {
        if (c == '{') ++depth;
        else if (c == '}' && --depth < 0) return false;
    }
    return depth == 0;
}

bool one_tag_a_line(const std::string& ris) {
    std::size_t start = 0;
    while (start < ris.size()) {
        const std::size_t end = ris.find("\r\n", start);
        if (end == std::string::npos) return false;
        const std::string line = ris.substr(start, end - start);
        if (!line.empty() && (line.size() < 6 || line.compare(2, 4, "  - ") != 0)) return false;
        if (line.find('\n') != std::string::npos || line.find('\r') != std::string::npos) return false;
        start = end + 2;
    }
    return true;
}

void write_all(const std::vector<paperdex::Work>& works) {
    if (!balanced(paperdex::citation::write(works, Format::bibtex))) std::abort();
    if (!one_tag_a_line(paperdex::citation::write(works, Format::ris))) std::abort();
    if (nlohmann::json::parse(paperdex::citation::write(works, Format::csljson), nullptr, false).is_discarded())
        std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    paperdex::Work w;
    w.id = w.title = w.abstract = w.venue = w.type = w.doi = w.arxiv_id = w.url = w.date = text;
    w.authors = {{text, ""}, {text + " " + text, ""}};
    w.topics = {text};
    w.year = static_cast<int>(size) - 50;
    write_all({w, w});
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded()) return 0;
    try {
        write_all({j.get<paperdex::Work>()});
    } catch (const paperdex::InvalidArgument&) {
    }
    return 0;
}
