#include "importers/venue_table.h"

#include <set>

#include "paperdex/error.h"

namespace paperdex::importers::internal {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    for (;;) {
        auto at = s.find(sep);
        parts.push_back(s.substr(0, at));
        if (at == std::string_view::npos) return parts;
        s.remove_prefix(at + 1);
    }
}

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    return std::string(s);
}

VenueEntry parse_line(std::string_view line, std::size_t no) {
    auto where = [&] { return "venues.tsv:" + std::to_string(no) + ": "; };
    auto cols = split(line, '\t');
    if (cols.size() != 4) throw Error(where() + "expected 4 tab-separated columns, got " + std::to_string(cols.size()));
    VenueEntry e;
    e.venue = trim(cols[0]);
    e.kind = trim(cols[1]);
    e.name = trim(cols[2]);
    if (e.kind == "conference+findings") {
        e.kind = "conference";
        e.has_findings = true;
    }
    if (e.kind != "conference" && e.kind != "journal" && e.kind != "workshop")
        throw Error(where() + "kind must be conference, conference+findings, journal or workshop, got \"" + e.kind + "\"");
    if (e.venue.empty() || e.name.empty()) throw Error(where() + "empty short name or full name");
    e.aliases.push_back(e.venue);
    for (auto alias : split(cols[3], '|'))
        if (std::string a = trim(alias); !a.empty()) e.aliases.push_back(a);
    return e;
}

}  // namespace

std::vector<VenueEntry> parse_venue_table(std::string_view tsv) {
    std::vector<VenueEntry> table;
    std::set<std::string> seen;
    std::size_t no = 0;
    for (auto line : split(tsv, '\n')) {
        ++no;
        if (trim(line).empty() || line.front() == '#') continue;
        VenueEntry e = parse_line(line, no);
        if (!seen.insert(e.venue).second)
            throw Error("venues.tsv:" + std::to_string(no) + ": \"" + e.venue + "\" is listed twice");
        table.push_back(std::move(e));
    }
    return table;
}

const std::vector<VenueEntry>& venue_table() {
    static const std::vector<VenueEntry> table = parse_venue_table(venue_table_text());
    return table;
}

}  // namespace paperdex::importers::internal
