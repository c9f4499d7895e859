// The paperdex-corpus import/validate/stats subcommands, run as a user runs them (the built binary).
#include <sys/wait.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "import_harness.h"
#include "paperdex/corpus/corpus.h"

using namespace harness;

namespace {

struct Run {
    int exit_code;
    std::string out, err;
};

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Runs paperdex-corpus with `args` (already shell-quoted where needed), capturing stdout and stderr.
Run corpus_tool(const TempDir& dir, const std::string& args) {
    std::string out = (dir.path / "stdout").string(), err = (dir.path / "stderr").string();
    std::string cmd = std::string(PAPERDEX_BINARY_DIR) + "/paperdex-corpus " + args + " >" + out + " 2>" + err;
    int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

}  // namespace

TEST_CASE("paperdex-corpus import: the three seeds in one run, two formats, one summary line") {
    TempDir dir;
    auto out = (dir.path / "seeds.jsonl").string();
    auto r = corpus_tool(dir, "import --format bzpeer-profile " + seed("000_c4bb1e9c50d886aa.txt") + " " +
                                  seed("002_f8f9f6df25163b99.txt") + " --input arxiv-listing:" +
                                  seed("001_2aaafbbc64feed6e.txt") + " --out " + out);
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out == "read 23, written 21, merged 2, rejected 0\n");
    std::vector<std::string> ids;
    paperdex::read_corpus(out, [&](paperdex::Work&& w) { ids.push_back(w.id); }, [](const paperdex::CorpusError&) {});
    CHECK(ids.size() == 21);
    CHECK(ids[6] == "arxiv:1912.12953");

    auto stats = corpus_tool(dir, "stats --json " + out);
    CHECK(stats.exit_code == 0);
    auto j = nlohmann::json::parse(stats.out);
    CHECK(j["works"] == 21);
    CHECK(j["authors"] == 2);
    CHECK(j["years"]["min"] == 2019);
    CHECK(j["years"]["max"] == 2022);
    CHECK(j["years"]["counts"]["2020"] == 10);
    CHECK(j["venues"]["top"][0]["value"] == "arXiv");

    auto ok = corpus_tool(dir, "validate " + out);
    CHECK(ok.exit_code == 0);
    CHECK(ok.out == "checked 21 works in 1 file: 21 valid, 0 bad\n");
}

TEST_CASE("paperdex-corpus import: a rejected line is printed as file:line: reason; --strict makes it fail") {
    // Handmade: a damaged BEIR corpus (the real one is clean).
    TempDir dir;
    auto in = dir.write("mini/corpus.jsonl", "{\"_id\": \"1\", \"title\": \"T\", \"text\": \"x\"}\n{\"title\": \"no id\"}\n");
    auto out = (dir.path / "out.jsonl.gz").string();
    auto lenient = corpus_tool(dir, "import --format beir " + in + " --out " + out);
    CHECK(lenient.exit_code == 0);
    CHECK(lenient.err == in + ":2: missing \"_id\"\n");
    CHECK(lenient.out == "read 2, written 1, merged 0, rejected 1\n");
    auto strict = corpus_tool(dir, "import --format beir " + in + " --out " + out + " --strict");
    CHECK(strict.exit_code == 1);
    CHECK(strict.out == "read 2, written 1, merged 0, rejected 1\n");
    // The gzip output holds the good work.
    std::size_t n = 0;
    paperdex::read_corpus(out, [&](paperdex::Work&&) { ++n; }, [](const paperdex::CorpusError&) {});
    CHECK(n == 1);

    auto nowhere = (dir.path / "no-such-dir" / "out.jsonl").string();
    auto unwritable = corpus_tool(dir, "import --format beir " + in + " --out " + nowhere);
    CHECK(unwritable.exit_code == 2);
    CHECK(unwritable.err == in + ":2: missing \"_id\"\npaperdex-corpus: " + nowhere +
                                ": cannot create: No such file or directory\n");

    auto unknown = corpus_tool(dir, "import --format nope " + in + " --out " + out);
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err ==
          "paperdex-corpus: --format: unknown format \"nope\"; known: bzpeer-profile, arxiv-listing, arxiv-daily, "
          "arxiv-oai, openalex, beir, smart, corpus\n");
}

TEST_CASE("paperdex-corpus validate: each bad line and each duplicate id by place, exit 1") {
    // Handmade: a corpus with the three kinds of damage validate looks for.
    TempDir dir;
    auto file = dir.write("bad.jsonl",
                          "{\"id\": \"a:1\", \"title\": \"One\", \"source\": \"smart\"}\n"
                          "{\"id\": \"a:2\", \"title\": \"Two\", \"source\": \"smart\", \"year\": \"2019a\"}\n"
                          "{\"id\": \"a:1\", \"title\": \"Again\", \"source\": \"smart\"}\n"
                          "{\"id\": \"a:3\", \"source\": \"smart\"}\n");
    auto r = corpus_tool(dir, "validate " + file);
    CHECK(r.exit_code == 1);
    CHECK(r.err == file + ":2: \"year\" must be an integer, got \"2019a\"\n" +
                       file + ":3: duplicate id \"a:1\" (first at " + file + ":1)\n" +
                       file + ":4: missing \"title\"\n");
    CHECK(r.out == "checked 4 works in 1 file: 1 valid, 3 bad\n");
}

TEST_CASE("paperdex-corpus import --topic keeps works with one of the topics and counts the others") {
    // One real day of listings: 2025-04-02 has 215 lines (6 listed twice), 2 works in cs.IR or cs.DC.
    TempDir dir;
    auto out = (dir.path / "ir.jsonl").string();
    auto r = corpus_tool(dir, "import --format arxiv-daily " + data("arxiv-daily/2025-04-02.jsonl.gz") +
                                  " --topic cs.IR --topic cs.DC --out " + out);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "read 215, written 2, merged 6, rejected 0, skipped 207 (no --topic)\n");
    std::size_t matching = 0;
    paperdex::read_corpus(
        out,
        [&](paperdex::Work&& w) {
            for (const auto& t : w.topics)
                if (t == "cs.IR" || t == "cs.DC") {
                    ++matching;
                    break;
                }
        },
        [](const paperdex::CorpusError&) {});
    CHECK(matching == 2);
}
