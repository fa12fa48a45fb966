// Searches while an indexer commits batch after batch: each one succeeds, whether a new
// newsfacet-search process or a Searcher kept open across many commits (which Xapian tells,
// with DatabaseModifiedError, that its revision is gone: it reopens and retries).
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include <newsfacet/error.hpp>
#include <newsfacet/searcher.hpp>

#include "cli_support.hpp"
#include "generated_corpus.hpp"
#include "spawn.hpp"

using namespace newsfacet::testing;

TEST(CliConcurrency, SearchesDuringIndexingSucceed) {
    TempDir dir;
    write_generated_corpus(dir / "news", 6000, 6);
    // A first batch, so that there is an index to search from the start.
    auto first = run_index(dir, {"--quiet", "--db", db_of(dir), (dir / "news" / "feed-100.jsonl").string()});
    ASSERT_EQ(first.status, 0) << first.err;

    const pid_t indexer = spawn_quietly(
        {index_bin, "--quiet", "--commit-every", "50", "--db", db_of(dir), (dir / "news").string()});
    ASSERT_GT(indexer, 0);
    newsfacet::Searcher kept_open(dir / "db");
    newsfacet::SearchRequest request;
    request.query = "officials france";
    int searches = 0, failures = 0, status = 0;
    std::uint64_t previous = 0;
    while (waitpid(indexer, &status, WNOHANG) == 0) {
        try {
            auto results = kept_open.search(request);
            EXPECT_GT(results.total, 0u);
            ++searches;
        } catch (const newsfacet::Error& e) {
            ADD_FAILURE() << "search during indexing failed: " << e.what();
            ++failures;
        }
        auto cli = run_search(dir, {"--json", "--db", db_of(dir), "officials france"});
        EXPECT_EQ(cli.status, 0) << cli.err;
        if (cli.status == 0) {
            const auto total = nlohmann::json::parse(cli.out)["total"].get<std::uint64_t>();
            EXPECT_GE(total, previous) << "a later search saw fewer articles";
            previous = total;
        }
        if (failures > 3) break;
    }
    if (failures > 3) waitpid(indexer, &status, 0);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    EXPECT_GE(searches, 5) << "the indexer finished too soon to search beside it";
    // The searcher kept open moves on to the finished index.
    kept_open.reopen();
    EXPECT_EQ(kept_open.info().articles, 6000u);
}
