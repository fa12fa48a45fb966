#pragma once
// What a page says about its article besides the text: title, date, source, URL, language
// (the date is decided in read/html_dates)
// (JSON-LD, OpenGraph and other <meta>, <link rel=canonical>, <title>, <time>, the URL).

#include <string>
#include <vector>

#include "read/html_dom.hpp"

namespace newsfacet::detail::html {

/// The metadata of a page, as found (nothing decided yet).
struct PageMeta {
    std::string language;        ///< <html lang>
    std::string title_tag;       ///< <title>
    std::string og_title;        ///< og:title, twitter:title
    std::string jsonld_headline;  ///< an Article's headline in JSON-LD
    std::string h1;              ///< the first <h1>
    std::string site_name;       ///< og:site_name, application-name
    std::string jsonld_publisher;
    std::string canonical;       ///< <link rel=canonical>
    std::string og_url;
    std::string jsonld_body;     ///< an Article's articleBody
    /// Publication dates the page states for itself (JSON-LD datePublished,
    /// article:published_time, itemprop datePublished, common meta names), as written.
    std::vector<std::string> dates;
    std::vector<std::string> modified;       ///< dateModified, article:modified_time, ...
    std::vector<std::string> time_elements;  ///< <time datetime> values
};

/// Reads the metadata of `doc`. Cost: one walk of the tree; JSON-LD scripts parsed.
[[nodiscard]] PageMeta read_meta(xmlDoc* doc);

/// The headline: JSON-LD's, og:title, the <h1>, else <title> without the site name
/// ("Story - Site", "Site | Story").
[[nodiscard]] std::string choose_title(const PageMeta& meta);

/// The publisher: og:site_name, JSON-LD's publisher, else the host name of `url`.
[[nodiscard]] std::string choose_source(const PageMeta& meta, const std::string& url);

}  // namespace newsfacet::detail::html
