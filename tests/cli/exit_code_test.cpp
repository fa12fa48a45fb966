// Exit codes: 0 success, 1 runtime error, 2 usage error, 3 some articles skipped.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

using namespace newsfacet::testing;

using CliExitCodesCorpus = CliCorpusTest;

TEST_F(CliExitCodesCorpus, SearchSucceeds) {
    auto r = search_raw({"embassy"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_FALSE(r.out.empty());
    EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(CliExitCodesCorpus, NoResultsIsStillSuccess) {
    auto r = search_raw({"xylophonist"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "0 articles")) << r.out;
    auto j = search({"xylophonist"});
    EXPECT_EQ(j["total"], 0);
    EXPECT_TRUE(j["results"].empty());
}

TEST(CliExitCodes, MissingIndexIsRuntimeError) {
    TempDir dir;
    auto r = run_search(dir, {"--db", (dir / "no-such-index").string(), "embassy"});
    EXPECT_EQ(r.status, 1);
    EXPECT_TRUE(contains(r.err, "no-such-index")) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
}

TEST(CliExitCodes, IndexPathThatIsAFileIsRuntimeError) {
    TempDir dir;
    auto file = dir.write("plain-file", "not an index");
    auto article = dir.write("a.txt", "Title\n\nBody.\n");
    auto r = run_index(dir, {"--db", file.string(), article.string()});
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "plain-file")) << r.err;
    auto s = run_search(dir, {"--db", file.string(), "x"});
    EXPECT_EQ(s.status, 1) << s.err;
}

TEST(CliExitCodes, InfoOnMissingIndexIsRuntimeError) {
    TempDir dir;
    auto r = run_index(dir, {"--db", (dir / "missing").string(), "--info"});
    EXPECT_EQ(r.status, 1);
    EXPECT_TRUE(contains(r.err, "missing")) << r.err;
}

TEST(CliExitCodes, DeleteOnMissingIndexIsRuntimeError) {
    TempDir dir;
    auto r = run_index(dir, {"--db", (dir / "missing").string(), "--delete", "some-id"});
    EXPECT_EQ(r.status, 1);
    EXPECT_FALSE(std::filesystem::exists(dir / "missing"));  // not created by a delete
}

TEST_F(CliExitCodesCorpus, UnknownOptionIsUsageError) {
    auto r = search_raw({"--frobnicate", "embassy"});
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(contains(r.err, "frobnicate")) << r.err;
    auto i = index_raw({"--frobnicate", corpus_path});
    EXPECT_EQ(i.status, 2);
    EXPECT_TRUE(contains(i.err, "frobnicate")) << i.err;
}

TEST_F(CliExitCodesCorpus, BadDateIsUsageError) {
    for (const std::string date : {"2024-13-01", "yesterday", "2024/03/04"}) {
        auto since = search_raw({"--since", date, "embassy"});
        EXPECT_EQ(since.status, 2) << date << ": " << since.err;
        EXPECT_TRUE(contains(since.err, date)) << since.err;
        auto until = search_raw({"--until", date, "embassy"});
        EXPECT_EQ(until.status, 2) << date << ": " << until.err;
    }
}

TEST_F(CliExitCodesCorpus, SinceAfterUntilIsUsageError) {
    auto r = search_raw({"--since", "2025-02-01", "--until", "2025-01-01"});
    EXPECT_EQ(r.status, 2) << r.err;
}

TEST_F(CliExitCodesCorpus, MalformedFilterIsUsageError) {
    auto r = search_raw({"embassy date:2024-13"});
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(contains(r.err, "2024-13")) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
}

TEST_F(CliExitCodesCorpus, PastedTextThatDoesNotParseIsAnsweredWithANote) {
    // A pasted headline with an unbalanced quote, and stray operators.
    for (const std::string query : {"embassy says strike \"worse than before'", "embassy AND", "(strike OR embassy"}) {
        auto json = search_raw({"--json", query});
        EXPECT_EQ(json.status, 0) << query << ": " << json.err;
        auto j = nlohmann::json::parse(json.out);
        EXPECT_GT(j["total"].get<int>(), 0) << query;
        auto text = search_raw({query});
        EXPECT_EQ(text.status, 0) << query << ": " << text.err;
        if (!j["notes"].empty()) {
            EXPECT_TRUE(contains(text.out, "Note: ")) << text.out;
        }
    }
    auto quote = nlohmann::json::parse(search_raw({"--json", "embassy \"strike"}).out);
    ASSERT_EQ(quote["notes"].size(), 1u);
    EXPECT_TRUE(contains(quote["notes"][0].get<std::string>(), "quote")) << quote["notes"];
}

TEST_F(CliExitCodesCorpus, BadOptionValuesAreUsageErrors) {
    EXPECT_EQ(search_raw({"--limit", "many", "x"}).status, 2);
    EXPECT_EQ(search_raw({"--offset", "three", "x"}).status, 2);
    EXPECT_EQ(search_raw({"--color", "sometimes", "x"}).status, 2);
}

TEST_F(CliExitCodesCorpus, NegativeLimitOrOffsetIsUsageError) {
    // A negative count is a mistake, not a request for 2^64 - 1 results.
    auto offset = search_raw({"--offset", "-3", "embassy"});
    EXPECT_EQ(offset.status, 2) << offset.out;
    auto limit = search_raw({"--limit", "-1", "embassy"});
    EXPECT_EQ(limit.status, 2) << limit.out.substr(0, 200);
}

TEST_F(CliExitCodesCorpus, TagOnlyWithInfoIsUsageError) {
    auto r = index_raw({"--tag-only", "--info"});
    EXPECT_EQ(r.status, 2);
    EXPECT_FALSE(r.err.empty());
    EXPECT_EQ(index_raw({"--tag-only", "--delete", "x"}).status, 2);
    EXPECT_EQ(index_raw({"--delete", "--info"}).status, 2);
}

TEST_F(CliExitCodesCorpus, IndexerWithoutPathsIsUsageError) {
    EXPECT_EQ(index_raw({}).status, 2);
    EXPECT_EQ(index_raw({"--delete"}).status, 2);
    EXPECT_EQ(index_raw({"--info", corpus_path}).status, 2);
}

TEST(CliExitCodes, SomeArticlesSkippedIsThree) {
    TempDir dir;
    auto good = dir.write("in/good.txt", "Good article\n\nIt has a body.\n");
    dir.write("in/empty.txt", "");
    auto r = run_index(dir, {"--db", db_of(dir), (dir / "in").string()});
    EXPECT_EQ(r.status, 3) << r.err;
    auto j = search_json(dir, db_of(dir), {});
    EXPECT_EQ(j["total"], 1);  // the good one landed
    EXPECT_EQ(result_ids(j), std::vector<std::string>{"good.txt"});
}

TEST(CliExitCodes, CleanIndexingIsZero) {
    TempDir dir;
    auto r = run_index(dir, {"--db", db_of(dir), corpus_path});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.err, std::to_string(corpus_articles) + " added")) << r.err;  // the summary line
    auto again = run_index(dir, {"--db", db_of(dir), corpus_path});
    EXPECT_EQ(again.status, 0) << again.err;
    EXPECT_TRUE(contains(again.err, "0 added, 0 replaced, " + std::to_string(corpus_articles) + " unchanged")) << again.err;
}

TEST(CliExitCodes, QuietIndexingPrintsNothing) {
    TempDir dir;
    auto r = run_index(dir, {"-q", "--db", db_of(dir), corpus_path});
    EXPECT_EQ(r.status, 0);
    EXPECT_TRUE(r.err.empty()) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
}
