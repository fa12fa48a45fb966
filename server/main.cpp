// newsfacet-serve: the web page and JSON API of a newsfacet index over HTTP.
#include <malloc.h>

#include <cstdlib>
#include <thread>

#include <CLI/CLI.hpp>

#include <newsfacet/cli/options.hpp>
#include <newsfacet/cli/tool.hpp>
#include <newsfacet/serve/service.hpp>

#include "http_server.hpp"
#include "web_assets.hpp"

namespace {

// glibc's malloc maps a large block (from 128 KiB) on its own, returned to the system when
// freed, but each time such a block is freed it raises that size to the block's: a request's
// larger transient blocks then come from the heaps, where the pages they leave between blocks
// still in use stay resident. The server's memory grew 12% over its first 1,000 requests'
// within 10,000 requests without this fixed threshold, 5-8% after 100,000 with it
// (bench/results/serve.md). A process setting, so the binary's, made before any thread
// starts; MALLOC_MMAP_THRESHOLD_ in the environment still wins.
void tune_allocator() {
    if (std::getenv("MALLOC_MMAP_THRESHOLD_") == nullptr) mallopt(M_MMAP_THRESHOLD, 128 * 1024);
}

int run(int argc, char** argv) {
    CLI::App app{"Serve a newsfacet index over HTTP: a web page for exploring it at / and a JSON API under /api/v1/."};
    app.footer(R"(API (README, "Web interface and HTTP API"): /api/v1/search (the query parameters are
newsfacet-search's options: q, country, official, location, organization, source, since, until,
sort, offset, limit, like, collapse=false, expand=false, verbatim=true, facets=false; the answer
is the JSON object of newsfacet-search --json), /api/v1/facets/FACET, /api/v1/articles/ID,
/api/v1/export?format=csv|jsonl, /api/v1/health. Errors are JSON with their HTTP status.

Examples:
  newsfacet-serve --db news.db                      then open http://127.0.0.1:8080/
  newsfacet-serve --db news.db --listen 127.0.0.1:9000 --threads 8
  newsfacet-serve --listen 0.0.0.0:8080              every interface: reachable from elsewhere
  newsfacet-serve --cors https://notebook.example.org   let that site's pages call the API
  curl 'http://127.0.0.1:8080/api/v1/search?q=embassy&country=Ukraine&limit=5'
  curl 'http://127.0.0.1:8080/api/v1/export?q=embassy&format=csv' > embassy.csv

The index is --db, else $NEWSFACET_DB, else ./newsfacet.db; an index updated by
newsfacet-index meanwhile is served as it changes, without a restart. The server listens on
loopback unless --listen says otherwise, logs a line per request on stderr unless --quiet,
and stops on SIGINT or SIGTERM after the requests in flight. Exit status: 0 after a signal,
1 runtime error (cannot listen), 2 usage error.)");
    std::string db, listen = "127.0.0.1:8080", cors;
    // httplib gives each connection a worker for as long as it is kept alive: with fewer workers
    // than open connections, the others wait their turn (16 clients on 8 workers: half of them
    // stalled for seconds). Workers mostly wait on clients, so many more of them than cores.
    std::size_t threads = std::max(32U, 4 * std::thread::hardware_concurrency());
    bool quiet = false;
    app.add_option("--db", db, "Index directory, sharded index or stub file (default: $NEWSFACET_DB or ./newsfacet.db)");
    app.add_option("--listen", listen, "Address and port to listen on: HOST:PORT, [IPv6]:PORT (port 0: any free one)")
        ->capture_default_str();
    app.add_option("--threads", threads, "Connections served at once (worker threads; one per kept-alive connection)")
        ->check(CLI::Range(1, 1024))
        ->capture_default_str();
    app.add_flag("--quiet", quiet, "No access log on stderr");
    app.add_option("--cors", cors, "Allow pages of this origin (https://host[:port]) to call the API; off by default");
    if (auto done = newsfacet::cli::parse_command_line(app, "newsfacet-serve", argc, argv)) return *done;

    newsfacet::server::ServerOptions server;
    server.listen = newsfacet::serve::parse_listen(listen);  // UsageError: exit 2
    server.threads = threads;
    server.quiet = quiet;
    newsfacet::serve::ServiceOptions options;
    options.db = db.empty() ? newsfacet::cli::default_index_path() : std::filesystem::path(db);
    options.cors_origin = cors;
    options.assets = newsfacet::server::web_assets();
    newsfacet::serve::Service service(std::move(options));
    // Opens a searcher before the first request needs it, and says whether the index is there.
    const auto health = service.handle({"GET", "/api/v1/health"});
    if (health.status != 200) newsfacet::cli::print_tool_error("newsfacet-serve", "warning: " + health.body);
    newsfacet::server::serve_http(service, server);
    return newsfacet::cli::exit_success;
}

}  // namespace

int main(int argc, char** argv) {
    tune_allocator();
    return newsfacet::cli::run_tool("newsfacet-serve", [&] { return run(argc, argv); });
}
