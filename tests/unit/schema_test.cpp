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

TEST(SchemaTextTerms, StemAndTitleFormsOfWords) {
    EXPECT_EQ(stem_term("embassi"), "Zembassi");
    EXPECT_TRUE(is_stem_term("Zembassi"));
    EXPECT_TRUE(is_stem_term("Z\xC3\xA9lect"));    // "élect": any script
    EXPECT_FALSE(is_stem_term("ZSembassi"));       // a title stem
    EXPECT_FALSE(is_stem_term("XCrussia"));
    EXPECT_EQ(stem_of("Zembassi"), "embassi");
    EXPECT_EQ(title_term("Zembassi"), "ZSembassi");
    EXPECT_EQ(title_term("embassy"), "Sembassy");
    EXPECT_TRUE(is_word_term("embassy"));
    EXPECT_TRUE(is_word_term("\xC3\xA9lection"));
    EXPECT_FALSE(is_word_term("13"));
    EXPECT_TRUE(is_unprefixed("13"));
    EXPECT_FALSE(is_unprefixed("Sembassy"));
}

TEST(SchemaTextTerms, ReadsEveryFormOfAFreeTextTerm) {
    auto stem = read_text_term("ZSembassi");
    ASSERT_TRUE(stem);
    EXPECT_EQ(stem->text, "embassi");
    EXPECT_TRUE(stem->stemmed);
    auto title_number = read_text_term("S13");
    ASSERT_TRUE(title_number);
    EXPECT_EQ(title_number->text, "13");
    EXPECT_FALSE(title_number->stemmed);
    EXPECT_FALSE(read_text_term("XCrussia"));
    EXPECT_FALSE(read_text_term("Z"));
    EXPECT_FALSE(read_text_term(""));
}
