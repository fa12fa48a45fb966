#include "store/schema.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace newsfacet::detail;

TEST(SchemaIdTerm, ShortIdsAreKeptAsTheyAre) {
    EXPECT_EQ(id_term("nf-2024-0312"), "Qnf-2024-0312");
    EXPECT_EQ(id_term("with space/and ünïcode"), "Qwith space/and ünïcode");
}

TEST(SchemaIdTerm, LongIdsFitInATermAndStayDistinct) {
    std::string a(1000, 'x');
    std::string b = a;
    b.back() = 'y';
    EXPECT_LE(id_term(a).size(), 245u);
    EXPECT_NE(id_term(a), id_term(b));
    EXPECT_EQ(id_term(a), id_term(std::string(1000, 'x')));
}

TEST(SchemaFilterTerm, FoldsValues) {
    EXPECT_EQ(filter_term(prefix_country, "Russia"), "XCrussia");
    EXPECT_EQ(filter_term(prefix_official, "Volodymyr  Zelensky"), "XOvolodymyr zelensky");
    EXPECT_EQ(filter_term(prefix_location, "Gdańsk"), "XLgdansk");
}

TEST(SchemaFacets, EachFacetHasItsOwnPrefixAndSlot) {
    EXPECT_NE(facet_prefix(newsfacet::Facet::country), facet_prefix(newsfacet::Facet::location));
    EXPECT_NE(facet_slot(newsfacet::Facet::country), facet_slot(newsfacet::Facet::official));
    EXPECT_NE(facet_slot(newsfacet::Facet::official), facet_slot(newsfacet::Facet::location));
}
