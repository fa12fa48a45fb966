#pragma once
// One HTML article page as an article: its main text, headline, publication date, source,
// URL and language.

#include <string>
#include <string_view>
#include <vector>

#include <newsfacet/article.hpp>

namespace newsfacet::detail {

/// What reading a page gave.
struct HtmlPage {
    Article article;                    ///< id, title, body, date, source, url, language
    std::string error;                  ///< set when the page has no article text (no article)
    std::vector<std::string> warnings;  ///< a wrong or unusable charset declaration
};

/// The largest page read (bytes); a larger one is an error, not an article.
inline constexpr std::size_t max_page_bytes = 64u << 20;

/// Reads a page. `default_id` is the id when the page names no URL of its own (canonical
/// link, og:url) and `url` is empty; `url` is where the page was fetched from ("" when
/// unknown: a saved file), `transport_charset` its HTTP charset ("" when unknown).
/// Never throws for bad input. Cost: parsing plus a few walks of the tree.
[[nodiscard]] HtmlPage article_from_html(std::string_view bytes, const std::string& default_id,
                                         const std::string& url = {}, std::string_view transport_charset = {});

}  // namespace newsfacet::detail
