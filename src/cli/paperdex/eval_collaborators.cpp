// paperdex eval collaborators --corpus PATH... --until YYYY-MM-DD [--format arxiv-daily] [--k 10] [--threads N]
//                            [--graph W --topic W --recency W --category W --half-life DAYS] [--grid] [--json]
//                            [--history-index DIR] [--no-topic] [--progress]
//                            [--model FILE]... [--dump-features FILE [--dump-negatives P] [--dump-top N]]
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/paperdex/eval_command.h"
#include "paperdex/eval/collaborators_eval.h"
#include "paperdex/error.h"

namespace {

struct Args {
    paperdex::LinkPredictionOptions opt;
    bool json = false, grid = false, topic_max = false;
    std::vector<std::string> models;
};

const paperdex::cli::Register eval_collaborators{
    paperdex::cli::eval_registry(), "collaborators", "temporal link prediction: collaborator suggestions vs common neighbours, Adamic-Adar, topic",
    [](CLI::App& sub) {
        auto a = std::make_shared<Args>();
        auto& o = a->opt;
        sub.add_option("--corpus", o.corpus_paths, "listing files or directories (e.g. ../shared/data/arxiv-daily)")->required();
        sub.add_option("--until", o.until, "cut-off date YYYY-MM-DD: history up to it, truth after it")->required();
        sub.add_option("--format", o.format, "importer of the files")->capture_default_str();
        sub.add_option("--k", o.k, "ranking cut-off (1..100)")->capture_default_str();
        sub.add_option("--threads", o.threads, "worker threads")->capture_default_str();
        sub.add_option("--graph", o.collaborators.weights.graph, "weight of graph proximity in the mix")->capture_default_str();
        sub.add_option("--topic", o.collaborators.weights.topic, "weight of topical closeness in the mix")->capture_default_str();
        sub.add_option("--recency", o.collaborators.weights.recency, "weight of recency in the mix")->capture_default_str();
        sub.add_option("--category", o.collaborators.weights.category, "weight of shared arXiv categories in the mix")
            ->capture_default_str();
        sub.add_option("--half-life", o.collaborators.half_life_days, "recency half-life in days")->capture_default_str();
        sub.add_option("--history-index", o.index_dir,
                       "keep the history index in this directory and reuse it when it exists (same corpus and --until)");
        sub.add_flag("!--no-topic", o.topic, "skip the history index and the topic part (graph methods only)");
        sub.add_flag("--topic-max", a->topic_max, "topic = the candidate's best matching work, not the sum of them");
        sub.add_flag("--grid", a->grid, "also score a grid of mixes (to choose the default weights on a split)");
        sub.add_option("--model", a->models,
                       "also score this learned model (JSON from tools/eval/train_collaborator_model.py), repeatable");
        sub.add_option("--dump-features", o.dump_features,
                       "write the learned ranker's features of every (author, candidate) here, TSV with the label");
        sub.add_option("--dump-negatives", o.dump_negatives, "share of negative rows kept in --dump-features (0..1)")
            ->capture_default_str();
        sub.add_option("--dump-top", o.dump_top, "also keep every candidate among the mix's best N in --dump-features")
            ->capture_default_str();
        sub.add_flag("--json", a->json, "print the report as JSON");
        sub.add_flag("--progress", o.progress, "progress on stderr");
        return [a]() {
            if (a->topic_max) a->opt.collaborators.topic_sum = false;
            for (const auto& path : a->models) {
                std::ifstream in(path);
                if (!in) throw paperdex::InvalidArgument("--model", path + ": cannot be read");
                nlohmann::json j;
                try {
                    j = nlohmann::json::parse(in);
                } catch (const nlohmann::json::exception& e) {
                    throw paperdex::InvalidArgument("--model", path + ": " + e.what());
                }
                a->opt.models.push_back({std::filesystem::path(path).stem().string(), paperdex::learned_model_from_json(j)});
            }
            if (a->grid)
                for (double t : {0.0, 0.1, 0.25, 0.5})
                    for (double r : {0.0, 0.1})
                        for (double c : {0.0, 0.5, 1.0}) a->opt.grid.push_back({1.0, t, r, c});
            const auto report = paperdex::evaluate_collaborators(a->opt);
            if (a->json) {
                std::cout << nlohmann::json(report).dump(2) << "\n";
                return 0;
            }
            std::printf("history up to %s: %zu works, %zu authors; after it: %zu works (%zu undated skipped)\n",
                        report.until.c_str(), report.works_before, report.authors_before, report.works_after,
                        report.works_undated);
            std::printf("evaluated: %zu authors with %zu new co-authors known before the cut-off "
                        "(%zu listings with a co-author unknown before, not scored)\n\n",
                        report.authors_evaluated, report.new_links, report.new_links_unknown);
            std::printf("| method | P@%zu | R@%zu | hits@%zu | MRR@%zu |\n|---|---|---|---|---|\n", report.k, report.k,
                        report.k, report.k);
            for (const auto& m : report.methods)
                std::printf("| %s | %.4f | %.4f | %.4f | %.4f |\n", m.method.c_str(), m.precision, m.recall, m.hits, m.mrr);
            std::printf("\n%.1f s\n", report.seconds);
            return 0;
        };
    }};

}  // namespace
