// Venue extraction: one left-to-right scan over the words of a comment, matched against the venue table. No regex:
// the comment is outside text, so the work is bounded by its length (capped) times the aliases a word can start.
#include "paperdex/importers/venue_extraction.h"

#include <algorithm>
#include <unordered_map>

#include "importers/venue_table.h"
#include "paperdex/corpus/text.h"

namespace paperdex::importers {
namespace {

using internal::VenueEntry;

// Comments are a few hundred bytes; journal-refs less. Past this, a "comment" is something else.
constexpr std::size_t kMaxBytes = 4096;

// A word of the text: a run of ASCII letters or of ASCII digits ("ICCV2025" is two words, so the year glued to an
// acronym is found like a separate one). Everything else separates words.
struct Word {
    std::string_view text;
    std::string lower;
    std::size_t clause = 0;  // clauses end at ; , ! ? newline, and at ". " before a capital: a cue's reach
    std::size_t clause_first = 0;  // index of the clause's first word
    bool glued = false;      // nothing between this word and the previous one
    bool apostrophe = false; // the separator before it holds ' or ’ ("CVPR'25", "MM '25")
    bool at_sign = false;    // ... holds @ ("TrustNLP@NAACL")
    bool hyphen = false;     // ... holds - ("AAAI-26")
};

enum class CharClass { letter, digit, other };

CharClass class_of(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::letter;
    if (c >= '0' && c <= '9') return CharClass::digit;
    return CharClass::other;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool ends_clause(std::string_view sep, std::string_view rest) {
    for (std::size_t i = 0; i < sep.size(); ++i) {
        const char c = sep[i];
        if (c == ';' || c == ',' || c == '!' || c == '?' || c == '\n') return true;
        // "Proc. of", "J. Fluid Mech." are abbreviations; a full stop ends a sentence when a capital follows.
        if (c == '.' && i + 1 < sep.size() && sep[i + 1] == ' ' && !rest.empty() && rest[0] >= 'A' && rest[0] <= 'Z')
            return true;
    }
    return false;
}

std::vector<Word> split_words(std::string_view s) {
    std::vector<Word> words;
    std::size_t clause = 0, clause_first = 0, i = 0, sep_start = 0;
    while (i < s.size()) {
        const CharClass cls = class_of(s[i]);
        if (cls == CharClass::other) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < s.size() && class_of(s[end]) == cls) ++end;
        const std::string_view sep = s.substr(sep_start, i - sep_start);
        if (!words.empty() && ends_clause(sep, s.substr(i))) {
            ++clause;
            clause_first = words.size();
        }
        Word w{s.substr(i, end - i), ascii_lower(s.substr(i, end - i)), clause, clause_first};
        w.glued = !words.empty() && sep.empty();
        w.apostrophe = sep.find('\'') != std::string_view::npos || sep.find("\xE2\x80\x99") != std::string_view::npos;
        w.at_sign = sep.find('@') != std::string_view::npos;
        w.hyphen = sep.find('-') != std::string_view::npos;
        words.push_back(std::move(w));
        i = sep_start = end;
    }
    return words;
}

// One alias of the table as words. A one-word alias matches only a word holding a capital ("fusion", "media" and
// "vision" are English), and one of at most 4 characters only as written ("ACL", "MM", "IV", "CASE").
struct Alias {
    std::vector<std::string> words;  // lower case
    std::string exact;               // one short word: the spelling to match
    std::size_t entry = 0;
};

struct Matcher {
    std::vector<Alias> aliases;
    std::unordered_map<std::string, std::vector<std::size_t>> by_first_word;
};

const Matcher& matcher() {
    static const Matcher m = [] {
        Matcher built;
        const auto& table = internal::venue_table();
        for (std::size_t e = 0; e < table.size(); ++e) {
            for (const auto& spelling : table[e].aliases) {
                Alias a;
                for (const auto& w : split_words(spelling)) a.words.push_back(w.lower);
                if (a.words.empty()) continue;
                if (a.words.size() == 1 && spelling.size() <= 4) a.exact = spelling;
                a.entry = e;
                built.by_first_word[a.words.front()].push_back(built.aliases.size());
                built.aliases.push_back(std::move(a));
            }
        }
        return built;
    }();
    return m;
}

bool has_capital(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// A venue named in the text: words [begin, end) name entry `entry`.
struct Mention {
    std::size_t entry = 0, begin = 0, end = 0;
    bool multiword = false;
    bool w_suffix = false;  // "CVPRW", "ICCVW": the acronym with W for its workshops
};

// A word run glued to the name that is not a year makes the name part of another word: "zju3dv" is no 3DV,
// "MM4SG" no ACM MM.
bool part_of_longer_word(const std::vector<Word>& words, std::size_t begin, std::size_t end) {
    if (words[begin].glued) return true;
    if (end >= words.size() || !words[end].glued) return false;
    const std::string_view next = words[end].text;
    return class_of(next[0]) != CharClass::digit || (next.size() != 2 && next.size() != 4);
}

bool alias_matches(const Alias& a, const std::vector<Word>& words, std::size_t i) {
    if (i + a.words.size() > words.size() || part_of_longer_word(words, i, i + a.words.size())) return false;
    if (a.words.size() == 1) {
        if (!a.exact.empty()) return words[i].text == a.exact;
        return words[i].lower == a.words[0] && has_capital(words[i].text);
    }
    for (std::size_t k = 0; k < a.words.size(); ++k)
        if (words[i + k].lower != a.words[k]) return false;
    return true;
}

// The longest alias that starts at word i, if any.
std::optional<Mention> mention_at(const std::vector<Word>& words, std::size_t i) {
    const Matcher& m = matcher();
    std::optional<Mention> best;
    if (auto it = m.by_first_word.find(words[i].lower); it != m.by_first_word.end()) {
        for (std::size_t idx : it->second) {
            const Alias& a = m.aliases[idx];
            if (!alias_matches(a, words, i) || (best && best->end >= i + a.words.size())) continue;
            best = Mention{a.entry, i, i + a.words.size(), a.words.size() > 1, false};
        }
    }
    const std::string_view t = words[i].text;
    if (!best && t.size() >= 4 && t.back() == 'W') {  // "CVPRW": an acronym of the table plus W
        const std::string stem = ascii_lower(t.substr(0, t.size() - 1));
        if (auto it = m.by_first_word.find(stem); it != m.by_first_word.end())
            for (std::size_t idx : it->second)
                if (m.aliases[idx].words.size() == 1 && has_capital(t)) return Mention{m.aliases[idx].entry, i, i + 1, false, true};
    }
    return best;
}

// Every venue named, left to right; of overlapping names the one reaching furthest ("International Conference on
// Computer Vision and Pattern Recognition" is CVPR, not ICCV followed by words).
std::vector<Mention> find_mentions(const std::vector<Word>& words) {
    std::vector<Mention> found;
    for (std::size_t i = 0; i < words.size();) {
        auto m = mention_at(words, i);
        if (!m) {
            ++i;
            continue;
        }
        for (std::size_t j = m->begin + 1; j < m->end; ++j)
            if (auto later = mention_at(words, j); later && later->end > m->end) m = later;
        found.push_back(*m);
        i = m->end;
    }
    return found;
}

bool is_one_of(std::string_view w, std::initializer_list<std::string_view> set) {
    return std::find(set.begin(), set.end(), w) != set.end();
}

bool negative_cue(const std::vector<Word>& words, std::size_t k) {
    const std::string& w = words[k].lower;
    if (is_one_of(w, {"submitted", "submit", "submitting", "submission", "submissions", "resubmission", "review",
                      "reviews", "consideration", "rejected", "rejection", "arr", "extension"}))
        return true;
    // "an earlier version appeared in X", "extended version of our X paper": another text than this one.
    return w == "version" && k > 0 &&
           is_one_of(words[k - 1].lower, {"earlier", "extended", "preliminary", "previous", "shorter", "conference"});
}

bool positive_cue(std::string_view w) {
    return is_one_of(w, {"accepted", "accept", "accpeted", "acceptance", "published", "publication", "publish", "appear",
                         "appears", "appeared", "appearing", "presented", "presentation", "proceedings", "proc",
                         "forthcoming", "in", "at", "to", "by", "oral", "spotlight", "poster", "highlight"});
}

std::size_t clause_begin(const std::vector<Word>& words, std::size_t i) { return words[i].clause_first; }

// Said of this work? Not when a "submitted"/"under review" cue precedes it in its clause (a later "accepted"
// overrides: "submitted to X and accepted at Y"), nor when one follows within four words ("ACL 2025 ARR
// submission", "WACV 2024 extended paper").
bool negated(const std::vector<Word>& words, const Mention& m) {
    bool neg = false;
    for (std::size_t k = clause_begin(words, m.begin); k < m.begin; ++k) {
        if (negative_cue(words, k)) neg = true;
        else if (is_one_of(words[k].lower, {"accepted", "accpeted", "published", "appear", "presented"})) neg = false;
    }
    for (std::size_t k = m.end; k < words.size() && k < m.end + 4 && words[k].clause == words[m.begin].clause; ++k)
        if (negative_cue(words, k) || words[k].lower == "extended") return true;
    return neg;
}

std::optional<int> year_of(const Word& w, bool next_to_name) {
    if (w.text.size() == 4 && (w.text.substr(0, 2) == "19" || w.text.substr(0, 2) == "20")) return std::stoi(std::string(w.text));
    // "CVPR'25", "IROS25", "AAAI-26"; but "HICSS-59" is an edition, and two digits elsewhere are a count.
    if (w.text.size() == 2 && next_to_name && (w.glued || w.apostrophe || w.hyphen) && w.text <= "40")
        return 2000 + std::stoi(std::string(w.text));
    return std::nullopt;
}

// The year written beside the name: in the three words after it, else the three before it, within its clause.
std::optional<int> find_year(const std::vector<Word>& words, const Mention& m) {
    const std::size_t clause = words[m.begin].clause;
    for (std::size_t k = m.end; k < words.size() && k < m.end + 3 && words[k].clause == clause; ++k)
        if (class_of(words[k].text[0]) == CharClass::digit)
            if (auto y = year_of(words[k], k == m.end)) return y;
    for (std::size_t k = m.begin; k > 0 && k + 3 > m.begin && words[k - 1].clause == clause; --k)
        if (words[k - 1].text.size() == 4 && class_of(words[k - 1].text[0]) == CharClass::digit)
            if (auto y = year_of(words[k - 1], false)) return y;
    return std::nullopt;
}

struct Cues {
    bool workshop = false, findings = false, positive = false;
};

// What the clause says around the name: a workshop ("... Workshop", "CVPRW", "CVPR2025W", "X@CVPR", working
// notes, or a next clause that starts with "Workshop on ..."), Findings, or an acceptance word before it.
Cues clause_cues(const std::vector<Word>& words, const Mention& m) {
    Cues c;
    const std::size_t clause = words[m.begin].clause;
    c.workshop = m.w_suffix || words[m.begin].at_sign;
    for (std::size_t k = clause_begin(words, m.begin); k < words.size() && words[k].clause <= clause + 1; ++k) {
        if (k >= m.begin && k < m.end) continue;  // the name's own words: ASRU's is "... Understanding Workshop"
        const std::string& w = words[k].lower;
        const bool same = words[k].clause == clause;
        const bool next_starts = !same && k - clause_begin(words, k) < 3;
        if ((same || next_starts) && is_one_of(w, {"workshop", "workshops"})) c.workshop = true;
        if (!same) continue;
        if (w == "srw" || (w == "notes" && k > 0 && words[k - 1].lower == "working")) c.workshop = true;
        if (w == "w" && k >= m.end && k <= m.end + 1 && (words[k].glued || words[k].hyphen)) c.workshop = true;
        if (w == "findings") c.findings = true;
        if (k < m.begin && positive_cue(w)) c.positive = true;
    }
    return c;
}

// The clause is the name and perhaps its year, nothing else ("8 pages, 5 figures, IROS").
bool stands_alone(const std::vector<Word>& words, const Mention& m) {
    const std::size_t clause = words[m.begin].clause;
    std::size_t others = 0;
    for (std::size_t k = clause_begin(words, m.begin); k < words.size() && words[k].clause == clause; ++k)
        if ((k < m.begin || k >= m.end) && class_of(words[k].text[0]) != CharClass::digit) ++others;
    return others == 0;
}

// "Findings of the Association for Computational Linguistics: EMNLP 2025": that "ACL" names the series, and the
// conference follows.
bool names_findings_series(const std::vector<Word>& words, const Mention& m, const VenueEntry& e) {
    return e.venue == "ACL" && m.begin >= 2 && is_one_of(words[m.begin - 1].lower, {"of", "the"}) &&
           (words[m.begin - 2].lower == "findings" || (m.begin >= 3 && words[m.begin - 3].lower == "findings")) &&
           m.end < words.size() && words[m.end].clause == words[m.begin].clause &&
           class_of(words[m.end].text[0]) == CharClass::letter;
}

VenueMention describe(const VenueEntry& e, const Cues& c, std::optional<int> year) {
    VenueMention v{e.venue, e.name, e.kind, year};
    if (e.kind != "conference") return v;
    if (c.workshop) {
        v.venue += " Workshops";
        v.name += " Workshops";
        v.kind = "workshop";
    } else if (c.findings && e.has_findings) {
        v.venue += " Findings";
        v.name = "Findings of the Association for Computational Linguistics: " + e.venue;
        v.kind = "findings";
    }
    return v;
}

std::optional<VenueMention> extract(std::string_view text, bool journal_ref) {
    if (text.size() > kMaxBytes) text = text.substr(0, kMaxBytes);
    const std::vector<Word> words = split_words(text);
    const auto& table = internal::venue_table();
    for (const Mention& m : find_mentions(words)) {
        const VenueEntry& e = table[m.entry];
        if (negated(words, m) || names_findings_series(words, m, e)) continue;
        const Cues c = clause_cues(words, m);
        const std::optional<int> year = find_year(words, m);
        // A bare acronym needs something that makes it a statement: a year, an acceptance word, the clause to
        // itself, or workshop/Findings words; a full name is a statement by itself.
        if (!journal_ref && !year && !m.multiword && !c.positive && !c.workshop && !c.findings && !stands_alone(words, m))
            continue;
        return describe(e, c, year);
    }
    return std::nullopt;
}

}  // namespace

std::optional<VenueMention> venue_from_comment(std::string_view comment) { return extract(comment, false); }

std::optional<VenueMention> venue_from_journal_ref(std::string_view journal_ref) { return extract(journal_ref, true); }

void set_arxiv_venue(Work& w, std::string_view comment, std::string_view journal_ref) {
    std::optional<VenueMention> v = venue_from_journal_ref(journal_ref);
    if (!v) v = venue_from_comment(comment);
    if (v) {
        w.venue = v->venue;
        w.venue_name = v->name;
        w.type = v->kind;
    } else if (std::string ref = text::squeeze(journal_ref); !ref.empty()) {
        w.venue = ref;
        w.type = "article";
    } else {
        w.venue = "arXiv";
        w.type = "preprint";
    }
}

}  // namespace paperdex::importers
