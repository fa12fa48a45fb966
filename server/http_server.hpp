#pragma once
// The HTTP side of newsfacet-serve: cpp-httplib's server in front of a serve::Service.

#include <cstddef>
#include <string>

#include <newsfacet/serve/http.hpp>
#include <newsfacet/serve/service.hpp>

namespace newsfacet::server {

/// How the HTTP server runs.
struct ServerOptions {
    serve::ListenAddress listen{"127.0.0.1", 8080};
    std::size_t threads = 4;  ///< Worker threads (connections served at once).
    bool quiet = false;       ///< No access log.
};

/// Serves `service` until SIGINT or SIGTERM, then stops taking connections, lets the requests
/// in flight finish and returns. Prints "newsfacet-serve: listening on http://HOST:PORT/" on
/// stderr once it listens, and an access line per request unless `quiet`. Blocks SIGINT and
/// SIGTERM in the calling thread (call it before starting other threads). Throws Error when
/// it cannot listen on the address.
void serve_http(serve::Service& service, const ServerOptions& options);

}  // namespace newsfacet::server
