// Sharded indexes through the public API: ingest_sharded, shard_count / shard_for_id, and a
// Searcher over the shards (or over a stub file) answering as one index.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

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

    auto by_source = everything("embassy");
    by_source.sources = {"Atlas Daily"};
    auto source_counts = [](const SearchResults& r) {
        std::vector<std::pair<std::string, std::uint64_t>> out;
        for (const auto& c : r.sources_without_own_filter) out.emplace_back(c.value, c.count);
        return out;
    };
    const auto one_by_source = source_counts(one.search(by_source));
    EXPECT_FALSE(one_by_source.empty());
    EXPECT_EQ(one_by_source, source_counts(three.search(by_source)));

    // Again: nothing to do, in any shard.
    auto again = ingest_sharded(sharded, 3, {corpus_dir()});
    EXPECT_EQ(again.unchanged, corpus_articles);
    EXPECT_EQ(again.added + again.replaced, 0u);
}

// Lines of JSON articles with these ids, each with a body of `words` words.
std::string json_lines(const std::string& prefix, int count, int words = 3, const std::string& key = "id") {
    std::string out;
    for (int i = 0; i < count; ++i) {
        std::string body;
        for (int w = 0; w < words; ++w) body += " grain";
        out += "{\"" + key + "\": \"" + prefix + std::to_string(i) + "\", \"title\": \"Terminal " + std::to_string(i) +
               "\", \"text\": \"Shells hit the" + body + " terminal.\"}\n";
    }
    return out;
}

// The shards each file's articles went to: the tests below need both shards in play.
void expect_both_shards(const std::string& prefix, int count) {
    std::set<unsigned> shards;
    for (int i = 0; i < count; ++i) shards.insert(shard_for_id(prefix + std::to_string(i), 2));
    ASSERT_EQ(shards.size(), 2u) << prefix;
}

// --prune in every shard; a file that failed to read keeps its articles in every shard, though
// its error (read once) is reported once.
TEST(ApiShards, PruneWorksInEveryShardAndSparesAFileThatFailed) {
    TempDir dir;
    const auto sharded = dir / "sharded";
    expect_both_shards("a", 10);
    expect_both_shards("b", 10);
    write_text(dir / "in" / "a.jsonl", json_lines("a", 10));
    write_text(dir / "in" / "b.jsonl", json_lines("b", 10));
    ASSERT_EQ(ingest_sharded(sharded, 2, {dir / "in"}).added, 20u);

    write_text(dir / "in" / "a.jsonl", json_lines("a", 1) + "{ not json\n");
    write_text(dir / "in" / "b.jsonl", json_lines("b", 1));
    std::vector<std::string> errors;
    IngestHandler handler;
    handler.on_error = [&](const InputError& e) { errors.push_back(e.what()); };
    IngestOptions options;
    options.prune = true;
    const auto pruned = ingest_sharded(sharded, 2, {dir / "in"}, handler, options);
    EXPECT_EQ(errors.size(), 1u);
    EXPECT_EQ(pruned.failed, 1u);
    EXPECT_EQ(pruned.deleted, 9u);  // b1..b9, from both shards
    EXPECT_EQ(pruned.unchanged, 2u);
    Searcher searcher(sharded);
    EXPECT_EQ(searcher.size(), 11u);
    for (int i = 0; i < 10; ++i) EXPECT_NO_THROW((void)searcher.article("a" + std::to_string(i))) << i;
    for (int i = 1; i < 10; ++i) EXPECT_THROW((void)searcher.article("b" + std::to_string(i)), ArticleNotFoundError) << i;
}

// Copies of a web article (its id is its URL) in several files: each goes to the shard of its
// id, where the fullest copy wins, whatever the order, and the copies count as merged.
TEST(ApiShards, WebCopiesAreMergedInTheirShard) {
    TempDir dir;
    const auto sharded = dir / "sharded";
    expect_both_shards("https://example.com/story-", 8);
    write_text(dir / "in" / "1-summaries.jsonl", json_lines("https://example.com/story-", 8, 2, "url"));
    write_text(dir / "in" / "2-pages.jsonl", json_lines("https://example.com/story-", 8, 20, "url"));
    write_text(dir / "in" / "3-summaries.jsonl", json_lines("https://example.com/story-", 8, 5, "url"));
    std::vector<std::string> warnings;
    IngestHandler handler;
    handler.on_warning = [&](const std::string& w) { warnings.push_back(w); };
    const auto stats = ingest_sharded(sharded, 2, {dir / "in"}, handler);
    EXPECT_EQ(stats.added, 8u);
    EXPECT_EQ(stats.merged, 16u);
    EXPECT_TRUE(warnings.empty()) << warnings.front();
    Searcher searcher(sharded);
    ASSERT_EQ(searcher.size(), 8u);
    for (int i = 0; i < 8; ++i) {
        const auto record = searcher.article("https://example.com/story-" + std::to_string(i));
        EXPECT_EQ(std::count(record.article.body.begin(), record.article.body.end(), 'g'), 20) << i;
    }
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

// A stub that cannot be read or was damaged is a failure to report, not "no sharded index".
TEST(ApiShards, ADamagedOrUnreadableStubIsADatabaseError) {
    TempDir dir;
    const auto sharded = dir / "sharded";
    (void)ingest_sharded(sharded, 2, {corpus_dir()});
    ASSERT_EQ(shard_count(sharded), 2u);
    for (const char* damaged : {"auto shard-0\nauto sha", "", "auto shard-0\nauto shard-2\n", "\x01\x02garbage\n"}) {
        dir.write("sharded/XAPIANDB", damaged);
        EXPECT_THROW((void)shard_count(sharded), DatabaseError) << "stub: " << damaged;
        EXPECT_THROW((void)ingest_sharded(sharded, 2, {corpus_dir()}), DatabaseError) << "stub: " << damaged;
    }
    // A directory where the stub file should be cannot be read as one.
    std::filesystem::remove(sharded / "XAPIANDB");
    std::filesystem::create_directory(sharded / "XAPIANDB");
    EXPECT_THROW((void)shard_count(sharded), DatabaseError);
    // A stub of other databases (remote shards) is for searching: not a sharded index.
    dir.write("remote/XAPIANDB", "remote 127.0.0.1:33333\nauto /srv/news/part-2\n");
    EXPECT_EQ(shard_count(dir / "remote"), 0u);
    EXPECT_EQ(shard_count(dir / "nothing-here"), 0u);
}

TEST(ApiShards, CountsFollowAShardThatChanged) {
    // Counting reads facet columns of the shards' revisions: a commit to one shard must not
    // leave the searcher counting from the columns of the one before.
    TempDir dir;
    const auto sharded = dir / "sharded";
    (void)ingest_sharded(sharded, 2, {corpus_dir()});
    Searcher searcher(sharded);
    auto ukraine = [&] {
        // Every article: columns are read for the second query matching most of the index.
        const auto results = searcher.search(everything());
        for (const auto& [facet, counts] : results.facets) {
            if (facet != Facet::country) continue;
            for (const auto& c : counts) {
                if (c.value == "Ukraine") return std::make_pair(results.total_articles, c.count);
            }
        }
        return std::make_pair(results.total_articles, std::uint64_t{0});
    };
    (void)ukraine();
    auto before = ukraine();
    ASSERT_GT(before.second, 0u);
    for (unsigned k = 0; k < 2; ++k) {
        Article article;
        for (int i = 0; article.id.empty() || shard_for_id(article.id, 2) != k; ++i) article.id = "new-" + std::to_string(i);
        article.title = "Ukraine reopens its embassy";
        article.body = "KYIV - Ukraine reopened its embassy on Monday, officials in Ukraine said.";
        {
            auto shard = Index::open(shard_path(sharded, k));
            (void)shard.add(article);
            shard.commit();
        }
        searcher.reopen();
        (void)ukraine();
        const auto after = ukraine();
        EXPECT_EQ(after.first, before.first + 1) << "shard " << k;
        EXPECT_EQ(after.second, before.second + 1) << "shard " << k;
        before = after;
    }
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

// remove_articles: each id deleted from its own shard (or from a single index), committed.
TEST(ApiShards, RemoveArticlesDeletesFromTheRightShardAndCommits) {
    TempDir dir;
    const auto sharded = dir / "sharded";
    const auto single = dir / "single";
    std::string lines;
    std::vector<std::string> ids;
    for (int i = 0; i < 12; ++i) {
        ids.push_back("story-" + std::to_string(i));
        lines += R"({"id": ")" + ids.back() + R"(", "title": "Port strike )" + std::to_string(i) +
                 R"(", "body": "Dockers walked out at the port."})" + "\n";
    }
    dir.write("news/feed.jsonl", lines);
    (void)ingest_sharded(sharded, 3, {dir / "news"});
    {
        auto index = Index::create_or_open(single);
        (void)ingest(index, {dir / "news"});
    }
    for (const auto& path : {sharded, single}) {
        auto removed = remove_articles(path, {ids[0], ids[5], "no-such-story", ids[11], ids[5]});
        EXPECT_EQ(removed.deleted, 3u) << path;
        EXPECT_EQ(removed.missing, (std::vector<std::string>{"no-such-story", ids[5]})) << path;
        EXPECT_EQ(removed.remaining, 9u) << path;
        // Committed: a new searcher sees the deletions, and each shard lost only its own ids.
        auto request = everything();
        request.collapse = false;  // the stories are near-duplicates of each other
        auto all = ids_of(Searcher(path).search(request));
        EXPECT_EQ(all.size(), 9u) << path;
        for (const auto& gone : {ids[0], ids[5], ids[11]}) {
            EXPECT_EQ(std::count(all.begin(), all.end(), gone), 0) << path << " " << gone;
        }
    }
    std::uint64_t in_shards = 0;
    for (unsigned k = 0; k < 3; ++k) in_shards += Searcher(shard_path(sharded, k)).size();
    EXPECT_EQ(in_shards, 9u);
    EXPECT_THROW((void)remove_articles(dir / "nothing-here", {ids[1]}), IndexNotFoundError);
    // Another writer on one shard: nothing is deleted from any.
    {
        auto writer = Index::open(shard_path(sharded, 2));
        EXPECT_THROW((void)remove_articles(sharded, {ids[1], ids[2], ids[3], ids[4]}), IndexLockedError);
    }
    EXPECT_EQ(Searcher(sharded).size(), 9u);
}
