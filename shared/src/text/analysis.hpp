#pragma once
// The text analysis shared by indexing and searching: the same stemmer (with the thesaurus'
// irregular forms) on both sides, stop words for natural-language queries, query expansion.

#include <xapian.h>

#include "text/stemmer.hpp"
#include "text/thesaurus.hpp"

namespace newsfacet::detail {

/// Not thread-safe, even through a const reference: the stemmer memoises the words it stems
/// (stemmer.hpp), and Xapian::Stem::operator() is const while it writes that memo. So each
/// user that may run on its own thread owns one (a Searcher, an Index, ingest's preparing
/// thread) and never hands it to another thread. Not copyable: a copy would share the stemmer
/// (Xapian::Stem is a reference-counted handle), and with it the memo.
struct Analysis {
    /// Builds the analysis from the built-in thesaurus, its stemmer memoising up to
    /// `stem_memo_words` words (stemmer.hpp). Cost: parses it (well under a ms).
    explicit Analysis(std::size_t stem_memo_words = default_stem_memo);
    Analysis(const Analysis&) = delete;
    Analysis& operator=(const Analysis&) = delete;

    Thesaurus thesaurus;
    Xapian::Stem stemmer;
    Xapian::SimpleStopper stopper;
};

}  // namespace newsfacet::detail
