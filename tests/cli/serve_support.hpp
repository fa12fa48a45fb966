#pragma once
// newsfacet-serve in the CLI tests: the binary started on a free loopback port (it picks the
// port itself: --listen 127.0.0.1:0, and says which), an HTTP client for it, and a clean stop.

#include <signal.h>

#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <httplib.h>

#include "spawn.hpp"
#include "temp_dir.hpp"

namespace newsfacet::testing {

inline const std::string serve_bin = NEWSFACET_SERVE_BIN;

/// A running newsfacet-serve, its stdout and stderr in a log file; killed if still running
/// when it goes out of scope.
class ServeProcess {
public:
    /// Starts newsfacet-serve with `args` plus --listen 127.0.0.1:0 and waits until it says
    /// where it listens (port() is -1 if it exited first: see log()).
    ServeProcess(const TempDir& dir, std::vector<std::string> args, const std::string& name = "serve.log")
        : m_log(dir / name) {
        args.insert(args.begin(), serve_bin);
        args.insert(args.end(), {"--listen", "127.0.0.1:0"});
        m_pid = spawn_to_file(args, m_log);
        if (m_pid <= 0 || !wait_for_output(m_pid, m_log, "listening on http://")) return;
        // The line is written whole, but maybe not yet its end: wait for the newline.
        static const std::regex where(R"(listening on http://127\.0\.0\.1:([0-9]+)/\n)");
        std::smatch m;
        for (;;) {
            const auto text = log();
            if (std::regex_search(text, m, where)) {
                m_port = std::stoi(m[1]);
                return;
            }
            if (has_ended(m_pid)) return;
        }
    }
    ~ServeProcess() {
        if (m_pid > 0 && !m_reaped) {
            ::kill(m_pid, SIGKILL);
            (void)exit_code_of(m_pid);
        }
    }
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] std::string log() const { return file_text(m_log); }

    /// Waits until the log holds `text` (the access line follows the answer) or the server
    /// ended: true if it appeared.
    bool wait_for_log(const std::string& text) const { return wait_for_output(m_pid, m_log, text); }

    /// A client for the server (one connection per request: the tests check each alone).
    [[nodiscard]] httplib::Client client() const {
        httplib::Client c("127.0.0.1", m_port);
        c.set_keep_alive(false);
        c.set_url_encode(false);  // targets go as written ('+' is a space, not "%2B")
        c.set_read_timeout(std::chrono::seconds(120));  // a loaded machine
        return c;
    }

    /// Sends `signal` and waits for the server to end: its exit code, -1 if a signal ended it.
    int stop(int signal = SIGTERM) {
        if (m_pid <= 0 || m_reaped) return -1;
        ::kill(m_pid, signal);
        m_reaped = true;
        return exit_code_of(m_pid);
    }

private:
    std::filesystem::path m_log;
    pid_t m_pid = -1;
    int m_port = -1;
    bool m_reaped = false;
};

}  // namespace newsfacet::testing
