// The headline query "all strikes affecting embassies" over the whole corpus.
#include <gtest/gtest.h>

#include <map>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"
#include "corpus_answer_key.hpp"

using newsfacet::testing::ids_of;

using newsfacet::testing::diplomatic_strikes;
using newsfacet::testing::embassies_without_strikes;
using newsfacet::testing::labour_strikes;

namespace {

const std::string headline_query = "all strikes affecting embassies";

using ApiHeadlineQuery = newsfacet::testing::CorpusTest;

// 1-based rank of each hit, by id.
std::map<std::string, std::size_t> ranks(const newsfacet::SearchResults& results) {
    std::map<std::string, std::size_t> out;
    for (const auto& h : results.hits) out[h.id] = h.rank;
    return out;
}

}  // namespace

TEST_F(ApiHeadlineQuery, SeedRanksFirst) {
    auto results = search_all(headline_query);
    ASSERT_FALSE(results.hits.empty());
    EXPECT_EQ(results.hits[0].id, newsfacet::testing::seed_id);
    EXPECT_EQ(results.hits[0].rank, 1u);
}

TEST_F(ApiHeadlineQuery, SeedRanksFirstWithDefaultLimit) {
    newsfacet::SearchRequest request;
    request.query = headline_query;
    auto results = search(request);
    ASSERT_FALSE(results.hits.empty());
    EXPECT_EQ(results.hits[0].id, newsfacet::testing::seed_id);
}

TEST_F(ApiHeadlineQuery, SeedSnippetMarksStruckAndEmbassy) {
    auto results = search_all(headline_query);
    ASSERT_FALSE(results.hits.empty());
    ASSERT_EQ(results.hits[0].id, newsfacet::testing::seed_id);
    const auto& snippet = results.hits[0].snippet;
    EXPECT_NE(snippet.text.find("struck the grounds"), std::string::npos) << snippet.text;
    auto html = snippet.to_html();
    EXPECT_NE(html.find("<mark>struck</mark>"), std::string::npos) << html;
    EXPECT_NE(html.find("<mark>embassy</mark>"), std::string::npos) << html;
}

TEST_F(ApiHeadlineQuery, EveryDiplomaticStrikeMatches) {
    auto r = ranks(search_all(headline_query));
    for (const auto& id : diplomatic_strikes) EXPECT_TRUE(r.count(id)) << id << " does not match";
}

TEST_F(ApiHeadlineQuery, LabourStrikesRankBelowEveryDiplomaticStrike) {
    auto r = ranks(search_all(headline_query));
    std::size_t worst_diplomatic = 0;
    for (const auto& id : diplomatic_strikes) {
        ASSERT_TRUE(r.count(id)) << id;
        worst_diplomatic = std::max(worst_diplomatic, r[id]);
    }
    for (const auto& id : labour_strikes) {
        if (!r.count(id)) continue;  // not matching at all is below too
        EXPECT_GT(r[id], worst_diplomatic) << id << " ranks " << r[id] << ", above a diplomatic strike at "
                                           << worst_diplomatic;
    }
}

TEST_F(ApiHeadlineQuery, DiplomaticStrikesFillTheTopRanks) {
    auto results = search_all(headline_query);
    ASSERT_GE(results.hits.size(), diplomatic_strikes.size());
    for (std::size_t i = 0; i < diplomatic_strikes.size(); ++i) {
        EXPECT_TRUE(newsfacet::testing::contains(diplomatic_strikes, results.hits[i].id))
            << "rank " << i + 1 << ": " << results.hits[i].id;
    }
}

namespace {

class ApiParaphrases : public newsfacet::testing::CorpusTest,
                       public ::testing::WithParamInterface<const char*> {};

}  // namespace

// The same question asked other ways: every strike on a diplomatic site ranks above every
// labour strike and every embassy article without a strike.
TEST_P(ApiParaphrases, DiplomaticStrikesRankAboveNearMisses) {
    auto r = ranks(search_all(GetParam()));
    std::size_t worst_diplomatic = 0;
    for (const auto& id : diplomatic_strikes) {
        ASSERT_TRUE(r.count(id)) << id << " does not match";
        worst_diplomatic = std::max(worst_diplomatic, r[id]);
    }
    for (const auto* list : {&labour_strikes, &embassies_without_strikes}) {
        for (const auto& id : *list) {
            if (!r.count(id)) continue;
            EXPECT_GT(r[id], worst_diplomatic) << id << " ranks " << r[id];
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Paraphrases, ApiParaphrases,
                         ::testing::Values("all strikes affecting embassies", "strikes on embassies",
                                           "embassy attacked", "missile hit embassy", "shelling of consulates",
                                           "embassy hit by missile"));

// Entities named in a query in any spelling favour the articles about them: "Kiev" finds the
// articles tagged Kyiv first, though most spell it Kyiv.
TEST_F(ApiHeadlineQuery, QueryEntitiesMatchFacetsInAnySpelling) {
    auto results = search_all("Kiev");
    ASSERT_GE(results.hits.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto& locations = results.hits[i].facets.location;
        EXPECT_NE(std::find(locations.begin(), locations.end(), "Kyiv"), locations.end()) << results.hits[i].id;
    }
    auto caps = search_all("UKRAINE STRIKES");
    ASSERT_FALSE(caps.hits.empty());
    const auto& countries = caps.hits[0].facets.country;
    EXPECT_NE(std::find(countries.begin(), countries.end(), "Ukraine"), countries.end());
}
