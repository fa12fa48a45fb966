// One writer at a time: a second newsfacet-index fails at once with a clear message (exit 1),
// or waits for the first with --wait. The tests hold the lock in this process and release it
// on what the waiter prints, never after an amount of time.
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <newsfacet/index.hpp>

#include "cli_support.hpp"
#include "spawn.hpp"

using namespace newsfacet::testing;

namespace {

std::string article(const TempDir& dir) { return dir.write("a.txt", "Alpha\n\nA story about grain.\n").string(); }

// Holds the lock (it is held once create_or_open returns) while newsfacet-index runs with
// `wait_options`, releases it once the waiter says it waits (however slowly it started, it met
// the lock), and expects the article indexed.
void expect_indexed_after_release(const std::vector<std::string>& wait_options) {
    TempDir dir;
    std::optional<newsfacet::Index> holder = newsfacet::Index::create_or_open(dir / "db");
    const auto output = dir / "waiter.txt";
    std::vector<std::string> args = {index_bin, "--db", db_of(dir)};
    args.insert(args.end(), wait_options.begin(), wait_options.end());
    args.push_back(article(dir));
    const pid_t waiter = spawn_to_file(args, output);
    ASSERT_GT(waiter, 0);
    const bool waiting = wait_for_output(waiter, output, "waiting for another indexer");
    holder.reset();
    EXPECT_TRUE(waiting) << file_text(output);
    EXPECT_EQ(exit_code_of(waiter), 0) << file_text(output);
    EXPECT_TRUE(contains(file_text(output), "1 added")) << file_text(output);
}

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
    auto r = run_index(dir, {"--wait=1", "--db", db_of(dir), article(dir)});
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "waiting for another indexer")) << r.err;
    EXPECT_TRUE(contains(r.err, "index is locked by another indexer")) << r.err;
}

TEST(CliLock, WaitIndexesOnceTheOtherWriterIsDone) {
    // --wait takes no value unless written --wait=N: the path after it stays a path.
    expect_indexed_after_release({"--wait"});
}

TEST(CliLock, WaitWithATimeoutKeepsTryingUntilItEnds) {
    // Released well within the minute: a waiter that gave up at the first refusal, or counted
    // the seconds as milliseconds, has ended with exit 1 by then.
    expect_indexed_after_release({"--wait=60"});
}

TEST(CliLock, WaitMustBeANumberOfSeconds) {
    TempDir dir;
    auto r = run_index(dir, {"--wait=soon", "--db", db_of(dir), article(dir)});
    EXPECT_EQ(r.status, 2) << r.err;
    r = run_index(dir, {"--wait=-5", "--db", db_of(dir), article(dir)});
    EXPECT_EQ(r.status, 2) << r.err;
}
