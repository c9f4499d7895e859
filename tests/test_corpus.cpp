#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "paperdex/corpus/corpus.h"
#include "paperdex/importers/importers.h"
#include "temp_dir.h"

using namespace paperdex;
namespace fs = std::filesystem;

using paperdex::testing::TempDir;

TEST_CASE("corpus: a malformed line is reported with its file:line and the rest is read") {
    // Handmade: the corpus files the importers write are valid, so the damage is made up here:
    // line 2 is cut off, line 4 is blank (skipped, not counted), line 5 lacks its title.
    TempDir dir;
    auto file = dir.write("c.jsonl",
                          "{\"id\":\"cacm:1\",\"title\":\"One\",\"source\":\"smart\"}\n"
                          "{\"id\":\"cacm:2\",\"title\":\"Tw\n"
                          "{\"id\":\"cacm:3\",\"title\":\"Three\",\"source\":\"smart\"}\n"
                          "\n"
                          "{\"id\":\"cacm:5\",\"source\":\"smart\"}\n");
    std::vector<std::string> ids, errors;
    auto stats = read_corpus(
        file, [&](Work&& w) { ids.push_back(w.id); }, [&](const CorpusError& e) { errors.push_back(e.what()); });
    CHECK(ids == std::vector<std::string>{"cacm:1", "cacm:3"});
    CHECK(errors == std::vector<std::string>{
                        file + ":2: invalid JSON: syntax error while parsing value - invalid string: missing closing quote; last read: '\"Tw'",
                        file + ":5: missing \"title\"",
                    });
    CHECK(stats.read == 4);
    CHECK(stats.accepted == 2);
    CHECK(stats.rejected == 2);

    std::vector<std::size_t> lines;
    read_corpus_numbered(file, [&](Work&&, std::size_t line) { lines.push_back(line); }, [](const CorpusError&) {});
    CHECK(lines == std::vector<std::size_t>{1, 3});
}

TEST_CASE("corpus: a NUL byte inside a line is that line's error, and the next line is still read") {
    // Handmade: a raw NUL inside line 2's title string. Read up to the NUL, line 2 once swallowed line 3 whole,
    // so a valid work vanished and every later line number was one off.
    TempDir dir;
    using namespace std::string_literals;  // ""s keeps the NUL that a plain literal would end at
    auto file = dir.write("nul.jsonl", "{\"id\":\"t:1\",\"title\":\"One\",\"source\":\"test\"}\n"
                                       "{\"id\":\"t:2\",\"title\":\"T\0wo\",\"source\":\"test\"}\n"
                                       "{\"id\":\"t:3\",\"title\":\"Three\",\"source\":\"test\"}\n"
                                       "{\"id\":\"t:4\",\"source\":\"test\"}\n"s);
    std::vector<std::size_t> lines;
    std::vector<CorpusError> errors;
    auto stats = read_corpus_numbered(
        file, [&](Work&&, std::size_t line) { lines.push_back(line); }, [&](const CorpusError& e) { errors.push_back(e); });
    CHECK(lines == std::vector<std::size_t>{1, 3});
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].line() == 2);
    CHECK(errors[0].reason().rfind("invalid JSON: ", 0) == 0);
    CHECK(errors[1].line() == 4);
    CHECK(stats.read == 4);
    CHECK(stats.rejected == 2);
}

TEST_CASE("corpus: a number too large for a double is that line's error, not an escaping exception") {
    // Found by tools/fuzz.sh (tests/fuzz/regressions/importers/): nlohmann throws out_of_range, not parse_error,
    // for 1e999, and read_corpus let it escape, ending the import (and a rebuild) instead of reporting one line.
    TempDir dir;
    auto file = dir.write("big.jsonl", "{\"id\":\"t:1\",\"title\":\"One\",\"source\":\"test\",\"year\":1e999}\n"
                                       "{\"id\":\"t:2\",\"title\":\"Two\",\"source\":\"test\"}\n");
    std::vector<CorpusError> errors;
    std::size_t works = 0;
    read_corpus(file, [&](Work&&) { ++works; }, [&](const CorpusError& e) { errors.push_back(e); });
    CHECK(works == 1);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line() == 1);
    CHECK(errors[0].reason().rfind("invalid JSON: ", 0) == 0);
}

TEST_CASE("corpus: a JSON error quotes a bounded part of the line") {
    // nlohmann's message ends with "last read: '...'", the token it was reading: here a megabyte-long string
    // that never closes. The report keeps the reason and a short excerpt, never the megabyte.
    TempDir dir;
    auto file = dir.write("long.jsonl", "{\"id\":\"t:1\",\"title\":\"" + std::string(1 << 20, 'x') + "\n");
    std::vector<CorpusError> errors;
    read_corpus(file, [](Work&&) {}, [&](const CorpusError& e) { errors.push_back(e); });
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].reason().rfind("invalid JSON: syntax error", 0) == 0);
    CHECK(errors[0].reason().size() < 300);
    // The same through an importer (arxiv-daily reads JSON lines too).
    auto imported = importers::import("arxiv-daily", {dir.write("2025-03-18.jsonl", "{\"id\":\"" + std::string(1 << 20, 'y') + "\n")});
    REQUIRE(imported.errors.size() == 1);
    CHECK(std::string(imported.errors[0].what()).size() < 400);
}

TEST_CASE("corpus: a line longer than 16 MiB is reported and skipped, and the lines after it are read") {
    // Generated: a valid work whose abstract alone is 17 MiB. It is refused by its length, before it is parsed.
    TempDir dir;
    auto file = dir.write("long.jsonl", "{\"id\":\"t:1\",\"title\":\"One\",\"source\":\"test\"}\n"
                                        "{\"id\":\"t:2\",\"title\":\"Two\",\"source\":\"test\",\"abstract\":\"" +
                                            std::string(17u << 20, 'a') +
                                            "\"}\n"
                                            "{\"id\":\"t:3\",\"title\":\"Three\",\"source\":\"test\"}\n");
    std::vector<std::size_t> lines;
    std::vector<std::string> errors;
    auto stats = read_corpus_numbered(
        file, [&](Work&&, std::size_t line) { lines.push_back(line); }, [&](const CorpusError& e) { errors.push_back(e.what()); });
    CHECK(lines == std::vector<std::size_t>{1, 3});
    CHECK(errors == std::vector<std::string>{file + ":2: line longer than 16 MiB"});
    CHECK(stats.read == 3);
    CHECK(stats.rejected == 1);
}

TEST_CASE("corpus: CorpusWriter then read_corpus gives back the same Works, plain and gzip") {
    auto seeds = importers::import("bzpeer-profile", {std::string(PAPERDEX_SEEDS_DIR) + "/000_c4bb1e9c50d886aa.txt"});
    REQUIRE(seeds.works.size() == 7);
    TempDir dir;
    for (std::string name : {"seeds.jsonl", "seeds.jsonl.gz"}) {
        auto path = (dir.path / name).string();
        CorpusWriter out(path);
        for (const auto& w : seeds.works) out.write(w);
        out.close();
        CHECK(out.written() == 7);
        std::vector<Work> back;
        read_corpus(path, [&](Work&& w) { back.push_back(std::move(w)); }, [](const CorpusError& e) { FAIL(e.what()); });
        CHECK(back == seeds.works);
    }
    // gzip really is gzip: the magic bytes.
    std::ifstream gz(dir.path / "seeds.jsonl.gz", std::ios::binary);
    char magic[2] = {};
    gz.read(magic, 2);
    CHECK(static_cast<unsigned char>(magic[0]) == 0x1f);
    CHECK(static_cast<unsigned char>(magic[1]) == 0x8b);
}

TEST_CASE("corpus: corpus_files expands directories sorted, and names a missing path") {
    TempDir dir;
    dir.write("b.jsonl.gz", "");
    dir.write("a.jsonl", "");
    dir.write("notes.txt", "");
    CHECK(corpus_files({dir.path.string()}) ==
          std::vector<std::string>{(dir.path / "a.jsonl").string(), (dir.path / "b.jsonl.gz").string()});
    auto missing = (dir.path / "nope.jsonl").string();
    CHECK_THROWS_WITH_AS(corpus_files({missing}), (missing + ": no such file or directory").c_str(), CorpusError);
    CHECK_THROWS_AS(read_corpus(missing, [](Work&&) {}, [](const CorpusError&) {}), CorpusError);
    CHECK_THROWS_AS(CorpusWriter((dir.path / "no-such-dir" / "x.jsonl").string()), CorpusError);
}

TEST_CASE("corpus: a damaged gzip file is a CorpusError at the line it breaks on") {
    // Handmade: a gzip header followed by bytes that are not a deflate stream.
    TempDir dir;
    auto file = dir.write("broken.jsonl.gz", std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10) +
                                                 std::string(64, '\xff'));
    try {
        read_corpus(file, [](Work&&) {}, [](const CorpusError&) {});
        FAIL("read_corpus accepted a damaged gzip stream");
    } catch (const CorpusError& e) {
        CHECK(e.file() == file);
        CHECK(e.line() == 1);
        CHECK(e.reason().rfind("cannot read: ", 0) == 0);
    }
}

TEST_CASE("corpus: CorpusWriter reports a full disk as a CorpusError, by write() or at the latest by close()") {
    // /dev/full accepts the open and fails every write with ENOSPC; zlib buffers, so the failure may come late.
    auto work = importers::import("bzpeer-profile", {std::string(PAPERDEX_SEEDS_DIR) + "/000_c4bb1e9c50d886aa.txt"});
    REQUIRE(!work.works.empty());
    CorpusWriter out("/dev/full");
    auto fill = [&] {
        for (int i = 0; i < 1000; ++i) out.write(work.works.front());
        out.close();
    };
    try {
        fill();
        FAIL("writing to /dev/full succeeded");
    } catch (const CorpusError& e) {
        CHECK(e.file() == "/dev/full");
    }
}
