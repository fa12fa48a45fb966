#pragma once
// Parsing a tool's command line (CLI11) the same way in every tool.

#include <optional>
#include <string_view>

#include <CLI/CLI.hpp>

namespace newsfacet::cli {

/// Parses `argv` into `app`'s options. Returns nullopt when the tool should go on, else the
/// exit code to return at once: exit_success after printing --help, exit_usage_error after
/// printing "TOOL: PROBLEM (see --help)" on stderr for a command line CLI11 refuses.
[[nodiscard]] std::optional<int> parse_command_line(CLI::App& app, std::string_view tool, int argc, char** argv);

}  // namespace newsfacet::cli
