// Searches while an indexer commits batch after batch: each one succeeds, whether a new
// newsfacet-search process or a Searcher kept open across many commits (which Xapian tells,
// with DatabaseModifiedError, that its revision is gone: it reopens and retries).
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <thread>

#include <gtest/gtest.h>
#include <xapian.h>

#include <newsfacet/error.hpp>
#include <newsfacet/searcher.hpp>

#include "cli_support.hpp"
#include "generated_corpus.hpp"
#include "spawn.hpp"

using namespace newsfacet::testing;

namespace {

/// The revision the index at `db` was last committed at (0 while it cannot be read).
Xapian::rev committed_revision(const std::filesystem::path& db) {
    try {
        return Xapian::Database(db.string()).get_revision();
    } catch (const Xapian::Error&) {
        return 0;
    }
}

/// A child process that this test stops and resumes (SIGSTOP/SIGCONT); killed and reaped
/// when the test ends early, so that no stopped process outlives it.
class Paced {
public:
    explicit Paced(pid_t pid) : m_pid(pid) {}
    ~Paced() {
        if (m_pid <= 0) return;
        ::kill(m_pid, SIGKILL);
        ::kill(m_pid, SIGCONT);
        ::waitpid(m_pid, nullptr, 0);
    }
    Paced(const Paced&) = delete;
    Paced& operator=(const Paced&) = delete;

    void resume() const { ::kill(m_pid, SIGCONT); }
    void pause() const { ::kill(m_pid, SIGSTOP); }
    [[nodiscard]] bool ended() const { return has_ended(m_pid); }
    /// Reaps it: its exit code, or -1 if a signal ended it.
    int finish() {
        const int code = exit_code_of(m_pid);
        m_pid = -1;
        return code;
    }

private:
    pid_t m_pid;
};

}  // namespace

TEST(CliConcurrency, SearchesDuringIndexingSucceed) {
    TempDir dir;
    write_generated_corpus(dir / "news", 6000, 6);
    // A first batch, so that there is an index to search from the start.
    auto first = run_index(dir, {"--quiet", "--db", db_of(dir), (dir / "news" / "feed-100.jsonl").string()});
    ASSERT_EQ(first.status, 0) << first.err;

    const pid_t pid = spawn_quietly(
        {index_bin, "--quiet", "--commit-every", "50", "--db", db_of(dir), (dir / "news").string()});
    ASSERT_GT(pid, 0);
    Paced indexer(pid);
    indexer.pause();
    newsfacet::Searcher kept_open(dir / "db");
    newsfacet::SearchRequest request;
    request.query = "officials france";
    // Rounds: the indexer runs while both searchers search beside it, until it is seen to
    // commit, then stops while the kept searcher searches again, its revision now stale. So
    // every round meets a commit, and the run cannot end within a few rounds, however the
    // machine shares its time.
    int rounds = 0, failures = 0;
    std::uint64_t previous = 0;
    const auto search_kept_open = [&] {
        try {
            EXPECT_GT(kept_open.search(request).total, 0u);
        } catch (const newsfacet::Error& e) {
            ADD_FAILURE() << "search during indexing failed: " << e.what();
            ++failures;
        }
    };
    while (!indexer.ended() && failures <= 3) {
        const auto revision = committed_revision(dir / "db");
        indexer.resume();
        search_kept_open();
        auto cli = run_search(dir, {"--json", "--db", db_of(dir), "officials france"});
        EXPECT_EQ(cli.status, 0) << cli.err;
        if (cli.status == 0) {
            const auto total = nlohmann::json::parse(cli.out)["total"].get<std::uint64_t>();
            EXPECT_GE(total, previous) << "a later search saw fewer articles";
            previous = total;
        }
        while (committed_revision(dir / "db") == revision && !indexer.ended()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        indexer.pause();
        search_kept_open();
        ++rounds;
    }
    indexer.resume();
    ASSERT_EQ(indexer.finish(), 0);
    EXPECT_GE(rounds, 5) << "rounds of searches, each beside at least one commit";
    std::printf("%d rounds of searches beside the indexer\n", rounds);
    // The searcher kept open moves on to the finished index.
    kept_open.reopen();
    EXPECT_EQ(kept_open.info().articles, 6000u);
}
