#include "http_server.hpp"

#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <exception>
#include <memory>
#include <thread>

#include <httplib.h>

#include <newsfacet/error.hpp>

#include "worker_pool.hpp"

namespace newsfacet::server {

namespace {

constexpr std::size_t max_body_bytes = 4096;  // the API reads no body: anything larger is 413

// The text of a log field with control bytes escaped, so a request cannot write to the
// terminal reading the log, and cut to a line's worth.
std::string printable(const std::string& text) {
    constexpr std::size_t most = 300;
    std::string out;
    for (const char c : text.substr(0, most)) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f || c == '"' || c == '\\') {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", u);
            out += escaped;
        } else {
            out += c;
        }
    }
    if (text.size() > most) out += "...";
    return out;
}

std::string utc_now() {
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

void log_request(const httplib::Request& req, const httplib::Response& res) {
    const auto timing = res.get_header_value("Server-Timing");
    std::fprintf(stderr, "%s %s \"%s %s\" %d %zu%s%s\n", utc_now().c_str(), req.remote_addr.c_str(),
                 printable(req.method).c_str(), printable(req.target).c_str(), res.status, res.body.size(),
                 timing.empty() ? "" : " ", timing.c_str());
}

// Moves the service's answer into httplib's: headers, then the body whole or streamed.
void send(const serve::Response& answer, httplib::Response& res) {
    res.status = answer.status;
    for (const auto& [name, value] : answer.headers) res.set_header(name, value);
    if (!answer.stream) {
        if (!answer.content_type.empty()) res.set_content(answer.body, answer.content_type.c_str());
        return;
    }
    auto stream = std::make_shared<std::function<bool(std::string&)>>(answer.stream);
    res.set_chunked_content_provider(answer.content_type, [stream](std::size_t, httplib::DataSink& sink) {
        std::string piece;
        bool more = false;
        try {
            more = (*stream)(piece);
        } catch (const std::exception& e) {
            // A later page of an export failed (the index replaced or removed meanwhile, a
            // shard gone): httplib's workers catch nothing, so the exception would end the
            // process. The connection is dropped without the last chunk instead: the client
            // sees a download cut short, never a complete-looking one.
            std::fprintf(stderr, "newsfacet-serve: export cut short: %s\n", e.what());
            return false;
        }
        if (!piece.empty() && !sink.write(piece.data(), piece.size())) return false;
        if (!more) sink.done();
        return true;
    });
}

void install_routes(httplib::Server& http, serve::Service& service) {
    auto handler = [&service](const httplib::Request& req, httplib::Response& res) {
        const auto start = std::chrono::steady_clock::now();
        const auto answer = service.handle({req.method, req.target});
        const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
        send(answer, res);
        char timing[48];
        std::snprintf(timing, sizeof timing, "app;dur=%.2f", took.count());
        res.set_header("Server-Timing", timing);
    };
    const std::string any = ".*";
    http.Get(any, handler);
    http.Post(any, handler);
    http.Put(any, handler);
    http.Patch(any, handler);
    http.Delete(any, handler);
    http.Options(any, handler);
    // What httplib refuses itself (an oversized target or body, a malformed request line):
    // the service's JSON error and headers, as for its own errors.
    const httplib::Server::HandlerWithResponse refusal = [&service](const httplib::Request&, httplib::Response& res) {
        if (res.has_header("Content-Type")) return httplib::Server::HandlerResponse::Unhandled;  // the service's
        const auto answer = service.refusal(res.status);
        send(answer, res);
        return httplib::Server::HandlerResponse::Handled;
    };
    http.set_error_handler(refusal);
}

}  // namespace

void serve_http(serve::Service& service, const ServerOptions& options) {
    // The signals are taken by a thread of ours (sigwait), not by a handler: every other
    // thread, httplib's workers included, inherits the mask set here.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);  // a client gone mid-answer is a failed write, not the end

    httplib::Server http;
    const auto threads = options.threads;
    http.new_task_queue = [threads] { return new LastIdleFirstPool(threads); };
    http.set_payload_max_length(max_body_bytes);
    // httplib's default sets SO_REUSEPORT, with which a second server on a port in use shares
    // it silently: SO_REUSEADDR alone restarts at once after a stop and refuses a taken port.
    socket_t listening_socket = INVALID_SOCKET;
    http.set_socket_options([&listening_socket](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        listening_socket = sock;
    });
    http.set_read_timeout(std::chrono::seconds(10));
    // httplib closes a kept-alive connection after 5 requests by default: a page's or a
    // tool's run of requests would reconnect every fifth one. Not never: a connection holds
    // its worker, and when clients outnumber workers, the waiting ones get a worker as soon
    // as some busy connection reaches its count.
    http.set_keep_alive_max_count(100);
    // An idle kept-alive connection holds its worker: 2 s (httplib's default is 5) lets a
    // browser's spare connections go before they stall the page's next request.
    http.set_keep_alive_timeout(2);
    // httplib sends an answer's head and body in two writes: with Nagle's algorithm on, the
    // body waits for the client's delayed ACK (40 ms on Linux) on every kept-alive request.
    http.set_tcp_nodelay(true);
    http.set_write_timeout(std::chrono::seconds(10));
    install_routes(http, service);
    if (!options.quiet) http.set_logger(log_request);

    const auto& host = options.listen.host;
    int port = options.listen.port;
    if (port == 0) {
        port = http.bind_to_any_port(host);
    } else if (!http.bind_to_port(host, port)) {
        port = -1;
    }
    if (port < 0) {
        throw Error("cannot listen on " + host + ":" + std::to_string(options.listen.port) +
                    " (in use, or not an address of this machine)");
    }
    // httplib 0.11 listens with a backlog of 5: when 16 clients reconnect at once, the
    // kernel drops the extra connection requests and each client retries after 1 s. Calling
    // listen again on a listening socket only raises its backlog.
    if (listening_socket != INVALID_SOCKET) ::listen(listening_socket, SOMAXCONN);
    const bool v6 = host.find(':') != std::string::npos;
    std::fprintf(stderr, "newsfacet-serve: listening on http://%s%s%s:%d/\n", v6 ? "[" : "", host.c_str(),
                 v6 ? "]" : "", port);

    std::atomic<bool> listened{false};
    std::thread watcher([&http, &stop_signals, &listened] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        // httplib's stop() does nothing before listening has begun: a signal that comes
        // right after the "listening" line would be lost and the server run on.
        while (!http.is_running() && !listened) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        http.stop();
    });
    http.listen_after_bind();
    listened = true;
    // Stopped by the watcher, or listening failed: wake the watcher if it still waits.
    pthread_kill(watcher.native_handle(), SIGTERM);
    watcher.join();
}

}  // namespace newsfacet::server
