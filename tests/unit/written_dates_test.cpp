// Dates as pages write them for readers (text/written_dates).
#include "text/written_dates.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using newsfacet::detail::written_days;
using Days = std::vector<std::string>;

TEST(WrittenDays, NumericForms) {
    EXPECT_EQ(written_days("2020-02-26"), Days{"2020-02-26"});
    EXPECT_EQ(written_days("am 2020/2/6 um 10:00"), Days{"2020-02-06"});
    EXPECT_EQ(written_days("Bonn,\xC2\xA0" "11.10.2021"), Days{"2021-10-11"});
    EXPECT_EQ(written_days("Donnerstag, 15.2.2018, 19:51"), Days{"2018-02-15"});
    EXPECT_EQ(written_days("26.02.2020 and 2020.03.01"), (Days{"2020-02-26", "2020-03-01"}));
    // Ambiguous, short or impossible: none.
    for (const char* text : {"3/4/2024", "03-04-2024", "11.10.21", "31.06.2020", "2020-13-01", "1899-01-01",
                             "2100-01-01", "12.2020", "2020-02", "2020-2-"}) {
        EXPECT_TRUE(written_days(text).empty()) << text;
    }
}

TEST(WrittenDays, MonthNamesInSevenLanguages) {
    EXPECT_EQ(written_days("26 September 2020"), Days{"2020-09-26"});
    EXPECT_EQ(written_days("Published: November 9, 2023 3:02am EST"), Days{"2023-11-09"});
    EXPECT_EQ(written_days("Feb. 8, 2020"), Days{"2020-02-08"});
    EXPECT_EQ(written_days("Sept 8th, 2020"), Days{"2020-09-08"});
    EXPECT_EQ(written_days("04. Februar 2022"), Days{"2022-02-04"});
    EXPECT_EQ(written_days("6. März 2021"), Days{"2021-03-06"});
    EXPECT_EQ(written_days("27 juin 2019"), Days{"2019-06-27"});
    EXPECT_EQ(written_days("1er août 2020"), Days{"2020-08-01"});
    EXPECT_EQ(written_days("25 de septiembre de 2020"), Days{"2020-09-25"});
    EXPECT_EQ(written_days("25 de setembro de 2020"), Days{"2020-09-25"});
    EXPECT_EQ(written_days("8 novembre 2023"), Days{"2023-11-08"});
    EXPECT_EQ(written_days("8 maart 2023"), Days{"2023-03-08"});
    EXPECT_EQ(written_days("MARCH 3, 1987"), Days{"1987-03-03"});
}

TEST(WrittenDays, NotDates) {
    for (const char* text : {"May 2020", "in March, 2020 was", "8 November", "November 2023", "the 31 June 2020 one",
                             "season 2020-2021", "Nov 8, 2020-21", "5 mayors 2020", "twenty May 2020"}) {
        EXPECT_TRUE(written_days(text).empty()) << text;
    }
}
