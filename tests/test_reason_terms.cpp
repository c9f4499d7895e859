// Terms shown as reasons: the display stoplist, the document-frequency bounds, the surface form of a stem, and,
// over the real default corpus, that no shown reason is an English stopword of an independent list.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "index/author_record.h"
#include "index_fixture.h"
#include "paperdex/authors/collaborators.h"
#include "paperdex/index/document.h"
#include "paperdex/search/similar.h"
#include "search/display_stopwords.h"
#include "search/reason_terms.h"
#include "search/surface_forms.h"

using namespace paperdex;

TEST_CASE("reason terms: the most common surface form of a stem, ties to the first in byte order") {
    SurfaceForms forms;
    // RecNMP-like counts: "caching" twice in the abstract (1 each) and once in the title (1 + kTitleWdfBoost = 3)
    // is 5; "cache" three times in the abstract is 3; "caches" once is 1. 5 > 3 > 1: "caching".
    forms.add("Zcach", "caching", 1);
    forms.add("Zcach", "cache", 1);
    forms.add("Zcach", "caching", 1);
    forms.add("Zcach", "caches", 1);
    forms.add("Zcach", "cache", 1);
    forms.add("Zcach", "caching", 3);
    forms.add("Zcach", "cache", 1);
    CHECK(forms.most_common("Zcach") == "caching");
    // A tie (2 and 2) goes to the word first in byte order, whichever was added first.
    forms.add("Zstrategi", "strategy", 1);
    forms.add("Zstrategi", "strategies", 1);
    forms.add("Zstrategi", "strategy", 1);
    forms.add("Zstrategi", "strategies", 1);
    CHECK(forms.most_common("Zstrategi") == "strategies");
    forms.add("Zmodel", "models", 2);
    forms.add("Zmodel", "model", 2);
    CHECK(forms.most_common("Zmodel") == "model");
    CHECK(forms.most_common("Zabsent").empty());
}

TEST_CASE("reason terms: the display stoplist") {
    for (const char* w : {"there", "towards", "toward", "the", "can", "however", "dubbed", "respectively", "via",
                          "don't", "don\u2019t", "it's", "cause", "seems"})
        CHECK_MESSAGE(is_display_stopword(w), w);
    for (const char* w : {"cache", "prefetching", "recommendation", "law", "memory", "there's-not-a-word", ""})
        CHECK_MESSAGE(!is_display_stopword(w), w);
}

TEST_CASE("reason terms: shown only between the document-frequency bounds") {
    // A corpus of 3,518 works: at most floor(0.1 × 3518) = 351 works.
    CHECK(reads_as_reason({"memori", "memory", 351, 1, 3518}));
    CHECK_FALSE(reads_as_reason({"model", "model", 352, 1, 3518}));
    // 50 works: the cap is kMinShownDocFreqCap (20), not 5.
    CHECK(reads_as_reason({"cach", "caching", 20, 1, 50}));
    CHECK_FALSE(reads_as_reason({"cach", "caching", 21, 1, 50}));
    // In three works, all of them the sources' ("moore's" on one author's works): shown only if another has it.
    CHECK_FALSE(reads_as_reason({"moor", "moore's", 3, 3, 3518}));
    CHECK(reads_as_reason({"moor", "moore's", 4, 3, 3518}));
    // A stopword by its shown word or by its stem ("others" → "other").
    CHECK_FALSE(reads_as_reason({"toward", "towards", 30, 1, 3518}));
    CHECK_FALSE(reads_as_reason({"other", "others", 30, 1, 3518}));
}

namespace {

Searcher& searcher() { return testing::default_searcher(); }
AuthorIndex& authors() { return testing::default_authors(); }

// The independent list (tests/data/smart-english-stop.txt: SMART's, not the code's Snowball-based one).
const std::set<std::string>& smart_stopwords() {
    static const std::set<std::string> words = [] {
        std::ifstream in(std::string(PAPERDEX_SOURCE_DIR) + "/tests/data/smart-english-stop.txt");
        REQUIRE(in);
        std::set<std::string> out;
        for (std::string line; std::getline(in, line);)
            if (!line.empty() && line[0] != '#') out.insert(line);
        return out;
    }();
    return words;
}

// The two seed researchers and the 20 other authors with most works (ties: key), as stored in the author index.
std::vector<std::string> authors_checked() {
    const Xapian::Database& db = authors().database();
    std::vector<std::pair<unsigned, std::string>> all;
    const std::string q(author_db::kKeyPrefix);
    for (auto t = db.allterms_begin(q); t != db.allterms_end(q); ++t) {
        const std::string key = (*t).substr(q.size());
        all.push_back({authors().get(key).works_count, key});
    }
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    std::vector<std::string> keys{"kim hazelwood", "milad hashemi"};
    for (const auto& [works, key] : all)
        if (keys.size() < 22 && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    return keys;
}

// A shown word is a stopword if it is listed, or its part before an apostrophe is ("there's" → "there").
bool is_smart_stopword(const std::string& word) {
    const auto& list = smart_stopwords();
    return list.count(word) || list.count(word.substr(0, word.find_first_of("'\xE2")));
}

struct Shown {
    std::size_t checked = 0;
    std::vector<std::string> stopwords;  // "where: word"
    void check(const std::string& where, const std::string& word) {
        ++checked;
        if (is_smart_stopword(word)) stopwords.push_back(where + ": " + word);
    }
};

void check_similar(const std::string& id, Shown& shown) {
    const SimilarResponse r = similar(searcher(), id, {});
    for (const auto* list : {&r.terms, &r.feedback_terms})
        for (const auto& t : *list)
            if (t.shown) shown.check("terms of " + id, t.display);
    for (const auto& h : r.hits)
        for (const auto& m : h.matched_terms) shown.check("similar to " + id + ", " + h.id, m);
}

}  // namespace

TEST_CASE("reason terms: on the default corpus no shown reason is an English stopword (SMART's list)") {
    REQUIRE(smart_stopwords().size() > 500);
    const auto keys = authors_checked();
    REQUIRE(keys.size() == 22);
    Shown shown;
    for (const auto& key : keys) {
        CAPTURE(key);
        for (const auto& t : author_profile(searcher(), authors(), key).terms) shown.check("terms of " + key, t.display);
        for (const auto& s : suggest_collaborators(searcher(), authors(), key).suggestions)
            for (const auto& t : s.shared_terms) shown.check("shared by " + key + " and " + s.key, t);
        for (Xapian::docid d : works_by(searcher().database(), key))
            check_similar(stored_work(searcher().database().get_document(d)).id, shown);
    }
    std::string found;
    for (const auto& s : shown.stopwords) found += "\n  " + s;
    CHECK_MESSAGE(shown.stopwords.empty(), shown.stopwords.size() << " stopwords shown:" << found);
    // Not vacuous: thousands of shown words were looked at.
    CHECK(shown.checked > 2000);
    MESSAGE(shown.checked << " shown reason words checked");
}
