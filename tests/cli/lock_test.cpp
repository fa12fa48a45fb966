// One writer at a time: a second newsfacet-index fails at once with a clear message (exit 1),
// or waits for the first with --wait.
#include <chrono>
#include <optional>
#include <thread>

#include <gtest/gtest.h>

#include <newsfacet/index.hpp>

#include "cli_support.hpp"

using namespace newsfacet::testing;

namespace {

std::string article(const TempDir& dir) { return dir.write("a.txt", "Alpha\n\nA story about grain.\n").string(); }

}  // namespace

TEST(CliLock, ASecondWriterIsToldTheIndexIsLocked) {
    TempDir dir;
    auto holder = newsfacet::Index::create_or_open(dir / "db");
    auto r = run_index(dir, {"--db", db_of(dir), article(dir)});
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "index is locked by another indexer")) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(CliLock, WaitGivesUpAfterItsTimeout) {
    TempDir dir;
    auto holder = newsfacet::Index::create_or_open(dir / "db");
    const auto start = std::chrono::steady_clock::now();
    auto r = run_index(dir, {"--wait=1", "--db", db_of(dir), article(dir)});
    const auto waited = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "waiting for another indexer")) << r.err;
    EXPECT_TRUE(contains(r.err, "index is locked by another indexer")) << r.err;
    EXPECT_GE(waited, std::chrono::milliseconds(800));
}

TEST(CliLock, WaitIndexesOnceTheOtherWriterIsDone) {
    TempDir dir;
    std::optional<newsfacet::Index> holder = newsfacet::Index::create_or_open(dir / "db");
    std::thread release([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(700));
        holder.reset();
    });
    // --wait takes no value unless written --wait=N: the path after it stays a path.
    auto r = run_index(dir, {"--db", db_of(dir), "--wait", article(dir)});
    release.join();
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "waiting for another indexer")) << r.err;
    EXPECT_TRUE(contains(r.err, "1 added")) << r.err;
}

TEST(CliLock, WaitMustBeANumberOfSeconds) {
    TempDir dir;
    auto r = run_index(dir, {"--wait=soon", "--db", db_of(dir), article(dir)});
    EXPECT_EQ(r.status, 2) << r.err;
    r = run_index(dir, {"--wait=-5", "--db", db_of(dir), article(dir)});
    EXPECT_EQ(r.status, 2) << r.err;
}
