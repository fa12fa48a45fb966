// Place disambiguation and salience rules of the tagger, each with positive and negative cases.
#include <newsfacet/tagger.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using newsfacet::Article;
using newsfacet::Facet;
using newsfacet::Tagger;
using newsfacet::Tagging;

namespace {

using Values = std::vector<std::string>;

const Tagger& tagger() {
    static const Tagger t;  // immutable; built once for these tests
    return t;
}

Tagging tag(const std::string& body, const std::string& title = "", const std::string& dateline = "",
            const std::string& date = "") {
    Article a;
    a.id = "t";
    a.title = title;
    a.body = body;
    a.dateline = dateline;
    a.date = date;
    return tagger().tag(a);
}

bool mentioned(const Tagging& t, const std::string& value) {
    return std::any_of(t.mentions.begin(), t.mentions.end(), [&](const newsfacet::Mention& m) { return m.value == value; });
}

}  // namespace

TEST(TaggerAmbiguity, GeorgiaTheCountryOrTheState) {
    auto state = tag("Storms hit Atlanta on Monday. Officials in Georgia said power was out across Atlanta.");
    EXPECT_EQ(state.facets.country, (Values{"United States"}));
    auto country = tag("Protesters gathered in Tbilisi, the capital of Georgia. Georgia's government resigned.");
    EXPECT_EQ(country.facets.country, (Values{"Georgia"}));
}

TEST(TaggerAmbiguity, QualifiedCityIsAnotherPlace) {
    auto t = tag("A tornado struck near Paris, Texas, on Tuesday, damaging homes in Paris, Texas.");
    EXPECT_FALSE(mentioned(t, "Paris"));
    EXPECT_TRUE(mentioned(t, "Texas"));
    EXPECT_EQ(t.facets.country, (Values{"United States"}));
    auto france = tag("Protests continued in Paris on Tuesday as unions marched in Paris again.");
    EXPECT_EQ(france.facets.location, (Values{"Paris"}));
}

TEST(TaggerAmbiguity, CommonWordsArePlacesOnlyInContext) {
    for (const char* text : {"Nice weather returned on Tuesday.", "Reading the report, analysts were cautious.",
                             "Split decisions are rare.", "The sale of the unit was completed."}) {
        EXPECT_TRUE(tag(text).facets.location.empty()) << text;
    }
    EXPECT_EQ(tag("The festival opened in Nice on Tuesday.").facets.location, (Values{"Nice"}));
}

TEST(TaggerAmbiguity, AllCapsHeadlinesNeedTheSameEvidence) {
    auto sale = tag("The company sold its unit.", "WICKES COMPLETES SALE OF UNIT");
    EXPECT_TRUE(sale.facets.country.empty());
    auto japan = tag("Players went on sale in Tokyo.", "DIGITAL AUDIO TAPE PLAYERS GO ON SALE IN JAPAN");
    EXPECT_EQ(japan.facets.country, (Values{"Japan"}));
}

TEST(TaggerAmbiguity, TeamsCompaniesAndPeopleAreNotPlaces) {
    EXPECT_FALSE(mentioned(tag("The New York Yankees beat the Chicago Cubs 5-3."), "Chicago"));
    EXPECT_FALSE(mentioned(tag("Striker Paul Jackson scored twice."), "Jackson"));
    EXPECT_FALSE(mentioned(tag("Results: Milwaukee 6 Seattle 3."), "Seattle"));
    EXPECT_TRUE(mentioned(tag("LONDON 1996-08-30\nShares rose."), "London"));
}

TEST(TaggerHistoric, HistoricCountriesComeFromExplicitMentions) {
    auto t = tag("Soviet officials met West German bankers in Moscow. The Soviet Union sought credits.",
                 "SOVIET UNION SEEKS WEST GERMAN CREDITS");
    EXPECT_NE(std::find(t.facets.country.begin(), t.facets.country.end(), "Soviet Union"), t.facets.country.end());
    EXPECT_NE(std::find(t.facets.country.begin(), t.facets.country.end(), "West Germany"), t.facets.country.end());
}

TEST(TaggerRegions, RegionsImplyTheirCountry) {
    auto t = tag("Wildfires spread across California. Firefighters in California said winds eased.");
    EXPECT_EQ(t.facets.location, (Values{"California"}));
    EXPECT_EQ(t.facets.country, (Values{"United States"}));
    // A sea or continent mentioned once is backdrop, not the scene.
    auto sea = tag("The tanker was hit in the port of Odesa. Shipping in the Black Sea slowed.");
    EXPECT_EQ(sea.facets.location, (Values{"Odesa"}));
}

TEST(TaggerAbbreviations, DottedAbbreviationsKeepTheirPeriod) {
    std::string body = "Talks with U.S. officials resumed.";
    auto t = tag(body);
    auto it = std::find_if(t.mentions.begin(), t.mentions.end(),
                           [](const newsfacet::Mention& m) { return m.value == "United States"; });
    ASSERT_NE(it, t.mentions.end());
    EXPECT_EQ(it->text, "U.S.");
    EXPECT_EQ(body.substr(it->start, it->end - it->start), "U.S.");
}
