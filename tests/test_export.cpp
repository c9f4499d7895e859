// Citations out (paperdex/export): keys, names, escaping and the three writers, against expected values worked out
// by hand. tests/export.test.sh parses the writers' output of real works with real parsers.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "paperdex/error.h"
#include "paperdex/export/bibtex.h"
#include "paperdex/export/citation.h"
#include "paperdex/export/citation_key.h"
#include "paperdex/export/csl_json.h"
#include "paperdex/export/person_name.h"
#include "paperdex/export/ris.h"
#include "paperdex/export/work_kind.h"

using namespace paperdex;
using namespace paperdex::citation;

// Designated initializers name only the known fields; GCC 12 warns about the rest under -Wextra.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace {

Work recnmp() {
    return Work{.id = "arxiv:1912.12953",
                .title = "RecNMP: Accelerating Personalized Recommendation with Near-Memory Processing",
                .abstract = "Personalized recommendation systems leverage deep learning models & 80% of cycles.",
                .authors = {{"Liu Ke", ""}, {"Udit Gupta", ""}, {"Kim Hazelwood", ""}},
                .year = 2019,
                .date = "2019-12-30",
                .venue = "arXiv",
                .type = "preprint",
                .topics = {"cs.DC", "cs.LG"},
                .arxiv_id = "1912.12953",
                .source = "arxiv-listing"};
}

Work with_first_author(std::string name, int year, std::string title) {
    return Work{.id = "x:1", .title = std::move(title), .authors = {{std::move(name), ""}}, .year = year, .source = "t"};
}

}  // namespace

TEST_CASE("citation_key: family name folded to ASCII, year, first significant title word") {
    Work w = recnmp();
    w.authors = {{"Kim Hazelwood", ""}};
    w.year = 2020;
    CHECK(citation_key(w) == "hazelwood2020recnmp");
    CHECK(citation_key(with_first_author("Britta K. Hölzel", 2015, "The neuroscience of mindfulness meditation")) ==
          "holzel2015neuroscience");
    CHECK(citation_key(with_first_author("Uğur Doğrusöz", 2012, "On the cBio Cancer Genomics Portal")) ==
          "dogrusoz2012cbio");
    CHECK(citation_key(with_first_author("Benjamin Groß", 2012, "Towards a Theory")) == "gross2012theory");
    CHECK(citation_key(with_first_author("Paweł Horodecki", 2009, "Quantum entanglement")) == "horodecki2009quantum");
    CHECK(citation_key(with_first_author("Ludwig van Beethoven", 1808, "Symphony No. 5")) ==
          "vanbeethoven1808symphony");
    CHECK(citation_key(with_first_author("Intergovernmental Panel on Climate Change", 2014,
                                         "Climate Change 2013 – The Physical Science Basis")) ==
          "intergovernmental2014climate");
    // TeX control words are markup, not title words; one-letter words and numbers are skipped.
    CHECK(citation_key(with_first_author("Ann O'Brien", 2025, "\\emph{Sparse} 3 x attention")) ==
          "obrien2025sparse");
    CHECK(citation_key(with_first_author("王小明", 2025, "A survey")) == "2025survey");  // no ASCII letter: left out
    CHECK(citation_key(Work{.id = "x", .title = "", .source = "t"}) == "work");
}

TEST_CASE("citation_keys: duplicates in one export get a, b, ... in order, deterministically") {
    const Work a = with_first_author("Kim Hazelwood", 2020, "RecNMP");
    // `other`'s own key is taken by the second `a` when it comes, so it gets its first free suffix; the fourth
    // work then takes the next free suffix of its own base.
    const Work other = with_first_author("Kim Hazelwood", 2020, "RecNMPa");
    const std::vector<std::string> expected{"hazelwood2020recnmp", "hazelwood2020recnmpa", "hazelwood2020recnmpaa",
                                            "hazelwood2020recnmpb"};
    CHECK(citation_keys({a, a, other, a}) == expected);
    CHECK(citation_keys({a, a, other, a}) == citation_keys({a, a, other, a}));
    std::vector<Work> many(28, a);
    const auto keys = citation_keys(many);
    CHECK(keys[26] == "hazelwood2020recnmpz");
    CHECK(keys[27] == "hazelwood2020recnmpaa");
}

TEST_CASE("split_name: given, family with particles, suffix, organisations whole") {
    auto check = [](std::string_view in, std::string given, std::string family, std::string suffix, std::string literal) {
        const PersonName n = split_name(in);
        CHECK_MESSAGE(n.given == given, in);
        CHECK_MESSAGE(n.family == family, in);
        CHECK_MESSAGE(n.suffix == suffix, in);
        CHECK_MESSAGE(n.literal == literal, in);
    };
    check("Kim  Hazelwood ", "Kim", "Hazelwood", "", "");
    check("John P. A. Ioannidis", "John P. A.", "Ioannidis", "", "");
    check("Ludwig van Beethoven", "Ludwig", "van Beethoven", "", "");
    check("Martin Luther King Jr.", "Martin Luther", "King", "Jr.", "");
    check("Hazelwood, Kim", "Kim", "Hazelwood", "", "");
    check("King, Jr., Martin", "Martin", "King", "Jr.", "");
    check("Intergovernmental Panel on Climate Change", "", "", "", "Intergovernmental Panel on Climate Change");
    check("PedregosaFabian", "", "", "", "PedregosaFabian");
    check("Gian‐Kasper Plattner", "Gian‐Kasper", "Plattner", "", "");
}

TEST_CASE("work_kind: the importers' types and the venue kinds map to entry types") {
    auto kind = [](std::string type, std::string arxiv = "") {
        return work_kind(Work{.id = "x", .title = "t", .type = std::move(type), .arxiv_id = std::move(arxiv)});
    };
    CHECK(kind("journal") == WorkKind::journal_article);
    CHECK(kind("article") == WorkKind::journal_article);
    CHECK(kind("review") == WorkKind::journal_article);
    CHECK(kind("conference") == WorkKind::conference_paper);
    CHECK(kind("Workshop") == WorkKind::conference_paper);
    CHECK(kind("findings") == WorkKind::conference_paper);
    CHECK(kind("preprint") == WorkKind::preprint);
    CHECK(kind("book") == WorkKind::book);
    CHECK(kind("book-chapter") == WorkKind::chapter);
    CHECK(kind("report") == WorkKind::report);
    CHECK(kind("dissertation") == WorkKind::thesis);
    CHECK(kind("dataset") == WorkKind::dataset);
    CHECK(kind("", "2005.02544") == WorkKind::preprint);
    CHECK(kind("paratext") == WorkKind::other);
}

TEST_CASE("bibtex_escape: the ten TeX specials, one line, valid UTF-8, non-ASCII kept") {
    CHECK(bibtex_escape("Q&A: 50% of {GPU}s") == "Q\\&A: 50\\% of \\textbraceleft{}GPU\\textbraceright{}s");
    CHECK(bibtex_escape("$\\text{R}^2$ #1 a_b ~x") == "\\$\\textbackslash{}text\\textbraceleft{}R\\textbraceright{}"
                                                      "\\textasciicircum{}2\\$ \\#1 a\\_b \\textasciitilde{}x");
    // A lone brace (a real arXiv abstract has "corpus}") stays balanced for BibTeX, which counts \} too.
    CHECK(bibtex_escape("a fixed corpus} and") == "a fixed corpus\\textbraceright{} and");
    CHECK(bibtex_escape("Hölzel\n\tGroß  ") == "Hölzel Groß");
    CHECK(bibtex_escape("a\xff" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(bibtex_escape("") == "");
    CHECK(bibtex_escape("a--b --- ``q'' <<g>> !`") == "a-{}-b -{}-{}- `{}`q'{}' <{}<g>{}> !{}`");
}

TEST_CASE("bibtex_title: words with inner capitals are brace-protected") {
    CHECK(bibtex_title("RecNMP: Fast GPUs for all") == "{RecNMP:} Fast {GPUs} for all");
    CHECK(bibtex_title("Q&A in NLP") == "{Q\\&A} in {NLP}");
    CHECK(bibtex_title("$\\mathcal{O}(N)$ time") ==
          "\\$\\textbackslash{}mathcal\\textbraceleft{}O\\textbraceright{}(N)\\$ time");
}

TEST_CASE("to_bibtex: a preprint as @misc with eprint, archivePrefix and primaryClass") {
    const std::string expected =
        "@misc{ke2019recnmp,\n"
        "  title = {{RecNMP:} Accelerating Personalized Recommendation with {Near-Memory} Processing},\n"
        "  author = {Ke, Liu and Gupta, Udit and Hazelwood, Kim},\n"
        "  year = {2019},\n"
        "  date = {2019-12-30},\n"
        "  howpublished = {arXiv},\n"
        "  eprint = {1912.12953},\n"
        "  archivePrefix = {arXiv},\n"
        "  primaryClass = {cs.DC},\n"
        "  url = {https://arxiv.org/abs/1912.12953},\n"
        "  abstract = {Personalized recommendation systems leverage deep learning models \\& 80\\% of cycles.}\n"
        "}\n";
    CHECK(to_bibtex({recnmp()}, {"ke2019recnmp"}) == expected);
    CHECK_THROWS_AS(to_bibtex({recnmp()}, {}), std::invalid_argument);
}

TEST_CASE("to_bibtex: journal, conference and organisation authors") {
    Work w{.id = "doi:10.1038/nrn3916", .title = "The neuroscience of mindfulness meditation",
           .authors = {{"Yi-Yuan Tang", ""}, {"Britta K. Hölzel", ""}, {"Science and Technology Council", ""},
                       {"Miguel Nunez-del-Prado", ""}},
           .year = 2015, .venue = "Nature Reviews Neuroscience", .type = "review", .doi = "10.1038/nrn3916",
           .source = "openalex"};
    CHECK(write({w}, Format::bibtex) ==
          "@article{tang2015neuroscience,\n"
          "  title = {The neuroscience of mindfulness meditation},\n"
          "  author = {Tang, Yi-Yuan and Hölzel, Britta K. and {Science and Technology Council} and "
          "{Nunez-del-Prado}, Miguel},\n"
          "  year = {2015},\n"
          "  journal = {Nature Reviews Neuroscience},\n"
          "  doi = {10.1038/nrn3916},\n"
          "  url = {https://doi.org/10.1038/nrn3916}\n"
          "}\n");
    w.type = "conference";
    CHECK(write({w}, Format::bibtex).rfind("@inproceedings{tang2015neuroscience,\n", 0) == 0);
    CHECK(write({w}, Format::bibtex).find("  booktitle = {Nature Reviews Neuroscience},\n") != std::string::npos);
}

TEST_CASE("to_ris: tags in order, one author a line, CRLF") {
    const std::string expected =
        "TY  - UNPB\r\n"
        "ID  - ke2019recnmp\r\n"
        "TI  - RecNMP: Accelerating Personalized Recommendation with Near-Memory Processing\r\n"
        "AU  - Ke, Liu\r\n"
        "AU  - Gupta, Udit\r\n"
        "AU  - Hazelwood, Kim\r\n"
        "PY  - 2019\r\n"
        "DA  - 2019/12/30/\r\n"
        "PB  - arXiv\r\n"
        "DB  - arXiv\r\n"
        "AN  - arXiv:1912.12953\r\n"
        "M1  - arXiv:1912.12953\r\n"
        "UR  - https://arxiv.org/abs/1912.12953\r\n"
        "AB  - Personalized recommendation systems leverage deep learning models & 80% of cycles.\r\n"
        "ER  - \r\n";
    CHECK(write({recnmp()}, Format::ris) == expected);
    Work j = recnmp();
    j.type = "journal";
    j.venue = "IEEE Micro";
    j.abstract = "line one\nline two";
    const std::string ris = write({j}, Format::ris);
    CHECK(ris.rfind("TY  - JOUR\r\n", 0) == 0);
    CHECK(ris.find("T2  - IEEE Micro\r\n") != std::string::npos);
    CHECK(ris.find("AB  - line one line two\r\n") != std::string::npos);
}

TEST_CASE("to_csl_json: types, names, issued, container or publisher, arXiv as archive") {
    const nlohmann::json items = to_csl_json({recnmp()}, {"ke2019recnmp"});
    const nlohmann::json expected = nlohmann::json::parse(R"({
        "id": "ke2019recnmp", "type": "article",
        "title": "RecNMP: Accelerating Personalized Recommendation with Near-Memory Processing",
        "author": [{"family": "Ke", "given": "Liu"}, {"family": "Gupta", "given": "Udit"},
                   {"family": "Hazelwood", "given": "Kim"}],
        "issued": {"date-parts": [[2019, 12, 30]]},
        "publisher": "arXiv",
        "archive": "arXiv", "archive_location": "1912.12953", "number": "arXiv:1912.12953",
        "URL": "https://arxiv.org/abs/1912.12953",
        "abstract": "Personalized recommendation systems leverage deep learning models & 80% of cycles."
    })");
    REQUIRE(items.size() == 1);
    CHECK(items[0] == expected);
    Work c = recnmp();
    c.type = "workshop";
    c.venue = "MLSys";
    c.authors = {{"Intergovernmental Panel on Climate Change", ""}};
    const nlohmann::json item = to_csl_json({c}, {"k"})[0];
    CHECK(item["type"] == "paper-conference");
    CHECK(item["container-title"] == "MLSys");
    CHECK(item["author"] == nlohmann::json::parse(R"([{"literal": "Intergovernmental Panel on Climate Change"}])"));
    CHECK(write({}, Format::csljson) == "[]\n");
}

TEST_CASE("parse_format: the three names; anything else names the parameter") {
    CHECK(parse_format("bibtex") == Format::bibtex);
    CHECK(parse_format("ris") == Format::ris);
    CHECK(parse_format("csljson") == Format::csljson);
    try {
        parse_format("BibTeX", "--format");
        FAIL("no throw");
    } catch (const InvalidArgument& e) {
        CHECK(e.parameter() == "--format");
        CHECK(std::string(e.what()) == "--format must be bibtex, ris or csljson, got \"BibTeX\"");
    }
    CHECK(content_type(Format::bibtex) == "application/x-bibtex; charset=utf-8");
    CHECK(content_type(Format::ris) == "application/x-research-info-systems; charset=utf-8");
    CHECK(content_type(Format::csljson) == "application/vnd.citationstyles.csl+json; charset=utf-8");
}

TEST_CASE("writers never throw on bad input: invalid UTF-8, empty works, control characters") {
    Work bad{.id = "x", .title = "\xc3\x28 bad \x01 title }{", .authors = {{"", ""}, {"\xff", ""}}, .source = "t"};
    for (Format f : {Format::bibtex, Format::ris, Format::csljson}) {
        std::string out;
        CHECK_NOTHROW(out = write({bad, Work{}}, f));
        CHECK(out.find('\x01') == std::string::npos);
    }
    CHECK(write({}, Format::bibtex).empty());
    CHECK(write({}, Format::ris).empty());
}
