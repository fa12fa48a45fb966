// default_index_path: $NEWSFACET_DB if set and non-empty, else ./newsfacet.db.
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include <newsfacet/cli/tool.hpp>

namespace {

// Sets or unsets NEWSFACET_DB for one test and restores the previous value afterwards.
class ScopedDbEnv {
public:
    explicit ScopedDbEnv(const char* value) {
        if (const char* old = std::getenv("NEWSFACET_DB")) m_old = old;
        if (value) setenv("NEWSFACET_DB", value, 1);
        else unsetenv("NEWSFACET_DB");
    }
    ~ScopedDbEnv() {
        if (m_old) setenv("NEWSFACET_DB", m_old->c_str(), 1);
        else unsetenv("NEWSFACET_DB");
    }
    ScopedDbEnv(const ScopedDbEnv&) = delete;
    ScopedDbEnv& operator=(const ScopedDbEnv&) = delete;

private:
    std::optional<std::string> m_old;
};

}  // namespace

TEST(ToolDefaultIndexPath, UsesEnvironmentVariable) {
    ScopedDbEnv env("/srv/news/index.db");
    EXPECT_EQ(newsfacet::cli::default_index_path(), std::filesystem::path("/srv/news/index.db"));
}

TEST(ToolDefaultIndexPath, FollowsChangesToTheVariable) {
    ScopedDbEnv env("first.db");
    EXPECT_EQ(newsfacet::cli::default_index_path(), std::filesystem::path("first.db"));
    setenv("NEWSFACET_DB", "second.db", 1);
    EXPECT_EQ(newsfacet::cli::default_index_path(), std::filesystem::path("second.db"));
}

TEST(ToolDefaultIndexPath, UnsetFallsBackToNewsfacetDb) {
    ScopedDbEnv env(nullptr);
    EXPECT_EQ(newsfacet::cli::default_index_path().filename(), std::filesystem::path("newsfacet.db"));
    EXPECT_TRUE(newsfacet::cli::default_index_path().is_relative());
}

TEST(ToolDefaultIndexPath, EmptyFallsBackToNewsfacetDb) {
    ScopedDbEnv env("");
    EXPECT_EQ(newsfacet::cli::default_index_path().filename(), std::filesystem::path("newsfacet.db"));
}
