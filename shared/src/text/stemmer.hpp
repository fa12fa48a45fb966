#pragma once
// English stemming that also knows irregular forms ("struck" -> "strike"), so that the index
// and the query parser agree on them. Used for both, so remote shards need nothing extra.

#include <cstddef>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace newsfacet::detail {

/// Maps irregular forms to their lemma (lower case), e.g. "struck" -> "strike".
using IrregularForms = std::unordered_map<std::string, std::string>;

/// Words a stemmer memoises by default: what indexing (which stems every word) gains from.
inline constexpr std::size_t default_stem_memo = std::size_t{1} << 16;

/// A Xapian stemmer: the English Snowball stemmer after mapping irregular forms to lemmas.
/// Memoises up to `memo_words` words it stems (about 100 bytes each; emptied when full), so
/// it is not thread-safe, even through a const Xapian::Stem (or a copy of the handle, which
/// shares the memo): one per thread.
[[nodiscard]] Xapian::Stem make_stemmer(const IrregularForms& irregular, std::size_t memo_words = default_stem_memo);

}  // namespace newsfacet::detail
