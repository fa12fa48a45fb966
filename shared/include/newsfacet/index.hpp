#pragma once
// A writable newsfacet index.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <newsfacet/article.hpp>
#include <newsfacet/facets.hpp>
#include <newsfacet/tagger.hpp>
#include <newsfacet/export.hpp>

namespace newsfacet {

namespace detail {
struct IndexAccess;  // the library's own ingest pipeline (not part of the API)
}

/// The storage format this build reads and writes. An index records the version it was created
/// with; opening one with another version throws FormatVersionError.
inline constexpr int index_format_version = 1;

/// Counts of one facet value across the whole index.
struct FacetCount {
    std::string value;
    std::uint64_t count = 0;
};

/// A summary of an index, as printed by `newsfacet-index --info`.
struct IndexInfo {
    std::string path;
    std::uint64_t articles = 0;
    std::uint64_t size_bytes = 0;  ///< On-disk size of the index directory.
    int format_version = 0;
    /// Per facet, every value with the number of articles carrying it, most frequent first.
    std::vector<std::pair<Facet, std::vector<FacetCount>>> facets;
};

/// What add() did with an article.
enum class AddOutcome { added, replaced };

/// A writable index: create or open one, add, replace and delete articles. Changes become
/// visible to searchers after commit(); the destructor commits those not committed yet (best
/// effort: call commit() to learn of a failure), except a batch of an ingest() run still
/// open, which it cancels, as Xapian's WritableDatabase cancels an open transaction.
/// One writer per index at a time: a second one gets IndexLockedError.
/// Threads: move-only handle, not safe to share (Xapian's WritableDatabase is not): use an
/// Index from one thread at a time; info() is non-const as it moves the database's cursors.
/// It shares nothing mutable with Searchers or other Indexes (its stemmer is its own, a Tagger
/// is immutable), so Searchers may search the same index from other threads meanwhile.
class NEWSFACET_EXPORT Index {
public:
    /// Opens the index at `path`, creating it (and its directory) if it does not exist.
    /// Throws IndexNotFoundError if `path` exists but is not a newsfacet index,
    /// FormatVersionError for another storage format, IndexLockedError if another writer
    /// holds it, DatabaseError otherwise.
    [[nodiscard]] static Index create_or_open(const std::filesystem::path& path);

    /// Like create_or_open(path), but while another writer holds the index, tries again every
    /// 100 ms for up to `lock_wait` (std::chrono::milliseconds::max(): until it is free)
    /// before throwing IndexLockedError.
    [[nodiscard]] static Index create_or_open(const std::filesystem::path& path, std::chrono::milliseconds lock_wait);

    /// Opens an existing index for writing. Throws IndexNotFoundError if there is none.
    [[nodiscard]] static Index open(const std::filesystem::path& path);

    ~Index();
    Index(Index&&) noexcept;
    Index& operator=(Index&&) noexcept;
    Index(const Index&) = delete;
    Index& operator=(const Index&) = delete;

    /// Tags and indexes `article`, replacing any article with the same id.
    /// Throws UsageError if the article has no id or no text; DatabaseError on write failure.
    /// Cost: tagging plus term generation, linear in the article's length.
    AddOutcome add(const Article& article);

    /// Indexes `article` with an already computed tagging (see Tagger::tag).
    AddOutcome add(const Article& article, const Tagging& tagging);

    /// Deletes the article with this id. Returns false if there was none.
    bool remove(std::string_view id);

    /// Makes all changes so far durable and visible to new searchers. Throws UsageError while
    /// an ingest() run on this index is in progress (called from one of its callbacks): the
    /// run commits whole batches itself, and a commit here would make half of one durable.
    /// DatabaseError on write failure.
    void commit();

    /// Number of articles in the index (including uncommitted changes).
    [[nodiscard]] std::uint64_t size() const;

    /// A summary of the index (articles, size, format, facet value counts).
    /// Cost: reads the facet value slots of every article.
    [[nodiscard]] IndexInfo info();

    /// Bytes the index takes on disk. Cost: one walk of its directory (no facet counting).
    [[nodiscard]] std::uint64_t disk_size() const;

    /// The tagger this index uses.
    [[nodiscard]] const Tagger& tagger() const noexcept;

private:
    friend struct detail::IndexAccess;
    struct Impl;
    explicit Index(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/// Bytes the files under `path` take: an index directory, a sharded index (all its shards);
/// 0 for a stub file (it holds no database). Files that vanish during the walk (a writer's
/// temporary files) count nothing. Throws DatabaseError if `path` does not exist or cannot
/// be walked. Cost: one walk of the directory tree.
[[nodiscard]] NEWSFACET_EXPORT std::uint64_t disk_size(const std::filesystem::path& path);

}  // namespace newsfacet
