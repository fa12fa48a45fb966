#pragma once
// Small helpers over libxml2's HTML tree, for the page readers (html_meta, html_text).

#include <algorithm>
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

/// True if an element is hidden from readers (`hidden`, `aria-hidden="true"`, an inline style
/// with display:none or visibility:hidden).
[[nodiscard]] bool is_hidden(const xmlNode* n);

/// True if one of `words` occurs anywhere in `s` (a class or id: "comment" in "comment-list").
template <typename Words>
[[nodiscard]] bool mentions_any(std::string_view s, const Words& words) {
    return std::any_of(std::begin(words), std::end(words),
                       [&](std::string_view w) { return s.find(w) != std::string_view::npos; });
}

/// True if a part of `s` between spaces, hyphens and underscores is one of `parts` ("ad" in
/// "ad-slot", not in "head").
template <typename Parts>
[[nodiscard]] bool has_part(std::string_view s, const Parts& parts) {
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto end = std::min(s.find_first_of(" -_", start), s.size());
        if (std::find(std::begin(parts), std::end(parts), s.substr(start, end - start)) != std::end(parts)) return true;
        start = end + 1;
    }
    return false;
}

/// Appends `text` to `out` with runs of white space as one space, none at the start of `out`;
/// `space` carries a pending space from one call to the next.
void append_collapsed(std::string& out, std::string_view text, bool& space);

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
