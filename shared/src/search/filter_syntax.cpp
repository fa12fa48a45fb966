#include "search/filter_syntax.hpp"

#include <algorithm>
#include <array>
#include <string>

#include <newsfacet/error.hpp>

#include "search/query_tokens.hpp"

namespace newsfacet::detail {
namespace {

// "organisation" is parse_facet's British spelling of "organization".
constexpr std::array<std::string_view, 7> filter_fields = {"country",      "official", "location", "organization",
                                                           "organisation", "source",   "date"};
// Fields the QueryParser handles itself.
constexpr std::array<std::string_view, 1> text_fields = {"title"};
constexpr std::string_view known_fields = "country, official, location, organization, source, date, title";

template <std::size_t N>
bool in(const std::array<std::string_view, N>& a, std::string_view s) {
    for (auto x : a) {
        if (x == s) return true;
    }
    return false;
}

// `query` without its unmatched quote (the last quote of a query whose last token opens one and
// never closes it: no quote can follow the one that opened it), which is then read as a space.
// Throws QueryError when that quote is in a filter's value: filters are explicit syntax.
std::string without_unmatched_quote(std::string_view query, const QueryToken& last) {
    if (last.kind == QueryTokenKind::field && is_filter_field(last.field) && last.sign != '+') {
        throw QueryError("unterminated quote in query: " + std::string(last.text));
    }
    std::string fixed(query);
    fixed[fixed.rfind('"')] = ' ';
    return fixed;
}

}  // namespace

bool is_filter_field(std::string_view field) noexcept { return in(filter_fields, field); }

SplitQuery split_filters(std::string_view query) {
    auto tokens = tokenize_query(query);
    if (!tokens.empty() && tokens.back().unterminated) {
        SplitQuery out = split_filters(without_unmatched_quote(query, tokens.back()));
        out.notes.insert(out.notes.begin(), "an unmatched quote (\") was ignored");
        return out;
    }
    SplitQuery out;
    std::vector<bool> used(tokens.size(), false);
    // "+field:value" is no filter: the QueryParser reads it as text, as it always has.
    auto has_field = [&](std::size_t k) {
        return tokens[k].kind == QueryTokenKind::field && tokens[k].sign != '+';
    };
    auto is_filter = [&](std::size_t k) { return k < tokens.size() && has_field(k) && in(filter_fields, tokens[k].field); };
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const auto& t = tokens[k];
        if (has_field(k) && !in(filter_fields, t.field) && !in(text_fields, t.field)) {
            out.notes.push_back("unknown field '" + t.field + ":' read as words (fields: " +
                                std::string(known_fields) + ")");
        }
        if (!is_filter(k)) continue;
        FilterClause clause;
        // "NOT country:X" excludes, like "-country:X".
        bool not_before = k > 0 && tokens[k - 1].is_bare(QueryOperator::op_not) && !used[k - 1];
        clause.exclude = t.sign == '-' || not_before;
        if (not_before) used[k - 1] = true;
        std::size_t j = k;
        while (true) {
            if (tokens[j].value.empty()) throw QueryError("empty value for '" + tokens[j].field + ":' in query");
            clause.any_of.push_back({tokens[j].field, std::string(tokens[j].value)});
            used[j] = true;
            if (j + 2 < tokens.size() && tokens[j + 1].is_bare(QueryOperator::op_or) && is_filter(j + 2) &&
                tokens[j + 2].sign != '-') {
                used[j + 1] = true;
                j += 2;
                continue;
            }
            break;
        }
        out.clauses.push_back(std::move(clause));
        k = j;
    }
    // What is left goes to the QueryParser; brackets that only held filters are dropped, and
    // so is an operator that joined a removed filter ("country:Y AND x", "x AND country:Y").
    // Other operators stay, so "embassy AND" is still reported as malformed.
    auto is_boolean_operator = [](std::string_view w) {
        auto op = operator_named(w);
        return op && is_boolean(*op);
    };
    int depth_removed = 0;
    bool after_filter = false;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (used[k]) {
            depth_removed += tokens[k].open_brackets - tokens[k].close_brackets;
            after_filter = true;
            continue;
        }
        std::string_view text = tokens[k].text;
        while (depth_removed > 0 && !text.empty() && text.front() == ')') {
            text.remove_prefix(1);
            --depth_removed;
        }
        if (text.empty()) continue;
        bool before_filter = k + 1 < tokens.size() && used[k + 1];
        if (is_boolean_operator(text) && (after_filter || before_filter)) continue;
        after_filter = false;
        if (!out.text.empty()) out.text.push_back(' ');
        out.text += text;
    }
    return out;
}

}  // namespace newsfacet::detail
