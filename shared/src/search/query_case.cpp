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

namespace {

// Only letters with a case: upper-casing is what makes the QueryParser see an acronym.
bool is_letter(unsigned ch) { return is_cased(ch); }

// The code points of `text`, decoded once so that a letter's neighbours can be looked at.
std::vector<unsigned> code_points(std::string_view text) {
    std::vector<unsigned> out;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) out.push_back(*it);
    return out;
}

// The length in code points of the dotted acronym starting at `i` ("u.s." 4, "u.s" 3), or 0.
std::size_t dotted_acronym_at(const std::vector<unsigned>& cps, std::size_t i) {
    auto letter = [&](std::size_t k) { return k < cps.size() && is_letter(cps[k]); };
    auto word_char = [&](std::size_t k) { return k < cps.size() && Xapian::Unicode::is_wordchar(cps[k]); };
    if (i > 0 && word_char(i - 1)) return 0;
    std::size_t k = i;
    std::size_t letters = 0;
    // A letter alone, then a dot: "u." of "u.s.".
    while (letter(k) && !word_char(k + 1)) {
        ++letters;
        if (k + 1 >= cps.size() || cps[k + 1] != '.') {
            ++k;
            break;
        }
        k += 2;
    }
    if (letters < 2 || word_char(k)) return 0;
    return k - i;
}

// `text` with each dotted acronym's letters in upper case.
std::string acronyms_upper(std::string_view text) {
    const auto cps = code_points(text);
    std::string out;
    for (std::size_t i = 0; i < cps.size();) {
        const std::size_t length = dotted_acronym_at(cps, i);
        for (std::size_t k = i; k < i + std::max<std::size_t>(length, 1); ++k) {
            Xapian::Unicode::append_utf8(out, length > 0 ? Xapian::Unicode::toupper(cps[k]) : cps[k]);
        }
        i += std::max<std::size_t>(length, 1);
    }
    return out;
}

}  // namespace

std::string with_acronyms_in_capitals(std::string_view query) {
    std::string out;
    std::size_t copied = 0;
    for (const auto& t : tokenize_query(query)) {
        if (!is_text(t) || t.kind == QueryTokenKind::op) continue;
        out.append(query.substr(copied, t.start - copied));
        out += acronyms_upper(t.text);
        copied = t.end();
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
