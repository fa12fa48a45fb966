#include "search/spelling.hpp"

#include <algorithm>

#include "search/query_tokens.hpp"

namespace newsfacet::detail {
namespace {

std::u32string decode(std::string_view utf8) {
    std::u32string out;
    for (Xapian::Utf8Iterator it(utf8.data(), utf8.size()); it != Xapian::Utf8Iterator(); ++it) {
        out.push_back(static_cast<char32_t>(*it));
    }
    return out;
}

std::string encode(std::u32string_view chars) {
    std::string out;
    for (char32_t c : chars) Xapian::Unicode::append_utf8(out, c);
    return out;
}

bool is_apostrophe(unsigned ch) {
    return ch == '\'' || ch == 0x2019;
}

// The words in query[from, to): runs of word characters with inner apostrophes, as Xapian's
// query parser reads them.
void scan_words(std::string_view query, std::size_t from, std::size_t to,
                std::vector<QueryWord>& out) {
    const Xapian::Utf8Iterator end;
    auto offset = [&](const Xapian::Utf8Iterator& at) { return to - at.left(); };
    Xapian::Utf8Iterator it(query.data() + from, to - from);
    while (it != end) {
        if (!Xapian::Unicode::is_wordchar(*it)) {
            ++it;
            continue;
        }
        QueryWord word;
        word.start = offset(it);
        std::size_t chars = 0;
        bool digit = false;
        for (; it != end; ++it) {
            unsigned ch = *it;
            if (is_apostrophe(ch)) {
                // Inner only: "embassy's" is one word; a closing quote is not part of it.
                auto next = it;
                ++next;
                if (next == end || !Xapian::Unicode::is_wordchar(*next)) break;
                word.term.push_back('\'');
            } else if (Xapian::Unicode::is_wordchar(ch)) {
                if (Xapian::Unicode::get_category(ch) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER)
                    digit = true;
                Xapian::Unicode::append_utf8(word.term, Xapian::Unicode::tolower(ch));
                ++chars;
            } else {
                break;
            }
        }
        word.end = offset(it);
        bool wildcard = it != end && *it == '*';
        if (!digit && !wildcard && chars >= 3) out.push_back(std::move(word));
    }
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::size_t damerau_distance(std::u32string_view a, std::u32string_view b) {
    // Three rows: a swap looks two rows back.
    const std::size_t width = b.size() + 1;
    std::vector<std::size_t> before(width), previous(width), current(width);
    for (std::size_t j = 0; j < width; ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j < width; ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::vector<QueryWord> query_words(std::string_view query) {
    std::vector<QueryWord> out;
    bool after_not = false;
    for (const auto& token : tokenize_query(query)) {
        const bool excluded = after_not || token.sign == '-';
        after_not = token.op == QueryOperator::op_not;
        if (excluded || token.kind == QueryTokenKind::op) continue;
        // Filters are not words; title:word is.
        if (token.kind == QueryTokenKind::field && token.field != "title") continue;
        const std::size_t body = token.kind == QueryTokenKind::field
                                     ? token.value_start
                                     : static_cast<std::size_t>(token.core.data() - query.data());
        scan_words(query, body, token.end(), out);
    }
    return out;
}

std::string closest_indexed_word(const Xapian::Database& db, std::string_view term,
                                 const Xapian::Stopper& stopper) {
    const std::u32string typed = decode(term);
    if (typed.empty()) return {};
    const std::size_t allowed = typed.size() <= 4 ? 1 : 2;
    std::string best;
    std::size_t best_distance = allowed + 1;
    Xapian::doccount best_freq = 0;
    auto scan = [&](const std::string& prefix) {
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
            const std::string candidate = *it;
            if (stopper(candidate)) continue;
            const std::u32string chars = decode(candidate);
            const std::size_t longer = std::max(chars.size(), typed.size());
            const std::size_t shorter = std::min(chars.size(), typed.size());
            if (longer - shorter > allowed) continue;
            const std::size_t d = damerau_distance(typed, chars);
            if (d > allowed || d > best_distance) continue;
            const Xapian::doccount freq = it.get_termfreq();
            if (d < best_distance || freq > best_freq || (freq == best_freq && candidate < best)) {
                best = candidate;
                best_distance = d;
                best_freq = freq;
            }
        }
    };
    scan(encode(typed.substr(0, 1)));
    if (typed.size() >= 2 && typed[0] != typed[1]) {
        // A swap of the first two letters ("mebassy"): only words starting with the swapped pair.
        const std::u32string swapped = {typed[1], typed[0]};
        scan(encode(swapped));
    }
    return best;
}

std::string match_case(std::string_view typed, std::string_view word) {
    const std::u32string typed_chars = decode(typed);
    std::u32string chars = decode(word);
    std::size_t letters = 0;
    bool any_lower = false;
    for (char32_t c : typed_chars) {
        if (Xapian::Unicode::tolower(c) != Xapian::Unicode::toupper(c)) ++letters;
        if (Xapian::Unicode::get_category(c) == Xapian::Unicode::LOWERCASE_LETTER) any_lower = true;
    }
    if (letters > 1 && !any_lower) {
        for (auto& c : chars) c = static_cast<char32_t>(Xapian::Unicode::toupper(c));
    } else if (!typed_chars.empty() && !chars.empty() &&
               Xapian::Unicode::get_category(typed_chars[0]) == Xapian::Unicode::UPPERCASE_LETTER) {
        chars[0] = static_cast<char32_t>(Xapian::Unicode::toupper(chars[0]));
    }
    return encode(chars);
}

}  // namespace newsfacet::detail
