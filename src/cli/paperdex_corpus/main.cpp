// `paperdex-corpus`: import, validate, stats, rebuild — each in its own file in src/cli/paperdex_corpus/.
#include "cli/run_main.h"

int main(int argc, char** argv) {
    return paperdex::cli::run_main("paperdex-corpus", "paperdex-corpus: import sources into the canonical corpus and build the index", argc, argv);
}
