#pragma once
// Facet filters written inside a query string: country:Azerbaijan official:"Ilham Aliyev".
// Extracted before Xapian's QueryParser sees the text, so that their meaning is simple and
// fixed: every clause must hold; alternatives are written with OR; a leading - or NOT
// excludes. (Xapian's own boolean prefixes turn into weightless OR terms inside brackets.)

#include <string>
#include <string_view>
#include <vector>

namespace newsfacet::detail {

/// One filter: a field (country, official, location, source, date) and the value as typed.
/// A date value is a day or month or year, or a range FROM..TO (either end may be empty).
struct FilterAtom {
    std::string field;
    std::string value;
};

/// Alternatives joined by OR; `exclude` for -field:value or NOT field:value.
struct FilterClause {
    std::vector<FilterAtom> any_of;
    bool exclude = false;
};

struct SplitQuery {
    std::string text;  ///< The query without its filters, for the QueryParser.
    std::vector<FilterClause> clauses;
    /// What was read the forgiving way (an unmatched quote, an unknown field), for the user.
    std::vector<std::string> notes;
};

/// True for a field the filter syntax knows (country, official, location, source, date).
[[nodiscard]] bool is_filter_field(std::string_view field) noexcept;

/// Splits filters out of a query. Natural-language text is read the forgiving way, with a
/// note: an unmatched quote is ignored, an unknown field ("Reuters:Oil") is text. Throws
/// QueryError only for the explicit filter syntax: an empty value, or an unmatched quote in a
/// filter's value.
[[nodiscard]] SplitQuery split_filters(std::string_view query);

}  // namespace newsfacet::detail
