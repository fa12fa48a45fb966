// newsfacet-bench-serve-load: a load client for newsfacet-serve (issue 19's load targets).
//
// N clients, each on its own kept-alive connection, send mixed /api/v1/search requests (the
// queries of a file, one a line, taken in turn; every fourth request adds a country filter,
// every fifth sorts by date: the same mix as bench/serve-load.lua for wrk). Two modes:
//   --rate 0 (default)  closed loop: each client sends its next request when the last is
//                       answered; measures the highest throughput.
//   --rate R            open loop at R requests/s in total, spread evenly over the clients;
//                       each latency counts from when the request was due, not when it was
//                       sent, so a stalled server shows in the percentiles (no coordinated
//                       omission, as wrk2 measures).
// With --pid, the server's resident memory (VmRSS) is read after 1,000, 10,000, 50,000 and
// 100,000 answers (then every 100,000) and at the end, for the "memory flat after 100,000
// requests" measure; each reading is printed as it is taken, with its change over 1,000.
#include <CLI/CLI.hpp>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    std::string url = "http://127.0.0.1:8080";
    std::string queries_path;
    std::size_t clients = 16;
    double rate = 0;
    double duration_s = 30;
    std::size_t max_requests = 0;
    long server_pid = 0;
};

struct Totals {
    std::mutex lock;
    std::vector<double> latencies_ms;
    std::size_t errors = 0;
};

std::vector<std::string> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read the query file " + path);
    std::vector<std::string> queries;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) queries.push_back(line);
    if (queries.empty()) throw std::runtime_error("no queries in " + path);
    return queries;
}

std::string request_target(const std::vector<std::string>& queries, std::size_t n) {
    std::string target = "/api/v1/search?q=" + httplib::detail::encode_query_param(queries[n % queries.size()]);
    if (n % 4 == 0) target += "&country=United+States";
    if (n % 5 == 0) target += "&sort=newest";
    return target;
}

// Resident memory of a process in KiB, 0 when it cannot be read.
long resident_kib(long pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}

double percentile(std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    const auto rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(rank, sorted.size() - 1)];
}

class LoadRun {
public:
    LoadRun(const Options& options, std::vector<std::string> queries)
        : m_options(options), m_queries(std::move(queries)) {}

    void run() {
        m_start = Clock::now();
        m_deadline = m_start + std::chrono::duration_cast<Clock::duration>(
                                   std::chrono::duration<double>(m_options.duration_s));
        std::vector<std::thread> clients;
        for (std::size_t c = 0; c < m_options.clients; ++c) clients.emplace_back([this, c] { client(c); });
        for (auto& thread : clients) thread.join();
        m_elapsed_s = std::chrono::duration<double>(Clock::now() - m_start).count();
    }

    void report() {
        auto& latencies = m_totals.latencies_ms;
        std::sort(latencies.begin(), latencies.end());
        std::printf("clients %zu, %s, requests %zu, errors %zu, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, "
                    "max %.2f ms, %.1f req/s\n",
                    m_options.clients,
                    mode().c_str(),
                    latencies.size() + m_totals.errors, m_totals.errors, percentile(latencies, 50),
                    percentile(latencies, 95), percentile(latencies, 99), latencies.empty() ? 0 : latencies.back(),
                    static_cast<double>(latencies.size()) / m_elapsed_s);
        if (m_options.server_pid > 0)
            std::printf("server VmRSS: %ld KiB after 1,000 answers, %ld KiB at the end (%+.1f%%)\n",
                        m_rss_after_1000.load(), resident_kib(m_options.server_pid),
                        m_rss_after_1000 > 0 ? 100.0 * (static_cast<double>(resident_kib(m_options.server_pid)) /
                                                             static_cast<double>(m_rss_after_1000.load()) - 1)
                                             : 0.0);
    }

private:
    [[nodiscard]] std::string mode() const {
        if (m_options.rate <= 0) return "closed loop";
        char text[64];
        std::snprintf(text, sizeof text, "open loop at %.0f req/s", m_options.rate);
        return text;
    }

    // Whether another request may start: the time and the request budget both hold.
    bool take_ticket(std::size_t& n) {
        if (Clock::now() >= m_deadline) return false;
        n = m_next.fetch_add(1);
        return m_options.max_requests == 0 || n < m_options.max_requests;
    }

    Clock::time_point due_time(std::size_t client, std::size_t sent) const {
        // Client c sends its k-th request at (k * clients + c) / rate: the total rate, evenly spread.
        const double at_s = static_cast<double>(sent * m_options.clients + client) / m_options.rate;
        return m_start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(at_s));
    }

    void client(std::size_t c) {
        httplib::Client http(m_options.url);
        http.set_keep_alive(true);
        http.set_read_timeout(std::chrono::seconds(30));
        std::vector<double> latencies;
        std::size_t errors = 0, n = 0;
        for (std::size_t sent = 0; take_ticket(n); ++sent) {
            auto due = Clock::now();
            if (m_options.rate > 0) {
                due = due_time(c, sent);
                std::this_thread::sleep_until(due);
            }
            const auto answer = http.Get(request_target(m_queries, n));
            if (!answer || answer->status != 200) {
                ++errors;
                continue;
            }
            latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - due).count());
            note_memory(m_answered.fetch_add(1) + 1);
        }
        std::lock_guard guard(m_totals.lock);
        m_totals.latencies_ms.insert(m_totals.latencies_ms.end(), latencies.begin(), latencies.end());
        m_totals.errors += errors;
    }

    // The server's VmRSS after `answered` answers, if that is a milestone (see the top).
    void note_memory(std::size_t answered) {
        if (m_options.server_pid <= 0) return;
        const bool milestone = answered == 1000 || answered == 10000 || answered == 50000 || answered % 100000 == 0;
        if (!milestone) return;
        const long rss = resident_kib(m_options.server_pid);
        if (answered == 1000) m_rss_after_1000 = rss;
        const long base = m_rss_after_1000.load();
        std::printf("server VmRSS after %zu answers: %ld KiB (%+.1f%% over 1,000)\n", answered, rss,
                    base > 0 ? 100.0 * (static_cast<double>(rss) / static_cast<double>(base) - 1) : 0.0);
        std::fflush(stdout);
    }

    const Options& m_options;
    std::vector<std::string> m_queries;
    Clock::time_point m_start, m_deadline;
    double m_elapsed_s = 0;
    std::atomic<std::size_t> m_next{0}, m_answered{0};
    std::atomic<long> m_rss_after_1000{0};
    Totals m_totals;
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{R"HELP(Load client for newsfacet-serve: mixed searches from N kept-alive clients.

Examples:
  # highest throughput of 1 and of 16 clients for 30 s
  newsfacet-bench-serve-load --queries ../shared/bench/queries-reuters-train.txt --clients 1
  newsfacet-bench-serve-load --queries ../shared/bench/queries-reuters-train.txt --clients 16
  # 16 clients at a fixed 300 requests/s in total (latency from when each request was due)
  newsfacet-bench-serve-load --queries Q.txt --clients 16 --rate 300
  # 100,000 requests, the server's memory after the first 1,000 and at the end
  newsfacet-bench-serve-load --queries Q.txt --requests 100000 --duration 3600 --pid "$(pgrep newsfacet-serve)")HELP"};
    Options options;
    app.add_option("--url", options.url, "Server to load")->capture_default_str();
    app.add_option("--queries", options.queries_path, "Query file, one query a line")->required();
    app.add_option("--clients", options.clients, "Connections, each a thread")->check(CLI::Range(1, 1024))->capture_default_str();
    app.add_option("--rate", options.rate, "Total requests per second (0: as fast as answered)")->check(CLI::NonNegativeNumber);
    app.add_option("--duration", options.duration_s, "Seconds to run")->check(CLI::PositiveNumber)->capture_default_str();
    app.add_option("--requests", options.max_requests, "Stop after this many requests (0: no limit)");
    app.add_option("--pid", options.server_pid, "Server process whose resident memory to report");
    CLI11_PARSE(app, argc, argv);
    try {
        LoadRun run(options, read_queries(options.queries_path));
        run.run();
        run.report();
    } catch (const std::exception& error) {
        std::cerr << "newsfacet-bench-serve-load: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
