// run_tool: the exit code of a tool's body, or one line on stderr and exit 1 or 2 for an
// exception.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include <newsfacet/cli/tool.hpp>
#include <newsfacet/error.hpp>

namespace {

struct Outcome {
    int code = -1;
    std::string err;
};

Outcome run(const std::function<int()>& body) {
    ::testing::internal::CaptureStderr();
    Outcome out;
    out.code = newsfacet::cli::run_tool("newsfacet-test", body);
    out.err = ::testing::internal::GetCapturedStderr();
    return out;
}

}  // namespace

TEST(ToolRun, ReturnsTheBodysExitCode) {
    auto out = run([] { return newsfacet::cli::exit_partial; });
    EXPECT_EQ(out.code, 3);
    EXPECT_EQ(out.err, "");
}

TEST(ToolRun, UsageErrorsExitTwoOthersOne) {
    auto usage = run([]() -> int { throw newsfacet::QueryError("cannot parse query 'a AND'"); });
    EXPECT_EQ(usage.code, newsfacet::cli::exit_usage_error);
    EXPECT_EQ(usage.err, "newsfacet-test: cannot parse query 'a AND'\n");
    auto runtime = run([]() -> int { throw newsfacet::DatabaseError("/srv/news.db: disk full"); });
    EXPECT_EQ(runtime.code, newsfacet::cli::exit_runtime_error);
    EXPECT_EQ(runtime.err, "newsfacet-test: /srv/news.db: disk full\n");
}

// Whatever its type, a std::exception's message is what the user reads.
TEST(ToolRun, AnyStdExceptionIsPrintedWithItsMessage) {
    auto out = run([]() -> int { throw std::logic_error("shard 3 of 2"); });
    EXPECT_EQ(out.code, newsfacet::cli::exit_runtime_error);
    EXPECT_EQ(out.err, "newsfacet-test: shard 3 of 2\n");
    auto other = run([]() -> int { throw 42; });
    EXPECT_EQ(other.code, newsfacet::cli::exit_runtime_error);
    EXPECT_NE(other.err.find("newsfacet-test: unexpected error"), std::string::npos) << other.err;
}
