// paperdex collaborators --index DIR --author NAME_OR_KEY [--limit N] [--json]
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/paperdex/read_command.h"
#include "paperdex/authors/collaborators.h"
#include "paperdex/index/index_directory.h"

namespace {

struct CollaboratorsArgs : paperdex::cli::IndexArgs {
    std::string author;
    paperdex::CollaboratorOptions opt;
    bool bo1 = false, topic_max = false;
};

template <class T, class F>
std::string joined(const std::vector<T>& items, F show) {
    std::string out;
    for (const auto& x : items) out += (out.empty() ? "" : ", ") + show(x);
    return out;
}

const paperdex::cli::Register collaborators_command{
    "collaborators", "likely collaborators of an author (people not yet written with), with reasons", [](CLI::App& sub) {
        auto a = paperdex::cli::read_args<CollaboratorsArgs>(sub);
        sub.add_option("--author", a->author, "author name or key, e.g. \"Milad Hashemi\"")->required();
        sub.add_option("--limit", a->opt.limit, "suggestions (1..100)")->capture_default_str();
        sub.add_flag("--bo1", a->bo1, "Bo1 instead of TradEWeight for the author's terms");
        sub.add_flag("--topic-max", a->topic_max, "the candidate's best matching work (CombMAX) instead of the sum of them");
        return [a]() {
            if (a->bo1) a->opt.scheme = paperdex::ExpansionScheme::bo1;
            if (a->topic_max) a->opt.topic_sum = false;
            paperdex::Searcher searcher(paperdex::open_index(a->index));
            const auto authors = paperdex::AuthorIndex::open(a->index);
            const auto resp = paperdex::suggest_collaborators(searcher, authors, authors.resolve(a->author).key, a->opt);
            if (a->json) {
                std::cout << nlohmann::json(resp).dump(2) << "\n";
                return 0;
            }
            std::cout << "Likely collaborators of " << resp.name << " [" << resp.key << "]\n";
            unsigned rank = 0;
            for (const auto& s : resp.suggestions) {
                std::cout << "\n" << ++rank << ". " << s.name << "  [" << s.key << "]  score " << s.score << " (graph "
                          << s.graph << ", topic " << s.topic << ", recency " << s.recency << ")\n";
                if (!s.shared_coauthors.empty())
                    std::cout << "   shared co-authors: " << joined(s.shared_coauthors, [](const auto& c) { return c.name; }) << "\n";
                if (!s.shared_topics.empty()) std::cout << "   shared topics: " << joined(s.shared_topics, [](const auto& t) { return t; }) << "\n";
                if (!s.shared_terms.empty()) std::cout << "   shared terms: " << joined(s.shared_terms, [](const auto& t) { return t; }) << "\n";
                for (const auto& w : s.connecting_works)
                    std::cout << "   via " << w.via << ": " << w.title << " [" << w.id << "]\n";
            }
            return 0;
        };
    }};

}  // namespace
