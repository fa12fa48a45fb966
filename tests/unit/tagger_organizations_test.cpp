// Organisations: the known-organisations list, its matcher, the organisation patterns, and the
// tagger's organisations (salience, mentions, context).
#include <newsfacet/tagger.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <newsfacet/error.hpp>

#include "tag/known_organizations.hpp"
#include "tag/organization_patterns.hpp"
#include "text/text.hpp"

using newsfacet::detail::KnownOrganizations;
using newsfacet::detail::OrganizationMatch;
using newsfacet::detail::PatternMatch;

namespace {

const KnownOrganizations& builtin() {
    static const KnownOrganizations k(newsfacet::detail::builtin_organizations(), "built-in organisations");
    return k;
}

// One field's words as the tagger reads them.
struct Words {
    std::string text;
    std::vector<newsfacet::text::Token> tokens;
    std::vector<std::string> folded;
    std::vector<std::uint8_t> upper;

    explicit Words(std::string t) : text(std::move(t)), tokens(newsfacet::text::words(text)) {
        for (const auto& tok : tokens) {
            auto w = std::string_view(text).substr(tok.start, tok.end - tok.start);
            folded.push_back(newsfacet::text::fold(w));
            upper.push_back(newsfacet::text::starts_upper(w));
        }
    }
    [[nodiscard]] std::string span(std::size_t first, std::size_t last) const {
        return text.substr(tokens[first].start, tokens[last - 1].end - tokens[first].start);
    }
};

// Every list match in `text`, as "span=Canonical" ("span=Canonical?" for a context alias).
std::vector<std::string> known(const std::string& text) {
    Words w(text);
    std::vector<std::string> out;
    OrganizationMatch m;
    for (std::size_t i = 0; i < w.tokens.size(); ++i) {
        if (!builtin().match_at(w.text, w.tokens, w.folded, i, m)) continue;
        out.push_back(w.span(m.first, m.last) + "=" + builtin().at(m.org).name + (m.context ? "?" : ""));
        i = m.last - 1;
    }
    return out;
}

// Every pattern match in `text`, as "span=Name" (with "/generic" and "!" when it needs a country).
std::vector<std::string> patterns(const std::string& text) {
    Words w(text);
    std::vector<std::string> out;
    PatternMatch m;
    const auto heads = newsfacet::detail::pattern_heads();
    for (std::size_t i = 0; i < w.tokens.size(); ++i) {
        // The tagger asks only of words that may be heads (KnownOrganizations::worth_reading).
        if (std::find(heads.begin(), heads.end(), w.folded[i]) == heads.end()) continue;
        if (!newsfacet::detail::match_organization_pattern(w.text, w.tokens, w.folded, w.upper, i, m)) continue;
        std::string s = w.span(m.first, m.last) + "=" + m.name;
        if (!m.generic.empty()) s += "/" + m.generic;
        if (m.needs_country) s += "!";
        out.push_back(s + " [" + m.kind + "]");
    }
    return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST(KnownOrganizations, NamesAliasesAndAbbreviations) {
    EXPECT_EQ(known("The United Nations and the UN and the U.N. agreed."),
              (Strings{"United Nations=United Nations", "UN=United Nations", "U.N=United Nations"}));
    EXPECT_EQ(known("NATO, Nato and the North Atlantic Treaty Organization"),
              (Strings{"NATO=NATO", "Nato=NATO", "North Atlantic Treaty Organization=NATO"}));
    EXPECT_EQ(known("the IAEA and the International Atomic Energy Agency"),
              (Strings{"IAEA=International Atomic Energy Agency", "International Atomic Energy Agency=International Atomic Energy Agency"}));
}

TEST(KnownOrganizations, LongestNameWins) {
    EXPECT_EQ(known("the UN Security Council met"), (Strings{"UN Security Council=UN Security Council"}));
    EXPECT_EQ(known("the Bank of England raised rates"), (Strings{"Bank of England=Bank of England"}));
    EXPECT_EQ(known("troops of the Wagner Group"), (Strings{"Wagner Group=Wagner Group"}));
}

TEST(KnownOrganizations, NamesRunAcrossASlash) {
    // The listed alias "Royal Dutch/Shell" is written with its slash; other punctuation still
    // ends a name, and a slash between two names joins nothing that is not listed.
    EXPECT_EQ(known("a subsidiary of Royal Dutch/Shell Group said"), (Strings{"Royal Dutch/Shell=Shell"}));
    EXPECT_EQ(known("a unit of Royal Dutch Shell"), (Strings{"Royal Dutch Shell=Shell"}));
    EXPECT_EQ(known("the Royal Dutch, Shell and others"), (Strings{"Shell=Shell?"}));  // "?": a context alias
}

TEST(KnownOrganizations, ShortCapitalFormsMatchOnlyInCapitals) {
    EXPECT_EQ(known("the WHO said"), (Strings{"WHO=World Health Organization?"}));
    EXPECT_TRUE(known("people who said Who knows").empty());
    EXPECT_TRUE(known("the Eu and the Un").empty());
    EXPECT_EQ(known("EU ministers"), (Strings{"EU=European Union"}));
}

TEST(KnownOrganizations, CommonWordsAreContextAliases) {
    EXPECT_EQ(known("Labour won; the Labour Party said"),
              (Strings{"Labour=Labour Party?", "Labour Party=Labour Party"}));
    EXPECT_TRUE(known("labour costs rose").empty());
    EXPECT_EQ(known("Hamas said"), (Strings{"Hamas=Hamas"}));
    EXPECT_EQ(known("Richard Wagner wrote"), (Strings{"Wagner=Wagner Group?"}));
}

TEST(KnownOrganizations, LowerCaseParticleStartsAName) {
    EXPECT_EQ(known("fighters of al-Qaeda and Al Qaeda"), (Strings{"al-Qaeda=Al-Qaeda", "Al Qaeda=Al-Qaeda"}));
}

TEST(KnownOrganizations, QualifiedNamesAreNotLookedUpBare) {
    // "Amazon (company)": the bare name is the river and the region.
    EXPECT_TRUE(known("the Amazon basin").empty());
    ASSERT_NE(builtin().find("amazon (company)"), nullptr);
}

TEST(KnownOrganizations, WorthReadingLetsNamesAndHeadsThrough) {
    const KnownOrganizations k(newsfacet::detail::builtin_organizations(), "t", newsfacet::detail::pattern_heads());
    for (const char* w : {"united", "nato", "ministry", "corp", "party"}) EXPECT_TRUE(k.worth_reading(w, true)) << w;
    for (const char* w : {"al", "ministry", "army"}) EXPECT_TRUE(k.worth_reading(w, false)) << w;
    EXPECT_FALSE(k.worth_reading("nato", false));      // names start with a capital
    EXPECT_FALSE(builtin().worth_reading("ministry", false));  // no heads given
}

TEST(KnownOrganizations, GenericBodiesOfACountry) {
    const auto* boj = builtin().generic("Japan", "central bank");
    ASSERT_NE(boj, nullptr);
    EXPECT_EQ(boj->name, "Bank of Japan");
    EXPECT_EQ(boj->kind, "government body");
    EXPECT_EQ(builtin().generic("Japan", "navy"), nullptr);
    EXPECT_EQ(builtin().generic("Atlantis", "central bank"), nullptr);
}

TEST(KnownOrganizations, RejectsMalformedLines) {
    const std::string header = "name\tkind\tcountry\taliases\tcontext_aliases\tgeneric\n";
    EXPECT_THROW(KnownOrganizations(header + "Foo\tclub\t\t\t\t\n", "t"), newsfacet::InputError);
    EXPECT_THROW(KnownOrganizations(header + "Foo\tparty\t\t\n", "t"), newsfacet::InputError);
    EXPECT_THROW(KnownOrganizations(header + "\tparty\t\t\t\t\n", "t"), newsfacet::InputError);
    KnownOrganizations ok(header + "# comment\nFoo Party\tparty\t\tFP\t\t\n", "t");
    EXPECT_EQ(ok.size(), 1u);
}

TEST(OrganizationPatterns, Ministries) {
    EXPECT_EQ(patterns("the Foreign Ministry said"),
              (Strings{"Foreign Ministry=Foreign Ministry/foreign ministry [government body]"}));
    EXPECT_EQ(patterns("the Ministry of Foreign Affairs said"),
              (Strings{"Ministry of Foreign Affairs=Foreign Ministry/foreign ministry [government body]"}));
    EXPECT_EQ(patterns("the Ministry of Defense and the Ministry of the Interior"),
              (Strings{"Ministry of Defense=Defence Ministry/defence ministry [government body]",
                       "Ministry of the Interior=Interior Ministry/interior ministry [government body]"}));
    // Lower case: a ministry only with its country.
    EXPECT_EQ(patterns("Russia's foreign ministry said"),
              (Strings{"foreign ministry=Foreign Ministry/foreign ministry! [government body]"}));
    // Whose ministry, and of what, is unknown.
    EXPECT_TRUE(patterns("the Ministry said").empty());
    EXPECT_TRUE(patterns("the ministry of truth").empty());
}

TEST(OrganizationPatterns, Parties) {
    EXPECT_EQ(patterns("the Labour Party won"), (Strings{"Labour Party=Labour Party [party]"}));
    EXPECT_EQ(patterns("the Kurdistan Workers' Party"), (Strings{"Kurdistan Workers' Party=Kurdistan Workers' Party [party]"}));
    EXPECT_EQ(patterns("the Party of Regions"), (Strings{"Party of Regions=Party of Regions [party]"}));
    EXPECT_TRUE(patterns("the party said").empty());
    EXPECT_TRUE(patterns("The Party said").empty());
    EXPECT_TRUE(patterns("labour party").empty());
    EXPECT_TRUE(patterns("THE OPPOSITION PARTY WON").empty());
}

TEST(OrganizationPatterns, Companies) {
    EXPECT_EQ(patterns("shares of Lear Corp. rose"), (Strings{"Lear Corp=Lear Corp [company]"}));
    EXPECT_EQ(patterns("Johnson & Johnson Inc said"), (Strings{"Johnson & Johnson Inc=Johnson & Johnson Inc [company]"}));
    EXPECT_EQ(patterns("BAE Systems plc and Renault SA"),
              (Strings{"BAE Systems plc=BAE Systems Plc [company]", "Renault SA=Renault SA [company]"}));
    // A person "of" a company is not part of its name, nor is another company before "and".
    EXPECT_EQ(patterns("said Lynn Reaser of Barnett Banks Inc."), (Strings{"Barnett Banks Inc=Barnett Banks Inc [company]"}));
    EXPECT_EQ(patterns("Johnson Controls Inc and Lear Corp"),
              (Strings{"Johnson Controls Inc=Johnson Controls Inc [company]", "Lear Corp=Lear Corp [company]"}));
    // A suffix after a common word, or in another sense, is no company.
    EXPECT_TRUE(patterns("the Inc said").empty());
    EXPECT_TRUE(patterns("said Corp").empty());
    EXPECT_TRUE(patterns("in Co. Antrim").empty());
    EXPECT_TRUE(patterns("the Sa and Ag").empty());
    EXPECT_TRUE(patterns("Belfast Co-operative").empty());
}

TEST(OrganizationPatterns, ForcesNeedTheirCountry) {
    EXPECT_EQ(patterns("the Russian army"), (Strings{"army=Army/army! [government body]"}));
    EXPECT_EQ(patterns("the Russian Army"), (Strings{"Army=Army/army! [government body]"}));
    EXPECT_EQ(patterns("Ukraine's Air Force"), (Strings{"Air Force=Air Force/air force! [government body]"}));
    EXPECT_EQ(patterns("the Israeli military"), (Strings{"military=Armed Forces/armed forces! [government body]"}));
    EXPECT_EQ(patterns("the Kosovo Liberation Army"),
              (Strings{"Kosovo Liberation Army=Kosovo Liberation Army [armed group]"}));
    EXPECT_TRUE(patterns("the air was cold").empty());
}

TEST(OrganizationPatterns, CentralBanks) {
    EXPECT_EQ(patterns("the Turkish central bank"), (Strings{"central bank=Central Bank/central bank! [government body]"}));
    EXPECT_EQ(patterns("the Central Bank of Nigeria"), (Strings{"Central Bank=Central Bank/central bank! [government body]"}));
    EXPECT_TRUE(patterns("the West Bank").empty());
}

TEST(OrganizationPatterns, QualifiedName) {
    EXPECT_EQ(newsfacet::detail::qualified_name("Foreign Ministry", "Russia"), "Foreign Ministry (Russia)");
}

TEST(OrganizationPatterns, CompanyNamesRunOverConnectors) {
    EXPECT_EQ(patterns("General Motors of Canada Ltd said"),
              (Strings{"General Motors of Canada Ltd=General Motors of Canada Ltd [company]"}));
    // Each suffix reads the same name; the tagger keeps the longest.
    EXPECT_EQ(patterns("Merrill Lynch and Co Inc"), (Strings{"Merrill Lynch and Co=Merrill Lynch and Co [company]",
                                                             "Merrill Lynch and Co Inc=Merrill Lynch and Co Inc [company]"}));
    EXPECT_EQ(patterns("Moody's Investors Service Inc"),
              (Strings{"Moody's Investors Service Inc=Moody's Investors Service Inc [company]"}));
    // An office is no part of the name; a lone suffix is no name.
    EXPECT_EQ(patterns("the President of Acme Corp"), (Strings{"Acme Corp=Acme Corp [company]"}));
    EXPECT_TRUE(patterns("shares of and Co Ltd").empty());
    EXPECT_EQ(patterns("the People's Party"), (Strings{"People's Party=People's Party [party]"}));
}

TEST(OrganizationPatterns, ForeignOfficeIsAGenericName) {
    EXPECT_EQ(patterns("the German Foreign Office said"),
              (Strings{"Foreign Office=Foreign Ministry/foreign ministry [government body]"}));
    EXPECT_TRUE(patterns("the Home Office and the Oval Office").empty());
}

// ---- The tagger: organisations in articles, with salience and mentions.

namespace {

const newsfacet::Tagger& article_tagger() {
    static const newsfacet::Tagger t;  // immutable; built once for these tests
    return t;
}

newsfacet::Tagging tag(const std::string& body, const std::string& title = "") {
    newsfacet::Article a;
    a.id = "t";
    a.title = title;
    a.body = body;
    a.date = "2025-03-01";
    return article_tagger().tag(a);
}

// The organisation mentions, as "text=value@start".
Strings org_mentions(const newsfacet::Tagging& t) {
    Strings out;
    for (const auto& m : t.mentions) {
        if (m.facet == newsfacet::Facet::organization) out.push_back(m.text + "=" + m.value + "@" + std::to_string(m.start));
    }
    return out;
}

const std::string filler = " Officials met on Monday. Talks went on for hours. Nothing was decided.";

}  // namespace

TEST(TaggerOrganizations, KnownNamesWithKindAndSalience) {
    auto t = tag("Hamas said it would consider the offer." + filler, "Hamas weighs truce offer");
    EXPECT_EQ(t.facets.organization, Strings{"Hamas"});
    ASSERT_EQ(t.organizations.size(), 1u);
    EXPECT_EQ(t.organizations[0].kind, "armed group");
    EXPECT_EQ(org_mentions(t), Strings{"Hamas=Hamas@0"});
}

TEST(TaggerOrganizations, OnceDeepInTheBodyIsAMentionNotAFacet) {
    auto once = tag("Prices rose." + filler + " NATO was not mentioned in the talks.");
    EXPECT_TRUE(once.facets.organization.empty());
    EXPECT_EQ(org_mentions(once).size(), 1u);
    auto twice = tag("Prices rose." + filler + " NATO said so. NATO also said more.");
    EXPECT_EQ(twice.facets.organization, Strings{"NATO"});
}

TEST(TaggerOrganizations, ContextAliasesNeedSupport) {
    EXPECT_TRUE(tag("Labour costs rose sharply in March, the report said.").facets.organization.empty());
    EXPECT_TRUE(tag("Labour won the vote, officials said.").facets.organization.empty());
    EXPECT_EQ(tag("The Labour Party won the vote. Labour leaders celebrated.").facets.organization,
              Strings{"Labour Party"});
    // Lower-case "who" and "WHO" in capitals.
    EXPECT_TRUE(tag("People who fled said the WHO WAS THERE.").facets.organization.empty());
    EXPECT_EQ(tag("The WHO said cases rose in the region.").facets.organization, Strings{"World Health Organization"});
    // "the Congress" of another country is not the US Congress.
    EXPECT_TRUE(tag("Teachers marched in Buenos Aires, Argentina, to the Congress building.").facets.organization.empty());
}

TEST(TaggerOrganizations, GenericBodiesTakeTheirCountry) {
    auto t = tag("Azerbaijan's Foreign Ministry summoned the ambassador." + filler);
    EXPECT_EQ(t.facets.organization, Strings{"Foreign Ministry (Azerbaijan)"});
    EXPECT_EQ(org_mentions(t), Strings{"Foreign Ministry=Foreign Ministry (Azerbaijan)@13"});
    // A common noun is evidence, not a name mention.
    auto bank = tag("The Japanese central bank kept rates on hold." + filler);
    EXPECT_EQ(bank.facets.organization, Strings{"Bank of Japan"});
    EXPECT_TRUE(org_mentions(bank).empty());
    // Whose ministry the text does not say: a mention, no facet value.
    auto bare = tag("The Foreign Ministry said nothing." + filler);
    EXPECT_TRUE(bare.facets.organization.empty());
    EXPECT_EQ(org_mentions(bare), Strings{"Foreign Ministry=Foreign Ministry@4"});
    EXPECT_TRUE(tag("The army said nothing." + filler).facets.organization.empty());
}

TEST(TaggerOrganizations, AnotherCountrysPartyIsNotTheListedOne) {
    auto t = tag("The Indonesian Democratic Party held a rally in Jakarta." + filler);
    EXPECT_EQ(t.facets.organization, Strings{"Indonesian Democratic Party"});
}

TEST(TaggerOrganizations, DescriptionsAreEvidenceNotNames) {
    auto t = tag("The UN refugee agency said thousands had fled." + filler);
    EXPECT_EQ(t.facets.organization, Strings{"UNHCR"});
    EXPECT_TRUE(org_mentions(t).empty());  // a description, not a name
}

TEST(TaggerOrganizations, PlacesInsideANameAreNotPlaces) {
    auto t = tag("The Bank of England raised interest rates on Thursday." + filler);
    EXPECT_EQ(t.facets.organization, Strings{"Bank of England"});
    EXPECT_TRUE(t.facets.location.empty());
    for (const auto& m : t.mentions) EXPECT_EQ(m.facet, newsfacet::Facet::organization) << m.text;
}

TEST(TaggerOrganizations, CompanySuffixEndsWithItsPeriod) {
    auto t = tag("Shares of Lear Corp. rose on Monday.");
    EXPECT_EQ(org_mentions(t), Strings{"Lear Corp.=Lear Corp@10"});
    EXPECT_EQ(t.organizations.at(0).kind, "company");
}

TEST(OrganizationPatterns, EveryCompanySuffixIsAHead) {
    const auto heads = newsfacet::detail::pattern_heads();
    for (const char* suffix : {"inc", "corp", "corporation", "ltd", "plc", "co", "ag", "sa", "nv", "llc", "gmbh"}) {
        EXPECT_NE(std::find(heads.begin(), heads.end(), suffix), heads.end()) << suffix;
    }
}
