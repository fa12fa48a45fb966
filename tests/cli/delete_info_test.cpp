// newsfacet-index --delete and --info.
#include <gtest/gtest.h>

#include <regex>

#include "cli_support.hpp"

using namespace newsfacet::testing;
using nlohmann::json;

using CliDelete = CliCorpusTest;
using CliInfo = CliCorpusTest;

TEST_F(CliDelete, DeleteRemovesTheArticle) {
    const std::string id = "nf-2024-0312-odesa-consulate";
    ASSERT_TRUE(result_id_set(search({"--limit", "100"})).count(id));
    auto r = index_raw({"--delete", id});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.err, std::to_string(corpus_articles - 1) + " remain")) << r.err;
    auto after = search({"--limit", "100"});
    EXPECT_EQ(after["total"], corpus_articles - 1);
    EXPECT_FALSE(result_id_set(after).count(id));
}

TEST_F(CliDelete, DeleteSeveralIdsIncludingOddOnes) {
    auto r = index_raw({"--delete", seed_id, "wire.jsonl#6", "features/kharkiv-consulates.md"});
    EXPECT_EQ(r.status, 0) << r.err;
    auto after = search({"--limit", "100"});
    EXPECT_EQ(after["total"], corpus_articles - 3);
    for (const auto& id : {seed_id, std::string("wire.jsonl#6"), std::string("features/kharkiv-consulates.md")}) {
        EXPECT_FALSE(result_id_set(after).count(id)) << id;
    }
}

TEST_F(CliDelete, DeleteUnknownIdIsThreeWithMessage) {
    auto r = index_raw({"--delete", "no-such-article"});
    EXPECT_EQ(r.status, 3);
    EXPECT_TRUE(contains(r.err, "no-such-article")) << r.err;
    EXPECT_EQ(search({})["total"], corpus_articles);
}

TEST_F(CliDelete, DeleteKnownAndUnknownRemovesTheKnownOne) {
    auto r = index_raw({"--delete", "nf-2024-0109-kharkiv-power-plant", "no-such-article"});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(lines_containing(r.err, "no-such-article"), 1u) << r.err;
    EXPECT_EQ(search({})["total"], corpus_articles - 1);
}

TEST_F(CliDelete, DeleteTwiceIsThreeTheSecondTime) {
    EXPECT_EQ(index_raw({"--delete", seed_id}).status, 0);
    EXPECT_EQ(index_raw({"--delete", seed_id}).status, 3);
}

TEST_F(CliDelete, ReindexAfterDeleteAddsItBack) {
    ASSERT_EQ(index_raw({"--delete", seed_id}).status, 0);
    auto r = index_raw({corpus_path + "/" + seed_id});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "1 added")) << r.err;
    EXPECT_EQ(search({})["total"], corpus_articles);
}

TEST_F(CliInfo, TextSummary) {
    auto r = index_raw({"--info"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(std::regex_search(r.out, std::regex("articles:\\s+" + std::to_string(corpus_articles) + "\\b"))) << r.out;
    EXPECT_TRUE(std::regex_search(r.out, std::regex("format version:\\s+1\\b"))) << r.out;
    EXPECT_TRUE(contains(r.out, m_db)) << r.out;
    EXPECT_TRUE(contains(r.out, "Kharkiv")) << r.out;
}

TEST_F(CliInfo, JsonSummary) {
    auto r = index_raw({"--info", "--json"});
    ASSERT_EQ(r.status, 0) << r.err;
    auto j = json::parse(r.out);
    EXPECT_EQ(j["articles"], corpus_articles);
    EXPECT_TRUE(j["articles"].is_number_integer());
    EXPECT_TRUE(j["size_bytes"].is_number_integer());
    EXPECT_GT(j["size_bytes"].get<std::uint64_t>(), 0u);
    EXPECT_EQ(j["format_version"], 1);
    EXPECT_TRUE(j["path"].is_string());
    ASSERT_TRUE(j["facets"].is_object());
    for (const char* name : {"country", "official", "location", "organization"}) {
        ASSERT_TRUE(j["facets"][name].is_array()) << name;
        EXPECT_FALSE(j["facets"][name].empty()) << name;
        for (const auto& c : j["facets"][name]) {
            EXPECT_TRUE(c["value"].is_string());
            EXPECT_TRUE(c["count"].is_number_integer());
        }
    }
}

TEST_F(CliInfo, JsonFacetCountsEqualACountOverAllArticles) {
    auto all = search({"--limit", "100"});
    std::map<std::string, std::map<std::string, int>> expected;
    for (const auto& r : all["results"]) {
        for (const char* name : {"country", "official", "location", "organization"}) {
            for (const auto& v : r["facets"][name]) ++expected[name][v.get<std::string>()];
        }
    }
    auto j = json::parse(index_raw({"--info", "--json"}).out);
    for (const char* name : {"country", "official", "location", "organization"}) {
        std::map<std::string, int> actual;
        for (const auto& c : j["facets"][name]) actual[c["value"].get<std::string>()] = c["count"].get<int>();
        EXPECT_EQ(actual, expected[name]) << name;
    }
}

TEST_F(CliInfo, InfoFollowsDeletes) {
    ASSERT_EQ(index_raw({"--delete", seed_id}).status, 0);
    auto j = json::parse(index_raw({"--info", "--json"}).out);
    EXPECT_EQ(j["articles"], corpus_articles - 1);
    bool azerbaijan = false;
    for (const auto& c : j["facets"]["country"]) azerbaijan = azerbaijan || c["value"] == "Azerbaijan";
    EXPECT_FALSE(azerbaijan) << "only the seed is about Azerbaijan";
}
