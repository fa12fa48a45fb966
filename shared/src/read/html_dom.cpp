#include "read/html_dom.hpp"

#include <algorithm>
#include <mutex>

#include "text/text.hpp"

namespace newsfacet::detail::html {
namespace {

void collect_text(const xmlNode* n, std::string& out, bool& space) {
    for (const xmlNode* c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) append_collapsed(out, reinterpret_cast<const char*>(c->content), space);
        } else if (c->type == XML_ELEMENT_NODE) {
            const auto tag = name(c);
            if (tag == "script" || tag == "style" || tag == "noscript" || tag == "template") continue;
            if (tag == "br" || tag == "p" || tag == "div" || tag == "li") space = true;
            collect_text(c->children, out, space);
        }
    }
}

}  // namespace

void append_collapsed(std::string& out, std::string_view text, bool& space) {
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
}

void init_libxml() {
    static std::once_flag init;
    std::call_once(init, [] { xmlInitParser(); });
}

Document parse(std::string_view utf8, const std::string& url) {
    init_libxml();
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                        HTML_PARSE_COMPACT;
    return Document(htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), url.empty() ? nullptr : url.c_str(),
                                   "UTF-8", options));
}

std::string attribute(const xmlNode* n, const char* attr) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(attr));
    if (!v) return {};
    std::string out(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return out;
}

bool is_hidden(const xmlNode* n) {
    if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden"))) return true;
    if (attribute(n, "aria-hidden") == "true") return true;
    auto style = text::ascii_lower(attribute(n, "style"));
    style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
    return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

std::string text_of(const xmlNode* n) {
    std::string out;
    bool space = false;
    if (n) collect_text(n->children, out, space);
    return out;
}

}  // namespace newsfacet::detail::html
