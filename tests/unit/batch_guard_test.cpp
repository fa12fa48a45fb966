// Ingest's batches (store/index_access.hpp) and what the Index destructor does with an open one.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include <newsfacet/error.hpp>
#include <newsfacet/index.hpp>
#include <newsfacet/searcher.hpp>

#include "store/index_access.hpp"
#include "temp_dir.hpp"

using newsfacet::Index;
using newsfacet::Searcher;
using newsfacet::testing::TempDir;

namespace {

newsfacet::Article article(std::string id) {
    newsfacet::Article a;
    a.id = std::move(id);
    a.title = "Pelican census";
    a.body = "Volunteers counted pelicans on the lake.";
    return a;
}

// An index whose last commit holds one article, "kept".
Index with_one_commit(const TempDir& dir) {
    auto index = Index::create_or_open(dir / "index");
    (void)index.add(article("kept"));
    index.commit();
    return index;
}

}  // namespace

// Xapian's WritableDatabase cancels an open transaction when destroyed; an Index does the same
// with an open batch: the index stays at its last commit. (Before, it committed the batch.)
TEST(IndexBatch, IndexDestroyedWithAnOpenBatchKeepsItsLastCommit) {
    TempDir dir;
    auto index = with_one_commit(dir);
    newsfacet::detail::BatchGuard batch(index);
    batch.open();
    (void)index.add(article("dropped"));
    { Index gone = std::move(index); }
    EXPECT_EQ(Searcher(dir / "index").size(), 1u);
    EXPECT_FALSE(batch.is_open());  // and the guard has nothing left to cancel
}

TEST(IndexBatch, GuardCancelsABatchNotCommitted) {
    TempDir dir;
    auto index = with_one_commit(dir);
    {
        newsfacet::detail::BatchGuard batch(index);
        batch.open();
        (void)index.add(article("dropped"));
        EXPECT_EQ(index.size(), 2u);
    }
    EXPECT_EQ(index.size(), 1u);
    index.commit();  // allowed again once the guard is gone
    EXPECT_EQ(Searcher(dir / "index").size(), 1u);
}

TEST(IndexBatch, GuardCommitsWholeBatches) {
    TempDir dir;
    auto index = Index::create_or_open(dir / "index");
    {
        newsfacet::detail::BatchGuard batch(index);
        batch.open();
        (void)index.add(article("first"));
        batch.open();  // already open: the same batch
        (void)index.add(article("second"));
        EXPECT_EQ(Searcher(dir / "index").size(), 0u);
        batch.commit();
        EXPECT_FALSE(batch.is_open());
        EXPECT_EQ(Searcher(dir / "index").size(), 2u);
        batch.open();
        (void)index.add(article("third"));
    }
    EXPECT_EQ(Searcher(dir / "index").size(), 2u);
}

TEST(IndexBatch, CommitAndASecondGuardAreRefusedWhileAGuardLives) {
    TempDir dir;
    auto index = Index::create_or_open(dir / "index");
    newsfacet::detail::BatchGuard batch(index);
    EXPECT_THROW(index.commit(), newsfacet::UsageError);  // with no batch open too
    batch.open();
    (void)index.add(article("dropped"));
    EXPECT_THROW(index.commit(), newsfacet::UsageError);
    EXPECT_THROW(newsfacet::detail::BatchGuard second(index), newsfacet::UsageError);
    EXPECT_TRUE(batch.is_open());
    EXPECT_EQ(Searcher(dir / "index").size(), 0u);
}
