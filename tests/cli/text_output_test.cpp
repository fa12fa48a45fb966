// newsfacet-search plain-text output: [ ] marks without a terminal, ANSI with --color always.
#include <gtest/gtest.h>

#include "cli_support.hpp"

using namespace newsfacet::testing;

using CliTextOutput = CliCorpusTest;

TEST_F(CliTextOutput, PlainTextMarksMatchesWithBrackets) {
    auto r = search_raw({"all strikes affecting embassies"}, {"NO_COLOR=1"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << "ANSI escape in plain output";
    EXPECT_TRUE(contains(r.out, "[struck]")) << r.out;
    EXPECT_TRUE(contains(r.out, "[embassy]")) << r.out;
    EXPECT_TRUE(contains(r.out, "1. Russian forces struck")) << r.out;
    EXPECT_TRUE(contains(r.out, seed_id)) << r.out;
    EXPECT_TRUE(contains(r.out, "(showing 1-10)")) << r.out;
    EXPECT_TRUE(contains(r.out, "Facets over all")) << r.out;
}

TEST_F(CliTextOutput, NotATerminalMeansNoColourEvenWithoutNoColor) {
    // stdout is a pipe here, so --color auto (the default) must not colour.
    auto r = search_raw({"embassy"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
    auto never = search_raw({"--color", "never", "embassy"});
    EXPECT_EQ(never.out.find('\x1b'), std::string::npos);
    EXPECT_EQ(never.out, r.out);
}

TEST_F(CliTextOutput, ColorAlwaysProducesAnsiEscapes) {
    auto r = search_raw({"--color", "always", "embassy"}, {"NO_COLOR=1"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "\x1b[")) << r.out;
    EXPECT_TRUE(contains(r.out, "\x1b[0m"));
    EXPECT_FALSE(contains(r.out, "[embassy]")) << r.out;
}

TEST_F(CliTextOutput, ShowsFacetsOfEachResultAndOfficials) {
    auto r = search_raw({"--official", "Ilham Aliyev"}, {"NO_COLOR=1"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "1 article")) << r.out;
    EXPECT_TRUE(contains(r.out, "country: Azerbaijan, Russia, Ukraine")) << r.out;
    EXPECT_TRUE(contains(r.out, "Ilham Aliyev (President, Azerbaijan)")) << r.out;
}

TEST_F(CliTextOutput, NoFacetsOptionDropsTheFacetSection) {
    auto r = search_raw({"--no-facets", "embassy"}, {"NO_COLOR=1"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_FALSE(contains(r.out, "Facets over all")) << r.out;
}

TEST_F(CliTextOutput, NoResults) {
    auto r = search_raw({"xylophonist"}, {"NO_COLOR=1"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "0 articles")) << r.out;
    EXPECT_FALSE(contains(r.out, "1. ")) << r.out;
}

TEST_F(CliTextOutput, JsonIsNeverColoured) {
    auto r = search_raw({"--json", "--color", "always", "embassy"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
    EXPECT_TRUE(nlohmann::json::parse(r.out).is_object());
}
