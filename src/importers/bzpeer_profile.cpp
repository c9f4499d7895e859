// bzpeer-profile: a researcher's profile page rendered as text (site "BZPEER"). See importers.h for the layout.
#include <algorithm>
#include <regex>

#include "importers/importer_internal.h"
#include "paperdex/corpus/text.h"

namespace paperdex::importers {
namespace {

struct Line {
    std::size_t no;
    std::string text;
};

std::string slug(const std::string& title) {
    std::string s = text::key(title);
    for (auto& c : s)
        if (c == ' ') c = '-';
    return s;
}

struct Item {
    std::size_t line = 0;  // of the type/year/venue line
    std::string type, venue, title, abstract;
    int year = 0;
};

void import_page(const std::string& file, ImportResult& out) {
    std::vector<Line> lines;
    std::size_t before = out.errors.size();
    internal::for_each_line(file, out, [&](std::string& l, std::size_t no) { lines.push_back({no, text::squeeze(l)}); });
    if (out.errors.size() != before) return;  // unreadable file, already reported
    if (lines.empty() || lines[0].text != "Researcher profile") {
        internal::reject(out, file, lines.empty() ? 0 : lines[0].no, "not a profile page: expected \"Researcher profile\" on the first line");
        return;
    }
    if (lines.size() < 2) {
        internal::reject(out, file, lines[0].no, "profile page without an owner name");
        return;
    }
    const std::string owner = lines[1].text;

    static const std::regex item_re(R"(([a-z][a-z-]*?)((?:1[89]|20)\d\d)(\S.*)?)");
    static const std::regex count_re(R"((\d+) published items?(?:\(s\))?)");
    std::size_t i = 2;
    while (i < lines.size() && lines[i].text != "Published work") ++i;
    if (i == lines.size()) {
        internal::reject(out, file, 0, "no \"Published work\" section");
        return;
    }
    // The count as the page writes it (leading zeros dropped): a number too large for size_t is then a mismatch
    // reported like any other, where std::stoul would throw std::out_of_range out of import().
    std::optional<std::string> expected;
    std::size_t expected_line = lines[i].no;
    std::vector<Item> items;
    for (++i; i < lines.size(); ++i) {
        const auto& l = lines[i];
        std::smatch m;
        if (!expected && items.empty() && std::regex_match(l.text, m, count_re)) {
            const std::string digits = m[1].str();
            expected = digits.substr(std::min(digits.find_first_not_of('0'), digits.size() - 1));
            expected_line = l.no;
        } else if (std::regex_match(l.text, m, item_re)) {
            items.push_back({l.no, m[1].str(), m[3].str(), "", "", std::stoi(m[2].str())});
        } else if (!items.empty()) {
            auto& it = items.back();
            if (it.title.empty()) it.title = l.text;
            else it.abstract += (it.abstract.empty() ? "" : " ") + l.text;
        }
        // Lines between "Published work" and the first item other than the count are page furniture.
    }
    for (auto& it : items) {
        if (it.title.empty()) {
            internal::reject(out, file, it.line, "work \"" + it.type + std::to_string(it.year) + it.venue + "\" has no title line");
            continue;
        }
        Work w;
        w.id = "bzpeer:" + slug(it.title);
        w.title = it.title;
        w.abstract = it.abstract;
        w.authors = {Author{owner, ""}};
        w.year = it.year;
        w.venue = it.venue;
        w.type = it.type;
        w.source = "bzpeer-profile";
        internal::accept(out, std::move(w), file, it.line);
    }
    if (expected && *expected != std::to_string(items.size()))
        internal::reject(out, file, expected_line,
                         "the page says " + *expected + " published items, " + std::to_string(items.size()) +
                             " were found");
}

}  // namespace

ImportResult import_bzpeer_profile(const std::vector<std::string>& paths, const ImportOptions&) {
    return internal::import_files(paths, {".txt"}, import_page);
}

}  // namespace paperdex::importers
