// newsfacet-index over feeds: a folder of RSS 2.0, RSS 1.0 and Atom files (tests/data/feeds),
// --dump, standard input, and XML that is not a feed or is hostile.
#include <gtest/gtest.h>


#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "spawn.hpp"

using namespace newsfacet::testing;

namespace {

const std::filesystem::path feeds_dir = std::filesystem::path(NEWSFACET_SOURCE_DIR) / "tests" / "data" / "feeds";

std::vector<nlohmann::json> json_lines(const std::string& out) {
    std::vector<nlohmann::json> lines;
    for (const auto& line : lines_of(out)) lines.push_back(nlohmann::json::parse(line));
    return lines;
}

}  // namespace

TEST(CliFeeds, AFolderOfFeedsIsIndexedAndSearchable) {
    TempDir dir;
    auto r = run_index(dir, {"--db", db_of(dir), feeds_dir.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(lines_containing(r.err, "warning"), 1u) << r.err;  // sitemap.xml, skipped
    EXPECT_EQ(lines_containing(r.err, "sitemap.xml"), 1u) << r.err;

    auto grain = search_json(dir, db_of(dir), {"grain corridor"});
    ASSERT_EQ(grain["results"].size(), 1u) << answer_summary(grain);
    EXPECT_EQ(grain["results"][0]["id"], "https://meridian.example.com/world/2024/03/04/grain-corridor-reopens/");
    EXPECT_EQ(grain["results"][0]["source"], "Meridian Wire \xE2\x80\x93 World");
    EXPECT_EQ(grain["results"][0]["date"], "2024-03-04T21:30:00Z");

    auto glacier = search_json(dir, db_of(dir), {"Jakobshavn"});
    ASSERT_EQ(glacier["results"].size(), 1u) << answer_summary(glacier);
    EXPECT_EQ(glacier["results"][0]["id"], "https://science.example.org/glacier-retreat");

    auto gdansk = search_json(dir, db_of(dir), {"quay"});
    ASSERT_EQ(gdansk["results"].size(), 1u) << answer_summary(gdansk);
    EXPECT_EQ(gdansk["results"][0]["id"], "https://harbour.example.org/2024/11/gdansk-terminal");

    auto all = search_json(dir, db_of(dir), {});
    EXPECT_EQ(all["total"], 6) << answer_summary(all);
}

TEST(CliFeeds, DumpShowsWhatEachItemGave) {
    TempDir dir;
    auto r = run_index(dir, {"--dump", (feeds_dir / "harbour.atom").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    auto articles = json_lines(r.out);
    ASSERT_EQ(articles.size(), 2u) << r.out;
    EXPECT_EQ(articles[0]["id"], "https://harbour.example.org/2024/11/odesa-port");
    EXPECT_EQ(articles[0]["url"], "https://harbour.example.org/2024/11/odesa-port");
    EXPECT_EQ(articles[0]["title"], "Port of Odesa shelled overnight");
    EXPECT_EQ(articles[0]["date"], "2024-11-18T12:05:00Z");
    EXPECT_EQ(articles[0]["source"], "Harbour Times");
    EXPECT_EQ(articles[0]["language"], "en-US");  // the feed's xml:lang
    EXPECT_EQ(articles[0]["body"],
              "Russian missiles struck port infrastructure in Odesa on Monday afternoon, damaging warehouses, a passenger "
              "terminal and a Turkish-owned cargo ship, Ukrainian officials said.\n\nThe caf\xC3\xA9 by the terminal was "
              "destroyed, the mayor said, and ten people were wounded.");
    EXPECT_EQ(articles[1]["source"], "Baltic Shipping Review");
}

TEST(CliFeeds, StandardInputIsSniffedOrNamedWithFormat) {
    TempDir dir;
    auto input = dir.write("feed", file_text(feeds_dir / "world.rss"));
    auto sniffed = run_index_piped(dir, input, {"--dump", "-"});
    ASSERT_EQ(sniffed.status, 0) << sniffed.err;
    auto articles = json_lines(sniffed.out);
    ASSERT_EQ(articles.size(), 2u) << sniffed.out;
    EXPECT_EQ(articles[1]["id"], "https://meridian.example.com/world/2024/03/05/lagos-consulate-talks/");

    // A root past the first MiB cannot be sniffed: --format names it.
    auto late = dir.write("late", "<!-- " + std::string(2 << 20, 'x') + " -->\n" + file_text(feeds_dir / "world.rss").substr(39));
    auto unknown = run_index_piped(dir, late, {"--dump", "-"});
    EXPECT_EQ(unknown.status, 3);
    EXPECT_TRUE(contains(unknown.err, "--format")) << unknown.err;
    for (const char* name : {"rss", "atom"}) {
        auto named = run_index_piped(dir, late, {"--dump", "--format", name, "-"});
        ASSERT_EQ(named.status, 0) << name << ": " << named.err;
        EXPECT_EQ(json_lines(named.out).size(), 2u) << name;
    }
}

TEST(CliFeeds, ANamedXmlFileThatIsNotAFeedIsAnInputError) {
    TempDir dir;
    auto r = run_index(dir, {"--db", db_of(dir), (feeds_dir / "sitemap.xml").string(), (feeds_dir / "world.rss").string()});
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_EQ(lines_containing(r.err, "sitemap.xml"), 1u) << r.err;
    EXPECT_TRUE(contains(r.err, "not a feed")) << r.err;
    EXPECT_EQ(search_json(dir, db_of(dir), {})["total"], 2);  // the feed beside it is indexed
}

TEST(CliFeeds, HostileXmlIsOneLineAndTheRestIsIndexed) {
    TempDir dir;
    std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY e0 \"lol\">";
    for (int i = 1; i <= 10; ++i) {
        std::string value;
        for (int k = 0; k < 10; ++k) value += "&e" + std::to_string(i - 1) + ";";
        laughs += "<!ENTITY e" + std::to_string(i) + " \"" + value + "\">";
    }
    laughs += "]>\n<rss><channel><title>T</title><item><title>x</title><description>&e10;</description></item></channel></rss>\n";
    dir.write("in/laughs.rss", laughs);
    std::string deep = "<rss><channel><item><title>x</title><description>";
    for (int i = 0; i < 100000; ++i) deep += "<p>";
    dir.write("in/deep.rss", deep);
    dir.write("in/world.rss", file_text(feeds_dir / "world.rss"));
    auto r = run_index(dir, {"--db", db_of(dir), (dir / "in").string()});
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_EQ(lines_containing(r.err, "laughs.rss"), 1u) << r.err;
    EXPECT_EQ(lines_containing(r.err, "deep.rss"), 1u) << r.err;
    EXPECT_EQ(search_json(dir, db_of(dir), {"grain"})["total"], 1);
}
