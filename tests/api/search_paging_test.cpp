// Searcher offset/limit: pages continue each other, ranks count from the whole list.
#include <gtest/gtest.h>

#include <limits>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"

using newsfacet::SearchRequest;
using newsfacet::SearchResults;
using newsfacet::testing::everything;
using newsfacet::testing::ids_of;

namespace {

class ApiSearchPaging : public newsfacet::testing::CorpusTest,
                        public ::testing::WithParamInterface<std::string> {
protected:
    SearchResults page(std::size_t offset, std::size_t limit) {
        SearchRequest request;
        request.query = GetParam();
        request.offset = offset;
        request.limit = limit;
        return search(request);
    }
};

}  // namespace

TEST_P(ApiSearchPaging, PagesConcatenateToTheFullList) {
    auto full = search_all(GetParam());
    ASSERT_GE(full.total, 12u);
    std::vector<std::string> paged;
    for (std::size_t offset = 0; offset < full.total; offset += 5) {
        auto p = page(offset, 5);
        EXPECT_EQ(p.total, full.total);
        ASSERT_EQ(p.hits.size(), std::min<std::size_t>(5, full.total - offset));
        for (std::size_t i = 0; i < p.hits.size(); ++i) {
            EXPECT_EQ(p.hits[i].rank, offset + i + 1);
            EXPECT_EQ(p.hits[i].id, full.hits[offset + i].id);
            EXPECT_DOUBLE_EQ(p.hits[i].score, full.hits[offset + i].score);
            paged.push_back(p.hits[i].id);
        }
    }
    EXPECT_EQ(paged, ids_of(full));
}

TEST_P(ApiSearchPaging, SecondPageContinuesFirst) {
    auto first = page(0, 10);
    auto second = page(10, 10);
    auto both = page(0, 20);
    ASSERT_EQ(first.hits.size(), 10u);
    ASSERT_FALSE(second.hits.empty());
    EXPECT_EQ(first.hits.front().rank, 1u);
    EXPECT_EQ(first.hits.back().rank, 10u);
    EXPECT_EQ(second.hits.front().rank, 11u);
    auto joined = ids_of(first);
    for (const auto& id : ids_of(second)) joined.push_back(id);
    EXPECT_EQ(joined, ids_of(both));
    // No article appears on both pages.
    for (const auto& id : ids_of(second)) EXPECT_FALSE(newsfacet::testing::contains(ids_of(first), id)) << id;
}

TEST_P(ApiSearchPaging, FacetCountsDoNotDependOnThePage) {
    auto first = page(0, 3);
    auto second = page(3, 3);
    ASSERT_EQ(first.facets.size(), second.facets.size());
    for (std::size_t f = 0; f < first.facets.size(); ++f) {
        EXPECT_EQ(first.facets[f].first, second.facets[f].first);
        ASSERT_EQ(first.facets[f].second.size(), second.facets[f].second.size());
        for (std::size_t i = 0; i < first.facets[f].second.size(); ++i) {
            EXPECT_EQ(first.facets[f].second[i].value, second.facets[f].second[i].value);
            EXPECT_EQ(first.facets[f].second[i].count, second.facets[f].second[i].count);
        }
    }
}

TEST_P(ApiSearchPaging, OffsetPastTheEndGivesNoHitsButTheTotal) {
    auto full = search_all(GetParam());
    auto past = page(full.total, 10);
    EXPECT_TRUE(past.hits.empty());
    EXPECT_EQ(past.total, full.total);
    auto far = page(full.total + 1000, 10);
    EXPECT_TRUE(far.hits.empty());
    EXPECT_EQ(far.total, full.total);
}

TEST_P(ApiSearchPaging, ZeroLimitGivesTotalAndFacetsOnly) {
    auto full = search_all(GetParam());
    auto none = page(0, 0);
    EXPECT_TRUE(none.hits.empty());
    EXPECT_EQ(none.total, full.total);
    ASSERT_EQ(none.facets.size(), full.facets.size());
    for (std::size_t f = 0; f < full.facets.size(); ++f) {
        const auto& want = full.facets[f].second;
        const auto& got = none.facets[f].second;
        // A zero-size page still counts facets over every match (top 50 per facet by default).
        ASSERT_EQ(got.size(), std::min<std::size_t>(50, want.size())) << newsfacet::facet_name(full.facets[f].first);
        for (std::size_t k = 0; k < got.size(); ++k) {
            EXPECT_EQ(got[k].value, want[k].value);
            EXPECT_EQ(got[k].count, want[k].count);
        }
    }
}


TEST_P(ApiSearchPaging, LastPartialPage) {
    auto full = search_all(GetParam());
    auto last = page(full.total - 2, 10);
    ASSERT_EQ(last.hits.size(), 2u);
    EXPECT_EQ(last.hits.back().rank, full.total);
    EXPECT_EQ(last.hits.back().id, full.hits.back().id);
}

TEST_P(ApiSearchPaging, DefaultLimitIsTen) {
    SearchRequest request;
    request.query = GetParam();
    auto results = search(request);
    EXPECT_EQ(results.hits.size(), 10u);
}

INSTANTIATE_TEST_SUITE_P(Queries, ApiSearchPaging,
                         ::testing::Values(std::string(), std::string("embassy"),
                                           std::string("all strikes affecting embassies"), std::string("strike")),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                             return "Query" + std::to_string(param_info.index);
                         });

using ApiSearchPagingLimits = newsfacet::testing::CorpusTest;

TEST_F(ApiSearchPagingLimits, OffsetBeyond32BitsGivesNoHits) {
    SearchRequest request;
    request.query = "embassy";
    request.offset = std::size_t{1} << 32;  // does not fit a 32-bit document count
    auto past = search(request);
    EXPECT_EQ(past.total, search_all("embassy").total);
    EXPECT_TRUE(past.hits.empty()) << "first hit has rank " << past.hits.front().rank;
}

TEST_F(ApiSearchPagingLimits, HugeLimitReturnsEverything) {
    SearchRequest request;
    request.query = "embassy";
    request.limit = std::numeric_limits<std::size_t>::max();
    auto results = search(request);
    EXPECT_EQ(results.hits.size(), results.total);
    EXPECT_EQ(ids_of(results), ids_of(search_all("embassy")));
}
