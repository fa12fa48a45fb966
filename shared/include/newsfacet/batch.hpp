#pragma once
// Many searches in one process: one query a line, each answered with the same options.

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

#include <newsfacet/searcher.hpp>
#include <newsfacet/export.hpp>

namespace newsfacet {

/// One line of a batch and what became of it.
struct BatchItem {
    std::size_t line = 0;  ///< 1-based line number in the input.
    std::string query;     ///< The line as read (without its line ending).
    /// The results, or nothing when the query was refused (see `error`).
    std::optional<SearchResults> results;
    std::string error;  ///< Why the query was refused (a QueryError or other UsageError), else "".
    double millis = 0;  ///< Wall-clock time the search took, in milliseconds.
};

/// What a whole batch did.
struct BatchSummary {
    std::size_t queries = 0;  ///< Lines searched (blank lines are skipped, not counted).
    std::size_t failed = 0;   ///< Of those, queries refused with a usage error.
};

/// Called once per searched line, in input order.
using BatchHandler = std::function<void(const BatchItem&)>;

/// Runs `base` once per non-blank line of `in`, each time with `query` set to the line (CR
/// LF line endings accepted), and hands each outcome to `on_item` as soon as it is known, so
/// output streams. A query the library refuses (bad syntax, unknown facet field: a UsageError)
/// is reported in its item and the batch goes on; any other error (the index is unreadable)
/// propagates and ends the batch. Cost: one search per line, one Searcher for all.
[[nodiscard]] NEWSFACET_EXPORT BatchSummary run_batch(Searcher& searcher, const SearchRequest& base, std::istream& in,
                                     const BatchHandler& on_item);

}  // namespace newsfacet
