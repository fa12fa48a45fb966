#include "read/html_article.hpp"

#include <newsfacet/reader.hpp>

#include "read/charset.hpp"
#include "read/html_dates.hpp"
#include "read/html_dom.hpp"
#include "read/html_meta.hpp"
#include "read/html_text.hpp"
#include "text/language.hpp"
#include "text/text.hpp"

namespace newsfacet::detail {
namespace {

bool absolute(const std::string& url) { return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0; }

// The page's own address: its canonical link, og:url, else where it came from.
std::string page_url(const html::PageMeta& meta, const std::string& fetched) {
    for (const auto* u : {&meta.canonical, &meta.og_url}) {
        if (absolute(std::string(text::trim_space(*u)))) return std::string(text::trim_space(*u));
    }
    return fetched;
}

// JSON-LD's articleBody, when the page's own text is much shorter (a page that loads its
// text with scripts) and it is not a teaser: a publisher's field is not always the article.
std::string choose_body(std::string extracted, const std::string& jsonld_body) {
    const auto structured = text::trim_space(jsonld_body);
    if (structured.size() > 2 * extracted.size() + 200) return std::string(structured);
    return extracted;
}

}  // namespace

HtmlPage article_from_html(std::string_view bytes, const std::string& default_id, const std::string& url,
                           std::string_view transport_charset) {
    HtmlPage page;
    if (bytes.size() > max_page_bytes) {
        page.error = "page of " + std::to_string(bytes.size() >> 20) + " MiB is larger than the " +
                     std::to_string(max_page_bytes >> 20) + " MiB an article page may be";
        return page;
    }
    auto decoded = decode_page(bytes, transport_charset);
    if (!decoded.warning.empty()) page.warnings.push_back(decoded.warning);
    auto doc = html::parse(decoded.text, url);
    if (!doc) {
        page.error = "not readable as HTML";
        return page;
    }
    const auto meta = html::read_meta(doc.get());
    Article& a = page.article;
    a.url = page_url(meta, url);
    a.id = a.url.empty() ? default_id : normalize_url(a.url);
    a.title = html::choose_title(meta);
    a.date = html::choose_date(meta, html::shown_days(doc.get()), a.url);
    a.source = html::choose_source(meta, a.url);
    a.body = choose_body(html::main_text(doc.get(), a.title), meta.jsonld_body);
    a.language = text::language_tag(meta.language);
    if (text::trim_space(a.title).empty() && text::trim_space(a.body).empty()) page.error = "no article text found";
    return page;
}

}  // namespace newsfacet::detail
