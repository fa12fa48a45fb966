#include "read/html_dates.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "text/dates.hpp"
#include "text/text.hpp"
#include "text/written_dates.hpp"

namespace newsfacet::detail::html {
namespace {

// The day of a date or date-time as written ("2024-03-04T23:30:00-05:00" -> "2024-03-04"),
// or "" if it does not start with a valid one.
std::string day_of(std::string_view s) {
    s = text::trim_space(s);
    if (s.size() < 10) return {};
    try {
        return normalize_date(s.substr(0, 10));
    } catch (const std::exception&) {
        return {};
    }
}

// Digits of `s` from `p`: 1 to `max` of them, then a separator (or the end); 0 if none.
int number_at(std::string_view s, std::size_t& p, std::size_t max) {
    std::size_t n = 0;
    int value = 0;
    while (p + n < s.size() && n < max && s[p + n] >= '0' && s[p + n] <= '9') value = value * 10 + (s[p + n++] - '0');
    if (n == 0 || (p + n < s.size() && std::string_view("/-_.").find(s[p + n]) == std::string_view::npos)) return 0;
    p += n;
    return value;
}

// Elements whose text is not the article's page furniture of dates: scripts, navigation,
// other articles' lists, comments.
constexpr std::array<std::string_view, 14> skipped_tags = {"aside",  "button", "footer",   "nav",    "noscript",
                                                           "option", "script", "select",   "style",  "svg",
                                                           "template", "textarea", "iframe", "object"};
constexpr std::array<std::string_view, 13> skipped_words = {
    "archiv", "calendar", "comment", "footer", "kommentar", "popular", "promo", "recommend", "related",
    "replies", "reply", "sidebar", "widget"};
// Class, id and itemprop words of an element that holds the article's date or byline:
// fragments found anywhere ("entry-date", "datePublished"), and short words that must be a
// whole part of one ("post-meta", not "metabox"; "zeit", not "freizeit").
constexpr std::array<std::string_view, 9> date_fragments = {"byline", "date", "datum", "fecha", "metadata",
                                                            "posted", "publi", "stamp", "dateline"};
constexpr std::array<std::string_view, 5> date_parts = {"author", "info", "meta", "time", "zeit"};
// Words before a date that say it is the publication's ("Published 8 November 2023").
constexpr std::array<std::string_view, 9> publication_words = {
    "published", "posted", "veröffentlicht", "publié", "publicado", "pubblicato", "gepubliceerd", "erschienen", "publicada"};

bool names_a_date(std::string_view names) { return mentions_any(names, date_fragments) || has_part(names, date_parts); }

std::string names_of(const xmlNode* n) {
    return text::ascii_lower(attribute(n, "class") + " " + attribute(n, "id") + " " + attribute(n, "itemprop"));
}

// Where a text node stands: in an element named for dates, in a link.
struct Place {
    bool marked = false;
    bool linked = false;
};

void collect_shown(const xmlNode* n, Place place, std::vector<ShownDay>& out) {
    for (const xmlNode* c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            const std::string_view text(reinterpret_cast<const char*>(c->content));
            const bool marked = place.marked || mentions_any(text::ascii_lower(text), publication_words);
            // A date in a link's text is the linked page's ("Storm hits coast, 1 Oct 2023"),
            // unless it stands where the page's date does (a blog's permalink).
            if (place.linked && !marked) continue;
            for (auto& day : written_days(text)) out.push_back({std::move(day), marked});
            continue;
        }
        if (c->type != XML_ELEMENT_NODE) continue;
        const auto tag = name(c);
        const auto names = names_of(c);
        // The page's frame ("no-sidebars" on <body>) says nothing of its parts.
        const bool frame = tag == "html" || tag == "body" || tag == "main" || tag == "article";
        if (std::find(skipped_tags.begin(), skipped_tags.end(), tag) != skipped_tags.end() || is_hidden(c) ||
            (!frame && mentions_any(names, skipped_words)))
            continue;
        collect_shown(c->children, {place.marked || tag == "time" || names_a_date(names), place.linked || tag == "a"},
                      out);
    }
}

// The distinct valid days of `raw` dates, in order.
std::vector<std::string> days_of(const std::vector<std::string>& raw) {
    std::vector<std::string> days;
    for (const auto& r : raw) {
        auto d = day_of(r);
        if (!d.empty() && std::find(days.begin(), days.end(), d) == days.end()) days.push_back(std::move(d));
    }
    return days;
}

bool is_shown(const std::vector<ShownDay>& shown, const std::string& day) {
    return std::any_of(shown.begin(), shown.end(), [&](const ShownDay& s) { return s.day == day; });
}

// The one of `days` the page shows, or "" when it shows none or several.
std::string the_shown_one(const std::vector<std::string>& days, const std::vector<ShownDay>& shown) {
    std::string found;
    for (const auto& d : days) {
        if (!is_shown(shown, d)) continue;
        if (!found.empty()) return {};
        found = d;
    }
    return found;
}

// The stated publication day, checked against later modifications, the URL's day and the
// days shown: of two signals that agree, neither is a guess.
std::string stated_day(const std::vector<std::string>& published, const PageMeta& meta,
                       const std::vector<ShownDay>& shown, const std::string& from_url) {
    if (!from_url.empty()) {
        return std::find(published.begin(), published.end(), from_url) != published.end() ? from_url : std::string();
    }
    // Two days: one instant in two time zones, or a page contradicting itself.
    const auto day = published.size() == 1 ? published.front() : the_shown_one(published, shown);
    if (day.empty()) return {};
    std::vector<std::string> later;
    for (auto& m : days_of(meta.modified)) {
        if (m > day) later.push_back(std::move(m));
    }
    // Changed on a later day: the day the page shows its readers is the article's.
    if (later.empty() || is_shown(shown, day)) return day;
    return the_shown_one(later, shown);
}

}  // namespace

std::string date_in_url(std::string_view url) {
    const auto path = url.find('/', url.find("://") == std::string_view::npos ? 0 : url.find("://") + 3);
    for (auto i = path; i != std::string_view::npos && i + 9 <= url.size(); i = url.find('/', i + 1)) {
        std::size_t p = i + 1;
        int y = 0, m = 0, d = 0;
        if (p + 8 <= url.size() && (p + 8 == url.size() || std::string_view("/-_.").find(url[p + 8]) != std::string_view::npos)) {
            std::size_t q = p;
            if (const int all = number_at(url, q, 8); all >= 19000101) {
                y = all / 10000;
                m = all / 100 % 100;
                d = all % 100;
            }
        }
        if (y == 0) {
            std::size_t q = p;
            y = number_at(url, q, 4);
            if (y < 1900 || q >= url.size()) continue;
            ++q;
            m = number_at(url, q, 2);
            if (m == 0 || q >= url.size() || url[q] != url[p + 4]) continue;
            ++q;
            d = number_at(url, q, 2);
        }
        char buf[40];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        if (auto day = day_of(buf); !day.empty()) return day;
    }
    return {};
}


std::vector<ShownDay> shown_days(xmlDoc* doc) {
    std::vector<ShownDay> out;
    if (xmlNode* root = xmlDocGetRootElement(doc)) collect_shown(root, {}, out);
    return out;
}

std::string choose_date(const PageMeta& meta, const std::vector<ShownDay>& shown, const std::string& url) {
    const auto published = days_of(meta.dates);
    const auto from_url = date_in_url(url);
    if (!published.empty()) {
        return stated_day(published, meta, shown, from_url);
    }
    if (!from_url.empty()) return from_url;
    // Only <time> elements: when they all name one day, it is the article's.
    const auto times = days_of(meta.time_elements);
    if (!times.empty()) return times.size() == 1 ? times.front() : the_shown_one(times, shown);
    const auto first_marked = std::find_if(shown.begin(), shown.end(), [](const ShownDay& s) { return s.marked; });
    return first_marked == shown.end() ? std::string() : first_marked->day;
}

}  // namespace newsfacet::detail::html
