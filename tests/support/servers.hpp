#pragma once
// Servers in tests: free ports, waiting for a listener, background processes stopped with
// everything they forked (xapian-tcpsrv and xapian-replicate-server fork per connection).

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace newsfacet::testing {

namespace fs = std::filesystem;

/// The full path of `program` found on $PATH, or "" if it is not there.
inline std::string find_on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        if (!dir.empty() && ::access((fs::path(dir) / program).c_str(), X_OK) == 0) return (fs::path(dir) / program).string();
    }
    return {};
}

inline bool on_path(const std::string& program) { return !find_on_path(program).empty(); }

inline std::string read_file(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// A port nothing listens on right now: the kernel's pick for a socket bound to port 0.
/// Another process may still take it before the server binds it; start_server() retries.
inline int unused_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    int port = -1;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
        port = ntohs(addr.sin_port);
    }
    ::close(fd);
    return port;
}

inline bool accepts_connections(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

/// A background process in its own process group, stopped (with everything it forked: the
/// server forks a handler per connection) when this goes out of scope, also when an
/// assertion ends the test early.
class Background {
public:
    /// Starts `args` (argv[0] a path), its stdout and stderr appended to `log`.
    Background(const std::vector<std::string>& args, const fs::path& log) {
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
        posix_spawnattr_t attr;
        posix_spawnattr_init(&attr);
        posix_spawnattr_setflags(&attr, static_cast<short>(POSIX_SPAWN_SETPGROUP));
        posix_spawnattr_setpgroup(&attr, 0);  // a new group, numbered as the child
        pid_t pid = -1;
        if (posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ) == 0) m_pid = pid;
        posix_spawnattr_destroy(&attr);
        posix_spawn_file_actions_destroy(&actions);
    }
    ~Background() { stop(); }
    Background(const Background&) = delete;
    Background& operator=(const Background&) = delete;

    [[nodiscard]] bool started() const { return m_pid > 0; }

    /// True once the process has exited (it is then reaped and its status kept).
    bool exited() {
        if (m_pid <= 0) return m_exited;
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_exited = true;
            m_pid = -1;
        }
        return m_exited;
    }

    void stop() {
        if (m_pid <= 0) return;
        ::kill(-m_pid, SIGTERM);
        // Give it time to go on a loaded machine, then insist.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (!exited() && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        if (m_pid > 0) {
            ::kill(-m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
            m_pid = -1;
        }
    }

private:
    pid_t m_pid = -1;
    bool m_exited = false;
};

/// True if a TCP socket can listen on 127.0.0.1 here (a sandbox may have no loopback).
inline bool loopback_available() { return unused_port() > 0; }

/// A server started by start_listening() and the port it listens on (-1: it never did).
struct Listening {
    std::unique_ptr<Background> process;
    int port = -1;
};

/// Starts the command `command(port)` (argv[0] a path) on a free port, its output in `log`, and
/// waits (up to 120 s, for a loaded machine) until 127.0.0.1:port accepts connections. When it
/// exits first (the port was taken meanwhile), tries another port, 10 times at most.
inline Listening start_listening(const std::function<std::vector<std::string>(int port)>& command, const fs::path& log) {
    for (int attempt = 0; attempt < 10; ++attempt) {
        Listening server;
        server.port = unused_port();
        if (server.port <= 0) continue;
        server.process = std::make_unique<Background>(command(server.port), log);
        if (!server.process->started()) break;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
        while (std::chrono::steady_clock::now() < deadline) {
            if (server.process->exited()) break;
            if (accepts_connections(server.port)) return server;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        // Exited (its message is in the log) or never listened: stopped, another port.
    }
    return {};
}

/// Stock xapian-tcpsrv serving the database `db` on 127.0.0.1 (start_listening), its output
/// in `log`.
inline Listening serve_with_tcpsrv(const fs::path& db, const fs::path& log) {
    const auto program = find_on_path("xapian-tcpsrv");
    return start_listening(
        [&](int port) {
            return std::vector<std::string>{program, "--interface", "127.0.0.1", "--port", std::to_string(port),
                                            db.string()};
        },
        log);
}

}  // namespace newsfacet::testing
