#pragma once
// Small helpers over libxml2's HTML tree, for the page readers (html_meta, html_text).

#include <memory>
#include <string>
#include <string_view>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

namespace newsfacet::detail::html {

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using Document = std::unique_ptr<xmlDoc, DocFree>;

/// Sets libxml2's globals up, once per process, before any thread parses HTML or XML.
void init_libxml();

/// Parses UTF-8 HTML leniently, as browsers do (errors recovered, nothing fetched, no
/// network, depth limited by libxml2); null only when libxml2 cannot build any tree.
[[nodiscard]] Document parse(std::string_view utf8, const std::string& url);

/// An element's lower-case tag name ("" for other nodes).
[[nodiscard]] inline std::string_view name(const xmlNode* n) {
    return n && n->type == XML_ELEMENT_NODE && n->name ? std::string_view(reinterpret_cast<const char*>(n->name))
                                                        : std::string_view();
}

/// An attribute's value, or "" when the element does not have it.
[[nodiscard]] std::string attribute(const xmlNode* n, const char* attr);

/// The text under `n`, white space collapsed to single spaces and trimmed.
[[nodiscard]] std::string text_of(const xmlNode* n);

/// Calls `f` on `n` and every element below it, in document order; `f` returns false to
/// skip an element's children.
template <typename F>
void walk(xmlNode* n, F&& f) {
    for (xmlNode* c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (f(c)) walk(c->children, f);
    }
}

/// The element `n` and everything below it, like walk() on `n` alone.
template <typename F>
void walk_below(xmlNode* n, F&& f) {
    if (n && f(n)) walk(n->children, f);
}

}  // namespace newsfacet::detail::html
