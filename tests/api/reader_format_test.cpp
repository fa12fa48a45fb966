// read_articles for each supported format, ids, and directory walking.
#include <gtest/gtest.h>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"
#include "temp_dir.hpp"

using newsfacet::testing::read_all;
using newsfacet::testing::TempDir;

TEST(ApiReaderFormat, TextWithTitleLineAndBlankLine) {
    TempDir dir;
    auto file = dir.write("story.txt", "Embassy struck in Kyiv\n\nMissiles hit the embassy.\n\nSecond paragraph.\n");
    auto read = read_all(file);
    ASSERT_EQ(read.articles.size(), 1u);
    const auto& a = read.articles[0];
    EXPECT_EQ(a.id, "story.txt");
    EXPECT_EQ(a.title, "Embassy struck in Kyiv");
    EXPECT_EQ(a.body, "Missiles hit the embassy.\n\nSecond paragraph.");
    EXPECT_TRUE(read.errors.empty());
    EXPECT_TRUE(read.warnings.empty());
}

TEST(ApiReaderFormat, TextWithoutTitleLineUsesFirstSentence) {
    TempDir dir;
    auto file = dir.write("plain.txt", "Missiles hit the port. Nobody was hurt.\nThe mayor spoke later.\n");
    auto read = read_all(file);
    ASSERT_EQ(read.articles.size(), 1u);
    EXPECT_EQ(read.articles[0].title, "Missiles hit the port.");
    EXPECT_EQ(read.articles[0].body, "Missiles hit the port. Nobody was hurt.\nThe mayor spoke later.");
}

TEST(ApiReaderFormat, TextWithWindowsLineEndings) {
    TempDir dir;
    auto file = dir.write("crlf.txt", "Title here\r\n\r\nBody line one.\r\nBody line two.\r\n");
    auto read = read_all(file);
    ASSERT_EQ(read.articles.size(), 1u);
    EXPECT_EQ(read.articles[0].title, "Title here");
    EXPECT_EQ(read.articles[0].body.find('\r'), std::string::npos);
}

TEST(ApiReaderFormat, MarkdownDropsHeadingMark) {
    TempDir dir;
    auto file = dir.write("feature.md", "# The last consulates of Kharkiv\n\nKharkiv once hosted consulates.\n");
    auto read = read_all(file);
    ASSERT_EQ(read.articles.size(), 1u);
    EXPECT_EQ(read.articles[0].id, "feature.md");
    EXPECT_EQ(read.articles[0].title, "The last consulates of Kharkiv");
    EXPECT_EQ(read.articles[0].body, "Kharkiv once hosted consulates.");
}

TEST(ApiReaderFormat, HashInTextFileIsKept) {
    TempDir dir;
    auto file = dir.write("hash.txt", "# Not a heading\n\nBody.\n");
    auto read = read_all(file);
    ASSERT_EQ(read.articles.size(), 1u);
    EXPECT_EQ(read.articles[0].title, "# Not a heading");
}

TEST(ApiReaderFormat, JsonObjectWithAllFields) {
    TempDir dir;
    auto file = dir.write("one.json", R"({"id": "nf-1", "title": "T", "body": "B text.", "date": "2025-02-06T23:15:00+02:00",
        "dateline": "TRIPOLI, Feb 6", "source": "Meridian Wire", "url": "https://example.org/1"})");
    auto read = read_all(file);
    ASSERT_EQ(read.articles.size(), 1u);
    const auto& a = read.articles[0];
    EXPECT_EQ(a.id, "nf-1");
    EXPECT_EQ(a.title, "T");
    EXPECT_EQ(a.body, "B text.");
    EXPECT_EQ(a.date, "2025-02-06T21:15:00Z");  // normalised to UTC
    EXPECT_EQ(a.dateline, "TRIPOLI, Feb 6");
    EXPECT_EQ(a.source, "Meridian Wire");
    EXPECT_EQ(a.url, "https://example.org/1");
}

TEST(ApiReaderFormat, JsonObjectWithoutIdUsesFileName) {
    TempDir dir;
    auto file = dir.write("noid.json", R"({"title": "T", "body": "B"})");
    auto read = read_all(file);
    ASSERT_EQ(read.articles.size(), 1u);
    EXPECT_EQ(read.articles[0].id, "noid.json");
}

TEST(ApiReaderFormat, JsonArrayOfArticles) {
    TempDir dir;
    auto file = dir.write("many.json", R"([{"id": "x", "title": "X", "body": "x body"},
        {"title": "Y", "text": "y body"}, {"title": "Z", "body": "z body"}])");
    auto read = read_all(file);
    ASSERT_EQ(read.articles.size(), 3u);
    EXPECT_EQ(read.articles[0].id, "x");
    EXPECT_EQ(read.articles[1].body, "y body");  // "text" is accepted for the body
    // Items without an id get distinct ids derived from the file name.
    EXPECT_NE(read.articles[1].id, read.articles[2].id);
    EXPECT_EQ(read.articles[1].id.rfind("many.json", 0), 0u) << read.articles[1].id;
    EXPECT_EQ(read.articles[2].id.rfind("many.json", 0), 0u) << read.articles[2].id;
}

TEST(ApiReaderFormat, JsonLinesIdsAndTextField) {
    TempDir dir;
    auto file = dir.write("feed.jsonl",
                          "{\"id\": \"first\", \"title\": \"One\", \"body\": \"one body\"}\n"
                          "{\"title\": \"Two\", \"text\": \"two body\"}\n"
                          "\n"
                          "{\"title\": \"Four\", \"body\": \"four body\", \"date\": \"2024-03-04\"}\n");
    auto read = read_all(file);
    EXPECT_TRUE(read.errors.empty());
    ASSERT_EQ(read.articles.size(), 3u);
    EXPECT_EQ(read.articles[0].id, "first");
    EXPECT_EQ(read.articles[1].id, "feed.jsonl#2");
    EXPECT_EQ(read.articles[1].body, "two body");
    EXPECT_EQ(read.articles[2].id, "feed.jsonl#4");  // the line number, blank lines counted
    EXPECT_EQ(read.articles[2].date, "2024-03-04");
}

TEST(ApiReaderFormat, NumericIdIsAccepted) {
    TempDir dir;
    auto file = dir.write("num.jsonl", "{\"id\": 42, \"title\": \"T\", \"body\": \"B\"}\n");
    auto read = read_all(file);
    ASSERT_EQ(read.articles.size(), 1u);
    EXPECT_EQ(read.articles[0].id, "42");
}

TEST(ApiReaderFormat, DirectoryIdsAreRelativePaths) {
    TempDir dir;
    dir.write("in/top.txt", "Top\n\nTop body.\n");
    dir.write("in/sub/deep.md", "# Deep\n\nDeep body.\n");
    dir.write("in/sub/feed.jsonl", "{\"title\": \"L\", \"body\": \"line body\"}\n");
    auto read = read_all(dir / "in");
    EXPECT_TRUE(read.errors.empty());
    auto ids = read.ids();
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"sub/deep.md", "sub/feed.jsonl#1", "top.txt"}));
}

TEST(ApiReaderFormat, DirectorySkipsReadmeHiddenAndOtherTypes) {
    TempDir dir;
    dir.write("in/article.txt", "Kept\n\nKept body.\n");
    dir.write("in/README.md", "# Readme\n\nNot an article.\n");
    dir.write("in/sub/readme.txt", "Readme\n\nNot an article either.\n");
    dir.write("in/LICENSE.txt", "License\n\nNot an article.\n");
    dir.write("in/.hidden.txt", "Hidden\n\nNot an article.\n");
    dir.write("in/.git/objects.json", R"({"title": "Hidden dir", "body": "no"})");
    dir.write("in/image.png", "not text");
    dir.write("in/notes.csv", "a,b\n");
    auto read = read_all(dir / "in");
    EXPECT_EQ(read.ids(), std::vector<std::string>{"article.txt"});
    EXPECT_TRUE(read.errors.empty());  // skipped silently inside a directory
}

TEST(ApiReaderFormat, DirectoryIsReadInSortedOrder) {
    TempDir dir;
    dir.write("in/c.txt", "C\n\nc.\n");
    dir.write("in/a.txt", "A\n\na.\n");
    dir.write("in/b/z.txt", "Z\n\nz.\n");
    auto read = read_all(dir / "in");
    EXPECT_EQ(read.ids(), (std::vector<std::string>{"a.txt", "b/z.txt", "c.txt"}));
}

TEST(ApiReaderFormat, CorpusArticlesIsWhatTheReaderFinds) {
    auto read = read_all(newsfacet::testing::corpus_dir());
    EXPECT_TRUE(read.errors.empty());
    EXPECT_EQ(read.articles.size(), newsfacet::testing::corpus_articles);
    EXPECT_NE(read.find(newsfacet::testing::seed_id), nullptr);
    EXPECT_NE(read.find("features/kharkiv-consulates.md"), nullptr);
    EXPECT_NE(read.find("wire.jsonl#3"), nullptr);
    EXPECT_NE(read.find("nf-2024-0109-kharkiv-power-plant"), nullptr);
    EXPECT_EQ(read.find("README.md"), nullptr);
}

TEST(ApiReaderFormat, BomIsDropped) {
    TempDir dir;
    auto file = dir.write("bom.txt", "\xEF\xBB\xBFTitle\n\nBody.\n");
    auto read = read_all(file);
    ASSERT_EQ(read.articles.size(), 1u);
    EXPECT_EQ(read.articles[0].title, "Title");
    EXPECT_TRUE(read.warnings.empty());
}

TEST(ApiReaderFormat, ParseTextArticleDirectly) {
    auto a = newsfacet::parse_text_article("# Head\n\nBody.", "x.md", true);
    EXPECT_EQ(a.id, "x.md");
    EXPECT_EQ(a.title, "Head");
    EXPECT_EQ(a.body, "Body.");
}

TEST(ApiReaderFormat, NormalizeDate) {
    EXPECT_EQ(newsfacet::normalize_date("2024-03-04"), "2024-03-04");
    EXPECT_EQ(newsfacet::normalize_date("2024-03-04T10:30:00Z"), "2024-03-04T10:30:00Z");
    EXPECT_EQ(newsfacet::normalize_date("2024-03-04T10:30Z"), "2024-03-04T10:30:00Z");
    EXPECT_EQ(newsfacet::normalize_date("2024-03-04T01:30:00+02:00"), "2024-03-03T23:30:00Z");
    EXPECT_EQ(newsfacet::normalize_date("2024-03-04 10:30:00.123-01:00"), "2024-03-04T11:30:00Z");
}

TEST(ApiReaderFormat, InvalidDateIsAWarningAndTheArticleIsKept) {
    TempDir dir;
    auto file = dir.write("feed.jsonl",
                          "{\"id\": \"ok\", \"title\": \"T\", \"body\": \"B\", \"date\": \"2024-03-04\"}\n"
                          "{\"id\": \"bad-date\", \"title\": \"T\", \"body\": \"B\", \"date\": \"last Tuesday\"}\n");
    auto read = read_all(file);
    EXPECT_TRUE(read.errors.empty());
    ASSERT_EQ(read.articles.size(), 2u);
    EXPECT_EQ(read.articles[1].id, "bad-date");
    EXPECT_EQ(read.articles[1].date, "");
    ASSERT_EQ(read.warnings.size(), 1u);
    EXPECT_NE(read.warnings[0].find("feed.jsonl"), std::string::npos) << read.warnings[0];
    EXPECT_NE(read.warnings[0].find("line 2"), std::string::npos) << read.warnings[0];
    EXPECT_NE(read.warnings[0].find("last Tuesday"), std::string::npos) << read.warnings[0];
}
