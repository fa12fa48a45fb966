// Did you mean, the parts: edit distances, the words of a query, the closest indexed word.
#include <gtest/gtest.h>

#include <xapian.h>

#include "search/spelling.hpp"

using newsfacet::detail::closest_indexed_word;
using newsfacet::detail::damerau_distance;
using newsfacet::detail::edit_distance;
using newsfacet::detail::match_case;
using newsfacet::detail::query_words;

namespace {

// The words query_words finds, as typed (the query's bytes) and as looked up (the term).
std::vector<std::string> typed_words(const std::string& query) {
    std::vector<std::string> out;
    for (const auto& w : query_words(query)) out.push_back(query.substr(w.start, w.end - w.start));
    return out;
}

std::vector<std::string> terms_of(const std::string& query) {
    std::vector<std::string> out;
    for (const auto& w : query_words(query)) out.push_back(w.term);
    return out;
}

// An in-memory index in which each word occurs in `articles` documents.
struct ClosestIndexedWord : ::testing::Test {
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
    Xapian::SimpleStopper stopper;

    void add(const std::string& word, int articles) {
        for (int i = 0; i < articles; ++i) {
            Xapian::Document doc;
            doc.add_term(word);
            db.add_document(doc);
        }
    }
};

}  // namespace

TEST(EditDistance, LevenshteinCountsASwapAsTwo) {
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
    EXPECT_EQ(edit_distance("azerbajan", "azerbaijan"), 1u);
    EXPECT_EQ(edit_distance("", "abc"), 3u);
    EXPECT_EQ(edit_distance("ab", "ba"), 2u);
}

TEST(DamerauDistance, SwapOfNeighboursCostsOne) {
    EXPECT_EQ(damerau_distance(U"embasy", U"embassy"), 1u);
    EXPECT_EQ(damerau_distance(U"mebassy", U"embassy"), 1u);
    EXPECT_EQ(damerau_distance(U"stirke", U"strike"), 1u);
    EXPECT_EQ(damerau_distance(U"embassy", U"embassy"), 0u);
    EXPECT_EQ(damerau_distance(U"", U"abc"), 3u);
    EXPECT_EQ(damerau_distance(U"kitten", U"sitting"), 3u);
    // Optimal string alignment: a swapped pair is not edited again.
    EXPECT_EQ(damerau_distance(U"ca", U"abc"), 3u);
}

TEST(DamerauDistance, CountsCodePointsNotBytes) {
    EXPECT_EQ(damerau_distance(U"gdańsk", U"gdansk"), 1u);
    EXPECT_EQ(damerau_distance(U"zürich", U"zurich"), 1u);
}

TEST(QueryWords, PlainWordsWithTheirOffsets) {
    const std::string q = "all strikes affecting embasies";
    auto words = query_words(q);
    ASSERT_EQ(words.size(), 4u);
    EXPECT_EQ(words[3].start, q.find("embasies"));
    EXPECT_EQ(words[3].end, q.size());
    EXPECT_EQ(words[3].term, "embasies");
}

TEST(QueryWords, TermsAreLowerCasedAndApostrophesNormalised) {
    EXPECT_EQ(terms_of("Embasy KYIV\xe2\x80\x99S"), (std::vector<std::string>{"embasy", "kyiv's"}));
    EXPECT_EQ(typed_words("Embasy KYIV\xe2\x80\x99S"),
              (std::vector<std::string>{"Embasy", "KYIV\xe2\x80\x99S"}));
    EXPECT_EQ(terms_of("ZÜRICH"), (std::vector<std::string>{"zürich"}));
}

TEST(QueryWords, FiltersAreNotWords) {
    EXPECT_EQ(
        typed_words(
            "embasy country:Ukrane official:\"Ilham Aliev\" location:kiev source:Atlas date:2024"),
        (std::vector<std::string>{"embasy"}));
    EXPECT_EQ(typed_words("(country:Sudan OR country:Libya) embasy"),
              (std::vector<std::string>{"embasy"}));
}

TEST(QueryWords, TitleWordsAndPhraseWordsAreWords) {
    EXPECT_EQ(typed_words("title:embasy \"embasy grounds\""),
              (std::vector<std::string>{"embasy", "embasy", "grounds"}));
    EXPECT_EQ(typed_words("+embasy"), (std::vector<std::string>{"embasy"}));
}

TEST(QueryWords, OperatorsExclusionsWildcardsAndNumbersAreLeftOut) {
    EXPECT_EQ(typed_words("embasy AND strike OR consulat XOR mision NEAR/3 blast"),
              (std::vector<std::string>{"embasy", "strike", "consulat", "mision", "blast"}));
    EXPECT_EQ(typed_words("embasy NOT consulat -bombing embass* 2024 f16s"),
              (std::vector<std::string>{"embasy"}));
    EXPECT_EQ(typed_words("an ox in embasy"),
              (std::vector<std::string>{"embasy"}));  // under 3 letters
    // An operator next to a bracket is still one: "(NOT consulat)" excludes.
    EXPECT_EQ(typed_words("embasy (NOT consulat)"), (std::vector<std::string>{"embasy"}));
    EXPECT_EQ(typed_words("(strike OR) embasy"), (std::vector<std::string>{"strike", "embasy"}));
    EXPECT_TRUE(query_words("").empty());
    EXPECT_EQ(typed_words("\"unterminated embasy"),
              (std::vector<std::string>{"unterminated", "embasy"}));
}

TEST_F(ClosestIndexedWord, ClosestWordWithinTheDistanceAllowed) {
    add("embassy", 5);
    add("strike", 3);
    EXPECT_EQ(closest_indexed_word(db, "embasy", stopper), "embassy");
    EXPECT_EQ(closest_indexed_word(db, "embassies", stopper), "");  // three edits: too far
    EXPECT_EQ(closest_indexed_word(db, "stirke", stopper), "strike");
    EXPECT_EQ(closest_indexed_word(db, "stryk", stopper), "strike");  // 2 edits on a 5-letter word
    EXPECT_EQ(closest_indexed_word(db, "xylophonist", stopper), "");  // nothing close
}

TEST_F(ClosestIndexedWord, ShortWordsAllowOneEdit) {
    add("kyiv", 2);
    EXPECT_EQ(closest_indexed_word(db, "kiyv", stopper), "kyiv");  // one swap
    EXPECT_EQ(closest_indexed_word(db, "kiv", stopper), "kyiv");   // one deletion
    EXPECT_EQ(closest_indexed_word(db, "kav", stopper), "");       // two edits on a short word
}

TEST_F(ClosestIndexedWord, SwappedFirstLettersStillFindTheWord) {
    add("embassy", 1);
    EXPECT_EQ(closest_indexed_word(db, "mebassy", stopper), "embassy");
}

TEST_F(ClosestIndexedWord, TiesGoToTheMoreFrequentWordThenTheSmaller) {
    add("strike", 2);
    add("stride", 7);
    EXPECT_EQ(closest_indexed_word(db, "strile", stopper), "stride");
    add("strive", 7);
    EXPECT_EQ(closest_indexed_word(db, "strile", stopper), "stride");
    add("strile", 1);  // the word itself is closest of all
    EXPECT_EQ(closest_indexed_word(db, "strile", stopper), "strile");
}

TEST_F(ClosestIndexedWord, StopWordsAndPrefixedTermsAreNeverSuggested) {
    add("there", 9);
    stopper.add("there");
    add("Zthere", 9);
    add("XCthem", 9);
    EXPECT_EQ(closest_indexed_word(db, "thera", stopper), "");
}

TEST(MatchCase, FollowsTheTypedWord) {
    EXPECT_EQ(match_case("Embasy", "embassy"), "Embassy");
    EXPECT_EQ(match_case("EMBASY", "embassy"), "EMBASSY");
    EXPECT_EQ(match_case("embasy", "embassy"), "embassy");
    EXPECT_EQ(match_case("eMbasy", "embassy"), "embassy");
    EXPECT_EQ(match_case("A", "an"), "An");
    EXPECT_EQ(match_case("Ürich", "zürich"), "Zürich");
    EXPECT_EQ(match_case("ZÜRIK", "zürich"), "ZÜRICH");
}
