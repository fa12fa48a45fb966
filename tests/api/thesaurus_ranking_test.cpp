// What the shipped thesaurus adds to ranking beyond the event and place words: newswire
// abbreviations, word families the stemmer does not join, and co-occurrence of concepts named
// only through relatives.
#include <gtest/gtest.h>

#include <string>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"

using newsfacet::testing::everything;
using newsfacet::testing::ids_of;
using newsfacet::testing::make_article;

namespace {

newsfacet::SearchRequest not_expanded(std::string query) {
    auto request = everything(std::move(query));
    request.expand = false;
    return request;
}

}  // namespace

TEST(ApiThesaurusRanking, WireAbbreviationsAnswerTheWordsTheyStandFor) {
    newsfacet::testing::TempDir dir;
    {
        auto index = newsfacet::Index::create_or_open(dir / "index");
        index.add(make_article("earnings", "ACME CORP 1ST QTR NET", "Shr 12 cts vs 10 cts. Net 1.2 mln vs 1.0 mln."));
        index.add(make_article("weather", "Storm closes port", "A storm closed the port for two days."));
        index.add(make_article("amounts", "Harbour fees rise", "Harbour fees rose to 12 mln dlrs this year."));
        index.commit();
    }
    newsfacet::Searcher searcher(dir / "index");
    EXPECT_EQ(ids_of(searcher.search(everything("quarterly profit per share"))),
              (std::vector<std::string>{"earnings"}));
    // The thesaurus, not the stemmer, joins them.
    EXPECT_TRUE(ids_of(searcher.search(not_expanded("quarterly share"))).empty());
    // "dlrs" is the unit of amounts, not the dollar as a subject.
    EXPECT_TRUE(ids_of(searcher.search(everything("dollar"))).empty());
}

TEST(ApiThesaurusRanking, ActionNounsFindTheirVerbsBelowTheNounItself) {
    newsfacet::testing::TempDir dir;
    {
        auto index = newsfacet::Index::create_or_open(dir / "index");
        index.add(make_article("verb", "Acme buys Widget", "Acme agreed to acquire Widget Co for 10 mln dlrs in cash."));
        index.add(make_article("noun", "Acme completes deal", "Acme completed the acquisition of Widget Co for 10 mln dlrs."));
        index.add(make_article("other", "Acme opens plant", "Acme opened a new plant in Ohio for 10 mln dlrs."));
        index.commit();
    }
    newsfacet::Searcher searcher(dir / "index");
    EXPECT_EQ(ids_of(searcher.search(everything("acquisition"))), (std::vector<std::string>{"noun", "verb"}));
    EXPECT_EQ(ids_of(searcher.search(everything("acquire"))), (std::vector<std::string>{"verb", "noun"}));
    EXPECT_EQ(ids_of(searcher.search(not_expanded("acquisition"))), (std::vector<std::string>{"noun"}));
}

TEST(ApiThesaurusRanking, ConceptsNamedThroughRelativesOutrankOneConceptRepeated) {
    newsfacet::testing::TempDir dir;
    {
        auto index = newsfacet::Index::create_or_open(dir / "index");
        index.add(make_article("reopening", "Embassy reopens",
                               "The embassy reopened on Monday. The embassy staff raised the flag over the embassy "
                               "villa, and the embassy will offer visas. Visitors toured the embassy garden."));
        index.add(make_article("consulate", "Drone attack near consulate",
                               "A drone attack damaged the outer wall of the consulate overnight."));
        // As in a news archive: strikes and embassies are common words, so their idf is low.
        for (int i = 0; i < 8; ++i) {
            const auto n = std::to_string(i);
            index.add(make_article("labour-" + n, "Dock workers strike", "Dock workers went on strike over pay on day " + n + "."));
            index.add(make_article("visas-" + n, "Embassy notice", "The embassy issued a notice about visas on day " + n + "."));
        }
        index.commit();
    }
    newsfacet::Searcher searcher(dir / "index");
    // "strikes" reaches "attack" and "embassies" reaches "consulate" only as relatives, yet the
    // article with both concepts answers the question, and the reopening does not.
    auto ids = ids_of(searcher.search(everything("strikes on embassies")));
    ASSERT_GE(ids.size(), 2u);
    EXPECT_EQ(ids[0], "consulate");
    EXPECT_EQ(ids[1], "reopening");
}
