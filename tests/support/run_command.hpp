#pragma once
// Runs a command line and captures its exit status, stdout and stderr.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace newsfacet::testing {

struct CommandResult {
    int status = -1;  ///< Exit code (-1 if killed by a signal).
    std::string out;
    std::string err;
};

/// Quotes one argument for /bin/sh.
inline std::string shell_quote(const std::string& arg) {
    std::string out = "'";
    for (char c : arg) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

/// Runs `args` (argv[0] first) through /bin/sh with `env` assignments prefixed
/// ("NAME=value"), stderr captured in `scratch`.
inline CommandResult run_command(const std::vector<std::string>& args, const std::filesystem::path& scratch,
                                 const std::vector<std::string>& env = {}) {
    std::string cmd;
    for (const auto& e : env) cmd += e + " ";
    for (const auto& a : args) cmd += shell_quote(a) + " ";
    auto err_file = scratch / "stderr.txt";
    cmd += "2>" + shell_quote(err_file.string());
    CommandResult result;
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return result;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) result.out.append(buf.data(), n);
    int status = pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(err_file);
    std::stringstream ss;
    ss << in.rdbuf();
    result.err = ss.str();
    return result;
}

}  // namespace newsfacet::testing
