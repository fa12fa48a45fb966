#pragma once
// The weighting scheme newsfacet ranks with: Xapian's BM25 with parameters chosen by
// measurement (bench/eval-relevance).

#include <cmath>

#include <xapian.h>

namespace newsfacet::detail {

// Measured with bench/eval-relevance on the rest of this build (title words indexed once, the
// thesaurus, coordination): Reuters development topics (dev), the 33 held-out topics
// (held-out) and the corpus set; MAP and nDCG@10.

/// Term-frequency saturation. Higher than Xapian's default (1): every lead word is indexed
/// twice (document.cpp), so the counts BM25 sees run ahead of the mentions and should
/// saturate later. With b = 0.25, k1 = 1 / 1.5 / 2.5 / 3.5: dev MAP 0.601 / 0.604 / 0.607 /
/// 0.607, nDCG 0.910 / 0.915 / 0.919 / 0.915; held-out MAP 0.473 / 0.477 / 0.478 / 0.477;
/// corpus nDCG 0.968 / 0.973 / 0.972 / 0.971.
inline constexpr double bm25_k1 = 2.5;
/// Length normalisation. Lower than Xapian's default (0.5): a long wire story is mostly long
/// because it carries more of its subject (tables, quotes, background), not because it
/// strays. With k1 = 2.5, b = 0.5 / 0.25 / 0.1: dev nDCG 0.899 / 0.919 / 0.915, dev MAP
/// 0.609 / 0.607 / 0.600; held-out MAP 0.470 / 0.478 / 0.480; corpus unchanged (0.972).
inline constexpr double bm25_b = 0.25;

/// The idf BM25Weight gives a term found in `frequency` of `doccount` articles:
/// ln((N - n + 0.5) / (n + 0.5)), with Xapian's floor for very common terms (a ratio under 2
/// becomes ratio / 2 + 1, so the idf stays positive). For the fixed weights that stand beside
/// BM25 ones (relatives, entities, coordination). Cheap: no database access.
[[nodiscard]] inline double bm25_idf(double doccount, double frequency) {
    double ratio = (doccount - frequency + 0.5) / (frequency + 0.5);
    if (ratio < 2) ratio = ratio * 0.5 + 1;
    return std::log(ratio);
}

/// The weighting scheme of every ranked search. Built into Xapian, so remote shards
/// (xapian-tcpsrv) run it as well.
[[nodiscard]] inline Xapian::BM25Weight ranking_weight() {
    // k2 = 0 and k3 = 1 and min_normlen = 0.5 are Xapian's defaults.
    return Xapian::BM25Weight(bm25_k1, 0, 1, bm25_b, 0.5);
}

}  // namespace newsfacet::detail
