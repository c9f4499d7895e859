// TeX in titles and abstracts as the words indexing reads, and where the math is. The strings are real: each
// is cut from the arXiv work named beside it (default corpus or ../shared/data/arxiv-daily), the expected output
// written by hand.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "paperdex/corpus/tex.h"

using paperdex::text::math_spans;
using paperdex::text::tex_to_text;

TEST_CASE("tex: formatting commands keep their words") {
    // 2504.09973
    CHECK(tex_to_text("a \\emph{Sparse Prompt Module (SPM)} that") == "a Sparse Prompt Module (SPM) that");
    // 2503.13623
    CHECK(tex_to_text("the determinant (\\textit{log det}) of") == "the determinant (log det) of");
    // 2504.03327
    CHECK(tex_to_text("\\textbf{E}mbedding \\textbf{MU}tation (\\textsc{EMU}), a novel framework that "
                      "\\emph{generates} negative samples") ==
          "Embedding MUtation (EMU), a novel framework that generates negative samples");
    // 2503.17793
    CHECK(tex_to_text("can be accessed at~\\url{https://huggingface.co/inclusionAI/Ling-Coder-lite}.") ==
          "can be accessed at https://huggingface.co/inclusionAI/Ling-Coder-lite.");
    // 2503.18866: escaped percent signs stay
    CHECK(tex_to_text("raw data (5.7\\% $\\rightarrow$ 25.4\\% on MATH)") == "raw data (5.7% 25.4% on MATH)");
}

TEST_CASE("tex: math reads as the words and symbols people type") {
    // the issue's example: R²ec is typed "R2ec"
    CHECK(tex_to_text("$\\text{R}^2\\text{ec}$: Towards Large Recommender Models") ==
          "R2ec: Towards Large Recommender Models");
    // 2503.14881
    CHECK(tex_to_text("at least $\\Omega(n^2 d)$ memory, when $d = \\Omega(\\log n)$, where $n$ is") ==
          "at least Omega(n2 d) memory, when d = Omega(log n), where n is");
    // 2504.05304, 2504.04704, 2503.18578: short scripts join their base
    CHECK(tex_to_text("learned with an $L_2$ denoising loss") == "learned with an L2 denoising loss");
    CHECK(tex_to_text("weight based method $H_2O$ over $60\\%$") == "weight based method H2O over 60%");
    CHECK(tex_to_text("($R^2$ scores up to $0.91$)") == "(R2 scores up to 0.91)");
    // 2504.01521: a script that is a command or longer is a word of its own
    CHECK(tex_to_text("improvement in FD$_\\text{DINOv2}$ compared") == "improvement in FD DINOv2 compared");
    CHECK(tex_to_text("$\\mathcal{L}_{\\text{train}}$") == "L train");
    // 2504.08247: \( … \) is math too
    CHECK(tex_to_text("beyond the \\(\\text{TC}^0\\) complexity class") == "beyond the TC0 complexity class");
    // 2503.24290, 2504.03736
    CHECK(tex_to_text("GAE ($\\lambda=1$, $\\gamma=1$)") == "GAE (lambda=1, gamma=1)");
    CHECK(tex_to_text("function $e_{\\theta}(x, f)$ that") == "function e theta (x, f) that");
    // 2504.03756: a math accent keeps its letter; 2503.11685: an operator is a space
    CHECK(tex_to_text("dataset $\\tilde C$ of labeled") == "dataset C of labeled");
    CHECK(tex_to_text("throughput up to 4.64$\\times$, and") == "throughput up to 4.64 , and");
    CHECK(tex_to_text("$\\ell_1$-norm, $\\frac{1}{2}$, $\\alpha\\beta$") == "l1-norm, 1 2 , alpha beta");
}

TEST_CASE("tex: accents fold as the importers fold them, and text without TeX is left alone") {
    CHECK(tex_to_text("G\\\"{o}del and Erd\\H{o}s in $\\mathbb{R}^n$") == "Gödel and Erdős in Rn");
    const std::string plain = "Sparse  attention, $5 and 10 % off";
    CHECK(tex_to_text(plain) == "Sparse attention, $5 and 10 % off");  // a lone dollar is a dollar sign
    CHECK(tex_to_text("no markup at all  here") == "no markup at all  here");
    CHECK(tex_to_text("costs \\$5 and \\$10") == "costs $5 and $10");
}

TEST_CASE("tex: math_spans finds each delimiter kind, skips escaped and unclosed ones") {
    const std::string s = "a $x$ b $$y$$ c \\(z\\) d \\[w\\] e \\$ f";
    const auto spans = math_spans(s);
    REQUIRE(spans.size() == 4);
    CHECK(s.substr(spans[0].begin, spans[0].end - spans[0].begin) == "$x$");
    CHECK(s.substr(spans[1].begin, spans[1].end - spans[1].begin) == "$$y$$");
    CHECK(spans[1].delimiter == 2);
    CHECK(s.substr(spans[2].begin, spans[2].end - spans[2].begin) == "\\(z\\)");
    CHECK(s.substr(spans[3].begin, spans[3].end - spans[3].begin) == "\\[w\\]");
    CHECK(math_spans("$\\$$").size() == 1);            // "\$" inside math does not close it
    CHECK(math_spans("price $5, unclosed").empty());
    const std::string far = "$5 " + std::string(paperdex::text::kMaxMathBytes, 'x') + " $10";
    CHECK(math_spans(far).empty());                    // too far apart to be one formula
}

namespace {

// The four hostile shapes, n bytes each or so: deep groups, many "$", accents without a letter, "^{" runs.
struct HostileTex {
    std::string deep, dollars, accents, scripts;
    explicit HostileTex(std::size_t n) : deep("\\emph" + std::string(n, '{') + "x" + std::string(n + 5, '}') + "y"),
                                         scripts("$") {
        for (std::size_t i = 0; i < n / 4; ++i) dollars += "$ a\\(";
        for (std::size_t i = 0; i < n / 3; ++i) accents += "\\'{";
        for (std::size_t i = 0; i < n / 2; ++i) scripts += "^{";
    }
};

// Fastest of three conversions of all four shapes, in seconds: the minimum drops a scheduler's pauses.
double fastest_conversion(const HostileTex& in) {
    using Clock = std::chrono::steady_clock;
    double best = 1e9;
    for (int round = 0; round < 3; ++round) {
        const auto t0 = Clock::now();
        std::size_t bytes = 0;
        for (const auto* s : {&in.deep, &in.dollars, &in.accents, &in.scripts}) bytes += tex_to_text(*s).size();
        best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
        CHECK(bytes > 0);
    }
    return best;
}

}  // namespace

TEST_CASE("tex: hostile input is converted in linear time") {
    const std::size_t n = 1 << 18;
    const HostileTex half(n), full(2 * n);
    // Sizes, not strings, are compared: a failure must not print half a MiB.
    CHECK(tex_to_text(full.deep).size() == 2);                          // "xy": unmatched "}" dropped
    CHECK(tex_to_text(full.dollars).size() == 2 * (2 * n / 4) - 1);     // "a a … a"
    CHECK(tex_to_text(full.accents).empty());                           // accents without a letter, groups: nothing
    CHECK(tex_to_text(full.scripts).size() == 1 + 2 * n / 2);           // "$" never closed: text, "$^^^…" kept
    CHECK(tex_to_text("trailing \\") == "trailing");
    CHECK(tex_to_text("\\emph{never closed") == "never closed");
    // bytes that are not UTF-8 become U+FFFD, as text::normalize() would make them
    CHECK(tex_to_text("\xff$\\alpha$\xc3") == "\uFFFDalpha\uFFFD");
    // Doubling the input doubles a linear pass and quadruples a quadratic one. A ratio, not a wall-clock bound,
    // so that a sanitizer's constant slowdown (TSan: about 10x) does not change the verdict.
    const double t_half = fastest_conversion(half), t_full = fastest_conversion(full);
    INFO("256 KiB shapes: " << t_half << " s, 512 KiB shapes: " << t_full << " s");
    CHECK(t_full < 3.2 * t_half + 0.005);  // linear: about 2; quadratic: 4
}
