// `paperdex`: search, similar, authors, collaborators, serve, eval — each in its own file in src/cli/paperdex/.
#include "cli/run_main.h"

int main(int argc, char** argv) {
    return paperdex::cli::run_main("paperdex", "paperdex: full-text search over scholarly abstracts", argc, argv);
}
