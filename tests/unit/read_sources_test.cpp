// Telling an input's format by its first bytes, and JSON objects of common dumps as articles.
#include <gtest/gtest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "read/formats.hpp"
#include "read/json_article.hpp"

using newsfacet::InputFormat;
using newsfacet::ReadOptions;
using newsfacet::detail::article_from_json;
using newsfacet::detail::sniff_format;
using nlohmann::json;

TEST(ReadSniff, JsonLinesNeedAWholeFirstObjectAndAnotherLine) {
    EXPECT_EQ(sniff_format("{\"title\": \"a\"}\n{\"title\": \"b\"}\n"), InputFormat::jsonl);
    EXPECT_EQ(sniff_format("\xEF\xBB\xBF  \n{\"title\": \"a\"}\n{\"title\": \"b\"}"), InputFormat::jsonl);
    // One object on one line, or spread over lines: one JSON document.
    EXPECT_EQ(sniff_format("{\"title\": \"a\"}\n"), InputFormat::json);
    EXPECT_EQ(sniff_format("{\n  \"title\": \"a\"\n}\n"), InputFormat::json);
    EXPECT_EQ(sniff_format("[{\"title\": \"a\"}]"), InputFormat::json);
}

TEST(ReadSniff, TextMarkupAndBinaryAreNotJson) {
    EXPECT_EQ(sniff_format("Embassy struck\n\nBody."), InputFormat::automatic);
    EXPECT_EQ(sniff_format("<p>{}</p>"), InputFormat::automatic);
    EXPECT_EQ(sniff_format("<html><body>{}</body></html>"), InputFormat::html);
    EXPECT_EQ(sniff_format(std::string("{\0\0", 3)), InputFormat::automatic);
    EXPECT_EQ(sniff_format(""), InputFormat::automatic);
    EXPECT_EQ(sniff_format(" \n\t"), InputFormat::automatic);
}

TEST(ReadSniff, PrefixLeavesTheStreamReadableFromThere) {
    std::istringstream in("abcdef");
    EXPECT_EQ(newsfacet::detail::read_prefix(in, 4), "abcd");
    EXPECT_EQ(newsfacet::detail::read_prefix(in, 10), "ef");
    EXPECT_EQ(newsfacet::detail::read_prefix(in, 10), "");
    EXPECT_FALSE(in.bad());
}

namespace {

newsfacet::Article read_ok(const json& j, const ReadOptions& options = {}) {
    auto r = article_from_json(j, options, "file#1");
    EXPECT_TRUE(r.article) << r.error;
    return r.article.value_or(newsfacet::Article{});
}

}  // namespace

TEST(ReadJsonArticle, NewsPleaseFieldsAreUnderstood) {
    auto a = read_ok(json::parse(R"({"title": "Port shelled", "maintext": "Shells hit the port.",
        "description": "A summary.", "date_publish": "2024-03-04 10:30:00", "date_download": "2024-05-01 00:00:00",
        "source_domain": "example.com", "url": "https://example.com/a", "language": "EN"})"));
    EXPECT_EQ(a.body, "Shells hit the port.");  // the full text, not the summary
    EXPECT_EQ(a.language, "en");
    EXPECT_EQ(a.date, "2024-03-04T10:30:00Z");  // published, not downloaded
    EXPECT_EQ(a.source, "example.com");
    EXPECT_EQ(a.id, "https://example.com/a");
}

TEST(ReadJsonArticle, LanguageUnderOtherNamesAndNotATag) {
    EXPECT_EQ(read_ok(json::parse(R"({"title": "t", "inLanguage": "pt_br"})")).language, "pt-BR");
    EXPECT_EQ(read_ok(json::parse(R"({"title": "t", "lang": "de"})")).language, "de");
    EXPECT_EQ(read_ok(json::parse(R"({"title": "t", "language": "English"})")).language, "");
    EXPECT_EQ(read_ok(json::parse(R"({"title": "t"})")).language, "");
}

TEST(ReadJsonArticle, OtherCommonNamesAndShapes) {
    auto a = read_ok(json::parse(R"({"headline": "H", "content": ["First.", "Second."], "published_at": 1700000000,
        "source": {"id": null, "name": "Wire"}, "link": "HTTP://Example.org"})"));
    EXPECT_EQ(a.title, "H");
    EXPECT_EQ(a.body, "First.\n\nSecond.");
    EXPECT_EQ(a.date, "2023-11-14T22:13:20Z");
    EXPECT_EQ(a.source, "Wire");
    EXPECT_EQ(a.url, "HTTP://Example.org");  // kept as given; the id is normalised
    EXPECT_EQ(a.id, "http://example.org/");
    EXPECT_EQ(read_ok(json::parse(R"({"title": "t", "datePublished": 1700000000123})")).date, "2023-11-14T22:13:20Z");
}

TEST(ReadJsonArticle, OwnKeysWinOverOtherNamesAndASummaryIsOnlyAFallback) {
    auto a = read_ok(json::parse(R"({"id": "x", "body": "Own body.", "text": "Other.", "url": "https://e.org/a"})"));
    EXPECT_EQ(a.body, "Own body.");
    EXPECT_EQ(a.id, "x");  // an explicit id is never replaced by the URL
    EXPECT_EQ(read_ok(json::parse(R"({"title": "t", "body": "", "text": "Fallback."})")).body, "Fallback.");
    EXPECT_EQ(read_ok(json::parse(R"({"title": "t", "summary": "Only a summary."})")).body, "Only a summary.");
}

TEST(ReadJsonArticle, WrongTypesFailUnderOwnKeysAndAreSkippedUnderOtherNames) {
    auto bad = article_from_json(json::parse(R"({"title": 3, "body": "b"})"), {}, "f");
    EXPECT_FALSE(bad.article);
    EXPECT_NE(bad.error.find("'title' must be a string"), std::string::npos) << bad.error;
    auto skipped = read_ok(json::parse(R"({"title": "t", "content": {"html": "x"}, "text": "Plain."})"));
    EXPECT_EQ(skipped.body, "Plain.");
    EXPECT_EQ(read_ok(json::parse(R"({"title": "t", "publisher": {"url": "x"}})")).source, "");
}

TEST(ReadJsonArticle, MappedKeysOverrideAndReadNestedObjects) {
    ReadOptions options;
    options.fields = {newsfacet::parse_field_mapping("body=story.text"), newsfacet::parse_field_mapping("title=hed")};
    auto a = read_ok(json::parse(R"({"hed": "Mapped", "title": "Ignored", "text": "Ignored too",
        "story": {"text": "Nested body."}})"),
                     options);
    EXPECT_EQ(a.title, "Mapped");
    EXPECT_EQ(a.body, "Nested body.");
    // A mapped key that is missing leaves the field empty (its usual names are not used).
    auto none = article_from_json(json::parse(R"({"text": "Ignored"})"), options, "f");
    EXPECT_FALSE(none.article);
    auto wrong = article_from_json(json::parse(R"({"hed": "t", "story": {"text": 5}})"), options, "f");
    EXPECT_NE(wrong.error.find("'story.text' must be a string"), std::string::npos) << wrong.error;
}

TEST(ReadJsonArticle, DatesThatAreNoneWarnAndTheArticleStays) {
    auto r = article_from_json(json::parse(R"({"title": "t", "published": "last Tuesday"})"), {}, "f");
    ASSERT_TRUE(r.article);
    EXPECT_EQ(r.article->date, "");
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_NE(r.warnings[0].find("last Tuesday"), std::string::npos);
    EXPECT_EQ(read_ok(json::parse(R"({"title": "t", "date": 1e300})")).date, "");
    auto feed = article_from_json(json::parse(R"({"title": "t", "pubDate": "Tue, 10 Jun 2003 04:00:00 GMT"})"), {}, "f");
    EXPECT_EQ(feed.article->date, "2003-06-10T04:00:00Z");
    EXPECT_TRUE(feed.warnings.empty());
}

TEST(ReadJsonArticle, ObjectsWithoutIdOrUrlKeepTheDefaultId) {
    EXPECT_EQ(read_ok(json::parse(R"({"title": "t"})")).id, "file#1");
    EXPECT_EQ(read_ok(json::parse(R"({"title": "t", "url": "  "})")).id, "file#1");
    EXPECT_FALSE(article_from_json(json::parse("[1]"), {}, "f").article);
    EXPECT_FALSE(article_from_json(json::parse(R"({"url": "https://e.org/"})"), {}, "f").article);
}
