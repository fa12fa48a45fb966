#pragma once
// Indexing in two halves, so that a pipeline can prepare documents (tagging, term generation:
// any thread) while one writer stores them (Xapian's WritableDatabase: one thread).

#include <memory>
#include <string>

#include <xapian.h>

#include <newsfacet/article.hpp>
#include <newsfacet/facets.hpp>
#include <newsfacet/index.hpp>

#include "analysis.hpp"

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

struct IndexAccess {
    /// Checks and builds the document of an article. Throws UsageError for an article
    /// without id or text. Touches no index: any thread, with its own generator.
    [[nodiscard]] static PreparedArticle prepare(const Article& article, const Tagging& tagging,
                                                 Xapian::TermGenerator& generator);
    /// Stores a prepared article, replacing the one with the same id. The writer's thread.
    /// Throws DatabaseError.
    static AddOutcome store(Index& index, const PreparedArticle& prepared);
};

}  // namespace newsfacet::detail
