// Feeds: RSS 2.0, RSS 1.0 (RDF) and Atom items as articles (read/feed_article), the mending
// of sloppy XML (read/xml_repair), hostile XML (read/xml_walk) and sniffing (read/feed_sniff).
#include <gtest/gtest.h>

#include <string>

#include "read/feed_article.hpp"
#include "read/feed_sniff.hpp"
#include "read/formats.hpp"
#include "read/xml_repair.hpp"

using newsfacet::detail::Feed;
using newsfacet::detail::FeedSniff;
using newsfacet::detail::read_feed;
using newsfacet::detail::sniff_feed;

namespace {

std::string rss(const std::string& items, const std::string& channel_extra = {}) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>\n"
           "<title>Meridian Wire</title><link>https://meridian.example.com/world/</link>\n" +
           channel_extra + items + "</channel></rss>\n";
}

std::string atom(const std::string& entries, const std::string& feed_attributes = {}) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"" + feed_attributes +
           ">\n<title>Harbour Times</title><link href=\"https://harbour.example.org/\"/>\n" + entries + "</feed>\n";
}

// The only item of a feed that must read cleanly.
newsfacet::Article only_item(const Feed& feed) {
    EXPECT_TRUE(feed.errors.empty()) << feed.errors.front().message;
    EXPECT_EQ(feed.items.size(), 1u);
    return feed.items.empty() ? newsfacet::Article{} : feed.items.front();
}

std::string first_error(const Feed& feed) { return feed.errors.empty() ? std::string() : feed.errors.front().message; }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(ReadFeed, Rss2ItemGivesEveryField) {
    auto feed = read_feed(rss("<item><title>Grain corridor reopens</title>"
                              "<link>HTTPS://Meridian.Example.com/world/grain?utm_source=rss</link>"
                              "<pubDate>Mon, 04 Mar 2024 23:30:00 +0200</pubDate>"
                              "<description>Cargo ships left Odesa on Monday.</description></item>",
                              "<language>en-GB</language>"),
                          "world.rss");
    const auto a = only_item(feed);
    EXPECT_EQ(a.id, "https://meridian.example.com/world/grain");
    EXPECT_EQ(a.url, "HTTPS://Meridian.Example.com/world/grain?utm_source=rss");
    EXPECT_EQ(a.title, "Grain corridor reopens");
    EXPECT_EQ(a.body, "Cargo ships left Odesa on Monday.");
    EXPECT_EQ(a.date, "2024-03-04T21:30:00Z");
    EXPECT_EQ(a.source, "Meridian Wire");
    EXPECT_EQ(feed.items[0].language, "en-GB");
    EXPECT_TRUE(feed.warnings.empty());
}

TEST(ReadFeed, LanguageTagsAreNormalisedAndAnItemsOwnWins) {
    auto feed = read_feed(rss("<item><title>A</title></item><item xml:lang=\"fr\"><title>B</title></item>"
                              "<item><title>C</title><dc:language>pt_br</dc:language></item>",
                              "<language>EN_us</language>"),
                          "f.rss");
    ASSERT_EQ(feed.items.size(), 3u);
    EXPECT_EQ(feed.items[0].language, "en-US");
    EXPECT_EQ(feed.items[1].language, "fr");
    EXPECT_EQ(feed.items[2].language, "pt-BR");
    auto named = read_feed(rss("<item><title>A</title></item>", "<language>English</language>"), "f.rss");
    EXPECT_EQ(only_item(named).language, "");  // a name, not a tag
}

TEST(ReadFeed, Rss1ItemsBesideTheChannelWithDublinCoreDates) {
    auto feed = read_feed(
        "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
        "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<channel rdf:about=\"https://science.example.org/rss\"><title>Polar Science Desk</title>"
        "<link>https://science.example.org/</link><dc:language>en</dc:language></channel>"
        "<item rdf:about=\"https://science.example.org/glacier\"><title>Glacier retreat doubled</title>"
        "<description>Satellite surveys show the glacier retreating.</description>"
        "<dc:date>2024-02-28T16:45:00+01:00</dc:date></item>"
        "<item rdf:about=\"https://science.example.org/ice-core\"><title>Oldest ice core</title>"
        "<link>https://science.example.org/ice-core?utm_campaign=x</link><dc:date>2024-02-27</dc:date></item>"
        "</rdf:RDF>",
        "science.rdf");
    ASSERT_TRUE(feed.errors.empty()) << first_error(feed);
    ASSERT_EQ(feed.items.size(), 2u);
    const auto& glacier = feed.items[0];
    EXPECT_EQ(glacier.id, "https://science.example.org/glacier");  // rdf:about, no link
    EXPECT_EQ(glacier.url, "https://science.example.org/glacier");
    EXPECT_EQ(glacier.date, "2024-02-28T15:45:00Z");
    EXPECT_EQ(glacier.source, "Polar Science Desk");
    EXPECT_EQ(feed.items[0].language, "en");
    const auto& ice = feed.items[1];
    EXPECT_EQ(ice.id, "https://science.example.org/ice-core");  // the link wins
    EXPECT_EQ(ice.date, "2024-02-27");
    EXPECT_EQ(ice.body, "");
    EXPECT_EQ(ice.title, "Oldest ice core");
}

TEST(ReadFeed, AtomEntryLinksTextConstructsAndLanguage) {
    auto feed = read_feed(atom("<entry xml:lang=\"de\"><title type=\"html\">Port &lt;em&gt;shelled&lt;/em&gt; overnight</title>"
                               "<link rel=\"edit\" href=\"https://harbour.example.org/api/812\"/>"
                               "<link rel=\"alternate\" type=\"text/html\" href=\"https://harbour.example.org/odesa-port\"/>"
                               "<id>tag:harbour.example.org,2024:812</id>"
                               "<updated>2024-11-18T16:40:00+02:00</updated>"
                               "<published>2024-11-18T14:05:00+02:00</published>"
                               "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Missiles struck "
                               "the port.</p><p>Ten people were wounded.</p></div></content></entry>",
                               " xml:lang=\"en\""),
                          "harbour.atom");
    const auto a = only_item(feed);
    EXPECT_EQ(a.url, "https://harbour.example.org/odesa-port");  // not rel="edit"
    EXPECT_EQ(a.id, "https://harbour.example.org/odesa-port");
    EXPECT_EQ(a.title, "Port shelled overnight");
    EXPECT_EQ(a.body, "Missiles struck the port.\n\nTen people were wounded.");
    EXPECT_EQ(a.date, "2024-11-18T12:05:00Z");  // published, not updated
    EXPECT_EQ(a.source, "Harbour Times");
    EXPECT_EQ(feed.items[0].language, "de");

    auto inherited = read_feed(atom("<entry><title>T</title><updated>2024-11-17T09:00:00Z</updated></entry>",
                                    " xml:lang=\"en-US\""),
                               "h.atom");
    ASSERT_EQ(inherited.items.size(), 1u);
    EXPECT_EQ(inherited.items[0].language, "en-US");
    EXPECT_EQ(inherited.items[0].date, "2024-11-17T09:00:00Z");  // updated when nothing else
}

TEST(ReadFeed, AtomPlainTextIsNotParsedAsHtmlAndOutOfLineContentIsSkipped) {
    auto feed = read_feed(atom("<entry><title type=\"text\">5 &lt;b&gt; 6</title><id>urn:x:1</id>"
                               "<content src=\"https://harbour.example.org/812.html\" type=\"text/html\"/>"
                               "<summary>Line one\n   continues.\n\nSecond   paragraph.</summary></entry>"),
                          "h.atom");
    const auto a = only_item(feed);
    EXPECT_EQ(a.title, "5 <b> 6");
    EXPECT_EQ(a.body, "Line one continues.\n\nSecond paragraph.");
    EXPECT_EQ(a.id, "urn:x:1");  // an Atom id as written when there is no link
    EXPECT_EQ(a.url, "");
}

TEST(ReadFeed, TheFullestBodyWins) {
    const std::string teaser = "<description>Cargo ships left Odesa.</description>";
    const std::string full =
        "<content:encoded><![CDATA[<p>Cargo ships left Odesa on Monday as the grain corridor reopened.</p>"
        "<p>Four bulk carriers sailed at dawn.</p>]]></content:encoded>";
    for (const auto& order : {teaser + full, full + teaser}) {
        const auto a = only_item(read_feed(rss("<item><title>T</title>" + order + "</item>"), "f.rss"));
        EXPECT_EQ(a.body, "Cargo ships left Odesa on Monday as the grain corridor reopened.\n\nFour bulk carriers sailed at dawn.");
    }
    // A description longer than a stub content:encoded.
    const auto longer = only_item(read_feed(
        rss("<item><title>T</title><content:encoded>Short.</content:encoded>"
            "<description>The longer description of the story, with more words in it.</description></item>"),
        "f.rss"));
    EXPECT_EQ(longer.body, "The longer description of the story, with more words in it.");
    // Atom: content against summary.
    const auto entry = only_item(read_feed(
        atom("<entry><title>T</title><id>i</id><summary>A summary.</summary>"
             "<content type=\"html\">&lt;p&gt;The whole story, much longer than its summary.&lt;/p&gt;</content></entry>"),
        "h.atom"));
    EXPECT_EQ(entry.body, "The whole story, much longer than its summary.");
}

TEST(ReadFeed, MarkupEscapedOrInCdataBecomesText) {
    const auto a = only_item(read_feed(
        rss("<item><title>Tom &amp;amp; Jerry &lt;b&gt;return&lt;/b&gt;</title><link>https://e.org/a</link>"
            "<description>&lt;p&gt;First &lt;a href=\"x\"&gt;para&lt;/a&gt;graph.&lt;/p&gt;&lt;script&gt;track()&lt;/script&gt;"
            "&lt;p&gt;Second.&lt;/p&gt;</description></item>"),
        "f.rss"));
    EXPECT_EQ(a.title, "Tom & Jerry return");
    EXPECT_EQ(a.body, "First paragraph.\n\nSecond.");
    const auto cdata = only_item(read_feed(
        rss("<item><title><![CDATA[Caf\xC3\xA9 <i>society</i>]]></title><link>https://e.org/b</link>"
            "<description><![CDATA[<div class=\"share-tools\"><a href=\"#\">Share</a></div><p>Kept &amp; read.</p>]]>"
            "</description></item>"),
        "f.rss"));
    EXPECT_EQ(cdata.title, "Caf\xC3\xA9 society");
    EXPECT_EQ(cdata.body, "Kept & read.");  // the share box is boilerplate
    // HTML written as elements instead of escaped.
    const auto inline_html = only_item(read_feed(
        rss("<item><title>T</title><link>https://e.org/c</link><description><p>One.</p><p>Two.</p></description></item>"),
        "f.rss"));
    EXPECT_EQ(inline_html.body, "One.\n\nTwo.");
}

TEST(ReadFeed, HtmlEntitiesAndBareAmpersandsOfSloppyFeedsAreRead) {
    auto feed = read_feed(rss("<item><title>Ministers&rsquo; talks&nbsp;end &#146;today&#146;</title>"
                              "<link>https://e.org/story?id=7&page=2</link>"
                              "<description>AT&T and R&D \x0B said.</description></item>"),
                          "f.rss");
    const auto a = only_item(feed);
    EXPECT_EQ(a.title, "Ministers\xE2\x80\x99 talks\xC2\xA0" "end \xE2\x80\x99today\xE2\x80\x99");
    EXPECT_EQ(a.url, "https://e.org/story?id=7&page=2");
    EXPECT_EQ(a.body, "AT&T and R&D said.");
    EXPECT_TRUE(feed.warnings.empty()) << feed.warnings.front();
}

TEST(ReadFeed, RawHtmlInAnRssFieldIsReadAsItsEscapedFormWouldBe) {
    auto feed = read_feed(rss("<item><title>First</title><link>https://e.org/1</link>"
                              "<description>Unclosed <b>bold<br> &amp; <p>two &nbsp;paragraphs.</description></item>"
                              "<item><title>Second</title><link>https://e.org/2</link>"
                              "<content:encoded><p>Well-formed</p><p>XHTML.</p></content:encoded></item>"),
                          "f.rss");
    EXPECT_TRUE(feed.warnings.empty()) << feed.warnings.front();
    ASSERT_EQ(feed.items.size(), 2u);
    EXPECT_EQ(feed.items[0].body, "Unclosed bold\n\n&\n\ntwo \xC2\xA0paragraphs.");
    EXPECT_EQ(feed.items[1].body, "Well-formed\n\nXHTML.");
}

TEST(ReadFeed, MalformedXmlIsRecoveredWithOneWarning) {
    auto feed = read_feed(rss("<item><title>First</title><link>https://e.org/1</link>"
                              "<description>Kept text.</description></item>"
                              "<item><title>Second</title><link>https://e.org/2</item>"),
                          "f.rss");
    ASSERT_GE(feed.items.size(), 1u);
    EXPECT_EQ(feed.items[0].body, "Kept text.");
    ASSERT_EQ(feed.warnings.size(), 1u);
    EXPECT_TRUE(has(feed.warnings[0], "recovery mode")) << feed.warnings[0];
    EXPECT_TRUE(has(feed.warnings[0], "line")) << feed.warnings[0];
}

TEST(ReadFeed, RelativeLinksAreResolvedOrLeftOut) {
    auto feed = read_feed(rss("<item><title>A</title><link>/world/2024/a</link></item>"), "f.rss");
    EXPECT_EQ(only_item(feed).url, "https://meridian.example.com/world/2024/a");  // against the channel's link
    auto based = read_feed(atom("<entry xml:base=\"https://cdn.example.net/news/\"><title>B</title>"
                                "<link href=\"b.html\"/><id>x</id></entry>"),
                           "h.atom");
    EXPECT_EQ(only_item(based).url, "https://cdn.example.net/news/b.html");
    // No base to resolve against: no url; the guid is the id.
    auto orphan = read_feed("<rss><channel><title>T</title><item><title>C</title><link>/c</link>"
                            "<guid isPermaLink=\"false\">c-123</guid></item></channel></rss>",
                            "f.rss");
    const auto c = only_item(orphan);
    EXPECT_EQ(c.url, "");
    EXPECT_EQ(c.id, "c-123");
}

TEST(ReadFeed, GuidIsTheUrlOnlyWhenItIsAPermalink) {
    auto permalink = only_item(read_feed(
        rss("<item><title>A</title><guid>https://Meridian.example.com/a#top</guid></item>"), "f.rss"));
    EXPECT_EQ(permalink.url, "https://Meridian.example.com/a#top");
    EXPECT_EQ(permalink.id, "https://meridian.example.com/a");
    auto opaque = only_item(read_feed(
        rss("<item><title>B</title><guid isPermaLink=\"false\">https://meridian.example.com/?p=48213</guid></item>"), "f.rss"));
    EXPECT_EQ(opaque.url, "");
    EXPECT_EQ(opaque.id, "https://meridian.example.com/?p=48213");
    // With a link, the link is the id whatever the guid.
    auto linked = only_item(read_feed(
        rss("<item><title>C</title><link>https://meridian.example.com/c</link><guid>https://meridian.example.com/?p=1</guid></item>"),
        "f.rss"));
    EXPECT_EQ(linked.id, "https://meridian.example.com/c");
    // Neither link nor guid: the file's id and the item's place.
    auto feed = read_feed(rss("<item><title>D</title></item><item><title>E</title></item>"), "world.rss");
    ASSERT_EQ(feed.items.size(), 2u);
    EXPECT_EQ(feed.items[0].id, "world.rss#1");
    EXPECT_EQ(feed.items[1].id, "world.rss#2");
}

TEST(ReadFeed, DatesInBothSyntaxesAndTheirTimeZonesAreUtc) {
    const std::pair<std::string, std::string> cases[] = {
        {"<pubDate>Mon, 4 Mar 2024 23:30:00 EST</pubDate>", "2024-03-05T04:30:00Z"},
        {"<pubDate>Tue, 05 Mar 2024 08:05:00 GMT</pubDate>", "2024-03-05T08:05:00Z"},
        {"<pubDate>05 Mar 2024 01:00 +0530</pubDate>", "2024-03-04T19:30:00Z"},
        {"<dc:date>2024-03-05T01:00:00-03:00</dc:date>", "2024-03-05T04:00:00Z"},
        {"<pubDate>2024-03-05T10:00:00Z</pubDate>", "2024-03-05T10:00:00Z"},  // ISO where RFC 822 belongs
        {"<pubDate>not a date</pubDate><dc:date>2024-03-06</dc:date>", "2024-03-06"},
    };
    for (const auto& [element, expected] : cases) {
        auto feed = read_feed(rss("<item><title>T</title>" + element + "</item>"), "f.rss");
        EXPECT_EQ(only_item(feed).date, expected) << element;
        EXPECT_TRUE(feed.warnings.empty()) << element;
    }
    auto bad = read_feed(rss("<item><title>T</title><pubDate>Someday soon</pubDate></item>"), "f.rss");
    EXPECT_EQ(only_item(bad).date, "");
    ASSERT_EQ(bad.warnings.size(), 1u);
    EXPECT_TRUE(has(bad.warnings[0], "Someday soon")) << bad.warnings[0];
}

TEST(ReadFeed, SourceFromTheItemElseTheFeedElseItsHost) {
    auto item_source = only_item(read_feed(
        rss("<item><title>A</title><source url=\"https://www.reuters.com\">Reuters</source></item>"), "f.rss"));
    EXPECT_EQ(item_source.source, "Reuters");
    auto entry_source = only_item(read_feed(
        atom("<entry><title>A</title><id>a</id><source><title>Baltic Shipping Review</title></source></entry>"), "h.atom"));
    EXPECT_EQ(entry_source.source, "Baltic Shipping Review");
    auto untextual = only_item(read_feed(
        atom("<entry><title>A</title><id>a</id><source><title type=\"image/png\">iVBORw0</title></source></entry>"), "h.atom"));
    EXPECT_EQ(untextual.source, "Harbour Times");
    auto escaped_title = only_item(read_feed(
        "<rss><channel><title>Meridian &amp;amp; Co &#8211; World</title><item><title>A</title></item></channel></rss>",
        "f.rss"));
    EXPECT_EQ(escaped_title.source, "Meridian & Co \xE2\x80\x93 World");
    auto untitled = only_item(read_feed("<rss><channel><link>https://www.meridian.example.com/</link>"
                                        "<item><title>A</title></item></channel></rss>",
                                        "f.rss"));
    EXPECT_EQ(untitled.source, "meridian.example.com");
}

TEST(ReadFeed, CharsetFromTheXmlDeclaration) {
    const std::string latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>T</title>"
                               "<item><title>Troms\xF8 caf\xE9</title></item></channel></rss>";
    auto feed = read_feed(latin1, "f.rss");
    EXPECT_EQ(only_item(feed).title, "Troms\xC3\xB8 caf\xC3\xA9");
    EXPECT_TRUE(feed.warnings.empty());
    const std::string lying = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel><title>T</title>"
                              "<item><title>caf\xE9</title></item></channel></rss>";
    auto lied = read_feed(lying, "f.rss");
    EXPECT_EQ(only_item(lied).title, "caf\xC3\xA9");
    ASSERT_EQ(lied.warnings.size(), 1u);
    EXPECT_TRUE(has(lied.warnings[0], "UTF-8")) << lied.warnings[0];
}

TEST(ReadFeed, AnEmptyChannelIsAWarningAndAnItemWithoutTextAnError) {
    auto empty = read_feed(rss(""), "f.rss");
    EXPECT_TRUE(empty.items.empty());
    EXPECT_TRUE(empty.errors.empty());
    ASSERT_EQ(empty.warnings.size(), 1u);
    EXPECT_TRUE(has(empty.warnings[0], "without items")) << empty.warnings[0];

    auto textless = read_feed(rss("<item><title>A</title></item>\n<item><link>https://e.org/x</link></item>"), "f.rss");
    ASSERT_EQ(textless.items.size(), 1u);
    ASSERT_EQ(textless.errors.size(), 1u);
    EXPECT_EQ(textless.errors[0].line, 5u);
    EXPECT_TRUE(has(textless.errors[0].message, "no title and no text")) << textless.errors[0].message;
    EXPECT_TRUE(has(textless.errors[0].message, "https://e.org/x")) << textless.errors[0].message;
}

TEST(ReadFeed, ADocumentThatIsNotAFeedIsOneError) {
    for (const std::string doc :
         {"<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://e.org/</loc></url></urlset>",
          "<html><body><p>A page.</p></body></html>", "{\"title\": \"JSON\"}", "plain text", "",
          "<feed><title>Atom without its namespace</title><entry><title>x</title></entry></feed>"}) {
        auto feed = read_feed(doc, "f.xml");
        EXPECT_TRUE(feed.items.empty()) << doc;
        ASSERT_EQ(feed.errors.size(), 1u) << doc;
        EXPECT_TRUE(feed.warnings.empty()) << doc << ": " << feed.warnings.front();
        const auto& m = feed.errors[0].message;
        EXPECT_TRUE(has(m, "not a feed") || has(m, "not readable as XML")) << m;
    }
    EXPECT_TRUE(has(first_error(read_feed("<urlset><url/></urlset>", "s.xml")), "<urlset>"));
}

TEST(ReadFeed, BillionLaughsIsOneErrorWithoutExpansion) {
    std::string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n";
    std::string previous = "lol";
    for (int i = 1; i <= 9; ++i) {
        std::string value;
        for (int k = 0; k < 10; ++k) value += "&" + previous + ";";
        doc += "<!ENTITY lol" + std::to_string(i) + " \"" + value + "\">\n";
        previous = "lol" + std::to_string(i);
    }
    doc += "]>\n<rss><channel><title>T</title><item><title>Laughs</title><description>&lol9;</description></item>"
           "</channel></rss>\n";
    auto feed = read_feed(doc, "laughs.rss");
    ASSERT_EQ(feed.errors.size(), 1u);
    EXPECT_TRUE(has(feed.errors[0].message, "expand without bound")) << feed.errors[0].message;
    for (const auto& item : feed.items) EXPECT_LT(item.body.size(), 1000u);
}

TEST(ReadFeed, EntitiesInAttributesAreNotExpandedEither) {
    // As in text (libxml2's own attribute getter would spell them out).
    const std::string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY e \"lol\">]>\n"
                            "<rss><channel><title>T</title><item xml:lang=\"de&e;\" xml:base=\"https://e.org/&e;/\">"
                            "<title>A &e;</title><link>a</link><guid isPermaLink=\"&e;\">g</guid></item></channel></rss>";
    auto feed = read_feed(doc, "f.rss");
    const auto a = only_item(feed);
    EXPECT_EQ(feed.items[0].language, "de");
    EXPECT_EQ(a.url, "https://e.org//a");
    EXPECT_EQ(a.title, "A");
}

TEST(ReadFeed, ExternalEntitiesAreNeverLoaded) {
    const std::string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> "
                            "<!ENTITY remote SYSTEM \"http://127.0.0.1:9/x\"> ]>\n"
                            "<rss><channel><title>T</title><item><title>Entity &xxe;&remote;</title>"
                            "<description>Before &xxe; after.</description></item></channel></rss>\n";
    auto feed = read_feed(doc, "xxe.rss");
    // Read without expanding them (or refused): never the file's content.
    for (const auto& item : feed.items) {
        EXPECT_FALSE(has(item.title + item.body, "root:")) << item.body;
    }
    ASSERT_EQ(feed.items.size() + feed.errors.size(), 1u);
    if (!feed.items.empty()) {
        EXPECT_EQ(feed.items[0].title, "Entity");
        EXPECT_EQ(feed.items[0].body, "Before after.");
    }
}

TEST(ReadFeed, NestingTooDeepIsAnErrorAfterTheItemsBeforeIt) {
    std::string deep = "<item><title>Deep</title>";
    for (int i = 0; i < 100000; ++i) deep += "<x>";
    deep += "text";
    for (int i = 0; i < 100000; ++i) deep += "</x>";
    deep += "</item>";
    auto feed = read_feed(rss("<item><title>Before</title><description>Read.</description></item>" + deep), "deep.rss");
    ASSERT_EQ(feed.errors.size(), 1u);
    EXPECT_TRUE(has(feed.errors[0].message, "nested deeper")) << feed.errors[0].message;
    ASSERT_EQ(feed.items.size(), 1u);
    EXPECT_EQ(feed.items[0].title, "Before");
    EXPECT_TRUE(feed.warnings.empty()) << feed.warnings.front();
    // Deep from the first item on: the error alone, not a feed "without items" besides.
    std::string unclosed = "<rss><channel><item><title>x</title><description>";
    for (int i = 0; i < 100000; ++i) unclosed += "<p>";
    auto alone = read_feed(unclosed, "deep.rss");
    EXPECT_EQ(alone.errors.size(), 1u);
    EXPECT_TRUE(alone.items.empty());
    EXPECT_TRUE(alone.warnings.empty()) << alone.warnings.front();
}

TEST(ReadFeed, RepairMendsOnlyWhatIsBroken) {
    using newsfacet::detail::xml::repair;
    EXPECT_EQ(repair("<a href=\"?a=1&b=2\">AT&T &amp; &#38; &#x26; &lt;</a>"),
              "<a href=\"?a=1&amp;b=2\">AT&amp;T &amp; &#38; &#x26; &lt;</a>");
    EXPECT_EQ(repair("&nbsp;&eacute;&unknown;&#0;&#xD800;&#1114112;"), "&#160;&#233;&amp;unknown;");
    EXPECT_EQ(repair("&#150;"), "\xE2\x80\x93");  // a Windows-1252 dash, not a C1 control
    EXPECT_EQ(repair(std::string("a\0b\x01" "c\td\n", 8)), "abc\td\n");
    // CDATA, comments, processing instructions and the DOCTYPE are left as they are.
    const std::string kept = "<![CDATA[a & b &nbsp;]]><!-- & --><?pi & ?>";
    EXPECT_EQ(repair(kept), kept);
    // Raw markup in RSS's HTML fields goes into CDATA; escaped, CDATA or empty ones stay.
    EXPECT_EQ(repair("<description>Unclosed <b>bold & <br> x</description>"),
              "<description><![CDATA[Unclosed <b>bold & <br> x]]></description>");
    EXPECT_EQ(repair("<content:encoded>\n<p>x ]]> y</p><![CDATA[<i>z</i>]]></content:encoded>"),
              "<content:encoded><![CDATA[\n<p>x ]]]]><![CDATA[> y</p><i>z</i>]]></content:encoded>");
    for (const std::string same : {"<description><![CDATA[<p>a</p>]]></description>", "<description>a &amp; b</description>",
                                   "<description/>", "<descriptions><b>x</b></descriptions>", "<description><b>unclosed"}) {
        EXPECT_EQ(repair(same), same);
    }
    const std::string dtd = "<!DOCTYPE rss [<!ENTITY own \"x\">]><rss>&own; &nbsp;</rss>";
    EXPECT_EQ(repair(dtd), "<!DOCTYPE rss [<!ENTITY own \"x\">]><rss>&own; &#160;</rss>");
}

TEST(ReadFeed, FeedsAreToldByTheirRootElement) {
    EXPECT_EQ(sniff_feed("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- generator -->\n<?xml-stylesheet href=\"s.xsl\"?>\n"
                         "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"x.dtd\">\n<rss version=\"0.91\">"),
              FeedSniff::feed);
    EXPECT_EQ(sniff_feed("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), FeedSniff::feed);
    EXPECT_EQ(sniff_feed("<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">"), FeedSniff::feed);
    EXPECT_EQ(sniff_feed("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\">"), FeedSniff::feed);
    EXPECT_EQ(sniff_feed("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"),
              FeedSniff::feed);
    // Not feeds.
    EXPECT_EQ(sniff_feed("<feed><entry/></feed>"), FeedSniff::other);  // no Atom namespace
    EXPECT_EQ(sniff_feed("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description/>"),
              FeedSniff::other);
    EXPECT_EQ(sniff_feed("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/\">"), FeedSniff::other);
    EXPECT_EQ(sniff_feed("<!DOCTYPE html><html><body>rss</body></html>"), FeedSniff::other);
    EXPECT_EQ(sniff_feed("{\"rss\": 1}"), FeedSniff::other);
    EXPECT_EQ(sniff_feed("<rssfeed>"), FeedSniff::other);
    // Not known yet from so few bytes.
    EXPECT_EQ(sniff_feed("<?xml version=\"1.0\"?><!-- a long comment"), FeedSniff::unknown);
    EXPECT_EQ(sniff_feed("<feed xml:lang=\"en\" "), FeedSniff::unknown);
    EXPECT_EQ(sniff_feed(""), FeedSniff::unknown);
    // Sniffing a whole input: a feed before a page, even with a page in its first bytes.
    EXPECT_EQ(newsfacet::detail::sniff_format("<?xml version=\"1.0\"?><rss><channel><description>&lt;html&gt;"),
              newsfacet::InputFormat::feed);
    EXPECT_EQ(newsfacet::detail::sniff_format("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"),
              newsfacet::InputFormat::html);
}
