#pragma once
/// How a generation's works are spread over its shards, and how a generation says how many it has.
#include <cstdint>
#include <string>

namespace paperdex {

/// Round robin in corpus order: the work at position p (0-based among the works a rebuild accepted, a superseded
/// one included) goes to shard p mod N as docid p / N + 1. Xapian numbers the documents of a Database made of N
/// databases by interleaving them (docid d of sub-database k is (d - 1) * N + k + 1; Xapian 1.4 API docs,
/// Xapian::Database::add_database), so the N shards opened together in order give every work docid p + 1, its
/// docid in a one-shard build: the same documents, statistics and tie order (docid ascending), hence the same
/// ranking. Each shard is a plain Xapian database that stock `xapian-tcpsrv` can serve.
class ShardLayout {
public:
    static constexpr unsigned kMaxShards = 64;

    /// @throws InvalidArgument("shards") unless 1 <= shards <= kMaxShards.
    explicit ShardLayout(unsigned shards);

    unsigned shards() const noexcept { return shards_; }

    /// Where a work goes: its shard (0..N-1) and its docid there (1-based).
    struct Place {
        unsigned shard;
        std::uint32_t docid;
    };
    /// The place of the work at corpus position `position` (0-based).
    Place place(std::size_t position) const noexcept {
        return {static_cast<unsigned>(position % shards_), static_cast<std::uint32_t>(position / shards_ + 1)};
    }

    /// "shard-K": the directory of shard K inside a generation (DIR/gen-G/shard-K).
    static std::string shard_name(unsigned k);

    /// Writes DIR/XAPIANDB, a stub database in Xapian's own format ("auto shard-K", one line a shard, in order),
    /// so that Xapian::Database(DIR) opens all the shards as one database; paths in it are relative to DIR, so the
    /// generation can be moved or renamed. Not synced: the rebuild syncs the whole generation before naming it.
    /// @throws IndexError naming the file if it cannot be written.
    static void write_stub(const std::string& dir, unsigned shards);

    /// The shard count of the generation (or plain database) at `dir`: the lines of its stub, 1 without one.
    /// @throws IndexError naming the file if a stub exists but cannot be read or names no shard.
    static unsigned shards_of(const std::string& dir);

private:
    unsigned shards_;
};

}  // namespace paperdex
