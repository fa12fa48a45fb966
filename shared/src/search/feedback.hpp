#pragma once
// Pseudo-relevance feedback (RM3-style): words the best-ranked articles share rank the rest of
// the matches too, mixed with the query's own weights.

#include <vector>

#include <xapian.h>

#include <newsfacet/searcher.hpp>

#include "text/analysis.hpp"
#include "search/term_expansion.hpp"

namespace newsfacet::detail {

/// True if a search for `request`, ranked by relevance, gets feedback: a query of at most
/// feedback_max_words words other than stop words (filters, operators and excluded words do not
/// count), with expansion on (not --verbatim) and no more-like-this article (whose query is
/// already made of an article's words). Cost: one pass over the query text.
[[nodiscard]] bool wants_feedback(const SearchRequest& request, const Analysis& analysis);

/// The feedback terms of `query` (a query before filters, so that filtering does not change
/// them): the stem terms (`Z…`, see telling_terms) of its feedback_articles best-ranked matches
/// that score at least feedback_min_share of the best, used by at least feedback_min_articles of
/// them, not already in `query`, best first (at most feedback_terms_wanted), weighted by Bo1
/// relative to the best. Empty when fewer than feedback_min_articles such articles match, or no
/// more articles match than they (nothing else to rank). Cost: a ranking pass for
/// feedback_articles articles, their term lists (read twice) and the frequency of the terms kept.
[[nodiscard]] std::vector<WeightedTerm> feedback_terms(const Xapian::Query& query, const Xapian::Database& db,
                                                       const Analysis& analysis);

/// `query` with the feedback terms of `unfiltered` (`query` before its filters) as a
/// ranking-only branch (OP_AND_MAYBE, scaled by feedback_weight): the same articles match, in
/// another order. `query` itself when there are no feedback terms. Built-in operators only, so
/// remote shards run it. Cost: feedback_terms.
[[nodiscard]] Xapian::Query with_feedback(const Xapian::Query& query, const Xapian::Query& unfiltered,
                                          const Xapian::Database& db, const Analysis& analysis);

}  // namespace newsfacet::detail
