// Venue extraction: measured against hand labels (tests/data/venue_labels.tsv, rules in venue_labels.md), and
// the tricky real strings one at a time.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "importers/venue_table.h"
#include "paperdex/error.h"
#include "paperdex/importers/venue_extraction.h"

using namespace paperdex;
using namespace paperdex::importers;

namespace {

struct Label {
    std::string sample, id, venue, kind, comment;
};

std::vector<Label> read_labels() {
    std::ifstream in(std::string(PAPERDEX_SOURCE_DIR) + "/tests/data/venue_labels.tsv");
    REQUIRE(in);
    std::vector<Label> labels;
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (header) {  // the column names
            header = false;
            continue;
        }
        std::vector<std::string> cols;
        std::stringstream ss(line);
        for (std::string col; std::getline(ss, col, '\t');) cols.push_back(col);
        REQUIRE_MESSAGE(cols.size() == 5, line);
        labels.push_back({cols[0], cols[1], cols[2], cols[3], cols[4]});
    }
    return labels;
}

bool is_negative_statement(const std::string& comment) {
    std::string lower = comment;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* cue : {"submitted to", "under review", "in submission", "under submission", "under consideration", "rejected"})
        if (lower.find(cue) != std::string::npos && lower.find("accept") == std::string::npos &&
            lower.find("presented") == std::string::npos)
            return true;
    return false;
}

struct Score {
    int labelled = 0, predicted = 0, correct = 0;
    double precision() const { return predicted ? double(correct) / predicted : 1.0; }
    double recall() const { return labelled ? double(correct) / labelled : 1.0; }
};

std::optional<VenueMention> mention(std::string_view s) { return venue_from_comment(s); }

void check_venue(std::string_view comment, const std::string& venue, const std::string& kind, std::optional<int> year = {}) {
    auto v = mention(comment);
    INFO(comment);
    REQUIRE(v.has_value());
    CHECK(v->venue == venue);
    CHECK(v->kind == kind);
    if (year) CHECK(v->year == year);
}

}  // namespace

TEST_CASE("venue extraction: precision and recall on 450 hand-labelled arXiv comments") {
    const auto labels = read_labels();
    REQUIRE(labels.size() >= 300);
    std::map<std::string, Score> scores;  // per sample, and "all"
    std::ostringstream misses;
    int negatives_with_venue = 0, negatives = 0;
    for (const auto& l : labels) {
        auto v = venue_from_comment(l.comment);
        for (const std::string& key : {l.sample, std::string("all")}) {
            Score& s = scores[key];
            s.labelled += !l.venue.empty();
            s.predicted += v.has_value();
            s.correct += v && v->venue == l.venue && v->kind == l.kind;
        }
        if (is_negative_statement(l.comment)) {
            ++negatives;
            if (v) {
                ++negatives_with_venue;
                misses << "  NEGATIVE GOT A VENUE " << l.id << ": " << v->venue << " | " << l.comment << "\n";
            }
        }
        if ((v ? v->venue + "/" + v->kind : "") != (l.venue.empty() ? "" : l.venue + "/" + l.kind))
            misses << "  " << l.id << ": labelled \"" << l.venue << "/" << l.kind << "\", got \""
                   << (v ? v->venue + "/" + v->kind : "") << "\" | " << l.comment << "\n";
    }
    std::ostringstream report;
    report.setf(std::ios::fixed);
    report.precision(4);
    for (const auto& [sample, s] : scores)
        report << sample << ": comments with a labelled venue " << s.labelled << ", given a venue " << s.predicted
               << ", correct (venue and kind) " << s.correct << ", precision " << s.precision() << ", recall "
               << s.recall() << "\n";
    report << "submitted/under review/in submission/under consideration/rejected comments: " << negatives
           << ", given a venue: " << negatives_with_venue << "\n";
    const std::string path = std::string(PAPERDEX_BINARY_DIR) + "/venue_extraction_figures.txt";
    std::ofstream(path) << report.str() << "disagreements:\n" << misses.str();
    MESSAGE(report.str() << "(written with the disagreements to " << path << ")");

    CHECK(scores["all"].precision() >= 0.95);
    CHECK(scores["all"].recall() >= 0.85);
    CHECK(negatives > 10);
    CHECK(negatives_with_venue == 0);
}

TEST_CASE("venue extraction: conferences, with the year however it is written") {
    check_venue("Accepted to CVPR 2025", "CVPR", "conference", 2025);
    check_venue("Accepted to CVPR'25", "CVPR", "conference", 2025);
    check_venue("Accepted by CVPR2025", "CVPR", "conference", 2025);
    check_venue("Accepted by CIKM' 25", "CIKM", "conference", 2025);
    check_venue("8 pages, 3 figures, accepted in IROS25, Hangzhou, China", "IROS", "conference", 2025);
    check_venue("Accepted to HICSS-59 (2026)", "HICSS", "conference", 2026);  // 59 is the edition
    check_venue("ICCV 2025 (Highlight); Project Page: https://example.org", "ICCV", "conference", 2025);
    check_venue("Accepted at the International Joint Conference on Artificial Intelligence (IJCAI 2025)", "IJCAI",
                "conference", 2025);
    check_venue("International Conference on Computer Vision and Pattern Recognition 2025", "CVPR", "conference");
    check_venue("8 pages, 5 figures, IROS", "IROS", "conference");
    check_venue("Published at ACMMM2025 (Dataset track)", "ACM MM", "conference", 2025);
    check_venue("Accepted as a short paper at ACM Multimedia Asia 2025", "MMAsia", "conference");
    check_venue("accepted to EMNLP 2025 (industry track)", "EMNLP", "conference");
    auto v = mention("Accepted to CVPR 2025");
    REQUIRE(v);
    CHECK(v->name == "IEEE/CVF Conference on Computer Vision and Pattern Recognition");
}

TEST_CASE("venue extraction: a workshop at a conference is that conference's workshops, not the conference") {
    check_venue("Accepted to the NeurIPS 2025 Workshop on Efficient Reasoning", "NeurIPS Workshops", "workshop", 2025);
    check_venue("Accepted at CVPR 2025 Workshop on Synthetic Data for Computer Vision", "CVPR Workshops", "workshop");
    check_venue("Accepted at TrustNLP@NAACL 2025", "NAACL Workshops", "workshop");
    check_venue("accepted at CVSports@CVPR'25", "CVPR Workshops", "workshop", 2025);
    check_venue("Accepted to CVPR2025W", "CVPR Workshops", "workshop");
    check_venue("ICCVW AIM 2025", "ICCV Workshops", "workshop");
    check_venue("To be presented at ICLR 2025, First Workshop on Open Science for Foundation Models", "ICLR Workshops",
                "workshop");
    check_venue("Accepted to MM4SG Workshop at The Web Conference 2025", "WWW Workshops", "workshop");
    check_venue("CLEF 2025 Working Notes, 9-12 September 2025, Madrid, Spain", "CLEF Workshops", "workshop");
    auto v = mention("Accepted at CVPR 2025 Workshop on X");
    REQUIRE(v);
    CHECK(v->name == "IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops");
}

TEST_CASE("venue extraction: Findings of ACL, EMNLP and NAACL") {
    check_venue("EMNLP 2025 (Findings)", "EMNLP Findings", "findings", 2025);
    check_venue("Findings of EMNLP 2025", "EMNLP Findings", "findings", 2025);
    check_venue("Accepted to appear at the ACL 2025 findings", "ACL Findings", "findings");
    check_venue("In Findings of the Association for Computational Linguistics: ACL 2025", "ACL Findings", "findings");
    check_venue("Findings of the Association for Computational Linguistics: EMNLP 2025", "EMNLP Findings", "findings");
    check_venue("ACL Findings camera-ready version", "ACL Findings", "findings");
    // Findings is an ACL-family volume; "ICCV 2025 Findings Workshop" is a workshop at ICCV.
    check_venue("ICCV 2025 Findings Workshop", "ICCV Workshops", "workshop");
    auto v = mention("EMNLP 2025 (Findings)");
    REQUIRE(v);
    CHECK(v->name == "Findings of the Association for Computational Linguistics: EMNLP");
}

TEST_CASE("venue extraction: journals") {
    check_venue("Accepted by T-PAMI (IEEE Transactions on Pattern Analysis and Machine Intelligence)", "TPAMI", "journal");
    check_venue("Accepted to IEEE Transactions on Medical Imaging", "IEEE TMI", "journal");
    check_venue("This paper was accepted with an A-decision to Transactions of the Association for Computational "
                "Linguistics",
                "TACL", "journal");
    check_venue("Accepted by IEEE/ACM Transactions on Audio, Speech and Language Processing", "TASLP", "journal");
}

TEST_CASE("venue extraction: submitted, under review, rejected and other versions are never a venue") {
    for (const char* c : {"Submitted to NeurIPS 2025", "Preprint, under review at ICLR 2026", "In submission to CVPR 2026",
                          "Under consideration at IEEE Transactions on Medical Imaging", "Rejected from ICML 2025",
                          "8 pages, 1 figure, under review at EMNLP 2025", "ACL 2025 Feb ARR Submission",
                          "9 pages, submitted to the Fortieth AAAI Conference on Artificial Intelligence (AAAI-26)",
                          "An earlier version appeared in the CVPR 2025 Workshop on Generative Models",
                          "WACV 2024 Extended Paper", "Preprint. Paper Submitted NeurIPS 2025- The Thirty-Ninth Annual "
                          "Conference on Neural Information Processing Systems",
                          "11 pages, IEEE conference format", "accepted article", "Code released upon acceptance"})
        CHECK_MESSAGE(!mention(c), c);
    // A later acceptance in another clause still counts.
    check_venue("Submitted to ICLR 2025; accepted at ICLR 2025 Workshop on X", "ICLR Workshops", "workshop");
}

TEST_CASE("venue extraction: words that look like venues are not") {
    for (const char* c : {"13 pages, 5 mm resolution", "A case study of fusion in media", "Part IV of a series",
                          "uses IEEEtran.cls", "the acl anthology", "https://github.com/cvpr/iccv"})
        CHECK_MESSAGE(!mention(c), c);
}

TEST_CASE("venue extraction: journal-ref strings of the arXiv OAI sample") {
    // Physics journal-refs name no venue of the table: set_arxiv_venue keeps them as written, type article.
    for (const char* ref : {"Phys.Rev.D76:013009,2007", "Illinois J. Math. 52 (2008) no.2, 681-689",
                            "J. Fluid Mech. 585, 213-244 (2007)"})
        CHECK_MESSAGE(!venue_from_journal_ref(ref), ref);
    Work w;
    set_arxiv_venue(w, "37 pages, 15 figures; published version", "Phys.Rev.D76:013009,2007");
    CHECK(w.venue == "Phys.Rev.D76:013009,2007");
    CHECK(w.venue_name.empty());
    CHECK(w.type == "article");
    // Every journal-ref of the sample: never a crash, and none of these physics journals is taken for a CS venue.
    std::ifstream in(std::string(PAPERDEX_DATA_DIR) + "/arxiv-kaggle-sample/arxiv-metadata-oai-snapshot.head200.json");
    REQUIRE(in);
    int refs = 0;
    for (std::string line; std::getline(in, line);) {
        auto j = nlohmann::json::parse(line);
        if (!j["journal-ref"].is_string()) continue;
        ++refs;
        CHECK_MESSAGE(!venue_from_journal_ref(j["journal-ref"].get<std::string>()), j["journal-ref"]);
    }
    CHECK(refs > 50);
    // A journal-ref that names a venue of the table needs no year or cue word.
    auto v = venue_from_journal_ref("IEEE Transactions on Pattern Analysis and Machine Intelligence, vol. 41, pp. 1-14");
    REQUIRE(v);
    CHECK(v->venue == "TPAMI");
    CHECK(v->kind == "journal");
}

TEST_CASE("venue extraction: set_arxiv_venue sets venue, full name and type") {
    Work w;
    set_arxiv_venue(w, "Accepted to ICCV 2025");
    CHECK(w.venue == "ICCV");
    CHECK(w.venue_name == "IEEE/CVF International Conference on Computer Vision");
    CHECK(w.type == "conference");
    Work p;
    set_arxiv_venue(p, "Submitted to ICCV 2025");
    CHECK(p.venue == "arXiv");
    CHECK(p.venue_name.empty());
    CHECK(p.type == "preprint");
}

TEST_CASE("venue extraction: hostile comments are read in bounded time and never throw") {
    std::string many;
    for (int i = 0; i < 100000; ++i) many += "CVPR ";
    CHECK_NOTHROW(mention(many));
    std::string binary;
    for (int i = 0; i < 5000; ++i) binary += static_cast<char>(i % 256);
    CHECK_NOTHROW(mention(binary));
    CHECK_NOTHROW(mention(std::string(100000, '\'')));
    CHECK_NOTHROW(mention("Accepted to CVPR 99999999999999999999"));
    CHECK_NOTHROW(mention(""));
    CHECK(!mention(""));
}

TEST_CASE("venue table: every line parses, short names are unique, and bad lines are refused with their line") {
    const auto& table = internal::venue_table();
    CHECK(table.size() > 150);
    std::set<std::string> names;
    for (const auto& e : table) CHECK(names.insert(e.venue).second);
    for (const char* v : {"CVPR", "ICCV", "ECCV", "ACL", "EMNLP", "NAACL", "NeurIPS", "ICML", "ICLR", "AAAI", "IJCAI",
                          "KDD", "WWW", "SIGIR", "MICCAI", "IEEE TMI", "TPAMI", "IROS", "ICRA", "Interspeech", "ICASSP"})
        CHECK_MESSAGE(names.count(v), v);
    CHECK_THROWS_WITH_AS(internal::parse_venue_table("# c\nX\tconference\tX conf\n"),
                         "venues.tsv:2: expected 4 tab-separated columns, got 3", Error);
    CHECK_THROWS_WITH_AS(internal::parse_venue_table("X\tposter\tX\t\n"),
                         "venues.tsv:1: kind must be conference, conference+findings, journal or workshop, got \"poster\"",
                         Error);
    CHECK_THROWS_WITH_AS(internal::parse_venue_table("X\tjournal\tX\t\nX\tjournal\tY\t\n"),
                         "venues.tsv:2: \"X\" is listed twice", Error);
}
