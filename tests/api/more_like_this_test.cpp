// More like this: SearchRequest::like over corpus/.
#include <gtest/gtest.h>

#include <map>
#include <numeric>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"
#include "corpus_answer_key.hpp"

using newsfacet::testing::contains;
using newsfacet::testing::ids_of;
using newsfacet::testing::seed_id;

using newsfacet::testing::embassies_without_strikes;
using newsfacet::testing::labour_strikes;

namespace {

// The seed's fellow diplomatic strikes (the seed itself is never a result).
const std::vector<std::string> diplomatic_strikes(newsfacet::testing::diplomatic_strikes.begin() + 1,
                                                  newsfacet::testing::diplomatic_strikes.end());

// Mean 1-based rank of `ids` in `results`; an article that does not match counts as ranked
// just after the last hit.
double mean_rank(const newsfacet::SearchResults& results, const std::vector<std::string>& ids) {
    auto order = ids_of(results);
    double sum = 0;
    for (const auto& id : ids) {
        auto it = std::find(order.begin(), order.end(), id);
        sum += static_cast<double>(it - order.begin()) + 1;
    }
    return sum / static_cast<double>(ids.size());
}

class ApiMoreLikeThis : public newsfacet::testing::CorpusTest {
protected:
    [[nodiscard]] newsfacet::SearchRequest like(const std::string& id,
                                                std::string query = {}) const {
        auto request = newsfacet::testing::everything(std::move(query));
        request.like = id;
        return request;
    }
};

}  // namespace

TEST_F(ApiMoreLikeThis, SeedFindsStrikesOnDiplomaticSitesFirst) {
    auto results = search(like(seed_id));
    ASSERT_GE(results.hits.size(), 10u);
    EXPECT_EQ(results.like, seed_id);
    std::size_t top5 = 0;
    for (std::size_t i = 0; i < 5; ++i)
        top5 += contains(diplomatic_strikes, results.hits[i].id) ? 1 : 0;
    EXPECT_GE(top5, 3u) << "diplomatic strikes in the top 5";
    // Better placed, on average, than the near misses that share one of its words.
    const double diplomatic = mean_rank(results, diplomatic_strikes);
    EXPECT_LT(diplomatic, mean_rank(results, labour_strikes));
    EXPECT_LT(diplomatic, mean_rank(results, embassies_without_strikes));
    for (const auto& h : results.hits) EXPECT_GT(h.score, 0.0) << h.id;
}

TEST_F(ApiMoreLikeThis, NeverReturnsTheArticleItself) {
    for (const auto& id : {seed_id, std::string("nf-2024-1003-beirut-kuwaiti-embassy"),
                           std::string("nf-2024-0226-hamburg-dock-strike")}) {
        auto results = search(like(id));
        EXPECT_FALSE(results.hits.empty()) << id;
        EXPECT_FALSE(contains(ids_of(results), id)) << id;
        EXPECT_EQ(results.total, results.hits.size()) << id;
        EXPECT_LT(results.total, newsfacet::testing::corpus_articles) << id;
    }
}

TEST_F(ApiMoreLikeThis, UnknownIdThrowsArticleNotFound) {
    try {
        (void)search(like("nf-1999-no-such-article"));
        FAIL() << "no exception";
    } catch (const newsfacet::ArticleNotFoundError& e) {
        EXPECT_EQ(e.id(), "nf-1999-no-such-article");
        EXPECT_NE(std::string(e.what()).find("nf-1999-no-such-article"), std::string::npos)
            << e.what();
    }
    // A runtime error, not a usage error: the tools exit 1 for it.
    EXPECT_THROW((void)search(like("nf-1999-no-such-article")), newsfacet::Error);
    try {
        (void)search(like("nf-1999-no-such-article"));
    } catch (const newsfacet::UsageError&) {
        ADD_FAILURE() << "an unknown id is not a usage error";
    } catch (const newsfacet::Error&) {
    }
}

TEST_F(ApiMoreLikeThis, QueryWordsMustAlsoMatch) {
    auto with_text = search(like(seed_id, "consulate"));
    auto text_only = search_all("consulate");
    ASSERT_FALSE(with_text.hits.empty());
    auto allowed = newsfacet::testing::as_set(ids_of(text_only));
    for (const auto& id : ids_of(with_text))
        EXPECT_TRUE(allowed.count(id)) << id << " does not match the query";
    EXPECT_FALSE(contains(ids_of(with_text), seed_id));
    EXPECT_LE(with_text.total, text_only.total);
}

TEST_F(ApiMoreLikeThis, FiltersDatesSortAndFacetsStillApply) {
    auto request = like(seed_id);
    request.filters[newsfacet::Facet::country] = {"ukraine"};
    request.since = "2024-03-01";
    request.sort = newsfacet::SortOrder::newest;
    auto results = search(request);
    ASSERT_FALSE(results.hits.empty());
    std::string previous = "9999";
    for (const auto& h : results.hits) {
        EXPECT_TRUE(contains(h.facets.country, "Ukraine")) << h.id;
        EXPECT_GE(h.date, std::string("2024-03-01")) << h.id;
        EXPECT_LE(h.date, previous) << h.id;
        previous = h.date;
    }
    auto countries = newsfacet::testing::counts_of(results, newsfacet::Facet::country);
    ASSERT_FALSE(countries.empty());
    EXPECT_EQ(countries.front().value, "Ukraine");
    EXPECT_EQ(countries.front().count, results.total);
    EXPECT_FALSE(results.facets_without_own_filter.empty());
}

TEST_F(ApiMoreLikeThis, ExcludedWordsNarrowTheResults) {
    auto all = search(like(seed_id));
    auto narrowed = search(like(seed_id, "NOT consulate"));
    auto allowed = newsfacet::testing::as_set(ids_of(all));
    EXPECT_LT(narrowed.total, all.total);
    for (const auto& id : ids_of(narrowed)) EXPECT_TRUE(allowed.count(id)) << id;
    EXPECT_FALSE(contains(ids_of(narrowed), "nf-2025-0603-erbil-turkish-consulate"));
}

TEST_F(ApiMoreLikeThis, SnippetsMarkTheSharedWords) {
    auto request = like(seed_id);
    request.limit = 3;
    auto results = search(request);
    ASSERT_FALSE(results.hits.empty());
    for (const auto& h : results.hits) EXPECT_FALSE(h.snippet.highlights.empty()) << h.id;
}

TEST_F(ApiMoreLikeThis, NormalQueriesRankAsBefore) {
    // `like` empty is off: same results as a request without it.
    auto plain = search_all("all strikes affecting embassies");
    auto request = newsfacet::testing::everything("all strikes affecting embassies");
    request.like = "";
    auto same = search(request);
    EXPECT_EQ(ids_of(plain), ids_of(same));
    EXPECT_EQ(same.like, "");
}
