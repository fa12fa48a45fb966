#pragma once
// The one reading of a query's text, shared by the facet filters written in it
// (filter_syntax), "did you mean" (spelling) and the query builder's test for an explicit OR.
// Xapian's QueryParser still parses the words; this only finds what the library itself acts
// on, with one set of rules:
// - Tokens are separated by whitespace (space, tab, CR, LF) outside double quotes; a quote
//   opened in a token runs to the matching quote, whitespace included ("rock OR roll" is one
//   token, so its OR is no operator). A quote never closed runs to the end of the query.
// - A token is: opening brackets, an optional sign (+ or -), its core, closing brackets.
//   Closing brackets are the trailing ')' that have no '(' in the core: "(a OR b)" closes
//   one bracket, "source:f(x)" none.
// - The core is a field:value (a field is 2 or more ASCII letters or '_', then ':' and a
//   value that does not start with '/', so URLs stay text), an operator (AND OR NOT XOR NEAR
//   ADJ, upper case, NEAR/n and ADJ/n, without a sign), a phrase (starts with a quote), or a
//   word (anything else: wildcards, "u.s.", "f16s", non-ASCII).
// Bytes are not decoded: quotes, brackets, signs and field names are ASCII, everything else
// passes through.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacet::detail {

enum class QueryOperator { op_and, op_or, op_not, op_xor, op_near, op_adj };

enum class QueryTokenKind { word, phrase, op, field };

/// One whitespace-separated token. The views point into the tokenised query.
struct QueryToken {
    QueryTokenKind kind = QueryTokenKind::word;
    std::string_view text;           ///< As written: brackets, sign and quotes included.
    std::size_t start = 0;           ///< Offset of `text` in the query.
    int open_brackets = 0;           ///< Leading '('.
    int close_brackets = 0;          ///< Trailing ')' that close a bracket.
    char sign = 0;                   ///< '+' or '-' after the opening brackets, else 0.
    std::string_view core;           ///< Without brackets and sign.
    std::optional<QueryOperator> op; ///< Set for kind op.
    std::string field;               ///< Lower-cased field name, for kind field.
    std::size_t value_start = 0;     ///< Offset in the query of the value (after "field:").
    std::string_view value;          ///< The value without its enclosing quotes (may be empty).
    bool unterminated = false;       ///< Opens a quote that is never closed (the last token).

    [[nodiscard]] std::size_t end() const noexcept { return start + text.size(); }
    /// True if the token is exactly the operator `o`, without brackets.
    [[nodiscard]] bool is_bare(QueryOperator o) const noexcept {
        return op == o && open_brackets == 0 && close_brackets == 0;
    }
};

/// The operator a word names ("OR", "NEAR/3"), or nullopt. Case-sensitive, as Xapian's.
[[nodiscard]] std::optional<QueryOperator> operator_named(std::string_view word) noexcept;

/// True for AND, OR, NOT and XOR, which join clauses (NEAR and ADJ join words).
[[nodiscard]] bool is_boolean(QueryOperator o) noexcept;

/// The tokens of `query`, in order (see the rules above). Never throws on malformed text:
/// callers decide what an unterminated quote means. Cost: one pass over the query.
[[nodiscard]] std::vector<QueryToken> tokenize_query(std::string_view query);

}  // namespace newsfacet::detail
