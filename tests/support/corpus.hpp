#pragma once
// Facts about corpus/ that tests of every suite rely on, stated once. The number of articles
// is set in tests/CMakeLists.txt (NEWSFACET_CORPUS_ARTICLES), where CTest checks of examples
// use it too; ApiReaderFormat.CorpusArticlesIsWhatTheReaderFinds checks it against
// what the reader finds in corpus/.

#include <cstdint>
#include <string>

namespace newsfacet::testing {

/// Number of articles in corpus/ (README.md is skipped).
inline constexpr std::uint64_t corpus_articles = NEWSFACET_CORPUS_ARTICLES;

/// The seed article's id (its file name relative to corpus/).
inline const std::string seed_id = "azerbaijan-embassy-kyiv.txt";

}  // namespace newsfacet::testing
