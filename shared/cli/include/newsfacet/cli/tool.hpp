#pragma once
// What the command-line tools share: exit codes, turning exceptions into one clear line, and
// where the index is by default. Part of the static newsfacet_cli library the tools link,
// not of libnewsfacet.

#include <filesystem>
#include <functional>
#include <string_view>

namespace newsfacet::cli {

/// Exit codes of newsfacet-index and newsfacet-search.
enum ExitCode : int {
    exit_success = 0,
    exit_runtime_error = 1,  ///< I/O, index or other runtime failure.
    exit_usage_error = 2,    ///< Bad options, query syntax, dates, facet names.
    exit_partial = 3,        ///< Indexing finished but some articles were skipped.
};

/// Runs a tool's body: returns its exit code, or prints "TOOL: MESSAGE" on stderr for an
/// exception and returns exit_usage_error for a newsfacet::UsageError, exit_runtime_error
/// for any other (the message of a std::exception is printed whatever its type). Never throws.
[[nodiscard]] int run_tool(std::string_view tool, const std::function<int()>& body) noexcept;

/// Prints "TOOL: MESSAGE" on stderr.
void print_tool_error(std::string_view tool, std::string_view message) noexcept;

/// The index path the tools use by default: $NEWSFACET_DB if set and non-empty, else
/// "./newsfacet.db".
[[nodiscard]] std::filesystem::path default_index_path();

}  // namespace newsfacet::cli
