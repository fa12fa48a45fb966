// Searching shards served by stock xapian-tcpsrv through the library: a searcher reopened
// after the shards changed counts what they now hold, as a searcher opened afresh does.
#include <gtest/gtest.h>

#include <string>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"
#include "servers.hpp"

namespace fs = std::filesystem;
using newsfacet::testing::counts_of;
using newsfacet::testing::everything;
using newsfacet::testing::make_article;

namespace {

// Articles `first` to `last` - 1 on a frost in Brazil, added to the index at `path`.
void add_frost_articles(const fs::path& path, int first, int last) {
    auto shard = newsfacet::Index::create_or_open(path);
    for (int i = first; i < last; ++i) {
        const auto n = std::to_string(i);
        shard.add(make_article(
            "frost-" + n, "Frost hits coffee harvest in Brazil, report " + n,
            "Frost hit the coffee harvest in Brazil. Growers expect a smaller harvest, "
            "report " +
                n + " says."));
    }
    shard.commit();
}

}  // namespace

TEST(ApiRemoteShards, AReopenedSearcherCountsWhatTheShardsNowHold) {
    using namespace newsfacet::testing;
    if (!on_path("xapian-tcpsrv"))
        GTEST_SKIP() << "xapian-tcpsrv not installed (Debian package xapian-tools)";
    if (!loopback_available())
        GTEST_SKIP() << "no TCP on 127.0.0.1 here: remote shards cannot be served";
    TempDir dir;
    add_frost_articles(dir / "shard-0", 0, 6);
    add_frost_articles(dir / "shard-1", 6, 12);
    auto server0 = serve_with_tcpsrv(dir / "shard-0", dir / "tcpsrv-0.log");
    auto server1 = serve_with_tcpsrv(dir / "shard-1", dir / "tcpsrv-1.log");
    ASSERT_GT(server0.port, 0) << read_file(dir / "tcpsrv-0.log");
    ASSERT_GT(server1.port, 0) << read_file(dir / "tcpsrv-1.log");
    const auto stub =
        dir.write("remote.stub", "remote 127.0.0.1:" + std::to_string(server0.port) +
                                     "\nremote 127.0.0.1:" + std::to_string(server1.port) + "\n");
    // Two words: relevance feedback too, which reads the first articles from the shards.
    auto request = everything("coffee frost");
    newsfacet::Searcher searcher(stub);
    const auto before = searcher.search(request);
    EXPECT_EQ(before.total, 12u);

    add_frost_articles(dir / "shard-0", 12, 15);
    searcher.reopen();
    const auto after = searcher.search(request);
    EXPECT_EQ(after.total, 15u);
    EXPECT_EQ(after.total_articles, 15u);
    // The counts too.
    auto brazil = [](const newsfacet::SearchResults& results) -> std::uint64_t {
        for (const auto& count : counts_of(results, newsfacet::Facet::country)) {
            if (count.value == "Brazil") return count.count;
        }
        return 0;
    };
    EXPECT_EQ(brazil(before), 12u);
    EXPECT_EQ(brazil(after), 15u);
    EXPECT_EQ(brazil(newsfacet::Searcher(stub).search(request)), 15u);
}
