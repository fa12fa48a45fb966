// Crash safety: newsfacet-index killed with SIGKILL at random moments of a 20,000-article run
// leaves an index that opens and holds whole batches of whole articles only, and running the
// same command again completes it, with exactly the articles of an uninterrupted run.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
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

}  // namespace

TEST(CliCrashSafety, KilledAtRandomTheIndexKeepsWholeBatchesAndTheNextRunCompletesIt) {
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

    std::mt19937 rng(7);
    // Kill points spread over a run: some early (while the first batches are built), some late.
    std::uniform_int_distribution<int> delay_ms(30, 2500);
    int killed = 0;
    Xapian::doccount last = 0;
    for (int round = 0; round < 12; ++round) {
        auto args = command;
        args.push_back((dir / "db").string());
        args.push_back((dir / "news").string());
        const pid_t pid = spawn_quietly(args);
        ASSERT_GT(pid, 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == 0) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            if (WIFSIGNALED(status)) ++killed;
        }
        if (!std::filesystem::exists(dir / "db" / "iamglass"))
            continue;  // killed before the index existed
        // The index opens, and holds whole batches of whole articles, never fewer than before.
        const auto checking = std::chrono::steady_clock::now();
        const auto count = check_whole_articles(dir / "db", reference, false);
        EXPECT_EQ(count % commit_every, 0u) << "round " << round << ": " << count << " articles";
        EXPECT_GE(count, last);
        last = count;
        std::printf(
            "round %d: %u articles (checked in %.2f s)\n", round, count,
            std::chrono::duration<double>(std::chrono::steady_clock::now() - checking).count());
        if (HasFailure()) return;
    }
    EXPECT_GE(killed, 8) << "the kills should land while the indexer runs";

    // Running again completes the job: exactly the uninterrupted run's articles.
    auto finish = run_index(dir, {"--db", (dir / "db").string(), (dir / "news").string()});
    ASSERT_EQ(finish.status, 0) << finish.err;
    EXPECT_NE(finish.err.find(" 0 replaced"), std::string::npos) << finish.err;
    EXPECT_EQ(check_whole_articles(dir / "db", reference, true),
              static_cast<Xapian::doccount>(articles));
    std::printf("kill rounds: %d killed mid-run; %u articles before the last run\n", killed, last);
}
