// Sorting by date and the per-month histogram of all matches.
#include <gtest/gtest.h>

#include <map>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"

using ApiSortAndHistogram = newsfacet::testing::CorpusTest;

namespace {

newsfacet::SearchRequest everything(const std::string& query, newsfacet::SortOrder sort) {
    newsfacet::SearchRequest r;
    r.query = query;
    r.sort = sort;
    r.limit = 1000;
    return r;
}

}  // namespace

TEST_F(ApiSortAndHistogram, NewestAndOldestFirstWithUndatedLast) {
    for (auto order : {newsfacet::SortOrder::newest, newsfacet::SortOrder::oldest}) {
        auto results = search(everything("embassy", order));
        ASSERT_GT(results.hits.size(), 3u);
        bool undated_seen = false;
        for (std::size_t i = 1; i < results.hits.size(); ++i) {
            const auto& prev = results.hits[i - 1].date;
            const auto& cur = results.hits[i].date;
            if (prev.empty()) undated_seen = true;
            if (cur.empty()) continue;
            EXPECT_FALSE(undated_seen) << "dated article after an undated one";
            if (order == newsfacet::SortOrder::newest) EXPECT_GE(prev.substr(0, 10), cur.substr(0, 10));
            else EXPECT_LE(prev.substr(0, 10), cur.substr(0, 10));
        }
    }
}

TEST_F(ApiSortAndHistogram, MonthsCountEveryDatedMatch) {
    for (const char* query : {"", "embassy", "strike", "country:Ukraine"}) {
        auto all = search(everything(query, newsfacet::SortOrder::relevance));
        std::map<std::string, std::uint64_t> expected;
        for (const auto& h : all.hits) {
            if (h.date.size() >= 7) ++expected[h.date.substr(0, 7)];
        }
        std::map<std::string, std::uint64_t> got;
        std::string previous;
        for (const auto& m : all.months) {
            EXPECT_LT(previous, m.value) << "months out of order";
            previous = m.value;
            got[m.value] = m.count;
        }
        EXPECT_EQ(got, expected) << query;
        // The histogram does not depend on the page asked for.
        auto page = everything(query, newsfacet::SortOrder::relevance);
        page.limit = 1;
        EXPECT_EQ(search(page).months.size(), all.months.size()) << query;
    }
}

// Multi-select counts: a filtered facet's counts as if its own filter were off, while `facets`
// still counts the current matches.
TEST_F(ApiSortAndHistogram, FacetsWithoutOwnFilterEqualTheUnfilteredCounts) {
    newsfacet::SearchRequest filtered;
    filtered.query = "strike location:Kyiv";
    filtered.filters[newsfacet::Facet::country] = {"ukraine"};
    filtered.limit = 0;
    filtered.max_facet_values = 1000;
    auto results = search(filtered);
    ASSERT_EQ(results.facets_without_own_filter.size(), 2u);  // country and location
    for (const auto& [facet, counts] : results.facets_without_own_filter) {
        auto wider = filtered;
        if (facet == newsfacet::Facet::country) wider.filters.erase(newsfacet::Facet::country);
        else wider.query = "strike";
        auto expected = search(wider);
        for (const auto& [f, c] : expected.facets) {
            if (f != facet) continue;
            EXPECT_EQ(c.size(), counts.size()) << newsfacet::facet_name(facet);
            for (std::size_t i = 0; i < c.size() && i < counts.size(); ++i) {
                EXPECT_EQ(c[i].value, counts[i].value);
                EXPECT_EQ(c[i].count, counts[i].count);
            }
        }
    }
    // No filter, no multi-select counts.
    newsfacet::SearchRequest plain;
    plain.query = "strike";
    EXPECT_TRUE(search(plain).facets_without_own_filter.empty());
}

TEST_F(ApiSortAndHistogram, DidYouMeanForFilterValuesThatMatchNothing) {
    newsfacet::SearchRequest r;
    r.filters[newsfacet::Facet::country] = {"Azerbajan"};
    auto misspelt = search(r);
    EXPECT_EQ(misspelt.total, 0u);
    EXPECT_EQ(misspelt.suggestions, (std::vector<std::string>{"country:Azerbaijan"}));
    r.filters[newsfacet::Facet::country] = {"azerbaijan"};  // right, in another case: no suggestion
    EXPECT_TRUE(search(r).suggestions.empty());
    r.filters[newsfacet::Facet::country] = {"Qwertyuiop"};  // nothing close: no guess
    EXPECT_TRUE(search(r).suggestions.empty());
    newsfacet::SearchRequest official;
    official.filters[newsfacet::Facet::official] = {"Ilham Aliev"};
    EXPECT_EQ(search(official).suggestions, (std::vector<std::string>{"official:Ilham Aliyev"}));
}
