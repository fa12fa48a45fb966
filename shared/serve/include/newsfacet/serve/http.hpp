#pragma once
// HTTP requests and answers as plain data, so the service can be called (and tested, and
// fuzzed) without sockets. The server binary moves them to and from its HTTP library.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <newsfacet/error.hpp>

namespace newsfacet::serve {

/// A request the service refuses: the HTTP status to answer with (400, 404, 405, 413, 414,
/// 429, 503) and the query parameter at fault ("" when no one parameter is).
class HttpError : public Error {
public:
    HttpError(int status, std::string parameter, const std::string& message)
        : Error(message), m_status(status), m_parameter(std::move(parameter)) {}
    [[nodiscard]] int status() const noexcept { return m_status; }
    [[nodiscard]] const std::string& parameter() const noexcept { return m_parameter; }

private:
    int m_status;
    std::string m_parameter;
};

/// One request as it came: the method and the request target exactly as sent (path and query
/// string, still percent-encoded: an article id may hold an encoded "/", which only the raw
/// target tells apart from a path separator).
struct Request {
    std::string method = "GET";
    std::string target;  ///< e.g. "/api/v1/search?q=embassy&country=Ukraine"
};

/// Query parameters in the order given; a name may repeat.
using Parameters = std::vector<std::pair<std::string, std::string>>;

/// A request target split and decoded: `segments` are the path's segments, each
/// percent-decoded on its own ("/api/v1/articles/a%2Fb" -> {"api", "v1", "articles", "a/b"});
/// `parameters` the query string's, decoded as a form ('+' is a space).
struct Target {
    std::vector<std::string> segments;
    Parameters parameters;
};

/// An answer. `body` holds the whole answer, or `stream` (when set) writes it piece by piece:
/// each call appends the next piece to its argument and returns false once the answer is
/// complete (the piece it appended, possibly empty, is the last). The server stops calling it
/// when the client goes away; whatever it holds is released when the Response is destroyed.
struct Response {
    int status = 200;
    std::string content_type;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  ///< Besides Content-Type.
    std::function<bool(std::string&)> stream;

    /// The value of header `name` (compared case-insensitively), "" when absent.
    [[nodiscard]] std::string header(std::string_view name) const;
};

/// Splits and decodes a request target (origin form: "/path?query"). Throws HttpError
/// (400) naming the problem for a target that does not start with '/', a malformed percent escape
/// ("%4", "%zz") or a decoded segment or parameter holding a NUL byte. Empty parameters
/// ("a=1&&b=2") are skipped; a name without '=' has the value "". Cost: linear in its size.
[[nodiscard]] Target parse_target(std::string_view target);

/// Percent-decodes `text`; with `plus_is_space`, '+' is a space (forms). Throws HttpError (400)
/// for a malformed escape.
[[nodiscard]] std::string percent_decode(std::string_view text, bool plus_is_space);

/// Percent-encodes `text` for a path segment or parameter value: everything but
/// A-Z a-z 0-9 - . _ ~ is escaped.
[[nodiscard]] std::string percent_encode(std::string_view text);

/// Where a server listens.
struct ListenAddress {
    std::string host;  ///< An IPv4 or IPv6 address or a host name (IPv6 without brackets).
    int port = 0;      ///< 0: any free port.
};

/// Parses "HOST:PORT" ("127.0.0.1:8080", "[::1]:8080", "localhost:0") or ":PORT" (loopback).
/// Throws UsageError naming the problem for a missing or non-numeric port, a port above
/// 65535, or an unclosed IPv6 bracket.
[[nodiscard]] ListenAddress parse_listen(std::string_view text);

}  // namespace newsfacet::serve
