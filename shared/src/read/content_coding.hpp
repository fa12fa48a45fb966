#pragma once
// HTTP content codings that libarchive does not undo: deflate (zlib, RFC 9110) and br
// (Brotli, RFC 7932), as web archives keep responses from browsers and servers.

#include <cstddef>
#include <string_view>

#include "read/http.hpp"

namespace newsfacet::detail::http {

/// Undoes `deflate`: a zlib stream as RFC 9110 says, or the raw deflate data many servers
/// send instead (told by the first bytes). Stops with an error past `max_bytes` of output
/// (a decompression bomb) or on damaged or cut data. Cost: one pass, output-sized memory.
[[nodiscard]] Body inflate_deflate(std::string_view bytes, std::size_t max_bytes);

/// Undoes `br` (Brotli), with the same caps and errors as inflate_deflate.
[[nodiscard]] Body decode_brotli(std::string_view bytes, std::size_t max_bytes);

}  // namespace newsfacet::detail::http
