#include <gtest/gtest.h>

#include <newsfacet/snippet.hpp>

#include "text/analysis.hpp"
#include "search/snippet_builder.hpp"

using newsfacet::Snippet;
using newsfacet::detail::HighlightSpec;

namespace {

std::vector<std::string> marked_words(const Snippet& s) {
    std::vector<std::string> out;
    for (const auto& [a, b] : s.highlights) out.push_back(s.text.substr(a, b - a));
    return out;
}

}  // namespace

TEST(SnippetRender, HtmlEscapesTextAndMarksMatches) {
    Snippet s{"A <b> & \"c\" 'd' hit", {{16, 19}}};
    EXPECT_EQ(s.to_html(), "A &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; <mark>hit</mark>");
    EXPECT_EQ(s.marked("[", "]"), "A <b> & \"c\" 'd' [hit]");
}

TEST(SnippetRender, IgnoresBadRanges) {
    Snippet s{"short", {{3, 99}, {10, 12}}};
    EXPECT_EQ(s.marked("[", "]"), "short");
}

TEST(SnippetBuild, PicksTheSentenceCoveringMostOfTheQuery) {
    newsfacet::detail::Analysis analysis;
    HighlightSpec spec;
    spec.add_term("Zstrike", {0, 1.0});
    spec.add_term("Zembassi", {1, 1.0});
    std::string text = "The strike began on Monday. Nothing else happened. "
                       "Russian forces struck the grounds of the embassy. Previous strikes hit farms.";
    auto s = newsfacet::detail::make_snippet(text, spec, analysis, 60);
    EXPECT_EQ(s.text.find("Russian forces struck the grounds of the embassy."), 0u) << s.text;
    EXPECT_EQ(marked_words(s), (std::vector<std::string>{"struck", "embassy"}));
}

TEST(SnippetBuild, MarksFormsWhoseStemDiffersFromTheirStart) {
    // Words are stemmed only when they may reach a query stem: the stemmer keeps a word's first
    // letter but not always its second ("lying" -> "lie"), and irregular forms map to their lemma.
    newsfacet::detail::Analysis analysis;
    HighlightSpec spec;
    spec.add_term("Zlie", {0, 1.0});
    spec.add_term("Zsky", {1, 1.0});
    spec.add_term("Zfight", {2, 1.0});
    std::string text = "Lying under skies, he lied and fought; belief and blue sky went unremarked.";
    auto s = newsfacet::detail::make_snippet(text, spec, analysis, 200);
    EXPECT_EQ(marked_words(s), (std::vector<std::string>{"Lying", "skies", "lied", "fought", "sky"}));
}

TEST(SnippetBuild, MarksDottedAcronymsAsTheOneWordTheyAreIndexedAs) {
    // The indexer reads "U.S." as "us": the acronym is marked whole, its letters alone are not
    // words, and "a.m." in lower case is two words, as indexed.
    newsfacet::detail::Analysis analysis;
    HighlightSpec spec;
    spec.add_term("us", {0, 1.0});
    spec.add_term("Zgrain", {1, 1.0});
    spec.add_term("s", {2, 1.0});
    std::string text = "Exports of U.S. grain rose by 9 a.m. on Monday, U.S.-based traders and the E.U said.";
    auto s = newsfacet::detail::make_snippet(text, spec, analysis, 200);
    EXPECT_EQ(marked_words(s), (std::vector<std::string>{"U.S.", "grain", "U.S."}));
}

TEST(SnippetBuild, LongSentenceIsCutAroundTheMatchAtWordBoundaries) {
    newsfacet::detail::Analysis analysis;
    HighlightSpec spec;
    spec.add_term("Zembassi", {0, 1.0});
    std::string text(300, 'x');
    for (std::size_t i = 5; i < text.size(); i += 6) text[i] = ' ';
    text += " embassy " + std::string(200, 'y') + ".";
    auto s = newsfacet::detail::make_snippet(text, spec, analysis, 80);
    EXPECT_LE(s.text.size(), 80u + 6u);  // plus the ellipses
    EXPECT_EQ(marked_words(s), (std::vector<std::string>{"embassy"}));
    EXPECT_EQ(s.text.rfind("\xE2\x80\xA6", 0), 0u);  // starts with an ellipsis
}

TEST(SnippetBuild, NoMatchGivesTheLead) {
    newsfacet::detail::Analysis analysis;
    auto s = newsfacet::detail::make_snippet("First sentence. Second sentence.", {}, analysis, 100);
    EXPECT_EQ(s.text, "First sentence. Second sentence.");
    EXPECT_TRUE(s.highlights.empty());
}

TEST(SnippetSpec, IgnoresFilterAndIdTerms) {
    HighlightSpec spec;
    EXPECT_FALSE(spec.add_term("XCrussia", {0, 1}));
    EXPECT_FALSE(spec.add_term("Qid", {0, 1}));
    EXPECT_TRUE(spec.add_term("ZSembassi", {0, 1}));  // title terms highlight body words
    EXPECT_TRUE(spec.stems.count("embassi"));
}

// Headline terms of words outside a-z ("title:élection", "title:2024") were left out, so the
// words went unmarked in the snippet.
TEST(SnippetSpec, TitleTermsOfAnyWordHighlightBodyWords) {
    HighlightSpec spec;
    EXPECT_TRUE(spec.add_term("ZS\xC3\xA9lect", {0, 1}));
    EXPECT_TRUE(spec.stems.count("\xC3\xA9lect"));
    EXPECT_TRUE(spec.add_term("S2024", {1, 1}));
    EXPECT_TRUE(spec.words.count("2024"));
}
