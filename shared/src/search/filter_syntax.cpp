#include "search/filter_syntax.hpp"

#include <algorithm>
#include <array>

#include <newsfacet/error.hpp>

#include "text/text.hpp"

namespace newsfacet::detail {
namespace {

constexpr std::array<std::string_view, 5> filter_fields = {"country", "official", "location", "source", "date"};
// Fields the QueryParser handles itself.
constexpr std::array<std::string_view, 1> text_fields = {"title"};

struct Token {
    std::string text;       // as written (quotes kept)
    std::string field;      // lower-case field name when this is field:value
    std::string value;      // unquoted value
    bool negated = false;   // leading '-'
    int open_parens = 0;    // leading '('s
    int close_parens = 0;   // trailing ')'s
};

bool is_field_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

std::vector<Token> lex(std::string_view q) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < q.size()) {
        while (i < q.size() && (q[i] == ' ' || q[i] == '\t' || q[i] == '\n' || q[i] == '\r')) ++i;
        if (i >= q.size()) break;
        std::size_t start = i;
        bool quoted = false;
        while (i < q.size() && (quoted || !(q[i] == ' ' || q[i] == '\t' || q[i] == '\n' || q[i] == '\r'))) {
            if (q[i] == '"') quoted = !quoted;
            ++i;
        }
        if (quoted) throw QueryError("unterminated quote in query: " + std::string(q.substr(start)));
        Token t;
        t.text = std::string(q.substr(start, i - start));
        std::string_view w = t.text;
        while (!w.empty() && w.front() == '(') {
            ++t.open_parens;
            w.remove_prefix(1);
        }
        bool neg = !w.empty() && w.front() == '-';
        std::string_view body = neg ? w.substr(1) : w;
        auto colon = body.find(':');
        if (colon != std::string_view::npos && colon >= 2 &&
            std::all_of(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(colon), is_field_char) &&
            colon + 1 < body.size() && body[colon + 1] != '/') {
            t.field = text::ascii_lower(body.substr(0, colon));
            std::string_view value = body.substr(colon + 1);
            while (!value.empty() && value.back() == ')' &&
                   std::count(value.begin(), value.end(), '(') < std::count(value.begin(), value.end(), ')')) {
                ++t.close_parens;
                value.remove_suffix(1);
            }
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
            t.value = std::string(value);
            t.negated = neg;
        }
        out.push_back(std::move(t));
    }
    return out;
}

template <std::size_t N>
bool in(const std::array<std::string_view, N>& a, std::string_view s) {
    for (auto x : a) {
        if (x == s) return true;
    }
    return false;
}

}  // namespace

SplitQuery split_filters(std::string_view query) {
    auto tokens = lex(query);
    SplitQuery out;
    std::vector<bool> used(tokens.size(), false);
    auto is_filter = [&](std::size_t k) { return k < tokens.size() && in(filter_fields, tokens[k].field); };
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const auto& t = tokens[k];
        if (!t.field.empty() && !in(filter_fields, t.field) && !in(text_fields, t.field)) {
            throw QueryError("unknown field '" + t.field + ":' in query (fields: country, official, location, "
                             "source, date, title)");
        }
        if (!is_filter(k)) continue;
        FilterClause clause;
        // "NOT country:X" excludes, like "-country:X".
        bool not_before = k > 0 && tokens[k - 1].text == "NOT" && !used[k - 1];
        clause.exclude = t.negated || not_before;
        if (not_before) used[k - 1] = true;
        std::size_t j = k;
        while (true) {
            if (tokens[j].value.empty()) throw QueryError("empty value for '" + tokens[j].field + ":' in query");
            clause.any_of.push_back({tokens[j].field, tokens[j].value});
            used[j] = true;
            if (j + 2 < tokens.size() + 0 && tokens[j + 1].text == "OR" && is_filter(j + 2) && !tokens[j + 2].negated) {
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
    auto is_op = [](const std::string& w) { return w == "AND" || w == "OR" || w == "NOT" || w == "XOR"; };
    int depth_removed = 0;
    bool after_filter = false;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (used[k]) {
            depth_removed += tokens[k].open_parens - tokens[k].close_parens;
            after_filter = true;
            continue;
        }
        std::string text = tokens[k].text;
        while (depth_removed > 0 && !text.empty() && text.front() == ')') {
            text.erase(0, 1);
            --depth_removed;
        }
        if (text.empty()) continue;
        bool before_filter = k + 1 < tokens.size() && used[k + 1];
        if (is_op(text) && (after_filter || before_filter)) continue;
        after_filter = false;
        if (!out.text.empty()) out.text.push_back(' ');
        out.text += text;
    }
    return out;
}

}  // namespace newsfacet::detail
