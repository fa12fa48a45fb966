#pragma once
// Words that stand for a set of articles: Xapian's query expansion (Enquire::get_eset, Bo1)
// restricted to word stems, shared by "more like this" and relevance feedback.

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "text/analysis.hpp"

namespace newsfacet::detail {

/// A chosen term with its Bo1 weight relative to the best one, in (0, 1].
using WeightedTerm = std::pair<std::string, double>;

/// Also keeps a term only if this says so (null: no further test).
using TermTest = std::function<bool(const std::string&)>;

/// The `count` most telling stem terms (`Z…`) of the articles in `rset`, best first, by Bo1
/// (how often the articles use a word against how common it is overall). Left out: ids,
/// facet, source and title terms, unstemmed words, stems shorter than 3 letters or with a
/// digit, stop words, words found in fewer than 2 articles of `db` (which could only find the
/// articles themselves), and what `keep` refuses. Weights are rounded to 9 digits so that
/// shards and one index agree. Empty when no term qualifies. Cost: reads the term lists of the
/// articles in `rset` and the frequency of each of their terms.
[[nodiscard]] std::vector<WeightedTerm> telling_terms(const Xapian::Database& db, const Xapian::RSet& rset,
                                                      Xapian::termcount count, const Analysis& analysis,
                                                      const TermTest& keep = nullptr);

}  // namespace newsfacet::detail
