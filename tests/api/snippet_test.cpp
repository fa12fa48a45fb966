// Snippet rendering (to_html, marked) and the snippets a search returns.
#include <gtest/gtest.h>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"
#include "temp_dir.hpp"

using newsfacet::Snippet;
using newsfacet::testing::everything;
using newsfacet::testing::make_article;
using newsfacet::testing::TempDir;

TEST(ApiSnippet, ToHtmlEscapesAllFiveCharacters) {
    Snippet s{"a & b < c > d \" e ' f", {}};
    EXPECT_EQ(s.to_html(), "a &amp; b &lt; c &gt; d &quot; e &#39; f");
}

TEST(ApiSnippet, ToHtmlWrapsMatchesInMark) {
    Snippet s{"Missiles struck the embassy.", {{9, 15}, {20, 27}}};
    EXPECT_EQ(s.to_html(), "Missiles <mark>struck</mark> the <mark>embassy</mark>.");
}

TEST(ApiSnippet, ToHtmlEscapesInsideAndAroundMatches) {
    Snippet s{"<b>Tom & Jerry's</b>", {{3, 6}, {9, 16}}};
    EXPECT_EQ(s.to_html(), "&lt;b&gt;<mark>Tom</mark> &amp; <mark>Jerry&#39;s</mark>&lt;/b&gt;");
}

TEST(ApiSnippet, ToHtmlMatchAtStartAndEnd) {
    Snippet s{"embassy", {{0, 7}}};
    EXPECT_EQ(s.to_html(), "<mark>embassy</mark>");
}

TEST(ApiSnippet, ToHtmlKeepsUtf8) {
    Snippet s{"Azerbaijan’s embassy — Kyiv", {{15, 22}}};
    EXPECT_EQ(s.to_html(), "Azerbaijan’s <mark>embassy</mark> — Kyiv");
}

TEST(ApiSnippet, MarkedWrapsMatchesWithoutEscaping) {
    Snippet s{"A & B struck <here>", {{6, 12}}};
    EXPECT_EQ(s.marked("[", "]"), "A & B [struck] <here>");
    EXPECT_EQ(s.marked("\x1b[1m", "\x1b[0m"), "A & B \x1b[1mstruck\x1b[0m <here>");
}

TEST(ApiSnippet, NoHighlightsLeavesTextAsIs) {
    Snippet s{"plain text", {}};
    EXPECT_EQ(s.marked("[", "]"), "plain text");
    EXPECT_EQ(s.to_html(), "plain text");
    Snippet empty;
    EXPECT_EQ(empty.to_html(), "");
    EXPECT_EQ(empty.marked("[", "]"), "");
}

namespace {

// Indexes one article and returns the snippet of the only hit for `query`.
Snippet snippet_for(const TempDir& dir, const std::string& body, const std::string& query) {
    auto path = dir / "index";
    {
        auto index = newsfacet::Index::create_or_open(path);
        index.add(make_article("only", "A headline", body));
    }
    newsfacet::Searcher searcher(path);
    auto results = searcher.search(everything(query));
    EXPECT_EQ(results.hits.size(), 1u);
    return results.hits.empty() ? Snippet{} : results.hits[0].snippet;
}

}  // namespace

TEST(ApiSearchSnippet, HighlightsQueryWords) {
    TempDir dir;
    auto s = snippet_for(dir, "The consul said the embassy staff were safe.", "embassy staff");
    EXPECT_NE(s.to_html().find("<mark>embassy</mark>"), std::string::npos) << s.to_html();
    EXPECT_NE(s.to_html().find("<mark>staff</mark>"), std::string::npos) << s.to_html();
    EXPECT_EQ(s.to_html().find("<mark>said</mark>"), std::string::npos) << s.to_html();
}

TEST(ApiSearchSnippet, HighlightsAreValidRangesOfTheText) {
    TempDir dir;
    auto s = snippet_for(dir, "Shelling hit the embassy. The embassy was closed. Embassy staff left.", "embassy");
    ASSERT_FALSE(s.highlights.empty());
    std::size_t prev_end = 0;
    for (const auto& [start, end] : s.highlights) {
        EXPECT_LT(start, end);
        EXPECT_LE(end, s.text.size());
        EXPECT_GE(start, prev_end);  // sorted, non-overlapping
        prev_end = end;
        EXPECT_EQ(newsfacet::facet_key(s.text.substr(start, end - start)), "embassy");
    }
}

TEST(ApiSearchSnippet, StrikesHighlightsStruck) {
    TempDir dir;
    auto s = snippet_for(dir, "Russian forces struck the grounds of the embassy overnight.", "strikes");
    EXPECT_NE(s.to_html().find("<mark>struck</mark>"), std::string::npos) << s.to_html();
}

TEST(ApiSearchSnippet, CaseInsensitiveHighlight) {
    TempDir dir;
    auto s = snippet_for(dir, "EMBASSY closed. Nothing else happened here today at all.", "embassy");
    EXPECT_NE(s.marked("[", "]").find("[EMBASSY]"), std::string::npos) << s.marked("[", "]");
}

TEST(ApiSearchSnippet, SnippetTextIsEscapedInHtml) {
    TempDir dir;
    auto s = snippet_for(dir, "Officials said \"the embassy\" & <consulate> were hit.", "embassy");
    auto html = s.to_html();
    EXPECT_NE(html.find("&quot;the <mark>embassy</mark>&quot; &amp; &lt;"), std::string::npos) << html;
    EXPECT_EQ(html.find("<consulate>"), std::string::npos) << html;
}

TEST(ApiSearchSnippet, LongBodyGivesBoundedSnippet) {
    TempDir dir;
    std::string body;
    for (int i = 0; i < 200; ++i) body += "Filler sentence number " + std::to_string(i) + " about nothing. ";
    body += "The embassy was struck at dawn. ";
    for (int i = 0; i < 200; ++i) body += "More filler " + std::to_string(i) + " here. ";
    auto s = snippet_for(dir, body, "embassy");
    EXPECT_LE(s.text.size(), 280u + 2 * std::string("…").size());
    EXPECT_NE(s.marked("[", "]").find("[embassy]"), std::string::npos) << s.text;
}

TEST(ApiSearchSnippet, TitleOnlyArticleSnippetComesFromTheTitle) {
    TempDir dir;
    auto path = dir / "index";
    {
        auto index = newsfacet::Index::create_or_open(path);
        index.add(make_article("t", "Embassy struck overnight", ""));
    }
    newsfacet::Searcher searcher(path);
    auto results = searcher.search(everything("embassy"));
    ASSERT_EQ(results.hits.size(), 1u);
    EXPECT_EQ(results.hits[0].snippet.marked("[", "]"), "[Embassy] struck overnight");
}

TEST(ApiSearchSnippet, EmptyQueryHasUnmarkedSnippets) {
    TempDir dir;
    auto path = dir / "index";
    {
        auto index = newsfacet::Index::create_or_open(path);
        index.add(make_article("t", "Title", "The embassy reopened on Monday."));
    }
    newsfacet::Searcher searcher(path);
    auto results = searcher.search(everything());
    ASSERT_EQ(results.hits.size(), 1u);
    EXPECT_FALSE(results.hits[0].snippet.text.empty());
    EXPECT_TRUE(results.hits[0].snippet.highlights.empty());
}
