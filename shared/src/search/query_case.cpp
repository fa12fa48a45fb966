#include "search/query_case.hpp"

#include <xapian.h>

#include "search/filter_syntax.hpp"
#include "search/query_tokens.hpp"

namespace newsfacet::detail {
namespace {

enum class Case { none, upper, mixed };

// Whether `text` has letters, and whether any of them is lower case.
Case case_of(std::string_view text) {
    bool letters = false;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        const unsigned ch = *it;
        if (Xapian::Unicode::get_category(ch) == Xapian::Unicode::LOWERCASE_LETTER) return Case::mixed;
        if (Xapian::Unicode::tolower(ch) != ch) letters = true;
    }
    return letters ? Case::upper : Case::none;
}

// A token the case rule looks at: text the QueryParser reads (not a filter).
bool is_text(const QueryToken& t) { return t.kind != QueryTokenKind::field || !is_filter_field(t.field); }

// True for an operator joined to a filter ("country:X OR country:Y", "NOT country:X").
bool next_to_filter(const std::vector<QueryToken>& tokens, std::size_t k) {
    auto filter = [&](std::size_t i) { return i < tokens.size() && !is_text(tokens[i]); };
    return tokens[k].kind == QueryTokenKind::op && (filter(k + 1) || (k > 0 && filter(k - 1)));
}

// The whole query is in capitals: its text tokens have letters and none in lower case.
bool all_in_capitals(const std::vector<QueryToken>& tokens) {
    bool words = false;
    for (const auto& t : tokens) {
        if (!is_text(t)) continue;
        const Case c = case_of(t.kind == QueryTokenKind::field ? t.value : t.core);
        if (c == Case::mixed) return false;
        if (c == Case::upper && t.kind != QueryTokenKind::op) words = true;
    }
    return words;
}

// Runs of run_without_case or more consecutive words or phrases in capitals.
std::vector<QuerySpan> runs_in_capitals(const std::vector<QueryToken>& tokens) {
    std::vector<QuerySpan> out;
    std::size_t first = 0;
    std::size_t length = 0;
    auto close_run = [&](std::size_t next) {
        if (length >= run_without_case) {
            for (std::size_t i = first; i < next; ++i) out.push_back({tokens[i].start, tokens[i].end()});
        }
        length = 0;
    };
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const auto& t = tokens[k];
        const bool shouted = (t.kind == QueryTokenKind::word || t.kind == QueryTokenKind::phrase) &&
                             case_of(t.core) == Case::upper;
        if (!shouted) {
            close_run(k);
            continue;
        }
        if (length == 0) first = k;
        ++length;
    }
    close_run(tokens.size());
    return out;
}

}  // namespace

std::vector<QuerySpan> spans_without_case(std::string_view query) {
    const auto tokens = tokenize_query(query);
    if (!all_in_capitals(tokens)) return runs_in_capitals(tokens);
    std::vector<QuerySpan> out;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (is_text(tokens[k]) && !next_to_filter(tokens, k)) out.push_back({tokens[k].start, tokens[k].end()});
    }
    return out;
}

std::string read_without_case(std::string_view query) {
    std::string out;
    std::size_t copied = 0;
    for (const auto& span : spans_without_case(query)) {
        out.append(query.substr(copied, span.start - copied));
        out += Xapian::Unicode::tolower(std::string(query.substr(span.start, span.end - span.start)));
        copied = span.end;
    }
    out.append(query.substr(copied));
    return out;
}

bool in_spans(const std::vector<QuerySpan>& spans, std::size_t offset) noexcept {
    for (const auto& s : spans) {
        if (s.start <= offset && offset < s.end) return true;
    }
    return false;
}

}  // namespace newsfacet::detail
