#pragma once
// One shard's share of an ingest run (sharded indexes: shards.cpp).

#include <filesystem>
#include <string_view>
#include <vector>

#include <newsfacet/index.hpp>
#include <newsfacet/ingest.hpp>

namespace newsfacet::detail {

/// Part `index` of `count`: the articles whose id hashes to it (shard_of).
struct Part {
    unsigned index = 0;
    unsigned count = 1;
};

/// The shard (0..shards-1) an article id belongs to: FNV-1a of the id modulo `shards`, so an
/// id always goes to the same shard and an incremental run finds it there.
[[nodiscard]] unsigned shard_of(std::string_view id, unsigned shards) noexcept;

/// ingest() of the articles of `part` only, into `index` (that part's shard). Every part reads
/// every file; only part 0 reports and counts what reading reports (bad files, warnings) and
/// the input bytes, so the parts' stats add up. --prune: each part deletes its own stale
/// articles. Throws as ingest(), but lets Xapian's errors pass untranslated (its exported
/// callers translate them).
IngestStats ingest_part(Index& index, const std::vector<std::filesystem::path>& paths, const IngestHandler& handler,
                        const IngestOptions& options, Part part);

}  // namespace newsfacet::detail
