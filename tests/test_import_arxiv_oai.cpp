#include "import_harness.h"

using namespace harness;
using paperdex::importers::import;
using paperdex::importers::latex_to_unicode;

namespace {
const std::string snapshot = data("arxiv-kaggle-sample/arxiv-metadata-oai-snapshot.head200.json");
}

TEST_CASE("import arxiv-oai: 200 snapshot records, C. Balázs spelled in Unicode") {
    auto r = import("arxiv-oai", {snapshot});
    check_accounting(r);
    CHECK(error_texts(r).empty());
    REQUIRE(r.works.size() == 200);
    CHECK(r.works.front().id == "arxiv:0704.0001");
    CHECK(r.works.back().id == "arxiv:0704.0200");
    check_work(r.works[0],
               Work{.id = "arxiv:0704.0001",
                    .title = "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies",
                    .authors = {{"C. Balázs", ""}, {"E. L. Berger", ""}, {"P. M. Nadolsky", ""}, {"C. -P. Yuan", ""}},
                    .year = 2007,
                    .date = "2007-04-02",
                    .venue = "Phys.Rev.D76:013009,2007",
                    .type = "article",
                    .topics = {"hep-ph"},
                    .doi = "10.1103/physrevd.76.013009",
                    .arxiv_id = "0704.0001",
                    .url = "https://arxiv.org/abs/0704.0001",
                    .source = "arxiv-oai"},
               Abstract{"A fully differential calculation in perturbative quantum chromodynamics is presented",
                        "enhanced sensitivity to the signal can be obtained with judicious selection of events.", 980});
    // No journal-ref: venue arXiv, type preprint; "Mikkel {\O}bro" in the authors string.
    check_work(find(r, "arxiv:0704.0049"),
               Work{.id = "arxiv:0704.0049",
                    .title = "An algorithm for the classification of smooth Fano polytopes",
                    .authors = {{"Mikkel Øbro", ""}},
                    .year = 2007,
                    .date = "2007-04-02",
                    .venue = "arXiv",
                    .type = "preprint",
                    .topics = {"math.CO"},
                    .arxiv_id = "0704.0049",
                    .url = "https://arxiv.org/abs/0704.0049",
                    .source = "arxiv-oai"},
               Abstract{"We present an algorithm that produces the classification list of smooth Fano d-polytopes",
                        "72256 isomorphism classes of smooth Fano 7-polytopes.", 377});
    CHECK(find(r, "arxiv:0704.0062").authors ==
          std::vector<Author>{{"Rastislav Šrámek", ""}, {"Broňa Brejová", ""}, {"Tomáš Vinař", ""}});
}

TEST_CASE("import arxiv-oai: without authors_parsed the authors string is split and its accents converted") {
    // Handmade: every real record has authors_parsed, so the fallback is exercised on the real 0704.0062 and
    // 0704.0163 author strings with authors_parsed removed (affiliations in parentheses are not names).
    TempDir dir;
    auto file = dir.write("oai.json",
                          R"({"id":"0704.0062","authors":"Rastislav \\v{S}r\\'amek, Bro\\v{n}a Brejov\\'a, Tom\\'a\\v{s} Vina\\v{r}","title":"On-line Viterbi Algorithm","abstract":"  x\n","versions":[],"update_date":"2007-05-23","categories":"cs.DS q-bio.GN"})"
                          "\n"
                          R"j({"id":"0704.0163","authors":"Peter Brommer and Franz G\\\"ahler (Institut f\\\"ur Theoretische und\n  Angewandte Physik, Universit\\\"at Stuttgart)","title":"Effective potentials"})j"
                          "\n"
                          R"({"id":"0704.9999","authors":"Nobody","title":"Bad","versions":"v1"})"
                          "\n"
                          "not json\n");
    auto r = import("arxiv-oai", {file});
    check_accounting(r);
    REQUIRE(r.works.size() == 3);
    CHECK(r.works[0].authors == std::vector<Author>{{"Rastislav Šrámek", ""}, {"Broňa Brejová", ""}, {"Tomáš Vinař", ""}});
    CHECK(r.works[0].date == "2007-05-23");
    CHECK(r.works[0].year == 2007);
    CHECK(r.works[0].topics == std::vector<std::string>{"cs.DS", "q-bio.GN"});
    CHECK(r.works[1].authors == std::vector<Author>{{"Peter Brommer", ""}, {"Franz Gähler", ""}});
    CHECK(!r.works[2].year);  // "versions" of the wrong type and no update_date: no date is known
    CHECK(error_texts(r) == std::vector<std::string>{
                                file + ":4: invalid JSON: syntax error while parsing value - invalid literal; last read: 'no'"});
}

TEST_CASE("latex_to_unicode: the accent commands of arXiv author lists") {
    CHECK(latex_to_unicode("Bal\\'azs") == "Balázs");
    CHECK(latex_to_unicode("\\v{S}r\\'amek") == "Šrámek");
    CHECK(latex_to_unicode("Mikkel {\\O}bro") == "Mikkel Øbro");
    CHECK(latex_to_unicode("G\\\"{o}del, Erd\\H{o}s, Lema\\^{\\i}tre") == "Gödel, Erdős, Lemaître");
    CHECK(latex_to_unicode("Fran\\c{c}ois, Fran\\c cois, {\\c C}elik") == "François, François, Çelik");
    CHECK(latex_to_unicode("Tom\\`as, Mu\\~noz, \\AA{}ngstr\\\"om, Gau\\ss, \\L{}ukasz, Dvo\\v{r}\\'ak") ==
          "Tomàs, Muñoz, Ångström, Gauß, Łukasz, Dvořák");
    CHECK(latex_to_unicode("\\u{a} \\={o} \\.{z} \\r{u} \\k{e} \\'\\i") == "ă ō ż ů ę í");
    // Math and unknown commands stay as they are.
    CHECK(latex_to_unicode("$(k,\\ell)$-sparse \\emph{graphs}") == "$(k,\\ell)$-sparse \\emph{graphs}");
    CHECK(latex_to_unicode("trailing \\") == "trailing \\");
}
