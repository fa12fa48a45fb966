#pragma once
// Turning a SearchRequest into a Xapian query.

#include <xapian.h>

#include <newsfacet/searcher.hpp>
#include <newsfacet/tagger.hpp>

#include "analysis.hpp"
#include "snippet_builder.hpp"

namespace newsfacet::detail {

struct BuiltQuery {
    Xapian::Query query;
    /// True when there are no weighted terms (empty or filters only): results sort by date.
    bool by_date = false;
    HighlightSpec highlight;
};

/// Parses the query text (words, phrases, operators, facet filters), expands it with the
/// thesaurus and adds the request's filters. Throws QueryError or UsageError.
[[nodiscard]] BuiltQuery build_query(const SearchRequest& request, const Analysis& analysis,
                                     const Tagger& tagger, const Xapian::Database& db);

}  // namespace newsfacet::detail
