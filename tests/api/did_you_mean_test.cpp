// "Did you mean" for misspelt query words: SearchResults::corrected_query over corpus/.
#include <gtest/gtest.h>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"

namespace {

class ApiDidYouMean : public newsfacet::testing::CorpusTest {
protected:
    [[nodiscard]] std::string corrected(const std::string& query) {
        newsfacet::SearchRequest request;
        request.query = query;
        request.count_facets = false;
        return search(request).corrected_query;
    }
    [[nodiscard]] std::uint64_t total(const std::string& query) {
        newsfacet::SearchRequest request;
        request.query = query;
        request.count_facets = false;
        return search(request).total;
    }
};

}  // namespace

TEST_F(ApiDidYouMean, MisspeltWordIsReplacedInTheWholeQuery) {
    EXPECT_EQ(corrected("all strikes affecting embasies"), "all strikes affecting embassies");
    // The correction finds the articles the headline query finds.
    EXPECT_EQ(total("all strikes affecting embassies"), total("strikes on embassies"));
    EXPECT_GT(total("all strikes affecting embassies"), total("all strikes affecting embasies"));
}

TEST_F(ApiDidYouMean, CorrectQueriesGetNoSuggestion) {
    for (const char* query :
         {"all strikes affecting embassies", "Zelensky", "embassy", "Kiev", "strikes on embassies",
          "\"Green Zone\"", "embassy country:Iraq", ""}) {
        EXPECT_EQ(corrected(query), "") << query;
    }
}

TEST_F(ApiDidYouMean, AWordWithNoCloseNeighbourGetsNone) {
    EXPECT_EQ(total("xylophonist"), 0u);
    EXPECT_EQ(corrected("xylophonist"), "");
    EXPECT_EQ(corrected("embassy qwertyuiop"), "");
}

TEST_F(ApiDidYouMean, CaseOfTheTypedWordIsKept) {
    EXPECT_EQ(corrected("Embasy"), "Embassy");
    EXPECT_EQ(corrected("EMBASY"), "EMBASSY");
    EXPECT_EQ(corrected("embasy"), "embassy");
    EXPECT_EQ(corrected("Strike on the Embasy"), "Strike on the Embassy");
}

TEST_F(ApiDidYouMean, SwapsAndSeveralWordsAreCorrected) {
    EXPECT_EQ(corrected("stirke"), "strike");
    EXPECT_EQ(corrected("mebassy"), "embassy");
    EXPECT_EQ(corrected("diplomatc mision"), "diplomatic mission");
}

TEST_F(ApiDidYouMean, FiltersOperatorsAndQuotesStayAsTyped) {
    EXPECT_EQ(corrected("embasy country:Ukraine OR country:Sudan"),
              "embassy country:Ukraine OR country:Sudan");
    EXPECT_EQ(corrected("+embasy -consulate"), "+embassy -consulate");
    EXPECT_EQ(corrected("strike AND title:embasy"), "strike AND title:embassy");
    EXPECT_EQ(corrected("\"embasy grounds\""), "\"embassy grounds\"");
    // A misspelt filter value is not a query word: it has its own suggestion.
    newsfacet::SearchRequest request;
    request.query = "embassy country:Ukrane";
    auto results = search(request);
    EXPECT_EQ(results.corrected_query, "");
    // Excluded words are not corrected: excluding a word no article has changes nothing.
    EXPECT_EQ(corrected("embassy -consulat"), "");
    EXPECT_EQ(corrected("embassy NOT consulat"), "");
}

TEST_F(ApiDidYouMean, OnlySuggestedWhenTheCorrectionFindsSomething) {
    // Under a filter whose articles never mention embassies (nor consulates, missions...), the
    // corrected query finds nothing more: no suggestion.
    EXPECT_EQ(total("embassy country:Spain"), 0u);
    EXPECT_EQ(corrected("embasy country:Spain"), "");
    // Where it does find something, it is suggested, and the suggestion matches.
    EXPECT_EQ(corrected("embasy country:Bulgaria"), "embassy country:Bulgaria");
    EXPECT_GT(total("embassy country:Bulgaria"), 0u);
}

TEST_F(ApiDidYouMean, EveryCorrectionMatchesMoreThanTheQueryTyped) {
    for (const char* query : {"all strikes affecting embasies", "Embasy", "stirke",
                              "diplomatc mision", "+embasy -consulate", "\"embasy grounds\""}) {
        auto fixed = corrected(query);
        ASSERT_FALSE(fixed.empty()) << query;
        EXPECT_GT(total(fixed), total(query)) << query << " -> " << fixed;
    }
}
