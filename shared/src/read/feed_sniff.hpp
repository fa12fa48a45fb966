#pragma once
// Feeds told by their first bytes: the root element of an XML document.

#include <string_view>

namespace newsfacet::detail {

/// What the first bytes of a document say of it as a feed.
enum class FeedSniff {
    feed,     ///< its root is <rss>, an Atom <feed> or an RSS 1.0 <rdf:RDF>
    other,    ///< another root element, or not XML
    unknown,  ///< the bytes end before the root element's name and namespace do
};

/// Looks for the root element of `prefix` after a byte-order mark, white space, the XML
/// declaration, comments, processing instructions and a DOCTYPE: <rss>; <feed> (any prefix)
/// declaring Atom's namespace (1.0 or 0.3) in its start tag; <rdf:RDF> declaring RSS 1.0's or
/// 0.90's. Never throws. Cost: linear in the prefix.
[[nodiscard]] FeedSniff sniff_feed(std::string_view prefix);

/// True if sniff_feed() says `prefix` starts a feed.
[[nodiscard]] inline bool looks_like_feed(std::string_view prefix) { return sniff_feed(prefix) == FeedSniff::feed; }

}  // namespace newsfacet::detail
