#include "text/dates.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

#include <newsfacet/error.hpp>

namespace newsfacet::detail {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
    return std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d))
        .time_since_epoch()
        .count();
}

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

[[noreturn]] void invalid_span(std::string_view text) {
    throw UsageError("invalid date '" + std::string(text) +
                     "' (expected ISO 8601: 2024, 2024-03, 2024-03-04 or 2024-03-04T10:30:00Z)");
}

std::string two_digits(unsigned n) {
    return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
}

}  // namespace

std::string normalize_date(std::string_view s) {
    auto fail = [&]() -> std::string {
        throw UsageError("invalid date '" + std::string(s) +
                         "' (expected ISO 8601: 2024-03-04 or 2024-03-04T10:30:00Z)");
    };
    int y, mo, d;
    if (s.size() < 10 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
        !digits(s, 8, 2, d)) {
        return fail();
    }
    auto ymd = std::chrono::year(y) / std::chrono::month(static_cast<unsigned>(mo)) /
               std::chrono::day(static_cast<unsigned>(d));
    if (!ymd.ok()) return fail();
    if (s.size() == 10) return std::string(s);
    if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return fail();
    int hh, mm, ss = 0;
    std::size_t p = 11;
    if (!digits(s, p, 2, hh) || p + 2 >= s.size() || s[p + 2] != ':' || !digits(s, p + 3, 2, mm)) return fail();
    p += 5;
    if (p < s.size() && s[p] == ':') {
        if (!digits(s, p + 1, 2, ss)) return fail();
        p += 3;
        if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
            ++p;
            while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
        }
    }
    if (hh > 23 || mm > 59 || ss > 60) return fail();
    int offset_minutes = 0;
    if (p < s.size()) {
        if ((s[p] == 'Z' || s[p] == 'z') && p + 1 == s.size()) {
            ++p;
        } else if (s[p] == '+' || s[p] == '-') {
            int oh, om = 0;
            int sign = s[p] == '-' ? -1 : 1;
            if (!digits(s, p + 1, 2, oh)) return fail();
            std::size_t q = p + 3;
            if (q < s.size() && s[q] == ':') ++q;
            if (q < s.size() && !digits(s, q, 2, om)) return fail();
            if (q < s.size()) q += 2;
            if (q != s.size() || oh > 23 || om > 59) return fail();
            offset_minutes = sign * (oh * 60 + om);
            p = q;
        } else {
            return fail();
        }
    }
    std::int64_t secs = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 +
                        hh * 3600 + mm * 60 + std::min(ss, 59) - offset_minutes * 60;
    auto text = utc_date_time(secs);
    return text.empty() ? fail() : text;
}

std::string utc_date_time(std::int64_t unix_seconds) {
    // Years 0000-9999 only: the stored keys compare as text.
    constexpr std::int64_t first = -62167219200;  // 0000-01-01T00:00:00Z
    constexpr std::int64_t last = 253402300799;   // 9999-12-31T23:59:59Z
    if (unix_seconds < first || unix_seconds > last) return {};
    auto tp = std::chrono::sys_seconds(std::chrono::seconds(unix_seconds));
    auto day = std::chrono::floor<std::chrono::days>(tp);
    std::chrono::year_month_day ymd(day);
    std::chrono::hh_mm_ss hms(tp - day);
    std::array<char, 32> buf{};
    std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf.data();
}

namespace {

// Words of an RFC 822 date, split at spaces and commas.
std::vector<std::string_view> date_words(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) ++i;
        const auto start = i;
        while (i < s.size() && s[i] != ' ' && s[i] != ',' && s[i] != '\t') ++i;
        if (i > start) words.push_back(s.substr(start, i - start));
    }
    return words;
}

int month_number(std::string_view word) {
    static constexpr std::array<std::string_view, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                                "jul", "aug", "sep", "oct", "nov", "dec"};
    if (word.size() < 3) return 0;
    std::string lower;
    for (char c : word.substr(0, 3)) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (std::size_t m = 0; m < months.size(); ++m) {
        if (months[m] == lower) return static_cast<int>(m + 1);
    }
    return 0;
}

// A zone's offset east of UTC in minutes; false for an unknown zone.
bool zone_offset(std::string_view zone, int& minutes) {
    static constexpr std::array<std::pair<std::string_view, int>, 12> names = {{
        {"GMT", 0}, {"UT", 0}, {"UTC", 0}, {"Z", 0}, {"EST", -300}, {"EDT", -240},
        {"CST", -360}, {"CDT", -300}, {"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420}}};
    for (const auto& [name, offset] : names) {
        if (zone == name) {
            minutes = offset;
            return true;
        }
    }
    int hhmm = 0;
    if (zone.size() != 5 || (zone[0] != '+' && zone[0] != '-') || !digits(zone, 1, 4, hhmm)) return false;
    if (hhmm % 100 > 59) return false;
    minutes = (zone[0] == '-' ? -1 : 1) * (hhmm / 100 * 60 + hhmm % 100);
    return true;
}

}  // namespace

std::string rfc822_date(std::string_view text) {
    auto words = date_words(text);
    if (!words.empty() && !(words[0][0] >= '0' && words[0][0] <= '9')) words.erase(words.begin());  // the day name
    if (words.size() < 4 || words.size() > 5) return {};
    int day = 0, year = 0, hh = 0, mm = 0, ss = 0;
    const int month = month_number(words[1]);
    if (words[0].size() > 2 || !digits(words[0], 0, words[0].size(), day) || month == 0) return {};
    if ((words[2].size() != 2 && words[2].size() != 4) || !digits(words[2], 0, words[2].size(), year)) return {};
    if (words[2].size() == 2) year += year < 50 ? 2000 : 1900;
    const auto time = words[3];
    if (time.size() < 5 || !digits(time, 0, 2, hh) || time[2] != ':' || !digits(time, 3, 2, mm)) return {};
    if (time.size() == 8 ? (time[5] != ':' || !digits(time, 6, 2, ss)) : time.size() != 5) return {};
    int offset = 0;
    if (words.size() == 5 && !zone_offset(words[4], offset)) return {};
    const auto ymd = std::chrono::year(year) / std::chrono::month(static_cast<unsigned>(month)) /
                     std::chrono::day(static_cast<unsigned>(day));
    if (!ymd.ok() || hh > 23 || mm > 59 || ss > 60) return {};
    const std::int64_t secs = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
                              hh * 3600 + mm * 60 + std::min(ss, 59) - offset * 60;
    return utc_date_time(secs);
}

std::string date_key(const std::string& normalized_date, bool end_of_day) {
    if (normalized_date.size() != 10) return normalized_date;
    return normalized_date + (end_of_day ? "T23:59:59Z" : "T00:00:00Z");
}

DateKeyRange date_span(std::string_view text) {
    int year = 0;
    int month = 0;
    if (text.size() == 4 && digits(text, 0, 4, year)) {
        const std::string y(text);
        return {y + "-01-01T00:00:00Z", y + "-12-31T23:59:59Z"};
    }
    if (text.size() == 7 && digits(text, 0, 4, year) && text[4] == '-' && digits(text, 5, 2, month)) {
        const auto last = std::chrono::year(year) / std::chrono::month(static_cast<unsigned>(month)) / std::chrono::last;
        if (!last.ok()) invalid_span(text);
        const std::string m(text);
        return {m + "-01T00:00:00Z", m + "-" + two_digits(static_cast<unsigned>(last.day())) + "T23:59:59Z"};
    }
    if (text.size() < 10) invalid_span(text);
    const std::string normalized = normalize_date(text);
    return {date_key(normalized, false), date_key(normalized, true)};
}

DateKeyRange date_key_range(std::string_view from, std::string_view to) {
    return {from.empty() ? std::string() : date_span(from).first, to.empty() ? std::string("\xff") : date_span(to).last};
}

std::string_view month_of(std::string_view date) noexcept {
    return date.size() >= 7 ? date.substr(0, 7) : std::string_view();
}

int year_of(std::string_view date) noexcept {
    // atoi, as the tagger always read it: dates given through the API need not be normalised.
    if (date.size() < 4) return 0;
    const std::array<char, 5> year = {date[0], date[1], date[2], date[3], '\0'};
    return std::atoi(year.data());
}

}  // namespace newsfacet::detail
