// Query syntax through Searcher::search: phrases, AND/OR/NOT, +/-, title:, in-query filters.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"

using newsfacet::Facet;
using newsfacet::SearchHit;
using newsfacet::testing::as_set;
using newsfacet::testing::contains;
using newsfacet::testing::everything;
using newsfacet::testing::ids_of;
using newsfacet::testing::ids_where;

using ApiQuerySyntax = newsfacet::testing::CorpusTest;

namespace {

std::set<std::string> intersect(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::set<std::string> out;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
    return out;
}

std::set<std::string> unite(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::set<std::string> out = a;
    out.insert(b.begin(), b.end());
    return out;
}

std::set<std::string> subtract(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::set<std::string> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
    return out;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

TEST_F(ApiQuerySyntax, WordQueryIsRankedByScore) {
    auto results = search_all("embassy");
    ASSERT_GE(results.hits.size(), 2u);
    EXPECT_EQ(results.total, results.hits.size());
    for (std::size_t i = 0; i < results.hits.size(); ++i) {
        EXPECT_EQ(results.hits[i].rank, i + 1);
        EXPECT_GT(results.hits[i].score, 0.0);
        if (i > 0) {
            EXPECT_GE(results.hits[i - 1].score, results.hits[i].score);
        }
    }
    EXPECT_EQ(results.query, "embassy");
}

TEST_F(ApiQuerySyntax, RepeatedSearchGivesTheSameOrder) {
    EXPECT_EQ(ids_of(search_all("all strikes affecting embassies")),
              ids_of(search_all("all strikes affecting embassies")));
}

TEST_F(ApiQuerySyntax, UnknownWordMatchesNothing) {
    auto results = search_all("xylophonist");
    EXPECT_EQ(results.total, 0u);
    EXPECT_TRUE(results.hits.empty());
}

TEST_F(ApiQuerySyntax, EmptyQueryListsEveryArticleNewestFirst) {
    for (const std::string query : {"", "   "}) {
        auto results = search_all(query);
        ASSERT_EQ(results.total, newsfacet::testing::corpus_articles);
        ASSERT_EQ(results.hits.size(), newsfacet::testing::corpus_articles);
        bool seen_undated = false;
        for (std::size_t i = 0; i < results.hits.size(); ++i) {
            const auto& h = results.hits[i];
            EXPECT_EQ(h.score, 0.0);
            if (h.date.empty()) {
                seen_undated = true;
                continue;
            }
            EXPECT_FALSE(seen_undated) << h.id << " is dated but comes after an undated article";
            if (i > 0 && !results.hits[i - 1].date.empty()) {
                EXPECT_GE(results.hits[i - 1].date.substr(0, 10), h.date.substr(0, 10)) << h.id;
            }
        }
        EXPECT_EQ(results.hits.front().id, "nf-2025-1019-kuala-lumpur-bowling");  // the newest article
    }
}

TEST_F(ApiQuerySyntax, PhraseMatchesWordsInOrder) {
    EXPECT_EQ(ids_of(search_all("\"Green Zone\"")),
              std::vector<std::string>{"nf-2025-0414-baghdad-us-embassy-rockets"});
    EXPECT_EQ(search_all("\"zone green\"").total, 0u);
    // Each word alone matches at least as much as the phrase.
    EXPECT_GE(search_all("green").total, 1u);
}

TEST_F(ApiQuerySyntax, AndIsTheIntersection) {
    auto port = as_set(ids_of(search_all("port")));
    auto grain = as_set(ids_of(search_all("grain")));
    auto both = intersect(port, grain);
    ASSERT_FALSE(both.empty());
    ASSERT_LT(both.size(), port.size());
    EXPECT_EQ(as_set(ids_of(search_all("port AND grain"))), both);
    EXPECT_EQ(as_set(ids_of(search_all("+port +grain"))), both);
}

TEST_F(ApiQuerySyntax, OrIsTheUnion) {
    auto rockets = as_set(ids_of(search_all("rockets")));
    auto walkout = as_set(ids_of(search_all("walkout")));
    ASSERT_FALSE(rockets.empty());
    ASSERT_FALSE(walkout.empty());
    EXPECT_EQ(as_set(ids_of(search_all("rockets OR walkout"))), unite(rockets, walkout));
}

TEST_F(ApiQuerySyntax, NotExcludes) {
    auto port = as_set(ids_of(search_all("port")));
    auto grain = as_set(ids_of(search_all("grain")));
    auto expected = subtract(port, grain);
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(as_set(ids_of(search_all("port NOT grain"))), expected);
    EXPECT_EQ(as_set(ids_of(search_all("port -grain"))), expected);
    EXPECT_EQ(as_set(ids_of(search_all("port AND NOT grain"))), expected);
}

TEST_F(ApiQuerySyntax, PureNotListsEverythingElse) {
    auto grain = as_set(ids_of(search_all("grain")));
    auto all = as_set(ids_of(search_all()));
    EXPECT_EQ(as_set(ids_of(search_all("NOT grain"))), subtract(all, grain));
}

// "NOT consulate" must exclude articles that say "consulate", not articles that say "embassy":
// the thesaurus's related words are for recall, not for exclusion.
TEST_F(ApiQuerySyntax, NotExcludesOnlyTheWordItself) {
    auto results = as_set(ids_of(search_all("embassy NOT consulate")));
    // These say "embassy" and never "consulate".
    EXPECT_TRUE(results.count("nf-2025-0414-baghdad-us-embassy-rockets"));
    EXPECT_TRUE(results.count("nf-2024-1003-beirut-kuwaiti-embassy"));
    // This one says "consulate".
    EXPECT_FALSE(results.count("nf-2024-0312-odesa-consulate"));
}

TEST_F(ApiQuerySyntax, TitlePrefixSearchesHeadlinesOnly) {
    auto anywhere = search_all("walkout");
    auto in_title = search_all("title:walkout");
    ASSERT_GT(anywhere.total, in_title.total);
    ASSERT_GE(in_title.total, 1u);
    for (const auto& h : in_title.hits) EXPECT_NE(lower(h.title).find("walkout"), std::string::npos) << h.title;
    auto expected = ids_where(anywhere, [](const SearchHit& h) {
        return lower(h.title).find("walkout") != std::string::npos;
    });
    EXPECT_EQ(as_set(ids_of(in_title)), as_set(expected));
}

TEST_F(ApiQuerySyntax, InQueryCountryFilterEqualsRequestFilter) {
    auto request = everything();
    request.filters[Facet::country] = {"Russia"};
    auto expected = id_set(request);
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(as_set(ids_of(search_all("country:Russia"))), expected);
    EXPECT_EQ(as_set(ids_of(search_all("country:russia"))), expected);
    EXPECT_EQ(as_set(ids_of(search_all("country:\"Russian Federation\""))), expected);
}

TEST_F(ApiQuerySyntax, InQueryOfficialFilterWithQuotedFullName) {
    auto results = search_all("official:\"Fares Mardini\"");
    ASSERT_FALSE(results.hits.empty());
    for (const auto& h : results.hits) EXPECT_TRUE(contains(h.facets.official, "Fares Mardini")) << h.id;
    auto request = everything();
    request.filters[Facet::official] = {"Fares Mardini"};
    EXPECT_EQ(as_set(ids_of(results)), id_set(request));
    EXPECT_EQ(as_set(ids_of(search_all("official:\"fares mardini\""))), id_set(request));
}

TEST_F(ApiQuerySyntax, InQueryLocationFilterResolvesAlias) {
    EXPECT_EQ(as_set(ids_of(search_all("location:kiev"))), as_set(ids_of(search_all("location:Kyiv"))));
    EXPECT_TRUE(as_set(ids_of(search_all("location:kiev"))).count(newsfacet::testing::seed_id));
}

TEST_F(ApiQuerySyntax, InQueryFilterNarrowsWords) {
    auto words = search_all("embassy");
    auto expected = ids_where(words, [](const SearchHit& h) { return contains(h.facets.country, "Iraq"); });
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(as_set(ids_of(search_all("embassy country:Iraq"))), as_set(expected));
}

TEST_F(ApiQuerySyntax, RepeatedInQueryFiltersMustAllHold) {
    auto both = search_all("country:Ukraine country:Poland");
    auto all = search_all();
    auto expected = ids_where(all, [](const SearchHit& h) {
        return contains(h.facets.country, "Ukraine") && contains(h.facets.country, "Poland");
    });
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(as_set(ids_of(both)), as_set(expected));
    EXPECT_EQ(search_all("country:Sudan country:Libya").total, 0u);
}

TEST_F(ApiQuerySyntax, ExplicitOrBetweenFilters) {
    auto sudan = as_set(ids_of(search_all("country:Sudan")));
    auto libya = as_set(ids_of(search_all("country:Libya")));
    ASSERT_FALSE(sudan.empty());
    ASSERT_FALSE(libya.empty());
    EXPECT_EQ(as_set(ids_of(search_all("country:Sudan OR country:Libya"))), unite(sudan, libya));
}

TEST_F(ApiQuerySyntax, InQuerySourceFilter) {
    auto results = search_all("source:\"Atlas Daily\"");
    ASSERT_FALSE(results.hits.empty());
    for (const auto& h : results.hits) EXPECT_EQ(h.source, "Atlas Daily") << h.id;
    auto request = everything();
    request.sources = {"Atlas Daily"};
    EXPECT_EQ(as_set(ids_of(results)), id_set(request));
}

TEST_F(ApiQuerySyntax, FilterOnlyQueryIsSortedByDate) {
    auto results = search_all("country:Ukraine");
    ASSERT_GE(results.hits.size(), 2u);
    for (std::size_t i = 1; i < results.hits.size(); ++i) {
        const auto& prev = results.hits[i - 1];
        const auto& cur = results.hits[i];
        EXPECT_EQ(cur.score, 0.0);
        if (!prev.date.empty() && !cur.date.empty()) {
            EXPECT_GE(prev.date.substr(0, 10), cur.date.substr(0, 10));
        }
        if (prev.date.empty()) {
            EXPECT_TRUE(cur.date.empty()) << cur.id;
        }
    }
}

TEST_F(ApiQuerySyntax, StemmingMatchesInflections) {
    auto strikes = as_set(ids_of(search_all("strikes")));
    // The seed says "struck", "strikes" and "strike".
    EXPECT_TRUE(strikes.count(newsfacet::testing::seed_id));
    // An irregular past tense finds the lemma's articles.
    EXPECT_TRUE(as_set(ids_of(search_all("struck"))).count("nf-2025-0616-nairobi-nurses-strike"));
}
