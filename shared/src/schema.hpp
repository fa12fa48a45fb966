#pragma once
// The storage layout of a newsfacet index (documented in docs/DESIGN.md; keep both in step).

#include <string>
#include <string_view>

#include <xapian.h>

#include <newsfacet/facets.hpp>

namespace newsfacet::detail {

// Term prefixes. Free text uses Xapian's conventions: unprefixed words (with positions) and
// "Z"-prefixed stems; title words are also indexed with "S".
inline constexpr std::string_view prefix_id = "Q";        // Q<id> (hashed when long)
inline constexpr std::string_view prefix_title = "S";     // title words
inline constexpr std::string_view prefix_source = "XS";   // XS<folded source>
inline constexpr std::string_view prefix_country = "XC";  // XC<folded canonical country>
inline constexpr std::string_view prefix_official = "XO"; // XO<folded canonical name>
inline constexpr std::string_view prefix_location = "XL"; // XL<folded canonical location>
inline constexpr std::string_view prefix_copy = "XD";     // XD<near-duplicate key>: counts copies

/// The boolean term that marks an article's near-duplicate key (see near_duplicate.hpp).
[[nodiscard]] inline std::string copy_term(std::string_view key) { return std::string(prefix_copy) + std::string(key); }

// Value slots.
inline constexpr Xapian::valueno slot_date = 0;       // UTC "YYYY-MM-DDTHH:MM:SSZ" (a date: its 00:00)
inline constexpr Xapian::valueno slot_country = 1;    // canonical values joined by '\x1f'
inline constexpr Xapian::valueno slot_official = 2;
inline constexpr Xapian::valueno slot_location = 3;
inline constexpr Xapian::valueno slot_source = 4;     // source as given
inline constexpr Xapian::valueno slot_id = 5;         // article id, for stable tie-breaks
inline constexpr Xapian::valueno slot_collapse = 6;   // near-duplicate key (near_duplicate.hpp); absent if none

/// Separates the values of a multi-valued facet inside its slot.
inline constexpr char value_separator = '\x1f';

// Metadata keys.
inline constexpr std::string_view meta_format = "newsfacet:format";

/// Term prefix of a facet's filter terms.
[[nodiscard]] std::string_view facet_prefix(Facet facet) noexcept;

/// Value slot of a facet's canonical values.
[[nodiscard]] Xapian::valueno facet_slot(Facet facet) noexcept;

/// The unique id term of an article. Ids over 200 bytes (Xapian terms stop at 245) keep a
/// readable 160-byte head, a 64-bit FNV-1a hash of the whole id and its length.
[[nodiscard]] std::string id_term(std::string_view id);

/// A boolean filter term: prefix + folded value (folding makes filters case-insensitive).
[[nodiscard]] std::string filter_term(std::string_view prefix, std::string_view value);

}  // namespace newsfacet::detail
