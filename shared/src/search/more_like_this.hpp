#pragma once
// "More like this": a query made of the most telling words of one indexed article.

#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "text/analysis.hpp"
#include "text/term_stats.hpp"

namespace newsfacet::detail {

/// How many of the article's words make up the query.
inline constexpr Xapian::termcount like_terms = 25;

struct LikeQuery {
    /// OR of the chosen stem terms (`Z…`), each expanded with the thesaurus as a query word is
    /// and scaled by its expansion weight relative to the best one, in (0, 1]. Empty when the
    /// article has no word another article shares. Matches the article itself: exclude `id_term`.
    Xapian::Query query;
    std::string id_term;  ///< The article's Q term.
    /// The chosen terms with their relative weights, best first (for highlighting).
    std::vector<std::pair<std::string, double>> terms;
};

/// Builds the "more like this" query for the article with id `id`: the Bo1 expansion of that one
/// article (telling_terms), keeping only word stems (no ids, facet or title terms, numbers or
/// stop words) that occur in at least one other article. Throws ArticleNotFoundError for an id
/// not in the index. Cost: reads the article and indexes its text again (stem_uses), and the
/// collection frequency of each of its words.
[[nodiscard]] LikeQuery more_like_this(const TermStats& stats, const std::string& id,
                                       const Analysis& analysis);

}  // namespace newsfacet::detail
