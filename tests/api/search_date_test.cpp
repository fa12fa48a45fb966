// Searcher since/until: inclusive bounds, whole days for dates, exact instants for date-times.
#include <gtest/gtest.h>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"

using newsfacet::SearchHit;
using newsfacet::SearchRequest;
using newsfacet::testing::as_set;
using newsfacet::testing::everything;
using newsfacet::testing::ids_of;
using newsfacet::testing::ids_where;

using ApiSearchDate = newsfacet::testing::CorpusTest;

namespace {

SearchRequest between(std::string since, std::string until, std::string query = {}) {
    auto request = everything(std::move(query));
    request.since = std::move(since);
    request.until = std::move(until);
    return request;
}

// The calendar day of a stored date or date-time.
std::string day_of(const SearchHit& h) { return h.date.substr(0, 10); }

const std::string baghdad = "nf-2025-0414-baghdad-us-embassy-rockets";  // 2025-04-14T02:40:00Z
const std::string tripoli = "nf-2025-0206-tripoli-rockets-embassy";     // 2025-02-06T21:15:00Z

}  // namespace

TEST_F(ApiSearchDate, SinceAndUntilAreInclusiveDays) {
    auto all = search_all();
    auto expected = ids_where(all, [](const SearchHit& h) {
        return !h.date.empty() && day_of(h) >= "2025-01-14" && day_of(h) <= "2025-03-22";
    });
    ASSERT_GE(expected.size(), 3u);
    auto results = search(between("2025-01-14", "2025-03-22"));
    EXPECT_EQ(as_set(ids_of(results)), as_set(expected));
    EXPECT_TRUE(as_set(ids_of(results)).count("nf-2025-0114-sanaa-italian-embassy"));    // first day
    EXPECT_TRUE(as_set(ids_of(results)).count("nf-2025-0322-damascus-jordanian-embassy"));  // last day
}

TEST_F(ApiSearchDate, SinceOnly) {
    auto all = search_all();
    auto expected = ids_where(all, [](const SearchHit& h) { return !h.date.empty() && day_of(h) >= "2025-06-01"; });
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(id_set(between("2025-06-01", "")), as_set(expected));
}

TEST_F(ApiSearchDate, UntilOnlyExcludesUndatedArticles) {
    auto all = search_all();
    auto expected = ids_where(all, [](const SearchHit& h) { return !h.date.empty() && day_of(h) <= "2024-04-02"; });
    ASSERT_FALSE(expected.empty());
    auto results = id_set(between("", "2024-04-02"));
    EXPECT_EQ(results, as_set(expected));
    EXPECT_FALSE(results.count(newsfacet::testing::seed_id));  // the seed has no date
}

TEST_F(ApiSearchDate, SingleDayIncludesDateTimesOnThatDay) {
    EXPECT_EQ(id_set(between("2025-04-14", "2025-04-14")), std::set<std::string>{baghdad});
    EXPECT_EQ(id_set(between("2025-02-06", "2025-02-06")), std::set<std::string>{tripoli});
}

TEST_F(ApiSearchDate, DateTimeBoundsAreExactAndInclusive) {
    EXPECT_TRUE(id_set(between("2025-04-14T02:40:00Z", "")).count(baghdad));
    EXPECT_FALSE(id_set(between("2025-04-14T02:40:01Z", "")).count(baghdad));
    EXPECT_TRUE(id_set(between("", "2025-04-14T02:40:00Z")).count(baghdad));
    EXPECT_FALSE(id_set(between("", "2025-04-14T02:39:59Z")).count(baghdad));
}

TEST_F(ApiSearchDate, DateTimeBoundsWithTimeZoneOffsetAreNormalised) {
    // 05:40 at UTC+3 is 02:40 UTC.
    EXPECT_TRUE(id_set(between("2025-04-14T05:40:00+03:00", "")).count(baghdad));
    EXPECT_FALSE(id_set(between("2025-04-14T05:41:00+03:00", "")).count(baghdad));
    // 23:15 at UTC+2 on the 6th is 21:15 UTC.
    EXPECT_TRUE(id_set(between("", "2025-02-06T23:15:00+02:00")).count(tripoli));
}

// A date-only article is dated from the start of its day: a bound at that day's first
// instant includes it, as the date-only bound does.
TEST_F(ApiSearchDate, SinceMidnightIncludesDateOnlyArticlesOfThatDay) {
    const std::string sanaa = "nf-2025-0114-sanaa-italian-embassy";  // dated 2025-01-14
    ASSERT_TRUE(id_set(between("2025-01-14", "2025-01-14")).count(sanaa));
    EXPECT_TRUE(id_set(between("2025-01-14T00:00:00Z", "2025-01-14")).count(sanaa));
}

TEST_F(ApiSearchDate, DatesCombineWithQueryAndFilters) {
    auto all = search_all("embassy");
    auto expected = ids_where(all, [](const SearchHit& h) {
        return !h.date.empty() && day_of(h) >= "2025-01-01" && day_of(h) <= "2025-12-31";
    });
    ASSERT_FALSE(expected.empty());
    auto results = search(between("2025-01-01", "2025-12-31", "embassy"));
    EXPECT_EQ(ids_of(results), expected);  // same relative order
}

// The forms date: takes in a query: --since a month or year starts at its first day,
// --until one ends with its last second.
TEST_F(ApiSearchDate, MonthsAndYearsAsInTheDateFilter) {
    auto all = search_all();
    auto in_days = [&](const std::string& first, const std::string& last) {
        return as_set(ids_where(all, [&](const SearchHit& h) {
            return !h.date.empty() && day_of(h) >= first && day_of(h) <= last;
        }));
    };
    const auto february_to_april = in_days("2025-02-01", "2025-04-30");
    ASSERT_TRUE(february_to_april.count(tripoli));
    ASSERT_TRUE(february_to_april.count(baghdad));
    EXPECT_EQ(id_set(between("2025-02", "2025-04")), february_to_april);
    EXPECT_EQ(id_set(between("", "", "date:2025-02..2025-04")), february_to_april);
    EXPECT_EQ(id_set(between("2025-04", "2025-04")), in_days("2025-04-01", "2025-04-30"));
    EXPECT_EQ(id_set(between("2025", "")), in_days("2025-01-01", "9999-12-31"));
    EXPECT_EQ(id_set(between("", "2024")), in_days("0000-01-01", "2024-12-31"));
    EXPECT_EQ(id_set(between("2025", "2025")), id_set(between("", "", "date:2025")));
    // Months end on their last day: February 2024 has 29.
    EXPECT_EQ(id_set(between("2024-02", "2024-02")), in_days("2024-02-01", "2024-02-29"));
}

TEST_F(ApiSearchDate, BadMonthsAndYearsAreUsageErrors) {
    for (const std::string bad : {"2024-13", "2024-00", "24-03", "2024-3", "20245", "yesterday"}) {
        EXPECT_THROW((void)search(between(bad, "")), newsfacet::UsageError) << bad;
        EXPECT_THROW((void)search(between("", bad)), newsfacet::UsageError) << bad;
    }
    EXPECT_THROW((void)search(between("2025-04", "2025-03")), newsfacet::UsageError);
    EXPECT_NO_THROW((void)search(between("2025-03", "2025-03-01")));  // the first day of March
}

TEST_F(ApiSearchDate, EmptyRangeMatchesNothing) {
    EXPECT_EQ(search(between("1999-01-01", "1999-12-31")).total, 0u);
}
