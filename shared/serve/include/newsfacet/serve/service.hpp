#pragma once
// newsfacet-serve's service: the web page and the JSON API under /api/v1/, answering plain
// Request values with plain Response values (see http.hpp). Thread-safe: the server calls
// handle() from all its worker threads at once.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <newsfacet/searcher.hpp>
#include <newsfacet/serve/http.hpp>
#include <newsfacet/serve/parameters.hpp>

namespace newsfacet::serve {

/// A file of the page, served at "/" + name ("index.html" also at "/").
struct Asset {
    std::string name;  ///< e.g. "app.js"; its extension decides the content type.
    std::string_view body;  ///< Bytes that outlive the Service (embedded in the binary).
};

/// How the service is set up.
struct ServiceOptions {
    std::filesystem::path db;      ///< The index (directory, sharded index or stub file).
    std::string cors_origin;       ///< Origin allowed to call the API from a page elsewhere; "" for none.
    Limits limits;
    std::vector<Asset> assets;     ///< The page's files.
};

/// Answers requests: "/" and the page's files; under /api/v1/: search, facets/<facet>,
/// articles/<id>, export, health (README, "Web interface and HTTP API"). Every answer carries
/// the security headers (a strict Content-Security-Policy, nosniff, no framing) and, when
/// ServiceOptions::cors_origin is set, the API's answers allow that origin. Errors are JSON
/// objects {"status", "error", "parameter"} with the status they name: 400 for a bad
/// parameter (named), 404 for an unknown path or article, 405 for a method other than GET or
/// HEAD, 414 for an oversized target, 429 for too many exports at once, 503 while the index
/// cannot be opened. Never throws.
///
/// Searchers: opened on demand, at most one per request in flight (so one per server thread),
/// kept for the next request, each moved to the index's newest commit before it is used (a
/// cheap check when nothing changed), so an index updated by newsfacet-index meanwhile is
/// seen without a restart.
class Service {
public:
    /// Does not open the index yet (a missing index answers 503 until it appears).
    explicit Service(ServiceOptions options);
    ~Service();
    Service(const Service&) = delete;
    Service& operator=(const Service&) = delete;

    /// Answers one request. Thread-safe. Cost: the search it asks for, if any.
    [[nodiscard]] Response handle(const Request& request) noexcept;

    /// The answer to a request refused before it reached handle() (by the HTTP library: an
    /// oversized target or body, a malformed request): the JSON error for `status`, with the
    /// headers of every answer. Thread-safe, never throws.
    [[nodiscard]] Response refusal(int status) const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// The content type of a file of the page by its extension ("index.html" ->
/// "text/html; charset=utf-8"); "application/octet-stream" for an unknown one.
[[nodiscard]] std::string content_type_of(std::string_view name);

}  // namespace newsfacet::serve
