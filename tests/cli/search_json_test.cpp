// newsfacet-search --json: the schema, and facet counts consistent with the results.
#include <gtest/gtest.h>

#include <limits>

#include "cli_support.hpp"

using namespace newsfacet::testing;
using nlohmann::json;

namespace {

std::set<std::string> keys_of(const json& j) {
    std::set<std::string> out;
    for (const auto& [key, value] : j.items()) out.insert(key);
    return out;
}

const std::set<std::string> facet_names = {"country", "official", "location", "organization"};
// A search's counts: the entity facets and the source.
const std::set<std::string> count_names = {"country", "official", "location", "organization", "source"};

void check_schema(const json& j) {
    ASSERT_TRUE(j.is_object());
    EXPECT_EQ(keys_of(j), (std::set<std::string>{"query", "like", "total", "total_articles", "results", "facets",
                                                 "date_histogram", "facets_without_own_filter",
                                                 "suggestions", "corrected_query", "notes"}));
    EXPECT_TRUE(j["query"].is_string());
    EXPECT_TRUE(j["like"].is_string());
    EXPECT_TRUE(j["corrected_query"].is_string());
    EXPECT_TRUE(j["total"].is_number_integer());
    EXPECT_TRUE(j["total_articles"].is_number_integer());
    EXPECT_GE(j["total_articles"].get<std::size_t>(), j["total"].get<std::size_t>());
    ASSERT_TRUE(j["results"].is_array());
    std::size_t expected_rank = j["results"].empty() ? 0 : j["results"][0]["rank"].get<std::size_t>();
    for (const auto& r : j["results"]) {
        EXPECT_EQ(keys_of(r), (std::set<std::string>{"rank", "id", "title", "date", "source", "url", "language",
                                                     "score", "snippet", "facets", "officials", "organizations", "copies"}));
        EXPECT_TRUE(r["organizations"].is_array());
        EXPECT_TRUE(r["copies"].is_number_integer());
        EXPECT_GE(r["copies"].get<std::int64_t>(), 1);
        EXPECT_TRUE(r["rank"].is_number_integer());
        EXPECT_EQ(r["rank"].get<std::size_t>(), expected_rank++);
        for (const char* key : {"id", "title", "date", "source", "url", "language", "snippet"}) {
            EXPECT_TRUE(r[key].is_string()) << key;
        }
        EXPECT_TRUE(r["score"].is_number());
        ASSERT_TRUE(r["facets"].is_object());
        EXPECT_EQ(keys_of(r["facets"]), facet_names);
        for (const auto& name : facet_names) {
            ASSERT_TRUE(r["facets"][name].is_array()) << name;
            for (const auto& v : r["facets"][name]) EXPECT_TRUE(v.is_string()) << name;
        }
        ASSERT_TRUE(r["officials"].is_array());
        for (const auto& o : r["officials"]) {
            EXPECT_EQ(keys_of(o), (std::set<std::string>{"name", "role", "country"}));
            for (const char* key : {"name", "role", "country"}) EXPECT_TRUE(o[key].is_string()) << key;
        }
    }
    ASSERT_TRUE(j["facets"].is_object());
    EXPECT_EQ(keys_of(j["facets"]), count_names);
    for (const auto& name : count_names) {
        ASSERT_TRUE(j["facets"][name].is_array()) << name;
        for (const auto& c : j["facets"][name]) {
            EXPECT_EQ(keys_of(c), (std::set<std::string>{"value", "count"}));
            EXPECT_TRUE(c["value"].is_string());
            EXPECT_TRUE(c["count"].is_number_integer());
        }
    }
}

// Counts each facet value over the results' own facets.
std::map<std::string, std::map<std::string, std::int64_t>> count_over_results(const json& j) {
    std::map<std::string, std::map<std::string, std::int64_t>> out;
    for (const auto& name : count_names) out[name];
    for (const auto& r : j["results"]) {
        for (const auto& name : facet_names) {
            for (const auto& v : r["facets"][name]) ++out[name][v.get<std::string>()];
        }
        if (!r["source"].get<std::string>().empty()) ++out["source"][r["source"].get<std::string>()];
    }
    return out;
}

using CliSearchJson = CliCorpusTest;

}  // namespace

TEST_F(CliSearchJson, SchemaForAWordQuery) {
    auto j = search({"all strikes affecting embassies"});
    check_schema(j);
    EXPECT_EQ(j["query"], "all strikes affecting embassies");
    ASSERT_FALSE(j["results"].empty());
    EXPECT_EQ(j["results"][0]["id"], seed_id);
    EXPECT_EQ(j["results"][0]["rank"], 1);
    EXPECT_GT(j["results"][0]["score"].get<double>(), 0.0);
    EXPECT_TRUE(contains(j["results"][0]["snippet"].get<std::string>(), "<mark>"));
    EXPECT_EQ(j["results"].size(), 10u);  // default limit
}

TEST_F(CliSearchJson, SchemaForEmptyQueryAndNoResults) {
    check_schema(search({}));
    auto none = search({"xylophonist"});
    check_schema(none);
    EXPECT_EQ(none["total"], 0);
}

TEST_F(CliSearchJson, SchemaWithNoFacets) {
    auto j = search({"--no-facets", "embassy"});
    ASSERT_TRUE(j["facets"].is_object());
    EXPECT_TRUE(j["facets"].empty());
    EXPECT_GT(j["total"].get<int>(), 0);
}

TEST_F(CliSearchJson, QueryWordsAreJoined) {
    auto j = search({"strikes", "on", "embassies"});
    EXPECT_EQ(j["query"], "strikes on embassies");
}

TEST_F(CliSearchJson, OfficialsCarryRoleAndCountry) {
    auto j = search({"--official", "Ilham Aliyev"});
    ASSERT_EQ(j["results"].size(), 1u);
    bool found = false;
    for (const auto& o : j["results"][0]["officials"]) {
        if (o["name"] == "Ilham Aliyev") {
            found = true;
            EXPECT_EQ(o["role"], "President");
            EXPECT_EQ(o["country"], "Azerbaijan");
        }
    }
    EXPECT_TRUE(found);
}

// With --limit 100 every match is returned, so the facet counts must equal a count over them.
// Facet counts count every article, copies included, so every article is listed
// (--no-collapse); collapse_test.cpp checks that collapsing leaves the counts alone.
class CliFacetCounts : public CliCorpusTest, public ::testing::WithParamInterface<std::vector<std::string>> {};

TEST_P(CliFacetCounts, EqualACountOverAllResults) {
    auto args = GetParam();
    args.insert(args.begin(), {"--limit", "100", "--no-collapse"});
    auto j = search(args);
    check_schema(j);
    ASSERT_GT(j["total"].get<std::size_t>(), 0u);
    EXPECT_EQ(j["total"].get<std::size_t>(), j["results"].size());
    auto expected = count_over_results(j);
    for (const auto& name : count_names) {
        const auto& listed = j["facets"][name];
        std::map<std::string, std::int64_t> actual;
        std::int64_t previous = std::numeric_limits<std::int64_t>::max();
        std::string previous_value;
        for (const auto& c : listed) {
            auto value = c["value"].get<std::string>();
            auto count = c["count"].get<std::int64_t>();
            EXPECT_FALSE(actual.count(value)) << name << " lists " << value << " twice";
            actual[value] = count;
            // Most frequent first, ties by value.
            EXPECT_TRUE(count < previous || (count == previous && previous_value < value)) << name << " " << value;
            previous = count;
            previous_value = value;
        }
        if (listed.size() < 50) {
            EXPECT_EQ(actual, expected[name]) << name;
        } else {
            // At most 50 values are listed: the most frequent ones, each counted right.
            for (const auto& [value, count] : actual) EXPECT_EQ(count, expected[name][value]) << name << " " << value;
            for (const auto& [value, count] : expected[name]) {
                if (!actual.count(value)) {
                    EXPECT_LE(count, previous) << name << " omits " << value;
                }
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(
    Queries, CliFacetCounts,
    ::testing::Values(std::vector<std::string>{}, std::vector<std::string>{"embassy"},
                      std::vector<std::string>{"all strikes affecting embassies"},
                      std::vector<std::string>{"--country", "Ukraine"},
                      std::vector<std::string>{"--country", "ukraine", "strike"},
                      std::vector<std::string>{"--location", "kiev"},
                      std::vector<std::string>{"--source", "Atlas Daily"},
                      std::vector<std::string>{"--since", "2025-01-01", "strike"},
                      std::vector<std::string>{"embassy country:Iraq OR country:Syria"}),
    [](const ::testing::TestParamInfo<std::vector<std::string>>& param_info) {
        return "Case" + std::to_string(param_info.index);
    });

TEST_F(CliSearchJson, FacetCountsDoNotDependOnTheLimit) {
    auto all = search({"--limit", "100", "strike"});
    auto page = search({"--limit", "2", "--offset", "3", "strike"});
    EXPECT_EQ(all["total"], page["total"]);
    EXPECT_EQ(all["facets"], page["facets"]);
}
