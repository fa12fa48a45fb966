// merge_shards: one compacted index from the shards of a sharded one (newsfacet/shards.hpp).
#include <newsfacet/shards.hpp>

#include <filesystem>
#include <string>
#include <system_error>

#include <xapian.h>

#include <newsfacet/error.hpp>

#include "store/database.hpp"

namespace newsfacet {
namespace fs = std::filesystem;

namespace {

// What merge_shards() refuses before it reads or writes anything.
unsigned shards_to_merge(const fs::path& path, const fs::path& out) {
    const unsigned shards = shard_count(path);
    std::error_code ec;
    if (shards == 0 && !fs::exists(path, ec)) throw IndexNotFoundError("no index at " + path.string());
    if (shards == 0) {
        throw UsageError(path.string() + " is not a sharded index: there is nothing to merge (--merge writes one " +
                         "index from the shards that newsfacet-index --shards N built)");
    }
    if (fs::exists(out, ec) && !(fs::is_directory(out, ec) && fs::is_empty(out, ec))) {
        throw UsageError(out.string() + " exists and is not an empty directory (merge into a new or empty one)");
    }
    return shards;
}

// Removes what a failed compaction left at `out`: the directory if it created it, else what
// it wrote into the empty directory it was given.
void remove_partial(const fs::path& out, bool created) {
    std::error_code ec;
    if (created) {
        fs::remove_all(out, ec);
        return;
    }
    for (const auto& entry : fs::directory_iterator(out, ec)) fs::remove_all(entry.path(), ec);
}

}  // namespace

std::uint64_t merge_shards(const fs::path& path, const fs::path& out) {
    const unsigned shards = shards_to_merge(path, out);
    return detail::translate_errors(path.native(), [&] {
        Xapian::Database all;
        for (unsigned k = 0; k < shards; ++k) all.add_database(detail::open_for_reading(shard_path(path, k)));
        std::error_code ec;
        const bool created = !fs::exists(out, ec);
        try {
            // What xapian-compact does by default. The metadata (the format key, the same in
            // every shard) is kept from the first shard; the value statistics are summed.
            all.compact(out.string());
        } catch (...) {
            remove_partial(out, created);
            throw;
        }
        return static_cast<std::uint64_t>(all.get_doccount());
    });
}

}  // namespace newsfacet
