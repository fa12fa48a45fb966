#pragma once
// Indexing in two halves, so that a pipeline can prepare documents (tagging, term generation:
// any thread) while one writer stores them (Xapian's WritableDatabase: one thread).

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include <xapian.h>

#include <newsfacet/article.hpp>
#include <newsfacet/facets.hpp>
#include <newsfacet/index.hpp>

#include "text/analysis.hpp"
#include "store/document.hpp"

namespace newsfacet::detail {

/// An article turned into the document the index stores, not yet stored.
struct PreparedArticle {
    std::string id_term;
    Xapian::Document document;
    std::uint64_t text_bytes = 0;  ///< title + body
};

/// Where a stored article went.
struct Stored {
    AddOutcome outcome = AddOutcome::added;
    Xapian::docid docid = 0;
};

/// Xapian's errors pass through these: the exported function that calls them translates
/// them (translate_errors in store/database.hpp).
struct IndexAccess {
    /// Checks and builds the document of an article; `file_term` (see incremental.hpp), if not
    /// empty, records the file it was read from. Throws UsageError for an article without id
    /// or text. Touches no index: any thread, with its own generator.
    [[nodiscard]] static PreparedArticle prepare(const Article& article, const Tagging& tagging,
                                                 Xapian::TermGenerator& generator, const std::string& file_term = {});
    /// Prepares an article on the writer's thread, with the index's own tagger and generator.
    [[nodiscard]] static PreparedArticle prepare(Index& index, const Article& article, const std::string& file_term);
    /// Stores a prepared article, replacing the one with the same id. The writer's thread.
    static Stored store(Index& index, const PreparedArticle& prepared);
    /// Deletes a document.
    static void remove(Index& index, Xapian::docid docid);
    /// Index::create_or_open(path, lock_wait), tagging with a copy of `tagger` instead of
    /// building its own (a copy shares the gazetteer: the shards of one run build it once).
    [[nodiscard]] static Index create_or_open(const std::filesystem::path& path, std::chrono::milliseconds lock_wait,
                                              const Tagger& tagger);

    [[nodiscard]] static const Xapian::Database& database(const Index& index) noexcept;
    [[nodiscard]] static const std::filesystem::path& path(const Index& index) noexcept;

private:
    friend class BatchGuard;
    friend class newsfacet::Index;  // ~Index cancels an open batch
    // A Xapian transaction; only a BatchGuard opens one, so that one is always cancelled
    // unless committed. Null-safe: a moved-from index has no batch.
    static void guard(Index& index, bool on);
    static void begin_batch(Index& index);
    static void commit_batch(Index& index);
    static void cancel_batch(Index& index) noexcept;
    [[nodiscard]] static bool in_batch(const Index& index) noexcept;
};

/// The batches of one ingest run. The changes between open() and commit() reach the disk
/// together or not at all, even if the process is killed (a flushed Xapian transaction).
/// A batch not committed is cancelled: by the guard's destructor (an exception, an early
/// return), or by the Index's if it goes first (as Xapian's WritableDatabase cancels an open
/// transaction). While the guard lives, Index::commit() throws UsageError, so nothing else
/// (a callback of the run) can commit part of a batch; Index::add() and remove() join the
/// open batch. The Index must outlive the guard or be moved from.
class BatchGuard {
public:
    /// Throws UsageError if the index has a guard already (an ingest run inside another's
    /// callback).
    explicit BatchGuard(Index& index);
    /// Cancels the open batch, if any.
    ~BatchGuard();
    BatchGuard(const BatchGuard&) = delete;
    BatchGuard& operator=(const BatchGuard&) = delete;

    /// Begins a batch unless one is open. Xapian's errors pass, as IndexAccess's.
    void open();
    /// Commits the open batch, if any. Xapian's errors pass, as IndexAccess's; the batch is
    /// over either way, and then nothing of it reached the disk.
    void commit();
    /// True between open() and commit().
    [[nodiscard]] bool is_open() const noexcept;

private:
    Index& m_index;
};

}  // namespace newsfacet::detail
