#pragma once
// English stemming that also knows irregular forms ("struck" -> "strike"), so that the index
// and the query parser agree on them. Used for both, so remote shards need nothing extra.

#include <string>
#include <unordered_map>

#include <xapian.h>

namespace newsfacet::detail {

/// Maps irregular forms to their lemma (lower case), e.g. "struck" -> "strike".
using IrregularForms = std::unordered_map<std::string, std::string>;

/// A Xapian stemmer: the English Snowball stemmer after mapping irregular forms to lemmas.
/// Memoises the words it stems, so it is not thread-safe, even through a const Xapian::Stem
/// (or a copy of the handle, which shares the memo): one per thread.
[[nodiscard]] Xapian::Stem make_stemmer(const IrregularForms& irregular);

}  // namespace newsfacet::detail
