#pragma once
// UTF-8 helpers shared by the readers, the tagger and the snippet builder.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacet::text {

/// Offset of the first byte that is not part of valid UTF-8, or npos if all is valid.
[[nodiscard]] std::size_t first_invalid_utf8(std::string_view bytes) noexcept;

/// Decodes Windows-1252 bytes to UTF-8 (undefined bytes map to U+FFFD).
[[nodiscard]] std::string windows1252_to_utf8(std::string_view bytes);

/// Case-folds and strips accents ("Zelenskyy" stays, "Sant Julià" -> "sant julia"), collapses
/// runs of whitespace to one space and trims. Invalid UTF-8 is folded byte-wise (ASCII only).
[[nodiscard]] std::string fold(std::string_view value);

/// ASCII lower-casing (other bytes unchanged).
[[nodiscard]] std::string ascii_lower(std::string_view value);

/// `s` without leading and trailing ASCII white space (space, tab, CR, LF).
[[nodiscard]] std::string_view trim_space(std::string_view s) noexcept;

/// Splits at every `sep`, keeping empty fields ("a||b" gives "a", "", "b").
[[nodiscard]] std::vector<std::string_view> split(std::string_view s, char sep);

/// A word in a text: [start, end) byte offsets.
struct Token {
    std::size_t start;
    std::size_t end;
};

/// Splits text into words: runs of letters and digits (any script), with inner apostrophes,
/// hyphens and periods of abbreviations kept out (a possessive "'s" is its own token-free
/// suffix: "Kyiv's" gives "Kyiv"). Cost: one pass over the text.
[[nodiscard]] std::vector<Token> words(std::string_view text);

/// The lookup key of a name: its words (words()) folded and joined by single spaces.
/// "Volodymyr  ZELENSKYY" and "volodymyr zelenskyy" give "volodymyr zelenskyy", "U.S." gives
/// "u s". The gazetteer and the known officials are keyed by it.
[[nodiscard]] std::string name_key(std::string_view name);

/// name_key of words already folded: folded[first, last).
[[nodiscard]] std::string name_key(const std::vector<std::string>& folded, std::size_t first, std::size_t last);

/// True if the code point starting at `text[pos]` is a letter or digit.
[[nodiscard]] bool is_word_char_at(std::string_view text, std::size_t pos) noexcept;

/// True if the word starts with an upper-case letter.
[[nodiscard]] bool starts_upper(std::string_view word) noexcept;

/// True if the word has letters and none of them is lower-case.
[[nodiscard]] bool all_upper(std::string_view word) noexcept;

}  // namespace newsfacet::text
