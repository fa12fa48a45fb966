// newsfacet-search --batch: one query a line, one JSON object a line; --verbatim.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

using newsfacet::testing::CliCorpusTest;
using newsfacet::testing::contains;
using newsfacet::testing::lines_of;
using newsfacet::testing::result_ids;

using CliBatch = CliCorpusTest;

TEST_F(CliBatch, JsonLinePerQueryInInputOrder) {
    auto file = m_dir.write("queries.txt", "embassy\n\nstrike\nport\n");
    auto r = search_raw({"--batch", file.string(), "--json", "-n", "2", "--country", "ukraine"});
    ASSERT_EQ(r.status, 0) << r.err;
    auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), 3u) << r.out;
    std::vector<std::size_t> numbers;
    for (const auto& line : lines) {
        auto j = nlohmann::json::parse(line);
        numbers.push_back(j["line"].get<std::size_t>());
        EXPECT_TRUE(j["took_ms"].is_number());
        EXPECT_LE(j["results"].size(), 2u);
        // The shared --country filter applies to every line.
        for (const auto& hit : j["results"]) {
            EXPECT_TRUE(newsfacet::testing::has_value(hit["facets"]["country"], "Ukraine")) << line;
        }
    }
    EXPECT_EQ(numbers, (std::vector<std::size_t>{1, 3, 4}));
    // Line 1 answers as a single search would.
    auto single = search({"-n", "2", "--country", "ukraine", "embassy"});
    EXPECT_EQ(result_ids(nlohmann::json::parse(lines[0])), result_ids(single));
}

TEST_F(CliBatch, RefusedLineIsReportedOthersRunExitTwo) {
    auto file = m_dir.write("queries.txt", "embassy date:2024-13\nembassy\n");
    auto json = search_raw({"--batch", file.string(), "--json"});
    EXPECT_EQ(json.status, 2);
    auto lines = lines_of(json.out);
    ASSERT_EQ(lines.size(), 2u);
    auto bad = nlohmann::json::parse(lines[0]);
    EXPECT_TRUE(bad.contains("error"));
    EXPECT_EQ(bad["line"], 1);
    EXPECT_GT(nlohmann::json::parse(lines[1])["total"].get<int>(), 0);

    auto text = search_raw({"--batch", file.string()});
    EXPECT_EQ(text.status, 2);
    EXPECT_TRUE(contains(text.err, "line 1:")) << text.err;
    EXPECT_TRUE(contains(text.out, "== embassy")) << text.out;
}

TEST_F(CliBatch, ReadsStandardInput) {
    auto file = m_dir.write("queries.txt", "embassy\nport\n");
    auto piped = newsfacet::testing::run_command(
        {"sh", "-c",
         newsfacet::testing::shell_quote(newsfacet::testing::search_bin) + " --db " +
             newsfacet::testing::shell_quote(m_db) + " --batch - --json < " + newsfacet::testing::shell_quote(file.string())},
        m_dir.path());
    ASSERT_EQ(piped.status, 0) << piped.err;
    EXPECT_EQ(lines_of(piped.out).size(), 2u);
}

TEST_F(CliBatch, UsageErrors) {
    auto file = m_dir.write("queries.txt", "embassy\n");
    EXPECT_EQ(search_raw({"--batch", file.string(), "embassy"}).status, 2);
    EXPECT_EQ(search_raw({"--batch", file.string(), "--facet-values", "country"}).status, 2);
    auto missing = search_raw({"--batch", (m_dir / "nope.txt").string()});
    EXPECT_EQ(missing.status, 1);
    EXPECT_TRUE(contains(missing.err, "nope.txt")) << missing.err;
}

TEST_F(CliBatch, VerbatimMatchesFewerArticles) {
    auto expanded = search({"struck"});
    auto verbatim = search({"--verbatim", "struck"});
    EXPECT_GT(verbatim["total"].get<int>(), 0);
    EXPECT_LT(verbatim["total"].get<int>(), expanded["total"].get<int>());
}
