#include "text/text.hpp"

#include "tag/article_tagger.hpp"
#include "text/language.hpp"
#include "text/sentences.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nt = newsfacet::text;

namespace {

std::vector<std::string> word_list(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& t : nt::words(text)) out.emplace_back(text.substr(t.start, t.end - t.start));
    return out;
}

}  // namespace

TEST(TextWords, SplitsOnPunctuationAndKeepsOffsets) {
    std::string_view text = "Kyiv, March 3 - missiles hit.";
    auto tokens = nt::words(text);
    ASSERT_EQ(tokens.size(), 5u);
    EXPECT_EQ(text.substr(tokens[0].start, tokens[0].end - tokens[0].start), "Kyiv");
    EXPECT_EQ(text.substr(tokens[4].start, tokens[4].end - tokens[4].start), "hit");
}

TEST(TextWords, PossessiveSuffixIsNotAWord) {
    EXPECT_EQ(word_list("Azerbaijan\xE2\x80\x99s embassy"), (std::vector<std::string>{"Azerbaijan", "embassy"}));
    EXPECT_EQ(word_list("Russia's ambassador"), (std::vector<std::string>{"Russia", "ambassador"}));
}

TEST(TextWords, InnerApostrophesStay) {
    EXPECT_EQ(word_list("O'Brien didn't go"), (std::vector<std::string>{"O'Brien", "didn't", "go"}));
}

TEST(TextWords, UnicodeLettersAreWordCharacters) {
    EXPECT_EQ(word_list("Gdańsk and Sant Julià"), (std::vector<std::string>{"Gdańsk", "and", "Sant", "Julià"}));
}

TEST(TextFold, CaseAccentsAndSpaces) {
    EXPECT_EQ(nt::fold("Sant  Julià"), "sant julia");
    EXPECT_EQ(nt::fold("KYIV"), "kyiv");
    EXPECT_EQ(nt::fold("  Ilham\tAliyev "), "ilham aliyev");
    EXPECT_EQ(nt::fold("Côte d\xE2\x80\x99Ivoire"), "cote d'ivoire");
}

TEST(TextCase, UpperDetection) {
    EXPECT_TRUE(nt::starts_upper("Kyiv"));
    EXPECT_FALSE(nt::starts_upper("kyiv"));
    EXPECT_TRUE(nt::starts_upper("Ørsted"));
    EXPECT_TRUE(nt::all_upper("ODESA"));
    EXPECT_FALSE(nt::all_upper("Odesa"));
    EXPECT_FALSE(nt::all_upper("2024"));
}

TEST(TextEncoding, FindsFirstInvalidByte) {
    EXPECT_EQ(nt::first_invalid_utf8("plain ascii"), std::string_view::npos);
    EXPECT_EQ(nt::first_invalid_utf8("caf\xC3\xA9"), std::string_view::npos);
    EXPECT_EQ(nt::first_invalid_utf8("caf\xE9 au lait"), 3u);
    EXPECT_EQ(nt::first_invalid_utf8("ok\xC3"), 2u);  // truncated sequence
}

TEST(TextEncoding, Windows1252ToUtf8) {
    EXPECT_EQ(nt::windows1252_to_utf8("caf\xE9"), "caf\xC3\xA9");
    EXPECT_EQ(nt::windows1252_to_utf8("\x93quoted\x94"), "\xE2\x80\x9Cquoted\xE2\x80\x9D");
    EXPECT_EQ(nt::windows1252_to_utf8("\x80"), "\xE2\x82\xAC");
    EXPECT_EQ(nt::windows1252_to_utf8("\x81"), "\xEF\xBF\xBD");  // undefined byte
}

TEST(TextNameKey, FoldedWordsJoinedBySingleSpaces) {
    EXPECT_EQ(nt::name_key("Volodymyr  ZELENSKYY"), "volodymyr zelenskyy");
    EXPECT_EQ(nt::name_key("U.S."), "u s");
    EXPECT_EQ(nt::name_key("Sant Juli\xC3\xA0"), "sant julia");
    EXPECT_EQ(nt::name_key(""), "");
    const std::vector<std::string> folded{"george", "w", "bush"};
    EXPECT_EQ(nt::name_key(folded, 0, 3), "george w bush");
    EXPECT_EQ(nt::name_key(folded, 1, 2), "w");
}

TEST(TextSentences, PlainRuleEndsAtPunctuationBeforeSpace) {
    const std::string_view text = "Shells hit Kyiv. Two died!\nMore at 5 p.m.";
    EXPECT_EQ(nt::sentence_end(text), 16u);
    EXPECT_EQ(nt::sentence_end(text, 16), 26u);
    // "p." is followed by a letter, the final "m." by nothing.
    EXPECT_EQ(nt::sentence_end(text, 26), std::string_view::npos);
}

TEST(TextSentences, CarefulRuleKeepsQuotesAndInitials) {
    const std::string text = "\"It fell.\" J. Smith said so\nNext";
    const auto s = nt::sentences(text);
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(text.substr(s[0].start, s[0].end - s[0].start), "\"It fell.\"");
    EXPECT_EQ(text.substr(s[1].start, s[1].end - s[1].start), "J. Smith said so");
    EXPECT_EQ(text.substr(s[2].start, s[2].end - s[2].start), "Next");
}

TEST(TaggerLead, TwoSentencesOrTheFirstParagraph) {
    using newsfacet::detail::salience_lead_end;
    EXPECT_EQ(salience_lead_end("One. Two. Three."), 8u);  // at the second period
    EXPECT_EQ(salience_lead_end("One.\n\nTwo. Three."), 4u);
    EXPECT_EQ(salience_lead_end("One sentence only."), 18u);
}

TEST(TextLanguageTag, ConventionalCaseOfEachSubtag) {
    using newsfacet::text::language_tag;
    EXPECT_EQ(language_tag("en"), "en");
    EXPECT_EQ(language_tag(" EN-us "), "en-US");
    EXPECT_EQ(language_tag("pt_BR"), "pt-BR");  // a POSIX locale's form
    EXPECT_EQ(language_tag("zh-hant-tw"), "zh-Hant-TW");
    EXPECT_EQ(language_tag("es-419"), "es-419");
    EXPECT_EQ(language_tag("en-US, en;q=0.9"), "en-US");  // the first of a list
}

TEST(TextLanguageTag, WhatIsNotATagIsDropped) {
    using newsfacet::text::language_tag;
    EXPECT_EQ(language_tag(""), "");
    EXPECT_EQ(language_tag("English"), "");  // a name, not a code
    EXPECT_EQ(language_tag("e"), "");
    EXPECT_EQ(language_tag("12"), "");
    EXPECT_EQ(language_tag("en--us"), "");
    EXPECT_EQ(language_tag("en-"), "");
    EXPECT_EQ(language_tag("en-verylongsubtag"), "");
    EXPECT_EQ(language_tag("fr<script>"), "");
}
