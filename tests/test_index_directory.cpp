// The index directory's layout: generation numbering, the `current` switch, pruning, the rebuild lock, and what a
// reader resolves. Generations are real ones, rebuilt from the seeds corpus (corpus/seeds.jsonl).
#include <doctest/doctest.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <sys/resource.h>

#include "index_fixture.h"

#include "paperdex/authors/author_index.h"
#include "paperdex/error.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/index/rebuild.h"

using namespace paperdex;
namespace fs = std::filesystem;

namespace {

// corpus/seeds.jsonl: 21 lines, 21 distinct ids, none rejected.
constexpr std::size_t kSeedWorks = 21;

std::string seeds_corpus() { return std::string(PAPERDEX_SOURCE_DIR) + "/corpus/seeds.jsonl"; }
std::string arxiv_sample() { return std::string(PAPERDEX_SOURCE_DIR) + "/corpus/arxiv-sample.jsonl.gz"; }

RebuildResult build(const fs::path& dir, std::vector<std::string> corpus = {seeds_corpus()}) {
    RebuildOptions opt;
    opt.corpus_paths = std::move(corpus);
    opt.index_dir = dir.string();
    return rebuild(opt);
}

// The names of DIR's generation directories (finished or staging), sorted.
std::set<std::string> generations(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("gen-", 0) == 0) out.insert(name);
    }
    return out;
}

// What a process did to the disk, in order, as strace reports it: each fsync/fdatasync (the path of its file
// descriptor) and each rename and symlink, one event per system call.
struct DiskEvent {
    std::string call;  // "sync", "rename" or "symlink"
    std::string from, to;  // sync: the path in `to`
};

std::vector<DiskEvent> traced_disk_events(const std::string& command, const fs::path& log) {
    // LeakSanitizer cannot run under a tracer (it uses ptrace itself): off for this one traced run.
    const std::string traced = "ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0\" strace -f -qq -y -e trace=fsync,fdatasync,rename,renameat,renameat2,symlink,symlinkat -o '" +
                               log.string() + "' " + command + " >/dev/null 2>&1";
    REQUIRE_MESSAGE(std::system(traced.c_str()) == 0, traced << " (strace missing? tools/install-deps.sh installs it)");
    static const std::regex sync_re(R"re(\b(?:fsync|fdatasync)\(\d+<([^>]*)>)re");
    static const std::regex rename_re(R"re(\b(rename|renameat2?|symlink|symlinkat)\((?:[^"]*)"([^"]*)",(?:[^"]*)"([^"]*)")re");
    std::vector<DiskEvent> events;
    std::ifstream in(log);
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (line.find("resumed>") != std::string::npos) continue;  // the second half of a call already seen
        if (std::regex_search(line, m, sync_re)) events.push_back({"sync", "", m[1]});
        else if (std::regex_search(line, m, rename_re))
            events.push_back({m[1].str().rfind("symlink", 0) == 0 ? "symlink" : "rename", m[2], m[3]});
    }
    return events;
}

// Index of the first event at or after `from` that is `call` with that `to`; events.size() if none.
std::size_t find_event(const std::vector<DiskEvent>& events, std::size_t from, const std::string& call, const std::string& to) {
    for (std::size_t i = from; i < events.size(); ++i)
        if (events[i].call == call && events[i].to == to) return i;
    return events.size();
}

}  // namespace

TEST_CASE("index_directory: the next generation follows the highest, a leftover .building included") {
    const auto dir = testing::fresh_temp_dir("indexdir-numbering");
    CHECK(IndexDirectory((dir / "missing").string()).next_generation() == 1);
    const IndexDirectory index(dir.string());
    CHECK(index.next_generation() == 1);
    fs::create_directory(dir / "gen-1");
    fs::create_directory(dir / "gen-3");
    CHECK(index.next_generation() == 4);
    // gen-10 against gen-9: numbers compare as numbers, not as names.
    fs::create_directory(dir / "gen-9");
    fs::create_directory(dir / "gen-10.building");
    CHECK(index.next_generation() == 11);

    index.remove_staging();
    CHECK(!fs::exists(dir / "gen-10.building"));
    CHECK(index.next_generation() == 10);
}

TEST_CASE("index_directory: a rebuild clears an interrupted rebuild's leftovers and numbers past the served one") {
    const auto dir = testing::fresh_temp_dir("indexdir-leftover");
    build(dir);
    fs::create_directories(dir / "gen-5.building");
    fs::create_directories(dir / "gen-5.parts.building" / "seg-0");
    const auto r = build(dir);
    CHECK(fs::path(r.generation_dir).filename() == "gen-2");
    CHECK(generations(dir) == std::set<std::string>{"gen-1", "gen-2"});
}

TEST_CASE("index_directory: switching current points readers at the generation and returns the previous one") {
    const auto dir = testing::fresh_temp_dir("indexdir-switch");
    const auto first = build(dir);
    const auto second = build(dir, {seeds_corpus(), arxiv_sample()});
    REQUIRE(first.works == kSeedWorks);
    REQUIRE(second.works > kSeedWorks);
    const IndexDirectory index(dir.string());
    CHECK(index.current_link() == "gen-2");

    CHECK(index.switch_current(1) == "gen-2");
    CHECK(fs::read_symlink(dir / "current") == "gen-1");
    CHECK(index.current_link() == "gen-1");
    CHECK(index.resolve() == fs::canonical(dir / "gen-1").string());
    CHECK(open_index(dir.string()).get_doccount() == kSeedWorks);
    CHECK(!fs::exists(dir / "current.tmp"));

    CHECK(index.switch_current(2) == "gen-1");
    CHECK(open_index(dir.string()).get_doccount() == second.works);
}

TEST_CASE("index_directory: switching fails with IndexError when current is not a symlink") {
    const auto dir = testing::fresh_temp_dir("indexdir-switch-blocked");
    fs::create_directories(dir / "gen-1");
    fs::create_directories(dir / "current");
    std::ofstream(dir / "current" / "keep") << "a directory that is not ours";
    const IndexDirectory index(dir.string());
    CHECK(index.current_link() == "");
    CHECK_THROWS_AS(index.switch_current(1), IndexError);
    CHECK(fs::is_directory(dir / "current"));
    CHECK(fs::exists(dir / "current" / "keep"));
    CHECK(!fs::exists(dir / "current.tmp"));
}

TEST_CASE("index_directory: pruning keeps exactly the new and the previous generation") {
    SUBCASE("by hand") {
        const auto dir = testing::fresh_temp_dir("indexdir-prune");
        for (const char* name : {"gen-1", "gen-2", "gen-3", "gen-4"}) fs::create_directories(dir / name / "authors");
        std::ofstream(dir / "notes.txt") << "not a generation";
        IndexDirectory(dir.string()).prune(4, "gen-2");
        CHECK(generations(dir) == std::set<std::string>{"gen-2", "gen-4"});
        CHECK(fs::exists(dir / "notes.txt"));
    }
    SUBCASE("by three rebuilds") {
        const auto dir = testing::fresh_temp_dir("indexdir-prune-rebuilds");
        build(dir);
        CHECK(generations(dir) == std::set<std::string>{"gen-1"});
        build(dir);
        CHECK(generations(dir) == std::set<std::string>{"gen-1", "gen-2"});
        build(dir);
        CHECK(generations(dir) == std::set<std::string>{"gen-2", "gen-3"});
        CHECK(fs::read_symlink(dir / "current") == "gen-3");
    }
}

TEST_CASE("index_directory: a second concurrent rebuild fails fast with IndexError and changes nothing") {
    const auto dir = testing::fresh_temp_dir("indexdir-lock");
    build(dir);
    const IndexDirectory index(dir.string());
    {
        const auto held = index.lock();  // as a rebuild running in another process would hold it
        CHECK_THROWS_AS(index.lock(), IndexError);
        CHECK_THROWS_WITH_AS(build(dir), ("another rebuild is running in " + dir.string() + " (lock .rebuild.lock)").c_str(),
                             IndexError);
        CHECK(generations(dir) == std::set<std::string>{"gen-1"});
        CHECK(fs::read_symlink(dir / "current") == "gen-1");
    }
    // Released with the Lock: the next rebuild goes ahead.
    CHECK(fs::path(build(dir).generation_dir).filename() == "gen-2");
}

TEST_CASE("index_directory: the lock creates a missing directory, and fails with IndexError where it cannot") {
    const auto dir = testing::fresh_temp_dir("indexdir-lock-create");
    { const auto held = IndexDirectory((dir / "new" / "index").string()).lock(); }
    CHECK(fs::is_directory(dir / "new" / "index"));
    std::ofstream(dir / "a-file") << "x";
    CHECK_THROWS_AS(IndexDirectory((dir / "a-file" / "index").string()).lock(), IndexError);
}

TEST_CASE("index_directory: a plain Xapian database resolves to itself, generation 0") {
    const auto dir = testing::fresh_temp_dir("indexdir-plain");
    const fs::path plain = dir / "plain";
    {
        Xapian::WritableDatabase db(plain.string(), Xapian::DB_CREATE);
        db.add_document(Xapian::Document());
        db.commit();
    }
    const IndexDirectory index(plain.string());
    CHECK(IndexDirectory::holds_database(plain.string()));
    CHECK(index.resolve() == fs::canonical(plain).string());
    CHECK(index.current_link() == "");
    CHECK(IndexDirectory::generation_of(index.resolve()) == 0);
    // Not written by rebuild, so no layout version: open_index says to rebuild rather than misread it.
    CHECK_THROWS_WITH_AS(open_index(plain.string()),
                         doctest::Contains("has layout version 1, this paperdex reads version"), IndexError);
}

TEST_CASE("index_directory: NotFound where there is no index") {
    const auto dir = testing::fresh_temp_dir("indexdir-none");
    CHECK(!IndexDirectory::holds_database(dir.string()));
    CHECK_THROWS_AS(IndexDirectory(dir.string()).resolve(), NotFound);
    CHECK_THROWS_AS(IndexDirectory((dir / "missing").string()).resolve(), NotFound);
    CHECK_THROWS_AS(open_index(dir.string()), NotFound);
    // A `current` whose generation is gone serves nothing either.
    fs::create_directory_symlink("gen-4", dir / "current");
    CHECK(IndexDirectory(dir.string()).current_link() == "gen-4");
    CHECK_THROWS_AS(resolve_index(dir.string()), NotFound);
}

TEST_CASE("index_directory: open_index turns a database Xapian cannot open into IndexError") {
    const auto dir = testing::fresh_temp_dir("indexdir-corrupt");
    std::ofstream(dir / "iamglass") << "not a version file";
    REQUIRE(IndexDirectory::holds_database(dir.string()));
    CHECK_THROWS_WITH_AS(open_index(dir.string()), doctest::Contains("opening index"), IndexError);
}

TEST_CASE("index_directory: the generation number of a served path") {
    CHECK(IndexDirectory::generation_of("/srv/index/gen-12") == 12);
    CHECK(IndexDirectory::generation_of("gen-3") == 3);
    CHECK(IndexDirectory::generation_of("gen-12.building") == 0);
    CHECK(IndexDirectory::generation_of("gen-") == 0);
    CHECK(IndexDirectory::generation_of("/srv/index") == 0);
    CHECK(IndexDirectory::generation_of("gen-1x") == 0);

    const auto dir = testing::fresh_temp_dir("indexdir-served");
    build(dir);
    build(dir);
    const IndexDirectory index(dir.string());
    CHECK(IndexDirectory::generation_of(index.resolve()) == 2);
    CHECK(IndexDirectory::generation_of(index.current_link()) == 2);
    CHECK(index.generation_path(2) == dir / "gen-2");
}

TEST_CASE("index_directory: each generation carries its author database") {
    CHECK(IndexDirectory::author_index_path("/srv/index/gen-4") == "/srv/index/gen-4/authors");
    const auto dir = testing::fresh_temp_dir("indexdir-authors");
    build(dir);
    const std::string authors = IndexDirectory::author_index_path((dir / "gen-1").string());
    CHECK(IndexDirectory::holds_database(authors));
    CHECK(AuthorIndex::open(dir.string()).database().get_doccount() > 0);
    fs::remove_all(authors);
    CHECK_THROWS_WITH_AS(AuthorIndex::open(dir.string()), doctest::Contains("no author index in"), NotFound);
}

TEST_CASE("index_directory: a rebuild that Xapian fails is IndexError, leaves no staging and keeps serving") {
    const auto dir = testing::fresh_temp_dir("indexdir-xapian-fails");
    build(dir);
    // Files may grow to 16 KB only (as if the disk filled up): the segments' tables cannot be written. Even root
    // cannot write past RLIMIT_FSIZE; the write fails with EFBIG instead of a signal once SIGXFSZ is ignored.
    struct rlimit saved {};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    auto* const previous_handler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = saved;
    small.rlim_cur = 16 * 1024;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    bool index_error = false;
    try {
        build(dir, {seeds_corpus(), arxiv_sample()});
    } catch (const IndexError& e) {
        index_error = std::string(e.what()).find("rebuild of " + (dir / "gen-2").string() + " failed") == 0;
    } catch (...) {
    }
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous_handler);
    CHECK(index_error);
    CHECK(generations(dir) == std::set<std::string>{"gen-1"});
    CHECK(fs::read_symlink(dir / "current") == "gen-1");
    CHECK(open_index(dir.string()).get_doccount() == kSeedWorks);
}

TEST_CASE("index_directory: a published generation and its author database pass xapian-check") {
    // Xapian's own consistency check (xapian-tools) over what `current` serves, read back cold from disk: the
    // compacted works database and the author database written beside it are complete and committed.
    const auto dir = testing::fresh_temp_dir("indexdir-check");
    build(dir, {seeds_corpus(), arxiv_sample()});
    const fs::path served = fs::canonical(dir / "current");
    for (const fs::path& db : {served, served / "authors"}) {
        const std::string command = "xapian-check '" + db.string() + "' 2>&1";
        std::string output;
        FILE* pipe = ::popen(command.c_str(), "r");
        REQUIRE(pipe != nullptr);
        char buf[4096];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) output.append(buf, n);
        INFO(command << "\n" << output);
        CHECK(::pclose(pipe) == 0);
        CHECK(output.find("No errors found") != std::string::npos);
    }
}

TEST_CASE("index_directory: a generation is on disk before current points at it, and the switch after") {
    // A crash or power loss must not leave `current` naming a generation whose files or names were never written
    // out. Seen from outside with strace on paperdex-corpus: every file of the generation (works and authors
    // databases) is synced before the staging directory gets its final name, DIR is synced after that rename and
    // before `current` is switched, and again after the switch.
    const auto dir = testing::fresh_temp_dir("indexdir-durable");
    const fs::path index = dir / "index";
    const auto events = traced_disk_events(std::string(PAPERDEX_BINARY_DIR) + "/paperdex-corpus rebuild --quiet --corpus '" +
                                               seeds_corpus() + "' --index '" + index.string() + "'",
                                           dir / "strace.log");
    const fs::path staging = index / "gen-1.building", parts = index / "gen-1.parts.building", gen = index / "gen-1";
    const std::size_t published = find_event(events, 0, "rename", gen.string());
    REQUIRE(published < events.size());
    REQUIRE(events[published].from == staging.string());
    std::set<std::string> synced;  // relative to the generation, wherever the file was when it was synced
    for (std::size_t i = 0; i < published; ++i) {
        if (events[i].call != "sync") continue;
        for (const fs::path& base : {staging, parts})
            if (const std::string rel = fs::path(events[i].to).lexically_relative(base).string(); !rel.empty() && rel[0] != '.')
                synced.insert(rel);
    }
    for (const auto& e : fs::recursive_directory_iterator(gen)) {
        const std::string rel = e.path().lexically_relative(gen).string();
        INFO(rel);
        CHECK(synced.count(rel) == 1);
    }
    CHECK(synced.count("authors") == 1);  // a directory's entries are synced like a file's data
    const std::size_t named = find_event(events, published, "sync", index.string());
    const std::size_t switched = find_event(events, published, "rename", (index / "current").string());
    REQUIRE(switched < events.size());
    CHECK(named < switched);
    CHECK(find_event(events, switched, "sync", index.string()) < events.size());
}

TEST_CASE("index_directory: a rebuild needs an index directory") {
    RebuildOptions opt;
    opt.corpus_paths = {seeds_corpus()};
    try {
        rebuild(opt);
        FAIL("no exception");
    } catch (const InvalidArgument& e) {
        CHECK(e.parameter() == "index");
    }
}
