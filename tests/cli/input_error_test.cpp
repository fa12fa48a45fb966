// newsfacet-index on bad input: one clear stderr line per problem, naming the file (and line).
#include <gtest/gtest.h>

#include "cli_support.hpp"

using namespace newsfacet::testing;

TEST(CliInputErrors, MalformedJsonLineNamesFileAndLine) {
    TempDir dir;
    auto feed = dir.write("feed.jsonl",
                          "{\"id\": \"one\", \"title\": \"One\", \"body\": \"first pelican\"}\n"
                          "{\"id\": \"two\", \"title\": \"Two\", \"body\": \n"
                          "{\"id\": \"three\", \"title\": \"Three\", \"body\": \"third pelican\"}\n");
    auto r = run_index(dir, {"--db", db_of(dir), feed.string()});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(lines_containing(r.err, feed.string() + ":2:"), 1u) << r.err;
    auto j = search_json(dir, db_of(dir), {"pelican"});
    EXPECT_EQ(result_id_set(j), (std::set<std::string>{"one", "three"}));
}

TEST(CliInputErrors, BinaryEmptyAndMissingEachGiveOneLine) {
    TempDir dir;
    auto good = dir.write("good.txt", "Good\n\nA readable article about pelicans.\n");
    auto binary = dir.write("binary.txt", std::string("\x7f" "ELF\0\0\0\x02\x01", 9));
    auto empty = dir.write("empty.md", "");
    auto missing = (dir / "missing.json").string();
    auto r = run_index(dir, {"--db", db_of(dir), good.string(), binary.string(), empty.string(), missing});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(lines_containing(r.err, binary.string()), 1u) << r.err;
    EXPECT_EQ(lines_containing(r.err, empty.string()), 1u) << r.err;
    EXPECT_EQ(lines_containing(r.err, missing), 1u) << r.err;
    EXPECT_EQ(lines_containing(r.err, good.string()), 0u) << r.err;
    EXPECT_TRUE(contains(r.err, "binary")) << r.err;
    EXPECT_TRUE(contains(r.err, "empty")) << r.err;
    EXPECT_TRUE(contains(r.err, "no such file")) << r.err;
    EXPECT_TRUE(contains(r.err, "3 failed")) << r.err;
    EXPECT_EQ(search_json(dir, db_of(dir), {})["total"], 1);
}

TEST(CliInputErrors, ErrorLinesArePrefixedWithTheTool) {
    TempDir dir;
    auto empty = dir.write("empty.txt", "");
    auto r = run_index(dir, {"--db", db_of(dir), "-q", empty.string()});
    EXPECT_EQ(r.status, 3);
    auto lines = lines_of(r.err);
    ASSERT_EQ(lines.size(), 1u) << r.err;  // -q: no summary, just the error
    EXPECT_EQ(lines[0].rfind("newsfacet-index: ", 0), 0u) << lines[0];
    EXPECT_TRUE(contains(lines[0], empty.string())) << lines[0];
}

TEST(CliInputErrors, UnsupportedExtensionGivenExplicitly) {
    TempDir dir;
    auto csv = dir.write("feed.csv", "id,title\n1,hello\n");
    auto r = run_index(dir, {"--db", db_of(dir), csv.string()});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(lines_containing(r.err, csv.string()), 1u) << r.err;
    EXPECT_TRUE(contains(r.err, "unsupported")) << r.err;
}

TEST(CliInputErrors, NonUtf8FileIsIndexedWithAWarning) {
    TempDir dir;
    auto latin = dir.write("latin.txt", "Caf\xe9 news\n\nThe caf\xe9 near the embassy reopened.\n");
    auto r = run_index(dir, {"--db", db_of(dir), latin.string()});
    EXPECT_EQ(r.status, 0) << r.err;  // a warning, not a skip
    EXPECT_EQ(lines_containing(r.err, "warning"), 1u) << r.err;
    EXPECT_TRUE(contains(r.err, "latin.txt")) << r.err;
    EXPECT_TRUE(contains(r.err, "offset 3")) << r.err;
    auto j = search_json(dir, db_of(dir), {"café"});
    EXPECT_EQ(j["total"], 1);
    EXPECT_EQ(j["results"][0]["title"], "Café news");
}

TEST(CliInputErrors, ArticleWithNoTextNamesTheFile) {
    TempDir dir;
    auto file = dir.write("blank.json", R"({"id": "blank", "title": "", "body": ""})");
    auto r = run_index(dir, {"--db", db_of(dir), file.string()});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(lines_containing(r.err, file.string()), 1u) << r.err;
}

TEST(CliInputErrors, MalformedJsonFileNamesLine) {
    TempDir dir;
    auto file = dir.write("broken.json", "{\n  \"title\": \"T\",\n  \"body\": oops\n}\n");
    auto r = run_index(dir, {"--db", db_of(dir), file.string()});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(lines_containing(r.err, file.string() + ":3:"), 1u) << r.err;
}

TEST(CliInputErrors, ReadmeAndHiddenFilesInADirectoryAreSkippedSilently) {
    TempDir dir;
    dir.write("in/a.txt", "A\n\nArticle a.\n");
    dir.write("in/README.md", "# About\n\nNot an article.\n");
    dir.write("in/.draft.txt", "Draft\n\nNot yet.\n");
    dir.write("in/photo.jpg", "jpeg bytes");
    auto r = run_index(dir, {"--db", db_of(dir), (dir / "in").string()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;  // just the summary
    EXPECT_EQ(result_ids(search_json(dir, db_of(dir), {})), std::vector<std::string>{"a.txt"});
}
