#pragma once
// The near-duplicate key of an article: wire copies of one story share it, so a search can
// collapse them with Xapian's built-in Enquire::set_collapse_key (which a remote backend runs
// too). It is computed once per article at index time, from the body alone, in one pass and
// without reading the index. The algorithm is documented in docs/DESIGN.md ("Near-duplicate
// key"); the constants below are part of it: changing any of them changes every key, so old
// and new articles would stop collapsing together until the index is rebuilt.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsfacet::detail {

/// Words per shingle (the overlapping word sequences whose sets are compared).
inline constexpr std::size_t near_duplicate_shingle_words = 3;
/// Min-hashes in a key: two bodies share a key with probability about J^3 for the Jaccard
/// similarity J of their shingle sets.
inline constexpr std::size_t near_duplicate_minhashes = 3;
/// Bodies with fewer words than this are keyed by their exact normalised text: too few
/// shingles make min-hashes of short, formulaic items collide.
inline constexpr std::size_t near_duplicate_min_words = 30;
/// The figures (number tokens) of the first this many words must agree exactly: reports that
/// differ in their figures are different news, while a copy cut short or extended further
/// down is still a copy.
inline constexpr std::size_t near_duplicate_figure_words = 100;

/// The near-duplicate key of an article body: "" for a body without words (an empty key never
/// collapses), "x" + 14 hex digits for a body of fewer than near_duplicate_min_words words
/// (a hash of its exact normalised words), otherwise "m" + 14 hex digits (a hash of three
/// min-hashes of its word-shingle set and of the figures among its first
/// near_duplicate_figure_words words). Words are case-folded and
/// accent-stripped, punctuation is ignored and a leading wire dateline is skipped. Stable
/// across builds and platforms: only fixed, documented hash functions are used.
[[nodiscard]] std::string near_duplicate_key(std::string_view body);

/// A key made by near_duplicate_key as a number, one-to-one: bit 56 tells "m" keys from "x"
/// keys, the low 56 bits are its hex digits. nullopt for "" and for anything not in that form.
/// Counting distinct keys as numbers is far cheaper than as strings.
[[nodiscard]] std::optional<std::uint64_t> near_duplicate_number(std::string_view key) noexcept;

/// Length in bytes of the wire dateline that opens `body` ("LONDON, March 3 (Reuters) - ",
/// "(Reuters) - "), including leading white space and the dash, or 0 if there is none.
/// A dateline opens with "(" or an all-caps word of two or more letters, ends at the first
/// spaced dash (" - ", " -- ", en or em dash) within its first line and 100 bytes, and has at
/// most 12 words.
[[nodiscard]] std::size_t dateline_length(std::string_view body);

}  // namespace newsfacet::detail
