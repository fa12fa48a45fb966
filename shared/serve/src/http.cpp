#include <newsfacet/serve/http.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace newsfacet::serve {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool same_letters(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

// A decoded piece of the target with a NUL byte would be cut short by C strings further on
// (file names, Xapian terms): refuse it here.
std::string decoded_piece(std::string_view text, bool plus_is_space) {
    auto out = percent_decode(text, plus_is_space);
    if (out.find('\0') != std::string::npos) throw HttpError(400, "", "the request target holds a NUL byte (%00)");
    return out;
}

void parse_query(std::string_view query, Parameters& out) {
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        auto name = decoded_piece(pair.substr(0, eq), true);
        auto value = eq == std::string_view::npos ? std::string() : decoded_piece(pair.substr(eq + 1), true);
        out.emplace_back(std::move(name), std::move(value));
    }
}

}  // namespace

std::string Response::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (same_letters(key, name)) return value;
    }
    return "";
}

std::string percent_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+' && plus_is_space) {
            out += ' ';
        } else if (c != '%') {
            out += c;
        } else {
            const int high = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
            const int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
            if (high < 0 || low < 0) {
                throw HttpError(400, "", "malformed percent escape in the request target: '" +
                                             std::string(text.substr(i, 3)) + "'");
            }
            out += static_cast<char>(high * 16 + low);
            i += 2;
        }
    }
    return out;
}

std::string percent_encode(std::string_view text) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += digits[u >> 4];
            out += digits[u & 15];
        }
    }
    return out;
}

Target parse_target(std::string_view target) {
    if (target.empty() || target.front() != '/') {
        throw HttpError(400, "", "the request target must be a path starting with '/'");
    }
    Target out;
    const auto question = target.find('?');
    auto path = target.substr(1, question == std::string_view::npos ? std::string_view::npos : question - 1);
    if (question != std::string_view::npos) parse_query(target.substr(question + 1), out.parameters);
    // A fragment is never sent by a client; one that is sent is part of the last piece.
    while (!path.empty()) {
        const auto slash = path.find('/');
        out.segments.push_back(decoded_piece(path.substr(0, slash), false));
        path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    }
    return out;
}

ListenAddress parse_listen(std::string_view text) {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos) throw UsageError("--listen: HOST:PORT, not '" + std::string(text) + "'");
    ListenAddress out;
    auto host = text.substr(0, colon);
    const auto port = text.substr(colon + 1);
    if (host.starts_with('[') != host.ends_with(']')) {
        throw UsageError("--listen: an IPv6 address goes in brackets: [::1]:8080, not '" + std::string(text) + "'");
    }
    if (host.starts_with('[')) host = host.substr(1, host.size() - 2);
    out.host = host.empty() ? "127.0.0.1" : std::string(host);
    const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), out.port);
    if (port.empty() || error != std::errc() || end != port.data() + port.size() || out.port < 0 || out.port > 65535) {
        throw UsageError("--listen: the port is a number from 0 to 65535, not '" + std::string(port) + "'");
    }
    return out;
}

}  // namespace newsfacet::serve
