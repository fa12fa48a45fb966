// Place disambiguation and salience rules of the tagger, each with positive and negative cases.
#include <newsfacet/tagger.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tag/article_tagger.hpp"
#include "tagging.hpp"

using newsfacet::Facet;
using newsfacet::Tagging;

namespace {

using Values = std::vector<std::string>;

// The place tests name the dateline before the date.
Tagging tag(const std::string& body, const std::string& title = "", const std::string& dateline = "",
            const std::string& date = "") {
    return newsfacet::testing::tag_article(body, title, date, dateline);
}

bool mentioned(const Tagging& t, const std::string& value) {
    return std::any_of(t.mentions.begin(), t.mentions.end(), [&](const newsfacet::Mention& m) { return m.value == value; });
}

// The values of the place mentions whose text is `text`, in order.
Values read_as(const Tagging& t, const std::string& text) {
    Values out;
    for (const auto& m : t.mentions) {
        if (m.text == text && (m.facet == Facet::location || m.facet == Facet::country)) out.push_back(m.value);
    }
    return out;
}

bool has(const Values& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

TEST(TaggerAmbiguity, GeorgiaTheCountryOrTheState) {
    auto state = tag("Storms hit Atlanta on Monday. Officials in Georgia said power was out across Atlanta.");
    EXPECT_EQ(state.facets.country, (Values{"United States"}));
    auto country = tag("Protesters gathered in Tbilisi, the capital of Georgia. Georgia's government resigned.");
    EXPECT_EQ(country.facets.country, (Values{"Georgia"}));
}

TEST(TaggerAmbiguity, AWorldCapitalIsNoSmallNamesakeInTheStorysCountry) {
    // A US wire dateline makes the United States the story's country, but "London" there is
    // still London, England, not London, Ohio.
    auto twa = tag("Trans World Airlines Inc said the U.S. Transportation Department approved its service "
                   "between Baltimore/Washington International Airport\nand London.\n It said once a final "
                   "decision is made, service will begin in June.",
                   "TWA GETS APPROVAL FOR LONDON ROUTE", "NEW YORK, March 5");
    EXPECT_TRUE(has(twa.facets.country, "United Kingdom"));
    EXPECT_FALSE(has(twa.facets.location, "London, Ohio"));
    // A wire dateline naming a capital is that capital, whatever region the story names.
    auto racal = tag("Racal Electronics Plc said it formed a U.S. unit based in Irvine, California, to market "
                     "its data products.\n The unit will sell to U.S. banks.",
                     "RACAL ANNOUNCES U.S. UNIT AND MARKETING AGREEMENT", "LONDON, March 19");
    EXPECT_TRUE(has(racal.facets.country, "United Kingdom"));
    EXPECT_TRUE(has(racal.facets.location, "London"));
    EXPECT_FALSE(has(racal.facets.location, "London, California"));
    // The small namesake stays where its own state is named, or qualifies the dateline.
    auto paris = tag("PARIS - The Lamar County commissioners met on Monday in Paris. The Paris city council in "
                     "Texas agreed.");
    EXPECT_TRUE(has(paris.facets.location, "Paris, Texas"));
    EXPECT_EQ(paris.facets.country, (Values{"United States"}));
    auto ohio = tag("The plant in London will close, the company said. London is west of Columbus.", "",
                    "COLUMBUS, Ohio, March 3");
    EXPECT_TRUE(has(ohio.facets.location, "London, Ohio"));
    EXPECT_EQ(ohio.facets.country, (Values{"United States"}));
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

TEST(TaggerHistoric, APlaceLiesInTheCountryOfTheArticlesDate) {
    const std::string belgrade = "Yugoslav miners went on strike on Monday, union leaders said.";
    auto then = tag(belgrade, "", "BELGRADE, March 14", "1987-03-14");
    EXPECT_EQ(then.facets.country, (Values{"Yugoslavia"}));
    EXPECT_EQ(tag(belgrade, "", "BELGRADE, March 14", "2020-03-14").facets.country, (Values{"Serbia"}));
    // Without a date nothing is mapped.
    EXPECT_EQ(tag("Miners went on strike on Monday.", "", "BELGRADE, March 14").facets.country, (Values{"Serbia"}));
    // Slovenia left Yugoslavia in June 1991, Serbia only in 2003.
    EXPECT_EQ(tag("Strikes spread, officials said.", "", "LJUBLJANA, Aug 2", "1991-08-02").facets.country,
              (Values{"Slovenia"}));
    EXPECT_EQ(tag("Strikes spread, officials said.", "", "LJUBLJANA, May 2", "1991-05-02").facets.country,
              (Values{"Yugoslavia"}));
}

TEST(TaggerHistoric, TodaysNamesAddToTheHistoricCountrysEvidence) {
    // In 1987 Moscow, Russia and "Soviet" all name the Soviet Union: one country, not two.
    const std::string body = "The Soviet Union will buy more grain, Russian officials said in Moscow. "
                             "Russia bought 2.5 mln tonnes last year.";
    auto then = tag(body, "", "", "1987-04-03");
    EXPECT_EQ(then.facets.country, (Values{"Soviet Union"}));
    EXPECT_EQ(read_as(then, "Russia"), (Values{"Soviet Union"}));
    auto now = tag(body, "", "", "2023-04-03");
    EXPECT_EQ(now.facets.country, (Values{"Russia"}));
    EXPECT_EQ(read_as(now, "Russia"), (Values{"Russia"}));
    // "Germany" in 1987 is West Germany: with "West German" once it is salient.
    const std::string bonn = "West German exports rose. Germany's trade surplus widened in March.";
    EXPECT_EQ(tag(bonn, "", "", "1987-04-03").facets.country, (Values{"West Germany"}));
    EXPECT_EQ(tag(bonn, "", "", "1995-04-03").facets.country, (Values{}));
    // The Baltic states left the Soviet Union in September 1991.
    EXPECT_EQ(tag("Crowds gathered in Vilnius on Sunday.", "", "", "1991-10-06").facets.country,
              (Values{"Lithuania"}));
    EXPECT_EQ(tag("Crowds gathered in Vilnius on Sunday.", "", "", "1991-08-04").facets.country,
              (Values{"Soviet Union"}));
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

TEST(TaggerGazetteerNames, ASeaNamedAfterACountryIsNotTheCountry) {
    // The Gulf of Mexico, the Sea of Japan, the Bay of Bengal: areas of no one country.
    auto rigs = tag("The number of mobile rigs in the Gulf of Mexico was unchanged at 35, Offshore Data Services "
                    "said. Rigs in the Gulf of Mexico are idle.",
                    "GULF OF MEXICO RIG COUNT UNCHANGED", "HOUSTON, March 9");
    EXPECT_EQ(rigs.facets.country, (Values{"United States"}));
    EXPECT_EQ(read_as(rigs, "Gulf of Mexico"), (Values{"Gulf of Mexico", "Gulf of Mexico"}));
    auto seas = tag("Tankers crossed the Sea of Japan. Fishing in the Bay of Bengal stopped.");
    EXPECT_EQ(read_as(seas, "Sea of Japan"), (Values{"Sea of Japan"}));
    EXPECT_TRUE(read_as(seas, "Japan").empty());
    EXPECT_TRUE(seas.facets.country.empty());
    // The country itself is still the country.
    auto mexico = tag("Mexico raised oil output. Mexico exports most of it, officials in Mexico City said.");
    EXPECT_EQ(mexico.facets.country, (Values{"Mexico"}));
}

TEST(TaggerGazetteerNames, AnAreasAdjectiveIsNotACountrys) {
    // "Latin American", "South American": the area's adjective, not "American" (the US).
    auto debt = tag("Several Latin American countries have initiated debt talks. South American and Central "
                    "American banks joined them, Latin American bankers said.",
                    "", "LA PAZ, March 1");
    EXPECT_EQ(debt.facets.country, (Values{"Bolivia"}));
    EXPECT_EQ(read_as(debt, "Latin American"), (Values{"Latin America", "Latin America"}));
    EXPECT_EQ(read_as(debt, "South American"), (Values{"South America"}));
    EXPECT_TRUE(read_as(debt, "American").empty());
    // "American" alone is still the United States.
    auto us = tag("American officials met. American banks said they would lend more.");
    EXPECT_EQ(us.facets.country, (Values{"United States"}));
}

TEST(TaggerGazetteerNames, EnglishNamesOfPlacesWireCopyUses) {
    // Berne, the English and French name of Bern: not Berne, Indiana.
    auto berne = tag("Swiss industrial output rose 2.1 pct, the statistics office said.", "", "BERNE, March 9");
    EXPECT_EQ(berne.facets.country, (Values{"Switzerland"}));
    auto indiana = tag("The plant will close in June.", "", "BERNE, Ind., March 9");
    EXPECT_EQ(indiana.facets.country, (Values{"United States"}));
    // Basle (Basel), Den Bosch ('s-Hertogenbosch) and Sanremo (San Remo), as datelines and in
    // running text; "Den" alone is no place.
    EXPECT_EQ(tag("Sandoz AG said 1986 profits rose.", "", "BASLE, March 13").facets.country,
              (Values{"Switzerland"}));
    auto bis = tag("Central bankers met at the Bank for International Settlements in Basle.");
    EXPECT_EQ(read_as(bis, "Basle"), (Values{"Basel"}));
    EXPECT_EQ(tag("The unit will cut 140 jobs.", "", "DEN BOSCH, March 31").facets.country,
              (Values{"Netherlands"}));
    EXPECT_EQ(tag("Alitalia reported higher profits.", "", "SANREMO, March 22").facets.country, (Values{"Italy"}));
    EXPECT_TRUE(read_as(tag("Den Haag is the Dutch name of The Hague, the Den said."), "Den").empty());
    // "Rio" alone is Rio de Janeiro; inside another name ("Rio Tinto") it is no place.
    auto rio = tag("Union leaders met in Rio on Wednesday. Talks in Rio will resume on Friday.");
    EXPECT_EQ(rio.facets.location, (Values{"Rio de Janeiro"}));
    EXPECT_EQ(rio.facets.country, (Values{"Brazil"}));
    EXPECT_TRUE(read_as(tag("Rio Tinto said profits rose."), "Rio").empty());
    // New England is a region of the United States, not England.
    auto ne = tag("Utilities in New England raised rates. New England customers complained.");
    EXPECT_EQ(ne.facets.location, (Values{"New England"}));
    EXPECT_EQ(ne.facets.country, (Values{"United States"}));
    EXPECT_EQ(tag("Floods hit towns in England. England's rivers rose.").facets.country, (Values{"United Kingdom"}));
}

TEST(TaggerGazetteerNames, ALineWrappedInsideANameIsASpace) {
    // Wire copy wraps its lines at a fixed width, anywhere: "Hong\nKong" is Hong Kong (not Høng,
    // Denmark), "Rio de\nJaneiro" Rio de Janeiro, "David\nMulford" a person (not David, Panama).
    auto hk = tag("The electronics maker said it will set up a design centre in Hong\nKong.\n"
                  " The centre opened in March.");
    EXPECT_EQ(read_as(hk, "Hong\nKong"), (Values{"Hong Kong"}));
    EXPECT_FALSE(mentioned(hk, "H\xC3\xB8ng"));
    auto rio = tag("A spokesman speaking from the strike headquarters in Rio de\nJaneiro said 80 ships were idle.");
    EXPECT_EQ(read_as(rio, "Rio de\nJaneiro"), (Values{"Rio de Janeiro"}));
    auto david = tag("In a speech on Tuesday, Assistant Treasury Secretary David\nMulford said talks went well.");
    EXPECT_FALSE(mentioned(david, "David"));
    EXPECT_EQ(david.facets.official, (Values{"David Mulford"}));
    // A paragraph ("\n " in wire copy) ends a name, and so does a line ended short on purpose:
    // a byline before a dateline.
    auto paragraph = tag("Exports rose in the first quarter, officials in Hong Kong said.\n"
                         " Kong Industries was not affected.");
    EXPECT_EQ(read_as(paragraph, "Hong Kong"), (Values{"Hong Kong"}));
    EXPECT_TRUE(read_as(paragraph, "Kong").empty());
    auto byline = tag("TENNIS - AGASSI ESCAPES .\nLarry Fine\nNEW YORK 1996-08-30\nAndre Agassi escaped with a win.");
    EXPECT_EQ(read_as(byline, "NEW YORK"), (Values{"New York City"}));
    // The body's first line is short where the dateline was taken off its start.
    auto first = tag("Treasury Assistant Secretary David\nMulford said the accord would hold.");
    EXPECT_EQ(first.facets.official, (Values{"David Mulford"}));
}

TEST(TaggerAmbiguity, APlaceThatStartsACompanysNameIsTheCompanyElsewhere) {
    // "Piedmont Aviation Inc" makes "Piedmont" the airline in the article, not the Italian region.
    auto airline = tag("Piedmont Aviation Inc's board will meet today, a Piedmont spokesman said. "
                       "In mid-February, Piedmont said its board would meet.",
                       "PIEDMONT AVIATION <PIE> BOARD TO MEET TODAY", "NEW YORK, March 4");
    EXPECT_TRUE(read_as(airline, "Piedmont").empty());
    EXPECT_EQ(airline.facets.country, (Values{"United States"}));
    // ...but a name the article also uses as a place is a place throughout; a country stays a
    // country ("Japan Air Lines").
    auto scene = tag("Bally Manufacturing Corp said it will open a casino in Bally next year. Bally has 300,000 people.");
    EXPECT_EQ(read_as(scene, "Bally"), (Values{"Bally", "Bally"}));
    auto kansas = tag("Kansas Gas and Electric Co said power was out in south-central Kansas. "
                      "Snow buried parts of Kansas.");
    EXPECT_EQ(read_as(kansas, "Kansas"), (Values{"Kansas", "Kansas"}));
    auto springfield = tag("Springfield Transit Co buses ran late. Springfield, Ohio, has 58,000 people. "
                           "Springfield voters approved the levy.");
    EXPECT_EQ(read_as(springfield, "Springfield").size(), 2u);
    auto japan = tag("Japan Air Lines Co said fares will rise. Japan's carriers lost money.");
    EXPECT_EQ(japan.facets.country, (Values{"Japan"}));
    // Without the company's name the place is a place.
    auto region = tag("Floods hit Piedmont on Monday. Piedmont's vineyards were damaged.");
    EXPECT_EQ(region.facets.country, (Values{"Italy"}));
}

TEST(TaggerGazetteerNames, PennIsAPennsylvaniaDatelineAbbreviation) {
    auto reading = tag("The bank raised its quarterly dividend.", "", "READING, Penn., Feb 26");
    EXPECT_EQ(reading.facets.country, (Values{"United States"}));
    // Not a dateline: no abbreviation ("Penn said", a name).
    EXPECT_TRUE(tag("Penn said the board would meet.").facets.location.empty());
}

// Toponyms of the whole gazetteer: small places resolved by context, "City, ST" and
// "City, Country" qualifiers, counties, each pattern with cases where it must not fire.

TEST(TaggerToponyms, AlexandriaByItsQualifier) {
    auto la = tag("ALEXANDRIA, La. -- The school board met on Monday. Alexandria police said the road was closed.");
    EXPECT_EQ(read_as(la, "ALEXANDRIA"), (Values{"Alexandria, Louisiana"}));
    // A place read once keeps its reading in the article.
    EXPECT_EQ(read_as(la, "Alexandria"), (Values{"Alexandria, Louisiana"}));
    EXPECT_EQ(read_as(la, "La"), (Values{"Louisiana"}));
    EXPECT_EQ(la.facets.country, (Values{"United States"}));

    auto va = tag("The council of Alexandria, Va., voted on Tuesday to widen the road.");
    EXPECT_EQ(read_as(va, "Alexandria"), (Values{"Alexandria, Virginia"}));
    EXPECT_EQ(va.facets.country, (Values{"United States"}));

    auto egypt = tag("Thousands marched in Alexandria, Egypt, on Friday.");
    EXPECT_EQ(read_as(egypt, "Alexandria"), (Values{"Alexandria"}));
    EXPECT_EQ(egypt.facets.country, (Values{"Egypt"}));
}

TEST(TaggerToponyms, AlexandriaByTheArticlesContext) {
    // A parish is Louisiana's county: the Louisiana town, not the Egyptian city.
    auto la = tag("The Rapides Parish school board met in Alexandria on Monday to discuss the budget.");
    EXPECT_EQ(read_as(la, "Alexandria"), (Values{"Alexandria, Louisiana"}));
    EXPECT_EQ(la.facets.country, (Values{"United States"}));
    // Virginia named in the article.
    auto va = tag("Commuters in northern Virginia faced delays. In Alexandria, crews repaired a water main.");
    EXPECT_EQ(read_as(va, "Alexandria"), (Values{"Alexandria, Virginia"}));
    // Nothing else said: the big city of that name.
    auto egypt = tag("Protests continued in Alexandria on Friday as police made arrests.");
    EXPECT_EQ(read_as(egypt, "Alexandria"), (Values{"Alexandria"}));
    EXPECT_EQ(egypt.facets.country, (Values{"Egypt"}));
}

TEST(TaggerToponyms, CityAndStateAbbreviationInRunningText) {
    auto t = tag("The plant in Bristol, Tenn., will close, and another in Decatur, Ala., will hire.");
    EXPECT_EQ(read_as(t, "Bristol"), (Values{"Bristol, Tennessee"}));
    EXPECT_EQ(read_as(t, "Tenn"), (Values{"Tennessee"}));
    EXPECT_EQ(read_as(t, "Ala"), (Values{"Alabama"}));
    EXPECT_EQ(t.facets.country, (Values{"United States"}));
    // A member of Congress's party and state.
    auto rep = tag("Rep. James Clyburn, D-S.C., said the bill would pass.");
    EXPECT_EQ(read_as(rep, "S.C."), (Values{"South Carolina"}));
    // Not an abbreviation without "City," or a party before it.
    EXPECT_TRUE(read_as(tag("He said Ala. officials and Tenn. lawmakers disagreed."), "Ala").empty());
    EXPECT_TRUE(read_as(tag("The Ind. candidate ran again."), "Ind").empty());
}

TEST(TaggerToponyms, SmallPlacesNeedContext) {
    // A town of 2,000 people: a place after "in", or where its state is named.
    EXPECT_TRUE(has(tag("Officers broke up a brawl in Chiefland on Friday.").facets.location, "Chiefland"));
    EXPECT_TRUE(has(tag("The Florida Highway Patrol said Chiefland officers arrived first.").facets.location, "Chiefland"));
    // ...but not bare, with nothing saying where the article is.
    EXPECT_TRUE(read_as(tag("Chiefland officers arrived first."), "Chiefland").empty());
    // A small place named like a person is the person once the article names them so.
    auto person = tag("Striker Paul Lawton scored twice. Lawton then left the field in Oklahoma.");
    EXPECT_TRUE(read_as(person, "Lawton").empty());
    // A small place named like a common word needs more than a preposition.
    EXPECT_TRUE(tag("The talks ended in March without a deal.").facets.location.empty());
    // An acronym in capitals is no small place ("ICO", Icó in Brazil).
    EXPECT_TRUE(read_as(tag("The ICO said coffee exports rose in Brazil."), "ICO").empty());
}

TEST(TaggerToponyms, SmallPlacesImplyTheirCountry) {
    auto t = tag("KISUMU, Kenya -- Doctors said the outbreak in Kisumu was contained.");
    EXPECT_EQ(t.facets.country, (Values{"Kenya"}));
    auto town = tag("A fire destroyed a barn in Chiefland, Fla., on Sunday.");
    EXPECT_EQ(town.facets.country, (Values{"United States"}));
    EXPECT_TRUE(has(town.facets.location, "Chiefland"));
}

TEST(TaggerToponyms, CountiesAndParishes) {
    auto t = tag("The Laurel County clerk was honored. Deputies in Laurel County made an arrest.");
    EXPECT_EQ(read_as(t, "Laurel County"), (Values{"Laurel County", "Laurel County"}));
    EXPECT_EQ(t.facets.country, (Values{"United States"}));
    EXPECT_EQ(read_as(tag("Rain flooded roads in Caddo Parish."), "Caddo Parish"), (Values{"Caddo Parish"}));
    // A heading in capitals, a county without a name, a sentence's first word.
    EXPECT_TRUE(tag("ENGLISH COUNTY CHAMPIONSHIP SCORES.").facets.location.empty());
    EXPECT_TRUE(tag("The county said roads were closed.").facets.location.empty());
    EXPECT_TRUE(read_as(tag("County officials met. The Democratic County Chairman spoke."), "County").empty());
}

TEST(TaggerToponyms, AmbiguousCountriesInAListOfCountries) {
    auto t = tag("Polio cases rose in 2008, and the countries most affected included Angola, Chad and Nigeria.");
    EXPECT_EQ(read_as(t, "Chad"), (Values{"Chad"}));
    auto georgia = tag("Travellers to Armenia, Azerbaijan, Georgia and Iran were warned.");
    EXPECT_EQ(read_as(georgia, "Georgia"), (Values{"Georgia"}));
    // A person or a word next to a country is no list of countries.
    EXPECT_TRUE(read_as(tag("Chad Smith, a Nigeria expert, spoke."), "Chad").empty());
    EXPECT_TRUE(read_as(tag("Officials met Jordan, the Nigerian envoy."), "Jordan").empty());
}

TEST(TaggerToponyms, StateAbbreviationNsw) {
    EXPECT_EQ(read_as(tag("Horses in NSW were quarantined."), "NSW"), (Values{"New South Wales"}));
    EXPECT_TRUE(read_as(tag("Horses in Nsw were quarantined."), "Nsw").empty());  // capitals only
}

// Local news names its towns and counties, not its own country.

TEST(TaggerLocalNews, ACountryWhosePlacesDominateIsTheArticlesCountry) {
    // A parish named once, nothing else: too little for the threshold, but the only country.
    auto parish = tag("The Rapides Parish school board met on Monday to discuss the budget.");
    EXPECT_EQ(parish.facets.country, (Values{"United States"}));
    // A British local paper naming one town.
    auto exeter = tag("Exeter city councillors approved the budget on Monday after a long debate.");
    EXPECT_EQ(exeter.facets.country, (Values{"United Kingdom"}));
}

TEST(TaggerLocalNews, APlaceInPassingDoesNotDominate) {
    // A country's own name in passing is no place of it.
    EXPECT_TRUE(tag("Prices rose. Analysts said the euro fell against the U.S. dollar.").facets.country.empty());
    // A foreign story naming one American county in passing.
    auto kyiv = tag("Ukrainian officials met in Kyiv on Monday. Talks were held in the capital.\n\n"
                    "Later a charity from Laurel County sent blankets.");
    EXPECT_EQ(kyiv.facets.country, (Values{"Ukraine"}));
    // Two countries with as much evidence: neither dominates.
    auto tie = tag("Prices rose, traders said.\n\nOne buyer from Exeter and one from Chiefland, Fla., bid.");
    EXPECT_FALSE(has(tie.facets.country, "United Kingdom"));
    // A common word that names small places is no place, and gives no country.
    EXPECT_TRUE(tag("Hope remained that the talks would resume.").facets.country.empty());
}

TEST(TaggerLocalNews, ADatelineNamesTheStorysCountryBeforeTheDominantOne) {
    // A company's seat outweighs the dateline's one mention, but the dateline says where the
    // story is: the seat is no home country of a Minneapolis story...
    const std::string body = "Occidental Petroleum Corp said it sold its chemicals unit to Henkel KGaA of "
                             "Dusseldorf, Germany. Terms were not disclosed.";
    EXPECT_EQ(tag(body, "", "MINNEAPOLIS, March 31").facets.country, (Values{"United States"}));
    // ...but it is the country of a story without a dateline, or datelined there.
    EXPECT_EQ(tag(body).facets.country, (Values{"Germany"}));
    EXPECT_EQ(tag(body, "", "DUSSELDORF, March 31").facets.country, (Values{"Germany"}));
    // Local news without a dateline still gets the country of its places.
    EXPECT_EQ(tag("The Rapides Parish school board met on Monday.").facets.country, (Values{"United States"}));
}

TEST(TaggerLocalNews, CountiesAreAmericanUnlessACountryWithCountiesIsNamed) {
    // A people's adjective in local news is no country the counties lie in...
    auto french = tag("French students at a Maury County school celebrated Mardi Gras.");
    EXPECT_EQ(french.facets.country, (Values{"United States"}));
    // ...nor a county named after a country, nor a country without counties.
    auto guernsey = tag("Foreclosures rose in Guernsey County last year, the Guernsey County clerk said.");
    EXPECT_EQ(guernsey.facets.country, (Values{"United States"}));
    EXPECT_TRUE(read_as(guernsey, "Guernsey").empty());
    auto germany = tag("Licking County students traced their families to Germany. Licking County archives helped.");
    EXPECT_TRUE(has(germany.facets.country, "United States"));
    // Kenya has counties.
    auto kenya = tag("Floods hit Kiambu County in Kenya on Monday. Kiambu County officials asked for help.");
    EXPECT_EQ(kenya.facets.country, (Values{"Kenya"}));
    // A people's adjective before "County" names no county.
    EXPECT_TRUE(read_as(tag("Essex lead the English County Championship."), "English County").empty());
}

TEST(TaggerLocalNews, ALocalNounAfterASmallPlaceSaysPlace) {
    // "Berea police", "a Berea man": the town's police and people, the story's scene.
    auto police = tag("Berea police are searching for a suspect. Officers said a Berea man was hurt.");
    EXPECT_EQ(read_as(police, "Berea"), (Values{"Berea, Ohio", "Berea, Ohio"}));
    EXPECT_EQ(police.facets.country, (Values{"United States"}));
    // ...also before another name: "the Berea Police Department".
    EXPECT_EQ(read_as(tag("Call the Berea Police Department."), "Berea"), (Values{"Berea, Ohio"}));
    // Without one, a small place needs its context.
    EXPECT_TRUE(read_as(tag("Berea officers are searching for a suspect."), "Berea").empty());
    // A person's officials are no place's, nor is a place named like a common word by a local noun alone.
    EXPECT_TRUE(read_as(tag("Clinton officials said the bill would pass."), "Clinton").empty());
    EXPECT_TRUE(read_as(tag("Hope residents gathered on Friday."), "Hope").empty());
    // A club stays a club.
    EXPECT_TRUE(read_as(tag("Leicester City beat Newcastle United 2-1 in the Premier League."), "Leicester").empty());
}

TEST(TaggerLocalNews, ADashedDatelineInTheLeadIsAPlaceWhateverItsName) {
    // Columbus is also a person's name: the dateline says place.
    auto columbus = tag("Shooting threat dubious. COLUMBUS -- A text message about a possible shooting spread.");
    EXPECT_EQ(read_as(columbus, "COLUMBUS"), (Values{"Columbus"}));
    EXPECT_EQ(columbus.facets.country, (Values{"United States"}));
    // After a byline's date.
    auto dated = tag("Zoning eased. BY JOHN SMITH Staff Writer March 29, 2009 PATASKALA -- City officials say "
                     "a burned-out block can be rebuilt.");
    EXPECT_EQ(read_as(dated, "PATASKALA"), (Values{"Pataskala"}));
    // A heading or a table in capitals, a dash deep in the text, or a comma: no dateline.
    EXPECT_TRUE(tag("CRICKET - ENGLISH COUNTY CHAMPIONSHIP STANDINGS.").facets.location.empty());
    EXPECT_TRUE(tag("CRICKET - 1997 ASHES ITINERARY.").facets.location.empty());
    EXPECT_TRUE(read_as(tag("Prices were firm. Trading was quiet. Copper fell.\nLEAD - Steady, 2900 tonnes."), "LEAD").empty());
    EXPECT_TRUE(read_as(tag("Shooting threat dubious. COLUMBUS, the explorer, sailed on."), "COLUMBUS").empty());
}

TEST(TaggerLocalNews, TheOnlyCountryNamedTwiceIsTheArticlesCountry) {
    // A British local story naming no town it knows, but Britain twice.
    auto uk = tag("A pub hosts a charity week for a local hospice.\n\nBritish brewers and UK charities joined in.");
    EXPECT_EQ(uk.facets.country, (Values{"United Kingdom"}));
    // Named once, or next to another country, it is not.
    EXPECT_TRUE(tag("Prices rose. Analysts said the euro fell against the U.S. dollar.").facets.country.empty());
    auto two = tag("A charity week began.\n\nBritish brewers and French vintners joined in, and UK firms too.");
    EXPECT_TRUE(two.facets.country.empty());
}

TEST(TaggerLocalNews, TownshipsAreLocalPlaces) {
    auto t = tag("Three Readington Township Boy Scouts became Eagles. Readington Township officials praised them.");
    EXPECT_EQ(read_as(t, "Readington Township"), (Values{"Readington Township", "Readington Township"}));
    EXPECT_EQ(t.facets.country, (Values{"United States"}));
    EXPECT_EQ(read_as(tag("Tewksbury Twp. introduces an ordinance."), "Tewksbury Twp"), (Values{"Tewksbury Twp"}));
    // Not a township without a name, nor a heading in capitals.
    EXPECT_TRUE(tag("The township said roads were closed.").facets.location.empty());
    EXPECT_TRUE(tag("TOWNSHIP ELECTIONS HELD.").facets.location.empty());
}

TEST(TaggerLocalNews, ALegislatorsHomeTownAndDowntown) {
    // "R-Elbow Lake": a legislator's party and home town.
    auto home = tag("Rep. Torrey Westrom, R-Elbow Lake, went before a Senate committee.");
    EXPECT_EQ(read_as(home, "Elbow Lake"), (Values{"Elbow Lake"}));
    EXPECT_EQ(home.facets.country, (Values{"United States"}));
    // "in downtown Pineville".
    EXPECT_FALSE(read_as(tag("A water boil advisory was issued in downtown Pineville."), "Pineville").empty());
    // No party before the hyphen, or a lower-case word: no home town.
    EXPECT_TRUE(read_as(tag("The X-Elbow Lake line closed."), "Elbow Lake").empty());
    EXPECT_TRUE(read_as(tag("Elbow Lake officers said so."), "Elbow Lake").empty());
}

TEST(TaggerDatelines, AWireDatelineOpensALineInCapitals) {
    using newsfacet::detail::Analysed;
    using newsfacet::detail::dateline_like;
    using newsfacet::detail::dateline_qualifier;
    // Followed by a comma, a dash, a date, or alone on its line.
    EXPECT_TRUE(dateline_like(Analysed("BALTIMORE 1996-08-22\nMoyer allowed two hits."), 0, 1));
    EXPECT_TRUE(dateline_like(Analysed("Report\nNEW YORK\nResults of Major League games"), 1, 3));
    EXPECT_TRUE(dateline_like(Analysed("Title\nNICE , France 1996-08-30\nText"), 1, 2));
    EXPECT_TRUE(dateline_like(Analysed("CHARLESTON, W.Va. - The state"), 0, 1));
    // Not in running text, not in mixed case, not a score or a heading's first words.
    EXPECT_FALSE(dateline_like(Analysed("Rain fell in BALTIMORE 1996-08-22 too."), 3, 4));
    EXPECT_FALSE(dateline_like(Analysed("Baltimore 1996-08-22\nText"), 0, 1));
    EXPECT_FALSE(dateline_like(Analysed("BALTIMORE 10 DETROIT 3\nText"), 0, 1));
    EXPECT_FALSE(dateline_like(Analysed("NEW YORK AT CALIFORNIA\nText"), 0, 2));
    // The place after its comma qualifies it.
    EXPECT_TRUE(dateline_qualifier(Analysed("Title\nARLINGTON , Texas 1996-08-31\nText"), 2));
    EXPECT_FALSE(dateline_qualifier(Analysed("Storms hit Arlington, Texas on Monday."), 3));
}

TEST(TaggerToponyms, NamedStreetsSquaresBridgesParksAndWaters) {
    auto t = tag("Students gathered at Beijing's Tiananmen Square. The test is at Trent Bridge, and "
                 "ships crossed the Taiwan Strait near Birmingham Public Park.");
    EXPECT_EQ(read_as(t, "Tiananmen Square"), (Values{"Tiananmen Square"}));
    EXPECT_EQ(read_as(t, "Trent Bridge"), (Values{"Trent Bridge"}));
    EXPECT_EQ(read_as(t, "Birmingham Public Park"), (Values{"Birmingham Public Park"}));
    // A place's name counts as one name word; the place alone is no mention.
    EXPECT_EQ(read_as(t, "Taiwan Strait"), (Values{"Taiwan Strait"}));
    EXPECT_TRUE(read_as(t, "Taiwan").empty());
}

TEST(TaggerToponyms, NoFeatureWhereTheNameGoesOnOrIsAnother) {
    // A longer name ("Wall Street Journal", "Gulf War"), a river (corpora disagree on rivers),
    // words in capitals, a person, a feature word with no name before it.
    auto t = tag("The Wall Street Journal said the Gulf War veterans swam in the Dnipro River. "
                 "Sung-Hee Park won. Park officials said the Square was closed.",
                 "FLOODS CLOSE TRENT BRIDGE");
    for (const auto& m : t.mentions) {
        EXPECT_TRUE(m.facet != Facet::location) << m.text;
    }
    // A known name holding the feature word stays the gazetteer's place.
    auto state = tag("Storms hit Rhode Island on Monday.");
    EXPECT_EQ(read_as(state, "Rhode Island"), (Values{"Rhode Island"}));
    EXPECT_TRUE(has(state.facets.country, "United States"));
}

TEST(TaggerToponyms, AFeatureIsNoQualifier) {
    // "New York City, Long Island": a feature of no known country qualifies no city.
    auto t = tag("Sixty people fell ill in New York City, Long Island and New Jersey.");
    EXPECT_EQ(read_as(t, "New York City"), (Values{"New York City"}));
    EXPECT_EQ(read_as(t, "Long Island"), (Values{"Long Island"}));
    auto valley = tag("Envelopes went to Hollywood, Los Angeles, San Fernando Valley and Santa Monica.");
    EXPECT_EQ(read_as(valley, "Los Angeles"), (Values{"Los Angeles"}));
}

TEST(TaggerToponyms, ANumberAfterAPlaceIsAScoreOrAYearOnlyByItsShape) {
    // A measure, a figure of a table, a range of years: the place stands.
    auto t = tag("The attack took place in Sergiyev Posad 70 km from the capital.\n"
                 "NEW YORK 5,710.53 - 22.94\nBremen 1,453 up 13.1\n"
                 "Elizabeth was queen of England 1558-1603.");
    EXPECT_TRUE(mentioned(t, "Sergiyev Posad"));
    EXPECT_TRUE(mentioned(t, "New York City"));
    EXPECT_TRUE(mentioned(t, "Bremen"));
    EXPECT_TRUE(mentioned(t, "England"));
    // A score line and a year after a name are part of another name.
    auto scores = tag("Milwaukee 6 Seattle 3\nLeeds 2 ( Smith 34th ) Wimbledon 0\n"
                      "In August 2002 the Sochi 2014 bid was filed.");
    EXPECT_FALSE(mentioned(scores, "Milwaukee"));
    EXPECT_FALSE(mentioned(scores, "Leeds"));
    EXPECT_FALSE(mentioned(scores, "Sochi"));
}

TEST(TaggerToponyms, APersonInANumberedListIsNoPlace) {
    // "4. Lee Westwood": the list's number ends no sentence, so "Westwood" follows a given name.
    auto t = tag("Leading money winners:\n3. Carla Sacramento ( Portugal ) 4:08.96\n"
                 "4. Anthony Washington ( U.S. ) 68.44\n5. Lee Westwood 301,972");
    EXPECT_FALSE(mentioned(t, "Sacramento"));
    EXPECT_FALSE(mentioned(t, "Washington"));
    EXPECT_FALSE(mentioned(t, "Westwood"));
    EXPECT_TRUE(mentioned(t, "Portugal"));
    // A sentence's end still is one: "... in 1990. Washington said" reads the place.
    auto city = tag("Talks ended in 1990. Sacramento approved the budget on Monday, California said.");
    EXPECT_TRUE(mentioned(city, "Sacramento"));
}
