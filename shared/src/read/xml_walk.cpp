#include "read/xml_walk.hpp"

#include <climits>
#include <memory>
#include <vector>

#include <libxml/parser.h>
#include <libxml/uri.h>
#include <libxml/xmlreader.h>

#include "read/html_dom.hpp"
#include "read/xml_repair.hpp"
#include "text/text.hpp"

namespace newsfacet::detail::xml {
namespace {

// No network, no DTD or external entity loaded, entities not substituted (no
// XML_PARSE_NOENT, DTDLOAD, DTDATTR, XINCLUDE or HUGE); the text is UTF-8 whatever its
// declaration says (it was decoded before).
constexpr int parse_options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC |
                              XML_PARSE_BIG_LINES | XML_PARSE_COMPACT;

// Errors that no recovery should read past: an entity that expands without bound, nesting
// past libxml2's limit (reported as an internal error), a text node past its size limit.
bool is_hostile(const xmlError& e) {
    return e.code == XML_ERR_ENTITY_LOOP || e.code == XML_ERR_INTERNAL_ERROR || e.code == XML_ERR_NO_MEMORY;
}

// A user's words for what libxml2 refused ("Excessive depth in document: 256 use
// XML_PARSE_HUGE option" names an option the user has no access to).
std::string describe(const xmlError& e) {
    const std::string message(text::trim_space(e.message ? e.message : ""));
    if (e.code == XML_ERR_ENTITY_LOOP) return "entities that expand without bound (refused: " + message + ")";
    if (e.code == XML_ERR_INTERNAL_ERROR && message.find("depth") != std::string::npos) {
        return "elements nested deeper than libxml2's limit of 256 levels";
    }
    return message.empty() ? "malformed XML" : message;
}

// The errors of one parse, as libxml2 reports them.
struct Problems {
    std::string first;
    std::size_t first_line = 0;
    std::string hostile;
    std::size_t hostile_line = 0;

    void add(const xmlError& e) {
        if (e.level != XML_ERR_FATAL && !is_hostile(e)) return;  // namespace slips and the like
        const std::string message = describe(e);
        const auto line = static_cast<std::size_t>(e.line > 0 ? e.line : 0);
        if (first.empty()) {
            first = message;
            first_line = line;
        }
        if (is_hostile(e) && hostile.empty()) {
            hostile = message;
            hostile_line = line;
        }
    }
};

void on_reader_error(void* problems, xmlErrorPtr e) {
    if (e) static_cast<Problems*>(problems)->add(*e);
}

// The parser hands its error handler its context, whose _private holds the Problems.
void on_parser_error(void* context, xmlErrorPtr e) {
    auto* ctxt = static_cast<xmlParserCtxt*>(context);
    if (e && ctxt && ctxt->_private) static_cast<Problems*>(ctxt->_private)->add(*e);
}

struct ReaderFree {
    void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};
struct ContextFree {
    void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

// Streams `doc` through the XML reader; true if it was read to its end.
bool read_streaming(const std::string& doc, Visitor& visitor, Problems& problems) {
    std::unique_ptr<xmlTextReader, ReaderFree> reader(
        xmlReaderForMemory(doc.data(), static_cast<int>(doc.size()), nullptr, "UTF-8", parse_options));
    if (!reader) return false;
    xmlTextReader* r = reader.get();
    xmlTextReaderSetStructuredErrorHandler(r, on_reader_error, &problems);
    int status = xmlTextReaderRead(r);
    while (status == 1) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT) {
            status = xmlTextReaderRead(r);
            continue;
        }
        const int depth = xmlTextReaderDepth(r);
        const Step step = visitor.enter(xmlTextReaderCurrentNode(r), depth);
        if (step == Step::descend) {
            status = xmlTextReaderRead(r);
            continue;
        }
        if (step == Step::skip && depth == 0) return true;  // nothing else to show
        if (step == Step::take) {
            xmlNode* whole = xmlTextReaderExpand(r);
            if (!whole) return false;
            visitor.take(whole);
        }
        status = xmlTextReaderNext(r);
    }
    return status == 0;
}

void walk_tree(xmlNode* element, int depth, Visitor& visitor) {
    switch (visitor.enter(element, depth)) {
        case Step::descend:
            for (xmlNode* c = element->children; c; c = c->next) {
                if (c->type == XML_ELEMENT_NODE) walk_tree(c, depth + 1, visitor);
            }
            break;
        case Step::take:
            visitor.take(element);
            break;
        case Step::skip:
            break;
    }
}

// Parses `doc` whole in recovery mode and walks its tree; false if there was no tree.
bool read_recovering(const std::string& doc, Visitor& visitor, Problems& problems) {
    std::unique_ptr<xmlParserCtxt, ContextFree> ctxt(xmlNewParserCtxt());
    if (!ctxt || !ctxt->sax) return false;
    ctxt->_private = &problems;
    ctxt->sax->serror = on_parser_error;
    html::Document tree(xmlCtxtReadMemory(ctxt.get(), doc.data(), static_cast<int>(doc.size()), nullptr, "UTF-8",
                                          parse_options | XML_PARSE_RECOVER));
    xmlNode* root = tree ? xmlDocGetRootElement(tree.get()) : nullptr;
    if (!root) return false;
    walk_tree(root, 0, visitor);
    return true;
}

std::string line_note(std::size_t line) { return line ? "line " + std::to_string(line) + ": " : std::string(); }

void collect_text(const xmlNode* n, std::string& out) {
    for (const xmlNode* c = n; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
            out += reinterpret_cast<const char*>(c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            collect_text(c->children, out);
        }
    }
}

constexpr std::string_view xml_namespace = "http://www.w3.org/XML/1998/namespace";

// The attribute `name` of `e`, in namespace `ns` ("" for any).
const xmlAttr* find_attribute(const xmlNode* e, std::string_view name, std::string_view ns) {
    for (const xmlAttr* a = e->properties; a; a = a->next) {
        if (!a->name || name != reinterpret_cast<const char*>(a->name)) continue;
        if (ns.empty()) return a;
        if (a->ns && a->ns->href && ns == reinterpret_cast<const char*>(a->ns->href)) return a;
    }
    return nullptr;
}

std::string value_of(const xmlAttr* a) {
    std::string out;
    for (const xmlNode* c = a->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) out += reinterpret_cast<const char*>(c->content);
    }
    return out;
}

}  // namespace

WalkOutcome walk(std::string_view utf8, Visitor& visitor) {
    html::init_libxml();
    WalkOutcome outcome;
    const std::string doc = repair(utf8);
    if (doc.size() > static_cast<std::size_t>(INT_MAX)) {
        outcome.error = "too large for the XML parser";
        return outcome;
    }
    Problems streaming;
    if (read_streaming(doc, visitor, streaming)) return outcome;
    if (!streaming.hostile.empty()) {
        outcome.error = streaming.hostile;
        outcome.error_line = streaming.hostile_line;
        return outcome;
    }
    visitor.restart();
    Problems recovering;
    if (!read_recovering(doc, visitor, recovering)) {
        outcome.error = streaming.first.empty() ? "not readable as XML" : "not readable as XML: " + streaming.first;
        outcome.error_line = streaming.first_line;
        return outcome;
    }
    if (!recovering.hostile.empty()) {
        outcome.error = recovering.hostile;
        outcome.error_line = recovering.hostile_line;
        return outcome;
    }
    const auto what = streaming.first.empty() ? std::string() : " (" + line_note(streaming.first_line) + streaming.first + ")";
    outcome.warning = "malformed XML" + what + "; read in recovery mode, some text may be lost";
    return outcome;
}

std::string text_below(const xmlNode* element) {
    std::string out;
    if (element) collect_text(element->children, out);
    return out;
}

std::string attribute(const xmlNode* element, std::string_view name) {
    const auto* a = find_attribute(element, name, {});
    return a ? value_of(a) : std::string();
}

std::string language_of(const xmlNode* element) {
    for (const xmlNode* n = element; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
        if (const auto* a = find_attribute(n, "lang", xml_namespace)) return value_of(a);
    }
    return {};
}

std::string base_of(const xmlNode* element) {
    std::vector<std::string> bases;  // the nearest first
    for (const xmlNode* n = element; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
        if (const auto* a = find_attribute(n, "base", xml_namespace)) bases.push_back(value_of(a));
    }
    std::string base;
    for (auto it = bases.rbegin(); it != bases.rend(); ++it) {
        if (base.empty()) {
            base = *it;
            continue;
        }
        xmlChar* built = xmlBuildURI(reinterpret_cast<const xmlChar*>(it->c_str()), reinterpret_cast<const xmlChar*>(base.c_str()));
        base = built ? reinterpret_cast<const char*>(built) : *it;
        xmlFree(built);
    }
    return base;
}

std::string_view local_name(const xmlNode* element) {
    const std::string_view name = html::name(element);
    const auto colon = name.find(':');
    return element->ns || colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view namespace_of(const xmlNode* element) {
    if (element->ns && element->ns->href) return reinterpret_cast<const char*>(element->ns->href);
    const std::string_view name = html::name(element);
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? std::string_view() : name.substr(0, colon);
}

std::string markup_below(const xmlNode* element) {
    std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer(xmlBufferCreate(), xmlBufferFree);
    if (!buffer) return {};
    for (xmlNode* c = element->children; c; c = c->next) xmlNodeDump(buffer.get(), element->doc, c, 0, 0);
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                       static_cast<std::size_t>(xmlBufferLength(buffer.get())));
}

}  // namespace newsfacet::detail::xml
