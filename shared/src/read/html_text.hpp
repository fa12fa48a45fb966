#pragma once
// The main text of an article page, without navigation, menus, headers and footers, related
// links, comments, share and cookie boxes: boilerplate removal over the HTML tree.

#include <string>
#include <string_view>

#include "read/html_dom.hpp"

namespace newsfacet::detail::html {

/// The article's text, paragraphs separated by blank lines; "" when the page has none.
/// Removes boilerplate from `doc` as it goes. `title` (the chosen headline) is left out when
/// the text repeats it. Cost: a few walks of the tree.
[[nodiscard]] std::string main_text(xmlDoc* doc, std::string_view title);

/// The text of markup that is all article (a feed item's content), as main_text() writes it
/// and without its boilerplate, but with no choice of a main container. Cost: a few walks.
[[nodiscard]] std::string fragment_text(xmlDoc* doc);

}  // namespace newsfacet::detail::html
