#pragma once
// A page's publication day: what its metadata states (read/html_meta), its URL, and the
// dates it shows its readers.

#include <string>
#include <vector>

#include "read/html_dom.hpp"
#include "read/html_meta.hpp"

namespace newsfacet::detail::html {

/// A day written in the page's visible text.
struct ShownDay {
    std::string day;      ///< "YYYY-MM-DD"
    bool marked = false;  ///< in a <time> or an element named for dates or bylines, or after "Published"
};

/// The days the page shows, in document order: text outside scripts, styles, hidden
/// elements, navigation, asides, footers, comments and lists of other articles. Call before
/// main_text (which removes bylines). Cost: one walk of the tree.
[[nodiscard]] std::vector<ShownDay> shown_days(xmlDoc* doc);

/// The publication day ("YYYY-MM-DD", as the page writes it: a date-time's day in its own
/// time zone, which is the day readers saw), or "" when the page does not say it or its
/// signals disagree: a wrong date is worse than none. In order: the stated publication day
/// (when it states two, or was changed on a later day, the one of them the page shows
/// decides; none when it shows neither); else the URL's day (/2024/03/04/); else the one day
/// of its <time> elements; else the first day the page shows in a byline or date element.
/// A URL with another day than the stated one gives none.
[[nodiscard]] std::string choose_date(const PageMeta& meta, const std::vector<ShownDay>& shown,
                                      const std::string& url);

/// The day of a URL's path (/2024/03/04/, /2024/3/4/, /2024-03-04-, /20240304_), or "".
[[nodiscard]] std::string date_in_url(std::string_view url);

}  // namespace newsfacet::detail::html
