#pragma once
// What the command-line tools share: exit codes and turning exceptions into one clear line.

#include <functional>
#include <string_view>

#include <newsfacet/export.hpp>

namespace newsfacet {

/// Exit codes of newsfacet-index and newsfacet-search.
enum ExitCode : int {
    exit_success = 0,
    exit_runtime_error = 1,  ///< I/O, index or other runtime failure.
    exit_usage_error = 2,    ///< Bad options, query syntax, dates, facet names.
    exit_partial = 3,        ///< Indexing finished but some articles were skipped.
};

/// Runs a tool's body: returns its exit code, or prints "TOOL: MESSAGE" on stderr for an
/// exception and returns exit_usage_error for a UsageError, exit_runtime_error otherwise.
/// Never throws.
[[nodiscard]] NEWSFACET_EXPORT int run_tool(std::string_view tool, const std::function<int()>& body) noexcept;

/// Prints "TOOL: MESSAGE" on stderr.
NEWSFACET_EXPORT void print_tool_error(std::string_view tool, std::string_view message) noexcept;

}  // namespace newsfacet
