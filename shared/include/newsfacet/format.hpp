#pragma once
// Human-readable forms of newsfacet's results, as the command-line tools print them.

#include <string>

#include <newsfacet/index.hpp>
#include <newsfacet/searcher.hpp>

namespace newsfacet {

/// How to mark matches in text output.
struct TextStyle {
    bool color = false;  ///< ANSI colours (bold titles, highlighted matches); else plain marks.
};

/// Search results for a terminal: a line counting matching articles (and the results, when
/// near-duplicate copies were collapsed), "Did you mean" lines (the corrected query, then
/// filter values), numbered results (title with "(+N copies)" when it stands for copies,
/// date, source, id, facets, officials with role and country, snippet with matches marked),
/// then facet counts over all matching articles. Without colour,
/// matches are wrapped in [brackets].
[[nodiscard]] std::string to_text(const SearchResults& results, const TextStyle& style = {});

/// Facet value counts for a terminal: one "COUNT<TAB>VALUE" line each, most frequent first.
[[nodiscard]] std::string to_text(const std::vector<FacetCount>& counts);

/// An index summary for a terminal.
[[nodiscard]] std::string to_text(const IndexInfo& info);

}  // namespace newsfacet
