#pragma once
// The text analysis shared by indexing and searching: the same stemmer (with the thesaurus'
// irregular forms) on both sides, stop words for natural-language queries, query expansion.

#include <memory>

#include <xapian.h>

#include "text/thesaurus.hpp"

namespace newsfacet::detail {

struct Analysis {
    /// Builds the analysis from the built-in thesaurus. Cost: parses it (well under a ms).
    Analysis();

    Thesaurus thesaurus;
    Xapian::Stem stemmer;
    Xapian::SimpleStopper stopper;
};

/// A shared, immutable Analysis.
[[nodiscard]] std::shared_ptr<const Analysis> make_analysis();

}  // namespace newsfacet::detail
