// Sharded indexes through the public API: ingest_sharded, shard_count / shard_for_id, and a
// Searcher over the shards (or over a stub file) answering as one index.
#include <gtest/gtest.h>

#include <fstream>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"

using namespace newsfacet;
using namespace newsfacet::testing;
namespace fs = std::filesystem;

namespace {

void write_text(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

void expect_same(const SearchResults& one, const SearchResults& sharded, const std::string& what) {
    EXPECT_EQ(ids_of(one), ids_of(sharded)) << what;
    ASSERT_EQ(one.hits.size(), sharded.hits.size()) << what;
    for (std::size_t i = 0; i < one.hits.size(); ++i) {
        EXPECT_EQ(one.hits[i].score, sharded.hits[i].score) << what << " #" << i;
        EXPECT_EQ(one.hits[i].snippet.text, sharded.hits[i].snippet.text) << what << " #" << i;
        EXPECT_EQ(one.hits[i].snippet.highlights, sharded.hits[i].snippet.highlights) << what << " #" << i;
        EXPECT_EQ(one.hits[i].copies, sharded.hits[i].copies) << what << " #" << i;
    }
    EXPECT_EQ(one.total, sharded.total) << what;
    EXPECT_EQ(one.total_articles, sharded.total_articles) << what;
    ASSERT_EQ(one.facets.size(), sharded.facets.size()) << what;
    for (std::size_t f = 0; f < one.facets.size(); ++f) {
        ASSERT_EQ(one.facets[f].second.size(), sharded.facets[f].second.size()) << what;
        for (std::size_t v = 0; v < one.facets[f].second.size(); ++v) {
            EXPECT_EQ(one.facets[f].second[v].value, sharded.facets[f].second[v].value) << what;
            EXPECT_EQ(one.facets[f].second[v].count, sharded.facets[f].second[v].count) << what;
        }
    }
    ASSERT_EQ(one.months.size(), sharded.months.size()) << what;
    for (std::size_t m = 0; m < one.months.size(); ++m) EXPECT_EQ(one.months[m].count, sharded.months[m].count) << what;
}

}  // namespace

TEST(ApiShards, ShardedIngestAnswersAsOneIndex) {
    TempDir dir;
    const auto single = index_corpus(dir);
    const auto sharded = dir / "sharded";
    EXPECT_EQ(shard_count(sharded), 0u);
    auto stats = ingest_sharded(sharded, 3, {corpus_dir()});
    EXPECT_EQ(stats.added, corpus_articles);
    EXPECT_EQ(stats.failed, 0u);
    EXPECT_EQ(shard_count(sharded), 3u);
    EXPECT_EQ(shard_count(single), 0u);

    // Every article went to the shard its id hashes to, and every shard has some.
    for (unsigned k = 0; k < 3; ++k) {
        Searcher shard(shard_path(sharded, k));
        EXPECT_GT(shard.size(), 0u) << k;
        for (const auto& hit : shard.search(everything()).hits) EXPECT_EQ(shard_for_id(hit.id, 3), k) << hit.id;
    }

    Searcher one(single);
    Searcher three(sharded);
    EXPECT_EQ(three.size(), corpus_articles);
    for (const std::string q : {"", "embassy strike", "Kiev", "all strikes affecting embassies", "country:Ukraine"}) {
        for (auto sort : {SortOrder::relevance, SortOrder::newest, SortOrder::oldest}) {
            auto request = everything(q);
            request.sort = sort;
            expect_same(one.search(request), three.search(request), "'" + q + "'");
        }
    }
    auto multi = everything("embassy");
    multi.filters = {{Facet::country, {"Ukraine"}}};
    auto a = one.search(multi);
    auto b = three.search(multi);
    expect_same(a, b, "filtered");
    ASSERT_EQ(a.facets_without_own_filter.size(), b.facets_without_own_filter.size());
    for (std::size_t f = 0; f < a.facets_without_own_filter.size(); ++f) {
        ASSERT_EQ(a.facets_without_own_filter[f].second.size(), b.facets_without_own_filter[f].second.size());
        for (std::size_t v = 0; v < a.facets_without_own_filter[f].second.size(); ++v) {
            EXPECT_EQ(a.facets_without_own_filter[f].second[v].count, b.facets_without_own_filter[f].second[v].count);
        }
    }

    // Again: nothing to do, in any shard.
    auto again = ingest_sharded(sharded, 3, {corpus_dir()});
    EXPECT_EQ(again.unchanged, corpus_articles);
    EXPECT_EQ(again.added + again.replaced, 0u);
}

TEST(ApiShards, TheNumberOfShardsIsCheckedAndKept) {
    TempDir dir;
    const auto sharded = dir / "sharded";
    EXPECT_THROW((void)ingest_sharded(sharded, 0, {corpus_dir()}), UsageError);
    EXPECT_THROW((void)ingest_sharded(sharded, max_shards + 1, {corpus_dir()}), UsageError);
    (void)ingest_sharded(sharded, 2, {corpus_dir()});
    EXPECT_THROW((void)ingest_sharded(sharded, 3, {corpus_dir()}), UsageError);
    const auto single = index_corpus(dir);
    EXPECT_THROW((void)ingest_sharded(single, 2, {corpus_dir()}), UsageError);
    // A shard locked by another writer stops the run before anything is written.
    auto writer = Index::open(shard_path(sharded, 1));
    EXPECT_THROW((void)ingest_sharded(sharded, 2, {corpus_dir()}), IndexLockedError);
}

TEST(ApiShards, ReopenFollowsAStubToAnotherDatabase) {
    // As a read replica does after a full copy: the stub names a new database, the old one is
    // deleted. reopen() must move to the new one.
    TempDir dir;
    const auto first = index_corpus(dir);
    const auto second = dir / "second";
    {
        auto index = Index::create_or_open(second);
        Article article;
        article.id = "only";
        article.title = "Embassy reopens";
        article.body = "The embassy in Kyiv reopened on Monday.";
        (void)index.add(article);
    }
    const auto stub = dir / "live";
    write_text(stub / "XAPIANDB", "auto " + first.string() + "\n");
    Searcher searcher(stub);
    EXPECT_EQ(searcher.search(everything()).total_articles, corpus_articles);
    write_text(stub / "XAPIANDB", "auto " + second.string() + "\n");
    fs::remove_all(first);
    searcher.reopen();
    auto after = searcher.search(everything("embassy"));
    EXPECT_EQ(ids_of(after), std::vector<std::string>{"only"});
    EXPECT_EQ(after.total_articles, 1u);

    // A stub file (not a directory) opens too.
    write_text(dir / "plain.stub", "auto " + second.string() + "\n");
    EXPECT_EQ(Searcher(dir / "plain.stub").size(), 1u);
}
