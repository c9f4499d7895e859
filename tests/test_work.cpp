#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "paperdex/error.h"
#include "paperdex/corpus/work.h"

using paperdex::Author;
using paperdex::InvalidArgument;
using paperdex::Work;

// Designated initializers name only the known fields; GCC 12 warns about the rest under -Wextra.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace {

// Every field set, values as the arxiv-oai importer makes them for arXiv 0704.0001.
Work full_work() {
    return Work{.id = "arxiv:0704.0001",
                .title = "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies",
                .abstract = "A fully differential calculation in perturbative quantum chromodynamics is presented.",
                .authors = {{"C. Balázs", ""}, {"E. L. Berger", "orcid:0000-0000"}},
                .year = 2007,
                .date = "2007-04-02",
                .venue = "Phys.Rev.D76:013009,2007",
                .type = "article",
                .topics = {"hep-ph"},
                .doi = "10.1103/physrevd.76.013009",
                .arxiv_id = "0704.0001",
                .url = "https://arxiv.org/abs/0704.0001",
                .source = "arxiv-oai"};
}

Work parse(const std::string& text) { return nlohmann::json::parse(text).get<Work>(); }

}  // namespace

TEST_CASE("work: JSON round trip keeps every field") {
    Work w = full_work();
    std::string line = nlohmann::json(w).dump();
    CHECK(parse(line) == w);
    // Unknown fields are ignored; a bare author name is accepted.
    Work b = parse(R"({"id":"cacm:1","title":"T","source":"smart","authors":["A. J. Perlis"],"extra":1})");
    CHECK(b.authors == std::vector<Author>{{"A. J. Perlis", ""}});
}

TEST_CASE("work: empty fields are left out of the JSON form") {
    Work w{.id = "cacm:1", .title = "Preliminary Report-International Algebraic Language", .source = "smart"};
    CHECK(nlohmann::json(w).dump() ==
          R"({"id":"cacm:1","source":"smart","title":"Preliminary Report-International Algebraic Language"})");
}

TEST_CASE("work: from_json names the field and the value it got") {
    CHECK_THROWS_WITH_AS(parse(R"({"id":"a","title":"t","source":"s","year":"2019a"})"),
                         "\"year\" must be an integer, got \"2019a\"", InvalidArgument);
    CHECK_THROWS_WITH_AS(parse(R"({"id":"a","title":"t","source":"s","authors":"Kim"})"),
                         "\"authors\" must be an array, got \"Kim\"", InvalidArgument);
    CHECK_THROWS_WITH_AS(parse(R"({"id":7})"), "\"id\" must be a string, got 7", InvalidArgument);
    CHECK_THROWS_WITH_AS(parse(R"({"id":"a","topics":["x",1]})"), "\"topics\" entries must be strings, got 1",
                         InvalidArgument);
    CHECK_THROWS_WITH_AS(parse(R"([1])"), "a work must be a JSON object, got [1]", InvalidArgument);
    try {
        parse(R"({"year":"x"})");
    } catch (const InvalidArgument& e) {
        CHECK(e.parameter() == "year");
    }
}

TEST_CASE("work: from_json throws InvalidArgument, not nlohmann's type_error, for a value that is not UTF-8") {
    // A json built in code (not parsed) may hold invalid UTF-8, which nlohmann's default dump() refuses.
    nlohmann::json j = {{"id", "a"}, {"topics", {"x", nlohmann::json::array({std::string("\xff")})}}};
    CHECK_THROWS_WITH_AS(j.get<Work>(), "\"topics\" entries must be strings, got [\"\xef\xbf\xbd\"]", InvalidArgument);
    nlohmann::json a = {{"id", "a"}, {"authors", {nlohmann::json::array({std::string("\xff")})}}};
    CHECK_THROWS_AS(a.get<Work>(), InvalidArgument);
}

TEST_CASE("work: from_json quotes a bounded excerpt of a hostile value, never the value itself") {
    // 100,000 nested arrays: quoting them with dump() recursed until the stack overflowed (issue 17).
    const std::size_t depth = 100000;
    const std::string nested = std::string(depth, '[') + std::string(depth, ']');
    CHECK_THROWS_WITH_AS(parse(R"({"id":"a","title":"t","source":"s","year":)" + nested + "}"),
                         "\"year\" must be an integer, got an array of 1 item", InvalidArgument);
    // A megabyte-long string is cut at a character boundary: 40 bytes would split the 3-byte "€" at 39..41.
    const std::string long_year = std::string(39, '1') + "€" + std::string(1 << 20, 'x');
    CHECK_THROWS_WITH_AS(parse(R"({"id":"a","title":"t","source":"s","year":")" + long_year + "\"}"),
                         ("\"year\" must be an integer, got \"" + std::string(39, '1') + "…\"").c_str(), InvalidArgument);
}

TEST_CASE("work: validate lists each problem") {
    CHECK(paperdex::validate(full_work()).empty());
    // A title or an abstract is enough (CACM .I 3193 has only an abstract).
    CHECK(paperdex::validate(Work{.id = "cacm:3193", .abstract = "Work is in progress.", .source = "smart"}).empty());
    Work bad{.authors = {{" ", ""}}, .year = 19, .date = "2007-4-2"};
    CHECK(paperdex::validate(bad) == std::vector<std::string>{
                                         "missing \"id\"",
                                         "missing \"title\"",
                                         "missing \"source\"",
                                         "\"year\" must be 1000..2100, got 19",
                                         "\"date\" must be YYYY-MM-DD, got \"2007-4-2\"",
                                         "\"authors\"[0] has an empty name",
                                     });
}

TEST_CASE("work: validate refuses an id that cannot be indexed") {
    // The id becomes the term "Q"+id, and Xapian refuses a term over 245 bytes for the whole rebuild.
    auto with_id = [](std::string id) { return paperdex::validate(Work{.id = std::move(id), .title = "t", .source = "test"}); };
    CHECK(with_id("x:" + std::string(198, 'a')).empty());
    CHECK(with_id("x:" + std::string(196, 'a') + "\u00e9").empty());  // 200 bytes, 199 characters
    CHECK(with_id(std::string(300, 'a')) == std::vector<std::string>{"\"id\" is longer than 200 bytes (300)"});
    CHECK(with_id("x:" + std::string(199, 'a')) ==
          std::vector<std::string>{"\"id\" is longer than 200 bytes (201)"});
    using namespace std::string_literals;  // ""s keeps the NUL
    for (std::string control : {"a\0b"s, "a\nb"s, "a\tb"s, "a\x7f"s, "a\u0085b"s})
        CHECK(with_id(control) == std::vector<std::string>{"\"id\" contains a control character"});
    for (std::string blank : {" ", "   ", "\u3000"})
        CHECK(with_id(blank) == std::vector<std::string>{"\"id\" is blank"});
    for (std::string broken : {"x:\xff", "x:\xc3", "x:\xed\xa0\x80"})  // a stray byte, a cut sequence, a surrogate
        CHECK(with_id(broken) == std::vector<std::string>{"\"id\" is not valid UTF-8"});
}

TEST_CASE("work: author_key is the id when there is one, else the name's key") {
    CHECK(paperdex::author_key({"Marcus R. Munafò", "openalex:A5006758334"}) == "id:openalex:A5006758334");
    CHECK(paperdex::author_key({"Marcus R. Munafò", ""}) == "marcus r munafo");
    CHECK(paperdex::author_key({"Kim  Hazelwood", ""}) == "kim hazelwood");
    CHECK(paperdex::author_key({"kim hazelwood", ""}) == "kim hazelwood");
}
