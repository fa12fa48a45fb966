// --help of both tools: exit 0 and show examples.
#include <gtest/gtest.h>

#include "cli_support.hpp"

using namespace newsfacet::testing;

TEST(CliHelp, SearchHelpExitsZeroWithExamples) {
    TempDir dir;
    auto r = run_search(dir, {"--help"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Example")) << r.out;
    EXPECT_TRUE(contains(r.out, "newsfacet-search \"all strikes affecting embassies\"")) << r.out;
    EXPECT_TRUE(contains(r.out, "--country")) << r.out;
    EXPECT_TRUE(contains(r.out, "NEWSFACET_DB")) << r.out;
    EXPECT_FALSE(std::filesystem::exists(dir / "newsfacet.db"));
}

TEST(CliHelp, IndexHelpExitsZeroWithExamples) {
    TempDir dir;
    auto r = run_index(dir, {"--help"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Example")) << r.out;
    EXPECT_TRUE(contains(r.out, "newsfacet-index --tag-only")) << r.out;
    EXPECT_TRUE(contains(r.out, "--delete")) << r.out;
    EXPECT_TRUE(contains(r.out, "Exit status")) << r.out;
}

TEST(CliHelp, ShortHelpFlag) {
    TempDir dir;
    EXPECT_EQ(run_search(dir, {"-h"}).status, 0);
    EXPECT_EQ(run_index(dir, {"-h"}).status, 0);
}
