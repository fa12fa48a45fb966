// Text in capitals (old wire copy, headlines): names and offices found by the tagger's patterns
// and known names, never by a capital alone. Also the name forms the office patterns keep
// (initials, hyphenated names, particles, regnal numbers) and surname mentions that are not.
#include <newsfacet/tagger.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tag/article_tagger.hpp"
#include "tagging.hpp"

using newsfacet::Tagging;

namespace {

using Values = std::vector<std::string>;

Tagging tag(const std::string& body, const std::string& date = "1987-03-04",
            const std::string& title = "") {
    return newsfacet::testing::tag_article(body, title, date);
}

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

Values official_mentions(const Tagging& t) {
    Values out;
    for (const auto& m : t.mentions) {
        if (m.facet == newsfacet::Facet::official) out.push_back(m.text);
    }
    return out;
}

// The capitals flags of a text's words, as a string of 0 and 1.
std::string capitals(const std::string& text) {
    newsfacet::detail::Analysed a(text);
    std::string out;
    for (auto c : a.caps) out += c ? '1' : '0';
    return out;
}

}  // namespace

TEST(TaggerCapitals, RunsOfWordsInCapitals) {
    // Numbers neither break a run nor count.
    EXPECT_EQ(capitals("PRESIDENT JONES SAID 3 PCT"), "11101");
    EXPECT_EQ(capitals("YEUTTER SPEAKS"), "11");
    // Acronyms in mixed case are not text in capitals.
    EXPECT_EQ(capitals("the IMF and OECD said"), "00000");
    EXPECT_EQ(capitals("US and EU officials met"), "00000");
    // A headline in capitals before mixed-case text.
    EXPECT_EQ(capitals("SOCCER - JAPAN WIN . Japan beat Syria"), "111000");
}

TEST(TaggerCapitals, AWordAfterAnOfficeIsNoNameByItsCapital) {
    // "PRESIDENT JONES SAID" gave "JONES SAID".
    EXPECT_TRUE(tag("PRESIDENT JONES SAID THE TALKS WOULD GO ON.").officials.empty());
    EXPECT_TRUE(tag("THE MINISTER SAID PRICES WOULD RISE. THE CHAIRMAN DECLINED COMMENT.")
                    .officials.empty());
    EXPECT_TRUE(tag("THE MINISTER TOLD REUTERS THE PLAN WAS READY.").officials.empty());
    // A name cut by a line break: the first name alone is nothing (the known surname is Volcker).
    EXPECT_EQ(
        tag("FED CHAIRMAN PAUL\nVOLCKER'S TERM ENDS IN AUGUST, A SPOKESMAN SAID.").facets.official,
        (Values{"Paul Volcker"}));
    // The same words in mixed case: the capital is evidence there.
    EXPECT_EQ(tag("President Jones said the talks would go on.").facets.official,
              (Values{"Jones"}));
}

TEST(TaggerCapitals, KnownNamesAsInMixedCase) {
    const std::string text =
        "Treasury Secretary James Baker said the dollar was stable, and President Reagan "
        "agreed.";
    auto mixed = tag(text);
    auto caps = tag(upper(text));
    EXPECT_EQ(mixed.facets.official, (Values{"James Baker", "Ronald Reagan"}));
    EXPECT_EQ(caps.facets.official, mixed.facets.official);
    EXPECT_EQ(official_mentions(caps), (Values{"JAMES BAKER", "REAGAN"}));
}

TEST(TaggerCapitals, OfficeNameAndVerbPattern) {
    auto t = tag("FINANCE SECRETARY JAIME ONGPIN TOLD REPORTERS THE DEBT TALKS WOULD RESUME.");
    EXPECT_EQ(t.facets.official, (Values{"JAIME ONGPIN"}));
    auto before =
        tag("OFFICIALS SAID THAT BERYL SPRINKEL, CHAIRMAN OF THE COUNCIL OF ECONOMIC ADVISERS, "
            "WOULD STAY.");
    EXPECT_EQ(before.facets.official, (Values{"BERYL SPRINKEL"}));
    // Not two words that are no name, nor one word alone, nor words the subject does not end.
    EXPECT_TRUE(tag("THE MINISTER HAS ALWAYS SAID SO.").officials.empty());
    EXPECT_TRUE(tag("PRIME MINISTER JONES SAID SO.").officials.empty());
    EXPECT_TRUE(tag("THE PREMIER LEAGUE SUMMARY .").officials.empty());
    EXPECT_TRUE(tag("THE CHAIRMAN CUSTOMER REPURCHASE AGREEMENTS ROSE.").officials.empty());
    // What an unnamed speaker said is no name before his office.
    EXPECT_TRUE(tag("THE FED ARRANGED 1.5 BILLION DLRS OF CUSTOMER REPURCHASE AGREEMENTS, A FED "
                    "SPOKESMAN SAID.")
                    .officials.empty());
}

TEST(TaggerCapitals, ABareSurnameInCapitalsIsNeverAnOfficialAlone) {
    // Unknown: nothing. Known and in office then: the known official, by the surname rules.
    EXPECT_TRUE(tag("JONES SAID THE BANK WOULD CUT RATES. JONES ADDED MORE.", "1987-03-04",
                    "JONES SEES RATE CUT")
                    .officials.empty());
    auto known = tag("YEUTTER SAID THE TALKS WOULD GO ON. YEUTTER WILL MEET JAPANESE OFFICIALS.",
                     "1987-03-04", "YEUTTER SEES PROGRESS");
    EXPECT_EQ(known.facets.official, (Values{"Clayton Yeutter"}));
    // A word before the surname in capitals may be any word: "SAID YEUTTER" is Yeutter.
    auto after_verb =
        tag("TRADE TALKS WILL GO ON, SAID YEUTTER. YEUTTER WILL MEET OFFICIALS.", "1987-03-04");
    EXPECT_EQ(after_verb.facets.official, (Values{"Clayton Yeutter"}));
}

TEST(TaggerNameForms, InitialsHyphensParticlesAndRegnalNumbers) {
    auto t =
        tag("Former president F.W. de Klerk met Prime Minister Banharn Silpa-archa and the "
            "Commission's "
            "chief spokesman Nikolaus van der Pas.",
            "1996-08-27");
    EXPECT_EQ(official_mentions(t),
              (Values{"F.W. de Klerk", "Banharn Silpa-archa", "Nikolaus van der Pas"}));
    auto queen = tag("1533 - Queen Elizabeth I born.", "1996-09-07");
    EXPECT_EQ(official_mentions(queen), (Values{"Elizabeth I"}));
    // A pronoun is no regnal number, nor are the particles of a name without its surname.
    auto pronoun = tag("Minister John Smith arrived. I asked him.", "1996-09-07");
    EXPECT_EQ(official_mentions(pronoun), (Values{"John Smith"}));
}

TEST(TaggerNameForms, SurnameMentionsInsideOtherWordsOrNames) {
    auto t =
        tag("Treasury Secretary Lloyd Bentsen spoke. A return to Bentsen-era policy and the "
            "Bentsen Plan "
            "worried traders, but Bentsen said no.",
            "1993-05-01");
    EXPECT_EQ(official_mentions(t), (Values{"Lloyd Bentsen", "Bentsen"}));
    // Its particles and initials belong to the mention.
    auto klerk =
        tag("Former president F.W. de Klerk spoke. Critics of de Klerk said so.", "1996-08-27");
    EXPECT_EQ(official_mentions(klerk), (Values{"F.W. de Klerk", "de Klerk"}));
}

TEST(TaggerNameForms, AKnownNameIsTheNameNotTheTitle) {
    auto t = tag("Specter met Crown Prince Abdullah in Riyadh.", "1996-08-28");
    EXPECT_EQ(official_mentions(t), (Values{"Abdullah"}));
}
