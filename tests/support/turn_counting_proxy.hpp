#pragma once
// A TCP proxy in front of a server that counts the client's turns: how many times the client
// sends a request and then waits for the answer (requests sent together, before reading,
// count once). What a remote shard's round trips cost a search.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <thread>

namespace newsfacet::testing {

class TurnCountingProxy {
public:
    /// Listens on a free port of 127.0.0.1 and forwards each connection (one at a time) to
    /// `target_port` there. port() is 0 if it could not listen.
    explicit TurnCountingProxy(int target_port) : m_target(target_port) {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr = loopback(0);
        socklen_t len = sizeof addr;
        if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
            ::listen(m_listener, 8) != 0 || ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
            return;
        }
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~TurnCountingProxy() {
        m_stop = true;
        if (m_thread.joinable()) m_thread.join();
        if (m_listener >= 0) ::close(m_listener);
    }
    TurnCountingProxy(const TurnCountingProxy&) = delete;
    TurnCountingProxy& operator=(const TurnCountingProxy&) = delete;

    [[nodiscard]] int port() const { return m_port; }
    /// Turns of every connection so far.
    [[nodiscard]] std::uint64_t turns() const { return m_turns; }
    void reset() { m_turns = 0; }

private:
    static sockaddr_in loopback(int port) {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        return addr;
    }

    void serve() {
        while (!m_stop) {
            pollfd listening{m_listener, POLLIN, 0};
            if (::poll(&listening, 1, 50) <= 0) continue;
            const int client = ::accept(m_listener, nullptr, nullptr);
            if (client < 0) continue;
            const int server = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in addr = loopback(m_target);
            if (server >= 0 && ::connect(server, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) relay(client, server);
            if (server >= 0) ::close(server);
            ::close(client);
        }
    }

    // Forwards both ways until either side closes; a client's send after the server spoke
    // (or its first) is a new turn.
    void relay(int client, int server) {
        bool server_spoke = true;
        char buffer[65536];
        while (!m_stop) {
            pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
            if (::poll(fds, 2, 50) <= 0) continue;
            for (int side = 0; side < 2; ++side) {
                if (!(fds[side].revents & (POLLIN | POLLHUP | POLLERR))) continue;
                const ssize_t n = ::read(fds[side].fd, buffer, sizeof buffer);
                if (n <= 0) return;
                if (side == 0 && server_spoke) ++m_turns;
                server_spoke = side == 1;
                for (ssize_t sent = 0; sent < n;) {
                    const ssize_t k = ::write(fds[1 - side].fd, buffer + sent, static_cast<std::size_t>(n - sent));
                    if (k <= 0) return;
                    sent += k;
                }
            }
        }
    }

    int m_target;
    int m_listener = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<std::uint64_t> m_turns{0};
    std::thread m_thread;
};

}  // namespace newsfacet::testing
