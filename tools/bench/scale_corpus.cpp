// scale-corpus --from CORPUS... --works N --out FILE [--seed S]
//
// Makes a larger corpus out of a real one for the growth benchmarks (tools/bench/run.sh): the real works
// first, unchanged (so that known-item queries still find their work), then new works with new ids
// ("scaled:N") until there are N in all. A new work takes
//   - the title, year, date, venue, type and topics of one real work,
//   - the author list of another real work,
//   - as many sentences as a third real abstract has, each drawn from the pool of all real sentences
//     (ICU sentence boundaries),
// so that the vocabulary, the term and length distributions and the facet value distributions stay those of
// the real data while the postings grow with N. Deterministic for a given seed and input.
#include <cstdio>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include "paperdex/corpus/corpus.h"
#include "paperdex/error.h"

namespace {

using paperdex::Work;

// Sentences of `text` by ICU sentence boundaries (UAX #29), trimmed; empty ones dropped.
std::vector<std::string> sentences(const std::string& text) {
    std::vector<std::string> out;
    UErrorCode status = U_ZERO_ERROR;
    static std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), status));
    if (U_FAILURE(status) || !bi) throw paperdex::Error(std::string("ICU sentence iterator: ") + u_errorName(status));
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    bi->setText(u);
    int32_t start = bi->first();
    for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
        std::string s;
        icu::UnicodeString(u, start, end - start).trim().toUTF8String(s);
        if (!s.empty()) out.push_back(std::move(s));
    }
    return out;
}

int run(const std::vector<std::string>& from, std::size_t target, const std::string& out_path, std::uint64_t seed) {
    std::vector<Work> real;
    std::vector<std::string> pool;            // every sentence of every real abstract
    std::vector<std::uint32_t> sentence_counts;  // sentences per real abstract (0 for none)
    std::size_t rejected = 0;
    for (const auto& f : paperdex::corpus_files(from))
        paperdex::read_corpus(
            f,
            [&](Work&& w) {
                auto s = sentences(w.abstract);
                sentence_counts.push_back(static_cast<std::uint32_t>(s.size()));
                for (auto& x : s) pool.push_back(std::move(x));
                real.push_back(std::move(w));
            },
            [&](const paperdex::CorpusError& e) {
                ++rejected;
                std::cerr << e.what() << "\n";
            });
    if (real.empty()) throw paperdex::InvalidArgument("--from", "no valid works in the input corpus");

    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::size_t> pick_work(0, real.size() - 1);
    std::uniform_int_distribution<std::size_t> pick_sentence(0, pool.empty() ? 0 : pool.size() - 1);

    paperdex::CorpusWriter out(out_path);
    for (const auto& w : real) {
        if (out.written() >= target) break;
        out.write(w);
    }
    const int width = static_cast<int>(std::to_string(target).size());
    char id[32];
    for (std::size_t n = out.written() + 1; out.written() < target; ++n) {
        const Work& base = real[pick_work(rng)];
        Work w;
        std::snprintf(id, sizeof id, "scaled:%0*zu", width, n);
        w.id = id;
        w.title = base.title;
        w.year = base.year;
        w.date = base.date;
        w.venue = base.venue;
        w.type = base.type;
        w.topics = base.topics;
        w.source = "scale-corpus";
        w.authors = real[pick_work(rng)].authors;
        const std::uint32_t k = pool.empty() ? 0 : sentence_counts[pick_work(rng)];
        for (std::uint32_t i = 0; i < k; ++i) {
            if (i) w.abstract.push_back(' ');
            w.abstract += pool[pick_sentence(rng)];
        }
        out.write(w);
    }
    out.close();
    std::cout << "scale-corpus: " << real.size() << " real works (" << pool.size() << " sentences, " << rejected
              << " rejected lines), " << out.written() << " written to " << out_path << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"scale-corpus: a larger corpus recombined from real works (benchmarks only)"};
    std::vector<std::string> from;
    std::size_t works = 0;
    std::string out;
    std::uint64_t seed = 20251127;
    app.add_option("--from", from, "real corpus files or directories (*.jsonl[.gz])")->required();
    app.add_option("--works", works, "works in the output, real ones included")->required()->check(CLI::PositiveNumber);
    app.add_option("--out", out, "output corpus (.jsonl or .jsonl.gz)")->required();
    app.add_option("--seed", seed, "random seed");
    CLI11_PARSE(app, argc, argv);
    try {
        return run(from, works, out, seed);
    } catch (const std::exception& e) {
        std::cerr << "scale-corpus: " << e.what() << "\n";
        return 1;
    }
}
