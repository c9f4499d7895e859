#include "search/display_stopwords.h"

#include <array>
#include <string>
#include <vector>

#include <xapian.h>

namespace paperdex {
namespace {

// Snowball's English stop word list (https://snowballstem.org/algorithms/english/stop.txt, BSD licence, Martin
// Porter and Richard Boulton), the list Xapian's SimpleStopper documentation points to for English. Its active
// words first; then the ones it comments out: the auxiliaries it keeps for their homonyms ("a WILL", "tin CAN",
// "the month of MAY" hardly occur in abstracts, where the modal is meant), "us" (lower case here, as every term),
// its rarer contractions, and the words it lists "among the commonest in English". A query still searches all of
// them (searcher.cpp has its own, smaller stopper): this list decides only what is shown.
constexpr auto kSnowball = std::to_array<std::string_view>({
    "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves",
    "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their",
    "theirs", "themselves", "what", "which", "who", "whom", "this", "that", "these", "those", "am", "is", "are",
    "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "would",
    "should", "could", "ought", "i'm", "you're", "he's", "she's", "it's", "we're", "they're", "i've", "you've",
    "we've", "they've", "i'd", "you'd", "he'd", "she'd", "we'd", "they'd", "i'll", "you'll", "he'll", "she'll",
    "we'll", "they'll", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't",
    "didn't", "won't", "wouldn't", "shan't", "shouldn't", "can't", "cannot", "couldn't", "mustn't", "let's",
    "that's", "who's", "what's", "here's", "there's", "when's", "where's", "why's", "how's", "a", "an", "the",
    "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for", "with", "about",
    "against", "between", "into", "through", "during", "before", "after", "above", "below", "to", "from", "up",
    "down", "in", "out", "on", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when",
    "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor",
    "not", "only", "own", "same", "so", "than", "too", "very",
    // commented out in stop.txt: homonyms, rarer and doubtful forms
    "us", "will", "shall", "can", "may", "might", "must", "daren't", "needn't", "oughtn't", "mightn't",
    // "among the commonest in English", listed there for the record
    "one", "every", "least", "less", "many", "now", "ever", "never", "say", "says", "said", "also", "get", "go",
    "goes", "just", "made", "make", "put", "see", "seen", "whether", "like", "well", "back", "even", "still", "way",
    "take", "since", "another", "however", "two", "three", "four", "five", "first", "second", "new", "old", "high",
    "long",
});

// Words of scholarly prose that join clauses, hedge, compare, count or frame a claim, and say nothing of its topic.
// Grown from the reasons shown on the default corpus: first those the issue names ("dubbed", "towards", "there" on
// Milad Hashemi's page), then those tests/test_reason_terms.cpp found against SMART's independent list (which
// stays unread by this code, so that the test can still fail on words neither list has foreseen). Nouns common in
// every abstract ("method", "results") need no entry: the maximum document frequency of shown terms
// (reason_terms.h) hides them.
constexpr auto kScholarly = std::to_array<std::string_view>({
    // joining and ordering clauses
    "towards", "toward", "via", "upon", "onto", "within", "without", "across", "among", "amongst", "along",
    "throughout", "together", "whereas", "whereby", "thereby", "yet", "thus", "hence", "therefore", "consequently",
    "moreover", "furthermore", "meanwhile", "nevertheless", "although", "though", "respectively", "namely",
    "according", "regarding", "regardless", "concerning", "considering", "despite", "besides", "beyond", "behind",
    "around", "near", "apart", "alone", "instead", "rather", "either", "neither", "else", "otherwise", "per",
    "whose", "whole", "overall", "including", "include", "includes", "e.g", "i.e", "etc", "et", "al", "plus",
    "next", "last", "later", "latter", "former", "following", "follows", "followed", "finally", "far",
    // hedging, degree and comparison
    "often", "several", "various", "different", "much", "especially", "particularly", "mainly", "largely",
    "typically", "usually", "generally", "sometimes", "significantly", "substantially", "highly", "fully",
    "entirely", "thoroughly", "simply", "merely", "directly", "clearly", "actually", "indeed", "truly", "almost",
    "enough", "quite", "little", "certain", "possible", "appropriate", "necessary", "better", "best", "able",
    "additionally", "recently", "currently", "previously", "already", "always", "soon",
    // framing verbs and naming
    "use", "used", "uses", "using", "dubbed", "termed", "called", "coined", "named", "name", "novel", "propose",
    "proposes", "proposed", "present", "presents", "presented", "introduce", "introduces", "introduced", "allow",
    "allows", "given", "become", "becomes", "believe", "think", "look", "known", "consider", "contain", "contains",
    "containing", "described", "indicate", "indicates", "associated", "corresponding", "taken", "done", "kept",
    "help", "mean", "thanks", "please", "yes", "anything", "nothing", "right", "serious", "immediate", "ignored",
    "causes", "changes", "value", "example",
    // the default corpus of issue 16 (OpenAlex's medical abstracts, more arXiv fields) showed these: "the leading
    // cause of death" in every yearly cancer report, and verbs that hedge a finding
    "cause", "caused", "appear", "appears", "appeared", "seem", "seems", "seemed", "let", "lets", "hardly",
    "indicated", "ask", "asks", "asked", "come", "comes", "came",
    // numbers and ordinals written out
    "six", "seven", "eight", "nine", "ten", "third", "twice",
    // halves of hyphenated words ("self-supervised", "non-trivial", "zero-shot"): alone they name nothing
    "self", "non", "sub", "semi", "multi", "pre", "zero", "inner", "outside", "edu",
});

// Xapian's own stopper, as the query parser and TermGenerator use one; it can be neither copied nor moved, so it is
// made in place from the joined lists.
std::vector<std::string> stopwords() {
    std::vector<std::string> all(kSnowball.begin(), kSnowball.end());
    all.insert(all.end(), kScholarly.begin(), kScholarly.end());
    return all;
}

const Xapian::SimpleStopper& stoplist() {
    // Never destroyed: a server's worker threads may still be checking a term when the process exits (TSan saw
    // the exit-time destructor free the set under a worker's read).
    static const Xapian::SimpleStopper& stopper = *[] {
        const std::vector<std::string> words = stopwords();
        return new Xapian::SimpleStopper(words.begin(), words.end());
    }();
    return stopper;
}

}  // namespace

bool is_display_stopword(std::string_view word) {
    // Sources write "don’t" as often as "don't"; the lists spell the apostrophe as '.
    static constexpr std::string_view kRightQuote = "\u2019";
    std::string plain;
    plain.reserve(word.size());
    while (!word.empty()) {
        const bool quote = word.substr(0, kRightQuote.size()) == kRightQuote;
        plain.push_back(quote ? '\'' : word.front());
        word.remove_prefix(quote ? kRightQuote.size() : 1);
    }
    return stoplist()(plain);
}

}  // namespace paperdex
