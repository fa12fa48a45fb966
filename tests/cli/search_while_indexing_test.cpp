// Searches while an indexer commits batch after batch succeed, whether a new newsfacet-search
// process or a Searcher kept open across many commits (which Xapian tells, with
// DatabaseModifiedError, that its revision is gone: it reopens and retries once).
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
    /// Stops it, and returns once it is stopped (or has ended): it commits nothing more.
    void pause() const {
        ::kill(m_pid, SIGSTOP);
        siginfo_t info{};
        ::waitid(P_PID, static_cast<id_t>(m_pid), &info, WSTOPPED | WEXITED | WNOWAIT);
    }
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
    // commit; then it is stopped and both search again, the kept searcher's revision now
    // stale. Every round meets a commit, and the run cannot end within a few rounds, however
    // the machine shares its time.
    // A search beside the indexer may meet a commit during its retry too, on a loaded machine:
    // the contract (Searcher::search) is one retry, then DatabaseError saying the index keeps
    // changing, which is all it may fail with. With the indexer stopped there is no such
    // excuse: the kept searcher moves to the newest revision and answers, and so does a new
    // process.
    int rounds = 0, retried_out = 0;
    std::uint64_t previous = 0;
    const auto search_kept_open = [&](bool beside_the_indexer) {
        try {
            EXPECT_GT(kept_open.search(request).total, 0u);
        } catch (const newsfacet::DatabaseError& e) {
            const bool allowed = beside_the_indexer && contains(e.what(), "keeps changing");
            EXPECT_TRUE(allowed) << "search failed: " << e.what();
            ++retried_out;
        }
    };
    const auto search_cli = [&](bool beside_the_indexer) {
        auto cli = run_search(dir, {"--json", "--db", db_of(dir), "officials france"});
        if (beside_the_indexer && cli.status == 1 && contains(cli.err, "keeps changing")) {
            ++retried_out;
            return;
        }
        ASSERT_EQ(cli.status, 0) << cli.err;
        const auto total = nlohmann::json::parse(cli.out)["total"].get<std::uint64_t>();
        EXPECT_GE(total, previous) << "a later search saw fewer articles";
        previous = total;
    };
    while (!indexer.ended() && !HasFailure()) {
        const auto revision = committed_revision(dir / "db");
        indexer.resume();
        search_kept_open(true);
        search_cli(true);
        while (committed_revision(dir / "db") == revision && !indexer.ended()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        indexer.pause();
        search_kept_open(false);
        search_cli(false);
        ++rounds;
    }
    indexer.resume();
    ASSERT_EQ(indexer.finish(), 0);
    EXPECT_GE(rounds, 5) << "rounds of searches, each beside at least one commit";
    std::printf("%d rounds of searches beside the indexer; %d retried once and gave up\n", rounds, retried_out);
    // The searcher kept open moves on to the finished index.
    kept_open.reopen();
    EXPECT_EQ(kept_open.info().articles, 6000u);
}
