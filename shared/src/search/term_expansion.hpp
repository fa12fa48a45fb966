#pragma once
// Words that stand for a set of articles: query expansion by Bo1 (the Bose-Einstein model of
// the DFR framework, as Xapian's Enquire::get_eset computes it), restricted to word stems,
// shared by "more like this" and relevance feedback.

#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "text/analysis.hpp"

namespace newsfacet::detail {

/// A chosen term with its Bo1 weight relative to the best one, in (0, 1].
using WeightedTerm = std::pair<std::string, double>;

/// How a set of articles uses a stem term: in how many of them it occurs, and how often in
/// all of them (its within-document frequencies summed).
struct TermUse {
    int articles = 0;
    Xapian::termcount occurrences = 0;
};

/// The stem terms (`Z…`) of a set of articles, with their use.
using TermUses = std::unordered_map<std::string, TermUse>;

/// The stem terms of `articles` (distinct docids of `db`) and their use: those of their term
/// lists, found by indexing each article's stored title and body again (index_free_text)
/// with `analysis` (the indexer's). `parts`: `db`'s databases one by one
/// (ReadableIndex::parts, as many as `db` has) or empty; when there are some, each article is
/// read from its own part, the parts on threads of their own, so that remote shards' round
/// trips overlap. An article whose text was indexed otherwise than stored (document layouts
/// before 3 counted title words 3 times; invalid UTF-8 given through the API is stored
/// repaired) gives slightly other counts than its term list, the same in every layout of one
/// index. Throws what Xapian throws, DatabaseError for a document that holds no newsfacet
/// data. Cost: one document read and its text indexed per article.
[[nodiscard]] TermUses stem_uses(const Xapian::Database& db, const std::vector<Xapian::Database>& parts,
                                 const std::vector<Xapian::docid>& articles, const Analysis& analysis);

/// Also keeps a term only if this says so (null: no further test). Asked only of terms of the
/// TermUses given.
using TermTest = std::function<bool(const std::string&)>;

/// The `count` most telling of the terms in `uses` (stem_uses of a set of articles), best
/// first, by Bo1: how often the articles use a word against how common it is overall
/// (occurrences x log2((1 + m) / m) + log2(1 + m), m its collection frequency per article of
/// `db`), ties by term: what Xapian's Enquire::get_eset picks with the Bo1 scheme, without
/// reading term lists nor asking each word's frequencies one shard after another.
/// Left out: stems shorter than 3 letters or with a digit, stop words, words found in no other
/// article of `db` (which could only find the articles themselves), and what `keep` refuses.
/// Weights are rounded to 9 digits. Over shards the statistics are the same integers as in one
/// index, so the terms and weights are too. Empty when no term qualifies. `parts` as for
/// stem_uses. Throws what Xapian throws. Cost: the collection frequency of each word left (a
/// round trip to each remote shard; with `parts`, the shards at once).
[[nodiscard]] std::vector<WeightedTerm> telling_terms(const Xapian::Database& db,
                                                      const std::vector<Xapian::Database>& parts,
                                                      const TermUses& uses, Xapian::termcount count,
                                                      const Analysis& analysis, const TermTest& keep = nullptr);

}  // namespace newsfacet::detail
