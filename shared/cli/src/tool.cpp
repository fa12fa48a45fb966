#include <newsfacet/cli/tool.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>

#include <newsfacet/error.hpp>

namespace newsfacet::cli {

void print_tool_error(std::string_view tool, std::string_view message) noexcept {
    std::fprintf(stderr, "%.*s: %.*s\n", static_cast<int>(tool.size()), tool.data(), static_cast<int>(message.size()),
                 message.data());
}

int run_tool(std::string_view tool, const std::function<int()>& body) noexcept {
    try {
        return body();
    } catch (const UsageError& e) {
        print_tool_error(tool, e.what());
        return exit_usage_error;
    } catch (const std::exception& e) {
        print_tool_error(tool, e.what());
        return exit_runtime_error;
    } catch (...) {
        // Nothing to print but the fact: the library throws std::exceptions only.
        print_tool_error(tool, "unexpected error (an exception that is not a std::exception)");
        return exit_runtime_error;
    }
}

std::filesystem::path default_index_path() {
    const char* env = std::getenv("NEWSFACET_DB");
    if (env && *env) return env;
    return "newsfacet.db";
}

}  // namespace newsfacet::cli
