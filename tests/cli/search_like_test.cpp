// newsfacet-search --like ID (more like this) and "Did you mean" for misspelt query words.
#include <gtest/gtest.h>

#include "cli_support.hpp"

using namespace newsfacet::testing;

namespace {

using CliMoreLikeThis = CliCorpusTest;
using CliDidYouMean = CliCorpusTest;

}  // namespace

TEST_F(CliMoreLikeThis, JsonListsOtherArticlesNeverTheSeed) {
    auto j = search({"--like", seed_id, "--limit", "100"});
    EXPECT_EQ(j["like"], seed_id);
    EXPECT_EQ(j["query"], "");
    ASSERT_FALSE(j["results"].empty());
    EXPECT_EQ(j["total"].get<std::size_t>(), j["results"].size());
    auto ids = result_ids(j);
    ASSERT_GE(ids.size(), 3u);
    EXPECT_EQ(std::find(ids.begin(), ids.end(), seed_id), ids.end());
    for (const auto& r : j["results"]) EXPECT_GT(r["score"].get<double>(), 0.0) << r["id"];
    // Ranked by likeness: an attack on a diplomatic site is in the top 3.
    bool diplomatic = false;
    for (std::size_t i = 0; i < 3; ++i) {
        const auto& id = ids[i];
        diplomatic = diplomatic || contains(id, "embass") || contains(id, "consulate") ||
                     contains(id, "barrage");
    }
    EXPECT_TRUE(diplomatic) << j["results"].dump();
    EXPECT_FALSE(j["facets"]["country"].empty());
}

TEST_F(CliMoreLikeThis, QueryTextAndFiltersNarrowIt) {
    auto all = result_id_set(search({"--like", seed_id, "--limit", "100"}));
    auto narrowed = search({"--like", seed_id, "--limit", "100", "--country", "Sudan", "embassy"});
    EXPECT_EQ(narrowed["query"], "embassy");
    ASSERT_FALSE(narrowed["results"].empty());
    for (const auto& r : narrowed["results"]) {
        EXPECT_TRUE(all.count(r["id"].get<std::string>())) << r["id"];
        EXPECT_TRUE(has_value(r["facets"]["country"], "Sudan")) << r["id"];
    }
}

TEST_F(CliMoreLikeThis, TextOutputNamesTheArticle) {
    auto r = search_raw({"--like", seed_id, "-n", "2"}, {"NO_COLOR=1"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(lines_of(r.out).at(0), " articles like " + seed_id + " (showing 1-2)"))
        << r.out;
    EXPECT_FALSE(contains(r.out, "   " + seed_id + "\n")) << r.out;
}

TEST_F(CliMoreLikeThis, UnknownIdIsARuntimeErrorOnOneLine) {
    for (bool json : {false, true}) {
        std::vector<std::string> args = {"--like", "nf-1999-no-such-article"};
        if (json) args.push_back("--json");
        auto r = search_raw(args);
        EXPECT_EQ(r.status, 1) << r.err;
        EXPECT_TRUE(r.out.empty()) << r.out;
        ASSERT_EQ(lines_of(r.err).size(), 1u) << r.err;
        EXPECT_TRUE(contains(r.err, "newsfacet-search: ")) << r.err;
        EXPECT_TRUE(contains(r.err, "\"nf-1999-no-such-article\"")) << r.err;
    }
}

TEST_F(CliMoreLikeThis, LikeWithoutAValueIsAUsageError) {
    auto r = search_raw({"--like"});
    EXPECT_EQ(r.status, 2) << r.err;
}

TEST(CliMoreLikeThisHelp, HelpShowsLikeWithAnExample) {
    TempDir dir;
    auto r = run_search(dir, {"--help"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "--like")) << r.out;
    EXPECT_TRUE(contains(r.out, "newsfacet-search --like ")) << r.out;
}

TEST_F(CliDidYouMean, JsonHasTheCorrectedQuery) {
    auto j = search({"all strikes affecting embasies"});
    EXPECT_EQ(j["corrected_query"], "all strikes affecting embassies");
    auto fine = search({"all strikes affecting embassies"});
    EXPECT_EQ(fine["corrected_query"], "");
    auto capitalised = search({"Zelensky"});
    EXPECT_EQ(capitalised["corrected_query"], "");
    EXPECT_GT(capitalised["total"].get<int>(), 0);
}

TEST_F(CliDidYouMean, TextShowsOneDidYouMeanLine) {
    auto r = search_raw({"all strikes affecting embasies"}, {"NO_COLOR=1"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(lines_containing(r.out, "Did you mean: all strikes affecting embassies?"), 1u)
        << r.out;
    auto lines = lines_of(r.out);
    ASSERT_GE(lines.size(), 2u);
    EXPECT_EQ(lines[1], "Did you mean: all strikes affecting embassies?") << r.out;
    auto fine = search_raw({"all strikes affecting embassies"}, {"NO_COLOR=1"});
    EXPECT_FALSE(contains(fine.out, "Did you mean")) << fine.out;
}
