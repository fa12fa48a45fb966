// Incremental indexing: unchanged articles are skipped, changed ones replaced, duplicate ids
// in one run resolved to the last copy, and --prune deletes what left the files it read.
#include <algorithm>

#include <gtest/gtest.h>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"
#include "packing.hpp"
#include "temp_dir.hpp"

using namespace newsfacet;
using newsfacet::testing::everything;
using newsfacet::testing::ids_of;
using newsfacet::testing::make_article;
using newsfacet::testing::TempDir;

namespace {

struct Run {
    IngestStats stats;
    std::vector<std::string> errors;
    std::vector<std::string> warnings;
};

Run run(Index& index, const std::vector<std::filesystem::path>& paths, IngestOptions options = {}) {
    Run out;
    IngestHandler handler;
    handler.on_error = [&](const InputError& e) { out.errors.push_back(e.what()); };
    handler.on_warning = [&](const std::string& w) { out.warnings.push_back(w); };
    out.stats = ingest(index, paths, handler, options);
    return out;
}

IngestOptions pruning() {
    IngestOptions options;
    options.prune = true;
    return options;
}

std::string line(const std::string& id, const std::string& body) {
    return R"({"id": ")" + id + R"(", "title": "Title )" + id + R"(", "body": ")" + body + "\"}\n";
}

// The ids in the index, sorted.
std::vector<std::string> stored_ids(const std::filesystem::path& db) {
    auto request = everything();
    request.collapse = false;
    auto ids = ids_of(Searcher(db).search(request));
    std::sort(ids.begin(), ids.end());
    return ids;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST(ApiIncremental, SecondRunSkipsUnchangedAndReplacesChanged) {
    TempDir dir;
    dir.write("news/a.txt", "Alpha\n\nFirst story about grain.\n");
    dir.write("news/b.txt", "Beta\n\nSecond story about oil.\n");
    auto index = Index::create_or_open(dir / "db");
    EXPECT_EQ(run(index, {dir / "news"}).stats.added, 2u);

    dir.write("news/b.txt", "Beta\n\nSecond story about copper.\n");
    auto second = run(index, {dir / "news"});
    EXPECT_EQ(second.stats.unchanged, 1u);
    EXPECT_EQ(second.stats.replaced, 1u);
    EXPECT_EQ(second.stats.added, 0u);
    EXPECT_EQ(index.size(), 2u);
    auto hits = Searcher(dir / "db").search(everything("copper"));
    EXPECT_EQ(ids_of(hits), Ids{"b.txt"});
}

TEST(ApiIncremental, ForceReindexesUnchangedArticles) {
    TempDir dir;
    auto file = dir.write("a.txt", "Alpha\n\nA story.\n");
    auto index = Index::create_or_open(dir / "db");
    run(index, {file});
    IngestOptions force;
    force.force = true;
    auto again = run(index, {file}, force);
    EXPECT_EQ(again.stats.replaced, 1u);
    EXPECT_EQ(again.stats.unchanged, 0u);
}

TEST(ApiIncremental, AnArticleAddedThroughTheApiIsReplacedByTheSameFromAFile) {
    TempDir dir;
    auto index = Index::create_or_open(dir / "db");
    index.add(make_article("a.txt", "Alpha", "A story."));
    index.commit();
    // Same content, but now from a file, which --prune must be able to find it by.
    auto file = dir.write("a.txt", "Alpha\n\nA story.\n");
    EXPECT_EQ(run(index, {file}).stats.replaced, 1u);
    std::filesystem::remove(file);
    EXPECT_EQ(run(index, {dir / "db", dir.path()}, pruning()).stats.deleted, 1u);
    EXPECT_EQ(index.size(), 0u);
}

TEST(ApiIncremental, DuplicateIdsInOneRunKeepTheLastCopyWithAWarning) {
    TempDir dir;
    auto feed = dir.write("feed.jsonl", line("x", "first version") + line("y", "other") +
                                            line("x", "second version"));
    auto index = Index::create_or_open(dir / "db");
    auto first = run(index, {feed});
    EXPECT_EQ(first.stats.added, 2u);
    EXPECT_EQ(first.stats.replaced, 1u);
    ASSERT_EQ(first.warnings.size(), 1u);
    EXPECT_NE(first.warnings[0].find("'x' occurs more than once"), std::string::npos)
        << first.warnings[0];
    EXPECT_EQ(index.size(), 2u);
    EXPECT_EQ(ids_of(Searcher(dir / "db").search(everything("second"))), Ids{"x"});

    // The index now holds "second version". A feed where the copy equal to the stored one
    // comes after a different one must still end with the last copy.
    dir.write("feed.jsonl", line("x", "third version") + line("x", "second version"));
    auto second = run(index, {feed});
    EXPECT_EQ(second.warnings.size(), 1u);
    EXPECT_EQ(ids_of(Searcher(dir / "db").search(everything("second"))), Ids{"x"});
    EXPECT_TRUE(Searcher(dir / "db").search(everything("third")).hits.empty());
}

TEST(ApiIncremental, PruneDeletesArticlesOfRemovedFilesAndLines) {
    TempDir dir;
    dir.write("news/a.txt", "Alpha\n\nFirst story.\n");
    dir.write("news/sub/b.txt", "Beta\n\nSecond story.\n");
    auto feed =
        dir.write("news/feed.jsonl", line("j1", "one") + line("j2", "two") + line("j3", "three"));
    auto index = Index::create_or_open(dir / "db");
    EXPECT_EQ(run(index, {dir / "news"}, pruning()).stats.added, 5u);

    std::filesystem::remove(dir / "news/sub/b.txt");
    dir.write("news/feed.jsonl", line("j1", "one") + line("j3", "three"));
    auto second = run(index, {dir / "news"}, pruning());
    EXPECT_EQ(second.stats.deleted, 2u);
    EXPECT_EQ(second.stats.unchanged, 3u);
    EXPECT_EQ(stored_ids(dir / "db"), (Ids{"a.txt", "j1", "j3"}));

    // Without --prune nothing is deleted.
    std::filesystem::remove(feed);
    EXPECT_EQ(run(index, {dir / "news"}).stats.deleted, 0u);
    EXPECT_EQ(index.size(), 3u);
    EXPECT_EQ(run(index, {dir / "news"}, pruning()).stats.deleted, 2u);
    EXPECT_EQ(stored_ids(dir / "db"), Ids{"a.txt"});
}

TEST(ApiIncremental, PruneOnlyTouchesTheGivenPaths) {
    TempDir dir;
    dir.write("one/a.txt", "Alpha\n\nFirst story.\n");
    dir.write("two/b.txt", "Beta\n\nSecond story.\n");
    dir.write("one-more/c.txt", "Gamma\n\nThird story.\n");  // shares "one" as a name prefix
    auto index = Index::create_or_open(dir / "db");
    run(index, {dir / "one", dir / "two", dir / "one-more"});
    index.add(make_article("api", "Delta", "Added without a file."));
    index.commit();

    std::filesystem::remove_all(dir / "two");
    std::filesystem::remove(dir / "one-more/c.txt");
    // Only "one" is read: what left "two" and "one-more" stays, as does the API's article.
    EXPECT_EQ(run(index, {dir / "one"}, pruning()).stats.deleted, 0u);
    EXPECT_EQ(index.size(), 4u);
    // A path that does not exist (a typo, an unmounted disk) prunes nothing and is an error.
    auto missing = run(index, {dir / "two"}, pruning());
    EXPECT_EQ(missing.stats.deleted, 0u);
    EXPECT_EQ(missing.errors.size(), 1u);
    EXPECT_EQ(index.size(), 4u);
    // A file given on its own is pruned as such.
    dir.write("one/a.txt", "");  // now unreadable as an article: an error, so a.txt is kept
    auto broken = run(index, {dir / "one/a.txt"}, pruning());
    EXPECT_EQ(broken.errors.size(), 1u);
    EXPECT_EQ(broken.stats.deleted, 0u);
    EXPECT_EQ(run(index, {dir / "one-more"}, pruning()).stats.deleted, 1u);
    EXPECT_EQ(stored_ids(dir / "db"), (Ids{"a.txt", "api", "b.txt"}));
}

TEST(ApiIncremental, PruneKeepsTheArticlesOfAFileThatReportedErrors) {
    TempDir dir;
    auto feed = dir.write("feed.jsonl", line("j1", "one") + line("j2", "two"));
    auto index = Index::create_or_open(dir / "db");
    run(index, {feed}, pruning());
    // j2's line is now malformed: it may be a scraper's half-written line, not a deletion.
    dir.write("feed.jsonl", line("j1", "one") + "{\"id\": \"j2\", \"body\": \n");
    auto second = run(index, {feed}, pruning());
    EXPECT_EQ(second.stats.failed, 1u);
    EXPECT_EQ(second.stats.deleted, 0u);
    EXPECT_EQ(index.size(), 2u);
}

TEST(ApiIncremental, AnArticleMovedToAnotherFileIsNotPruned) {
    TempDir dir;
    dir.write("news/old.jsonl", line("m", "moving story"));
    auto index = Index::create_or_open(dir / "db");
    run(index, {dir / "news"}, pruning());
    std::filesystem::remove(dir / "news/old.jsonl");
    dir.write("news/new.jsonl", line("m", "moving story"));
    auto second = run(index, {dir / "news"}, pruning());
    EXPECT_EQ(second.stats.deleted, 0u);
    EXPECT_EQ(second.stats.replaced, 1u);  // stored again, now from new.jsonl
    EXPECT_EQ(stored_ids(dir / "db"), Ids{"m"});
    // It now belongs to new.jsonl: removing that file prunes it.
    std::filesystem::remove(dir / "news/new.jsonl");
    dir.write("news/other.jsonl", line("o", "other story"));
    EXPECT_EQ(run(index, {dir / "news"}, pruning()).stats.deleted, 1u);
    EXPECT_EQ(stored_ids(dir / "db"), Ids{"o"});
}

TEST(ApiIncremental, SamePathsSpelledDifferentlyAreTheSameFiles) {
    TempDir dir;
    dir.write("news/a.txt", "Alpha\n\nFirst story.\n");
    auto index = Index::create_or_open(dir / "db");
    run(index, {dir / "news"}, pruning());
    auto again = run(index, {dir / "news/../news/"}, pruning());
    EXPECT_EQ(again.stats.unchanged, 1u);
    EXPECT_EQ(again.stats.deleted, 0u);
}

// Xapian's errors never leave the library raw: a read failure while --prune walks the index
// (here the postings table is cut short under an open writer) is a DatabaseError, with
// Xapian's message.
TEST(ApiIncremental, AReadFailureWhilePruningIsADatabaseError) {
    TempDir dir;
    // Enough distinct words for a postings table of more than one block: the writer holds only
    // its root in memory and must read the rest from the file.
    std::string lines;
    for (int i = 0; i < 400; ++i) {
        std::string body;
        for (int w = 0; w < 20; ++w) body += "word" + std::to_string(i) + "x" + std::to_string(w) + " ";
        lines += line("a" + std::to_string(i), body);
    }
    dir.write("in/articles.jsonl", lines);
    {
        auto index = Index::create_or_open(dir / "db");
        (void)run(index, {dir / "in"});
    }
    std::filesystem::create_directories(dir / "gone");
    auto index = Index::open(dir / "db");
    std::filesystem::resize_file(dir / "db" / "postlist.glass", 0);
    auto options = pruning();
    options.force = true;  // nothing to compare with: the prune walk is the first read
    try {
        (void)run(index, {dir / "gone"}, options);
        FAIL() << "pruning read nothing";
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find((dir / "db").string()), std::string::npos) << e.what();
    }
}

namespace {

std::string web_line(const std::string& url, const std::string& body) {
    return R"({"url": ")" + url + R"(", "title": "Port reopens", "body": ")" + body + "\"}\n";
}

// The body stored for `id`, found by a word only its copies hold.
std::string stored_body_words(const std::filesystem::path& db, const std::string& word) {
    auto hits = Searcher(db).search(everything(word)).hits;
    return hits.empty() ? std::string() : hits[0].id;
}

}  // namespace

// The same story from a feed (a summary) and from its saved page (the whole text): one article,
// the fullest copy, whatever the order the files are read in; counted as merged, no warnings.
TEST(ApiIncremental, CopiesOfAWebArticleKeepTheFullestBodyInAnyOrder) {
    const std::string url = "https://Example.com/port?utm_source=feed";
    const std::string summary = "Summary: the port reopens.";
    const std::string page = "The port reopens after a week of strikes, dockers and owners said on Monday.";
    for (const bool page_first : {true, false}) {
        TempDir dir;
        dir.write(page_first ? "news/a.jsonl" : "news/b.jsonl", web_line(url, page));
        dir.write(page_first ? "news/b.jsonl" : "news/a.jsonl", web_line(url, summary));
        auto index = Index::create_or_open(dir / "db");
        auto first = run(index, {dir / "news"}, pruning());
        EXPECT_EQ(first.stats.added, 1u) << page_first;
        EXPECT_EQ(first.stats.merged, 1u);
        EXPECT_TRUE(first.warnings.empty()) << first.warnings.front();
        EXPECT_EQ(index.size(), 1u);
        EXPECT_EQ(stored_body_words(dir / "db", "dockers"), "https://example.com/port");
        EXPECT_EQ(stored_body_words(dir / "db", "summary"), "");

        // Nothing changed: the page stays, the summary is merged again.
        auto second = run(index, {dir / "news"}, pruning());
        EXPECT_EQ(second.stats.merged, 1u);
        EXPECT_EQ(second.stats.deleted, 0u);
        EXPECT_EQ(stored_body_words(dir / "db", "dockers"), "https://example.com/port");

        // --prune deletes the article only once no file holds it: the page's file gone, the
        // feed's summary takes its place; the feed's gone too, it is deleted.
        std::filesystem::remove(dir / (page_first ? "news/a.jsonl" : "news/b.jsonl"));
        auto third = run(index, {dir / "news"}, pruning());
        EXPECT_EQ(third.stats.deleted, 0u);
        EXPECT_EQ(stored_body_words(dir / "db", "summary"), "https://example.com/port");
        std::filesystem::remove(dir / (page_first ? "news/b.jsonl" : "news/a.jsonl"));
        EXPECT_EQ(run(index, {dir / "news"}, pruning()).stats.deleted, 1u);
        EXPECT_EQ(index.size(), 0u);
    }
}

// Explicit ids are not web articles: a second copy is still the last one kept, with a warning.
TEST(ApiIncremental, ExplicitIdsAreNotMerged) {
    TempDir dir;
    dir.write("news/a.jsonl", line("x", "a long first version of the story"));
    dir.write("news/b.jsonl", line("x", "short second"));
    auto index = Index::create_or_open(dir / "db");
    auto first = run(index, {dir / "news"});
    EXPECT_EQ(first.stats.merged, 0u);
    EXPECT_EQ(first.warnings.size(), 1u);
    EXPECT_EQ(ids_of(Searcher(dir / "db").search(everything("short"))), Ids{"x"});
}

// An archive is one file to incremental runs: its articles are stored with its file term.
TEST(ApiIncremental, ArchivesAreSkippedWhenUnchangedAndPrunedByMember) {
    using newsfacet::testing::Compression;
    using newsfacet::testing::tar;
    TempDir dir;
    auto archive = dir.write("news/pages.tar.gz", tar({{"a.json", R"({"title": "Alpha", "body": "First story."})"},
                                                       {"b.json", R"({"title": "Beta", "body": "Second story."})"},
                                                       {"c.jsonl", line("c1", "one") + line("c2", "two")}},
                                                      Compression::gzip));
    auto index = Index::create_or_open(dir / "db");
    EXPECT_EQ(run(index, {dir / "news"}, pruning()).stats.added, 4u);
    auto again = run(index, {dir / "news"}, pruning());
    EXPECT_EQ(again.stats.unchanged, 4u);
    EXPECT_EQ(again.stats.added + again.stats.replaced + again.stats.deleted, 0u);

    // Re-written without b.json and c2: both pruned, by the directory or by the archive named alone.
    dir.write("news/pages.tar.gz", tar({{"a.json", R"({"title": "Alpha", "body": "First story."})"},
                                        {"c.jsonl", line("c1", "one")}},
                                       Compression::gzip));
    EXPECT_EQ(run(index, {dir / "news"}).stats.deleted, 0u);  // without --prune, nothing
    auto pruned = run(index, {archive}, pruning());
    EXPECT_TRUE(pruned.errors.empty());
    EXPECT_EQ(pruned.stats.deleted, 2u);
    EXPECT_EQ(stored_ids(dir / "db"), (Ids{"c1", "pages.tar.gz/a.json"}));

    // A member that cannot be read now (a half-written line) keeps the archive's articles.
    dir.write("news/pages.tar.gz", tar({{"c.jsonl", line("c1", "one") + "{\"id\": \"x\", \"body\": \n"}}, Compression::gzip));
    auto broken = run(index, {dir / "news"}, pruning());
    ASSERT_EQ(broken.errors.size(), 1u);
    EXPECT_NE(broken.errors[0].find("pages.tar.gz/c.jsonl:2:"), std::string::npos) << broken.errors[0];
    EXPECT_EQ(broken.stats.deleted, 0u);
    EXPECT_EQ(stored_ids(dir / "db"), (Ids{"c1", "pages.tar.gz/a.json"}));
}
