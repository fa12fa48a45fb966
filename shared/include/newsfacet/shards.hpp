#pragma once
// Sharded indexes: one index split over several Xapian databases, built in parallel, deleted
// from id by id, merged into one, and searched as one (locally, or shard by shard on other
// machines through xapian-tcpsrv).

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <newsfacet/export.hpp>
#include <newsfacet/ingest.hpp>

namespace newsfacet {

/// Most shards an index may have.
inline constexpr unsigned max_shards = 256;

/// The number of shards of the sharded index at `path`, or 0 if `path` is not one (a single
/// index, no index, a directory whose `XAPIANDB` lists other databases, such as remote
/// shards, which are for searching, not for indexing into). A sharded index is a directory
/// holding the shards `shard-0` ... `shard-<N-1>` (each an ordinary index) and `XAPIANDB`, a
/// Xapian stub database file listing them, through which Searcher and Xapian's own tools open
/// it as one database. Throws DatabaseError if `XAPIANDB` is there but cannot be read, is no
/// stub, or starts as a sharded index's stub but differs (cut short, edited). Cost: reading
/// the stub file.
[[nodiscard]] NEWSFACET_EXPORT unsigned shard_count(const std::filesystem::path& path);

/// The directory of shard `shard` (0-based) of the sharded index at `path`.
[[nodiscard]] NEWSFACET_EXPORT std::filesystem::path shard_path(const std::filesystem::path& path, unsigned shard);

/// The shard (0 .. shards-1) an article id is stored in: a stable hash of the id (the same in
/// every build and run), so an incremental run finds an article in the shard it went to.
[[nodiscard]] NEWSFACET_EXPORT unsigned shard_for_id(std::string_view id, unsigned shards) noexcept;

/// What remove_articles() did.
struct RemovedArticles {
    std::uint64_t deleted = 0;         ///< Articles deleted.
    std::vector<std::string> missing;  ///< Ids given that no article had (a repeated id: its second time).
    std::uint64_t remaining = 0;       ///< Articles left in the index (all shards).
};

/// Deletes the articles with these ids from the index at `path`, a single index or a sharded
/// one (each id from the shard shard_for_id gives it), and commits. Ids no article has are
/// listed in `missing`, in the order given. Throws IndexNotFoundError if there is no index at
/// `path`, DatabaseError as shard_count() for a damaged stub, IndexLockedError if another
/// writer holds the index or a shard (nothing is deleted then), DatabaseError on write failure.
/// Cost: one term lookup per id, one commit per shard.
NEWSFACET_EXPORT RemovedArticles remove_articles(const std::filesystem::path& path, const std::vector<std::string>& ids);

/// Writes at `out` one compacted index holding every article of the sharded index at `path`
/// (Xapian's compaction, as xapian-compact does it: the shards' documents one shard after the
/// other, renumbered), and leaves the shards as they are. The merged index searches exactly
/// as the sharded one (same answers, scores and counts) and is an ordinary index: indexing
/// into it works, with the same ids. Returns the number of articles merged. Throws
/// IndexNotFoundError if nothing is at `path`; UsageError if `path` is not a sharded index (a
/// single index, or a stub of remote shards) or `out` exists and is not an empty directory;
/// DatabaseError as shard_count() for a damaged stub, and if a shard cannot be read or `out`
/// cannot be written (what was written at `out` is removed then). A writer indexing into the
/// shards meanwhile is no harm unless it commits twice during the merge (then DatabaseError:
/// merge again). Cost: reading every shard once and writing the index: seconds per 100,000
/// articles.
NEWSFACET_EXPORT std::uint64_t merge_shards(const std::filesystem::path& path, const std::filesystem::path& out);

/// ingest() into a sharded index of `shards` shards at `path`, creating it (directory, shards,
/// stub) if nothing is there. Each file (and standard input, "-") is read and parsed once, on
/// one thread, and each article handed to its shard (shard_for_id), where the shard's own
/// threads tag it, build its document and store it, through bounded queues (memory stays flat);
/// everything ingest() promises holds for each shard (incremental against that shard,
/// crash-safe batches, --prune, web copies merged: one URL id always goes to one shard), and
/// what reading reports (bad files, warnings, skipped records) is reported once. Callbacks run
/// one at a time (serialised with a mutex) but on the shards' threads; stats are the sum over
/// the shards. `options.threads` applies per shard (1: the shard prepares and stores on one
/// thread). `lock_wait` as Index::create_or_open. Throws UsageError if `shards` is 0 or
/// above max_shards, or if `path` holds an index with another number of shards (or a single
/// index); IndexLockedError if another writer holds a shard; as ingest() otherwise (the other
/// shards still finish their run, then the first failure is thrown). Cost: about ingest()'s
/// CPU time, spread over 1 + 2 x `shards` threads (1 + `shards` with
/// options.threads 1).
NEWSFACET_EXPORT IngestStats ingest_sharded(const std::filesystem::path& path, unsigned shards,
                                            const std::vector<std::filesystem::path>& paths,
                                            const IngestHandler& handler = {}, const IngestOptions& options = {},
                                            std::chrono::milliseconds lock_wait = std::chrono::milliseconds(0));

}  // namespace newsfacet
