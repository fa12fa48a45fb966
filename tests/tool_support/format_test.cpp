// to_text: the terminal forms of search results and index summaries.
#include <gtest/gtest.h>

#include <newsfacet/cli/format.hpp>
#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"

using ToolTextFormat = newsfacet::testing::CorpusTest;

TEST_F(ToolTextFormat, PlainTextMarksMatchesWithBrackets) {
    newsfacet::SearchRequest request;
    request.query = "all strikes affecting embassies";
    auto text = newsfacet::cli::to_text(search(request));
    EXPECT_EQ(text.find('\x1b'), std::string::npos);
    EXPECT_NE(text.find("[struck]"), std::string::npos) << text;
    EXPECT_NE(text.find("1. "), std::string::npos);
    EXPECT_NE(text.find(newsfacet::testing::seed_id), std::string::npos);
    EXPECT_NE(text.find("Facets over all"), std::string::npos);
}

TEST_F(ToolTextFormat, ColourUsesAnsiEscapes) {
    newsfacet::SearchRequest request;
    request.query = "embassy";
    auto text = newsfacet::cli::to_text(search(request), {true});
    EXPECT_NE(text.find("\x1b["), std::string::npos);
    EXPECT_EQ(text.find("[embassy]"), std::string::npos);
}

TEST_F(ToolTextFormat, HeaderCountsMatches) {
    newsfacet::SearchRequest request;
    request.query = "\"Green Zone\"";
    auto text = newsfacet::cli::to_text(search(request));
    EXPECT_EQ(text.rfind("1 article matches", 0), 0u) << text;
}

TEST_F(ToolTextFormat, DidYouMeanLineForAMisspeltQuery) {
    newsfacet::SearchRequest request;
    request.query = "all strikes affecting embasies";
    auto text = newsfacet::cli::to_text(search(request));
    auto lines = text.substr(0, text.find("\n1. "));
    EXPECT_NE(lines.find("\nDid you mean: all strikes affecting embassies?\n"), std::string::npos)
        << text;
    request.query = "all strikes affecting embassies";
    EXPECT_EQ(newsfacet::cli::to_text(search(request)).find("Did you mean"), std::string::npos);
}

TEST_F(ToolTextFormat, HeaderNamesTheLikedArticle) {
    newsfacet::SearchRequest request;
    request.like = newsfacet::testing::seed_id;
    auto results = search(request);
    auto text = newsfacet::cli::to_text(results);
    EXPECT_EQ(
        text.rfind(std::to_string(results.total) + " articles like " + newsfacet::testing::seed_id,
                   0),
        0u)
        << text;
    request.query = "consulate";
    text = newsfacet::cli::to_text(search(request));
    EXPECT_NE(text.find("match \"consulate\", like " + newsfacet::testing::seed_id),
              std::string::npos)
        << text;
}

TEST_F(ToolTextFormat, IndexSummary) {
    auto text = newsfacet::cli::to_text(m_searcher->info());
    EXPECT_NE(text.find("articles:       " + std::to_string(newsfacet::testing::corpus_articles) + "\n"), std::string::npos)
        << text;
    EXPECT_NE(text.find("format version: 1"), std::string::npos) << text;
}

TEST(ToolProgressFormat, ProgressLineWithAndWithoutAKnownTotal) {
    newsfacet::IngestStats stats;
    stats.added = 4000;
    stats.replaced = 1000;
    stats.unchanged = 210;
    stats.input_bytes = 4'100'000;
    // 41% of 10 MB read in 10 s: the other 59% take about 14 s more.
    auto line = newsfacet::cli::progress_line(stats, 10'000'000, 10.0);
    EXPECT_EQ(line, "[########------------] 41% 5,210 articles, 521/s, 0.4 MB/s, 0:14 left");
    EXPECT_EQ(newsfacet::cli::progress_line(stats, 0, 10.0), "5,210 articles, 521/s, 0.4 MB/s");
    stats.input_bytes = 10'000'000;  // done: no time left shown
    EXPECT_EQ(newsfacet::cli::progress_line(stats, 10'000'000, 10.0).find("left"), std::string::npos);
    stats.input_bytes = 1'000'000;  // 1% in an hour: hours in the estimate
    EXPECT_NE(newsfacet::cli::progress_line(stats, 100'000'000, 3600.0).find("99:00:00 left"), std::string::npos);
}

TEST(ToolProgressFormat, SummaryLineCountsAndIndexSize) {
    newsfacet::IngestStats stats;
    stats.added = 12865;
    stats.failed = 2;
    stats.input_bytes = 17'000'000;
    EXPECT_EQ(newsfacet::cli::summary_line(stats, 10.0, 12865, 1'500'000, "news.db"),
              "12,865 added, 0 replaced, 0 unchanged, 0 deleted, 2 failed in 10.00 s (1.70 MB/s); 12,865 articles, "
              "1.5 MB in news.db");
    stats.unchanged = 12000;
    stats.deleted = 7;
    EXPECT_NE(newsfacet::cli::summary_line(stats, 10.0, 12858, 1'500'000, "news.db").find("12,000 unchanged, 7 deleted"),
              std::string::npos);
}

TEST(ToolProgressFormat, SkippedRecordsMostFrequentFirst) {
    EXPECT_EQ(newsfacet::cli::skipped_text({}), "");
    EXPECT_EQ(newsfacet::cli::skipped_text({{"request", 1}}), "1 record skipped: 1 request");
    EXPECT_EQ(newsfacet::cli::skipped_text({{"metadata", 150}, {"not HTML", 12}, {"request", 1150}}),
              "1,312 records skipped: 1,150 request, 150 metadata, 12 not HTML");
    newsfacet::IngestStats stats;
    stats.added = 3;
    EXPECT_EQ(newsfacet::cli::summary_line(stats, 1.0, 3, 1'000'000, "news.db").find("skipped"), std::string::npos);
    stats.skipped = {{"request", 3}, {"HTTP 4xx", 1}};
    EXPECT_EQ(newsfacet::cli::summary_line(stats, 1.0, 3, 1'000'000, "news.db"),
              "3 added, 0 replaced, 0 unchanged, 0 deleted, 0 failed in 1.00 s (0.00 MB/s); 3 articles, 1.0 MB in "
              "news.db; 4 records skipped: 3 request, 1 HTTP 4xx");
}
