// The round-robin shard layout of a generation and its stub file (shard_layout.h).
#include "paperdex/index/shard_layout.h"

#include <filesystem>
#include <fstream>

#include "paperdex/error.h"

namespace fs = std::filesystem;

namespace paperdex {
namespace {
// The name Xapian looks for in a directory to open it as a stub database (Xapian 1.4 docs, "Stub database files").
constexpr const char* kStubName = "XAPIANDB";
}  // namespace

ShardLayout::ShardLayout(unsigned shards) : shards_(shards) {
    if (shards < 1 || shards > kMaxShards)
        throw InvalidArgument("shards", "shards must be 1.." + std::to_string(kMaxShards) + ", got " + std::to_string(shards));
}

std::string ShardLayout::shard_name(unsigned k) { return "shard-" + std::to_string(k); }

void ShardLayout::write_stub(const std::string& dir, unsigned shards) {
    const fs::path path = fs::path(dir) / kStubName;
    std::ofstream out(path, std::ios::trunc);
    for (unsigned k = 0; k < shards; ++k) out << "auto " << shard_name(k) << '\n';
    out.close();
    if (!out) throw IndexError("cannot write " + path.string());
}

unsigned ShardLayout::shards_of(const std::string& dir) {
    const fs::path path = fs::path(dir) / kStubName;
    std::error_code ec;
    if (!fs::exists(path, ec)) return 1;
    std::ifstream in(path);
    unsigned shards = 0;
    for (std::string line; std::getline(in, line);)
        if (line.rfind("auto ", 0) == 0 || line.rfind("remote ", 0) == 0 || line.rfind("glass ", 0) == 0) ++shards;
    if (in.bad() || shards == 0) throw IndexError("cannot read the shards of " + path.string());
    return shards;
}

}  // namespace paperdex
