#pragma once
// Reading an XML document safely with libxml2, element by element: its XML reader streams
// the document and builds only the subtrees a visitor takes (one feed item at a time), and a
// document the reader gives up on is read again by the parser in recovery mode.

#include <cstddef>
#include <string>
#include <string_view>

#include <libxml/tree.h>

namespace newsfacet::detail::xml {

/// What a visitor wants of an element.
enum class Step {
    descend,  ///< show it its children, one by one
    take,     ///< give it the element with its whole subtree
    skip,     ///< neither
};

/// What walk() shows the elements of a document to.
class Visitor {
public:
    virtual ~Visitor() = default;
    /// An element all of whose ancestors were descended into (`depth` 0 for the root): its
    /// name, namespace and attributes are read, its children may not be.
    virtual Step enter(xmlNode* element, int depth) = 0;
    /// An element enter() took, with its subtree; the nodes are freed after the call.
    virtual void take(xmlNode* element) = 0;
    /// The document is read again from the start (in recovery mode): forget what was taken.
    virtual void restart() = 0;
};

/// How reading went, besides what the visitor was shown.
struct WalkOutcome {
    std::string error;          ///< set when reading stopped before the end (libxml2's message)
    std::size_t error_line = 0; ///< where, 0 if not known
    std::string warning;        ///< set when the document was malformed and read in recovery mode
};

/// Shows the elements of `utf8` (an XML document in UTF-8; whatever its declaration says) to
/// `visitor`, after mending the slips repair() mends. Nothing is fetched: no network, no DTD
/// or external entity loaded, no entity expanded (references to entities a DTD declares are
/// left as references: an XML "billion laughs" is an error, not gigabytes). libxml2's limits
/// hold: 256 levels of nesting (deeper is an error, not a crash), 10 MB of text in one node.
/// An error in a document that cannot be read whole leaves the visitor with what it took
/// before it; a malformed document that is not hostile is read again in recovery mode (the
/// visitor restarts) and a warning says so. Never throws for bad input. Cost: one pass with
/// the reader (memory: the mended text and the largest subtree taken), two when it is
/// recovered (memory: the tree).
[[nodiscard]] WalkOutcome walk(std::string_view utf8, Visitor& visitor);

/// The text of an element: its text and CDATA below it, with references to entities a DTD
/// declares left out (never expanded). As written, white space kept.
[[nodiscard]] std::string text_below(const xmlNode* element);

/// An attribute's value, whatever its namespace ("" when the element does not have it), with
/// references to entities a DTD declares left out as in text_below() (libxml2's xmlGetProp
/// would expand them).
[[nodiscard]] std::string attribute(const xmlNode* element, std::string_view name);

/// The xml:lang in scope at an element (its own, else its nearest ancestor's), or "".
[[nodiscard]] std::string language_of(const xmlNode* element);

/// The xml:base in scope at an element: its own resolved against its ancestors', or "".
[[nodiscard]] std::string base_of(const xmlNode* element);

/// The local name of an element ("encoded" for content:encoded, whether or not its prefix was
/// declared).
[[nodiscard]] std::string_view local_name(const xmlNode* element);

/// The namespace of an element: its URI, else the prefix of a name whose prefix was never
/// declared ("content" for an undeclared content:encoded), else "".
[[nodiscard]] std::string_view namespace_of(const xmlNode* element);

/// The markup below an element, serialised (an Atom xhtml content's <div>, an RSS
/// description written as elements rather than escaped).
[[nodiscard]] std::string markup_below(const xmlNode* element);

}  // namespace newsfacet::detail::xml
