#pragma once
// Dates as pages write them for their readers ("8 November 2023", "November 8, 2023",
// "04. Februar 2022", "25 de septiembre de 2020", "26.02.2020", "2020-02-26"), found in text.

#include <string>
#include <string_view>
#include <vector>

namespace newsfacet::detail {

/// The days written in `text`, as "YYYY-MM-DD", in the order they appear. Read: ISO
/// year-month-day (with '-', '/' or '.'), day.month.year with dots, day-month-year and
/// month-day-year with the month named (full or abbreviated) in English, German, French,
/// Spanish, Portuguese, Italian or Dutch, with the optional "." after a day, "de" between
/// the parts, ordinal suffixes and a comma before the year. Not read: numeric dates with
/// '/' or '-' whose order is ambiguous (3/4/2024), two-digit years, impossible days
/// (31 June), years before 1900 or after 2099. Cost: one pass over `text`.
[[nodiscard]] std::vector<std::string> written_days(std::string_view text);

}  // namespace newsfacet::detail
