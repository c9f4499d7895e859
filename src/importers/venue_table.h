#pragma once
// The table of canonical venues (venues.tsv beside this file), embedded in the library at build time so that an
// installed binary needs no data file: CMake writes its text into a generated source (venue_table_text()).
#include <string>
#include <string_view>
#include <vector>

namespace paperdex::importers::internal {

/// One line of venues.tsv.
struct VenueEntry {
    std::string venue;                 ///< canonical short name, unique in the table
    std::string kind;                  ///< conference, journal or workshop
    bool has_findings = false;         ///< kind written "conference+findings": the ACL family
    std::string name;                  ///< full name
    std::vector<std::string> aliases;  ///< the short name first, then the file's aliases, as written
};

/// venues.tsv's text, as it was when the library was built.
std::string_view venue_table_text();

/// The entries of a venues.tsv text; '#' lines and blank lines are skipped.
/// @throws Error naming the line ("venues.tsv:12: ...") for a line without four columns, an unknown kind, or a
/// short name that comes twice.
std::vector<VenueEntry> parse_venue_table(std::string_view tsv);

/// parse_venue_table(venue_table_text()), parsed once. @throws Error as parse_venue_table (a build with a broken
/// table; tests/test_venue_extraction.cpp parses it, so such a build fails its tests).
const std::vector<VenueEntry>& venue_table();

}  // namespace paperdex::importers::internal
