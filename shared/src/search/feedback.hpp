#pragma once
// Pseudo-relevance feedback (RM3-style): words the best-ranked articles share rank the first
// matches again, mixed with the query's own weights.

#include <vector>

#include <xapian.h>

#include <newsfacet/searcher.hpp>

#include "search/query.hpp"
#include "search/ranked_page.hpp"
#include "search/term_expansion.hpp"
#include "text/analysis.hpp"

namespace newsfacet::detail {

/// True if a search for `request`, ranked by relevance, gets feedback: a query of at most
/// feedback_max_words words other than stop words (filters, operators and excluded words do not
/// count), with expansion on (not --verbatim) and no more-like-this article (whose query is
/// already made of an article's words). Cost: one pass over the query text.
[[nodiscard]] bool wants_feedback(const SearchRequest& request, const Analysis& analysis);

/// The feedback terms' weight beside the query's own words (0.3 at 5 articles; 0.5 lost
/// ground: bench/results/ranking.md, "Pseudo-relevance feedback").
inline constexpr double feedback_weight = 0.3;

/// How many of the best matches feedback ranks again (the rescoring window, Rescoring). What
/// ranks past them stays in the first ranking's order. Feedback used to rank every match again
/// (an AND_MAYBE branch of 20 terms, each looked up in every candidate): 90 ms of the slowest
/// short queries on 200,000 articles. With a window, p99 69.3 -> 61.5 ms there; the first 10
/// results of the 8 judged sets are unchanged (nDCG@10), MAP at depth 1,000 falls by up to
/// 0.43% (Reuters; 100: 0.66%, 1,000: 0.13% but p95 2.2x slower). bench/results/ranking.md,
/// "Feedback as a rescoring window".
inline constexpr Xapian::doccount feedback_window = 300;

/// The best matches of `query` (before filters) feedback learns from, in result order (ties
/// by id; copies are not collapsed, as results are collapsed after feedback): feedback_articles
/// of them and one more, which tells whether anything is left to rank. Cost: a ranking pass
/// for them.
[[nodiscard]] std::vector<RankedMatch> feedback_candidates(const Xapian::Query& query, const Xapian::Database& db);

/// The feedback terms of `top` (feedback_candidates, or the first of the same ranking): the stem
/// terms (`Z…`, see telling_terms) of its feedback_articles best matches that score at least
/// feedback_min_share of the best, used by at least feedback_min_articles of them, not already
/// in `query`, best first (at most feedback_terms_wanted), weighted by Bo1 relative to the
/// best. Empty when fewer than feedback_min_articles such articles match, or `top` holds no
/// more than feedback_articles (nothing else to rank). `parts`: `db`'s databases one by one
/// (ReadableIndex::parts) or empty, as for stem_uses. Cost: reading the articles and indexing
/// their text again (stem_uses), and the collection frequency of each word they share (over parts, the parts at once).
[[nodiscard]] std::vector<WeightedTerm> feedback_terms(const std::vector<RankedMatch>& top, const Xapian::Query& query,
                                                       const Xapian::Database& db,
                                                       const std::vector<Xapian::Database>& parts,
                                                       const Analysis& analysis);

/// What `terms` add to the weight of each of `window` (matches of a ranking of `db` sorted by
/// relevance then the id slot, whose sort keys are their ids): their BM25 weights, each scaled
/// by its relative weight, all by feedback_weight, as a ranking-only branch would add. One
/// match filtered to the window's articles: by docid (a posting source per database) on local
/// databases, by their id terms when a shard is `remote` (built-in operators only, which
/// stock xapian-tcpsrv runs). Cost: that match.
[[nodiscard]] std::vector<double> feedback_weights(const std::vector<WeightedTerm>& terms,
                                                   const std::vector<RankedMatch>& window, const Xapian::Database& db,
                                                   bool remote);

/// Feedback as the rescoring of `built.query`'s ranking (Rescoring, window feedback_window):
/// terms from the first matches of the window, or of `built.unfiltered` when the query has
/// filters or the window holds no more than feedback_articles (a run of equal weights crossed
/// its end), so that filters do not change them; `parts` as for feedback_terms, `remote` as
/// for feedback_weights. `db`, `parts` and `analysis` must outlive it. Cost when run:
/// feedback_terms, feedback_weights, and feedback_candidates in those cases.
[[nodiscard]] Rescoring feedback_rescoring(const BuiltQuery& built, const Xapian::Database& db,
                                           const std::vector<Xapian::Database>& parts, const Analysis& analysis,
                                           bool remote);

}  // namespace newsfacet::detail
