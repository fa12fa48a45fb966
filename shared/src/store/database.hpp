#pragma once
// Opening Xapian databases as newsfacet indexes, and translating Xapian's errors.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <xapian.h>

#include <newsfacet/index.hpp>

namespace newsfacet::detail {

/// Opens an index for reading; checks it is a newsfacet index of this format version.
/// Throws IndexNotFoundError (nothing there, or nothing Xapian opens) or FormatVersionError;
/// Xapian's other errors pass, for the caller's translate_errors.
[[nodiscard]] Xapian::Database open_for_reading(const std::filesystem::path& path);

/// An index opened for reading (open_shards_for_reading): the database, and when it is
/// several local databases listed in a stub, each of them on its own, in Xapian's order.
struct ReadableIndex {
    Xapian::Database db;
    /// Empty unless `db` is two local databases or more. Each shares its state with `db`
    /// (Database::add_database): `db.reopen()` moves them to the new revision too. Xapian
    /// numbers a document `d` of shard `k` (of n) `(d - 1) * n + k + 1` in `db`.
    std::vector<Xapian::Database> shards;
    /// Empty unless `db` is a stub's databases with a remote one: then each of them, local
    /// or remote, on its own as in `shards` (same numbering, same shared state), so that a
    /// search can ask several shards at once (documents, feedback's articles and word
    /// frequencies; one thread per shard: a Database is not to be used by two threads at a
    /// time). Left empty too when a line is one these
    /// are not opened from (a nested stub, a remote program): then Xapian opens the stub.
    std::vector<Xapian::Database> parts;
    /// A stub lists a remote database, directly or through nested stubs: each statistic, match
    /// and document read is then a round trip.
    bool remote = false;
};

/// Where Xapian keeps document `whole` of a database made of n databases (parts): in part
/// `part` as document `docid` (whole = (docid - 1) * n + part + 1).
struct PartDocid {
    std::size_t part;
    Xapian::docid docid;
};

/// The part and docid of document `whole` (>= 1) of a database of `parts` (>= 1) databases.
[[nodiscard]] constexpr PartDocid part_docid(Xapian::docid whole, std::size_t parts) noexcept {
    const auto n = static_cast<Xapian::docid>(parts);
    return {(whole - 1) % n, (whole - 1) / n + 1};
}

/// Document `docid` of part `part` of a database of `parts` databases, as the whole numbers it.
[[nodiscard]] constexpr Xapian::docid whole_docid(std::size_t part, Xapian::docid docid, std::size_t parts) noexcept {
    return (docid - 1) * static_cast<Xapian::docid>(parts) + static_cast<Xapian::docid>(part) + 1;
}

/// Runs `run(k)` for every part k of `which`, the first on this thread and each other on a
/// thread of its own, so that round trips to remote parts overlap (a Database is not to be
/// used by two threads at a time: `run(k)` must touch part k's only). When the system refuses
/// a thread, the parts left run on this thread, one after another. Waits for all, then throws
/// the error of the first in `which` that failed. Cost: a thread per part but one.
void on_parts(const std::vector<std::size_t>& which, const std::function<void(std::size_t)>& run);

/// 0, 1, ... n - 1: every part, for on_parts.
[[nodiscard]] std::vector<std::size_t> every_part(std::size_t n);

/// The parts k whose `by_part[k]` is not empty, for on_parts.
template <typename Work>
[[nodiscard]] std::vector<std::size_t> parts_with_work(const std::vector<Work>& by_part) {
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < by_part.size(); ++k) {
        if (!by_part[k].empty()) out.push_back(k);
    }
    return out;
}

/// Throws Error unless `parts` are as many as `db`'s databases: parts are numbered as Xapian
/// numbers them, and a list of other databases would silently read other articles.
void check_parts(const Xapian::Database& db, const std::vector<Xapian::Database>& parts);

/// The documents `docids` of `db` (>= 1 each), in their order. `parts`: `db`'s databases one
/// by one (ReadableIndex::parts) or empty; when there are some, each document is read from
/// its own part, the parts on threads of their own (on_parts), so that remote shards' round
/// trips overlap (Xapian 1.4 reads a remote document per round trip). Throws what Xapian
/// throws, and Error if `parts` are not `db`'s.
[[nodiscard]] std::vector<Xapian::Document> read_documents(const Xapian::Database& db,
                                                           const std::vector<Xapian::Database>& parts,
                                                           const std::vector<Xapian::docid>& docids);

/// open_for_reading(), and when `path` is (or holds) a stub listing only local databases,
/// directly or through nested stubs, those opened one by one and added up into the
/// database, so that each can also be searched on its own (`shards`); when it lists remote
/// shards over TCP, each line opened one by one too (`parts`). Throws as open_for_reading().
[[nodiscard]] ReadableIndex open_shards_for_reading(const std::filesystem::path& path);

/// Opens an index for writing, creating it when `create` is true and nothing is there.
/// Throws IndexNotFoundError, FormatVersionError or DatabaseError for what it checks itself;
/// Xapian's errors (a held lock, ...) pass, for the caller's translate_errors.
[[nodiscard]] Xapian::WritableDatabase open_for_writing(const std::filesystem::path& path, bool create);

/// Throws the newsfacet exception matching a Xapian error, message kept, context prefixed:
/// IndexLockedError (another writer holds the lock), IndexNotFoundError (no database there),
/// QueryError (a query string the parser refused), Error for Xapian's logic errors (newsfacet
/// misused Xapian: an internal error, never the user's), DatabaseError for the rest.
[[noreturn]] void rethrow(const Xapian::Error& error, std::string_view context);

/// Runs `body` and returns what it returns; a Xapian::Error escaping it is thrown again as the
/// matching newsfacet exception (rethrow), named by `context`: the index path, or a callable
/// returning the context, which is then built only on failure. Every exported function that
/// reaches Xapian runs its work through this, once; below it, code lets Xapian's errors pass
/// and catches only those it acts on (a retry after DatabaseModifiedError, ...).
template <typename Context, typename Body>
decltype(auto) translate_errors(const Context& context, Body&& body) {
    try {
        return std::forward<Body>(body)();
    } catch (const Xapian::Error& e) {
        if constexpr (std::is_invocable_v<const Context&>) {
            rethrow(e, context());
        } else {
            rethrow(e, context);
        }
    }
}

/// The summary printed by --info (articles, size, format, facet value counts). Xapian's
/// errors pass; DatabaseError as directory_size.
[[nodiscard]] IndexInfo read_info(const Xapian::Database& db, const std::filesystem::path& path);

/// Total size of the regular files under the directory `path`; 0 for a file (a stub file
/// lists databases, it holds none). Files that vanish during the walk (a writer's temporary
/// files) are skipped. Throws DatabaseError if `path` does not exist or cannot be walked.
[[nodiscard]] std::uint64_t directory_size(const std::filesystem::path& path);

}  // namespace newsfacet::detail
