#pragma once
// The character encoding of a web page, decided the way browsers decide it, and the page's
// bytes converted to UTF-8.

#include <string>
#include <string_view>

namespace newsfacet::detail {

/// A page's text in UTF-8 and what was found out on the way.
struct DecodedPage {
    std::string text;     ///< UTF-8; bytes the encoding does not define become U+FFFD.
    std::string charset;  ///< The encoding read ("utf-8", "windows-1252", "shift_jis", ...).
    std::string warning;  ///< Set when the page's declaration was wrong or unusable.
};

/// The charset a page declares in its first 1024 bytes (<meta charset>, <meta http-equiv=
/// "Content-Type" content="...; charset=...">, an XML declaration's encoding), lower-cased,
/// or "".
[[nodiscard]] std::string declared_charset(std::string_view bytes);

/// Decodes a page: a byte-order mark, else `transport_charset` (an HTTP header's; "" when
/// unknown), else valid UTF-8 as UTF-8 whatever is declared (pages often declare Latin-1 and
/// are UTF-8), else the declared charset, else Windows-1252. Latin-1 and ASCII labels mean
/// Windows-1252, as in browsers (WHATWG). Never throws. Cost: linear in the bytes.
[[nodiscard]] DecodedPage decode_page(std::string_view bytes, std::string_view transport_charset);

}  // namespace newsfacet::detail
