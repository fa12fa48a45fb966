// Which parts of a query are read without case (search/query_case.hpp).
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "search/query_case.hpp"

using newsfacet::detail::read_without_case;

TEST(QueryCase, AQueryInCapitalsIsReadInLowerCase) {
    EXPECT_EQ(read_without_case("GOVERNMENT PRESSURE ON REBELS"), "government pressure on rebels");
    EXPECT_EQ(read_without_case("OIL AND GAS"), "oil and gas");
    EXPECT_EQ(read_without_case("\"GRAIN EXPORTS\" -WHEAT (OIL OR GAS)"), "\"grain exports\" -wheat (oil or gas)");
    EXPECT_EQ(read_without_case("TITLE:EMBASSY STRIKE"), "title:embassy strike");
    EXPECT_EQ(read_without_case("ÉTATS-UNIS SANCTIONS"), "états-unis sanctions");
    // Numbers and punctuation have no case: they neither make nor break a query in capitals.
    EXPECT_EQ(read_without_case("G7 MEETS ON 12 MARCH, 1987"), "g7 meets on 12 march, 1987");
}

TEST(QueryCase, FiltersAndTheirOperatorsKeepTheirSyntax) {
    EXPECT_EQ(read_without_case("EMBASSY STRIKES country:Sudan"), "embassy strikes country:Sudan");
    EXPECT_EQ(read_without_case("EMBASSY COUNTRY:SUDAN OR COUNTRY:LIBYA"), "embassy COUNTRY:SUDAN OR COUNTRY:LIBYA");
    EXPECT_EQ(read_without_case("EMBASSY NOT COUNTRY:SUDAN"), "embassy NOT COUNTRY:SUDAN");
}

TEST(QueryCase, AMixedCaseQueryKeepsItsCaseSaveLongRunsInCapitals) {
    EXPECT_EQ(read_without_case("Turkey embassy", [](std::string_view) { return true; }), "Turkey embassy");
    EXPECT_EQ(read_without_case("embassy in Turkey"), "embassy in Turkey");
    EXPECT_EQ(read_without_case("NATO summit in US"), "NATO summit in US");
    EXPECT_EQ(read_without_case("US UK talks"), "US UK talks");
    EXPECT_EQ(read_without_case("oil AND gas"), "oil AND gas");
    EXPECT_EQ(read_without_case("wire: GOVERNMENT PRESSURE ON REBELS today"), "wire: government pressure on rebels today");
    EXPECT_EQ(read_without_case("talks with NATO and EU"), "talks with NATO and EU");
    // An operator ends a run: in a mixed-case query it stays an operator.
    EXPECT_EQ(read_without_case("news OIL AND GAS PRICES"), "news OIL AND GAS PRICES");
}

TEST(QueryCase, TextWithoutLettersIsUnchanged) {
    EXPECT_EQ(read_without_case(""), "");
    EXPECT_EQ(read_without_case("1987 12.5"), "1987 12.5");
    EXPECT_EQ(read_without_case("AND"), "AND");
}

TEST(QueryCase, AQueryInTitleCaseIsReadInLowerCase) {
    EXPECT_EQ(read_without_case("Rice Harvest Exports Rise"), "rice harvest exports rise");
    EXPECT_EQ(read_without_case("Pressure on the Rebels to Stop Attacks"), "pressure on the rebels to stop attacks");
    // Operators and filters keep their syntax.
    EXPECT_EQ(read_without_case("Rice Harvest OR Wheat Exports country:Thailand"),
              "rice harvest OR wheat exports country:Thailand");
    // A long lower-case word means the case was chosen.
    EXPECT_EQ(read_without_case("Turkey closes Embassy"), "turkey closes Embassy");
}

TEST(QueryCase, TheFirstWordOfASentenceIsReadInLowerCaseUnlessItIsAName) {
    auto is_name = [](std::string_view w) { return w == "Turkey"; };
    EXPECT_EQ(read_without_case("Testing automated information systems.", is_name),
              "testing automated information systems.");
    EXPECT_EQ(read_without_case("Methods of coding. What criteria exist? Retrieval by Smith", is_name),
              "methods of coding. what criteria exist? retrieval by Smith");
    EXPECT_EQ(read_without_case("Turkey closes embassy", is_name), "Turkey closes embassy");
    EXPECT_EQ(read_without_case("Turkey", is_name), "Turkey");
    EXPECT_EQ(read_without_case("NATO summit", is_name), "NATO summit");
    // Without a name test, no sentence-initial word is taken for a name.
    EXPECT_EQ(read_without_case("Turkey closes embassy"), "turkey closes embassy");
}

TEST(QueryCase, DottedAcronymsAreReadInCapitalsWhateverTheirCase) {
    using newsfacet::detail::with_acronyms_in_capitals;
    EXPECT_EQ(with_acronyms_in_capitals("u.s. grain exports"), "U.S. grain exports");
    EXPECT_EQ(with_acronyms_in_capitals("yeutter on u.s. export picture"), "yeutter on U.S. export picture");
    EXPECT_EQ(with_acronyms_in_capitals("j.p. morgan and e.u"), "J.P. morgan and E.U");
    EXPECT_EQ(with_acronyms_in_capitals("\"u.k. sanctions\" +u.n."), "\"U.K. sanctions\" +U.N.");
    EXPECT_EQ(with_acronyms_in_capitals("u.s.-based firms"), "U.S.-based firms");
    EXPECT_EQ(with_acronyms_in_capitals("é.u. tarifs"), "É.U. tarifs");
    // Single letters alone, words with dots, numbers and filters are not acronyms.
    EXPECT_EQ(with_acronyms_in_capitals("vitamin a. and b"), "vitamin a. and b");
    EXPECT_EQ(with_acronyms_in_capitals("node.js st.louis 10.5 a.bc ab.c"), "node.js st.louis 10.5 a.bc ab.c");
    EXPECT_EQ(with_acronyms_in_capitals("embassy country:u.s. source:a.b.c"), "embassy country:u.s. source:a.b.c");
    EXPECT_EQ(with_acronyms_in_capitals(""), "");
}
