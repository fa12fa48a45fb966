#pragma once
// One shard's share of an ingest run (sharded indexes: shards.cpp).

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include <newsfacet/index.hpp>
#include <newsfacet/ingest.hpp>
#include <newsfacet/reader.hpp>

#include "store/ingest_pipe.hpp"

namespace newsfacet::detail {

/// The shard (0..shards-1) an article id belongs to: FNV-1a of the id modulo `shards`, so an
/// id always goes to the same shard and an incremental run finds it there.
[[nodiscard]] unsigned shard_of(std::string_view id, unsigned shards) noexcept;

/// Reads every article under `paths` once and hands it, as read, to the pipe of its shard
/// (`shards[shard_of(id, shards.size())]`), in input order. What reading reports goes to
/// shard 0 (warnings, skipped records, the input bytes), except errors, which every shard
/// gets (each keeps the articles of a file that could not be read whole from --prune), only
/// shard 0's copy to be reported. Stops early once every shard has abandoned its pipe; closes
/// every pipe at the end, with the exception that stopped it, if any (then it throws nothing).
/// Runs on its own thread, beside the shards' ingest_part().
void read_for_shards(const std::vector<std::filesystem::path>& paths, const ReadOptions& options,
                     const std::vector<std::unique_ptr<Pipe>>& shards) noexcept;

/// ingest() into `index`, of the articles under `paths`, or, with `inbox`, of those another
/// thread reads (read_for_shards): this index's share of a sharded run. The inbox is abandoned
/// when this returns or throws. `paths` are those the reader reads (--prune looks under them).
/// Throws as ingest() (also what the reader threw), but lets Xapian's errors pass
/// untranslated (its exported callers translate them).
IngestStats ingest_part(Index& index, const std::vector<std::filesystem::path>& paths, const IngestHandler& handler,
                        const IngestOptions& options, Pipe* inbox = nullptr);

}  // namespace newsfacet::detail
