// Searcher facet and source filters: case-insensitive, alias-aware, repeated filters AND.
#include <gtest/gtest.h>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"

using newsfacet::Facet;
using newsfacet::SearchHit;
using newsfacet::SearchRequest;
using newsfacet::testing::as_set;
using newsfacet::testing::contains;
using newsfacet::testing::everything;
using newsfacet::testing::ids_of;
using newsfacet::testing::ids_where;

using ApiSearchFilter = newsfacet::testing::CorpusTest;

namespace {

SearchRequest filtered(Facet facet, std::vector<std::string> values, std::string query = {}) {
    auto request = everything(std::move(query));
    request.filters[facet] = std::move(values);
    return request;
}

}  // namespace

TEST_F(ApiSearchFilter, CountryFilterMatchesArticlesTaggedWithIt) {
    auto all = search_all();
    auto expected = ids_where(all, [](const SearchHit& h) { return contains(h.facets.country, "Russia"); });
    ASSERT_FALSE(expected.empty());
    auto results = search(filtered(Facet::country, {"Russia"}));
    EXPECT_EQ(results.total, expected.size());
    EXPECT_EQ(as_set(ids_of(results)), as_set(expected));
    for (const auto& h : results.hits) EXPECT_TRUE(contains(h.facets.country, "Russia")) << h.id;
}

TEST_F(ApiSearchFilter, CountryFilterIsCaseInsensitiveAndAliasAware) {
    auto canonical = id_set(filtered(Facet::country, {"Russia"}));
    ASSERT_FALSE(canonical.empty());
    EXPECT_EQ(id_set(filtered(Facet::country, {"russia"})), canonical);
    EXPECT_EQ(id_set(filtered(Facet::country, {"RUSSIA"})), canonical);
    EXPECT_EQ(id_set(filtered(Facet::country, {"Russian Federation"})), canonical);
    EXPECT_EQ(id_set(filtered(Facet::country, {"russian federation"})), canonical);
}

TEST_F(ApiSearchFilter, LocationFilterResolvesOldSpelling) {
    auto kyiv = id_set(filtered(Facet::location, {"Kyiv"}));
    EXPECT_TRUE(kyiv.count(newsfacet::testing::seed_id));
    EXPECT_TRUE(kyiv.count("nf-2024-0826-kiev-barrage"));
    EXPECT_EQ(id_set(filtered(Facet::location, {"kiev"})), kyiv);
    EXPECT_EQ(id_set(filtered(Facet::location, {"KYIV"})), kyiv);
    EXPECT_EQ(id_set(filtered(Facet::location, {"Odessa"})), id_set(filtered(Facet::location, {"Odesa"})));
}

TEST_F(ApiSearchFilter, OfficialFilterIsCaseAndAccentInsensitive) {
    auto aliyev = id_set(filtered(Facet::official, {"Ilham Aliyev"}));
    EXPECT_EQ(aliyev, std::set<std::string>{newsfacet::testing::seed_id});
    EXPECT_EQ(id_set(filtered(Facet::official, {"ilham aliyev"})), aliyev);
    EXPECT_EQ(id_set(filtered(Facet::official, {"ILHAM  ALIYEV"})), aliyev);

    auto garnier = id_set(filtered(Facet::official, {"Hélène Garnier"}));
    EXPECT_EQ(garnier, std::set<std::string>{"nf-2025-0419-paris-housing-march"});
    EXPECT_EQ(id_set(filtered(Facet::official, {"helene garnier"})), garnier);
}

TEST_F(ApiSearchFilter, RepeatedFiltersOfOneFacetMustAllHold) {
    auto all = search_all();
    auto expected = ids_where(all, [](const SearchHit& h) {
        return contains(h.facets.country, "Ukraine") && contains(h.facets.country, "Poland");
    });
    ASSERT_FALSE(expected.empty());
    auto results = search(filtered(Facet::country, {"Ukraine", "Poland"}));
    EXPECT_EQ(as_set(ids_of(results)), as_set(expected));
    EXPECT_EQ(results.total, expected.size());
    // Two countries no article shares: nothing.
    EXPECT_EQ(search(filtered(Facet::country, {"Sudan", "Libya"})).total, 0u);
    // The same value twice is the same as once.
    EXPECT_EQ(id_set(filtered(Facet::country, {"Poland", "poland"})), id_set(filtered(Facet::country, {"Poland"})));
}

TEST_F(ApiSearchFilter, FiltersOfDifferentFacetsMustAllHold) {
    auto all = search_all();
    auto expected = ids_where(all, [](const SearchHit& h) {
        return contains(h.facets.country, "Ukraine") && contains(h.facets.location, "Kharkiv") &&
               contains(h.facets.official, "Dmytro Kovalenko");
    });
    ASSERT_FALSE(expected.empty());
    auto request = everything();
    request.filters[Facet::country] = {"ukraine"};
    request.filters[Facet::location] = {"kharkiv"};
    request.filters[Facet::official] = {"dmytro kovalenko"};
    EXPECT_EQ(id_set(request), as_set(expected));
}

TEST_F(ApiSearchFilter, FilterNarrowsAQuery) {
    auto unfiltered = search_all("embassy");
    auto expected = ids_where(unfiltered, [](const SearchHit& h) { return contains(h.facets.country, "Syria"); });
    ASSERT_FALSE(expected.empty());
    auto results = search(filtered(Facet::country, {"Syria"}, "embassy"));
    // Same articles, in the same relative order, with the same scores.
    EXPECT_EQ(ids_of(results), expected);
    for (const auto& h : results.hits) {
        for (const auto& u : unfiltered.hits) {
            if (u.id == h.id) {
                EXPECT_DOUBLE_EQ(u.score, h.score) << h.id;
            }
        }
    }
}

TEST_F(ApiSearchFilter, UnknownValueMatchesNothing) {
    EXPECT_EQ(search(filtered(Facet::country, {"Atlantis"})).total, 0u);
    EXPECT_EQ(search(filtered(Facet::official, {"Nobody Atall"})).total, 0u);
}

TEST_F(ApiSearchFilter, EmptyFilterListIsNoFilter) {
    auto request = everything();
    request.filters[Facet::country] = {};
    EXPECT_EQ(search(request).total, newsfacet::testing::corpus_articles);
}

TEST_F(ApiSearchFilter, SourceFilter) {
    auto all = search_all();
    auto expected = ids_where(all, [](const SearchHit& h) { return h.source == "Atlas Daily"; });
    ASSERT_FALSE(expected.empty());
    auto request = everything();
    request.sources = {"Atlas Daily"};
    auto results = search(request);
    EXPECT_EQ(as_set(ids_of(results)), as_set(expected));
    for (const auto& h : results.hits) EXPECT_EQ(h.source, "Atlas Daily");

    request.sources = {"atlas daily"};
    EXPECT_EQ(id_set(request), as_set(expected));
}

TEST_F(ApiSearchFilter, RepeatedSourcesMustAllHold) {
    auto request = everything();
    request.sources = {"Atlas Daily", "Meridian Wire"};
    EXPECT_EQ(search(request).total, 0u);
    request.sources = {"Meridian Wire", "meridian wire"};
    auto same = everything();
    same.sources = {"Meridian Wire"};
    EXPECT_EQ(id_set(request), id_set(same));
}

TEST_F(ApiSearchFilter, SourceAndFacetFiltersCombine) {
    auto all = search_all();
    auto expected = ids_where(all, [](const SearchHit& h) {
        return h.source == "Baltic Courier" && contains(h.facets.country, "Ukraine");
    });
    ASSERT_FALSE(expected.empty());
    auto request = filtered(Facet::country, {"Ukraine"});
    request.sources = {"Baltic Courier"};
    EXPECT_EQ(id_set(request), as_set(expected));
}
