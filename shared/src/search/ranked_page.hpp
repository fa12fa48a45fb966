#pragma once
// The page of a ranking: Xapian's matches in result order, near-duplicates collapsed, and the
// first ones optionally rescored (feedback.hpp).

#include <functional>
#include <vector>

#include <xapian.h>

namespace newsfacet::detail {

/// One match of a ranking: its MSet position and the weight it ranks by (Xapian's, plus what
/// rescoring added).
struct RankedMatch {
    Xapian::MSetIterator position;
    double weight = 0;
};

/// A second look at the first matches of a ranking, as Elasticsearch's rescore window: the
/// `window` best matches (before collapsing; fewer when a run of equal weights crosses the
/// window's end: that run is left out whole) are handed to `extra_weights` in rank order, which
/// returns what each adds to its weight (as many values, or none to leave them as they are);
/// they are then ranked again among themselves. Matches past the window keep their order,
/// after the window's (their weight is at most the window's last before rescoring, and
/// rescoring only adds). The price of the window: a match past it is never rescored, so it
/// cannot climb into it.
struct Rescoring {
    Xapian::doccount window = 0;
    std::function<std::vector<double>(const std::vector<RankedMatch>& window)> extra_weights;
};

/// A weight rounded to 12 significant digits: what ranking compares and results show.
[[nodiscard]] double rounded_weight(double weight);

/// The page [offset, offset + limit) of `enquire`'s ranking, in result order, with
/// near-duplicate copies collapsed (`collapse`) to the first of each key in that order, and
/// the first matches rescored before that when `rescoring` is given (`by_weight` only): the
/// collapsed list is the full list without its later copies.
///
/// Relevance order (`by_weight`; `enquire` must sort by relevance then the id slot): Xapian
/// ranks by the exact weight, then by id. Over shards it adds a query's term weights up in
/// another order (each shard builds its own posting tree), so weights equal in one index, such
/// as identical template reports' or wire copies', can differ in the last bit: articles are
/// ranked by the weight rounded to 12 digits, then by id. Copies are collapsed here rather than
/// by Xapian for the same reason: Xapian would keep the copy whose weight is a bit larger.
/// Xapian only attaches each match's key (a collapse key with no limit), so `enquire`'s
/// collapse key is set here. The matches fetched from rank 0 (Xapian ranks that far anyway)
/// widen until no match beyond them can reach the page: the last one fetched ranks strictly
/// below it (or 1,000 matches of one weight are past it); and at least the rescoring window
/// and 10 more are fetched. Cost: no document is read; rescoring's own cost.
/// Throws what Xapian and `rescoring` throw.
[[nodiscard]] std::vector<RankedMatch> ranked_page(Xapian::Enquire& enquire,
                                                   Xapian::doccount offset, Xapian::doccount limit,
                                                   bool by_weight, bool collapse,
                                                   const Rescoring* rescoring = nullptr);

}  // namespace newsfacet::detail
