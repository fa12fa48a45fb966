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

std::vector<StubLine> read_stub(const fs::path& stub) {
    std::vector<StubLine> out;
    std::ifstream in(stub);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string type;
        std::string rest;
        words >> type;
        std::getline(words >> std::ws, rest);
        StubLine parsed;
        if (type == "remote") {
            parsed.kind = StubLine::Kind::remote;
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
