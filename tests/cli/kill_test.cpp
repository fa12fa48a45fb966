// Crash safety: newsfacet-index killed with SIGKILL at moments spread over a 20,000-article
// run leaves an index that opens and holds whole batches of whole articles only, and running
// the same command again completes it, with exactly the articles of an uninterrupted run.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "cli_support.hpp"
#include "generated_corpus.hpp"
#include "store/schema.hpp"
#include "spawn.hpp"

using namespace newsfacet::testing;

namespace {

constexpr int articles = 20000;
constexpr int files = 20;
constexpr int commit_every = 500;

// Everything an article's document holds, to compare a document with its twin in another index.
std::string fingerprint(const Xapian::Document& doc) {
    std::string out = doc.get_data();
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        out += "|" + *t + ":" + std::to_string(t.get_wdf());
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
            out += "," + std::to_string(*p);
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
        out += "|" + std::to_string(v.get_valueno()) + "=" + *v;
    return out;
}

// Checks that the articles of `db` are whole: the same documents, term for term, as in the
// uninterrupted `reference`. Every article when `all`, else those of the last batch (docids
// grow as articles are added: a batch cut short would show there) and every 16th of the
// others. Returns the number of articles in `db`.
Xapian::doccount check_whole_articles(const std::filesystem::path& db,
                                      const Xapian::Database& reference, bool all) {
    Xapian::Database index(db.string());
    const Xapian::docid last_batch =
        index.get_lastdocid() > commit_every ? index.get_lastdocid() - commit_every : 0;
    for (auto it = index.postlist_begin(""); it != index.postlist_end(""); ++it) {
        if (!all && *it <= last_batch && *it % 16 != 0) continue;
        auto doc = index.get_document(*it);
        const std::string id_term =
            newsfacet::detail::id_term(doc.get_value(newsfacet::detail::slot_id));
        auto twin = reference.postlist_begin(id_term);
        EXPECT_NE(twin, reference.postlist_end(id_term))
            << "an article the reference run does not have";
        if (twin == reference.postlist_end(id_term)) break;
        EXPECT_EQ(fingerprint(doc), fingerprint(reference.get_document(*twin))) << id_term;
    }
    return index.get_doccount();
}

// The articles the index at `db` holds as last committed; nullopt while it cannot be opened
// (not created yet, or a revision replaced while it was read).
std::optional<Xapian::doccount> committed_articles(const std::filesystem::path& db) {
    try {
        return Xapian::Database(db.string()).get_doccount();
    } catch (const Xapian::Error&) {
        return std::nullopt;
    }
}

// Waits until the index opens and holds at least `target` committed articles, or the indexer
// `pid` has ended. True if the indexer is still running (it is not reaped either way).
bool wait_for_articles(pid_t pid, const std::filesystem::path& db, Xapian::doccount target) {
    for (;;) {
        if (has_ended(pid)) return false;
        if (const auto count = committed_articles(db); count && *count >= target) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

}  // namespace

TEST(CliCrashSafety, KilledMidRunTheIndexKeepsWholeBatchesAndTheNextRunCompletesIt) {
    TempDir dir;
    write_generated_corpus(dir / "news", articles, files);
    const std::vector<std::string> command = {index_bin, "--quiet", "--commit-every",
                                              std::to_string(commit_every), "--db"};
    // The reference: one uninterrupted run over the same files.
    auto reference_run =
        run_index(dir, {"--quiet", "--db", (dir / "reference").string(), (dir / "news").string()});
    ASSERT_EQ(reference_run.status, 0) << reference_run.err;
    Xapian::Database reference((dir / "reference").string());
    ASSERT_EQ(reference.get_doccount(), static_cast<Xapian::doccount>(articles));

    // Kill points, as batches committed: the first run is killed as soon as the index it
    // creates opens (before its first batch), the others once the index holds this many
    // batches, spread over the run and ending ten batches before its last (the 40th). Each
    // kill is placed by what the index shows, not by the clock, so it lands mid-run however
    // fast or loaded the machine. (A kill while Xapian creates the index's files, before it
    // opens, is ApiIndex.CreateOrOpenFinishesACreationThatWasInterrupted's case.)
    // A short random delay after the commit is seen moves the kill about within the next batch
    // (reading, tagging, storing, committing); nothing depends on where it lands.
    const std::vector<Xapian::doccount> kill_after_batches = {0, 1, 3, 6, 10, 15, 20, 25, 30};
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> delay_ms(0, 80);
    Xapian::doccount last = 0;
    for (std::size_t round = 0; round < kill_after_batches.size(); ++round) {
        auto args = command;
        args.push_back((dir / "db").string());
        args.push_back((dir / "news").string());
        const pid_t pid = spawn_quietly(args);
        ASSERT_GT(pid, 0);
        const Xapian::doccount target = kill_after_batches[round] * commit_every;
        const bool running = wait_for_articles(pid, dir / "db", target);
        if (running && target > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
        kill(pid, SIGKILL);  // harmless if it has just ended: it is not reaped yet
        int status = 0;
        waitpid(pid, &status, 0);
        ASSERT_TRUE(running) << "round " << round << ": the indexer ended before the index held " << target
                             << " articles (exit status " << status << ")";
        // The index opens, and holds whole batches of whole articles: every batch seen
        // committed before the kill, never fewer than before.
        const auto checking = std::chrono::steady_clock::now();
        const auto count = check_whole_articles(dir / "db", reference, false);
        EXPECT_EQ(count % commit_every, 0u) << "round " << round << ": " << count << " articles";
        EXPECT_GE(count, std::max(last, target)) << "round " << round;
        last = count;
        std::printf(
            "round %zu: %u articles (checked in %.2f s)\n", round, count,
            std::chrono::duration<double>(std::chrono::steady_clock::now() - checking).count());
        if (HasFailure()) return;
    }
    ASSERT_LT(last, static_cast<Xapian::doccount>(articles)) << "the last kill came after the run had ended";

    // Running again completes the job: exactly the uninterrupted run's articles.
    auto finish = run_index(dir, {"--db", (dir / "db").string(), (dir / "news").string()});
    ASSERT_EQ(finish.status, 0) << finish.err;
    EXPECT_NE(finish.err.find(" 0 replaced"), std::string::npos) << finish.err;
    EXPECT_EQ(check_whole_articles(dir / "db", reference, true),
              static_cast<Xapian::doccount>(articles));
    std::printf("%u articles before the last run\n", last);
}
