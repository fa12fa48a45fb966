#include <newsfacet/tagger.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <newsfacet/error.hpp>

#include "tag/gazetteer.hpp"

using newsfacet::Article;
using newsfacet::Facet;
using newsfacet::Tagger;
using newsfacet::Tagging;

namespace {

using Values = std::vector<std::string>;

Tagging tag(const std::string& body, const std::string& title = "", const std::string& dateline = "") {
    static const Tagger tagger;  // immutable, shared by these tests only for speed
    Article a;
    a.id = "t";
    a.title = title;
    a.body = body;
    a.dateline = dateline;
    return tagger.tag(a);
}

const newsfacet::Official* official(const Tagging& t, const std::string& name) {
    auto it = std::find_if(t.officials.begin(), t.officials.end(),
                           [&](const newsfacet::Official& o) { return o.name == name; });
    return it == t.officials.end() ? nullptr : &*it;
}

}  // namespace

TEST(TaggerCountries, NamesDemonymsAndAliases) {
    auto t = tag("Azerbaijani diplomats met British and US officials. Azerbaijan and the UK agreed. "
                 "The U.S. delegation left.");
    EXPECT_EQ(t.facets.country, (Values{"Azerbaijan", "United Kingdom", "United States"}));
}

TEST(TaggerCountries, PassingMentionOutsideTheLeadIsNotSalient) {
    auto t = tag("Ukrainian officials said the Ukrainian port was hit. Repairs began at once.\n\n"
                 "Grain prices rose in later trading, analysts said. One buyer in Egypt said supplies were fine.");
    EXPECT_EQ(t.facets.country, (Values{"Ukraine"}));
    // ...but the mention is still reported.
    bool egypt = std::any_of(t.mentions.begin(), t.mentions.end(),
                             [](const newsfacet::Mention& m) { return m.value == "Egypt"; });
    EXPECT_TRUE(egypt);
}

TEST(TaggerCountries, SalienceNeedsEnoughEvidence) {
    // One adjective in passing is not enough...
    EXPECT_TRUE(tag("Prices rose. Analysts said the euro fell against the U.S. dollar.").facets.country.empty());
    // ...but the headline, the dateline or an official's country is.
    EXPECT_EQ(tag("Prices rose.", "U.S. prices rise").facets.country, (Values{"United States"}));
    EXPECT_EQ(tag("Prices rose.", "", "TOKYO, March 3").facets.country, (Values{"Japan"}));
    EXPECT_EQ(tag("Prices rose, said Finance Minister Jan Kowalski of Poland.").facets.official.size(), 1u);
}

TEST(TaggerCountries, StoryDatelinedElsewhereNeedsMoreEvidence) {
    const std::string body = "Cocoa prices rose on Monday. Traders said Japan bought more.\n\n"
                             "Japan's demand was strong, they said.";
    // Datelined in London, Japan named twice is a buyer, not the story's country...
    EXPECT_EQ(tag(body, "", "LONDON, March 3").facets.country, (Values{"United Kingdom"}));
    // ...but it is without a dateline, or when the headline names it.
    EXPECT_EQ(tag(body).facets.country, (Values{"Japan"}));
    EXPECT_EQ(tag(body, "Japan buys cocoa", "LONDON, March 3").facets.country,
              (Values{"Japan", "United Kingdom"}));
    // Enough evidence still makes it one: named in the lead twice and once more.
    EXPECT_EQ(tag("Japan bought cocoa on Monday. Traders said Japan bought more.\n\nJapan's demand was strong.", "",
                  "LONDON, March 3")
                  .facets.country,
              (Values{"Japan", "United Kingdom"}));
    // A country the dateline names itself is not held to more.
    EXPECT_EQ(tag(body, "", "TOKYO, March 3").facets.country, (Values{"Japan"}));
}

TEST(TaggerCountries, PartyToTheFightingIsASubjectOfAStoryDatelinedElsewhere) {
    // "Russian drones" act in the story: Russia is one of its countries, dateline or not.
    auto t = tag("Russian drones struck a power plant overnight, officials said. Russian forces also shelled a "
                 "village.\n\nThe Russian Defence Ministry gave no details.",
                 "", "KHARKIV, Jan 9");
    EXPECT_EQ(t.facets.country, (Values{"Russia", "Ukraine"}));
    // Buyers are no party: the same evidence without the forces is not enough...
    const std::string buyers = "Russian buyers took more grain overnight, officials said. Russian traders also "
                               "bought barley.\n\nThe Russian Defence Ministry gave no details.";
    EXPECT_EQ(tag(buyers, "", "KHARKIV, Jan 9").facets.country, (Values{"Ukraine"}));
    // ...in a story datelined elsewhere.
    EXPECT_EQ(tag(buyers).facets.country, (Values{"Russia"}));
}

TEST(TaggerCountries, PlaceNamedOnlyFurtherDownIsABackdropInAStoryDatelinedElsewhere) {
    const std::string lead = "Japanese exports rose in March. The ministry said more cars were sold.\n\n";
    const std::string rest = "A supply deal was signed in Paris last week. France was a buyer too.";
    // Paris (a scene) and France once each, below the lead of a Tokyo story: not enough...
    auto t = tag(lead + rest, "", "TOKYO, April 2");
    EXPECT_EQ(t.facets.country, (Values{"Japan"}));
    EXPECT_EQ(t.facets.location, (Values{"Paris", "Tokyo"}));  // still a place of the story
    // ...but enough without a dateline (where one "Japanese" is too little), or with Paris in
    // the lead.
    EXPECT_EQ(tag(lead + rest).facets.country, (Values{"France"}));
    EXPECT_EQ(tag("Japanese carmakers signed a supply deal in Paris on Monday. France was a buyer.\n\n"
                  "France also bought parts.",
                  "", "TOKYO, April 2")
                  .facets.country,
              (Values{"France", "Japan"}));
}

TEST(TaggerCountries, ACountryNamedTwiceIsABackdropOfAStoryDatelinedElsewhere) {
    // A company's seat in the lead: Milan (a scene there) and Italy are one place named once,
    // however much evidence the scene adds; New York named twice is a market.
    const std::string seat = "Ciba-Geigy said it will make the drug with a unit based in Milan, Italy. Terms were "
                             "not disclosed.\n\nThe drug will be sold in the United States next year, it said. "
                             "U.S. sales should start in May.";
    EXPECT_EQ(tag(seat, "", "SUMMIT, N.J., March 9").facets.country, (Values{"United States"}));
    const std::string market = "Gold opened firmer in Tokyo after trading in New York overnight. Japanese dealers "
                               "said buying was light.\n\nPrices later eased as New York traders sold.";
    EXPECT_EQ(tag(market, "", "TOKYO, April 8").facets.country, (Values{"Japan"}));
    // Named a third time, it is one of the story's countries...
    EXPECT_EQ(tag(seat + " Italian regulators approved it.", "", "SUMMIT, N.J., March 9").facets.country,
              (Values{"Italy", "United States"}));
    // ...and so it is without a dateline, or where the headline names it.
    EXPECT_EQ(tag(seat).facets.country, (Values{"Italy", "United States"}));
    EXPECT_EQ(tag(seat, "Ciba-Geigy to make drug in Italy", "SUMMIT, N.J., March 9").facets.country,
              (Values{"Italy", "United States"}));
    EXPECT_EQ(tag(market).facets.country, (Values{"Japan", "United States"}));
    // The country of officials the story names is one of its subjects, not a backdrop.
    const std::string visit = "Volodymyr Zelensky met NATO defence ministers on Tuesday. Dmytro Kuleba said "
                              "more air defence was agreed.";
    EXPECT_EQ(tag(visit, "", "BRUSSELS, March 3").facets.country, (Values{"Belgium", "Ukraine"}));
}

TEST(TaggerCountries, HeadlineInCapitalsCountsWhereTheBodyBearsItOut) {
    // "SALE" reads as Salé, Morocco, in capitals; the body never names Morocco.
    EXPECT_TRUE(tag("General Datacomm Industries said it sold its headquarters and leased it back.",
                    "GENERAL DATACOMM IN SALE AND LEASEBACK DEAL")
                    .facets.country.empty());
    // A country the body names once is borne out...
    EXPECT_EQ(tag("Officials said the offensive was repelled. Iraq gave no figures.", "IRAQ SAYS IT CRUSHES OFFENSIVE")
                  .facets.country,
              (Values{"Iraq"}));
    // ...and a headline in mixed case is read as written.
    EXPECT_EQ(tag("Prices rose.", "U.S. prices rise").facets.country, (Values{"United States"}));
}

TEST(TaggerCountries, CurrencyIsNotItsCountry) {
    EXPECT_TRUE(tag("The Canadian dollar rose against the yen. Dealers said the Canadian dollar was firm.")
                    .facets.country.empty());
    EXPECT_TRUE(tag("Dealers sold Swiss francs. They said Swiss francs were dear.").facets.country.empty());
    // The country itself, or its people, still count.
    EXPECT_EQ(tag("Canadian exporters sold more. Dealers said Canadian buyers were firm.").facets.country,
              (Values{"Canada"}));
    // The mention stays a mention.
    auto t = tag("The Canadian dollar rose.");
    EXPECT_TRUE(std::any_of(t.mentions.begin(), t.mentions.end(),
                            [](const newsfacet::Mention& m) { return m.value == "Canada"; }));
}

TEST(TaggerCountries, CurrencyInTheHeadlineIsNotItsCountry) {
    // "FRENCH FRANC BOND" in a headline names the money, as in the body; Paris named in passing
    // below does not make the story French.
    auto bond = tag("Gillette Canada Inc is launching a 500\nmln French franc bond, due April 30, 1992, paying nine "
                    "pct and\npriced at 101-5/8, Banque Paribas said on behalf of Banque\nParibas Paris, the lead "
                    "manager.\n",
                    "GILLETTE CANADA ISSUES 500 MLN FRENCH FRANC BOND", "LONDON, March 30");
    EXPECT_EQ(std::count(bond.facets.country.begin(), bond.facets.country.end(), "France"), 0);
    // A headline country that is not before a currency's name still counts.
    auto franc = tag("The French government sold its stake in Paribas, the finance ministry in Paris said.",
                     "FRENCH GOVERNMENT SELLS PARIBAS STAKE", "PARIS, March 30");
    EXPECT_EQ(franc.facets.country, (Values{"France"}));
    auto swiss = tag("Prices of Swiss exports rose 2 pct in March.", "Swiss exports rise", "ZURICH, March 30");
    EXPECT_EQ(swiss.facets.country, (Values{"Switzerland"}));
}

TEST(TaggerCountries, AnAgreementNamedAfterAPlaceIsNotItsCountry) {
    // "The Paris accord", "the Paris Club", "PARIS PACT": an agreement or its parties.
    auto accord = tag("Baker said he stands by the Paris accord. The Paris accord set no target zones.",
                      "BAKER STANDS BY PARIS PACT", "WASHINGTON, March 25");
    EXPECT_EQ(accord.facets.country, (Values{"United States"}));
    EXPECT_TRUE(accord.facets.location.empty() || accord.facets.location == (Values{"Washington"}));
    auto round = tag("Talks in the Uruguay Round resumed. Delegates said the Uruguay Round would last years.",
                     "", "GENEVA, March 3");
    EXPECT_EQ(round.facets.country, (Values{"Switzerland"}));
    // A place of the story stays one: a meeting in Paris, Uruguay's own pact with Brazil.
    auto meeting = tag("Ministers met in Paris on Sunday. The Paris meeting ended late.");
    EXPECT_EQ(meeting.facets.country, (Values{"France"}));
    auto parties = tag("Uruguay signed a trade pact with Brazil. The Uruguay pact cuts tariffs on grain.");
    EXPECT_EQ(parties.facets.country, (Values{"Uruguay"}));
}

TEST(TaggerCountries, AWireDatelineAloneNamesTheCapitalOfItsName) {
    // Wire style qualifies a town's dateline unless it is the best known of its name: a
    // Canadian issuer's bond in London is no story from London, Ontario.
    auto bond = tag("Hydro Quebec is issuing a 150 mln Canadian dlr bond due 1994, lead manager "
                    "Toronto Dominion Bank said. The Quebec utility's bond pays 9-1/2 pct.",
                    "HYDRO QUEBEC ISSUES CANADIAN DLR BOND", "LONDON, March 12");
    EXPECT_NE(std::find(bond.facets.country.begin(), bond.facets.country.end(), "United Kingdom"),
              bond.facets.country.end());
    // The same in a wire dateline opening the body.
    auto body = tag("LONDON, March 12 - Hydro Quebec is issuing a Canadian dlr bond, Toronto Dominion said.");
    EXPECT_NE(std::find(body.facets.country.begin(), body.facets.country.end(), "United Kingdom"),
              body.facets.country.end());
    // A qualified dateline is the town it qualifies; a town named in running text still
    // takes the reading of the country the story names.
    EXPECT_EQ(tag("Profits rose at the Canadian firm.", "", "LONDON, Ontario, March 12").facets.country,
              (Values{"Canada"}));
    auto text = tag("The Canadian firm opened a plant in London, its chairman said in Toronto. The London "
                    "plant makes parts for Canadian carmakers.");
    EXPECT_EQ(text.facets.country, (Values{"Canada"}));
}

TEST(TaggerCountries, DatelineQualifierPicksTheCountry) {
    auto t = tag("Profits rose.", "", "LIVERPOOL, N.Y., March 4");
    EXPECT_EQ(t.facets.country, (Values{"United States"}));
    // The town of that name in New York State, not Liverpool, England.
    EXPECT_EQ(t.facets.location, (Values{"Liverpool, New York State", "New York State"}));
    auto u = tag("Profits rose.", "", "SANTA MONICA, Calif., March 18");
    EXPECT_EQ(u.facets.country, (Values{"United States"}));
    // Dateline abbreviations mean nothing in running text ("Pa." is not Pennsylvania there).
    EXPECT_TRUE(tag("Ma and Pa. Kettle went to town.").facets.country.empty());
}

TEST(TaggerCountries, LowerCaseWordsAreNotCountries) {
    auto t = tag("Let us turkey and chad about it, said one of us.");
    EXPECT_TRUE(t.facets.country.empty());
}

TEST(TaggerLocations, AliasesResolveToCanonicalNames) {
    auto t = tag("Missiles hit Kiev and Odessa overnight.");
    EXPECT_EQ(t.facets.location, (Values{"Kyiv", "Odesa"}));
    EXPECT_EQ(t.facets.country, (Values{"Ukraine"}));
}

TEST(TaggerLocations, CapitalUsedForItsGovernmentIsNotALocation) {
    auto t = tag("The strike angered Baku. Moscow has yet to comment. Drones struck a depot in Kharkiv.");
    EXPECT_EQ(t.facets.location, (Values{"Kharkiv"}));
    auto in_kyiv = tag("A drone struck an office in Kyiv. Officials said more were expected.");
    EXPECT_EQ(in_kyiv.facets.location, (Values{"Kyiv"}));
}

TEST(TaggerLocations, DatelineInCapitals) {
    auto t = tag("ODESA, March 4 (Meridian Wire) - Drones damaged a consulate.");
    EXPECT_EQ(t.facets.location, (Values{"Odesa"}));
}

TEST(TaggerLocations, PlaceInsideAnotherNameIsNotAPlace) {
    auto t = tag("Engineers inspected the dam on the Dnipro River near the town.");
    EXPECT_TRUE(t.facets.location.empty());
}

TEST(TaggerOfficials, TitleBeforeName) {
    auto t = tag("Azerbaijani President Ilham Aliyev spoke to Ukrainian Foreign Minister Oksana Hrytsenko.");
    ASSERT_NE(official(t, "Ilham Aliyev"), nullptr);
    EXPECT_EQ(official(t, "Ilham Aliyev")->role, "President");
    EXPECT_EQ(official(t, "Ilham Aliyev")->country, "Azerbaijan");
    ASSERT_NE(official(t, "Oksana Hrytsenko"), nullptr);
    EXPECT_EQ(official(t, "Oksana Hrytsenko")->role, "Foreign Minister");
    EXPECT_EQ(official(t, "Oksana Hrytsenko")->country, "Ukraine");
}

TEST(TaggerOfficials, AppositiveAfterTheOffice) {
    auto t = tag("The ministry summoned Russia\xE2\x80\x99s ambassador, Mikhail Yevdokimov, on Monday.");
    ASSERT_NE(official(t, "Mikhail Yevdokimov"), nullptr);
    EXPECT_EQ(official(t, "Mikhail Yevdokimov")->role, "Ambassador");
    EXPECT_EQ(official(t, "Mikhail Yevdokimov")->country, "Russia");
}

TEST(TaggerOfficials, NameThenOffice) {
    auto t = tag("Rania Haddad, the mayor of Beirut, visited the site.");
    ASSERT_NE(official(t, "Rania Haddad"), nullptr);
    EXPECT_EQ(official(t, "Rania Haddad")->role, "Mayor");
    EXPECT_EQ(official(t, "Rania Haddad")->country, "Lebanon");
}

TEST(TaggerOfficials, RanksAndPlacesBetweenOfficeAndName) {
    auto t = tag("Military spokesman Lieutenant Colonel Eyal Shani said so. "
                 "US Ambassador to Iraq Rebecca Thornton wrote to staff.");
    EXPECT_EQ(t.facets.official, (Values{"Eyal Shani", "Rebecca Thornton"}));
}

TEST(TaggerOfficials, OrganisationsAndPrivateOfficesAreNotOfficials) {
    auto t = tag("Azerbaijan's Foreign Ministry protested. The State Department declined to comment. "
                 "Union president Thabo Mokoena told strikers to hold out. "
                 "Gareth Hughes, general secretary of the rail union, spoke. Striker Luis Ortega scored.");
    EXPECT_TRUE(t.facets.official.empty()) << t.facets.official.front();
}

TEST(TaggerOfficials, SurnameMentionsResolveToTheFullName) {
    auto t = tag("Polish Prime Minister Tomasz Wierzbicki arrived. Later Wierzbicki said talks went well.");
    int mentions = 0;
    for (const auto& m : t.mentions) {
        if (m.facet == Facet::official) {
            EXPECT_EQ(m.value, "Tomasz Wierzbicki");
            ++mentions;
        }
    }
    EXPECT_EQ(mentions, 2);
}

TEST(TaggerMentions, OffsetsPointIntoTheBody) {
    std::string body = "Russian forces struck Azerbaijan\xE2\x80\x99s embassy in Kyiv.";
    auto t = tag(body);
    ASSERT_FALSE(t.mentions.empty());
    for (const auto& m : t.mentions) EXPECT_EQ(body.substr(m.start, m.end - m.start), m.text);
    EXPECT_TRUE(t.mentions.front().demonym);  // "Russian"
}

TEST(TaggerCanonical, ResolvesUserSpellings) {
    Tagger tagger;
    EXPECT_EQ(tagger.canonical(Facet::country, "russian federation"), "Russia");
    EXPECT_EQ(tagger.canonical(Facet::country, "UK"), "United Kingdom");
    EXPECT_EQ(tagger.canonical(Facet::location, "kiev"), "Kyiv");
    EXPECT_EQ(tagger.canonical(Facet::location, "GDANSK"), "Gdańsk");
    EXPECT_FALSE(tagger.canonical(Facet::country, "Atlantis").has_value());
    EXPECT_EQ(tagger.canonical(Facet::official, "zelenskiy"), "Volodymyr Zelensky");
}

TEST(TaggerRobustness, OddInputDoesNotThrow) {
    EXPECT_NO_THROW((void)tag(""));
    EXPECT_NO_THROW((void)tag(std::string("\xFF\xFE\x00\x01 Kyiv", 9)));
    EXPECT_NO_THROW((void)tag(std::string(10000, 'A')));
    EXPECT_NO_THROW((void)tag("President"));
    EXPECT_NO_THROW((void)tag(", the president of"));
}

TEST(Gazetteer, RejectsMalformedLines) {
    using newsfacet::detail::Gazetteer;
    EXPECT_THROW(Gazetteer("kind\tvalue\tcountry\tnames\tdemonyms\tflags\ncity\tX\n", "g"), newsfacet::InputError);
    EXPECT_THROW(Gazetteer("town\tX\tY\t\t\t\n", "g"), newsfacet::InputError);
    Gazetteer ok("# comment\ncountry\tFreedonia\tFD\tFreedonia|Fredonia\tFreedonian\t\n", "g");
    EXPECT_EQ(ok.size(), 1u);
    EXPECT_EQ(ok.lookup("fredonia").size(), 1u);
    EXPECT_TRUE(ok.lookup("ruritania").empty());
}

TEST(Gazetteer, SuccessionsByDate) {
    using newsfacet::detail::Gazetteer;
    const std::string rows =
        "country\tFreedonia\tFD\tFreedonia\t\t\n"
        "historic\tGreater Freedonia\t\tGreater Freedonia\t\tsuccessor=FD/1950-01-01/1991-12-26\n";
    Gazetteer g(rows, "g");
    ASSERT_EQ(g.successions_on("1987-03-02T10:00:00").size(), 1u);
    EXPECT_EQ(g.successions_on("1987-03-02")[0]->country, "Freedonia");
    EXPECT_EQ(g.successions_on("1987-03-02")[0]->historic, "Greater Freedonia");
    // The last day before `until` is in; `until`, dates before `from` and non-dates are not.
    EXPECT_EQ(g.successions_on("1991-12-25").size(), 1u);
    EXPECT_TRUE(g.successions_on("1991-12-26").empty());
    EXPECT_TRUE(g.successions_on("1949-12-31").empty());
    EXPECT_TRUE(g.successions_on("March 1987").empty());
    EXPECT_TRUE(g.successions_on("").empty());
    EXPECT_THROW(Gazetteer(rows + "historic\tX\t\tX\t\tsuccessor=FD/1950\n", "g"), newsfacet::InputError);
    EXPECT_THROW(Gazetteer("historic\tX\t\tX\t\tsuccessor=ZZ/1950-01-01/1960-01-01\n", "g"), newsfacet::InputError);
}
