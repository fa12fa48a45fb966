#pragma once
// HTTP/1.x responses as web archives record them: the status line, the headers, and the body
// with its transfer coding (chunked) and content codings (gzip, ...) undone.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacet::detail::http {

/// One header field as written (a folded value joined with a space).
struct Header {
    std::string name;
    std::string value;
};

/// Adds one header line (without its line end) to `headers`: "Name: value", or a line
/// starting with a space or tab that continues the previous value (obsolete folding, which
/// WARC 1.0 still allows). False for a line that is neither (nothing is added). Shared by
/// HTTP and WARC heads, which use the same syntax.
[[nodiscard]] bool add_header_line(std::vector<Header>& headers, std::string_view line);

/// The first value of header `name` (case-insensitive) in `headers`, trimmed; "" if none.
[[nodiscard]] std::string header_value(const std::vector<Header>& headers, std::string_view name);

/// A response's head and its body as recorded (codings still on).
struct Response {
    int status = 0;               ///< 100-999
    std::vector<Header> headers;  ///< in order
    std::string_view body;        ///< the bytes after the head: a view into what was parsed
    std::string error;            ///< set when the bytes are not an HTTP response (nothing else is)
};

/// Parses "HTTP/1.1 200 OK" (also HTTP/1.0, HTTP/2 and a missing reason), the header lines
/// (CRLF or bare LF ends; a line starting with a space or tab continues the previous value)
/// up to the blank line; the rest is the body (empty if the head never ends). Never throws.
/// Cost: linear in the head.
[[nodiscard]] Response parse_response(std::string_view bytes);

/// A Content-Type's media type ("text/html", lower-cased, "" when absent) and its charset
/// parameter (lower-cased, quotes removed, "" when absent).
struct MediaType {
    std::string type;
    std::string charset;
};

/// Parses a Content-Type value ("text/html; charset=UTF-8"). Never throws.
[[nodiscard]] MediaType media_type(std::string_view content_type);

/// The comma-separated tokens of every `name` header, lower-cased, in order
/// ("Transfer-Encoding: gzip, chunked" gives {"gzip", "chunked"}).
[[nodiscard]] std::vector<std::string> header_tokens(const std::vector<Header>& headers, std::string_view name);

/// A body with its codings undone.
struct Body {
    std::string bytes;
    std::string error;    ///< set when the body cannot be decoded (bytes is then empty)
    std::string warning;  ///< set for a body read as far as it goes (a chunked body cut short)
};

/// Undoes `Transfer-Encoding: chunked`: chunk sizes in hex with extensions (";name=value")
/// ignored, trailers after the last chunk ignored, CRLF or bare LF. A body that ends before
/// its last chunk is kept as far as it goes, with a warning; one that does not start with a
/// chunk size is taken as stored de-chunked already (archives do that under the original
/// header). A malformed chunk size after the first and a result over `max_bytes` are errors. Never throws. Cost: linear in the body.
[[nodiscard]] Body dechunk(std::string_view chunked, std::size_t max_bytes);

/// Undoes content codings (or transfer codings other than chunked) applied in the order
/// given, the last first: gzip/x-gzip, zstd, bzip2, xz (libarchive); "identity" is nothing.
/// Bytes that are not in the coding named are taken as already decoded (archives often store
/// decoded bodies under the original header). An unsupported coding (br, deflate, compress),
/// a corrupt stream or a result over `max_bytes` is an error. Never throws. Cost: linear in
/// the decoded size.
[[nodiscard]] Body decode(std::string bytes, const std::vector<std::string>& codings, std::size_t max_bytes);

/// A response's body with its transfer and content codings undone (dechunk, then decode).
[[nodiscard]] Body decoded_body(const Response& response, std::size_t max_bytes);

}  // namespace newsfacet::detail::http
