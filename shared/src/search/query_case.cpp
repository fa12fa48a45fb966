#include "search/query_case.hpp"

#include <algorithm>

#include <xapian.h>

#include "search/filter_syntax.hpp"
#include "search/query_tokens.hpp"

namespace newsfacet::detail {
namespace {

enum class Case { none, upper, mixed };

bool is_lower(unsigned ch) { return Xapian::Unicode::get_category(ch) == Xapian::Unicode::LOWERCASE_LETTER; }
bool is_cased(unsigned ch) { return Xapian::Unicode::tolower(ch) != ch || Xapian::Unicode::toupper(ch) != ch; }

// Whether `text` has letters, and whether any of them is lower case.
Case case_of(std::string_view text) {
    bool letters = false;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        if (is_lower(*it)) return Case::mixed;
        if (is_cased(*it)) letters = true;
    }
    return letters ? Case::upper : Case::none;
}

// The shape of one word: "Testing" is capitalised, "NATO" upper, "of" lower.
enum class Shape { none, lower, capitalised, upper };

Shape shape_of(std::string_view word) {
    Xapian::Utf8Iterator it(word.data(), word.size());
    while (it != Xapian::Utf8Iterator() && !is_cased(*it)) ++it;
    if (it == Xapian::Utf8Iterator()) return Shape::none;
    if (is_lower(*it)) return Shape::lower;
    return case_of(word) == Case::mixed ? Shape::capitalised : Shape::upper;
}

// The words of a token's text: runs of characters other than space, quotes and brackets.
std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    auto separator = [](char c) { return c == ' ' || c == '"' || c == '(' || c == ')' || c == '\t' || c == '\n' || c == '\r'; };
    while (i < text.size()) {
        while (i < text.size() && separator(text[i])) ++i;
        const std::size_t start = i;
        while (i < text.size() && !separator(text[i])) ++i;
        if (i > start) out.push_back(text.substr(start, i - start));
    }
    return out;
}

// The longest lower-case word a title-case query may hold: function words ("of", "the", "with").
constexpr std::size_t title_case_small_word = 4;

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

// True for a query in title case: at least two capitalised words, and every lower-case word
// a short function word. Operators and filters are not words of the title.
bool in_title_case(const std::vector<QueryToken>& tokens) {
    std::size_t capitalised = 0;
    for (const auto& t : tokens) {
        if (!is_text(t) || t.kind == QueryTokenKind::op) continue;
        for (auto word : words_of(t.kind == QueryTokenKind::field ? t.value : t.core)) {
            const Shape shape = shape_of(word);
            if (shape == Shape::capitalised) ++capitalised;
            if (shape == Shape::lower && word.size() > title_case_small_word) return false;
        }
    }
    return capitalised >= 2;
}

// The words that start a sentence (the query's first, and those after '.', '?' or '!'),
// capitalised and not names.
std::vector<QuerySpan> sentence_starts(const std::vector<QueryToken>& tokens, const IsName& is_name) {
    std::vector<QuerySpan> out;
    bool at_start = true;
    for (const auto& t : tokens) {
        const bool starts = at_start;
        const auto core = t.core;
        at_start = !core.empty() && (core.back() == '.' || core.back() == '?' || core.back() == '!');
        if (!starts || t.kind != QueryTokenKind::word || shape_of(core) != Shape::capitalised) continue;
        std::string_view word = core;
        while (!word.empty() && !is_cased(static_cast<unsigned char>(word.back())) &&
               static_cast<unsigned char>(word.back()) < 0x80) {
            word.remove_suffix(1);
        }
        if (!is_name || !is_name(word)) out.push_back({t.start, t.end()});
    }
    return out;
}

// Every word and phrase token (operators and filters keep their syntax).
std::vector<QuerySpan> all_words(const std::vector<QueryToken>& tokens) {
    std::vector<QuerySpan> out;
    for (const auto& t : tokens) {
        if (is_text(t) && t.kind != QueryTokenKind::op) out.push_back({t.start, t.end()});
    }
    return out;
}

}  // namespace

std::vector<QuerySpan> spans_without_case(std::string_view query, const IsName& is_name) {
    const auto tokens = tokenize_query(query);
    std::vector<QuerySpan> out;
    if (all_in_capitals(tokens)) {
        for (std::size_t k = 0; k < tokens.size(); ++k) {
            if (is_text(tokens[k]) && !next_to_filter(tokens, k)) out.push_back({tokens[k].start, tokens[k].end()});
        }
        return out;
    }
    if (in_title_case(tokens)) return all_words(tokens);
    out = runs_in_capitals(tokens);
    for (const auto& span : sentence_starts(tokens, is_name)) {
        if (!in_spans(out, span.start)) out.push_back(span);
    }
    std::sort(out.begin(), out.end(), [](const QuerySpan& a, const QuerySpan& b) { return a.start < b.start; });
    return out;
}

std::string read_without_case(std::string_view query, const IsName& is_name) {
    std::string out;
    std::size_t copied = 0;
    for (const auto& span : spans_without_case(query, is_name)) {
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
