// Sharded indexes: newsfacet-index --shards N, and newsfacet-search over the shards as a
// local sharded index, as a stub of `remote` shards served by two stock xapian-tcpsrv
// processes on 127.0.0.1, and as a stub mixing both: every answer must be the one a single
// index over the same articles gives (results, order, scores, snippets, totals, facets).
#include <gtest/gtest.h>

#include <memory>

#include "cli_support.hpp"
#include "generated_corpus.hpp"
#include "servers.hpp"
#include "turn_counting_proxy.hpp"

using namespace newsfacet::testing;
namespace fs = std::filesystem;

namespace {

/// Starts xapian-tcpsrv for `db` on 127.0.0.1 and waits until it accepts connections.
Listening start_tcpsrv(const TempDir& dir, const fs::path& db, const std::string& name) {
    const auto log = dir / (name + ".log");
    auto server = serve_with_tcpsrv(db, log);
    if (server.port <= 0) ADD_FAILURE() << "could not start xapian-tcpsrv for " << db << "; its output:\n" << read_file(log);
    return server;
}

/// The questions asked of every form of the index: ranking with ties (identical copies,
/// template reports), collapsing and paging through it, filters and multi-select counts, date
/// order with undated articles, date ranges, exclusions, more like this, spelling.
const std::vector<std::vector<std::string>> questions = {
    {"-n", "100", ""},
    {"-n", "100", "--sort", "oldest", ""},
    {"-n", "60", "embassy strike"},
    {"-n", "60", "--no-collapse", "embassy"},
    {"-n", "5", "--offset", "5", "embassy"},
    {"-n", "5", "--offset", "3", "--no-collapse", "strike"},
    {"-n", "100", "all strikes affecting embassies"},
    {"-n", "100", "Kiev"},
    {"-n", "100", "--country", "Ukraine", "--location", "Kyiv", "embassy"},
    {"-n", "100", "embassy country:Iraq OR country:Syria"},
    {"-n", "100", "--sort", "newest", "strike"},
    {"-n", "100", "--sort", "oldest", "title:embassy OR consulate"},
    {"-n", "100", "strike NOT labour"},
    {"-n", "100", "date:2024-01-01..2024-06-30"},
    {"-n", "100", "embasy"},
    {"-n", "10", "--country", "Ukrane", "embassy"},
    {"-n", "100", "--like", seed_id},
    {"-n", "100", "harvest wheat port"},
    {"-n", "100", "--sort", "newest", "grain"},
    {"--facet-values", "country", "-n", "0", "minister"},
};

std::string describe(const std::vector<std::string>& args) {
    std::string out;
    for (const auto& a : args) out += " '" + a + "'";
    return out;
}

/// Asks every question of `db` and expects the answers of `reference`, whole.
void expect_same_answers(const TempDir& dir, const std::string& reference, const std::string& db,
                         const std::string& what) {
    for (const auto& q : questions) {
        auto expected = search_json(dir, reference, q);
        auto actual = search_json(dir, db, q);
        EXPECT_TRUE(expected == actual) << what << ": query" << describe(q) << " differs\none index: "
                                        << answer_summary(expected) << "\n" << what << ": " << answer_summary(actual);
    }
}

constexpr int generated_articles = 400;
constexpr int generated_files = 4;  // of 100 articles each
constexpr std::uint64_t all_articles = corpus_articles + generated_articles;

/// corpus/ and the generated articles in JSON Lines files (many with identical templates).
std::vector<std::string> write_articles(const TempDir& dir) {
    write_generated_corpus(dir / "generated", generated_articles, generated_files);
    return {corpus_path, (dir / "generated").string()};
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& paths) {
    args.insert(args.end(), paths.begin(), paths.end());
    return args;
}

}  // namespace

TEST(CliShards, LocalRemoteAndMixedShardsAnswerAsOneIndex) {
    if (!on_path("xapian-tcpsrv")) GTEST_SKIP() << "xapian-tcpsrv not installed (Debian package xapian-tools)";
    if (!loopback_available()) GTEST_SKIP() << "no TCP on 127.0.0.1 here: remote shards cannot be served";
    TempDir dir;
    const auto paths = write_articles(dir);
    const auto single = (dir / "single").string();
    const auto sharded = dir / "sharded";
    ASSERT_EQ(run_index(dir, with({"-q", "--db", single}, paths)).status, 0);
    auto built = run_index(dir, with({"--db", sharded.string(), "--shards", "2"}, paths));
    ASSERT_EQ(built.status, 0) << built.err;
    // The summary is of the whole index, not of one shard.
    EXPECT_TRUE(contains(built.err, std::to_string(all_articles) + " articles")) << built.err;
    ASSERT_TRUE(fs::is_directory(sharded / "shard-0"));
    ASSERT_TRUE(fs::is_directory(sharded / "shard-1"));
    ASSERT_TRUE(fs::exists(sharded / "XAPIANDB"));

    expect_same_answers(dir, single, sharded.string(), "two local shards");

    auto server0 = start_tcpsrv(dir, sharded / "shard-0", "tcpsrv-0");
    auto server1 = start_tcpsrv(dir, sharded / "shard-1", "tcpsrv-1");
    ASSERT_GT(server0.port, 0);
    ASSERT_GT(server1.port, 0);
    const auto remote = dir.write("remote.stub", "remote 127.0.0.1:" + std::to_string(server0.port) +
                                                     "\nremote 127.0.0.1:" + std::to_string(server1.port) + "\n");
    expect_same_answers(dir, single, remote.string(), "two remote shards");
    const auto mixed = dir.write("mixed.stub", "remote 127.0.0.1:" + std::to_string(server0.port) + "\nauto " +
                                                   (sharded / "shard-1").string() + "\n");
    expect_same_answers(dir, single, mixed.string(), "one remote and one local shard");
    const auto nested = dir.write("nested.stub", "auto " + mixed.string() + "\n");
    expect_same_answers(dir, single, nested.string(), "a stub listing the mixed stub");

    // Both shards hold articles: the remote answers are not one server's alone.
    auto first = search_json(dir, (sharded / "shard-0").string(), {"-n", "0", ""});
    auto second = search_json(dir, (sharded / "shard-1").string(), {"-n", "0", ""});
    EXPECT_GT(first["total_articles"].get<int>(), 100);
    EXPECT_GT(second["total_articles"].get<int>(), 100);
}

TEST(CliShards, ARemoteShardIsAskedAFewTimesPerSearchWhateverTheFacets) {
    if (!on_path("xapian-tcpsrv")) GTEST_SKIP() << "xapian-tcpsrv not installed (Debian package xapian-tools)";
    if (!loopback_available()) GTEST_SKIP() << "no TCP on 127.0.0.1 here: remote shards cannot be served";
    TempDir dir;
    const auto paths = write_articles(dir);
    const auto sharded = dir / "sharded";
    ASSERT_EQ(run_index(dir, with({"-q", "--db", sharded.string(), "--shards", "2"}, paths)).status, 0);
    auto server0 = start_tcpsrv(dir, sharded / "shard-0", "tcpsrv-0");
    auto server1 = start_tcpsrv(dir, sharded / "shard-1", "tcpsrv-1");
    ASSERT_GT(server0.port, 0);
    ASSERT_GT(server1.port, 0);
    TurnCountingProxy proxy0(server0.port);
    TurnCountingProxy proxy1(server1.port);
    ASSERT_GT(proxy0.port(), 0);
    ASSERT_GT(proxy1.port(), 0);
    const auto remote = dir.write("remote.stub", "remote 127.0.0.1:" + std::to_string(proxy0.port()) +
                                                     "\nremote 127.0.0.1:" + std::to_string(proxy1.port()) + "\n");
    // Per shard: opening (1), the query's term statistics (2), ranking (2), counting with the
    // facets (2); then one per result shown (a document read). Not one per word, per facet
    // value or per result's near-duplicate check. Five words: no relevance feedback.
    for (const auto& q : std::vector<std::vector<std::string>>{
             {"-n", "10", "embassy missile barrage ministry protest"},
             {"-n", "10", "--country", "Ukraine", "embassy missile barrage ministry protest"},
             {"-n", "0", "embassy missile barrage ministry protest ambassador fence"}}) {
        proxy0.reset();
        proxy1.reset();
        const auto answer = search_json(dir, remote.string(), q);
        const auto shown = answer["results"].size();
        const auto turns = proxy0.turns() + proxy1.turns();
        const bool filtered = q.size() > 3;  // multi-select counts: one more counting pass
        EXPECT_LE(turns, 2 * (7 + (filtered ? 2 : 0)) + shown) << describe(q) << ": " << proxy0.turns() << " + "
                                                                  << proxy1.turns() << " turns, " << shown << " shown, did you mean: " << answer["corrected_query"];
        EXPECT_GT(answer["total"].get<int>(), 0) << describe(q);
    }
}

TEST(CliShards, ShardedIndexUpdatesIncrementallyAndKeepsItsShardCount) {
    TempDir dir;
    const auto paths = write_articles(dir);
    const auto db = (dir / "db").string();
    ASSERT_EQ(run_index(dir, with({"-q", "--db", db, "--shards", "3"}, paths)).status, 0);

    // Found again without --shards; nothing to do.
    auto again = run_index(dir, with({"--db", db}, paths));
    ASSERT_EQ(again.status, 0) << again.err;
    EXPECT_TRUE(contains(again.err, "0 added, 0 replaced, " + std::to_string(all_articles) + " unchanged")) << again.err;

    // A new article, a removed file (--prune) and a deleted id reach the right shards.
    ASSERT_TRUE(fs::remove(dir / "generated" / "feed-100.jsonl"));
    dir.write("generated/extra.txt", "Embassy reopens\n\nThe embassy in Kyiv reopened on Monday after repairs.\n");
    auto pruned = run_index(dir, with({"--db", db, "--prune"}, paths));
    ASSERT_EQ(pruned.status, 0) << pruned.err;
    constexpr std::uint64_t per_file = generated_articles / generated_files;
    const std::uint64_t kept = all_articles - per_file;
    EXPECT_TRUE(contains(pruned.err, "1 added, 0 replaced, " + std::to_string(kept) + " unchanged, " +
                                         std::to_string(per_file) + " deleted"))
        << pruned.err;
    auto removed = run_index(dir, {"--db", db, "--delete", seed_id});
    ASSERT_EQ(removed.status, 0) << removed.err;
    EXPECT_TRUE(contains(removed.err, "deleted 1 article(s); " + std::to_string(kept) + " remain")) << removed.err;

    // The same articles in one index give the same answers.
    const auto single = (dir / "single").string();
    ASSERT_EQ(run_index(dir, with({"-q", "--db", single}, paths)).status, 0);
    ASSERT_EQ(run_index(dir, {"-q", "--db", single, "--delete", seed_id}).status, 0);
    for (const auto& q : std::vector<std::vector<std::string>>{{"-n", "100", ""}, {"-n", "50", "embassy"}}) {
        EXPECT_EQ(search_json(dir, single, q), search_json(dir, db, q)) << describe(q);
    }

    // The number of shards is fixed once built; a single index is not sharded in place.
    auto other = run_index(dir, with({"--db", db, "--shards", "2"}, paths));
    EXPECT_EQ(other.status, 2);
    EXPECT_TRUE(contains(other.err, "has 3 shards, not 2")) << other.err;
    auto onto_single = run_index(dir, with({"--db", single, "--shards", "2"}, paths));
    EXPECT_EQ(onto_single.status, 2);
    EXPECT_TRUE(contains(onto_single.err, "is not a sharded index")) << onto_single.err;
    EXPECT_EQ(run_index(dir, with({"--db", db, "--shards", "0"}, paths)).status, 2);
}

TEST(CliShards, ReadingErrorsAreReportedOnceWhateverTheShards) {
    TempDir dir;
    dir.write("in/good.txt", "Embassy reopens\n\nThe embassy in Kyiv reopened on Monday.\n");
    dir.write("in/bad.json", "{ not json");
    dir.write("in/latin1.txt", std::string("Caf\xe9 owners protest\n\nOwners of caf\xe9s marched on Monday.\n"));
    auto r = run_index(dir, {"--db", (dir / "db").string(), "--shards", "4", (dir / "in").string()});
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_EQ(lines_containing(r.err, "bad.json"), 1u) << r.err;
    EXPECT_EQ(lines_containing(r.err, "warning"), 1u) << r.err;
    EXPECT_TRUE(contains(r.err, "2 added, 0 replaced, 0 unchanged, 0 deleted, 1 failed")) << r.err;
}

// --merge: one compacted index from the shards, answering every question as they do, and an
// ordinary index afterwards (incremental runs find every article unchanged).
TEST(CliShards, MergeWritesOneIndexThatAnswersAsTheShards) {
    TempDir dir;
    const auto paths = write_articles(dir);
    const auto db = (dir / "db").string();
    const auto merged = (dir / "merged").string();
    ASSERT_EQ(run_index(dir, with({"-q", "--db", db, "--shards", "3"}, paths)).status, 0);
    auto r = run_index(dir, {"--db", db, "--merge", merged});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "merged 3 shards")) << r.err;
    EXPECT_TRUE(contains(r.err, std::to_string(all_articles) + " article(s)")) << r.err;
    EXPECT_FALSE(fs::exists(fs::path(merged) / "XAPIANDB"));
    expect_same_answers(dir, db, merged, "merged");

    // The shards are as they were.
    auto again = run_index(dir, with({"--db", db}, paths));
    ASSERT_EQ(again.status, 0) << again.err;
    EXPECT_TRUE(contains(again.err, "0 added, 0 replaced, " + std::to_string(all_articles) + " unchanged")) << again.err;
    // The merged index takes further runs as one index.
    auto into_merged = run_index(dir, with({"--db", merged}, paths));
    ASSERT_EQ(into_merged.status, 0) << into_merged.err;
    EXPECT_TRUE(contains(into_merged.err, "0 added, 0 replaced, " + std::to_string(all_articles) + " unchanged"))
        << into_merged.err;

    // Into an empty directory too.
    fs::create_directories(dir / "empty");
    ASSERT_EQ(run_index(dir, {"-q", "--db", db, "--merge", (dir / "empty").string()}).status, 0);
    EXPECT_EQ(search_json(dir, (dir / "empty").string(), {"-n", "0", ""})["total_articles"].get<std::uint64_t>(),
              all_articles);
}

TEST(CliShards, MergeRefusesWhatItCannotMerge) {
    TempDir dir;
    const auto db = (dir / "sharded").string();
    ASSERT_EQ(run_index(dir, {"-q", "--db", db, "--shards", "2", corpus_path}).status, 0);
    const auto single = index_corpus(dir);
    dir.write("taken/notes.txt", "mine\n");
    struct Case {
        std::vector<std::string> args;
        int status;
        std::string message;
    };
    const std::vector<Case> cases = {
        {{"--db", db, "--merge", (dir / "taken").string()}, 2, "exists and is not an empty directory"},
        {{"--db", db, "--merge", db}, 2, "exists and is not an empty directory"},
        {{"--db", single, "--merge", (dir / "out").string()}, 2, "is not a sharded index"},
        {{"--db", (dir / "none").string(), "--merge", (dir / "out").string()}, 1, "no index at"},
        {{"--db", db, "--merge", (dir / "out").string(), corpus_path}, 2, "--merge takes no paths"},
        {{"--db", db, "--merge", (dir / "out").string(), "--shards", "2"}, 2, "only applies when indexing"},
        {{"--db", db, "--merge", (dir / "out").string(), "--info"}, 2, "cannot be combined"},
    };
    for (const auto& c : cases) {
        auto r = run_index(dir, c.args);
        EXPECT_EQ(r.status, c.status) << describe(c.args) << "\n" << r.err;
        EXPECT_TRUE(contains(r.err, c.message)) << describe(c.args) << "\n" << r.err;
        EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
    }
    EXPECT_FALSE(fs::exists(dir / "out"));
    EXPECT_EQ(read_file(dir / "taken" / "notes.txt"), "mine\n");
}
