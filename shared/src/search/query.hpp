#pragma once
// Turning a SearchRequest into a Xapian query.

#include <optional>
#include <vector>

#include <xapian.h>

#include <newsfacet/searcher.hpp>
#include <newsfacet/tagger.hpp>

#include "text/analysis.hpp"
#include "text/term_stats.hpp"
#include "search/query_case.hpp"
#include "search/snippet_builder.hpp"

namespace newsfacet::detail {

struct BuiltQuery {
    Xapian::Query query;  ///< Matches and ranks.
    /// The same matches as `query` without its ranking-only branches: cheaper to run over
    /// every match (exact totals, facet counts).
    Xapian::Query matching;
    /// `query` without the filters (request's and query text's): what feedback learns from, so
    /// that a filter narrows the ranking without reordering it.
    Xapian::Query unfiltered;
    /// True when the request or the query text filters: `query` is not `unfiltered`.
    bool filtered = false;
    /// True when there are no weighted terms (empty or filters only): results sort by date.
    bool by_date = false;
    HighlightSpec highlight;
    /// What was read the forgiving way (SearchResults::notes).
    std::vector<std::string> notes;
};

/// The filters a query for multi-select counts leaves out: those on one facet, or on the
/// source (request and query text alike). Nothing by default.
struct LeftOut {
    std::optional<Facet> facet;
    bool source = false;
};

/// Parses the query text (words, phrases, operators, facet filters), expands it with the
/// thesaurus and adds the request's filters but those `without` names, weighing words by
/// `stats`. Throws QueryError or UsageError.
[[nodiscard]] BuiltQuery build_query(const SearchRequest& request, const Analysis& analysis,
                                     const Tagger& tagger, const TermStats& stats, const LeftOut& without = {});

/// The name test of query_case.hpp: a word is a name if the tagger finds an entity in it
/// alone ("Turkey", "Kiev"). Keeps a reference to `tagger`. Cost: tagging the word.
[[nodiscard]] IsName names_known_to(const Tagger& tagger);

/// The facets the request filters on (in its filters or its query text).
[[nodiscard]] std::vector<Facet> filtered_facets(const SearchRequest& request);

/// Whether the request filters on the source (SearchRequest::sources or source: in its text).
[[nodiscard]] bool filters_source(const SearchRequest& request);

}  // namespace newsfacet::detail
