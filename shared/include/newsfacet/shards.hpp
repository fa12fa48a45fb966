#pragma once
// Sharded indexes: one index split over several Xapian databases, built in parallel and
// searched as one (locally, or shard by shard on other machines through xapian-tcpsrv).

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include <newsfacet/export.hpp>
#include <newsfacet/ingest.hpp>

namespace newsfacet {

/// Most shards an index may have.
inline constexpr unsigned max_shards = 256;

/// The number of shards of the sharded index at `path`, or 0 if `path` is not one (a single
/// index, no index, anything else). A sharded index is a directory holding the shards
/// `shard-0` ... `shard-<N-1>` (each an ordinary index) and `XAPIANDB`, a Xapian stub database
/// file listing them, through which Searcher and Xapian's own tools open it as one database.
/// Throws nothing. Cost: reading the stub file.
[[nodiscard]] NEWSFACET_EXPORT unsigned shard_count(const std::filesystem::path& path) noexcept;

/// The directory of shard `shard` (0-based) of the sharded index at `path`.
[[nodiscard]] NEWSFACET_EXPORT std::filesystem::path shard_path(const std::filesystem::path& path, unsigned shard);

/// The shard (0 .. shards-1) an article id is stored in: a stable hash of the id (the same in
/// every build and run), so an incremental run finds an article in the shard it went to.
[[nodiscard]] NEWSFACET_EXPORT unsigned shard_for_id(std::string_view id, unsigned shards) noexcept;

/// ingest() into a sharded index of `shards` shards at `path`, creating it (directory, shards,
/// stub) if nothing is there. The shards are written in parallel, one pipeline each (reading
/// every file, tagging and storing only its own articles); everything ingest() promises holds
/// for each shard (incremental, crash-safe batches, --prune). Callbacks run one at a time
/// (serialised with a mutex) but on the shards' threads; stats are the sum over the shards.
/// `lock_wait` as Index::create_or_open. Throws UsageError if `shards` is 0 or above
/// max_shards, or if `path` holds an index with another number of shards (or a single
/// index); IndexLockedError if another writer holds a shard; as ingest() otherwise (the
/// other shards still finish their run, then the first failure is thrown).
NEWSFACET_EXPORT IngestStats ingest_sharded(const std::filesystem::path& path, unsigned shards,
                                            const std::vector<std::filesystem::path>& paths,
                                            const IngestHandler& handler = {}, const IngestOptions& options = {},
                                            std::chrono::milliseconds lock_wait = std::chrono::milliseconds(0));

}  // namespace newsfacet
