#include "search/query_tokens.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "text/text.hpp"

namespace newsfacet::detail {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_field_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

constexpr std::array<std::pair<std::string_view, QueryOperator>, 6> operators = {{
    {"AND", QueryOperator::op_and},
    {"OR", QueryOperator::op_or},
    {"NOT", QueryOperator::op_not},
    {"XOR", QueryOperator::op_xor},
    {"NEAR", QueryOperator::op_near},
    {"ADJ", QueryOperator::op_adj},
}};

// The end of the token starting at `i`: the next whitespace outside quotes. Sets
// `unterminated` when a quote is still open at the end of the query.
std::size_t token_end(std::string_view q, std::size_t i, bool& unterminated) {
    bool quoted = false;
    while (i < q.size() && (quoted || !is_space(q[i]))) {
        if (q[i] == '"') quoted = !quoted;
        ++i;
    }
    unterminated = quoted;
    return i;
}

// The length of "field:" at the start of `core`, or 0 if it has no field.
std::size_t field_length(std::string_view core) {
    auto colon = core.find(':');
    if (colon == std::string_view::npos || colon < 2 || colon + 1 >= core.size() || core[colon + 1] == '/') return 0;
    if (!std::all_of(core.begin(), core.begin() + static_cast<std::ptrdiff_t>(colon), is_field_char)) return 0;
    return colon + 1;
}

// Strips the trailing ')' of `core` that have no '(' in it, counting them.
int strip_closing(std::string_view& core) {
    int closed = 0;
    while (!core.empty() && core.back() == ')' &&
           std::count(core.begin(), core.end(), '(') < std::count(core.begin(), core.end(), ')')) {
        ++closed;
        core.remove_suffix(1);
    }
    return closed;
}

std::string_view unquoted(std::string_view value) {
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') return value.substr(1, value.size() - 2);
    return value;
}

// Splits one token's text into brackets, sign and core, and types it.
QueryToken read_token(std::string_view query, std::size_t start, std::size_t end) {
    QueryToken t;
    t.start = start;
    t.text = query.substr(start, end - start);
    std::string_view core = t.text;
    while (!core.empty() && core.front() == '(') {
        ++t.open_brackets;
        core.remove_prefix(1);
    }
    if (!core.empty() && (core.front() == '+' || core.front() == '-')) {
        t.sign = core.front();
        core.remove_prefix(1);
    }
    const std::size_t field = field_length(core);
    const std::size_t core_start = static_cast<std::size_t>(core.data() - query.data());
    t.close_brackets = strip_closing(core);
    t.core = core;
    if (field > 0) {
        t.kind = QueryTokenKind::field;
        t.field = text::ascii_lower(core.substr(0, field - 1));
        t.value_start = core_start + field;
        t.value = unquoted(core.substr(field));
    } else if (auto op = operator_named(core); op && t.sign == 0) {
        t.kind = QueryTokenKind::op;
        t.op = op;
    } else if (!core.empty() && core.front() == '"') {
        t.kind = QueryTokenKind::phrase;
    }
    return t;
}

}  // namespace

std::optional<QueryOperator> operator_named(std::string_view word) noexcept {
    for (const auto& [name, op] : operators) {
        if (word == name) return op;
        // NEAR/3, ADJ/2
        const bool positional = op == QueryOperator::op_near || op == QueryOperator::op_adj;
        if (positional && word.size() > name.size() && word.substr(0, name.size()) == name && word[name.size()] == '/') {
            return op;
        }
    }
    return std::nullopt;
}

bool is_boolean(QueryOperator o) noexcept { return o != QueryOperator::op_near && o != QueryOperator::op_adj; }

std::vector<QueryToken> tokenize_query(std::string_view query) {
    std::vector<QueryToken> out;
    std::size_t i = 0;
    while (i < query.size()) {
        while (i < query.size() && is_space(query[i])) ++i;
        if (i >= query.size()) break;
        bool unterminated = false;
        const std::size_t end = token_end(query, i, unterminated);
        out.push_back(read_token(query, i, end));
        out.back().unterminated = unterminated;
        i = end;
    }
    return out;
}

}  // namespace newsfacet::detail
