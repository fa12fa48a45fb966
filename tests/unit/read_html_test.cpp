// Web pages: charset, metadata and main text (read/charset, read/html_*).
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "read/charset.hpp"
#include "read/formats.hpp"
#include "read/html_article.hpp"

using newsfacet::detail::article_from_html;
using newsfacet::detail::decode_page;
using newsfacet::detail::declared_charset;

namespace {

const std::string paragraph_1 =
    "Russian missiles struck the grounds of the Azerbaijani embassy in Kyiv overnight, damaging the fence, "
    "several vehicles and the consular section, officials said on Tuesday.";
const std::string paragraph_2 =
    "The foreign ministry in Baku summoned the Russian ambassador, handed him a note of protest and demanded an "
    "explanation, calling the strike a grave violation of diplomatic norms.";
const std::string paragraph_3 =
    "Analysts said the damage could deepen the rift between the two governments, which has widened over the past "
    "year, although neither side has yet recalled its envoy.";

// An article page as news sites build them: menus, share box, related links, comments.
std::string news_page(const std::string& head_extra = {}, const std::string& url_path = "/world/embassy-struck") {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<title>Embassy struck in Kyiv - The Daily Example</title>"
           "<link rel=\"canonical\" href=\"https://news.example.com" +
           url_path + "?utm_source=x\">" + head_extra +
           "</head><body>"
           "<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav></header>"
           "<div class=\"share-tools\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet this story</a></div>"
           "<article><h1>Embassy struck in Kyiv</h1>"
           "<p>" + paragraph_1 + "</p><p>" + paragraph_2 + "</p><p>" + paragraph_3 + "</p></article>"
           "<div class=\"related-stories\"><ul><li><a href=\"/a\">Ten things to know about missiles in the news today</a></li>"
           "<li><a href=\"/b\">Another story you may like about embassies and consulates</a></li></ul></div>"
           "<div id=\"comments\"><p>Posted by reader1: This is outrageous, somebody should do something about it now.</p></div>"
           "<footer>Copyright 2024 The Daily Example, all rights reserved, terms and privacy.</footer>"
           "</body></html>";
}

}  // namespace

TEST(ReadHtml, MainTextWithoutMenusShareBoxesRelatedLinksCommentsOrFooter) {
    auto page = article_from_html(news_page(), "page.html");
    ASSERT_TRUE(page.error.empty()) << page.error;
    EXPECT_EQ(page.article.body, paragraph_1 + "\n\n" + paragraph_2 + "\n\n" + paragraph_3);
    EXPECT_EQ(page.article.title, "Embassy struck in Kyiv");
    EXPECT_EQ(page.article.language, "en");
}

TEST(ReadHtml, UrlAndIdFromTheCanonicalLinkAndSourceFromTheHost) {
    auto page = article_from_html(news_page(), "page.html");
    EXPECT_EQ(page.article.url, "https://news.example.com/world/embassy-struck?utm_source=x");
    EXPECT_EQ(page.article.id, "https://news.example.com/world/embassy-struck");
    EXPECT_EQ(page.article.source, "news.example.com");
    auto named = article_from_html(news_page("<meta property=\"og:site_name\" content=\"The Daily Example\">"), "p");
    EXPECT_EQ(named.article.source, "The Daily Example");
}

TEST(ReadHtml, TitleFromStructuredDataElseTitleWithoutTheSiteName) {
    auto ld = article_from_html(news_page("<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
                                          "\"@type\": \"NewsArticle\", \"headline\": \"Missiles hit embassy\"}</script>"),
                                "p");
    EXPECT_EQ(ld.article.title, "Missiles hit embassy");
    auto bare = article_from_html("<html><head><title>The Daily Example | Port of Odesa shelled overnight</title></head>"
                                  "<body><p>" + paragraph_1 + "</p></body></html>",
                                  "p");
    EXPECT_EQ(bare.article.title, "Port of Odesa shelled overnight");
}

TEST(ReadHtml, DateWhenThePageStatesItAndNoneWhenItsSignalsDisagree) {
    auto meta = article_from_html(news_page("<meta property=\"article:published_time\" content=\"2024-03-04T23:30:00-05:00\">"), "p");
    EXPECT_EQ(meta.article.date, "2024-03-04");  // the day readers saw, not the UTC one
    auto url = article_from_html(news_page({}, "/2024/3/5/embassy-struck"), "p");
    EXPECT_EQ(url.article.date, "2024-03-05");
    auto disagree = article_from_html(
        news_page("<meta property=\"article:published_time\" content=\"2024-03-04\">", "/2024/03/09/embassy-struck"), "p");
    EXPECT_EQ(disagree.article.date, "");
    auto modified = article_from_html(news_page("<meta property=\"article:published_time\" content=\"2024-03-04\">"
                                                "<meta property=\"article:modified_time\" content=\"2024-05-01\">"),
                                      "p");
    EXPECT_EQ(modified.article.date, "");
    EXPECT_EQ(article_from_html(news_page(), "p").article.date, "");  // no date stated: none guessed
    auto numbers = article_from_html(news_page({}, "/2024/12345/embassy-struck"), "p");
    EXPECT_EQ(numbers.article.date, "");
}

TEST(ReadHtml, StructuredBodyOnlyWhenThePageTextIsMuchShorter) {
    auto scripted = article_from_html(
        "<html><head><script type=\"application/ld+json\">{\"@type\": \"Article\", \"headline\": \"H\", "
        "\"articleBody\": \"Loaded by scripts. " + std::string(400, 'a') + "\"}</script></head><body><div id=\"app\"></div></body></html>",
        "p");
    EXPECT_EQ(scripted.article.body.substr(0, 18), "Loaded by scripts.");
    auto teaser = article_from_html(news_page("<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
                                              "\"articleBody\": \"Only a teaser.\"}</script>"),
                                    "p");
    EXPECT_EQ(teaser.article.body.substr(0, 20), paragraph_1.substr(0, 20));
}

TEST(ReadHtml, CharsetAsBrowsersDecideIt) {
    EXPECT_EQ(declared_charset("<meta charset=\"ISO-8859-1\">"), "windows-1252");
    EXPECT_EQ(declared_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"), "shift_jis");
    EXPECT_EQ(declared_charset("<?xml version=\"1.0\" encoding=\"koi8-r\"?><html>"), "koi8-r");
    EXPECT_EQ(declared_charset("<html><p>charset is a word</p>"), "");
    // Valid UTF-8 wins over a Latin-1 declaration; bytes that are not UTF-8 follow the declaration.
    EXPECT_EQ(decode_page("<meta charset=\"iso-8859-1\">Caf\xC3\xA9", "").text, "<meta charset=\"iso-8859-1\">Caf\xC3\xA9");
    EXPECT_EQ(decode_page("<meta charset=\"iso-8859-1\">Caf\xE9", "").text, "<meta charset=\"iso-8859-1\">Caf\xC3\xA9");
    EXPECT_EQ(decode_page("<meta charset=\"koi8-r\">\xF0\xD2\xC9\xD7\xC5\xD4", "").text,
              "<meta charset=\"koi8-r\">\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
    // The transport's charset first; a byte-order mark before everything.
    EXPECT_EQ(decode_page("Caf\xE9", "iso-8859-1").text, "Caf\xC3\xA9");
    EXPECT_EQ(decode_page(std::string("\xFF\xFE" "C\0a\0f\0\xE9\0", 10), "").text, "Caf\xC3\xA9");
}

TEST(ReadHtml, CharsetThatLiedIsAWarning) {
    auto lied = decode_page("<meta charset=\"utf-8\">Caf\xE9", "");
    EXPECT_EQ(lied.text, "<meta charset=\"utf-8\">Caf\xC3\xA9");
    EXPECT_FALSE(lied.warning.empty());
    auto unknown = decode_page("<meta charset=\"x-no-such\">Caf\xE9", "");
    EXPECT_EQ(unknown.charset, "windows-1252");
    EXPECT_NE(unknown.warning.find("x-no-such"), std::string::npos);
    EXPECT_TRUE(decode_page("<meta charset=\"utf-8\">Caf\xC3\xA9", "").warning.empty());
    // Windows-1252 named by the transport (an HTTP header in a web archive) is no guess.
    EXPECT_TRUE(decode_page("Caf\xE9", "windows-1252").warning.empty());
    EXPECT_TRUE(decode_page("Caf\xE9", "iso-8859-1").warning.empty());
    EXPECT_FALSE(decode_page("Caf\xE9", "").warning.empty());
    // Bytes the declared charset does not define become U+FFFD, not a failure.
    EXPECT_NE(decode_page("<meta charset=\"shift_jis\">\x82", "").text.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(ReadHtml, PagesAreToldByTheirFirstBytes) {
    using newsfacet::detail::looks_like_html;
    EXPECT_TRUE(looks_like_html("\n<!DOCTYPE html><html>"));
    EXPECT_TRUE(looks_like_html("<!-- saved from url=(0042)https://example.com/ -->\n<HTML><HEAD>"));
    EXPECT_TRUE(looks_like_html("<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\">\n<html xmlns=\"x\">"));
    EXPECT_FALSE(looks_like_html("<?xml version=\"1.0\"?><rss version=\"2.0\">"));
    EXPECT_FALSE(looks_like_html("The <html> tag starts a page."));
    EXPECT_FALSE(looks_like_html("{\"title\": \"<html>\"}"));
}

TEST(ReadHtml, HostilePagesGiveAnErrorOrTextNeverACrash) {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<div>";
    deep += paragraph_1;
    // libxml2 stops at its depth limit (256): what lies deeper is not read.
    auto nested = article_from_html(deep, "deep.html");
    EXPECT_EQ(nested.error, "no article text found");
    auto empty = article_from_html("<html><body><nav><a href=\"/\">Home</a></nav></body></html>", "p");
    EXPECT_FALSE(empty.error.empty());
    auto binary = article_from_html(std::string("<html>\0\0\0\xFF\xFE", 11), "p");
    EXPECT_FALSE(binary.error.empty());
    const std::string huge(newsfacet::detail::max_page_bytes + 1, ' ');
    auto too_big = article_from_html(huge, "p");
    EXPECT_NE(too_big.error.find("MiB"), std::string::npos);
}

namespace {

// A page with `head` in its head and `byline` before the article's paragraphs.
std::string page_with(const std::string& head, const std::string& byline, const std::string& body_class = {},
                      const std::string& url_path = "/world/embassy-struck") {
    return "<html><head><title>Embassy struck</title><link rel=\"canonical\" href=\"https://news.example.com" + url_path +
           "\">" + head + "</head><body class=\"" + body_class + "\"><article><h1>Embassy struck</h1>" + byline +
           "<p>" + paragraph_1 + "</p><p>" + paragraph_2 + "</p></article></body></html>";
}

std::string date_of(const std::string& html) { return article_from_html(html, "p").article.date; }

const std::string published_4_march = "<meta property=\"article:published_time\" content=\"2024-03-04T10:00:00+01:00\">";
const std::string modified_1_may = "<meta property=\"article:modified_time\" content=\"2024-05-01T08:00:00+01:00\">";

}  // namespace

TEST(ReadHtml, ChangedOnALaterDayTheDayThePageShowsDecides) {
    const auto head = published_4_march + modified_1_may;
    EXPECT_EQ(date_of(page_with(head, "<p class=\"byline\">By A. Writer. Published 4 March 2024</p>")), "2024-03-04");
    EXPECT_EQ(date_of(page_with(head, "<div class=\"post-meta\">Updated May 1, 2024, 8:00 am</div>")), "2024-05-01");
    EXPECT_EQ(date_of(page_with(head, "<p>By A. Writer</p>")), "");  // shows neither: a guess
    // A modification stated before the publication contradicts nothing.
    EXPECT_EQ(date_of(page_with(published_4_march + "<meta property=\"article:modified_time\" content=\"2024-03-01\">", "")),
              "2024-03-04");
    // The URL's day agreeing with the stated one settles it.
    EXPECT_EQ(date_of(page_with(head, "", {}, "/2024/03/04/embassy-struck")), "2024-03-04");
    EXPECT_EQ(date_of(page_with(head, "", {}, "/2024/03/05/embassy-struck")), "");
}

TEST(ReadHtml, TwoStatedDaysTheShownOrTheUrlsDecides) {
    // One instant written in two time zones.
    const auto head = "<meta property=\"article:published_time\" content=\"2023-11-09T01:09:55Z\">"
                      "<meta itemprop=\"datePublished\" content=\"2023-11-08 18:09:55\">";
    EXPECT_EQ(date_of(page_with(head, "<time>November 8, 2023 at 6:09 p.m.</time>")), "2023-11-08");
    EXPECT_EQ(date_of(page_with(head, "", {}, "/2023/11/08/playoffs")), "2023-11-08");
    EXPECT_EQ(date_of(page_with(head, "")), "");
    EXPECT_EQ(date_of(page_with(head, "<span class=\"date\">8 November 2023</span> <span class=\"date\">9 Nov 2023</span>")),
              "");
}

TEST(ReadHtml, NoDateStatedTheFirstDateShownInABylineOrDateElement) {
    EXPECT_EQ(date_of(page_with("", "<div class=\"teaser_text_meta\">Peter Grimm / 07.11.2023 / 09:30</div>")),
              "2023-11-07");
    EXPECT_EQ(date_of(page_with("", "<p>Veröffentlicht am 06.10.2023</p>")), "2023-10-06");
    EXPECT_EQ(date_of(page_with("", "<span class=\"article__date\">04. Februar 2022</span>")), "2022-02-04");
    // A byline on a page whose <body> says "no-sidebars" still counts.
    EXPECT_EQ(date_of(page_with("", "<time>27 juin 2019</time>", "page no-sidebars")), "2019-06-27");
    // Not the page's date: a date in running text, in a link to another article, in a class
    // word that only contains a date word, in comments, in navigation.
    EXPECT_EQ(date_of(page_with("", "<p>The talks of 3 March 2024 failed.</p>")), "");
    EXPECT_EQ(date_of(page_with("", "<div class=\"box\"><a href=\"/x\">Weekend in Vienna, 28.09. - 01.10.2023</a></div>")),
              "");
    EXPECT_EQ(date_of(page_with("", "<div class=\"teaser cat-freizeit\">01.10.2023</div>")), "");
    EXPECT_EQ(date_of(page_with("", "<div id=\"comments\"><span class=\"date\">02.10.2023</span></div>")), "");
    EXPECT_EQ(date_of(page_with("", "<nav><span class=\"date\">02.10.2023</span></nav>")), "");
    // A blog's permalink date is a link in a date element.
    EXPECT_EQ(date_of(page_with("", "<span class=\"posted-on\"><a href=\"/2019/04/30/\">30 April 2019</a></span>")),
              "2019-04-30");
}

TEST(ReadHtml, TextWrittenStraightIntoContainersBetweenTheirBlocksCounts) {
    // Old blog templates: each post's text sits in its div beside a byline div, with <br>s and
    // no <p>; the sidebar has one real paragraph.
    std::string posts;
    for (const auto* p : {&paragraph_1, &paragraph_2, &paragraph_3}) {
        posts += "<h2>Post</h2><div class=\"blogPost\"><div style=\"clear:both\"></div>" + *p + "<br><br>" + *p +
                 "<div class=\"byline\">posted by Chris @ 9:51 PM</div></div>";
    }
    const std::string html =
        "<html><body><div id=\"header\"><p>What began as an extension of my media and politics course has become a "
        "place where I can post.</p></div><div id=\"mainClm\">" +
        posts + "</div><div id=\"sideBar\"><p>Links</p></div></body></html>";
    const auto body = article_from_html(html, "p").article.body;
    for (const auto* p : {&paragraph_1, &paragraph_2, &paragraph_3}) {
        EXPECT_NE(body.find(*p), std::string::npos) << body;
    }
    EXPECT_EQ(body.find("What began"), std::string::npos) << body;
    // A container of real paragraphs is read as before, its loose caption line included.
    EXPECT_EQ(article_from_html(news_page(), "p").article.body, paragraph_1 + "\n\n" + paragraph_2 + "\n\n" + paragraph_3);
}

TEST(ReadHtml, ARowOfLinksWithOnlySeparatorsBetweenThemIsNavigation) {
    // Old table-laid-out pages put their navigation in a <p> inside the article's
    // cell: links and "|" or "[ ]", no other words.
    const auto page_with = [](const std::string& extra) {
        return "<html><body><table><tr><td><p>" + paragraph_1 + "</p>" + extra + "<p>" + paragraph_2 + "</p><p>" +
               paragraph_3 + "</p></td></tr></table></body></html>";
    };
    const auto body_of = [&](const std::string& extra) { return article_from_html(page_with(extra), "p").article.body; };
    EXPECT_EQ(body_of("<p align=\"center\"><font><b>| <a href=\"/\">Home</a></b> | <a href=\"/a\">Articles</a> | "
                      "<a href=\"/b\">Books</a> |</font></p>"),
              paragraph_1 + "\n\n" + paragraph_2 + "\n\n" + paragraph_3);
    EXPECT_EQ(body_of("<p>[ <a href=\"/\">Home</a> ] [ <a href=\"/s\">Speeches</a> ]</p>"),
              paragraph_1 + "\n\n" + paragraph_2 + "\n\n" + paragraph_3);
    EXPECT_EQ(body_of("<p><a href=\"/\">Home</a>&nbsp;|&nbsp;<a href=\"/w\">World</a>&nbsp;|</p>"),
              paragraph_1 + "\n\n" + paragraph_2 + "\n\n" + paragraph_3);
    // Not a bar: words outside the links, one link only, links without separators, named
    // anchors (no href), or a bar inside a sentence's paragraph.
    const std::pair<std::string, std::string> kept[] = {
        {"<p>See <a href=\"/a\">Home</a> | <a href=\"/b\">Books</a></p>", "See Home | Books"},
        {"<p>| <a href=\"/a\">Previous page</a> |</p>", "| Previous page |"},
        {"<p><a href=\"/a\">Home</a>&nbsp;caf\u00e9&nbsp;|&nbsp;<a href=\"/b\">Books</a></p>", "Home\u00a0caf\u00e9\u00a0|\u00a0Books"},
        {"<p><a href=\"/a\">Turkey Schnitzel</a> <a href=\"/b\">Tuscan Roulade</a></p>", "Turkey Schnitzel Tuscan Roulade"},
        {"<p><a name=\"n1\">Footnote one</a> | <a name=\"n2\">Footnote two</a></p>", "Footnote one | Footnote two"},
        {"<p>Printed on Page A1. <span><a href=\"/r\">Order Reprints</a> | <a href=\"/t\">Today's Paper</a></span></p>",
         "Printed on Page A1. Order Reprints | Today's Paper"}};
    for (const auto& [html, text] : kept) {
        EXPECT_EQ(body_of(html), paragraph_1 + "\n\n" + text + "\n\n" + paragraph_2 + "\n\n" + paragraph_3) << html;
    }
}
