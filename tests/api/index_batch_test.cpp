// Ingest's batches and Index::commit(): nothing outside ingest can commit part of a batch.
#include <gtest/gtest.h>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"
#include "temp_dir.hpp"

using namespace newsfacet;
using newsfacet::testing::corpus_articles;
using newsfacet::testing::corpus_dir;
using newsfacet::testing::make_article;
using newsfacet::testing::TempDir;

namespace {

struct Stop {};  // thrown by a callback to end an ingest run early

}  // namespace

// One batch holds the whole corpus: every progress callback runs inside it. A commit() there
// would make the articles so far durable, half a batch that a later failure could not take back.
TEST(ApiIndexBatch, CommitFromAProgressCallbackIsRefusedAndCommitsNothing) {
    for (unsigned threads : {1u, 2u}) {
        SCOPED_TRACE(threads);
        TempDir dir;
        auto index = Index::create_or_open(dir / "index");
        IngestHandler handler;
        std::uint64_t calls = 0;
        handler.on_progress = [&](const IngestStats& stats) {
            if (stats.added == 0) return;
            ++calls;
            EXPECT_THROW(index.commit(), UsageError);
            if (stats.added == 3) throw Stop{};
        };
        IngestOptions options;
        options.threads = threads;
        options.commit_every = 1000;
        EXPECT_THROW((void)ingest(index, {corpus_dir()}, handler, options), Stop);
        EXPECT_EQ(calls, 3u);
        // The batch in progress was cancelled, and nothing of it had been committed.
        EXPECT_EQ(Searcher(dir / "index").size(), 0u);
        // The run is over: commit() works again, and the index is whole.
        index.commit();
        EXPECT_EQ(index.size(), 0u);
    }
}

TEST(ApiIndexBatch, CommitFromAProgressCallbackNamesTheReason) {
    TempDir dir;
    auto index = Index::create_or_open(dir / "index");
    IngestHandler handler;
    std::string message;
    handler.on_progress = [&](const IngestStats&) {
        if (!message.empty()) return;
        try {
            index.commit();
            message = "(no error)";
        } catch (const UsageError& e) {
            message = e.what();
        }
    };
    auto stats = ingest(index, {corpus_dir()}, handler);
    EXPECT_EQ(stats.added, corpus_articles);
    EXPECT_NE(message.find("commit"), std::string::npos) << message;
    EXPECT_NE(message.find("ingest"), std::string::npos) << message;
    // The refused commit() did not disturb the run: every article is committed.
    EXPECT_EQ(Searcher(dir / "index").size(), corpus_articles);
}

// Refused during the whole run, not only while a batch happens to be open: with a batch of
// one article, every progress callback falls between two batches.
TEST(ApiIndexBatch, CommitIsRefusedBetweenBatchesToo) {
    TempDir dir;
    auto index = Index::create_or_open(dir / "index");
    IngestHandler handler;
    std::uint64_t refused = 0, calls = 0;
    handler.on_progress = [&](const IngestStats&) {
        ++calls;
        try {
            index.commit();
        } catch (const UsageError&) {
            ++refused;
        }
    };
    IngestOptions options;
    options.commit_every = 1;
    auto stats = ingest(index, {corpus_dir()}, handler, options);
    EXPECT_EQ(stats.added, corpus_articles);
    EXPECT_GT(calls, 0u);
    EXPECT_EQ(refused, calls);
}

// Changes made through add() before a run are committed by it (it reads the index as last
// committed), and the Index commits those made after it as before.
TEST(ApiIndexBatch, AddAroundAnIngestRunIsCommittedAsBefore) {
    TempDir dir;
    {
        auto index = Index::create_or_open(dir / "index");
        (void)index.add(make_article("before", "Pelican census", "A pelican census"));
        (void)ingest(index, {corpus_dir()});
        EXPECT_EQ(Searcher(dir / "index").size(), corpus_articles + 1);
        (void)index.add(make_article("after", "Pelican count", "A pelican count"));
    }  // the destructor commits changes outside batches
    EXPECT_EQ(Searcher(dir / "index").size(), corpus_articles + 2);
}
