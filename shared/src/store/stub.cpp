#include "store/stub.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

namespace newsfacet::detail {

namespace fs = std::filesystem;

std::string shard_name(unsigned shard) { return "shard-" + std::to_string(shard); }

std::string stub_text(unsigned shards) {
    std::string text;
    for (unsigned k = 0; k < shards; ++k) text += "auto " + shard_name(k) + "\n";
    return text;
}

namespace {

// True if every line of `text` is one Xapian reads in a stub database file (a backend and
// where: auto, glass, chert, remote, inmemory; blank; a '#' comment), and there is one.
bool is_stub_text(std::string_view text) {
    std::istringstream lines{std::string(text)};
    std::string line;
    bool any = false;
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        std::string backend;
        if (!(words >> backend) || backend[0] == '#') continue;
        if (backend != "auto" && backend != "glass" && backend != "chert" && backend != "remote" &&
            backend != "inmemory") {
            return false;
        }
        any = true;
    }
    return any;
}

// `remote HOST:PORT` (one colon: a line starting with ':' names a program instead, and other
// forms, such as IPv6 addresses, are left to Xapian to read).
void read_tcp_address(const std::string& where, StubLine& line) {
    const auto colon = where.find(':');
    if (colon == 0 || colon == std::string::npos || where.rfind(':') != colon ||
        where.find_first_of(" \t[]") != std::string::npos) {
        return;
    }
    const std::string port = where.substr(colon + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) return;
    const auto number = std::stoul(port);
    if (number == 0 || number > 65535) return;
    line.host = where.substr(0, colon);
    line.port = static_cast<unsigned>(number);
}

}  // namespace

std::optional<unsigned> shards_in_stub(std::string_view text, unsigned max_shards) {
    unsigned shards = 0;
    while (shards < max_shards && text.size() > stub_text(shards).size()) ++shards;
    if (shards > 0 && text == stub_text(shards)) return shards;
    const bool cut_short = stub_text(max_shards).starts_with(text);
    const bool edited = text.starts_with("auto " + shard_name(0));
    if (!is_stub_text(text) || cut_short || edited) return std::nullopt;
    return 0;
}

std::vector<StubLine> read_stub(const fs::path& stub) {
    std::vector<StubLine> out;
    std::ifstream in(stub);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string type;
        std::string rest;
        // Blank lines and comments list nothing.
        if (!(words >> type) || type[0] == '#') continue;
        std::getline(words >> std::ws, rest);
        StubLine parsed;
        if (type == "remote") {
            parsed.kind = StubLine::Kind::remote;
            read_tcp_address(rest, parsed);
        } else if (type == "auto") {
            parsed.kind = StubLine::Kind::local;
            parsed.database = rest;
        }
        out.push_back(std::move(parsed));
    }
    return out;
}

std::optional<fs::path> stub_file(const fs::path& path) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return path;
    if (fs::is_regular_file(path / stub_name, ec)) return path / stub_name;
    return std::nullopt;
}

}  // namespace newsfacet::detail
