// BibTeX writer (bibtex.h).
#include "paperdex/export/bibtex.h"

#include <cctype>
#include <stdexcept>

#include "export/clean_text.h"
#include "paperdex/export/person_name.h"
#include "paperdex/export/work_kind.h"

namespace paperdex::citation {
namespace {

std::string_view entry_type(WorkKind k) {
    switch (k) {
        case WorkKind::journal_article: return "article";
        case WorkKind::conference_paper: return "inproceedings";
        case WorkKind::book: return "book";
        case WorkKind::chapter: return "incollection";
        case WorkKind::report: return "techreport";
        case WorkKind::thesis: return "phdthesis";
        case WorkKind::preprint:
        case WorkKind::dataset:
        case WorkKind::other: break;
    }
    return "misc";
}

// The field that names the venue in each entry type.
std::string_view venue_field(WorkKind k) {
    switch (k) {
        case WorkKind::journal_article: return "journal";
        case WorkKind::conference_paper:
        case WorkKind::chapter: return "booktitle";
        case WorkKind::report: return "institution";
        case WorkKind::thesis: return "school";
        case WorkKind::book: return "publisher";
        case WorkKind::preprint:
        case WorkKind::dataset:
        case WorkKind::other: break;
    }
    return "howpublished";
}

// A value for a verbatim field (doi, eprint, url): one line, with the three characters that would end the field
// or start a TeX command percent-encoded, as in a URL.
std::string verbatim(std::string_view s) {
    std::string out;
    for (char c : clean_text(s)) {
        if (c == '{') out += "%7B";
        else if (c == '}') out += "%7D";
        else if (c == '\\') out += "%5C";
        else out += c;
    }
    return out;
}

// "Family, Given and ..."; a suffix as "Family, Suffix, Given"; an organisation in braces so that BibTeX takes
// it as one family name (and an " and " inside it does not split it).
std::string author_list(const std::vector<Author>& authors) {
    std::string out;
    for (const Author& a : authors) {
        const PersonName n = split_name(a.name);
        std::string one;
        if (!n.literal.empty()) one = "{" + bibtex_escape(n.literal) + "}";
        else {
            // A lower-case part after a hyphen ("Nunez-del-Prado") reads as a particle to some name parsers: braces
            // keep the family name one word.
            bool hyphen_particle = false;
            for (std::size_t i = 0; i + 1 < n.family.size(); ++i)
                hyphen_particle |= n.family[i] == '-' && n.family[i + 1] >= 'a' && n.family[i + 1] <= 'z';
            one = hyphen_particle ? "{" + bibtex_escape(n.family) + "}" : bibtex_escape(n.family);
            if (!n.suffix.empty()) one += ", " + bibtex_escape(n.suffix);
            if (!n.given.empty()) one += ", " + bibtex_escape(n.given);
        }
        if (one.empty() || one == "{}") continue;
        out += (out.empty() ? "" : " and ") + one;
    }
    return out;
}

// An arXiv category ("cs.LG", "hep-th", "math.AG") among the topics, for primaryClass; the first one.
std::string primary_class(const Work& w) {
    for (const std::string& t : w.topics) {
        const bool ok = !t.empty() && t.size() <= 20 && t.front() >= 'a' && t.front() <= 'z' &&
                        t.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-.") == std::string::npos;
        if (ok) return t;
    }
    return {};
}

void field(std::string& out, std::string_view name, const std::string& value) {
    if (value.empty()) return;
    out += "  ";
    out += name;
    out += " = {";
    out += value;
    out += "},\n";
}

// A key as BibTeX reads one: the characters of citation keys and common separators; others dropped.
std::string safe_key(std::string_view key) {
    std::string out;
    for (char c : key)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':' || c == '.' || c == '-') out += c;
    return out.empty() ? "work" : out;
}

std::string entry(const Work& w, const std::string& key) {
    const WorkKind kind = work_kind(w);
    std::string out = "@" + std::string(entry_type(kind)) + "{" + safe_key(key) + ",\n";
    field(out, "title", bibtex_title(w.title));
    field(out, "author", author_list(w.authors));
    if (w.year) field(out, "year", std::to_string(*w.year));
    field(out, "date", verbatim(w.date));
    field(out, venue_field(kind), bibtex_escape(display_venue(w)));
    field(out, "doi", verbatim(w.doi));
    if (!w.arxiv_id.empty()) {
        field(out, "eprint", verbatim(w.arxiv_id));
        field(out, "archivePrefix", "arXiv");
        field(out, "primaryClass", primary_class(w));
    }
    field(out, "url", verbatim(work_url(w)));
    field(out, "abstract", bibtex_escape(w.abstract));
    if (out.size() >= 2 && out.compare(out.size() - 2, 2, ",\n") == 0) out.erase(out.size() - 2, 1);
    out += "}\n";
    return out;
}

}  // namespace

std::string bibtex_escape(std::string_view text) {
    const std::string clean = clean_text(text);
    std::string out;
    for (std::size_t i = 0; i < clean.size(); ++i) {
        const char c = clean[i];
        const char next = i + 1 < clean.size() ? clean[i + 1] : '\0';
        // TeX's ligatures (-- en dash, `` and '' quotes, << >> ,, guillemets and low quotes, !` ?` inverted marks)
        // would print other characters than the text has: an empty group between the two keeps them apart.
        const bool ligature = (next == c && std::string_view("-`'<>,").find(c) != std::string_view::npos) ||
                              (next == '`' && (c == '!' || c == '?'));
        switch (c) {
            case '\\': out += "\\textbackslash{}"; break;
            // Not \{ and \}: BibTeX balances every brace, escaped or not, so one lone \{ would end the entry.
            case '{': out += "\\textbraceleft{}"; break;
            case '}': out += "\\textbraceright{}"; break;
            case '$': case '&': case '%': case '#': case '_': out += '\\'; out += c; break;
            case '~': out += "\\textasciitilde{}"; break;
            case '^': out += "\\textasciicircum{}"; break;
            default: out += c;
        }
        if (ligature) out += "{}";
    }
    return out;
}

std::string bibtex_title(std::string_view title) {
    const std::string clean = clean_text(title);
    std::string out;
    std::size_t start = 0;
    while (start < clean.size()) {
        std::size_t end = clean.find(' ', start);
        if (end == std::string::npos) end = clean.size();
        const std::string_view word = std::string_view(clean).substr(start, end - start);
        const std::string escaped = bibtex_escape(word);
        const bool inner_capital = word.size() > 1 && word.substr(1).find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") !=
                                                          std::string_view::npos;
        // A group opening with a backslash would be a BibTeX "special character", whose letters styles do change.
        const bool protect = inner_capital && escaped.front() != '\\';
        out += (out.empty() ? "" : " ") + (protect ? "{" + escaped + "}" : escaped);
        start = end + 1;
    }
    return out;
}

std::string to_bibtex(const std::vector<Work>& works, const std::vector<std::string>& keys) {
    if (keys.size() != works.size()) throw std::invalid_argument("to_bibtex: one key per work");
    std::string out;
    for (std::size_t i = 0; i < works.size(); ++i) out += (i ? "\n" : "") + entry(works[i], keys[i]);
    return out;
}

}  // namespace paperdex::citation
