// read_articles and ingest over web archives (WARC): the HTML pages they hold become
// articles, other records are counted as skipped, damaged files give one error each.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"
#include "temp_dir.hpp"

using newsfacet::testing::read_all;
using newsfacet::testing::TempDir;

namespace {

const std::filesystem::path fixture = std::filesystem::path(NEWSFACET_SOURCE_DIR) / "tests/data/warc/news.warc";

std::string fixture_bytes() {
    std::ifstream in(fixture, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

const std::map<std::string, std::uint64_t> fixture_skipped = {
    {"warcinfo", 1}, {"request", 1}, {"metadata", 1}, {"HTTP 4xx", 1},
    {"not HTML", 1}, {"HTTP 3xx", 1}, {"revisit", 1}};

std::map<std::string, std::uint64_t> skipped_reading(const std::filesystem::path& path,
                                                     const newsfacet::ReadOptions& options = {}) {
    std::map<std::string, std::uint64_t> skipped;
    newsfacet::ReadHandler handler;
    handler.on_skipped = [&](std::string_view kind) { ++skipped[std::string(kind)]; };
    newsfacet::read_articles(path, handler, options);
    return skipped;
}

}  // namespace

TEST(ApiReaderWarc, HtmlResponsesAndResourcesBecomeArticles) {
    auto read = read_all(fixture);
    EXPECT_TRUE(read.errors.empty());
    EXPECT_TRUE(read.warnings.empty()) << read.warnings.front();
    ASSERT_EQ(read.articles.size(), 2u);
    // A chunked, gzipped Windows-1252 page whose charset only the HTTP header names.
    const auto* harbour = read.find("https://news.example.com/world/harbour-reopens");
    ASSERT_NE(harbour, nullptr);
    EXPECT_EQ(harbour->title, "Le port de Brest rouvre apr\xC3\xA8s la temp\xC3\xAA" "te");
    EXPECT_NE(harbour->body.find("d\xC3\xA9g\xC3\xA2ts"), std::string::npos);
    EXPECT_EQ(harbour->body.find("Accueil"), std::string::npos);  // navigation left out
    EXPECT_EQ(harbour->url, "https://News.Example.com/world/harbour-reopens?utm_source=rss");
    EXPECT_EQ(harbour->source, "Example News");
    // Crawled on 2024-05-07 (WARC-Date), which says nothing of when it was published.
    EXPECT_EQ(harbour->date, "");
    // A WARC/1.0 resource record: its own publication date, not the crawl's (2024-05-09).
    const auto* ferry = read.find("http://news.example.com/2024/05/03/ferry-strike.html");
    ASSERT_NE(ferry, nullptr);
    EXPECT_EQ(ferry->date, "2024-05-03");
    EXPECT_EQ(ferry->title, "Ferry strike ends after four days");
}

TEST(ApiReaderWarc, OtherRecordsAreCountedNotErrors) {
    EXPECT_EQ(skipped_reading(fixture), fixture_skipped);
}

TEST(ApiReaderWarc, ToldByItsFirstBytesAndByFormat) {
    TempDir dir;
    dir.write("crawl/CC-NEWS-20240507-00000", fixture_bytes());
    dir.write("crawl/notes.dat", fixture_bytes());
    // In a walk: sniffed ("WARC/1.").
    auto walked = read_all(dir / "crawl");
    EXPECT_TRUE(walked.errors.empty());
    EXPECT_EQ(walked.articles.size(), 4u);
    // Named directly: sniffed, or as --format says.
    EXPECT_EQ(read_all(dir / "crawl/CC-NEWS-20240507-00000").articles.size(), 2u);
    newsfacet::ReadOptions options;
    options.format = newsfacet::parse_input_format("WARC");
    EXPECT_EQ(read_all(dir / "crawl/notes.dat", options).articles.size(), 2u);
    EXPECT_EQ(skipped_reading(dir / "crawl/notes.dat", options), fixture_skipped);
}

TEST(ApiReaderWarc, InputBytesCountTheWholeFile) {
    std::uint64_t bytes = 0;
    newsfacet::ReadHandler handler;
    handler.on_bytes = [&](std::uint64_t n) { bytes += n; };
    newsfacet::read_articles(fixture, handler);
    EXPECT_EQ(bytes, std::filesystem::file_size(fixture));
}

TEST(ApiReaderWarc, TruncatedFileGivesOneErrorAndKeepsWhatCameBefore) {
    TempDir dir;
    auto bytes = fixture_bytes();
    // Cut inside the last record (the resource), after the harbour page.
    auto file = dir.write("cut.warc", bytes.substr(0, bytes.size() - 120));
    auto read = read_all(file);
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_NE(std::string(read.errors[0].what()).find("truncated"), std::string::npos) << read.errors[0].what();
    EXPECT_NE(std::string(read.errors[0].what()).find("ferry-strike"), std::string::npos) << read.errors[0].what();
    ASSERT_EQ(read.articles.size(), 1u);
    EXPECT_EQ(read.articles[0].id, "https://news.example.com/world/harbour-reopens");
}

TEST(ApiReaderWarc, EmptyOrGarbageFileIsOneError) {
    TempDir dir;
    EXPECT_EQ(read_all(dir.write("empty.warc", "")).errors.size(), 1u);
    auto garbage = read_all(dir.write("garbage.warc", "not\na web\narchive\n"));
    ASSERT_EQ(garbage.errors.size(), 1u);
    EXPECT_NE(std::string(garbage.errors[0].what()).find("garbage"), std::string::npos);
}

TEST(ApiReaderWarc, IngestCountsSkippedRecords) {
    TempDir dir;
    auto index = newsfacet::Index::create_or_open(dir / "index");
    auto stats = newsfacet::ingest(index, {fixture});
    EXPECT_EQ(stats.added, 2u);
    EXPECT_EQ(stats.failed, 0u);
    EXPECT_EQ(stats.warnings, 0u);
    EXPECT_EQ(stats.skipped, fixture_skipped);
    // Again: unchanged, and skipped again the same way.
    auto again = newsfacet::ingest(index, {fixture});
    EXPECT_EQ(again.unchanged, 2u);
    EXPECT_EQ(again.skipped, fixture_skipped);
}

TEST(ApiReaderWarc, ShardedIngestCountsSkippedRecordsOnce) {
    TempDir dir;
    auto stats = newsfacet::ingest_sharded(dir / "sharded", 2, {fixture});
    EXPECT_EQ(stats.added, 2u);
    EXPECT_EQ(stats.skipped, fixture_skipped);
}

TEST(ApiReaderWarc, GzipMemberPerRecordAsCommonCrawlWritesIt) {
    // Four records, each its own gzip member: warcinfo, request, a chunked and gzipped HTML
    // response, an image.
    const auto gz = fixture.parent_path() / "news.warc.gz";
    auto read = read_all(gz);
    EXPECT_TRUE(read.errors.empty()) << read.errors.front().what();
    EXPECT_TRUE(read.warnings.empty()) << read.warnings.front();
    ASSERT_EQ(read.articles.size(), 1u);
    EXPECT_EQ(read.articles[0].id, "https://news.example.com/world/harbour-reopens");
    EXPECT_EQ(read.articles[0].date, "");
    EXPECT_EQ(skipped_reading(gz), (std::map<std::string, std::uint64_t>{{"warcinfo", 1}, {"request", 1}, {"not HTML", 1}}));
    // Sniffed as gzip, then as WARC, whatever its name.
    TempDir dir;
    std::filesystem::copy_file(gz, dir / "CC-NEWS-00000");
    EXPECT_EQ(read_all(dir / "CC-NEWS-00000").articles.size(), 1u);
    // Cut inside the last member: one error for the file. (The page before the cut is not
    // kept here: the decompressor hands data on in blocks of 64 KiB and this file is smaller;
    // ApiReaderArchive.ATruncatedFileIsReadAsFarAsItGoesThenOneError shows a longer file.)
    std::ifstream in(gz, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    auto cut = read_all(dir.write("cut.warc.gz", bytes.str().substr(0, bytes.str().size() - 40)));
    ASSERT_EQ(cut.errors.size(), 1u);
    EXPECT_NE(std::string(cut.errors[0].what()).find("damaged"), std::string::npos) << cut.errors[0].what();
    EXPECT_LE(cut.articles.size(), 1u);
}
