// to_text: the terminal forms of search results and index summaries.
#include <gtest/gtest.h>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"

using ApiTextFormat = newsfacet::testing::CorpusTest;

TEST_F(ApiTextFormat, PlainTextMarksMatchesWithBrackets) {
    newsfacet::SearchRequest request;
    request.query = "all strikes affecting embassies";
    auto text = newsfacet::to_text(search(request));
    EXPECT_EQ(text.find('\x1b'), std::string::npos);
    EXPECT_NE(text.find("[struck]"), std::string::npos) << text;
    EXPECT_NE(text.find("1. "), std::string::npos);
    EXPECT_NE(text.find(newsfacet::testing::seed_id), std::string::npos);
    EXPECT_NE(text.find("Facets over all"), std::string::npos);
}

TEST_F(ApiTextFormat, ColourUsesAnsiEscapes) {
    newsfacet::SearchRequest request;
    request.query = "embassy";
    auto text = newsfacet::to_text(search(request), {true});
    EXPECT_NE(text.find("\x1b["), std::string::npos);
    EXPECT_EQ(text.find("[embassy]"), std::string::npos);
}

TEST_F(ApiTextFormat, HeaderCountsMatches) {
    newsfacet::SearchRequest request;
    request.query = "\"Green Zone\"";
    auto text = newsfacet::to_text(search(request));
    EXPECT_EQ(text.rfind("1 article matches", 0), 0u) << text;
}

TEST_F(ApiTextFormat, DidYouMeanLineForAMisspeltQuery) {
    newsfacet::SearchRequest request;
    request.query = "all strikes affecting embasies";
    auto text = newsfacet::to_text(search(request));
    auto lines = text.substr(0, text.find("\n1. "));
    EXPECT_NE(lines.find("\nDid you mean: all strikes affecting embassies?\n"), std::string::npos)
        << text;
    request.query = "all strikes affecting embassies";
    EXPECT_EQ(newsfacet::to_text(search(request)).find("Did you mean"), std::string::npos);
}

TEST_F(ApiTextFormat, HeaderNamesTheLikedArticle) {
    newsfacet::SearchRequest request;
    request.like = newsfacet::testing::seed_id;
    auto results = search(request);
    auto text = newsfacet::to_text(results);
    EXPECT_EQ(
        text.rfind(std::to_string(results.total) + " articles like " + newsfacet::testing::seed_id,
                   0),
        0u)
        << text;
    request.query = "consulate";
    text = newsfacet::to_text(search(request));
    EXPECT_NE(text.find("match \"consulate\", like " + newsfacet::testing::seed_id),
              std::string::npos)
        << text;
}

TEST_F(ApiTextFormat, IndexSummary) {
    auto text = newsfacet::to_text(m_searcher->info());
    EXPECT_NE(text.find("articles:       45"), std::string::npos) << text;
    EXPECT_NE(text.find("format version: 1"), std::string::npos) << text;
}
