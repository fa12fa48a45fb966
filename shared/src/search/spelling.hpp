#pragma once
// "Did you mean": edit distances, the closest indexed word to a misspelt one, and the words of
// a query that could be misspelt. Built on the plain Database API (allterms and termfreqs), not
// on Xapian's spelling tables, which remote shards do not serve and which cost indexing time.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsfacet::detail {

/// Levenshtein distance over bytes (insertions, deletions, substitutions). Cost: O(|a|·|b|).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// Damerau distance (optimal string alignment: Levenshtein plus the swap of two adjacent
/// characters) over code points, so "embasy" / "embassy" is 1 and "mebassy" / "embassy" is 1.
/// Cost: O(|a|·|b|).
[[nodiscard]] std::size_t damerau_distance(std::u32string_view a, std::u32string_view b);

/// A word of a query that could be misspelt: its bytes [start, end) in the query, and the
/// term it looks up (lower-cased, U+2019 as an apostrophe, as Xapian indexes it).
struct QueryWord {
    std::size_t start = 0;
    std::size_t end = 0;
    std::string term;
};

/// The free-text words of a query, in order: words and the words of "phrases" and title:word.
/// Left out: facet and date filters (country:X, official:"A B", date:...), operators (AND, OR,
/// NOT, XOR, NEAR, ADJ), excluded words (-word, NOT word), wildcards (embass*), and words
/// with a digit or of fewer than 3 characters. Never throws on malformed text (an unterminated
/// quote runs to the end). Cost: one pass over the query.
[[nodiscard]] std::vector<QueryWord> query_words(std::string_view query);

/// The indexed word (unprefixed term) closest to `term` by Damerau distance, or "" when none
/// is close enough. Allowed distance: 1 for words of up to 4 characters, 2 beyond; a tie goes
/// to the word in more articles, then to the smaller word. Candidates are words for which
/// `stopper` is false, within the allowed difference in length, starting with the same
/// character as `term`, or with its first two characters swapped. Cost: one pass over the
/// index's words starting with that character (and over those starting with the swapped
/// pair), reading no posting lists: a few percent of the vocabulary.
[[nodiscard]] std::string closest_indexed_word(const Xapian::Database& db, std::string_view term,
                                               const Xapian::Stopper& stopper);

/// `word` written in the case pattern of `typed`: all capitals if `typed` is (and is longer than
/// one character), else a capital first letter if `typed` has one, else as given.
[[nodiscard]] std::string match_case(std::string_view typed, std::string_view word);

}  // namespace newsfacet::detail
