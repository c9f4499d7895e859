// TeX in real arXiv titles and abstracts: found by the words it shows, kept as source in the stored work, and
// never cut in half by a snippet.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "index_fixture.h"
#include "paperdex/corpus/tex.h"
#include "paperdex/corpus/text.h"
#include "paperdex/importers/importers.h"
#include "paperdex/index/document.h"
#include "paperdex/index/schema.h"
#include "paperdex/search/searcher.h"

using namespace paperdex;

namespace {

// Two days of the real arXiv listings, indexed in memory: 2025-04-15 holds 2504.09973, whose abstract says
// "\emph{Sparse Prompt Module (SPM)}" and nowhere else "sparse"; 2025-05-23 holds 2505.16994,
// "$\text{R}^2\text{ec}$: Towards Large Recommender Models with Reasoning".
Xapian::WritableDatabase arxiv_days() {
    const std::string dir = std::string(PAPERDEX_DATA_DIR) + "/arxiv-daily/";
    const auto imported = importers::import_arxiv_daily({dir + "2025-04-15.jsonl.gz", dir + "2025-05-23.jsonl.gz"}, {});
    REQUIRE(imported.works.size() > 100);
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder;
    for (const Work& w : imported.works) db.replace_document(std::string(schema::kIdPrefix) + w.id, builder.build(w));
    db.commit();
    return db;
}

std::vector<std::string> ids(const SearchResponse& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.id);
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// What a snippet shows: markup removed, Xapian's escapes undone.
std::string shown(std::string s) {
    for (const std::string tag : {"<mark>", "</mark>"})
        for (auto p = s.find(tag); p != std::string::npos; p = s.find(tag)) s.erase(p, tag.size());
    for (const auto& [from, to] : std::map<std::string, std::string>{{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}})
        for (auto p = s.find(from); p != std::string::npos; p = s.find(from, p + 1)) s.replace(p, from.size(), to);
    return s;
}

// The dollar signs of `s` that are not escaped ("\$").
std::size_t dollars(const std::string& s) {
    std::size_t n = 0;
    for (std::size_t p = 0; p < s.size(); ++p) {
        if (s[p] == '\\') ++p;
        else if (s[p] == '$') ++n;
    }
    return n;
}

// The math of `s` as strings.
std::set<std::string> math_of(const std::string& s) {
    std::set<std::string> out;
    for (const auto& m : text::math_spans(s)) out.insert(s.substr(m.begin, m.end - m.begin));
    return out;
}

// Lower-case letters from up to 30 bytes on each side of `m`: no operator, quote or wildcard reaches the parser.
std::string words_around(const std::string& s, const text::MathSpan& m) {
    const std::size_t from = m.begin > 30 ? m.begin - 30 : 0;
    std::string q = s.substr(from, m.begin - from) + " " + s.substr(m.end, 30);
    for (char& c : q) c = (c >= 'a' && c <= 'z') ? c : (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : ' ';
    return text::squeeze(q);
}

}  // namespace

TEST_CASE("search tex: q=sparse finds the work that says \\emph{Sparse …}, and R2ec the $\\text{R}^2\\text{ec}$ one") {
    Xapian::WritableDatabase db = arxiv_days();
    Searcher s(db);
    SearchRequest req;
    req.limit = 100;
    req.query = "sparse";
    const auto sparse = s.search(req);
    REQUIRE(has(ids(sparse), "arxiv:2504.09973"));
    for (const auto& h : sparse.hits)
        if (h.id == "arxiv:2504.09973") {
            CHECK(h.snippet.find("<mark>Sparse</mark> Prompt Module") != std::string::npos);
            // the JSON keeps the source text
            CHECK(h.work.abstract.find("\\emph{Sparse Prompt Module (SPM)}") != std::string::npos);
        }
    req.query = "R2ec";
    const auto r2ec = s.search(req);
    REQUIRE(!r2ec.hits.empty());
    CHECK(r2ec.hits[0].id == "arxiv:2505.16994");
    CHECK(r2ec.hits[0].work.title == "$\\text{R}^2\\text{ec}$: Towards Large Recommender Models with Reasoning");
    // TeX commands are not words of the text
    for (const char* command : {"emph", "textbf", "textit", "mathcal", "mathbf"})
        CHECK_MESSAGE(db.get_termfreq(std::string("Z") + Xapian::Stem("english")(command)) == 0, command);
}

TEST_CASE("search tex: no snippet or title of the default corpus cuts through $…$") {
    // Every work with math, searched for the words on each side of its first formula, so that the fragment Xapian
    // picks sits next to math and would cut it if it could.
    Searcher& s = testing::default_searcher();
    std::size_t checked = 0, with_math = 0;
    for (const Work& w : testing::default_works()) {
        const auto spans = text::math_spans(w.abstract);
        if (spans.empty() || dollars(w.abstract) != 2 * spans.size()) continue;  // skip lone dollar signs
        SearchRequest req;
        req.query = words_around(w.abstract, spans[0]);
        req.limit = 20;
        const SearchResponse r = s.search(req);
        for (const Hit& h : r.hits) {
            for (const auto& [html, source] : {std::pair{h.snippet, h.work.abstract}, std::pair{h.title_html, h.work.title}}) {
                if (dollars(source) != 2 * text::math_spans(source).size()) continue;
                const std::string plain = shown(html);
                ++checked;
                const auto shown_math = math_of(plain);
                if (!shown_math.empty()) ++with_math;
                CHECK_MESSAGE(dollars(plain) == 2 * text::math_spans(plain).size(), h.id, ": ", html);
                for (const auto& m : shown_math) CHECK_MESSAGE(math_of(source).count(m) == 1, h.id, ": ", m);
            }
        }
    }
    MESSAGE(checked, " snippets and titles checked, ", with_math, " with math");
    CHECK(with_math > 200);
}
