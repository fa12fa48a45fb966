#pragma once
// Indexing in two halves, so that a pipeline can prepare documents (tagging, term generation:
// any thread) while one writer stores them (Xapian's WritableDatabase: one thread).

#include <filesystem>
#include <memory>
#include <string>

#include <xapian.h>

#include <newsfacet/article.hpp>
#include <newsfacet/facets.hpp>
#include <newsfacet/index.hpp>

#include "text/analysis.hpp"

namespace newsfacet::detail {

/// An article turned into the document the index stores, not yet stored.
struct PreparedArticle {
    std::string id_term;
    Xapian::Document document;
    std::uint64_t text_bytes = 0;  ///< title + body
};

/// A term generator set up as every index's (stemmer, strategy). Not thread-safe: one per
/// thread, with its own `analysis` (the stemmer keeps state).
[[nodiscard]] Xapian::TermGenerator make_generator(const Analysis& analysis);

/// Where a stored article went.
struct Stored {
    AddOutcome outcome = AddOutcome::added;
    Xapian::docid docid = 0;
};

struct IndexAccess {
    /// Checks and builds the document of an article; `file_term` (see incremental.hpp), if not
    /// empty, records the file it was read from. Throws UsageError for an article without id
    /// or text. Touches no index: any thread, with its own generator.
    [[nodiscard]] static PreparedArticle prepare(const Article& article, const Tagging& tagging,
                                                 Xapian::TermGenerator& generator, const std::string& file_term = {});
    /// Prepares an article on the writer's thread, with the index's own tagger and generator.
    [[nodiscard]] static PreparedArticle prepare(Index& index, const Article& article, const std::string& file_term);
    /// Stores a prepared article, replacing the one with the same id. The writer's thread.
    /// Throws DatabaseError.
    static Stored store(Index& index, const PreparedArticle& prepared);
    /// Deletes a document. Throws DatabaseError.
    static void remove(Index& index, Xapian::docid docid);

    /// Batches: changes between begin_batch() and commit_batch() reach the disk together or
    /// not at all, even if the process is killed (a Xapian transaction). cancel_batch() drops
    /// them. Index::commit() inside a batch commits it. Throw DatabaseError.
    static void begin_batch(Index& index);
    static void commit_batch(Index& index);
    static void cancel_batch(Index& index) noexcept;
    [[nodiscard]] static bool in_batch(const Index& index) noexcept;

    [[nodiscard]] static const Xapian::Database& database(const Index& index) noexcept;
    [[nodiscard]] static const std::filesystem::path& path(const Index& index) noexcept;
};

}  // namespace newsfacet::detail
