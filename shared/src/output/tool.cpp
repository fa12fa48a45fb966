#include <newsfacet/tool.hpp>

#include <cstdio>
#include <exception>

#include <newsfacet/error.hpp>

namespace newsfacet {

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
        print_tool_error(tool, "unexpected error");
        return exit_runtime_error;
    }
}

}  // namespace newsfacet
