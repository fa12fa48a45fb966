#pragma once
// The stub file of a sharded index: Xapian's stub database format, a text file that lists
// databases to open as one, one a line: `auto PATH` (a local database; a relative PATH is
// relative to the stub's directory; it may itself be a stub) or `remote ...` (a shard served by
// xapian-tcpsrv). ingest_sharded writes it as `XAPIANDB` in the index's directory with one
// `auto shard-K` line per shard, in shard order; searchers may be given hand-written ones.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacet::detail {

/// The stub's name in a sharded index's directory.
inline constexpr std::string_view stub_name = "XAPIANDB";

/// The directory name of shard `shard` (0-based) of a sharded index: "shard-K".
[[nodiscard]] std::string shard_name(unsigned shard);

/// The stub ingest_sharded writes for `shards` shards: "auto shard-0\n" ... in shard order.
[[nodiscard]] std::string stub_text(unsigned shards);

/// What the text of a sharded index's stub says: the number of shards N if it is exactly
/// stub_text(N) (1 <= N <= max_shards); 0 if it is a stub of other databases (remote shards,
/// other names: for searching, not for indexing into); nullopt if it is damaged: no stub at
/// all (no line, or a line Xapian does not read), or stub_text cut short or edited.
[[nodiscard]] std::optional<unsigned> shards_in_stub(std::string_view text, unsigned max_shards);

/// One line of a stub.
struct StubLine {
    enum class Kind { local, remote, other };
    Kind kind = Kind::other;
    std::filesystem::path database;  // local: as written (empty if the line names none)
    // remote over TCP, written `remote HOST:PORT`: where (else host empty: a program, or a
    // form this reader leaves to Xapian).
    std::string host;
    unsigned port = 0;
};

/// The lines of the stub file `stub` that name a database, blank lines and comments left out
/// (none if it cannot be read). Cost: reading it.
[[nodiscard]] std::vector<StubLine> read_stub(const std::filesystem::path& stub);

/// The stub file that `path` is or holds (a directory's XAPIANDB), if any.
[[nodiscard]] std::optional<std::filesystem::path> stub_file(const std::filesystem::path& path);

}  // namespace newsfacet::detail
