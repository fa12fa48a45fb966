#include <newsfacet/reader.hpp>

#include <gtest/gtest.h>

#include <newsfacet/error.hpp>

using newsfacet::normalize_date;
using newsfacet::parse_text_article;

TEST(ReaderText, TitleLineFollowedByBlankLine) {
    auto a = parse_text_article("Headline here\n\nFirst paragraph.\n\nSecond.", "a.txt", false);
    EXPECT_EQ(a.id, "a.txt");
    EXPECT_EQ(a.title, "Headline here");
    EXPECT_EQ(a.body, "First paragraph.\n\nSecond.");
}

TEST(ReaderText, WithoutBlankLineTitleIsFirstSentence) {
    auto a = parse_text_article("Missiles hit the port. Nobody was hurt.\nMore text.", "b.txt", false);
    EXPECT_EQ(a.title, "Missiles hit the port.");
    EXPECT_EQ(a.body, "Missiles hit the port. Nobody was hurt.\nMore text.");
}

TEST(ReaderText, MarkdownHeadingMarkIsDropped) {
    auto a = parse_text_article("# The last consulates\n\nBody text.", "c.md", true);
    EXPECT_EQ(a.title, "The last consulates");
    auto b = parse_text_article("# Not markdown\n\nBody text.", "c.txt", false);
    EXPECT_EQ(b.title, "# Not markdown");
}

TEST(ReaderText, WindowsLineEndings) {
    auto a = parse_text_article("Title\r\n\r\nBody line.\r\n", "d.txt", false);
    EXPECT_EQ(a.title, "Title");
    EXPECT_EQ(a.body, "Body line.");
}

TEST(ReaderDecode, ValidUtf8IsUnchangedAndBomDropped) {
    std::size_t bad = 42;
    EXPECT_EQ(newsfacet::decode_text("\xEF\xBB\xBFKyiv", bad), "Kyiv");
    EXPECT_EQ(bad, 42u);
}

TEST(ReaderDecode, Latin1ReportsFirstBadByte) {
    std::size_t bad = 0;
    EXPECT_EQ(newsfacet::decode_text("Cura\xE7" "ao", bad), "Cura\xC3\xA7" "ao");
    EXPECT_EQ(bad, 4u);
}

TEST(ReaderDate, AcceptsIsoDatesAndDateTimes) {
    EXPECT_EQ(normalize_date("2024-03-04"), "2024-03-04");
    EXPECT_EQ(normalize_date("2024-03-04T10:30:00Z"), "2024-03-04T10:30:00Z");
    EXPECT_EQ(normalize_date("2024-03-04T10:30Z"), "2024-03-04T10:30:00Z");
    EXPECT_EQ(normalize_date("2024-03-04T01:30:00+02:00"), "2024-03-03T23:30:00Z");
    EXPECT_EQ(normalize_date("2024-12-31T23:00:00-05:00"), "2025-01-01T04:00:00Z");
    EXPECT_EQ(normalize_date("2024-03-04 10:30:15.250"), "2024-03-04T10:30:15Z");
}

TEST(ReaderDate, RejectsOtherForms) {
    for (const char* bad : {"", "2024", "2024-13-01", "2023-02-29", "04/03/2024", "2024-03-04T25:00",
                            "2024-03-04Tnoon", "2024-03-04T10:30:00+2"}) {
        EXPECT_THROW((void)normalize_date(bad), newsfacet::UsageError) << bad;
    }
}
