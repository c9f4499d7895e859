// tex_to_text: TeX source as the words a reader sees, so that `\emph{sparse}` indexes "sparse" and not "emph".
#include <array>
#include <string_view>

#include "corpus/tex_accents.h"
#include "paperdex/corpus/tex.h"
#include "paperdex/corpus/text.h"

namespace paperdex::text {
namespace {

// Commands that name a word a reader would search for; the Greek "var" forms read as their letter, \ell as the
// letter l (so that `$\ell_1$` indexes "l1", as people type it).
struct Word {
    std::string_view command, word;
};
constexpr Word kWords[] = {
    {"alpha", "alpha"}, {"beta", "beta"}, {"gamma", "gamma"}, {"delta", "delta"}, {"epsilon", "epsilon"},
    {"varepsilon", "epsilon"}, {"zeta", "zeta"}, {"eta", "eta"}, {"theta", "theta"}, {"vartheta", "theta"},
    {"iota", "iota"}, {"kappa", "kappa"}, {"lambda", "lambda"}, {"mu", "mu"}, {"nu", "nu"}, {"xi", "xi"},
    {"pi", "pi"}, {"varpi", "pi"}, {"rho", "rho"}, {"varrho", "rho"}, {"sigma", "sigma"}, {"varsigma", "sigma"},
    {"tau", "tau"}, {"upsilon", "upsilon"}, {"phi", "phi"}, {"varphi", "phi"}, {"chi", "chi"}, {"psi", "psi"},
    {"omega", "omega"}, {"Gamma", "Gamma"}, {"Delta", "Delta"}, {"Theta", "Theta"}, {"Lambda", "Lambda"},
    {"Xi", "Xi"}, {"Pi", "Pi"}, {"Sigma", "Sigma"}, {"Upsilon", "Upsilon"}, {"Phi", "Phi"}, {"Psi", "Psi"},
    {"Omega", "Omega"}, {"ell", "l"}, {"infty", "infinity"}, {"partial", "partial"}, {"nabla", "nabla"},
    {"log", "log"}, {"ln", "ln"}, {"exp", "exp"}, {"sin", "sin"}, {"cos", "cos"}, {"tan", "tan"},
    {"tanh", "tanh"}, {"max", "max"}, {"min", "min"}, {"sup", "sup"}, {"inf", "inf"}, {"lim", "lim"},
    {"arg", "arg"}, {"argmax", "argmax"}, {"argmin", "argmin"}, {"det", "det"}, {"dim", "dim"}, {"ker", "ker"},
    {"gcd", "gcd"}, {"deg", "deg"}, {"Pr", "Pr"}, {"mod", "mod"}, {"bmod", "mod"}, {"pmod", "mod"},
    {"TeX", "TeX"}, {"LaTeX", "LaTeX"}, {"BibTeX", "BibTeX"},
};

// Commands that only change how their argument looks: dropped, the argument kept and joined to what is around
// it, so that `\text{R}^2\text{ec}` stays one word.
constexpr std::string_view kFormatting[] = {
    "text", "textbf", "textit", "texttt", "textsc", "textrm", "textsf", "textup", "textmd", "textnormal", "emph",
    "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathcal", "mathbb", "mathfrak", "mathscr", "mathnormal",
    "boldsymbol", "bm", "pmb", "operatorname", "mbox", "hbox", "underline", "overline", "hat", "bar", "tilde",
    "vec", "dot", "ddot", "widehat", "widetilde", "check", "breve", "acute", "grave", "mathring", "rm", "bf", "it",
    "em", "sf", "tt", "sc", "cal", "displaystyle", "textstyle", "scriptstyle", "left", "right", "big", "Big",
    "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "mathop", "limits", "nolimits", "textsuperscript",
    "textsubscript", "ensuremath", "url",
};

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }

// Converts one stretch of text, all math or all text, appending to `out`. Braces are tracked on a fixed stack:
// a group is "spaced" when its end ends a word (the argument of an operator such as \frac, a long script),
// "plain" otherwise; past kMaxDepth groups nest unrecorded (as plain), so no input grows it.
class Converter {
public:
    Converter(std::string& out, bool math) : out_(out), math_(math) {}

    void run(std::string_view s) {
        for (std::size_t p = 0; p < s.size();) p = step(s, p);
    }

private:
    static constexpr std::size_t kMaxDepth = 64;

    std::size_t step(std::string_view s, std::size_t p) {
        const char c = s[p];
        if (c == '\\') return command(s, p);
        if (c == '{') return open_group(p);
        spaced_next_ = false;
        if (c == '}') close_group();
        else if (math_ && (c == '^' || c == '_')) return script(s, p + 1);
        else if (c == '~' || (math_ && c == '&')) out_.push_back(' ');  // a tie, an alignment: a space
        else out_.push_back(c);
        return p + 1;
    }

    std::size_t open_group(std::size_t p) {
        if (depth_ < kMaxDepth) spaced_[depth_] = spaced_next_;
        ++depth_;
        spaced_next_ = false;
        return p + 1;
    }

    void close_group() {
        if (depth_ == 0) return;  // an unmatched "}" is dropped
        --depth_;
        if (depth_ < kMaxDepth && spaced_[depth_]) {
            out_.push_back(' ');
            spaced_next_ = true;  // \frac{a}{b}: the next argument is spaced too
        }
    }

    // After "^" or "_": one or two letters or digits join the base ("R^2", "F_{1}"); anything longer, or a
    // command, starts a word of its own, and a group ends one.
    std::size_t script(std::string_view s, std::size_t p) {
        if (p < s.size() && is_alnum(s[p])) {
            out_.push_back(s[p]);
            return p + 1;
        }
        if (p < s.size() && s[p] == '{') {
            std::size_t q = p + 1;
            while (q < s.size() && q < p + 4 && is_alnum(s[q])) ++q;
            if (q > p + 1 && q < s.size() && s[q] == '}') {
                out_.append(s.substr(p + 1, q - p - 1));
                return q + 1;
            }
            out_.push_back(' ');
            spaced_next_ = true;
        }
        if (p < s.size() && s[p] == '\\') out_.push_back(' ');  // "FD$_\text{DINOv2}$": a word of its own
        return p;
    }

    std::size_t command(std::string_view s, std::size_t p) {
        std::size_t end = p + 1;
        while (end < s.size() && is_alpha(s[end])) ++end;
        if (end == p + 1) return symbol(s, p);
        const std::string_view name = s.substr(p + 1, end - p - 1);
        spaced_next_ = false;
        for (const auto& w : kWords) {
            if (w.command != name) continue;
            if (!out_.empty() && is_alnum(out_.back())) out_.push_back(' ');  // "\alpha\beta": two words
            out_.append(w.word);
            return end;
        }
        for (const auto f : kFormatting)
            if (f == name) return end;
        out_.push_back(' ');  // an operator or a command paperdex does not know: it ends a word
        spaced_next_ = true;
        return end;
    }

    // "\" followed by a non-letter: an escaped character stands for itself; spacing, line breaks and leftovers
    // (an accent command the accent pass did not take) do not.
    std::size_t symbol(std::string_view s, std::size_t p) {
        spaced_next_ = false;
        if (p + 1 >= s.size()) return p + 1;  // a trailing backslash is dropped
        const char c = s[p + 1];
        static constexpr std::string_view kEscaped = "%&#_${}";
        static constexpr std::string_view kSpacing = "\\,;:! ()[]";
        if (kEscaped.find(c) != std::string_view::npos) out_.push_back(c);
        else if (kSpacing.find(c) != std::string_view::npos) out_.push_back(' ');
        return p + 2;
    }

    std::string& out_;
    const bool math_;
    std::array<bool, kMaxDepth> spaced_{};
    std::size_t depth_ = 0;
    bool spaced_next_ = false;  // the next "{" opens a spaced group
};

}  // namespace

std::string tex_to_text(std::string_view s) {
    if (s.find_first_of("\\$") == std::string_view::npos) return std::string(s);
    const std::string accented = tex_accents_to_unicode(s);
    const std::string_view a = accented;
    std::string out;
    out.reserve(a.size());
    // Math and text are converted apart: a group left open in one never swallows the other.
    std::size_t p = 0;
    for (const MathSpan& m : math_spans(a)) {
        Converter(out, false).run(a.substr(p, m.begin - p));
        Converter(out, true).run(a.substr(m.begin + m.delimiter, m.end - m.begin - 2 * m.delimiter));
        p = m.end;
    }
    Converter(out, false).run(a.substr(p));
    return squeeze(out);
}

}  // namespace paperdex::text
