// newsfacet-search filters: --country/--official/--location/--source (repeated, aliases),
// --since/--until, --limit/--offset, the empty query.
#include <gtest/gtest.h>

#include <regex>

#include "cli_support.hpp"

using namespace newsfacet::testing;
using nlohmann::json;

namespace {

using CliSearchFilter = CliCorpusTest;

// Ids of the results of `all` whose facet `name` holds every value of `values`.
std::set<std::string> tagged_with(const json& all, const std::string& name, const std::vector<std::string>& values) {
    std::set<std::string> out;
    for (const auto& r : all["results"]) {
        bool ok = true;
        for (const auto& v : values) ok = ok && has_value(r["facets"][name], v);
        if (ok) out.insert(r["id"].get<std::string>());
    }
    return out;
}

}  // namespace

TEST_F(CliSearchFilter, CountryFilter) {
    auto all = search({"--limit", "100"});
    auto expected = tagged_with(all, "country", {"Russia"});
    ASSERT_FALSE(expected.empty());
    auto j = search({"--limit", "100", "--country", "Russia"});
    EXPECT_EQ(result_id_set(j), expected);
    EXPECT_EQ(j["total"].get<std::size_t>(), expected.size());
}

TEST_F(CliSearchFilter, CountryAliasesAndCase) {
    auto canonical = result_id_set(search({"--limit", "100", "--country", "Russia"}));
    ASSERT_FALSE(canonical.empty());
    EXPECT_EQ(result_id_set(search({"--limit", "100", "--country", "Russian Federation"})), canonical);
    EXPECT_EQ(result_id_set(search({"--limit", "100", "--country", "russia"})), canonical);
}

TEST_F(CliSearchFilter, LocationAlias) {
    auto kyiv = result_id_set(search({"--limit", "100", "--location", "Kyiv"}));
    EXPECT_TRUE(kyiv.count(seed_id));
    EXPECT_TRUE(kyiv.count("nf-2024-0826-kiev-barrage"));
    EXPECT_EQ(result_id_set(search({"--limit", "100", "--location", "kiev"})), kyiv);
}

TEST_F(CliSearchFilter, OfficialFilter) {
    auto j = search({"--limit", "100", "--official", "Selin Aydemir"});
    ASSERT_GE(j["results"].size(), 2u);
    for (const auto& r : j["results"]) EXPECT_TRUE(has_value(r["facets"]["official"], "Selin Aydemir")) << r["id"];
    EXPECT_EQ(result_id_set(search({"--limit", "100", "--official", "selin aydemir"})), result_id_set(j));
}

TEST_F(CliSearchFilter, RepeatedCountryFiltersMustAllHold) {
    auto all = search({"--limit", "100"});
    auto expected = tagged_with(all, "country", {"Ukraine", "Poland"});
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(result_id_set(search({"--limit", "100", "--country", "Ukraine", "--country", "Poland"})), expected);
    EXPECT_EQ(search({"--country", "Sudan", "--country", "Libya"})["total"], 0);
}

TEST_F(CliSearchFilter, FiltersOfDifferentFacetsCombine) {
    auto all = search({"--limit", "100"});
    auto expected = tagged_with(all, "country", {"Azerbaijan"});
    auto kyiv = tagged_with(all, "location", {"Kyiv"});
    std::set<std::string> both;
    for (const auto& id : expected) {
        if (kyiv.count(id)) both.insert(id);
    }
    EXPECT_EQ(both, std::set<std::string>{seed_id});
    EXPECT_EQ(result_id_set(search({"--country", "azerbaijan", "--location", "kiev", "strike"})), both);
}

TEST_F(CliSearchFilter, SourceFilter) {
    auto j = search({"--limit", "100", "--source", "Meridian Wire"});
    ASSERT_FALSE(j["results"].empty());
    std::size_t expected = 0;
    auto all = search({"--limit", "100"});
    for (const auto& r : all["results"]) expected += r["source"] == "Meridian Wire";
    EXPECT_EQ(j["results"].size(), expected);
    for (const auto& r : j["results"]) EXPECT_EQ(r["source"], "Meridian Wire");
    EXPECT_EQ(search({"--source", "Meridian Wire", "--source", "Atlas Daily"})["total"], 0);
}

TEST_F(CliSearchFilter, SinceAndUntil) {
    auto j = search({"--limit", "100", "--since", "2025-01-01", "--until", "2025-03-31"});
    ASSERT_FALSE(j["results"].empty());
    std::set<std::string> expected;
    auto all = search({"--limit", "100"});
    for (const auto& r : all["results"]) {
        auto day = r["date"].get<std::string>().substr(0, 10);
        if (!day.empty() && day >= "2025-01-01" && day <= "2025-03-31") expected.insert(r["id"].get<std::string>());
    }
    EXPECT_EQ(result_id_set(j), expected);
    // Inclusive at both ends, date-times included for the whole day.
    EXPECT_EQ(result_ids(search({"--since", "2025-04-14", "--until", "2025-04-14"})),
              std::vector<std::string>{"nf-2025-0414-baghdad-us-embassy-rockets"});
    EXPECT_EQ(result_ids(search({"--since", "2025-01-14", "--until", "2025-01-14"})),
              std::vector<std::string>{"nf-2025-0114-sanaa-italian-embassy"});
}

TEST_F(CliSearchFilter, SinceWithDateTime) {
    auto j = search({"--limit", "100", "--since", "2025-04-14T02:40:00Z", "--until", "2025-04-14T02:40:00Z"});
    EXPECT_EQ(result_ids(j), std::vector<std::string>{"nf-2025-0414-baghdad-us-embassy-rockets"});
    EXPECT_EQ(search({"--since", "2025-04-14T02:40:01Z", "--until", "2025-04-14"})["total"], 0);
}

TEST_F(CliSearchFilter, SinceAndUntilTakeMonthsAndYearsAsDateDoes) {
    // --since a month starts at its first day, --until a month ends with its last; the same
    // articles as the date: filter in the query.
    auto days = result_id_set(search({"--limit", "100", "--since", "2025-01-01", "--until", "2025-03-31"}));
    ASSERT_FALSE(days.empty());
    EXPECT_EQ(result_id_set(search({"--limit", "100", "--since", "2025-01", "--until", "2025-03"})), days);
    EXPECT_EQ(result_id_set(search({"--limit", "100", "date:2025-01..2025-03"})), days);
    auto year = result_id_set(search({"--limit", "100", "--since", "2025", "--until", "2025"}));
    EXPECT_EQ(year, result_id_set(search({"--limit", "100", "--since", "2025-01-01", "--until", "2025-12-31"})));
    EXPECT_EQ(year, result_id_set(search({"--limit", "100", "date:2025"})));
}

TEST_F(CliSearchFilter, LimitAndOffsetPage) {
    auto first = search({"--limit", "5", "embassy"});
    auto second = search({"--limit", "5", "--offset", "5", "embassy"});
    auto both = search({"--limit", "10", "embassy"});
    ASSERT_EQ(first["results"].size(), 5u);
    ASSERT_EQ(second["results"].size(), 5u);
    auto ids = result_ids(first);
    for (const auto& id : result_ids(second)) ids.push_back(id);
    EXPECT_EQ(ids, result_ids(both));
    EXPECT_EQ(second["results"][0]["rank"], 6);
    EXPECT_EQ(second["results"][4]["rank"], 10);
    EXPECT_EQ(first["total"], second["total"]);
}

TEST_F(CliSearchFilter, ShortLimitOption) {
    EXPECT_EQ(search({"-n", "3", "embassy"})["results"].size(), 3u);
}

TEST_F(CliSearchFilter, OffsetPastTheEnd) {
    auto j = search({"--offset", "1000", "embassy"});
    EXPECT_TRUE(j["results"].empty());
    EXPECT_GT(j["total"].get<int>(), 0);
}

TEST_F(CliSearchFilter, EmptyQueryListsAllNewestFirst) {
    auto j = search({"--limit", "100"});
    ASSERT_EQ(j["total"].get<std::size_t>(), corpus_articles);
    ASSERT_EQ(j["results"].size(), corpus_articles);
    std::string previous = "9999";
    bool undated = false;
    for (const auto& r : j["results"]) {
        auto date = r["date"].get<std::string>();
        if (date.empty()) {
            undated = true;
            continue;
        }
        EXPECT_FALSE(undated) << r["id"] << " is dated but listed after an undated article";
        EXPECT_LE(date.substr(0, 10), previous) << r["id"];
        previous = date.substr(0, 10);
    }
    EXPECT_EQ(j["results"][0]["id"], "nf-2025-1019-kuala-lumpur-bowling");
    // An explicit empty query is the same.
    EXPECT_EQ(result_ids(search({"--limit", "100", ""})), result_ids(j));
}

TEST_F(CliSearchFilter, InQueryFiltersAndExplicitOr) {
    auto sudan = result_id_set(search({"--limit", "100", "country:Sudan"}));
    auto libya = result_id_set(search({"--limit", "100", "country:Libya"}));
    ASSERT_FALSE(sudan.empty());
    ASSERT_FALSE(libya.empty());
    auto either = sudan;
    either.insert(libya.begin(), libya.end());
    EXPECT_EQ(result_id_set(search({"--limit", "100", "country:Sudan OR country:Libya"})), either);
    EXPECT_EQ(search({"country:Sudan country:Libya"})["total"], 0);
    auto j = search({"--limit", "100", "official:\"Fares Mardini\""});
    ASSERT_FALSE(j["results"].empty());
    for (const auto& r : j["results"]) EXPECT_TRUE(has_value(r["facets"]["official"], "Fares Mardini"));
}

TEST(CliSearchEnv, NewsfacetDbIsUsedWithoutDb) {
    TempDir dir;
    auto db = index_corpus(dir);
    auto r = run_search(dir, {"--json", "embassy"}, {"NEWSFACET_DB=" + shell_quote(db)});
    ASSERT_EQ(r.status, 0) << r.err;
    auto j = json::parse(r.out);
    EXPECT_GT(j["total"].get<int>(), 0);
    auto info = run_index(dir, {"--info"}, {"NEWSFACET_DB=" + shell_quote(db)});
    EXPECT_EQ(info.status, 0) << info.err;
    EXPECT_TRUE(std::regex_search(info.out, std::regex("articles:\\s+" + std::to_string(corpus_articles) + "\\b")))
        << info.out;
}

TEST(CliSearchEnv, DbOptionOverridesNewsfacetDb) {
    TempDir dir;
    auto db = index_corpus(dir);
    auto r = run_search(dir, {"--db", db, "--json", "embassy"},
                        {"NEWSFACET_DB=" + shell_quote((dir / "elsewhere").string())});
    EXPECT_EQ(r.status, 0) << r.err;
}

TEST(CliSearchEnv, NewsfacetDbPointingNowhereIsRuntimeError) {
    TempDir dir;
    auto r = run_search(dir, {"embassy"}, {"NEWSFACET_DB=" + shell_quote((dir / "nowhere").string())});
    EXPECT_EQ(r.status, 1);
    EXPECT_TRUE(contains(r.err, "nowhere")) << r.err;
}

TEST(CliSearchEnv, IndexerWritesToNewsfacetDb) {
    TempDir dir;
    auto db = (dir / "from-env").string();
    auto r = run_index(dir, {corpus_path}, {"NEWSFACET_DB=" + shell_quote(db)});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(std::filesystem::is_directory(db));
    EXPECT_EQ(search_json(dir, db, {})["total"], corpus_articles);
}

TEST(CliSearchEnv, WithoutDbOrVariableUsesNewsfacetDbInWorkingDirectory) {
    TempDir dir;
    std::filesystem::create_directories(dir / "work");
    // cd into the scratch directory, unset the variable, then run the tools there.
    const std::string script = "cd \"$1\" && unset NEWSFACET_DB && \"$2\" -q \"$3\" && \"$4\" --json embassy";
    auto r = run_command({"sh", "-c", script, "sh", (dir / "work").string(), index_bin, corpus_path, search_bin},
                         dir.path());
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(std::filesystem::is_directory(dir / "work" / "newsfacet.db"));
    EXPECT_GT(json::parse(r.out)["total"].get<int>(), 0);
}

TEST(CliFacetValues, ListsEveryValueWithItsCount) {
    newsfacet::testing::TempDir dir;
    auto db = (dir / "db").string();
    ASSERT_EQ(newsfacet::testing::run_command({NEWSFACET_INDEX_BIN, "-q", "--db", db, NEWSFACET_CORPUS_DIR}, dir.path()).status, 0);
    auto listed = newsfacet::testing::run_command(
        {NEWSFACET_SEARCH_BIN, "--db", db, "--facet-values", "country", "--json"}, dir.path());
    ASSERT_EQ(listed.status, 0) << listed.err;
    auto values = nlohmann::json::parse(listed.out);
    // The same counts as the facet counts of an all-articles search, but every value.
    auto all = newsfacet::testing::run_command({NEWSFACET_SEARCH_BIN, "--db", db, "--json", "-n", "0", ""}, dir.path());
    auto facets = nlohmann::json::parse(all.out).at("facets").at("country");
    ASSERT_FALSE(values.empty());
    EXPECT_EQ(values.at(0), facets.at(0));
    std::uint64_t ukraine = 0;
    for (const auto& v : values) {
        if (v.at("value") == "Ukraine") ukraine = v.at("count").get<std::uint64_t>();
    }
    EXPECT_EQ(ukraine, 11u);
    auto bad = newsfacet::testing::run_command({NEWSFACET_SEARCH_BIN, "--db", db, "--facet-values", "colour"}, dir.path());
    EXPECT_EQ(bad.status, 2);
    EXPECT_NE(bad.err.find("unknown facet"), std::string::npos);
}

TEST(CliFacetValues, OfficialAliasesResolve) {
    newsfacet::testing::TempDir dir;
    auto db = (dir / "db").string();
    ASSERT_EQ(newsfacet::testing::run_command({NEWSFACET_INDEX_BIN, "-q", "--db", db, NEWSFACET_CORPUS_DIR}, dir.path()).status, 0);
    auto r = newsfacet::testing::run_command({NEWSFACET_SEARCH_BIN, "--db", db, "--json", "--official", "zelenskyy", ""},
                                             dir.path());
    ASSERT_EQ(r.status, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j.at("total"), 1);
    EXPECT_EQ(j.at("results").at(0).at("id"), "azerbaijan-embassy-kyiv.txt");
}
