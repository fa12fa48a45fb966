#pragma once
// RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom (1.0 and 0.3) feeds as articles, one per item or
// entry.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <newsfacet/article.hpp>

namespace newsfacet::detail {

/// Something wrong in a feed, and the line it is on (0 when not known).
struct FeedProblem {
    std::size_t line = 0;
    std::string message;
};

/// What reading a feed gave.
struct Feed {
    std::vector<Article> items;  ///< one per item or entry: id, title, body, date, source, url, language
    /// A document that is not a feed or cannot be read (past the items before the point where
    /// reading stopped), an item with neither title nor text.
    std::vector<FeedProblem> errors;
    /// A charset declaration that lied, malformed XML read in recovery mode, a date that is
    /// not one, a feed without items.
    std::vector<std::string> warnings;
};

/// The largest feed read (bytes); a larger one is an error.
inline constexpr std::size_t max_feed_bytes = 256u << 20;

/// Reads a feed document, recognised by its root element (<rss>, <rdf:RDF>, Atom's <feed>).
/// For each item or entry: url from its link (Atom: rel="alternate" or no rel), resolved
/// against xml:base or the feed's link when relative and left empty when it cannot be made
/// absolute; else a guid that is a permalink (isPermaLink not "false") or RSS 1.0's rdf:about
/// when absolute. id: the url as normalize_url() gives it, else the guid or Atom id as
/// written, else `default_id` + "#N" for the Nth item. title (HTML in it turned into text).
/// body: the fullest text of content:encoded, Atom content and summary, and description,
/// markup turned into text (escaped HTML, inline XHTML, or plain text by paragraphs). date:
/// the first of published, pubDate, dc:date, updated that is an RFC 822 or RFC 3339 date, in
/// UTC. source: the item's <source> (RSS's name, Atom's title), else the feed's title, else
/// the host of its link. language: the item's xml:lang or dc:language, else the feed's
/// (<language>, dc:language, xml:lang), as text::language_tag() normalises it. The charset as decode_page() decides it. Never throws for bad input.
/// Cost: one streaming pass (memory: one item at a time); each field with markup parsed as
/// HTML.
[[nodiscard]] Feed read_feed(std::string_view bytes, const std::string& default_id);

}  // namespace newsfacet::detail
