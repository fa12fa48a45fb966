#pragma once
// Dates, one set of rules for the reader (article dates), the store (the date slot), the
// searcher (date: filters, since/until, months of the histogram) and the tagger (the year an
// official held office). Stored and compared as ISO 8601 text in UTC, whose byte order is
// time order: "YYYY-MM-DD" for a date alone, "YYYY-MM-DDTHH:MM:SSZ" for a date-time.

#include <cstdint>
#include <string>
#include <string_view>

namespace newsfacet::detail {

/// Normalises an ISO 8601 date or date-time (years 0000-9999): "2024-03-04" stays; a
/// date-time ("2024-03-04T10:30Z", "2024-03-04 10:30:15.25+02:00") becomes UTC
/// "YYYY-MM-DDTHH:MM:SSZ" (fractions dropped, a leap second read as :59). Throws UsageError
/// naming the text for anything else. Behind newsfacet::normalize_date.
[[nodiscard]] std::string normalize_date(std::string_view text);

/// Unix time (seconds since 1970-01-01T00:00:00Z) as a normalised date-time
/// "YYYY-MM-DDTHH:MM:SSZ", or "" outside the years 0000-9999.
[[nodiscard]] std::string utc_date_time(std::int64_t unix_seconds);

/// An RFC 822 / RFC 2822 date-time, as RSS's pubDate and e-mail write it ("Tue, 10 Jun 2003
/// 04:00:00 GMT", "10 Jun 03 04:00 +0200", "Mon, 4 Mar 2024 23:30:00 EST"; the day name
/// optional, two-digit years as RFC 2822 reads them, seconds optional, zones GMT/UT/UTC/Z,
/// the US zones and +HHMM/-HHMM), as a normalised UTC date-time; "" for anything else.
[[nodiscard]] std::string rfc822_date(std::string_view text);

/// The date slot's key of a normalised date: "YYYY-MM-DDTHH:MM:SSZ". A date alone becomes the
/// start of its day, or its end (23:59:59) when `end_of_day`; a date-time stays as it is.
[[nodiscard]] std::string date_key(const std::string& normalized_date, bool end_of_day);

/// The first and last date keys of a span, both inclusive.
struct DateKeyRange {
    std::string first;
    std::string last;
};

/// The keys a date as a user types it covers: a year ("2024": its first to its last second),
/// a month ("2024-03"), a day ("2024-03-04") or an instant (a date-time, first == last).
/// Throws UsageError naming the text for anything else ("2024-13", "yesterday").
[[nodiscard]] DateKeyRange date_span(std::string_view text);

/// The keys from the start of `from` to the end of `to` (each as date_span reads it); an
/// empty bound is open: "" and "\xff", below and above every key. `first` > `last` when `to`
/// ends before `from` starts (callers word that error). Throws UsageError for a bad bound.
[[nodiscard]] DateKeyRange date_key_range(std::string_view from, std::string_view to);

/// The month bucket of a normalised date or date key: its "YYYY-MM", or "" if it has none.
[[nodiscard]] std::string_view month_of(std::string_view date) noexcept;

/// The year of a normalised date, or 0 if it has none (shorter than a year).
[[nodiscard]] int year_of(std::string_view date) noexcept;

}  // namespace newsfacet::detail
