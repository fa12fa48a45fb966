// Queries as people paste them: headlines in capitals read as if they had no case, and text
// the query language cannot parse read the forgiving way instead of being refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"

using newsfacet::Searcher;
using newsfacet::testing::everything;
using newsfacet::testing::ids_of;
using newsfacet::testing::make_article;

namespace {

class ApiQueryCase : public ::testing::Test {
protected:
    void SetUp() override {
        auto path = m_dir / "index";
        auto index = newsfacet::Index::create_or_open(path);
        (void)index.add(make_article("pipeline", "Rebels keep attacking the oil pipeline",
                                     "Government troops said rebels attacked the pipeline near the border "
                                     "again, the third attack on the line this month."));
        (void)index.add(make_article("pressure", "Pressure on the rebels grows",
                                     "The government stepped up pressure on rebel leaders to stop the "
                                     "violence in the oil region."));
        (void)index.add(make_article("wire-caps", "GRAIN SHIPMENTS RESUME AT PORTS",
                                     "SHIPMENTS OF GRAIN RESUMED AT THE PORTS ON TUESDAY AFTER DOCKERS "
                                     "ENDED THEIR STRIKE, PORT OFFICIALS SAID."));
        (void)index.add(make_article("oil-gas", "Oil and gas output rises",
                                     "Output of oil and gas rose in the first quarter, the ministry said."));
        (void)index.add(make_article("turkey-country", "Turkey closes embassy",
                                     "Turkey closed its embassy in the capital after the attack, the foreign "
                                     "ministry in Ankara said."));
        (void)index.add(make_article("turkey-bird", "Roast turkey for the holidays",
                                     "A roast turkey needs four hours. Brine the turkey overnight, then baste "
                                     "the turkey every half hour."));
        (void)index.add(make_article("us-grain", "U.S. grain exports rise",
                                     "Exports of U.S. grain rose in the week, the U.S. Agriculture "
                                     "Department said."));
        index.commit();
        m_searcher.emplace(path);
    }

    newsfacet::SearchResults search(const std::string& query) { return m_searcher->search(everything(query)); }

    newsfacet::testing::TempDir m_dir;
    std::optional<Searcher> m_searcher;
};

}  // namespace

TEST_F(ApiQueryCase, AQueryInCapitalsFindsWhatTheLowerCaseQueryFinds) {
    for (const std::string lower : {"government pressure on rebels to stop attacking the pipelines",
                                    "attacking pipelines", "grain shipments resume", "strikes at ports"}) {
        std::string upper = lower;
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        const auto expected = ids_of(search(lower));
        ASSERT_FALSE(expected.empty()) << lower;
        EXPECT_EQ(ids_of(search(upper)), expected) << upper;
    }
}

TEST_F(ApiQueryCase, WordsInCapitalsAreStemmed) {
    // ATTACKING and PIPELINES find "attacked" and "pipeline": the stems, not the words as typed.
    EXPECT_EQ(ids_of(search("ATTACKING PIPELINES")).front(), "pipeline");
    EXPECT_EQ(ids_of(search("PIPELINES")), std::vector<std::string>{"pipeline"});
}

TEST_F(ApiQueryCase, InAQueryInCapitalsAndOrNotAreWords) {
    // As operators, OIL AND GAS would need both words and OIL NOT GAS would drop oil-gas.
    EXPECT_EQ(ids_of(search("OIL AND GAS")), ids_of(search("oil and gas")));
    EXPECT_EQ(ids_of(search("OIL NOT GAS")), ids_of(search("oil not gas")));
    const auto not_gas = ids_of(search("OIL NOT GAS"));
    EXPECT_NE(std::find(not_gas.begin(), not_gas.end(), "oil-gas"), not_gas.end());
    // In lower case around them, they stay operators.
    const auto without_gas = ids_of(search("oil NOT gas"));
    EXPECT_EQ(std::find(without_gas.begin(), without_gas.end(), "oil-gas"), without_gas.end());
}

TEST_F(ApiQueryCase, ArticleTextInCapitalsIsFoundLikeAnyOther) {
    // The wire copy in capitals is stemmed when indexed: "shipment", "resumed", "ports".
    EXPECT_EQ(ids_of(search("shipment resumed")).front(), "wire-caps");
    EXPECT_EQ(ids_of(search("Port")).front(), "wire-caps");
}

TEST_F(ApiQueryCase, AMixedCaseQueryKeepsNameHandling) {
    // "Turkey" is the country (the tagger reads it as a name); "turkey" the word.
    EXPECT_EQ(ids_of(search("Turkey")).front(), "turkey-country");
    EXPECT_EQ(ids_of(search("turkey")).front(), "turkey-bird");
    // An acronym inside a mixed-case query is not read in lower case ("US" is no "us").
    const auto us = search("US embassy");
    EXPECT_TRUE(us.notes.empty());
}

TEST_F(ApiQueryCase, ADottedAcronymFindsTheAcronymInAnyCase) {
    // The indexer reads "U.S." as the acronym "us"; "u.s." in lower case (typed so, or a
    // query in capitals read in lower case) must mean the same, not a phrase "u s".
    for (const std::string query : {"u.s.", "U.S.", "u.s. exports", "U.S. EXPORTS", "\"u.s. grain\""}) {
        const auto found = ids_of(search(query));
        ASSERT_FALSE(found.empty()) << query;
        EXPECT_EQ(found.front(), "us-grain") << query;
    }
}

TEST_F(ApiQueryCase, TextThatDoesNotParseIsReadTheForgivingWay) {
    struct Case {
        std::string query;
        std::string note;  // a word the note must contain
    };
    const std::vector<Case> cases = {
        {"philippines says debt pact \"better than mexico's'", "quote"},
        {"\"unclosed phrase about the pipeline", "quote"},
        {"pipeline AND (", "operators"},
        {"pipeline OR (", "operators"},
        {"pipeline AND )", ""},
        {"AND pipeline", "operators"},
        {"pipeline OR OR rebels", "operators"},
        {"Reuters:Pipeline attack", "field"},
    };
    for (const auto& c : cases) {
        newsfacet::SearchResults results;
        ASSERT_NO_THROW(results = search(c.query)) << c.query;
        if (c.query.find("ipeline") != std::string::npos) {
            EXPECT_GT(results.total, 0u) << c.query;
        }
        if (c.note.empty()) continue;
        ASSERT_EQ(results.notes.size(), 1u) << c.query;
        EXPECT_NE(results.notes[0].find(c.note), std::string::npos) << c.query << ": " << results.notes[0];
    }
    EXPECT_TRUE(search("pipeline attack").notes.empty());
}

TEST_F(ApiQueryCase, TheFilterSyntaxStillRefusesWhatItCannotRead) {
    EXPECT_THROW((void)search("pipeline date:2024-13"), newsfacet::QueryError);
    EXPECT_THROW((void)search("pipeline country:\"Turkey"), newsfacet::QueryError);
}
