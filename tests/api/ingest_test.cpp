// read_articles and ingest on bad input: errors are reported, everything else still lands.
#include <gtest/gtest.h>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"
#include "temp_dir.hpp"

using namespace newsfacet;
using newsfacet::testing::everything;
using newsfacet::testing::ids_of;
using newsfacet::testing::read_all;
using newsfacet::testing::TempDir;

namespace {

struct IngestRun {
    IngestStats stats;
    std::vector<InputError> errors;
    std::vector<std::string> warnings;
};

IngestRun run_ingest(Index& index, const std::vector<std::filesystem::path>& paths) {
    IngestRun run;
    IngestHandler handler;
    handler.on_error = [&](const InputError& e) { run.errors.push_back(e); };
    handler.on_warning = [&](const std::string& w) { run.warnings.push_back(w); };
    run.stats = ingest(index, paths, handler);
    return run;
}

bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(ApiIngest, MalformedJsonLineIsReportedWithFileAndLine) {
    TempDir dir;
    auto file = dir.write("feed.jsonl",
                          "{\"id\": \"good-1\", \"title\": \"One\", \"body\": \"first pelican\"}\n"
                          "{\"id\": \"bad\", \"title\": \n"
                          "{\"id\": \"good-3\", \"title\": \"Three\", \"body\": \"third pelican\"}\n");
    auto index = Index::create_or_open(dir / "index");
    auto run = run_ingest(index, {file});
    ASSERT_EQ(run.errors.size(), 1u);
    EXPECT_EQ(run.errors[0].file(), file.string());
    EXPECT_EQ(run.errors[0].line(), 2u);
    EXPECT_TRUE(mentions(run.errors[0].what(), file.string() + ":2:")) << run.errors[0].what();
    EXPECT_EQ(run.stats.added, 2u);
    EXPECT_EQ(run.stats.failed, 1u);

    Searcher searcher(dir / "index");
    auto hits = ids_of(searcher.search(everything("pelican")));
    std::sort(hits.begin(), hits.end());
    EXPECT_EQ(hits, (std::vector<std::string>{"good-1", "good-3"}));
}

TEST(ApiIngest, JsonLineThatIsNotAnObject) {
    TempDir dir;
    auto file = dir.write("feed.jsonl", "[1, 2]\n{\"title\": \"Ok\", \"body\": \"fine\"}\n\"str\"\n");
    auto read = read_all(file);
    ASSERT_EQ(read.errors.size(), 2u);
    EXPECT_EQ(read.errors[0].line(), 1u);
    EXPECT_EQ(read.errors[1].line(), 3u);
    EXPECT_EQ(read.ids(), std::vector<std::string>{"feed.jsonl#2"});
}

TEST(ApiIngest, FieldOfWrongTypeIsAnError) {
    TempDir dir;
    auto file = dir.write("feed.jsonl", "{\"title\": \"T\", \"body\": {\"html\": \"not a string\"}}\n");
    auto read = read_all(file);
    EXPECT_TRUE(read.articles.empty());
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_TRUE(mentions(read.errors[0].what(), "body")) << read.errors[0].what();
}

TEST(ApiIngest, MalformedJsonFileReportsLine) {
    TempDir dir;
    auto file = dir.write("broken.json", "{\n  \"title\": \"T\",\n  \"body\": oops\n}\n");
    auto read = read_all(file);
    EXPECT_TRUE(read.articles.empty());
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_EQ(read.errors[0].file(), file.string());
    EXPECT_EQ(read.errors[0].line(), 3u);
}

TEST(ApiIngest, EmptyFileIsAnError) {
    TempDir dir;
    for (const std::string name : {"empty.txt", "empty.md", "empty.json", "empty.jsonl"}) {
        auto file = dir.write(name, "");
        auto read = read_all(file);
        EXPECT_TRUE(read.articles.empty()) << name;
        ASSERT_EQ(read.errors.size(), 1u) << name;
        EXPECT_EQ(read.errors[0].file(), file.string());
        EXPECT_TRUE(mentions(read.errors[0].what(), "empty")) << read.errors[0].what();
    }
}

TEST(ApiIngest, WhitespaceOnlyFileIsEmpty) {
    TempDir dir;
    auto file = dir.write("blank.txt", "  \n\n\t\n");
    auto read = read_all(file);
    EXPECT_TRUE(read.articles.empty());
    EXPECT_EQ(read.errors.size(), 1u);
}

TEST(ApiIngest, EmptyJsonArrayIsAnError) {
    TempDir dir;
    auto read = read_all(dir.write("none.json", "[]"));
    EXPECT_TRUE(read.articles.empty());
    EXPECT_EQ(read.errors.size(), 1u);
}

TEST(ApiIngest, BinaryFileIsAnError) {
    TempDir dir;
    auto file = dir.write("image.txt", std::string("GIF89a\0\0\x01\x02 binary", 17));
    auto read = read_all(file);
    EXPECT_TRUE(read.articles.empty());
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_EQ(read.errors[0].file(), file.string());
    EXPECT_TRUE(mentions(read.errors[0].what(), "binary")) << read.errors[0].what();
}

TEST(ApiIngest, BinaryLineInJsonLines) {
    TempDir dir;
    auto file = dir.write("feed.jsonl", std::string("{\"title\": \"A\", \"body\": \"a\"}\n") + std::string("\0\0\0\n", 4));
    auto read = read_all(file);
    EXPECT_EQ(read.articles.size(), 1u);
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_EQ(read.errors[0].line(), 2u);
}

TEST(ApiIngest, UnsupportedExtensionGivenExplicitlyIsAnError) {
    TempDir dir;
    auto file = dir.write("notes.csv", "id,title\n1,hello\n");
    auto read = read_all(file);
    EXPECT_TRUE(read.articles.empty());
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_EQ(read.errors[0].file(), file.string());
    EXPECT_TRUE(mentions(read.errors[0].what(), "unsupported")) << read.errors[0].what();
}

TEST(ApiIngest, NonUtf8FileIsReadAsWindows1252WithWarning) {
    TempDir dir;
    // "Caf\xe9" is Latin-1/Windows-1252 for "Café"; \x93 \x94 are curly quotes in Windows-1252.
    auto file = dir.write("latin.txt", "Caf\xe9 in Kyiv\n\nThe \x93pelican\x94 caf\xe9 reopened.\n");
    auto read = read_all(file);
    ASSERT_EQ(read.articles.size(), 1u);
    EXPECT_TRUE(read.errors.empty());
    EXPECT_EQ(read.articles[0].title, "Café in Kyiv");
    EXPECT_EQ(read.articles[0].body, "The \u201Cpelican\u201D café reopened.");
    ASSERT_EQ(read.warnings.size(), 1u);  // once per file
    EXPECT_TRUE(mentions(read.warnings[0], "latin.txt")) << read.warnings[0];
    EXPECT_TRUE(mentions(read.warnings[0], "offset 3")) << read.warnings[0];
    EXPECT_TRUE(mentions(read.warnings[0], "1252")) << read.warnings[0];
}

TEST(ApiIngest, NonUtf8JsonLineWarningNamesFileOffset) {
    TempDir dir;
    std::string line1 = "{\"title\": \"A\", \"body\": \"plain\"}\n";
    std::string line2 = "{\"title\": \"B\", \"body\": \"caf\xe9\"}\n";
    auto file = dir.write("feed.jsonl", line1 + line2);
    auto read = read_all(file);
    ASSERT_EQ(read.articles.size(), 2u);
    EXPECT_EQ(read.articles[1].body, "café");
    ASSERT_EQ(read.warnings.size(), 1u);
    auto offset = line1.size() + line2.find('\xe9');
    EXPECT_TRUE(mentions(read.warnings[0], "offset " + std::to_string(offset))) << read.warnings[0];
}

TEST(ApiIngest, Windows1252TextIsSearchable) {
    TempDir dir;
    auto file = dir.write("latin.txt", "Caf\xe9 news\n\nThe caf\xe9 near the embassy reopened.\n");
    auto index = Index::create_or_open(dir / "index");
    auto run = run_ingest(index, {file});
    EXPECT_EQ(run.stats.added, 1u);
    EXPECT_EQ(run.stats.warnings, 1u);
    EXPECT_EQ(run.warnings.size(), 1u);
    Searcher searcher(dir / "index");
    EXPECT_EQ(searcher.search(everything("café")).total, 1u);
}

TEST(ApiIngest, MissingPathIsReportedAndOtherPathsLand) {
    TempDir dir;
    auto good = dir.write("good.txt", "Good\n\nA good article.\n");
    auto index = Index::create_or_open(dir / "index");
    auto run = run_ingest(index, {dir / "missing.txt", good, dir / "missing-dir"});
    EXPECT_EQ(run.stats.added, 1u);
    EXPECT_EQ(run.stats.failed, 2u);
    ASSERT_EQ(run.errors.size(), 2u);
    EXPECT_EQ(run.errors[0].file(), (dir / "missing.txt").string());
    EXPECT_EQ(run.errors[1].file(), (dir / "missing-dir").string());
    EXPECT_EQ(index.size(), 1u);
}

TEST(ApiIngest, ArticleWithNoTextIsAnError) {
    TempDir dir;
    auto file = dir.write("feed.jsonl",
                          "{\"id\": \"empty\", \"title\": \"\", \"body\": \"   \"}\n"
                          "{\"id\": \"nothing\"}\n"
                          "{\"id\": \"ok\", \"body\": \"Body only, no title.\"}\n");
    auto index = Index::create_or_open(dir / "index");
    auto run = run_ingest(index, {file});
    EXPECT_EQ(run.stats.added, 1u);
    EXPECT_EQ(run.stats.failed, 2u);
    ASSERT_EQ(run.errors.size(), 2u);
    EXPECT_EQ(run.errors[0].line(), 1u);
    EXPECT_EQ(run.errors[1].line(), 2u);
    EXPECT_TRUE(mentions(run.errors[0].what(), "no title and no body")) << run.errors[0].what();
}

TEST(ApiIngest, StatsCountAddedReplacedAndBytes) {
    TempDir dir;
    auto file = dir.write("a.txt", "Title\n\nBody.\n");
    auto index = Index::create_or_open(dir / "index");
    auto first = run_ingest(index, {file});
    EXPECT_EQ(first.stats.added, 1u);
    EXPECT_EQ(first.stats.replaced, 0u);
    EXPECT_EQ(first.stats.bytes, std::string("Title").size() + std::string("Body.").size());
    auto second = run_ingest(index, {file});
    EXPECT_EQ(second.stats.added, 0u);
    EXPECT_EQ(second.stats.replaced, 0u);
    EXPECT_EQ(second.stats.unchanged, 1u);
    EXPECT_EQ(second.stats.bytes, 0u);
    dir.write("a.txt", "Title\n\nBody changed.\n");
    auto third = run_ingest(index, {file});
    EXPECT_EQ(third.stats.replaced, 1u);
    EXPECT_EQ(third.stats.unchanged, 0u);
    EXPECT_EQ(index.size(), 1u);
}

TEST(ApiIngest, IngestCommits) {
    TempDir dir;
    auto file = dir.write("a.txt", "Title\n\nBody about pelicans.\n");
    auto index = Index::create_or_open(dir / "index");
    (void)run_ingest(index, {file});
    Searcher searcher(dir / "index");  // while the writer is still open
    EXPECT_EQ(searcher.search(everything("pelicans")).total, 1u);
}

TEST(ApiIngest, ProgressIsReportedPerArticle) {
    TempDir dir;
    auto file = dir.write("feed.jsonl",
                          "{\"title\": \"A\", \"body\": \"a\"}\n{\"title\": \"B\", \"body\": \"b\"}\n");
    auto index = Index::create_or_open(dir / "index");
    std::vector<std::uint64_t> seen;
    IngestHandler handler;
    handler.on_progress = [&](const IngestStats& s) { seen.push_back(s.added + s.replaced); };
    (void)ingest(index, {file}, handler);
    EXPECT_EQ(seen, (std::vector<std::uint64_t>{1, 2}));
}

TEST(ApiIngest, VeryLongIdRoundTripsAndReplaces) {
    TempDir dir;
    std::string id(1000, 'x');
    for (std::size_t i = 0; i < id.size(); i += 7) id[i] = static_cast<char>('a' + i % 26);
    auto index = Index::create_or_open(dir / "index");
    EXPECT_EQ(index.add(newsfacet::testing::make_article(id, "Long id", "First pelican text.")), AddOutcome::added);
    EXPECT_EQ(index.add(newsfacet::testing::make_article(id, "Long id", "Second flamingo text.")),
              AddOutcome::replaced);
    EXPECT_EQ(index.size(), 1u);
    index.commit();
    Searcher searcher(dir / "index");
    EXPECT_EQ(searcher.search(everything("pelican")).total, 0u);
    auto results = searcher.search(everything("flamingo"));
    ASSERT_EQ(results.hits.size(), 1u);
    EXPECT_EQ(results.hits[0].id, id);
    EXPECT_TRUE(index.remove(id));
    EXPECT_EQ(index.size(), 0u);
}

TEST(ApiIngest, LongIdsSharingAPrefixStayDistinct) {
    TempDir dir;
    std::string prefix(600, 'p');
    auto index = Index::create_or_open(dir / "index");
    EXPECT_EQ(index.add(newsfacet::testing::make_article(prefix + "-one", "One", "one")), AddOutcome::added);
    EXPECT_EQ(index.add(newsfacet::testing::make_article(prefix + "-two", "Two", "two")), AddOutcome::added);
    EXPECT_EQ(index.size(), 2u);
    EXPECT_TRUE(index.remove(prefix + "-one"));
    EXPECT_FALSE(index.remove(prefix + "-one"));
    EXPECT_EQ(index.size(), 1u);
}

TEST(ApiIngest, LongIdFromJsonLinesReindexReplaces) {
    TempDir dir;
    std::string id(1000, 'k');
    auto file = dir.write("feed.jsonl", "{\"id\": \"" + id + "\", \"title\": \"T\", \"body\": \"B\"}\n");
    auto index = Index::create_or_open(dir / "index");
    EXPECT_EQ(run_ingest(index, {file}).stats.added, 1u);
    EXPECT_EQ(run_ingest(index, {file}).stats.unchanged, 1u);
    dir.write("feed.jsonl", "{\"id\": \"" + id + "\", \"title\": \"T\", \"body\": \"C\"}\n");
    auto again = run_ingest(index, {file});
    EXPECT_EQ(again.stats.replaced, 1u);
    EXPECT_EQ(index.size(), 1u);
    Searcher searcher(dir / "index");
    auto results = searcher.search(everything());
    ASSERT_EQ(results.hits.size(), 1u);
    EXPECT_EQ(results.hits[0].id, id);
}

TEST(ApiIngest, IdsWithSpacesAndUnicode) {
    TempDir dir;
    const std::vector<std::string> ids = {"my article 1", "статья №2", "報道 ✓", "tab\tand \"quote\""};
    auto index = Index::create_or_open(dir / "index");
    for (const auto& id : ids) {
        EXPECT_EQ(index.add(newsfacet::testing::make_article(id, "Title", "Body about pelicans.")), AddOutcome::added);
    }
    for (const auto& id : ids) {
        EXPECT_EQ(index.add(newsfacet::testing::make_article(id, "Title", "Body about pelicans.")),
                  AddOutcome::replaced);
    }
    EXPECT_EQ(index.size(), ids.size());
    index.commit();
    Searcher searcher(dir / "index");
    // The articles have the same body, so they are copies: list each one.
    auto request = everything("pelicans");
    request.collapse = false;
    auto found = ids_of(searcher.search(request));
    std::sort(found.begin(), found.end());
    auto expected = ids;
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(found, expected);
    EXPECT_TRUE(index.remove("статья №2"));
    EXPECT_FALSE(index.remove("статья"));
    EXPECT_EQ(index.size(), ids.size() - 1);
}

TEST(ApiIngest, FileNamesWithSpacesAndUnicodeBecomeIds) {
    TempDir dir;
    dir.write("in/my story.txt", "Story\n\nAbout pelicans.\n");
    dir.write("in/Kyiv – щоденник.md", "# Diary\n\nAbout pelicans.\n");
    auto read = read_all(dir / "in");
    auto ids = read.ids();
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"Kyiv – щоденник.md", "my story.txt"}));
}
