// The organization facet through the public API: articles indexed with organisations (set
// through Index::add with a tagging, whatever the tagger finds) are filtered, counted
// (multi-select too), listed with their kinds, summarised by info() and answered the same over
// shards.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"

using namespace newsfacet;
using namespace newsfacet::testing;

namespace {

struct Tagged {
    Article article;
    Tagging tagging;
};

Tagged tagged(const std::string& id, const std::string& body, std::vector<Organization> organizations,
              std::vector<std::string> countries = {}) {
    Tagged out{make_article(id, "Story " + id, body), {}};
    out.article.date = "2024-05-0" + id.substr(1);
    out.tagging.facets.country = std::move(countries);
    for (const auto& o : organizations) out.tagging.facets.organization.push_back(o.name);
    std::sort(out.tagging.facets.organization.begin(), out.tagging.facets.organization.end());
    out.tagging.organizations = std::move(organizations);
    return out;
}

const Organization un{"United Nations", "international body"};
const Organization hamas{"Hamas", "armed group"};
const Organization hezbollah{"Hezbollah", "armed group"};
const Organization gazprom{"Gazprom", "company"};

std::vector<Tagged> articles() {
    return {tagged("a1", "The United Nations sent an aid convoy to Darfur.", {un}, {"Sudan"}),
            tagged("a2", "Hamas rejected the ceasefire the United Nations proposed.", {hamas, un}),
            tagged("a3", "Hezbollah fired rockets across the border.", {hezbollah}, {"Lebanon"}),
            tagged("a4", "Gazprom cut gas deliveries to Europe.", {gazprom}),
            tagged("a5", "A quiet day at the harbour, with no organisation named.", {})};
}

void build(const std::filesystem::path& path, const std::vector<Tagged>& list) {
    auto index = Index::create_or_open(path);
    for (const auto& t : list) (void)index.add(t.article, t.tagging);
    index.commit();
}

class ApiOrganizationFacet : public ::testing::Test {
protected:
    void SetUp() override { build(m_dir / "db", articles()); }

    SearchResults search(SearchRequest request) { return Searcher(m_dir / "db").search(request); }

    SearchResults filtered(std::vector<std::string> values, std::string query = {}) {
        auto request = everything(std::move(query));
        request.filters[Facet::organization] = std::move(values);
        return search(request);
    }

    std::set<std::string> ids(const SearchResults& results) { return as_set(ids_of(results)); }

    TempDir m_dir;
};

std::map<std::string, std::uint64_t> as_map(const std::vector<FacetCount>& counts) {
    std::map<std::string, std::uint64_t> out;
    for (const auto& c : counts) out[c.value] = c.count;
    return out;
}

const std::vector<FacetCount>* without_own(const SearchResults& results, Facet facet) {
    for (const auto& [f, counts] : results.facets_without_own_filter) {
        if (f == facet) return &counts;
    }
    return nullptr;
}

using Ids = std::set<std::string>;
using Counts = std::map<std::string, std::uint64_t>;

}  // namespace

TEST_F(ApiOrganizationFacet, FilterMatchesTheArticlesTaggedWithTheOrganization) {
    EXPECT_EQ(ids(filtered({"United Nations"})), (Ids{"a1", "a2"}));
    EXPECT_EQ(ids(filtered({"united  NATIONS"})), (Ids{"a1", "a2"}));  // case and spaces folded
    EXPECT_EQ(ids(filtered({"Gazprom"})), (Ids{"a4"}));
    EXPECT_EQ(ids(filtered({"UN"})), (Ids{"a1", "a2"}));  // the organisations list's aliases
    EXPECT_EQ(ids(filtered({"U.N."})), (Ids{"a1", "a2"}));
    EXPECT_EQ(ids(search(everything("organization:UN"))), (Ids{"a1", "a2"}));
    EXPECT_EQ(ids(filtered({"United"})), Ids{});  // a whole value, not a word of one
    EXPECT_EQ(ids(filtered({"Hamas"}, "ceasefire")), (Ids{"a2"}));
    EXPECT_EQ(ids(filtered({"Gazprom"}, "ceasefire")), Ids{});
}

TEST_F(ApiOrganizationFacet, RepeatedValuesMustAllHoldAsInTheOtherFacets) {
    EXPECT_EQ(ids(filtered({"United Nations", "Hamas"})), (Ids{"a2"}));
    EXPECT_EQ(ids(filtered({"Hezbollah", "Gazprom"})), Ids{});
}

TEST_F(ApiOrganizationFacet, QueryTextFilters) {
    EXPECT_EQ(ids(search(everything("organization:Hamas"))), (Ids{"a2"}));
    EXPECT_EQ(ids(search(everything("organisation:hamas"))), (Ids{"a2"}));  // British spelling
    EXPECT_EQ(ids(search(everything("organization:\"United Nations\""))), (Ids{"a1", "a2"}));
    EXPECT_EQ(ids(search(everything("organization:Hamas OR organization:Hezbollah"))), (Ids{"a2", "a3"}));
    EXPECT_EQ(ids(search(everything("-organization:\"United Nations\""))), (Ids{"a3", "a4", "a5"}));
    EXPECT_EQ(ids(search(everything("rockets organization:Hezbollah country:Lebanon"))), (Ids{"a3"}));
    EXPECT_EQ(ids(search(everything("rockets organization:Hamas"))), Ids{});
    // A field newsfacet does not know is read as words, with a note; "organization" is known.
    EXPECT_TRUE(search(everything("organization:Hamas")).notes.empty());
}

TEST_F(ApiOrganizationFacet, HitsCarryTheOrganizationsWithTheirKinds) {
    auto results = filtered({"Hamas"});
    ASSERT_EQ(results.hits.size(), 1u);
    const auto& hit = results.hits[0];
    EXPECT_EQ(hit.facets.organization, (std::vector<std::string>{"Hamas", "United Nations"}));
    ASSERT_EQ(hit.organizations.size(), 2u);
    EXPECT_EQ(hit.organizations[0].name, "Hamas");
    EXPECT_EQ(hit.organizations[0].kind, "armed group");
    EXPECT_EQ(hit.organizations[1].name, "United Nations");
    EXPECT_EQ(hit.organizations[1].kind, "international body");

    auto j = nlohmann::json::parse(to_json(results));
    EXPECT_EQ(j["results"][0]["facets"]["organization"], nlohmann::json({"Hamas", "United Nations"}));
    EXPECT_EQ(j["results"][0]["organizations"][1],
              nlohmann::json({{"name", "United Nations"}, {"kind", "international body"}}));
    EXPECT_EQ(j["facets"]["organization"][0], nlohmann::json({{"value", "Hamas"}, {"count", 1}}));
}

TEST_F(ApiOrganizationFacet, CountsOverEveryMatch) {
    const Counts all{{"United Nations", 2}, {"Hamas", 1}, {"Hezbollah", 1}, {"Gazprom", 1}};
    Searcher searcher(m_dir / "db");
    // The second search of most of the index counts from the in-memory columns, the first
    // from the value streams: both count organisations.
    for (int pass = 0; pass < 2; ++pass) {
        auto results = searcher.search(everything());
        EXPECT_EQ(as_map(counts_of(results, Facet::organization)), all) << pass;
        ASSERT_FALSE(counts_of(results, Facet::organization).empty());
        EXPECT_EQ(counts_of(results, Facet::organization)[0].value, "United Nations");  // most frequent first
    }
    EXPECT_EQ(as_map(counts_of(searcher.search(everything("rockets")), Facet::organization)), (Counts{{"Hezbollah", 1}}));
}

TEST_F(ApiOrganizationFacet, MultiSelectCountsLeaveOutTheOrganizationFilter) {
    auto results = filtered({"Hamas"});
    EXPECT_EQ(as_map(counts_of(results, Facet::organization)), (Counts{{"Hamas", 1}, {"United Nations", 1}}));
    const auto* wider = without_own(results, Facet::organization);
    ASSERT_NE(wider, nullptr);
    EXPECT_EQ(as_map(*wider), (Counts{{"United Nations", 2}, {"Hamas", 1}, {"Hezbollah", 1}, {"Gazprom", 1}}));

    // A country filter alone: the organisation counts follow it, and have no multi-select entry.
    auto request = everything();
    request.filters[Facet::country] = {"Lebanon"};
    auto by_country = search(request);
    EXPECT_EQ(as_map(counts_of(by_country, Facet::organization)), (Counts{{"Hezbollah", 1}}));
    EXPECT_EQ(without_own(by_country, Facet::organization), nullptr);

    // Written in the query text, the filter is left out the same way.
    auto text = search(everything("organization:Gazprom"));
    ASSERT_NE(without_own(text, Facet::organization), nullptr);
    EXPECT_EQ(as_map(*without_own(text, Facet::organization)).at("United Nations"), 2u);
}

TEST_F(ApiOrganizationFacet, DidYouMeanForAMisspeltOrganization) {
    auto results = filtered({"Hezbolah"});
    EXPECT_EQ(results.total, 0u);
    EXPECT_EQ(results.suggestions, (std::vector<std::string>{"organization:Hezbollah"}));
    EXPECT_TRUE(filtered({"Hezbollah"}).suggestions.empty());
}

TEST_F(ApiOrganizationFacet, InfoCountsOrganizations) {
    auto info = Searcher(m_dir / "db").info();
    bool found = false;
    for (const auto& [facet, counts] : info.facets) {
        if (facet != Facet::organization) continue;
        found = true;
        EXPECT_EQ(as_map(counts), (Counts{{"United Nations", 2}, {"Hamas", 1}, {"Hezbollah", 1}, {"Gazprom", 1}}));
    }
    EXPECT_TRUE(found);
}

// Two indexes listed in a stub file answer as one index holding every article.
TEST_F(ApiOrganizationFacet, ShardsCountAndFilterAsOneIndex) {
    auto list = articles();
    build(m_dir / "shards" / "one", {list[0], list[2], list[4]});
    build(m_dir / "shards" / "two", {list[1], list[3]});
    std::ofstream(m_dir / "shards" / "stub") << "auto one\nauto two\n";
    Searcher one(m_dir / "db");
    Searcher sharded(m_dir / "shards" / "stub");
    for (const auto& query : {std::string(), std::string("organization:\"United Nations\""), std::string("ceasefire")}) {
        auto a = one.search(everything(query));
        auto b = sharded.search(everything(query));
        EXPECT_EQ(ids(a), ids(b)) << query;
        EXPECT_EQ(as_map(counts_of(a, Facet::organization)), as_map(counts_of(b, Facet::organization))) << query;
    }
    auto request = everything();
    request.filters[Facet::organization] = {"Hamas"};
    auto b = sharded.search(request);
    EXPECT_EQ(ids(b), (Ids{"a2"}));
    ASSERT_NE(without_own(b, Facet::organization), nullptr);
    EXPECT_EQ(as_map(*without_own(b, Facet::organization)),
              (Counts{{"United Nations", 2}, {"Hamas", 1}, {"Hezbollah", 1}, {"Gazprom", 1}}));
    ASSERT_EQ(b.hits.size(), 1u);
    EXPECT_EQ(b.hits[0].organizations.size(), 2u);
}
