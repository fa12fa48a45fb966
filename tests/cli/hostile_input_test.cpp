// What scrapers and disks really produce: unreadable files and directories, a read-only
// index, a full disk, deeply nested JSON, 10,000-character and odd queries. Each ends in a
// clear message and an intact index, never a crash.
//
// CI runs as root, where permission checks never fail: the permission tests then run the
// binaries as nobody (setpriv), in a directory nobody may use.
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "cli_support.hpp"
#include "generated_corpus.hpp"

using namespace newsfacet::testing;

namespace {

bool root() {
    return geteuid() == 0;
}

// The command line to run `bin` as an unprivileged user: nobody when we are root. nobody may
// not be able to reach the build tree (a checkout under /root), so the binary and the library
// are copied into the test's directory first, and the library found there.
std::vector<std::string> unprivileged(const TempDir& dir, const std::string& bin,
                                      std::vector<std::string> args) {
    std::vector<std::string> out;
    std::string program = bin;
    if (root()) {
        namespace fs = std::filesystem;
        const auto copies = dir / "bin";
        fs::create_directories(copies);
        program = (copies / fs::path(bin).filename()).string();
        fs::copy_file(bin, program, fs::copy_options::overwrite_existing);
        fs::copy_file(NEWSFACET_LIBRARY_FILE, copies / NEWSFACET_LIBRARY_SONAME,
                      fs::copy_options::overwrite_existing);
        fs::permissions(copies, fs::perms::all);
        out = {"env",           "LD_LIBRARY_PATH=" + copies.string(),
               "setpriv",       "--reuid=65534",
               "--regid=65534", "--clear-groups"};
    }
    out.push_back(program);
    out.insert(out.end(), args.begin(), args.end());
    return out;
}

// Whether nobody can run the indexer here at all (some sandboxes forbid it whatever the
// file modes); if not, the permission tests have nothing to measure and are skipped.
bool unprivileged_runs(const TempDir& dir, std::string& why) {
    auto r = run_command(unprivileged(dir, index_bin, {"--help"}), dir.path());
    why = r.err;
    return r.status == 0;
}

#define SKIP_UNLESS_UNPRIVILEGED_RUNS(dir)                                     \
    do {                                                                       \
        std::string why;                                                       \
        if (!unprivileged_runs(dir, why))                                      \
            GTEST_SKIP() << "nobody cannot run newsfacet-index here: " << why; \
    } while (false)

// Lets an unprivileged user (nobody) into the test's directory, and keeps its output there.
void open_to_everyone(const TempDir& dir) {
    std::filesystem::permissions(dir.path(), std::filesystem::perms::all);
}

void chmod_tree(const std::filesystem::path& path, std::filesystem::perms perms) {
    std::filesystem::permissions(path, perms);
    if (!std::filesystem::is_directory(path)) return;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
        std::filesystem::permissions(entry.path(), perms);
    }
}

std::size_t article_count(const TempDir& dir) {
    auto j = search_json(dir, db_of(dir), {"--no-collapse", "-n", "0", ""});
    return j.value("total", std::size_t{0});
}

}  // namespace

TEST(CliHostileInput, UnreadableFilesAndDirectoriesAreReportedAndTheRestIndexed) {
    TempDir dir;
    open_to_everyone(dir);
    SKIP_UNLESS_UNPRIVILEGED_RUNS(dir);
    dir.write("news/ok.txt", "Fine\n\nA readable story about grain.\n");
    auto secret = dir.write("news/secret.txt", "Secret\n\nNot for us.\n");
    dir.write("news/locked/inside.txt", "Inside\n\nBehind a locked door.\n");
    chmod_tree(dir / "news", std::filesystem::perms::all);
    std::filesystem::permissions(secret, std::filesystem::perms::none);
    std::filesystem::permissions(dir / "news/locked", std::filesystem::perms::none);
    auto r = run_command(
        unprivileged(dir, index_bin, {"--db", db_of(dir), (dir / "news").string()}), dir.path());
    std::filesystem::permissions(dir / "news/locked", std::filesystem::perms::all);
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_EQ(lines_containing(r.err, "secret.txt: cannot read"), 1u) << r.err;
    EXPECT_EQ(lines_containing(r.err, "locked: cannot read directory"), 1u) << r.err;
    EXPECT_TRUE(contains(r.err, "1 added")) << r.err;
    EXPECT_TRUE(contains(r.err, "2 failed")) << r.err;
}

TEST(CliHostileInput, ReadOnlyIndexIsAClearErrorAndStaysIntact) {
    TempDir dir;
    open_to_everyone(dir);
    SKIP_UNLESS_UNPRIVILEGED_RUNS(dir);
    auto first = run_index(
        dir, {"--db", db_of(dir), corpus_path});  // as ourselves: nobody may not reach corpus/
    ASSERT_EQ(first.status, 0) << first.err;
    auto article = dir.write("new.txt", "New\n\nA story that cannot be stored.\n");
    std::filesystem::permissions(article, std::filesystem::perms::all);
    // The directory read-only, then its files too (the lock file can then not be opened).
    std::filesystem::permissions(
        dir / "db", std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
                        std::filesystem::perms::group_read | std::filesystem::perms::others_read |
                        std::filesystem::perms::others_exec);
    auto r = run_command(unprivileged(dir, index_bin, {"--db", db_of(dir), article.string()}),
                         dir.path());
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
    EXPECT_TRUE(contains(r.err, "cannot write to the index directory: Permission denied")) << r.err;

    std::filesystem::permissions(dir / "db", std::filesystem::perms::all);
    for (const auto& f : std::filesystem::directory_iterator(dir / "db")) {
        std::filesystem::permissions(f.path(), std::filesystem::perms::owner_read |
                                                   std::filesystem::perms::group_read |
                                                   std::filesystem::perms::others_read);
    }
    r = run_command(unprivileged(dir, index_bin, {"--db", db_of(dir), article.string()}),
                    dir.path());
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "Permission denied")) << r.err;
    EXPECT_FALSE(contains(r.err, "locked by another indexer")) << r.err;
    // Searching still works, over the articles of before.
    EXPECT_EQ(article_count(dir), corpus_articles);
}

TEST(CliHostileInput, FullDiskIsAClearErrorTheIndexKeepsItsBatchesAndTheNextRunCompletes) {
    TempDir dir;
    write_generated_corpus(dir / "news", 2000, 1);
    ASSERT_EQ(run_index(dir, {"--db", db_of(dir), corpus_path}).status, 0);
    // A file size limit stands for a full disk: writes past it fail (SIGXFSZ is ignored).
    auto r = run_command({"prlimit", "--fsize=400000", index_bin, "--commit-every", "100", "--db",
                          db_of(dir), (dir / "news").string()},
                         dir.path());
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
    EXPECT_TRUE(contains(r.err, "File too large")) << r.err;
    const auto kept = article_count(dir);
    EXPECT_GE(kept, corpus_articles);
    EXPECT_EQ((kept - corpus_articles) % 100, 0u) << kept;
    auto again = run_index(dir, {"--db", db_of(dir), (dir / "news").string()});
    EXPECT_EQ(again.status, 0) << again.err;
    EXPECT_EQ(article_count(dir), corpus_articles + 2000);
}

TEST(CliHostileInput, DeeplyNestedAndHugeJsonValuesAreRefusedCleanly) {
    TempDir dir;
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    dir.write("feed/deep-array.json", deep);
    dir.write("feed/deep-field.jsonl", R"({"id": "d", "body": )" + deep + "}\n" +
                                           R"({"id": "ok", "body": "fine words"})" + "\n");
    std::string nested;
    for (int i = 0; i < 100000; ++i) nested += R"({"k": )";
    nested += "1" + std::string(100000, '}');
    dir.write("feed/deep-extra.json",
              R"({"id": "e", "body": "extra fields are ignored", "extra": )" + nested + "}");
    dir.write("feed/huge-number.jsonl", R"({"id": "n", "body": "x", "size": 1e999999})"
                                        "\n");
    auto r = run_index(dir, {"--db", db_of(dir), (dir / "feed").string()});
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_TRUE(contains(r.err, "deep-array.json: expected a JSON object")) << r.err;
    EXPECT_TRUE(contains(r.err, "deep-field.jsonl:1: field 'body' must be a string")) << r.err;
    EXPECT_TRUE(contains(r.err, "huge-number.jsonl:1: malformed JSON")) << r.err;
    EXPECT_TRUE(contains(r.err, "2 added")) << r.err;  // "ok" and "e"
}

TEST(CliHostileInput, LongAndOddQueriesGiveResultsOrAUsageErrorNeverACrash) {
    TempDir dir;
    index_corpus(dir);
    std::string long_query;
    while (long_query.size() < 10000)
        long_query += "embassy strike \"missile hit\" OR consulate NOT labour ";
    const std::vector<std::string> queries = {long_query,
                                              std::string(10000, 'x'),
                                              std::string(5000, '('),
                                              "\"unclosed phrase",
                                              "((( embassy",
                                              "AND",
                                              "OR OR OR",
                                              "NOT",
                                              "- + - +",
                                              "title:",
                                              "country:",
                                              "official:\"",
                                              "date:2024-13-45..",
                                              "date:..",
                                              "*",
                                              "emb*",
                                              "\"\" \"\"",
                                              "a\x01\x02\x7f b",
                                              "\xff\xfe not utf-8",
                                              "embassy AND (OR)",
                                              "country:Nowhere",
                                              std::string(3000, '"'),
                                              "title:title:title:",
                                              ":::"};
    for (const auto& q : queries) {
        auto r = run_search(dir, {"--db", db_of(dir), "--json", q});
        ASSERT_TRUE(r.status == 0 || r.status == 2)
            << r.status << " for " << q.substr(0, 80) << "\n"
            << r.err;
        if (r.status == 0) {
            EXPECT_TRUE(nlohmann::json::accept(r.out)) << q.substr(0, 80);
        } else {
            EXPECT_EQ(lines_of(r.err).size(), 1u) << q.substr(0, 80) << "\n" << r.err;
        }
    }
}

TEST(CliHostileInput, PruneKeepsTheArticlesOfADirectoryThatCannotBeRead) {
    TempDir dir;
    open_to_everyone(dir);
    SKIP_UNLESS_UNPRIVILEGED_RUNS(dir);
    dir.write("news/ok.txt", "Fine\n\nA readable story about grain.\n");
    dir.write("news/archive/old.txt", "Old\n\nAn archived story about oil.\n");
    chmod_tree(dir / "news", std::filesystem::perms::all);
    const std::vector<std::string> args = {"--prune", "--db", db_of(dir), (dir / "news").string()};
    auto first = run_command(unprivileged(dir, index_bin, args), dir.path());
    ASSERT_EQ(first.status, 0) << first.err;
    // The archive becomes unreadable (a permission change, a flaky mount): its article may
    // still exist, so pruning must not delete it.
    std::filesystem::permissions(dir / "news/archive", std::filesystem::perms::none);
    auto second = run_command(unprivileged(dir, index_bin, args), dir.path());
    std::filesystem::permissions(dir / "news/archive", std::filesystem::perms::all);
    EXPECT_EQ(second.status, 3) << second.err;
    EXPECT_TRUE(contains(second.err, "archive: cannot read directory")) << second.err;
    EXPECT_TRUE(contains(second.err, "0 deleted")) << second.err;
    EXPECT_EQ(article_count(dir), 2u);
    // Readable again and then removed: now it is pruned.
    std::filesystem::remove_all(dir / "news/archive");
    auto third = run_command(unprivileged(dir, index_bin, args), dir.path());
    EXPECT_EQ(third.status, 0) << third.err;
    EXPECT_TRUE(contains(third.err, "1 deleted")) << third.err;
}
