// paperdex-corpus rebuild --corpus PATH... --index DIR [--shards N] [--strict] [--quiet]
#include <iostream>

#include "cli/command.h"
#include "paperdex/index/rebuild.h"
#include "paperdex/index/shard_layout.h"

namespace {

const paperdex::cli::Register rebuild_command{
    "rebuild", "build a new index generation from the corpus and switch DIR/current to it atomically",
    [](CLI::App& sub) {
        auto opt = std::make_shared<paperdex::RebuildOptions>();
        auto quiet = std::make_shared<bool>(false);
        sub.add_option("--corpus", opt->corpus_paths, "corpus files or directories (*.jsonl, *.jsonl.gz)")->required();
        sub.add_option("--index", opt->index_dir, "index directory (holds gen-N/ and current)")->required();
        sub.add_option("--shards", opt->shards,
                       "shard databases in the generation (gen-N/shard-K/, each servable by xapian-tcpsrv)")
            ->capture_default_str()
            ->check(CLI::Range(1u, paperdex::ShardLayout::kMaxShards));
        sub.add_flag("--strict", opt->strict, "fail, keeping the serving index, if any corpus line is rejected");
        sub.add_flag("--quiet", *quiet, "no progress line");
        return [opt, quiet]() {
            opt->progress = !*quiet;
            auto r = paperdex::rebuild(*opt);
            for (const auto& e : r.errors) std::cerr << e.what() << "\n";
            std::cout << "rebuild: " << r.works << " works, " << r.rejected << " rejected, " << r.seconds << " s, "
                      << r.bytes << " bytes, " << static_cast<long>(r.works / std::max(r.seconds, 1e-9))
                      << " works/s -> " << r.generation_dir
                      << (opt->shards > 1 ? " (" + std::to_string(opt->shards) + " shards)" : std::string()) << "\n"
                      << "rebuild: stages " << r.segments_seconds << " s segments, " << r.merge_seconds << " s merge, "
                      << r.authors_seconds << " s authors\n";
            return 0;
        };
    }};

}  // namespace
