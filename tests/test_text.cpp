#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "corpus/icu_status.h"
#include "paperdex/corpus/text.h"
#include "paperdex/error.h"

using namespace paperdex::text;

// Names below are spelled as the real sources spell them: OAI (Balázs, Šrámek), OpenAlex (Munafò, "Yan‐Wen"
// with U+2010, "Martı́n" as dotless i + combining acute, Łukasz), the profile pages (Kim Hazelwood).

TEST_CASE("text: fold removes accents and case on real author names") {
    CHECK(fold("Balázs") == "balazs");
    CHECK(fold("Rastislav Šrámek") == "rastislav sramek");
    CHECK(fold("Marcus R. Munafò") == "marcus r. munafo");
    CHECK(fold("Kim Hazelwood") == "kim hazelwood");
    CHECK(fold("Straße") == "strasse");
    CHECK(fold("ﬁnance Ⅸ") == "finance ix");  // NFKC: ligature and roman numeral
}

TEST_CASE("text: normalize removes accents but keeps case, so AND/OR stay operators") {
    CHECK(normalize("Gödel AND Erdős") == "Godel AND Erdos");
    CHECK(normalize("Kim Hazelwood") == "Kim Hazelwood");
    CHECK(normalize("C. Balázs") == "C. Balazs");
}

TEST_CASE("text: key makes name variants of punctuation, spacing, accents and case equal") {
    CHECK(key("  Kim   Hazelwood ") == "kim hazelwood");
    CHECK(key("kim hazelwood") == "kim hazelwood");
    CHECK(key("C. Bal\u00e1zs") == "c balazs");
    CHECK(key("C. Balazs") == "c balazs");
    CHECK(key("O'Brien, J.") == "o brien j");
    CHECK(key("C.-P. Yuan") == "c -p yuan");
    CHECK(key("") == "");
    // The Unicode hyphen U+2010 keys like '-'; stroke letters and dotless i like their plain letters.
    CHECK(key("Yan\u2010Wen Tan") == "yan-wen tan");
    CHECK(key("Yan-Wen Tan") == "yan-wen tan");
    CHECK(key("\u0141ukasz Kaiser") == "lukasz kaiser");
    CHECK(key("Mart\u0131\u0301n Abadi") == "martin abadi");
    CHECK(key("Mart\u00edn Abadi") == "martin abadi");
    CHECK(key("Mikkel \u00d8bro") == "mikkel obro");
    CHECK(key("\u201cquoted\u201d \u00b7 title") == "quoted title");
}

TEST_CASE("text: words splits on UAX #29 boundaries, folds, drops punctuation") {
    CHECK(words("RecNMP: Accelerating Personalized Recommendation with Near-Memory Processing") ==
          std::vector<std::string>{"recnmp", "accelerating", "personalized", "recommendation", "with", "near", "memory",
                                   "processing"});
    CHECK(words("Deep learning-based models, 4.2x faster") ==
          std::vector<std::string>{"deep", "learning", "based", "models", "4.2x", "faster"});
    // No spaces between Chinese words: ICU's dictionary finds them.
    CHECK(words("深度学习推荐系统") == std::vector<std::string>{"深度", "学习", "推荐", "系统"});
}

TEST_CASE("text: squeeze collapses whitespace and newlines, trims") {
    CHECK(squeeze("  Sensor simulation is pivotal\nfor scalable\t validation  ") ==
          "Sensor simulation is pivotal for scalable validation");
    CHECK(squeeze(" \n ") == "");
}

TEST_CASE("text: an ICU failure is a paperdex Error naming the service and ICU's code") {
    // ICU fails only without its data, which a test cannot take away; this is the check every ICU call goes through.
    CHECK_NOTHROW(check_icu(U_ZERO_ERROR, "ICU transliterator"));
    CHECK_NOTHROW(check_icu(U_USING_DEFAULT_WARNING, "ICU transliterator"));  // a warning is not a failure
    CHECK_THROWS_WITH_AS(check_icu(U_MISSING_RESOURCE_ERROR, "ICU transliterator"),
                         "ICU transliterator: U_MISSING_RESOURCE_ERROR", paperdex::Error);
}

TEST_CASE("text: quoted() cuts outside input at a character boundary and escapes what cannot be printed") {
    // Expected strings written by hand: "é" is 2 bytes, "€" 3; a cut never splits one.
    CHECK(quoted("bibtex") == "\"bibtex\"");
    CHECK(quoted("a\nb\"c\\") == "\"a\\nb\\\"c\\\\\"");
    CHECK(quoted(std::string("x\0y", 3)) == "\"x\\u0000y\"");
    CHECK(quoted("abcdef", 4) == "\"abcd…\"");
    CHECK(quoted("abcé", 4) == "\"abc…\"");      // the é would need bytes 4 and 5
    CHECK(quoted("ab€", 4) == "\"ab…\"");         // nor a part of the €
    CHECK(quoted("\xff\xfe", 40) == "\"\xef\xbf\xbd\xef\xbf\xbd\"");  // invalid UTF-8: U+FFFD each
    CHECK(quoted(std::string(1 << 20, 'q')).size() == 40 + 3 + 2);      // 40 bytes, "…", two quotes
    CHECK(cut("abcé", 4) == "abc…");
    CHECK(cut("abc", 3) == "abc");
}
