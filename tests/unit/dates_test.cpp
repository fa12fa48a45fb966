// The date module: normalising, spans of years, months and days as date keys, months and years.
#include <gtest/gtest.h>

#include <newsfacet/error.hpp>
#include <newsfacet/reader.hpp>

#include "text/dates.hpp"

using newsfacet::detail::date_key;
using newsfacet::detail::date_key_range;
using newsfacet::detail::date_span;
using newsfacet::detail::month_of;
using newsfacet::detail::normalize_date;
using newsfacet::detail::year_of;

TEST(Dates, NormaliseIsThePublicFunction) {
    for (const char* text : {"2024-03-04", "2024-03-04T10:30Z", "2024-03-04T01:30:00+02:00", "2024-02-29 23:59:60"}) {
        EXPECT_EQ(normalize_date(text), newsfacet::normalize_date(text)) << text;
    }
    EXPECT_EQ(normalize_date("2024-03-04T01:30:00+02:00"), "2024-03-03T23:30:00Z");
    EXPECT_THROW((void)normalize_date("2023-02-29"), newsfacet::UsageError);
    EXPECT_THROW((void)normalize_date("2024-03"), newsfacet::UsageError);  // a span, not a date
}

TEST(Dates, KeysOfDatesAndDateTimes) {
    EXPECT_EQ(date_key("2024-03-04", false), "2024-03-04T00:00:00Z");
    EXPECT_EQ(date_key("2024-03-04", true), "2024-03-04T23:59:59Z");
    EXPECT_EQ(date_key("2024-03-04T10:30:00Z", true), "2024-03-04T10:30:00Z");
    EXPECT_EQ(date_key("", false), "");
}

TEST(Dates, SpansOfYearsMonthsDaysAndInstants) {
    auto year = date_span("2024");
    EXPECT_EQ(year.first, "2024-01-01T00:00:00Z");
    EXPECT_EQ(year.last, "2024-12-31T23:59:59Z");
    auto leap = date_span("2024-02");
    EXPECT_EQ(leap.first, "2024-02-01T00:00:00Z");
    EXPECT_EQ(leap.last, "2024-02-29T23:59:59Z");
    EXPECT_EQ(date_span("2023-02").last, "2023-02-28T23:59:59Z");
    EXPECT_EQ(date_span("2024-04").last, "2024-04-30T23:59:59Z");
    EXPECT_EQ(date_span("2024-12").last, "2024-12-31T23:59:59Z");
    auto day = date_span("2024-03-04");
    EXPECT_EQ(day.first, "2024-03-04T00:00:00Z");
    EXPECT_EQ(day.last, "2024-03-04T23:59:59Z");
    auto instant = date_span("2024-03-04T05:40:00+03:00");
    EXPECT_EQ(instant.first, "2024-03-04T02:40:00Z");
    EXPECT_EQ(instant.last, instant.first);
}

TEST(Dates, BadSpansNameTheText) {
    for (const char* bad : {"", "202", "20245", "2024-13", "2024-00", "2024-3", "24-03-04", "2024/03", "yesterday",
                            "2024-02-30", "2024-03-04T25:00"}) {
        try {
            (void)date_span(bad);
            ADD_FAILURE() << "accepted: " << bad;
        } catch (const newsfacet::UsageError& e) {
            EXPECT_NE(std::string(e.what()).find(std::string("'") + bad + "'"), std::string::npos) << e.what();
        }
    }
}

TEST(Dates, RangesWithOpenEnds) {
    auto both = date_key_range("2024-03", "2024");
    EXPECT_EQ(both.first, "2024-03-01T00:00:00Z");
    EXPECT_EQ(both.last, "2024-12-31T23:59:59Z");
    auto open = date_key_range("", "");
    EXPECT_EQ(open.first, "");
    EXPECT_EQ(open.last, "\xff");
    EXPECT_GT(open.last, std::string("9999-12-31T23:59:59Z"));  // as bytes, above every date
    auto reversed = date_key_range("2025", "2024-06");
    EXPECT_GT(reversed.first, reversed.last);
}

TEST(Dates, MonthsAndYearsOfDates) {
    EXPECT_EQ(month_of("2024-03-04T10:30:00Z"), "2024-03");
    EXPECT_EQ(month_of("2024-03-04"), "2024-03");
    EXPECT_EQ(month_of("2024-03"), "2024-03");
    EXPECT_EQ(month_of("2024"), "");
    EXPECT_EQ(month_of(""), "");
    EXPECT_EQ(year_of("2024-03-04"), 2024);
    EXPECT_EQ(year_of("0999-01-01"), 999);
    EXPECT_EQ(year_of("202"), 0);
    EXPECT_EQ(year_of(""), 0);
}

TEST(Rfc822Date, FeedDatesBecomeUtc) {
    using newsfacet::detail::rfc822_date;
    EXPECT_EQ(rfc822_date("Tue, 10 Jun 2003 04:00:00 GMT"), "2003-06-10T04:00:00Z");
    EXPECT_EQ(rfc822_date("Mon, 4 Mar 2024 23:30:00 EST"), "2024-03-05T04:30:00Z");
    EXPECT_EQ(rfc822_date("4 Mar 2024 10:30 +0200"), "2024-03-04T08:30:00Z");
    EXPECT_EQ(rfc822_date("Sat, 01 Jan 00 00:00:00 -0130"), "2000-01-01T01:30:00Z");
    EXPECT_EQ(rfc822_date("01 Jan 99 12:00:00 UT"), "1999-01-01T12:00:00Z");
    EXPECT_EQ(rfc822_date("Thu, 29 Feb 2024 12:00:00"), "2024-02-29T12:00:00Z");  // no zone: UTC
}

TEST(Rfc822Date, OtherFormsAreNone) {
    using newsfacet::detail::rfc822_date;
    for (const char* bad : {"", "2024-03-04", "Jun 10 2003 04:00:00 GMT", "31 Feb 2024 10:00 GMT", "10 Jun 2003",
                            "10 Jun 2003 25:00 GMT", "10 Jun 2003 04:00 XYZ", "10 Foo 2003 04:00 GMT",
                            "10 Jun 2003 04:00 +2400x", "Tue, 10 Jun 2003 04:00:00 GMT extra words"}) {
        EXPECT_EQ(rfc822_date(bad), "") << bad;
    }
}
