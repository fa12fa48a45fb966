#pragma once
// The storage layout of a newsfacet index (documented in docs/DESIGN.md; keep both in step).

#include <string>
#include <string_view>

#include <xapian.h>

#include <newsfacet/facets.hpp>

#include "text/terms.hpp"

namespace newsfacet::detail {

// Term prefixes. Free text uses Xapian's conventions: unprefixed words (with positions) and
// "Z"-prefixed stems; title words are also indexed with "S" (text/terms.hpp).
inline constexpr std::string_view prefix_id = "Q";        // Q<id> (hashed when long)
inline constexpr std::string_view prefix_source = "XS";   // XS<folded source>
inline constexpr std::string_view prefix_country = "XC";  // XC<folded canonical country>
inline constexpr std::string_view prefix_official = "XO"; // XO<folded canonical name>
inline constexpr std::string_view prefix_location = "XL"; // XL<folded canonical location>
inline constexpr std::string_view prefix_organization = "XG"; // XG<folded canonical organisation>
inline constexpr std::string_view prefix_copy = "XD";     // XD<near-duplicate key>: counts copies
inline constexpr std::string_view prefix_file = "XF";     // XF<absolute path of the file read> (hashed when long)

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
inline constexpr Xapian::valueno slot_content = 7;    // content hash (content_hash): 16 hex digits
inline constexpr Xapian::valueno slot_newest = 8;     // date order keys (date_order_key): sorting by one
inline constexpr Xapian::valueno slot_oldest = 9;     // slot, which remote shards can do, with stable ties
inline constexpr Xapian::valueno slot_organization = 10;  // canonical values joined by '\x1f' (layout 4)
// "YYYY-MM" of slot_date, or month_undated: what remote shards count months by (a few values
// rather than one per article). Written since 2026-12 without a layout change: articles
// written before lack it, and counting finds that out (MatchCounts).
inline constexpr Xapian::valueno slot_month = 11;
inline constexpr std::string_view month_undated = "-";

/// Raised when documents gain data an older build did not write. The content hash covers it,
/// so the next incremental run re-indexes every article written before. 2: slots 8 and 9;
/// 3: title words indexed with wdf 1 (was 3); 4: the organization facet (XG terms, slot 10,
/// "organization" and "organizations" in the data).
inline constexpr int document_layout = 4;

/// Separates the values of a multi-valued facet inside its slot.
inline constexpr char value_separator = '\x1f';

/// Calls `each(std::string_view)` for every value in a multi-valued slot's contents, in order
/// (none for an empty slot).
template <typename Each>
void for_each_value(std::string_view joined, Each&& each) {
    std::size_t start = 0;
    while (start < joined.size()) {
        auto end = joined.find(value_separator, start);
        if (end == std::string_view::npos) end = joined.size();
        each(joined.substr(start, end - start));
        start = end + 1;
    }
}

// Metadata keys.
inline constexpr std::string_view meta_format = "newsfacet:format";

/// Term prefix of a facet's filter terms.
[[nodiscard]] std::string_view facet_prefix(Facet facet) noexcept;

/// Value slot of a facet's canonical values.
[[nodiscard]] Xapian::valueno facet_slot(Facet facet) noexcept;

/// `prefix` + `text`, made to fit a Xapian term (which stops at 245 bytes): text over 200
/// bytes keeps a readable 160-byte head, then "#", a 64-bit FNV-1a hash of the whole text as
/// 16 hex digits, "#" and its length. Distinct texts give distinct terms (short of a hash
/// collision); a text's head still matches a prefix walk over its first 160 bytes.
[[nodiscard]] std::string bounded_term(std::string_view prefix, std::string_view text);

/// The unique id term of an article: bounded_term(prefix_id, id).
[[nodiscard]] std::string id_term(std::string_view id);

/// A boolean filter term: prefix + folded value (folding makes filters case-insensitive).
[[nodiscard]] std::string filter_term(std::string_view prefix, std::string_view value);

}  // namespace newsfacet::detail
