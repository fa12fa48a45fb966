// read_articles over feeds: RSS 2.0, RSS 1.0 and Atom files (tests/data/feeds), by extension
// and by content, and .xml files that are not feeds.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"
#include "spawn.hpp"
#include "temp_dir.hpp"

using newsfacet::InputFormat;
using newsfacet::parse_input_format;
using newsfacet::testing::file_text;
using newsfacet::testing::read_all;
using newsfacet::testing::TempDir;

namespace {

const std::filesystem::path feeds_dir = std::filesystem::path(NEWSFACET_SOURCE_DIR) / "tests" / "data" / "feeds";

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const newsfacet::Article* find_id(const std::vector<newsfacet::Article>& articles, const std::string& id) {
    auto it = std::find_if(articles.begin(), articles.end(), [&](const newsfacet::Article& a) { return a.id == id; });
    return it == articles.end() ? nullptr : &*it;
}

}  // namespace

TEST(ApiReaderFeeds, AFolderOfFeedsGivesAnArticlePerItem) {
    auto read = read_all(feeds_dir);
    for (const auto& e : read.errors) ADD_FAILURE() << e.what();
    std::vector<std::string> ids;
    for (const auto& a : read.articles) ids.push_back(a.id);
    EXPECT_EQ(ids, (std::vector<std::string>{
                       "https://harbour.example.org/2024/11/odesa-port",  // harbour.atom: a relative link and xml:base
                       "https://harbour.example.org/2024/11/gdansk-terminal",
                       "https://science.example.org/glacier-retreat",  // science.rdf
                       "https://science.example.org/ice-core",         // rdf:about
                       "https://meridian.example.com/world/2024/03/04/grain-corridor-reopens/",  // world.rss
                       "https://meridian.example.com/world/2024/03/05/lagos-consulate-talks/",
                   }));
    // sitemap.xml is XML but no feed: skipped, with one warning that names it.
    ASSERT_EQ(read.warnings.size(), 1u);
    EXPECT_TRUE(has(read.warnings[0], "sitemap.xml")) << read.warnings[0];
    EXPECT_TRUE(has(read.warnings[0], "not a feed")) << read.warnings[0];

    const auto* odesa = find_id(read.articles, "https://harbour.example.org/2024/11/odesa-port");
    ASSERT_NE(odesa, nullptr);
    EXPECT_EQ(odesa->title, "Port of Odesa shelled overnight");
    EXPECT_EQ(odesa->date, "2024-11-18T12:05:00Z");
    EXPECT_EQ(odesa->source, "Harbour Times");
    EXPECT_TRUE(has(odesa->body, "Turkish-owned cargo ship")) << odesa->body;  // the XHTML content, not the summary
    EXPECT_TRUE(has(odesa->body, "caf\xC3\xA9")) << odesa->body;

    const auto* gdansk = find_id(read.articles, "https://harbour.example.org/2024/11/gdansk-terminal");
    ASSERT_NE(gdansk, nullptr);
    EXPECT_EQ(gdansk->source, "Baltic Shipping Review");
    EXPECT_EQ(gdansk->date, "2024-11-17T09:00:00Z");

    const auto* glacier = find_id(read.articles, "https://science.example.org/glacier-retreat");
    ASSERT_NE(glacier, nullptr);
    EXPECT_TRUE(has(glacier->body, "Troms\xC3\xB8")) << glacier->body;  // ISO-8859-1, as declared
    EXPECT_EQ(glacier->date, "2024-02-28T15:45:00Z");
    EXPECT_EQ(glacier->source, "Polar Science Desk");
    EXPECT_EQ(glacier->language, "en");  // dc:language

    const auto* grain = find_id(read.articles, "https://meridian.example.com/world/2024/03/04/grain-corridor-reopens/");
    ASSERT_NE(grain, nullptr);
    EXPECT_EQ(grain->url, "https://meridian.example.com/world/2024/03/04/grain-corridor-reopens/?utm_source=rss&utm_medium=rss");
    EXPECT_EQ(grain->date, "2024-03-04T21:30:00Z");
    EXPECT_EQ(grain->source, "Meridian Wire \xE2\x80\x93 World");
    EXPECT_EQ(grain->language, "en-GB");
    EXPECT_TRUE(has(grain->body, "Four bulk carriers")) << grain->body;  // content:encoded, the fullest
    EXPECT_FALSE(has(grain->body, "Share on Facebook")) << grain->body;
    EXPECT_FALSE(has(grain->body, "<p>")) << grain->body;

    EXPECT_EQ(newsfacet::input_bytes({feeds_dir}), std::filesystem::file_size(feeds_dir / "harbour.atom") +
                                                       std::filesystem::file_size(feeds_dir / "science.rdf") +
                                                       std::filesystem::file_size(feeds_dir / "world.rss"));
}

TEST(ApiReaderFeeds, FeedsWithoutAFeedExtensionAreToldByTheirRoot) {
    TempDir dir;
    dir.write("in/latest", file_text(feeds_dir / "world.rss"));
    dir.write("in/news.xml", file_text(feeds_dir / "harbour.atom"));
    dir.write("in/notes.log", "Notes: <rss> is a word in this log, not its root\n");
    // Long before its root: read, as a feed (sniffing cannot tell).
    const auto rdf = file_text(feeds_dir / "science.rdf");
    const auto declaration_end = rdf.find("?>") + 2;
    dir.write("in/padded.xml",
              rdf.substr(0, declaration_end) + "<!-- " + std::string(4096, 'x') + " -->" + rdf.substr(declaration_end));
    auto read = read_all(dir.path() / "in");
    EXPECT_TRUE(read.errors.empty()) << read.errors.front().what();
    EXPECT_TRUE(read.warnings.empty()) << read.warnings.front();
    EXPECT_EQ(read.articles.size(), 6u);  // two items each from `latest`, news.xml and padded.xml
    EXPECT_EQ(newsfacet::input_bytes({dir.path() / "in"}),
              std::filesystem::file_size(dir.path() / "in" / "latest") + std::filesystem::file_size(dir.path() / "in" / "news.xml") +
                  std::filesystem::file_size(dir.path() / "in" / "padded.xml"));
}

TEST(ApiReaderFeeds, XmlFilesInAFolderThatAreNotFeedsAreSkippedWithAWarningEach) {
    TempDir dir;
    dir.write("in/empty.xml", "");
    dir.write("in/cut.xml", "<?xml version=\"1.0\"?>\n<!-- cut");
    dir.write("in/config.xml", "<?xml version=\"1.0\"?>\n<config><feed>https://e.org/rss</feed></config>\n");
    dir.write("in/page.xml", "<!DOCTYPE html><html><body><p>A page.</p></body></html>");
    // Its root past the first KiB, behind a long comment: still told apart from a feed.
    dir.write("in/sitemap.xml", "<?xml version=\"1.0\"?>\n<!-- " + std::string(3000, 'x') +
                                    " -->\n<urlset><url><loc>https://e.org/a</loc></url></urlset>\n");
    auto read = read_all(dir.path() / "in");
    EXPECT_TRUE(read.articles.empty());
    EXPECT_TRUE(read.errors.empty()) << read.errors.front().what();
    ASSERT_EQ(read.warnings.size(), 5u);
    for (const char* name : {"config.xml", "cut.xml", "empty.xml", "page.xml", "sitemap.xml"}) {
        EXPECT_EQ(std::count_if(read.warnings.begin(), read.warnings.end(),
                                [&](const std::string& w) { return has(w, name) && has(w, "skipped"); }),
                  1)
            << name;
    }
}

TEST(ApiReaderFeeds, ANamedXmlFileThatIsNotAFeedIsAnError) {
    auto read = read_all(feeds_dir / "sitemap.xml");
    EXPECT_TRUE(read.articles.empty());
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_TRUE(has(read.errors[0].what(), "not a feed")) << read.errors[0].what();
    EXPECT_TRUE(has(read.errors[0].what(), "<urlset>")) << read.errors[0].what();
}

TEST(ApiReaderFeeds, TheFormatHasFourNames) {
    for (const char* name : {"rss", "RSS", "feed", "atom", "rdf"}) EXPECT_EQ(parse_input_format(name), InputFormat::feed) << name;
    try {
        (void)parse_input_format("xml");
        ADD_FAILURE() << "xml is no format name";
    } catch (const newsfacet::UsageError& e) {
        EXPECT_TRUE(has(e.what(), "rss")) << e.what();
    }
    // A named file whose extension names no format: by its first bytes, or as the user says.
    TempDir dir;
    const std::string feed = "<!-- " + std::string(2 << 20, 'x') + " -->\n" + file_text(feeds_dir / "world.rss").substr(39);
    auto file = dir.write("feed.dat", feed);  // the root lies past the bytes sniffed
    EXPECT_EQ(read_all(file).errors.size(), 1u);
    newsfacet::ReadOptions options;
    options.format = parse_input_format("rss");
    auto given = read_all(file, options);
    EXPECT_TRUE(given.errors.empty());
    EXPECT_EQ(given.articles.size(), 2u);
}
