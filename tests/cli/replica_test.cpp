// Read replicas: scripts/replica serve (xapian-replicate-server) and scripts/replica pull
// (xapian-replicate) keep a copy of an index that newsfacet-search opens as is and that
// answers exactly like the master, also after an incremental update of the master.
#include <chrono>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "cli_support.hpp"
#include "servers.hpp"

using namespace newsfacet::testing;
namespace fs = std::filesystem;

namespace {

const std::string replica_script = NEWSFACET_SOURCE_DIR "/scripts/replica";

// The master writes changesets only when the indexer runs with this set; the test checks
// that the second pull then fetches changes rather than a full copy.
const std::string with_changesets = "XAPIAN_MAX_CHANGESETS=10";

// Generous bound on any one pull, so that a hung connection fails the test instead of
// hanging it (seconds, through coreutils' timeout).
const std::string pull_timeout = "300";

/// Starts `scripts/replica serve` on 127.0.0.1 for the indexes under `parent` and waits until
/// it accepts connections.
Listening start_server(const TempDir& dir, const fs::path& parent) {
    const auto log = dir / "server.log";
    auto server = start_listening(
        [&](int port) {
            return std::vector<std::string>{replica_script, "serve", "--host", "127.0.0.1", "--port",
                                            std::to_string(port), parent.string()};
        },
        log);
    if (server.port <= 0) ADD_FAILURE() << "could not start " << replica_script << " serve; its output:\n" << read_file(log);
    return server;
}

/// Pulls the master's index `name` into `replica` once, through scripts/replica (verbose:
/// Xapian then says whether it fetched a full copy or changesets).
CommandResult pull_once(const TempDir& dir, int port, const fs::path& replica, const std::string& name = "news") {
    // --reader-time 0: apply several pending changesets at once instead of waiting 30 s
    // between them for readers (none here) to reopen.
    return run_command({"timeout", pull_timeout, replica_script, "pull", "--once", "--verbose", "--reader-time", "0",
                        "--master", name, "127.0.0.1:" + std::to_string(port), replica.string()},
                       dir.path());
}

/// The answers compared between master and replica: whole JSON objects, so results (ids,
/// order, scores, snippets), totals, facets and the date histogram must all agree.
const std::vector<std::vector<std::string>> queries = {
    {"-n", "100", ""},  // every article, newest first
    {"-n", "100", "embassy"},
    {"-n", "100", "strike"},
    {"-n", "100", "grain harvest"},
    {"-n", "100", "sunflower"},
    {"-n", "100", "--country", "Ukraine", "port"},
    {"--facet-values", "country"},
};

std::vector<nlohmann::json> answers(const TempDir& dir, const fs::path& db) {
    std::vector<nlohmann::json> out;
    for (const auto& q : queries) out.push_back(search_json(dir, db.string(), q));
    return out;
}

void expect_same_answers(const std::vector<nlohmann::json>& master, const std::vector<nlohmann::json>& replica) {
    ASSERT_EQ(master.size(), replica.size());
    for (std::size_t i = 0; i < master.size(); ++i) {
        std::string query;
        for (const auto& a : queries[i]) query += " '" + a + "'";
        EXPECT_TRUE(replica[i] == master[i]) << "query" << query << " differs\nmaster: " << answer_summary(master[i])
                                             << "\nreplica: " << answer_summary(replica[i]);
    }
}

/// Copies the news articles of corpus/ into `to`, plus two articles of the test's own.
void write_articles(const TempDir& dir, const fs::path& to) {
    fs::create_directories(to);
    fs::copy(fs::path(corpus_path) / "news", to / "news", fs::copy_options::recursive);
    dir.write("articles/harvest.txt",
              "Harvest begins early in Odesa region\n\n"
              "Farmers near Odesa, Ukraine, began the grain harvest two weeks early this year, "
              "citing a dry spring and strong demand for wheat at the port.\n");
    dir.write("articles/rates.txt",
              "Central bank holds rates\n\n"
              "The central bank left its benchmark rate unchanged on Thursday, saying inflation "
              "was easing more slowly than expected.\n");
}

bool has_changesets(const fs::path& db) {
    for (const auto& entry : fs::directory_iterator(db)) {
        if (entry.path().filename().string().rfind("changes", 0) == 0) return true;
    }
    return false;
}

}  // namespace

TEST(CliReplica, ReplicaAnswersLikeTheMasterAndFollowsItsUpdates) {
    if (!on_path("xapian-replicate-server") || !on_path("xapian-replicate")) {
        GTEST_SKIP() << "xapian-replicate-server or xapian-replicate not installed (Debian package xapian-tools)";
    }
    if (!loopback_available()) GTEST_SKIP() << "no TCP on 127.0.0.1 here: nothing can be replicated";
    TempDir dir;
    const auto articles = dir / "articles";
    const auto parent = dir / "master";   // served directory: its index directories by name
    const auto master = parent / "news";
    const auto replica = dir / "replica";
    write_articles(dir, articles);

    auto r = run_index(dir, {"--db", master.string(), articles.string()}, {with_changesets});
    ASSERT_EQ(r.status, 0) << r.err;
    ASSERT_TRUE(has_changesets(master)) << "the indexer wrote no changesets despite " << with_changesets;

    auto server = start_server(dir, parent);
    ASSERT_NE(server.process, nullptr);

    r = pull_once(dir, server.port, replica);
    ASSERT_EQ(r.status, 0) << r.out << r.err << "\nserver:\n" << read_file(dir / "server.log");
    // A replica directory is a stub naming the live copy beside it, not a plain index;
    // newsfacet-search opens it as is.
    EXPECT_TRUE(fs::exists(replica / "XAPIANDB"));
    EXPECT_FALSE(fs::exists(replica / "iamglass"));

    const auto master_before = answers(dir, master);
    const auto replica_before = answers(dir, replica);
    expect_same_answers(master_before, replica_before);
    ASSERT_EQ(replica_before[0]["total"], 32) << answer_summary(replica_before[0]);
    EXPECT_EQ(replica_before[4]["total"], 0) << answer_summary(replica_before[4]);

    // An incremental update of the master: one article changed, one added, one file deleted.
    const std::string deleted_id = "nf-2025-0206-tripoli-rockets-embassy";
    dir.write("articles/harvest.txt",
              "Harvest begins early in Odesa region\n\n"
              "Farmers near Odesa, Ukraine, began the sunflower harvest two weeks early this year, "
              "citing a dry spring and strong demand for seed oil at the port.\n");
    dir.write("articles/drones.txt",
              "Drones strike grain port\n\n"
              "Drones struck the grain terminal at Izmail in Ukraine overnight, damaging silos and "
              "a berth, the regional governor said.\n");
    fs::remove(articles / "news" / (deleted_id + ".json"));
    r = run_index(dir, {"--db", master.string(), "--prune", articles.string()}, {with_changesets});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "1 added, 1 replaced")) << r.err;
    EXPECT_TRUE(contains(r.err, "1 deleted")) << r.err;

    r = pull_once(dir, server.port, replica);
    ASSERT_EQ(r.status, 0) << r.out << r.err << "\nserver:\n" << read_file(dir / "server.log");
    // With changesets on the master, the replica fetched just the changes.
    EXPECT_TRUE(contains(r.out + r.err, "0 copies")) << r.out << r.err;

    const auto master_after = answers(dir, master);
    const auto replica_after = answers(dir, replica);
    expect_same_answers(master_after, replica_after);
    EXPECT_TRUE(replica_after != replica_before) << "the replica did not change with the master";

    // The update itself, seen on the replica.
    const auto ids = result_id_set(replica_after[0]);
    EXPECT_EQ(ids.size(), 32u);
    EXPECT_TRUE(ids.count("drones.txt")) << answer_summary(replica_after[0]);
    EXPECT_FALSE(ids.count(deleted_id)) << answer_summary(replica_after[0]);
    EXPECT_EQ(result_ids(replica_after[4]), std::vector<std::string>{"harvest.txt"}) << answer_summary(replica_after[4]);
}

TEST(CliReplica, PullRefusesADirectoryThatIsNotAReplica) {
    if (!on_path("xapian-replicate")) {
        GTEST_SKIP() << "xapian-replicate not installed (Debian package xapian-tools)";
    }
    TempDir dir;
    // An index (say, the master itself by mistake) would be overwritten by xapian-replicate.
    auto r = run_index(dir, {"--db", db_of(dir), dir.write("a.txt", "Alpha\n\nA story about grain.\n").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    // Nothing listens on the port: the script must refuse before connecting.
    r = run_command({replica_script, "pull", "--once", "--master", "db", "127.0.0.1:1", db_of(dir)}, dir.path());
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "is a plain index, not a replica")) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_TRUE(fs::exists(dir / "db" / "iamglass"));
    EXPECT_FALSE(fs::exists(dir / "db" / "XAPIANDB"));

    // A sharded index has a stub too, but not a replica's.
    const auto sharded = (dir / "sharded").string();
    r = run_index(dir, {"--db", sharded, "--shards", "1", (dir / "a.txt").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    r = run_command({replica_script, "pull", "--once", "--master", "db", "127.0.0.1:1", sharded}, dir.path());
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "not a replica's")) << r.err;
    EXPECT_TRUE(fs::exists(dir / "sharded" / "shard-0" / "iamglass"));
}

TEST(CliReplica, ScriptUsageErrorsExitTwoWithOneLine) {
    TempDir dir;
    const std::vector<std::vector<std::string>> bad = {
        {},
        {"mirror"},
        {"serve"},
        {"serve", "--port", "70000", dir.path().string()},
        {"pull", "--once", "127.0.0.1:7010", "replica"},                      // no --master
        {"pull", "--once", "--master", "news", "127.0.0.1", "replica"},       // no port
        {"pull", "--once", "--interval", "5", "--master", "news", "h:1", "r"},  // contradictory
    };
    for (auto args : bad) {
        args.insert(args.begin(), replica_script);
        auto r = run_command(args, dir.path());
        EXPECT_EQ(r.status, 2) << args.size() << " args: " << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    }
    auto r = run_command({replica_script, "--help"}, dir.path());
    EXPECT_EQ(r.status, 0);
    EXPECT_TRUE(contains(r.out, "XAPIAN_MAX_CHANGESETS")) << r.out;
    EXPECT_TRUE(contains(r.out, "Examples:")) << r.out;
}
