// Officials: office patterns, the known-officials list, and what is not an official.
#include <newsfacet/tagger.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <newsfacet/error.hpp>

#include "tag/known_officials.hpp"
#include "tagging.hpp"

using newsfacet::Tagging;

namespace {

using Values = std::vector<std::string>;

Tagging tag(const std::string& body, const std::string& title = "", const std::string& date = "") {
    return newsfacet::testing::tag_article(body, title, date);
}

const newsfacet::Official* find(const Tagging& t, const std::string& name) {
    auto it = std::find_if(t.officials.begin(), t.officials.end(),
                           [&](const newsfacet::Official& o) { return o.name == name; });
    return it == t.officials.end() ? nullptr : &*it;
}

}  // namespace

TEST(TaggerOfficeForms, QualifiedOffices) {
    auto t = tag("Trade Representative Clayton Yeutter met Agriculture Secretary Richard Lyng and "
                 "Chancellor of the Exchequer Nigel Lawson.");
    EXPECT_EQ(t.facets.official, (Values{"Clayton Yeutter", "Nigel Lawson", "Richard Lyng"}));
    ASSERT_NE(find(t, "Nigel Lawson"), nullptr);
    EXPECT_EQ(find(t, "Nigel Lawson")->role, "Chancellor of the Exchequer");
}

TEST(TaggerOfficeForms, WeakHeadsNeedAQualifier) {
    // (The known-officials list completes the name.)
    EXPECT_EQ(tag("Budget Director James Miller warned of cuts.").facets.official, (Values{"James C. Miller"}));
    // A bare "director" or "chief" is any job, and a company's chief executive is no official.
    EXPECT_TRUE(tag("Director Ann Lee said the film was finished.").facets.official.empty());
    EXPECT_TRUE(tag("Acme said chief executive John Smith would retire.").facets.official.empty());
}

TEST(KnownOfficialsList, CompletesNamesWithinTheTerm) {
    auto t = tag("President Reagan said the talks would go on.", "", "1987-03-04");
    ASSERT_NE(find(t, "Ronald Reagan"), nullptr);
    EXPECT_EQ(find(t, "Ronald Reagan")->country, "United States");
}

TEST(KnownOfficialsList, SurnameAloneInADatedArticle) {
    auto t = tag("Lyng said no decision had been taken. Lyng will meet Canadian officials.",
                 "LYNG SAYS NO DECISION ON CORN", "1987-03-12");
    EXPECT_EQ(t.facets.official, (Values{"Richard Lyng"}));
    // Outside the term, or without a date, a bare surname is not enough.
    EXPECT_TRUE(tag("Lyng said no decision had been taken. Lyng will meet officials.", "", "2015-03-12")
                    .facets.official.empty());
    EXPECT_TRUE(tag("Lyng said no decision had been taken. Lyng will meet officials.").facets.official.empty());
}

TEST(KnownOfficialsList, SomeoneElseWithTheSurname) {
    auto t = tag("Striker Luis Ortega scored twice. Ortega said the team deserved it.", "ORTEGA SEALS WIN",
                 "2024-05-05");
    EXPECT_TRUE(t.facets.official.empty());
}

TEST(KnownOfficialsList, AmbiguousSurnamesNeedTheFullName) {
    // Two Bush presidents: "Bush" alone is not enough, the full name is.
    EXPECT_TRUE(tag("Bush said taxes would not rise. Bush left for Texas.", "", "2002-01-10").facets.official.empty());
    auto full = tag("George W. Bush said taxes would not rise.", "", "2002-01-10");
    EXPECT_EQ(full.facets.official, (Values{"George W. Bush"}));
}

TEST(KnownOfficialsList, ParsesAndRejectsMalformedRows) {
    using newsfacet::detail::KnownOfficials;
    KnownOfficials ok("name\trole\tcountry\taliases\tfrom\tto\tflags\n"
                      "Jan Kowalski\tPresident\tPoland\tKowalski\t1990\t1995\t\n",
                      "o");
    EXPECT_EQ(ok.size(), 1u);
    EXPECT_EQ(ok.find("kowalski", 1992, false).size(), 1u);
    EXPECT_TRUE(ok.find("kowalski", 1999, false).empty());
    EXPECT_THROW(KnownOfficials("Jan\tPresident\n", "o"), newsfacet::InputError);
    EXPECT_THROW(KnownOfficials("Jan\tPresident\tPoland\t\tsoon\t\t\n", "o"), newsfacet::InputError);
}
