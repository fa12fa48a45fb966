#include "text/written_dates.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <utility>

#include "text/text.hpp"

namespace newsfacet::detail {
namespace {

struct MonthName {
    std::string_view name;  // lower case, as written (UTF-8)
    int month;
};

// Full names and the usual abbreviations (the "." after one is punctuation, skipped).
// Names shared by languages are listed once.
constexpr MonthName month_names[] = {
    // English
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6}, {"july", 7},
    {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9},
    {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    // German
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"maerz", 3}, {"mai", 5}, {"juni", 6},
    {"juli", 7}, {"oktober", 10}, {"dezember", 12}, {"mär", 3}, {"mrz", 3}, {"okt", 10}, {"dez", 12},
    // French
    {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
    {"juillet", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
    {"décembre", 12}, {"decembre", 12}, {"janv", 1}, {"févr", 2}, {"avr", 4}, {"juil", 7}, {"déc", 12},
    // Spanish
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7},
    {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11},
    {"diciembre", 12}, {"ene", 1}, {"abr", 4}, {"ago", 8}, {"dic", 12},
    // Portuguese
    {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"marco", 3}, {"maio", 5}, {"junho", 6},
    {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12}, {"fev", 2},
    {"set", 9}, {"out", 10},
    // Italian
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6}, {"luglio", 7},
    {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12}, {"gen", 1}, {"mag", 5}, {"giu", 6},
    {"lug", 7}, {"ott", 10},
    // Dutch
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8}, {"mrt", 3},
};

int month_of_name(std::string_view word) {
    const auto lower = text::ascii_lower(word);
    for (const auto& m : month_names) {
        if (m.name == lower) return m.month;
    }
    return 0;
}

enum class Kind { number, word, mark };

struct Token {
    std::string_view text;
    Kind kind;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

// Numbers, words (letters and any non-ASCII byte) and single marks; spaces and no-break
// spaces only separate.
std::vector<Token> tokens_of(std::string_view s) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
        } else if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
            i += 2;
        } else if (is_digit(c) || is_letter(c)) {
            const bool number = is_digit(c);
            std::size_t j = i;
            while (j < s.size() && (number ? is_digit(s[j]) : is_letter(s[j])) && !(s[j] == '\xC2' && j + 1 < s.size() && s[j + 1] == '\xA0')) ++j;
            out.push_back({s.substr(i, j - i), number ? Kind::number : Kind::word});
            i = j;
        } else {
            out.push_back({s.substr(i, 1), Kind::mark});
            ++i;
        }
    }
    return out;
}

// A plausible day as "YYYY-MM-DD", or "".
std::string day_string(int y, int m, int d) {
    if (y < 1900 || y > 2099) return {};
    const auto ymd = std::chrono::year(y) / std::chrono::month(static_cast<unsigned>(m)) / std::chrono::day(static_cast<unsigned>(d));
    if (m < 1 || m > 12 || d < 1 || d > 31 || !ymd.ok()) return {};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

// Reads the tokens from `i` on; each matcher returns how many tokens it used (0: no match).
class Matcher {
public:
    explicit Matcher(const std::vector<Token>& t) : m_t(t) {}

    std::size_t match(std::size_t i, std::string& day) const {
        for (auto f : {&Matcher::numeric, &Matcher::day_month_year, &Matcher::month_day_year}) {
            if (const auto used = (this->*f)(i, day); used != 0) return used;
        }
        return 0;
    }

private:
    const std::vector<Token>& m_t;

    [[nodiscard]] bool number(std::size_t i, std::size_t min_len, std::size_t max_len, int& out) const {
        if (i >= m_t.size() || m_t[i].kind != Kind::number) return false;
        const auto s = m_t[i].text;
        if (s.size() < min_len || s.size() > max_len) return false;
        out = 0;
        for (char c : s) out = out * 10 + (c - '0');
        return true;
    }
    [[nodiscard]] bool mark(std::size_t i, char c) const {
        return i < m_t.size() && m_t[i].kind == Kind::mark && m_t[i].text[0] == c;
    }
    [[nodiscard]] bool word(std::size_t i, std::string_view w) const {
        return i < m_t.size() && m_t[i].kind == Kind::word && text::ascii_lower(m_t[i].text) == w;
    }
    [[nodiscard]] int month(std::size_t i) const {
        return i < m_t.size() && m_t[i].kind == Kind::word ? month_of_name(m_t[i].text) : 0;
    }
    // A year followed by "-2021" or "/21" is a span or a number of another kind, not a date's.
    [[nodiscard]] bool ends(std::size_t i) const {
        return !((mark(i, '-') || mark(i, '/')) && i + 1 < m_t.size() && m_t[i + 1].kind == Kind::number);
    }

    // 2020-02-26, 2020/02/26, 2020.02.26; 26.02.2020, 26.2.2020.
    std::size_t numeric(std::size_t i, std::string& day) const {
        int a = 0, b = 0, c = 0;
        if (number(i, 4, 4, a)) {
            for (char sep : {'-', '/', '.'}) {
                if (mark(i + 1, sep) && number(i + 2, 1, 2, b) && mark(i + 3, sep) && number(i + 4, 1, 2, c)) {
                    day = day_string(a, b, c);
                    return day.empty() ? 0 : 5;
                }
            }
            return 0;
        }
        if (number(i, 1, 2, a) && mark(i + 1, '.') && number(i + 2, 1, 2, b) && mark(i + 3, '.') &&
            number(i + 4, 4, 4, c)) {
            day = day_string(c, b, a);
            return day.empty() ? 0 : 5;
        }
        return 0;
    }

    // 26 September 2020, 04. Februar 2022, 25 de septiembre de 2020, 1er mars 2020.
    std::size_t day_month_year(std::size_t i, std::string& day) const {
        int d = 0, y = 0;
        if (!number(i, 1, 2, d)) return 0;
        std::size_t j = i + 1;
        if (word(j, "er") || word(j, "st") || word(j, "nd") || word(j, "rd") || word(j, "th") || word(j, "º")) ++j;
        if (mark(j, '.')) ++j;
        if (word(j, "de")) ++j;
        const int m = month(j);
        if (m == 0) return 0;
        ++j;
        if (mark(j, '.')) ++j;
        if (mark(j, ',')) ++j;
        if (word(j, "de") || word(j, "del")) ++j;
        if (!number(j, 4, 4, y) || !ends(j + 1)) return 0;
        day = day_string(y, m, d);
        return day.empty() ? 0 : j + 1 - i;
    }

    // November 8, 2023; Feb. 8 2020; Sept 8th, 2020.
    std::size_t month_day_year(std::size_t i, std::string& day) const {
        const int m = month(i);
        int d = 0, y = 0;
        if (m == 0) return 0;
        std::size_t j = i + 1;
        if (mark(j, '.')) ++j;
        if (!number(j, 1, 2, d)) return 0;
        ++j;
        if (word(j, "st") || word(j, "nd") || word(j, "rd") || word(j, "th")) ++j;
        if (mark(j, ',')) ++j;
        if (!number(j, 4, 4, y) || !ends(j + 1)) return 0;
        day = day_string(y, m, d);
        return day.empty() ? 0 : j + 1 - i;
    }
};

}  // namespace

std::vector<std::string> written_days(std::string_view text) {
    const auto tokens = tokens_of(text);
    const Matcher matcher(tokens);
    std::vector<std::string> days;
    for (std::size_t i = 0; i < tokens.size();) {
        std::string day;
        if (const auto used = matcher.match(i, day); used != 0) {
            days.push_back(std::move(day));
            i += used;
        } else {
            ++i;
        }
    }
    return days;
}

}  // namespace newsfacet::detail
