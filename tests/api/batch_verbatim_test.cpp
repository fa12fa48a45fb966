// Many queries in one process (run_batch) and verbatim search (SearchRequest::expand = false).
#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <sstream>
#include <vector>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"

using newsfacet::BatchItem;
using newsfacet::testing::as_set;
using newsfacet::testing::everything;
using newsfacet::testing::ids_of;

using ApiBatch = newsfacet::testing::CorpusTest;
using ApiVerbatim = newsfacet::testing::CorpusTest;

TEST_F(ApiBatch, EachLineIsOneSearchWithTheSharedOptions) {
    std::istringstream in("embassy\r\n\n   \nport country:ukraine\n");
    auto base = everything();
    base.limit = 3;
    std::vector<BatchItem> items;
    const auto started = std::chrono::steady_clock::now();
    auto summary = newsfacet::run_batch(*m_searcher, base, in, [&](const BatchItem& i) { items.push_back(i); });
    const double batch_millis =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    EXPECT_EQ(summary.queries, 2u);
    EXPECT_EQ(summary.failed, 0u);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].line, 1u);
    EXPECT_EQ(items[0].query, "embassy");  // CR stripped
    EXPECT_EQ(items[1].line, 4u);          // blank lines skipped, still counted as lines
    // Each search's own time is measured (not left at 0) and is part of the batch's, in
    // milliseconds: both hold however fast or loaded the machine is.
    double searches_millis = 0;
    for (const auto& item : items) {
        EXPECT_GT(item.millis, 0.0);
        searches_millis += item.millis;
    }
    EXPECT_LE(searches_millis, batch_millis);
    for (const auto& item : items) {
        ASSERT_TRUE(item.results.has_value());
        EXPECT_TRUE(item.error.empty());
        EXPECT_LE(item.results->hits.size(), 3u);
        // The same as one search with the same request.
        auto request = base;
        request.query = item.query;
        EXPECT_EQ(ids_of(*item.results), ids_of(search(request)));
    }
}

TEST_F(ApiBatch, ARefusedQueryIsReportedAndTheBatchGoesOn) {
    std::istringstream in("embassy date:2024-13\ncountry:\"\"\nstrike");
    std::vector<BatchItem> items;
    auto summary = newsfacet::run_batch(*m_searcher, everything(), in, [&](const BatchItem& i) { items.push_back(i); });
    EXPECT_EQ(summary.queries, 3u);
    EXPECT_EQ(summary.failed, 2u);
    ASSERT_EQ(items.size(), 3u);
    EXPECT_FALSE(items[0].results.has_value());
    EXPECT_NE(items[0].error.find("2024-13"), std::string::npos) << items[0].error;
    EXPECT_FALSE(items[1].results.has_value());
    EXPECT_NE(items[1].error.find("country"), std::string::npos) << items[1].error;
    ASSERT_TRUE(items[2].results.has_value());
    EXPECT_GT(items[2].results->total, 0u);
}

TEST_F(ApiBatch, BatchItemJsonHasLineAndTiming) {
    std::istringstream in("embassy\nfoo date:2024-13\n");
    std::vector<std::string> lines;
    (void)newsfacet::run_batch(*m_searcher, everything(), in,
                               [&](const BatchItem& i) { lines.push_back(newsfacet::to_json(i)); });
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].find('\n'), std::string::npos);
    EXPECT_NE(lines[0].find("\"line\":1"), std::string::npos);
    EXPECT_NE(lines[0].find("\"took_ms\""), std::string::npos);
    EXPECT_NE(lines[0].find("\"results\""), std::string::npos);
    EXPECT_NE(lines[1].find("\"error\""), std::string::npos);
    EXPECT_EQ(lines[1].find("\"results\""), std::string::npos);
}

TEST_F(ApiVerbatim, VerbatimMatchesOnlyTheWordAsTyped) {
    // "struck" expands to every form of strike and to attack words; verbatim it is one word.
    auto expanded = as_set(ids_of(search_all("struck")));
    auto request = everything("struck");
    request.expand = false;
    request.stem = false;
    auto verbatim = search(request);
    EXPECT_FALSE(verbatim.hits.empty());
    EXPECT_LT(verbatim.total, expanded.size());
    for (const auto& hit : verbatim.hits) {
        EXPECT_TRUE(expanded.count(hit.id)) << hit.id;
    }
    // Each verbatim hit shows the word itself in its snippet.
    for (const auto& hit : verbatim.hits) {
        bool marked = false;
        for (const auto& [first, last] : hit.snippet.highlights) {
            auto word = hit.snippet.text.substr(first, last - first);
            for (auto& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            marked = marked || word == "struck";
        }
        EXPECT_TRUE(marked) << hit.id;
    }
}

TEST_F(ApiVerbatim, VerbatimIgnoresEntityAliases) {
    // Articles about Kyiv answer "Kiev" through the tagger; verbatim, only the spelling counts.
    auto expanded = search_all("Kiev");
    auto request = everything("Kiev");
    request.expand = false;
    request.stem = false;
    auto verbatim = search(request);
    EXPECT_GT(expanded.total, verbatim.total);
}
