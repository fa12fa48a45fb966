#pragma once
// The slips of hand-made XML that real feeds are full of, mended before parsing: libxml2's
// XML reader stops at the first of them.

#include <string>
#include <string_view>

namespace newsfacet::detail::xml {

/// `utf8` with its commonest well-formedness errors mended, outside CDATA sections, comments,
/// processing instructions and the DOCTYPE: a bare "&" (in "?a=1&b=2", "AT&T") escaped; HTML's
/// named entities (&nbsp;, &rsquo;, &eacute;) as the characters they name; numeric references
/// to C1 controls (&#146;) as Windows-1252 reads them; references to characters XML forbids
/// dropped; control characters XML forbids (NUL, form feed...) dropped everywhere; the
/// content of RSS's <description> and <content:encoded> put in a CDATA section when it holds
/// raw markup (as the specification has it escaped: unclosed <p> and <br> are common). An entity
/// name nobody declared is escaped too, unless the document has an internal DTD subset (its
/// declarations are left to the parser, which does not expand them). Never throws. Cost:
/// linear in the text.
[[nodiscard]] std::string repair(std::string_view utf8);

}  // namespace newsfacet::detail::xml
