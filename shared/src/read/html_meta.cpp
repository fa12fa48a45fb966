#include "read/html_meta.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include <nlohmann/json.hpp>

#include "text/text.hpp"

namespace newsfacet::detail::html {
namespace {

using nlohmann::json;

// <meta name|property|itemprop> that state the publication date.
constexpr std::array<std::string_view, 16> date_meta_names = {
    "article:published_time", "article.published", "datepublished", "dc.date", "dc.date.issued",
    "dcterms.created", "dcterms.date", "og:published_time", "parsely-pub-date", "pubdate",
    "publish-date", "publish_date", "publishdate", "sailthru.date", "date", "originalpublicationdate"};

bool is_article_type(const json& type) {
    auto one = [](const json& t) {
        if (!t.is_string()) return false;
        const auto s = t.get<std::string>();
        return s.find("Article") != std::string::npos || s == "BlogPosting" || s == "Report" || s == "LiveBlogPosting";
    };
    if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
    return one(type);
}

std::string string_at(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_object()) return string_at(*it, "name");
    if (it->is_array() && !it->empty()) {
        const auto& first = it->front();
        if (first.is_string()) return first.get<std::string>();
        if (first.is_object()) return string_at(first, "name");
    }
    return {};
}

// An Article object of JSON-LD, searched through arrays and @graph.
void read_jsonld(const json& j, PageMeta& meta) {
    if (j.is_array()) {
        for (const auto& item : j) read_jsonld(item, meta);
        return;
    }
    if (!j.is_object()) return;
    if (auto graph = j.find("@graph"); graph != j.end()) read_jsonld(*graph, meta);
    for (const char* nested : {"mainEntity", "mainEntityOfPage"}) {
        if (auto it = j.find(nested); it != j.end() && it->is_object()) read_jsonld(*it, meta);
    }
    if (!is_article_type(j.value("@type", json()))) {
        // A page's own dates (WebPage, ...) say when the article appeared too.
        if (auto date = string_at(j, "datePublished"); !date.empty()) meta.dates.push_back(date);
        return;
    }
    if (meta.jsonld_headline.empty()) meta.jsonld_headline = string_at(j, "headline");
    if (meta.jsonld_body.empty()) meta.jsonld_body = string_at(j, "articleBody");
    if (meta.jsonld_publisher.empty()) meta.jsonld_publisher = string_at(j, "publisher");
    if (auto date = string_at(j, "datePublished"); !date.empty()) meta.dates.push_back(date);
    if (auto date = string_at(j, "dateModified"); !date.empty()) meta.modified.push_back(date);
}

void read_meta_element(xmlNode* n, PageMeta& meta) {
    std::string key = text::ascii_lower(attribute(n, "property"));
    if (key.empty()) key = text::ascii_lower(attribute(n, "name"));
    if (key.empty()) key = text::ascii_lower(attribute(n, "itemprop"));
    std::string content = attribute(n, "content");
    if (content.empty()) content = attribute(n, "datetime");
    if (key.empty() || content.empty()) return;
    if (key == "og:title" || key == "twitter:title") {
        if (meta.og_title.empty()) meta.og_title = content;
    } else if (key == "og:site_name" || key == "application-name") {
        if (meta.site_name.empty()) meta.site_name = content;
    } else if (key == "og:url") {
        meta.og_url = content;
    } else if (std::find(date_meta_names.begin(), date_meta_names.end(), key) != date_meta_names.end()) {
        meta.dates.push_back(content);
    } else if (key == "article:modified_time" || key == "datemodified" || key == "og:updated_time" ||
               key == "last-modified" || key == "dcterms.modified") {
        meta.modified.push_back(content);
    }
}

std::string host_of(const std::string& url) {
    const auto scheme = url.find("://");
    if (scheme == std::string::npos) return {};
    auto host = url.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/?#:"));
    if (host.rfind("www.", 0) == 0) host.erase(0, 4);
    return text::ascii_lower(host);
}

// <title> without the site's name: the longest part around " - ", " | ", " – ", " :: ".
std::string strip_site_name(const std::string& title) {
    static constexpr std::array<std::string_view, 5> separators = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "};
    for (auto sep : separators) {
        const auto pos = title.rfind(sep);
        if (pos == std::string::npos) continue;
        std::string head = title.substr(0, pos);
        std::string tail = title.substr(pos + sep.size());
        const auto& longer = head.size() >= tail.size() ? head : tail;
        // A short remainder is a site name; otherwise the separator is the headline's own.
        if (std::min(head.size(), tail.size()) <= 40 && longer.find(' ') != std::string::npos) return longer;
    }
    return title;
}

}  // namespace

PageMeta read_meta(xmlDoc* doc) {
    PageMeta meta;
    xmlNode* root = xmlDocGetRootElement(doc);
    walk_below(root, [&](xmlNode* n) {
        const auto tag = name(n);
        if (tag == "html" && meta.language.empty()) meta.language = attribute(n, "lang");
        else if (tag == "title" && meta.title_tag.empty()) meta.title_tag = text_of(n);
        else if (tag == "h1" && meta.h1.empty()) meta.h1 = text_of(n);
        else if (tag == "meta") read_meta_element(n, meta);
        else if (tag == "link" && text::ascii_lower(attribute(n, "rel")) == "canonical") meta.canonical = attribute(n, "href");
        else if (tag == "time") {
            auto dt = attribute(n, "datetime");
            if (dt.empty()) return true;
            const auto marks = text::ascii_lower(attribute(n, "itemprop") + " " + attribute(n, "class") + " " +
                                                 attribute(n, "pubdate"));
            // <time pubdate>, itemprop="datePublished", class="published": the page's own word.
            if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("pubdate")) || marks.find("publish") != std::string::npos)
                meta.dates.push_back(dt);
            else
                meta.time_elements.push_back(dt);
        } else if (tag == "script") {
            if (text::ascii_lower(attribute(n, "type")) == "application/ld+json") {
                const auto raw = n->children && n->children->content
                                     ? std::string(reinterpret_cast<const char*>(n->children->content))
                                     : std::string();
                auto j = json::parse(raw, nullptr, false);
                if (!j.is_discarded()) read_jsonld(j, meta);
            }
            return false;
        }
        return tag != "style";
    });
    return meta;
}

std::string choose_title(const PageMeta& meta) {
    for (const auto* t : {&meta.jsonld_headline, &meta.og_title, &meta.h1}) {
        if (!text::trim_space(*t).empty()) return std::string(text::trim_space(*t));
    }
    return strip_site_name(std::string(text::trim_space(meta.title_tag)));
}

std::string choose_source(const PageMeta& meta, const std::string& url) {
    if (!text::trim_space(meta.site_name).empty()) return std::string(text::trim_space(meta.site_name));
    if (!text::trim_space(meta.jsonld_publisher).empty()) return std::string(text::trim_space(meta.jsonld_publisher));
    return host_of(url);
}

}  // namespace newsfacet::detail::html
