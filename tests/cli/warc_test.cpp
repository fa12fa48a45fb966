// newsfacet-index over web archives (WARC): indexing, --dump, standard input, the skipped
// records in the summary, and a damaged file.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

using namespace newsfacet::testing;

namespace {

const std::string fixture = std::string(NEWSFACET_SOURCE_DIR) + "/tests/data/warc/news.warc";
const std::string fixture_skipped = "7 records skipped: 1 HTTP 3xx, 1 HTTP 4xx, 1 metadata, 1 not HTML, 1 request, "
                                    "1 revisit, 1 warcinfo";

std::vector<nlohmann::json> json_lines(const std::string& out) {
    std::vector<nlohmann::json> lines;
    for (const auto& line : lines_of(out)) lines.push_back(nlohmann::json::parse(line));
    return lines;
}

}  // namespace

TEST(CliWarc, IndexesItsPagesAndCountsTheOtherRecords) {
    TempDir dir;
    auto r = run_index(dir, {"--db", db_of(dir), fixture});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;  // the summary alone: no errors, no warnings
    EXPECT_TRUE(contains(r.err, "2 added")) << r.err;
    EXPECT_TRUE(contains(r.err, "; " + fixture_skipped)) << r.err;
    auto j = search_json(dir, db_of(dir), {"chalutiers"});
    ASSERT_EQ(j["results"].size(), 1u) << answer_summary(j);
    EXPECT_EQ(j["results"][0]["id"], "https://news.example.com/world/harbour-reopens");
}

TEST(CliWarc, DumpShowsWhatWasExtracted) {
    TempDir dir;
    auto r = run_index(dir, {"--dump", fixture});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, fixture_skipped + "\n");
    const auto articles = json_lines(r.out);
    ASSERT_EQ(articles.size(), 2u) << r.out;
    EXPECT_EQ(articles[0]["id"], "https://news.example.com/world/harbour-reopens");
    EXPECT_EQ(articles[0]["title"], "Le port de Brest rouvre apr\xC3\xA8s la temp\xC3\xAA" "te");
    EXPECT_TRUE(contains(articles[0]["body"].get<std::string>(), "chambre de commerce"));
    EXPECT_EQ(articles[0]["date"], "");  // only the crawl date is known
    EXPECT_EQ(articles[0]["url"], "https://News.Example.com/world/harbour-reopens?utm_source=rss");
    EXPECT_EQ(articles[1]["id"], "http://news.example.com/2024/05/03/ferry-strike.html");
    EXPECT_EQ(articles[1]["date"], "2024-05-03");  // the page's own date
    // --quiet drops the count, not the articles.
    auto quiet = run_index(dir, {"--dump", "--quiet", fixture});
    EXPECT_EQ(quiet.err, "");
    EXPECT_EQ(quiet.out, r.out);
}

TEST(CliWarc, StandardInputSniffedOrNamed) {
    TempDir dir;
    for (const std::vector<std::string>& format : {std::vector<std::string>{}, {"--format", "warc"}}) {
        std::vector<std::string> args{"--dump"};
        args.insert(args.end(), format.begin(), format.end());
        args.push_back("-");
        auto r = run_index_piped(dir, fixture, args);
        ASSERT_EQ(r.status, 0) << r.err;
        EXPECT_EQ(json_lines(r.out).size(), 2u);
        EXPECT_TRUE(contains(r.err, fixture_skipped)) << r.err;
    }
}

TEST(CliWarc, TruncatedFileIsOneErrorAndTheRestIsIndexed) {
    TempDir dir;
    std::ifstream in(fixture, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const auto whole = bytes.str();
    auto cut = dir.write("cut.warc", whole.substr(0, whole.size() - 120));
    auto r = run_index(dir, {"--db", db_of(dir), cut.string()});
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_EQ(lines_of(r.err).size(), 2u) << r.err;  // the error, the summary
    EXPECT_TRUE(contains(r.err, "truncated")) << r.err;
    EXPECT_TRUE(contains(r.err, "1 added")) << r.err;
    EXPECT_TRUE(contains(r.err, "1 failed")) << r.err;
}

TEST(CliWarc, GzippedWarcFromAFileAndFromAPipe) {
    TempDir dir;
    const std::string gz = std::string(NEWSFACET_SOURCE_DIR) + "/tests/data/warc/news.warc.gz";
    auto r = run_index(dir, {"--db", db_of(dir), gz});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "1 added")) << r.err;
    EXPECT_TRUE(contains(r.err, "3 records skipped: 1 not HTML, 1 request, 1 warcinfo")) << r.err;
    auto piped = run_index_piped(dir, gz, {"--dump", "-"});
    ASSERT_EQ(piped.status, 0) << piped.err;
    const auto articles = json_lines(piped.out);
    ASSERT_EQ(articles.size(), 1u);
    EXPECT_EQ(articles[0]["id"], "https://news.example.com/world/harbour-reopens");
    EXPECT_EQ(articles[0]["date"], "");
}
