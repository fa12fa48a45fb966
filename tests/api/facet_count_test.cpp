// Facet counts equal a brute-force count over every hit, for many queries and filters.
#include <gtest/gtest.h>

#include <map>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"

using newsfacet::Facet;
using newsfacet::FacetCount;
using newsfacet::SearchRequest;
using newsfacet::SearchResults;
using newsfacet::testing::counts_of;
using newsfacet::testing::everything;

namespace {

struct FacetCase {
    std::string name;
    std::string query;
    std::map<Facet, std::vector<std::string>> filters;
    std::vector<std::string> sources;
    std::string since;
    std::string until;
};

// Counts over hits[i].facets, ordered as the library promises: most frequent first, ties by value.
std::vector<FacetCount> brute_force(const SearchResults& results, Facet facet) {
    std::map<std::string, std::uint64_t> counts;
    for (const auto& h : results.hits) {
        for (const auto& v : h.facets[facet]) ++counts[v];
    }
    std::vector<FacetCount> out;
    for (const auto& [value, count] : counts) out.push_back({value, count});
    std::stable_sort(out.begin(), out.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    return out;
}

std::string describe(const std::vector<FacetCount>& counts) {
    std::string out;
    for (const auto& c : counts) out += c.value + "=" + std::to_string(c.count) + " ";
    return out;
}

class ApiFacetCounts : public newsfacet::testing::CorpusTest,
                       public ::testing::WithParamInterface<FacetCase> {
protected:
    // Facet counts count every matching article, copies included, so the brute force needs
    // every article as a hit: no collapsing (ApiCollapse checks that it leaves counts alone).
    SearchRequest request() const {
        const auto& c = GetParam();
        auto r = everything(c.query);
        r.collapse = false;
        r.filters = c.filters;
        r.sources = c.sources;
        r.since = c.since;
        r.until = c.until;
        return r;
    }
};

}  // namespace

TEST_P(ApiFacetCounts, EqualBruteForceCountOverAllHits) {
    auto results = search(request());
    ASSERT_GT(results.total, 0u) << "the case should match something";
    ASSERT_EQ(results.total, results.hits.size());
    ASSERT_EQ(results.total_articles, results.total);
    ASSERT_EQ(results.facets.size(), newsfacet::all_facets.size());
    for (std::size_t i = 0; i < newsfacet::all_facets.size(); ++i) {
        auto facet = newsfacet::all_facets[i];
        EXPECT_EQ(results.facets[i].first, facet);
        auto expected = brute_force(results, facet);
        auto actual = counts_of(results, facet);
        ASSERT_EQ(actual.size(), expected.size())
            << newsfacet::facet_name(facet) << "\nactual:   " << describe(actual) << "\nexpected: " << describe(expected);
        for (std::size_t k = 0; k < expected.size(); ++k) {
            EXPECT_EQ(actual[k].value, expected[k].value) << newsfacet::facet_name(facet) << " #" << k;
            EXPECT_EQ(actual[k].count, expected[k].count) << newsfacet::facet_name(facet) << " " << expected[k].value;
        }
    }
}

TEST_P(ApiFacetCounts, EveryCountIsAtMostTheTotal) {
    auto results = search(request());
    for (const auto& [facet, counts] : results.facets) {
        for (const auto& c : counts) {
            EXPECT_GE(c.count, 1u) << c.value;
            EXPECT_LE(c.count, results.total) << c.value;
        }
    }
}

TEST_P(ApiFacetCounts, SmallPageHasTheSameCountsAsTheFullList) {
    auto full = search(request());
    auto r = request();
    r.limit = 2;
    r.offset = 1;
    auto page = search(r);
    EXPECT_EQ(page.total, full.total);
    for (auto facet : newsfacet::all_facets) {
        auto a = counts_of(page, facet);
        auto b = counts_of(full, facet);
        ASSERT_EQ(a.size(), b.size()) << newsfacet::facet_name(facet);
        for (std::size_t k = 0; k < a.size(); ++k) {
            EXPECT_EQ(a[k].value, b[k].value);
            EXPECT_EQ(a[k].count, b[k].count);
        }
    }
}

TEST_P(ApiFacetCounts, FilteredValueCountsEveryHit) {
    auto results = search(request());
    for (const auto& filter : GetParam().filters) {
        const auto facet = filter.first;
        for (const auto& counts : results.facets) {
            if (counts.first != facet) continue;
            // A filter value appears on every hit, so its count is the total.
            ASSERT_FALSE(counts.second.empty());
            EXPECT_EQ(counts.second.front().count, results.total) << newsfacet::facet_name(facet);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ApiFacetCounts,
    ::testing::Values(
        FacetCase{"EmptyQuery", "", {}, {}, "", ""},
        FacetCase{"Embassy", "embassy", {}, {}, "", ""},
        FacetCase{"HeadlineQuery", "all strikes affecting embassies", {}, {}, "", ""},
        FacetCase{"Strike", "strike", {}, {}, "", ""},
        FacetCase{"Phrase", "\"Green Zone\"", {}, {}, "", ""},
        FacetCase{"BooleanOr", "rockets OR walkout", {}, {}, "", ""},
        FacetCase{"BooleanNot", "port NOT grain", {}, {}, "", ""},
        FacetCase{"CountryUkraine", "", {{Facet::country, {"Ukraine"}}}, {}, "", ""},
        FacetCase{"CountryRussiaAlias", "", {{Facet::country, {"Russian Federation"}}}, {}, "", ""},
        FacetCase{"HeadlineUkraine", "all strikes affecting embassies", {{Facet::country, {"ukraine"}}}, {}, "", ""},
        FacetCase{"TwoCountries", "", {{Facet::country, {"Ukraine", "Poland"}}}, {}, "", ""},
        FacetCase{"LocationKiev", "strike", {{Facet::location, {"kiev"}}}, {}, "", ""},
        FacetCase{"Official", "", {{Facet::official, {"Selin Aydemir"}}}, {}, "", ""},
        FacetCase{"CountryAndLocation", "", {{Facet::country, {"Ukraine"}}, {Facet::location, {"Kharkiv"}}}, {}, "", ""},
        FacetCase{"Source", "", {}, {"Baltic Courier"}, "", ""},
        FacetCase{"SourceAndQuery", "embassy", {}, {"Atlas Daily"}, "", ""},
        FacetCase{"DateRange", "", {}, {}, "2024-06-01", "2025-03-31"},
        FacetCase{"QueryAndDates", "strike", {}, {}, "2025-01-01", ""},
        FacetCase{"InQueryFilter", "embassy country:Iraq", {}, {}, "", ""},
        FacetCase{"InQueryOr", "country:Sudan OR country:Libya", {}, {}, "", ""}),
    [](const ::testing::TestParamInfo<FacetCase>& param_info) { return param_info.param.name; });

using ApiFacetCountOptions = newsfacet::testing::CorpusTest;

TEST_F(ApiFacetCountOptions, EmptyQueryCountsEqualIndexInfo) {
    auto results = search_all();
    auto info = m_searcher->info();
    for (const auto& [facet, expected] : info.facets) {
        auto actual = counts_of(results, facet);
        ASSERT_EQ(actual.size(), expected.size()) << newsfacet::facet_name(facet);
        std::map<std::string, std::uint64_t> want;
        for (const auto& c : expected) want[c.value] = c.count;
        for (const auto& c : actual) EXPECT_EQ(c.count, want[c.value]) << c.value;
    }
}

TEST_F(ApiFacetCountOptions, CountFacetsFalseLeavesFacetsEmpty) {
    auto request = everything("embassy");
    request.count_facets = false;
    auto results = search(request);
    EXPECT_TRUE(results.facets.empty());
    EXPECT_TRUE(results.sources.empty());
    EXPECT_GT(results.total, 0u);
    EXPECT_EQ(results.total, search_all("embassy").total);
}

// Source counts (issue 19: the web page's source facet) equal a count over every hit, with and
// without collapsing, and each equals what filtering on that source finds.
TEST_F(ApiFacetCountOptions, SourceCountsAreExactOverAllMatches) {
    for (const std::string query : {"", "embassy", "strike country:Ukraine"}) {
        auto request = everything(query);
        request.collapse = false;
        const auto results = search(request);
        std::map<std::string, std::uint64_t> want;
        for (const auto& hit : results.hits) {
            if (!hit.source.empty()) ++want[hit.source];
        }
        std::map<std::string, std::uint64_t> got;
        for (const auto& c : results.sources) got[c.value] = c.count;
        EXPECT_EQ(got, want) << query;
        ASSERT_FALSE(results.sources.empty()) << query;
        for (std::size_t i = 1; i < results.sources.size(); ++i) {
            EXPECT_GE(results.sources[i - 1].count, results.sources[i].count) << query;
        }
        auto collapsed = everything(query);
        EXPECT_EQ(search(collapsed).sources.size(), results.sources.size()) << query;
        auto one = everything(query);
        one.sources = {results.sources.front().value};
        EXPECT_EQ(search(one).total_articles, results.sources.front().count) << query;
    }
}

// Multi-select counts for the source (the page's source list widens a selection as the
// facets' do): filtered on a source, by option or in the query text, each source counts what
// the search would match with that source instead; unfiltered, there are none.
TEST_F(ApiFacetCountOptions, SourceCountsWithoutTheSourceFilter) {
    for (const std::string query : {"", "embassy"}) {
        auto unfiltered = everything(query);
        unfiltered.collapse = false;
        const auto all = search(unfiltered);
        EXPECT_TRUE(all.sources_without_own_filter.empty()) << query;
        ASSERT_GE(all.sources.size(), 2u) << query;
        auto by_option = unfiltered;
        by_option.sources = {all.sources.back().value};
        auto in_text = unfiltered;
        in_text.query = query + " (source:\"" + all.sources[0].value + "\" OR source:\"" + all.sources[1].value + "\")";
        for (const auto& request : {by_option, in_text}) {
            const auto results = search(request);
            EXPECT_LT(results.total_articles, all.total_articles) << request.query;
            std::map<std::string, std::uint64_t> want, got;
            for (const auto& c : all.sources) want[c.value] = c.count;
            for (const auto& c : results.sources_without_own_filter) got[c.value] = c.count;
            EXPECT_EQ(got, want) << request.query;
        }
    }
    auto other_filter = everything("embassy");
    other_filter.filters = {{newsfacet::Facet::country, {"Ukraine"}}};
    EXPECT_TRUE(search(other_filter).sources_without_own_filter.empty());
}

TEST_F(ApiFacetCountOptions, MaxFacetValuesKeepsTheMostFrequent) {
    auto full = search_all();
    auto request = everything();
    request.max_facet_values = 3;
    auto top = search(request);
    for (auto facet : newsfacet::all_facets) {
        auto all_counts = counts_of(full, facet);
        auto kept = counts_of(top, facet);
        ASSERT_EQ(kept.size(), std::min<std::size_t>(3, all_counts.size())) << newsfacet::facet_name(facet);
        for (std::size_t k = 0; k < kept.size(); ++k) {
            EXPECT_EQ(kept[k].value, all_counts[k].value);
            EXPECT_EQ(kept[k].count, all_counts[k].count);
        }
    }
}

TEST_F(ApiFacetCountOptions, DefaultKeepsFiftyValuesPerFacet) {
    auto full = search_all();
    newsfacet::SearchRequest request;  // defaults: max_facet_values = 50
    auto results = search(request);
    for (auto facet : newsfacet::all_facets) {
        auto all_counts = counts_of(full, facet);
        auto kept = counts_of(results, facet);
        EXPECT_EQ(kept.size(), std::min<std::size_t>(50, all_counts.size())) << newsfacet::facet_name(facet);
        for (std::size_t k = 0; k < kept.size() && k < all_counts.size(); ++k) {
            EXPECT_EQ(kept[k].value, all_counts[k].value);
        }
    }
}

TEST_F(ApiFacetCountOptions, NoMatchesGiveEmptyCounts) {
    auto results = search_all("xylophonist");
    EXPECT_EQ(results.total, 0u);
    for (const auto& [facet, counts] : results.facets) EXPECT_TRUE(counts.empty()) << newsfacet::facet_name(facet);
}
