// Common words rank but do not match: in a query of several concepts, a word found in more
// than a tenth of a large index (and in more than 1,000 articles) only adds weight to the
// articles that match a rarer word, unless the query asks for any word with OR.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"

using newsfacet::SearchResults;
using newsfacet::testing::everything;
using newsfacet::testing::ids_of;
using newsfacet::testing::make_article;

namespace {

// `articles` articles, every one but the zebra and giraffe ones mentioning the harbour, the
// first 300 a walrus too. Zebra articles 0-2 mention the harbour too, 3-4 the quay instead;
// giraffe articles 0-1 the quay.
std::filesystem::path build(const newsfacet::testing::TempDir& dir, int articles) {
    auto path = dir / "index";
    auto index = newsfacet::Index::create_or_open(path);
    auto body = [](const std::string& animal, const std::string& place, int n) {
        return "Keepers moved the " + animal + " past the " + place + " on day " + std::to_string(n) +
               " of the trial while visitors watched from the fence.";
    };
    for (int i = 0; i < articles; ++i) {
        auto filler = make_article("filler-" + std::to_string(i), "Daily notes", body(i < 300 ? "walrus" : "goat", "harbour", i));
        filler.date = "2024-01-15";
        (void)index.add(filler);
    }
    for (int i = 0; i < 5; ++i) {
        auto zebra = make_article("zebra-" + std::to_string(i), "Daily notes", body("zebra", i < 3 ? "harbour" : "quay", i));
        zebra.date = "2024-03-0" + std::to_string(i + 1);
        (void)index.add(zebra);
    }
    for (int i = 0; i < 2; ++i) {
        (void)index.add(make_article("giraffe-" + std::to_string(i), "Daily notes", body("giraffe", "quay", i)));
    }
    index.commit();
    return path;
}

std::set<std::string> as_set(const SearchResults& results) {
    auto ids = ids_of(results);
    return {ids.begin(), ids.end()};
}

}  // namespace

TEST(ApiCommonWords, OnlyRankInALargeIndex) {
    newsfacet::testing::TempDir dir;
    newsfacet::Searcher searcher(build(dir, 1200));
    auto zebra = searcher.search(everything("zebra harbour"));
    EXPECT_EQ(zebra.total_articles, 5u);
    EXPECT_EQ(as_set(zebra), (std::set<std::string>{"zebra-0", "zebra-1", "zebra-2", "zebra-3", "zebra-4"}));
    // The common word still ranks: the zebra articles at the harbour come first.
    ASSERT_EQ(zebra.hits.size(), 5u);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(zebra.hits[i].id.substr(0, 6), "zebra-") << i;
    EXPECT_EQ((std::set<std::string>{zebra.hits[0].id, zebra.hits[1].id, zebra.hits[2].id}),
              (std::set<std::string>{"zebra-0", "zebra-1", "zebra-2"}));

    auto two_rare = searcher.search(everything("zebra giraffe harbour"));
    EXPECT_EQ(two_rare.total_articles, 7u);
}

TEST(ApiCommonWords, MatchWhenTheQueryHasNothingRarerOrSaysOr) {
    newsfacet::testing::TempDir dir;
    newsfacet::Searcher searcher(build(dir, 1200));
    EXPECT_EQ(searcher.search(everything("harbour")).total_articles, 1203u);
    EXPECT_EQ(searcher.search(everything("harbour keepers")).total_articles, 1207u);
    EXPECT_EQ(searcher.search(everything("zebra OR harbour")).total_articles, 1205u);
    EXPECT_EQ(searcher.search(everything("(zebra OR harbour) keepers")).total_articles, 1207u);
}

TEST(ApiCommonWords, AnOrInsideAPhraseIsNoOperator) {
    // "rock OR roll" is a phrase, not a request for any word: the harbour still only ranks.
    newsfacet::testing::TempDir dir;
    newsfacet::Searcher searcher(build(dir, 1200));
    EXPECT_EQ(searcher.search(everything("zebra harbour \"rock OR roll\"")).total_articles, 5u);
    EXPECT_EQ(searcher.search(everything("zebra harbour \"rock OR roll\" OR walrus")).total_articles, 1205u);
}

TEST(ApiCommonWords, MatchWhenNoWordIsFarMoreSpecific) {
    // The harbour is in 1,203 articles, the walrus in 300: not five times rarer, so the query
    // is about both and either matches.
    newsfacet::testing::TempDir dir;
    newsfacet::Searcher searcher(build(dir, 1200));
    EXPECT_EQ(searcher.search(everything("walrus harbour")).total_articles, 1203u);
    EXPECT_EQ(searcher.search(everything("walrus zebra harbour")).total_articles, 305u);
}

TEST(ApiCommonWords, MatchInASmallIndex) {
    // Below 1,000 articles, frequent words are the collection's subject: every word matches.
    newsfacet::testing::TempDir dir;
    newsfacet::Searcher searcher(build(dir, 300));
    EXPECT_EQ(searcher.search(everything("zebra harbour")).total_articles, 305u);
}

TEST(ApiCommonWords, FacetCountsCountTheMatches) {
    newsfacet::testing::TempDir dir;
    newsfacet::Searcher searcher(build(dir, 1200));
    auto results = searcher.search(everything("zebra harbour"));
    ASSERT_EQ(results.months.size(), 1u);  // the fillers' January is not among the matches
    EXPECT_EQ(results.months[0].value, "2024-03");
    EXPECT_EQ(results.months[0].count, 5u);
    EXPECT_EQ(results.total, 5u);
}

TEST(ApiCommonWords, AnEntityAsCommonAsACommonWordOnlyRanks) {
    // France is what 1,200 of 3,203 articles are about (their country facet), the okapi what
    // 3 are: "okapi France" asks for okapis, those in France first, not for everything about
    // France.
    newsfacet::testing::TempDir dir;
    auto path = dir / "index";
    {
        auto index = newsfacet::Index::create_or_open(path);
        for (int i = 0; i < 1200; ++i) {
            (void)index.add(make_article("france-" + std::to_string(i), "Daily notes",
                                         "Farmers in Lyon, France, sold wheat on day " + std::to_string(i) + "."));
        }
        for (int i = 0; i < 2000; ++i) {
            (void)index.add(make_article("other-" + std::to_string(i), "Daily notes",
                                         "Traders sold barley on day " + std::to_string(i) + "."));
        }
        (void)index.add(make_article("okapi-france", "Okapi born", "An okapi was born at a zoo near Lyon, France."));
        (void)index.add(make_article("okapi-1", "Okapi moved", "Keepers moved the okapi to a larger paddock."));
        (void)index.add(make_article("okapi-2", "Okapi fed", "Keepers fed the okapi fresh leaves."));
        index.commit();
    }
    newsfacet::Searcher searcher(path);
    auto results = searcher.search(everything("okapi France"));
    EXPECT_EQ(results.total_articles, 3u);
    ASSERT_FALSE(results.hits.empty());
    EXPECT_EQ(results.hits[0].id, "okapi-france");
    // Alone, the entity matches what it is about, as any single word does.
    EXPECT_EQ(searcher.search(everything("France")).total_articles, 1201u);
}
