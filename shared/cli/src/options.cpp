#include <newsfacet/cli/options.hpp>

#include <string>

#include <newsfacet/cli/tool.hpp>

namespace newsfacet::cli {

std::optional<int> parse_command_line(CLI::App& app, std::string_view tool, int argc, char** argv) {
    try {
        app.parse(argc, argv);
        return std::nullopt;
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help
        print_tool_error(tool, std::string(e.what()) + " (see --help)");
        return exit_usage_error;
    }
}

}  // namespace newsfacet::cli
