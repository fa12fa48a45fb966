// Index: create, open, add, replace, remove, commit, size and info through the public API.
#include <cstdint>
#include <fstream>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"
#include "temp_dir.hpp"

using namespace newsfacet;
using newsfacet::testing::everything;
using newsfacet::testing::ids_of;
using newsfacet::testing::make_article;
using newsfacet::testing::TempDir;

namespace {

Article embassy_article(const std::string& id, const std::string& body) {
    auto a = make_article(id, "Embassy report " + id, body);
    a.date = "2024-05-01";
    a.source = "Test Wire";
    return a;
}

}  // namespace

TEST(ApiIndex, CreateOrOpenCreatesDirectoryAndEmptyIndex) {
    TempDir dir;
    auto path = dir / "index";
    auto index = Index::create_or_open(path);
    EXPECT_TRUE(std::filesystem::is_directory(path));
    EXPECT_EQ(index.size(), 0u);
    auto info = index.info();
    EXPECT_EQ(info.articles, 0u);
    EXPECT_EQ(info.format_version, index_format_version);
}

TEST(ApiIndex, CreateOrOpenAcceptsAnEmptyDirectory) {
    TempDir dir;
    std::filesystem::create_directories(dir / "empty");
    auto index = Index::create_or_open(dir / "empty");
    EXPECT_EQ(index.size(), 0u);
    EXPECT_EQ(index.info().format_version, index_format_version);
}

// A kill while Xapian creates a new index leaves its lock, tables and temporary files but no
// version file (iamglass): no revision was ever committed, so the next run creates it again.
TEST(ApiIndex, CreateOrOpenFinishesACreationThatWasInterrupted) {
    TempDir dir;
    const auto path = dir / "index";
    std::filesystem::create_directories(path);
    for (const char* name : {"flintlock", "postlist.glass", "termlist.glass", "v.tmp"}) {
        std::ofstream(path / name) << "half-written";
    }
    {
        auto index = Index::create_or_open(path);
        EXPECT_EQ(index.size(), 0u);
        index.add(embassy_article("a1", "The embassy reopened."));
        index.commit();
    }
    EXPECT_EQ(Index::open(path).size(), 1u);
}

// Anything else in a directory without an index may be someone's data: it is never taken over.
TEST(ApiIndex, CreateOrOpenRefusesADirectoryHoldingOtherFiles) {
    TempDir dir;
    const auto path = dir / "notes";
    std::filesystem::create_directories(path);
    std::ofstream(path / "flintlock") << "";
    std::ofstream(path / "notes.txt") << "my notes";
    EXPECT_THROW((void)Index::create_or_open(path), IndexNotFoundError);
    EXPECT_TRUE(std::filesystem::exists(path / "notes.txt"));
}

TEST(ApiIndex, AddReturnsAddedThenReplacedForSameId) {
    TempDir dir;
    auto index = Index::create_or_open(dir / "index");
    EXPECT_EQ(index.add(embassy_article("a", "First version about Kyiv.")), AddOutcome::added);
    EXPECT_EQ(index.add(embassy_article("b", "Another article about Baku.")), AddOutcome::added);
    EXPECT_EQ(index.size(), 2u);
    EXPECT_EQ(index.add(embassy_article("a", "Second version about Odesa.")), AddOutcome::replaced);
    EXPECT_EQ(index.size(), 2u);
}

// A new index adds an id it has not stored without looking it up (index.cpp, NewIds): every
// id stored before, in this batch or an earlier one, must still be found and replaced.
TEST(ApiIndex, NewIndexReplacesEveryIdStoredBeforeAndAddsRemovedOnes) {
    TempDir dir;
    auto index = Index::create_or_open(dir / "index");
    constexpr int count = 300;
    for (int i = 0; i < count; ++i) {
        ASSERT_EQ(index.add(embassy_article("id-" + std::to_string(i), "Text about Kyiv.")), AddOutcome::added);
        if (i == count / 2) index.commit();
    }
    for (int i = 0; i < count; i += 7) {
        EXPECT_EQ(index.add(embassy_article("id-" + std::to_string(i), "New text about Baku.")), AddOutcome::replaced);
    }
    EXPECT_EQ(index.size(), static_cast<std::uint64_t>(count));
    EXPECT_TRUE(index.remove("id-3"));
    EXPECT_EQ(index.add(embassy_article("id-3", "Back about Odesa.")), AddOutcome::added);
    EXPECT_EQ(index.size(), static_cast<std::uint64_t>(count));
}

TEST(ApiIndex, IndexEmptiedAndReopenedAddsAndReplacesAsBefore) {
    TempDir dir;
    const auto path = dir / "index";
    {
        auto index = Index::create_or_open(path);
        index.add(embassy_article("a", "Text about Kyiv."));
        ASSERT_TRUE(index.remove("a"));
        index.commit();
    }
    auto index = Index::open(path);
    EXPECT_EQ(index.add(embassy_article("a", "Again about Kyiv.")), AddOutcome::added);
    EXPECT_EQ(index.add(embassy_article("a", "Once more about Kyiv.")), AddOutcome::replaced);
    EXPECT_EQ(index.size(), 1u);
}

TEST(ApiIndex, ReplacedArticleIsSearchedByItsNewText) {
    TempDir dir;
    auto path = dir / "index";
    {
        auto index = Index::create_or_open(path);
        index.add(embassy_article("a", "The old text mentions zebras."));
        index.add(embassy_article("a", "The new text mentions giraffes."));
        index.commit();
    }
    Searcher searcher(path);
    EXPECT_EQ(searcher.search(everything("zebras")).total, 0u);
    auto results = searcher.search(everything("giraffes"));
    ASSERT_EQ(results.total, 1u);
    EXPECT_EQ(results.hits[0].id, "a");
    EXPECT_EQ(searcher.search(everything()).total, 1u);
}

TEST(ApiIndex, RemoveDeletesOnlyThatArticle) {
    TempDir dir;
    auto path = dir / "index";
    auto index = Index::create_or_open(path);
    index.add(embassy_article("keep", "Kept article text."));
    index.add(embassy_article("drop", "Dropped article text."));
    EXPECT_TRUE(index.remove("drop"));
    EXPECT_EQ(index.size(), 1u);
    EXPECT_FALSE(index.remove("drop"));
    EXPECT_FALSE(index.remove("never-existed"));
    index.commit();
    Searcher searcher(path);
    EXPECT_EQ(ids_of(searcher.search(everything("article"))), std::vector<std::string>{"keep"});
}

TEST(ApiIndex, ChangesBecomeVisibleToSearchersAfterCommit) {
    TempDir dir;
    auto path = dir / "index";
    auto index = Index::create_or_open(path);
    index.add(embassy_article("one", "Missiles struck the embassy."));
    index.commit();
    Searcher searcher(path);
    EXPECT_EQ(searcher.search(everything()).total, 1u);

    index.add(embassy_article("two", "Drones hit the consulate."));
    EXPECT_EQ(index.size(), 2u);  // size() includes uncommitted changes
    searcher.reopen();
    EXPECT_EQ(searcher.search(everything()).total, 1u);  // not committed yet

    index.commit();
    EXPECT_EQ(searcher.search(everything()).total, 1u);  // the searcher sees its snapshot
    searcher.reopen();
    EXPECT_EQ(searcher.search(everything()).total, 2u);
    Searcher fresh(path);
    EXPECT_EQ(fresh.search(everything()).total, 2u);
}

namespace {

std::map<std::string, std::uint64_t> months_of(Searcher& searcher) {
    std::map<std::string, std::uint64_t> months;
    for (const auto& [month, count] : searcher.search(everything()).months) months[month] = count;
    return months;
}

}  // namespace

// A cache moved from still serves (a move copies the handle).
TEST(ApiIndex, ACacheMovedFromStillServesItsSearchers) {
    TempDir dir;
    const auto path = dir / "index";
    {
        auto index = Index::create_or_open(path);
        (void)index.add(embassy_article("one", "Missiles struck the embassy."));
        (void)index.add(embassy_article("two", "Drones hit the consulate."));
        index.commit();
    }
    SearcherCache cache;
    SearcherCache moved(std::move(cache));
    Searcher first(path, Tagger(), cache);  // NOLINT(bugprone-use-after-move): what is tested
    Searcher second(path, Tagger(), moved);
    SearchRequest all;
    all.limit = 10;
    for (int i = 0; i < 3; ++i) {  // columns are read from the second large search on
        EXPECT_EQ(first.search(all).total_articles, 2u);
        EXPECT_EQ(second.search(all).total_articles, 2u);
    }
}

// Searchers sharing a SearcherCache (a server's pool) count from one copy of the facet data
// per index revision: each still counts its own revision, and another index its own.
TEST(ApiIndex, SearchersSharingACacheCountTheirOwnRevision) {
    TempDir dir;
    const auto path = dir / "index";
    const auto other_path = dir / "other";
    auto index = Index::create_or_open(path);
    index.add(embassy_article("one", "Missiles struck the embassy."));
    index.add(embassy_article("two", "Drones hit the consulate."));
    index.commit();
    {
        // Committed twice, as `index` will be: the same revision number.
        auto other = Index::create_or_open(other_path);
        for (const char* date : {"2023-01-09", "2023-02-09"}) {
            auto article = embassy_article(date, "Missiles struck the embassy.");
            article.date = date;
            other.add(article);
            other.commit();
        }
    }
    const Tagger tagger;
    const SearcherCache cache;
    Searcher reader(path, tagger, cache), late(path, tagger, cache), elsewhere(other_path, tagger, cache);
    const std::map<std::string, std::uint64_t> before{{"2024-05", 2}};
    EXPECT_EQ(months_of(reader), before);
    EXPECT_EQ(months_of(reader), before);  // the second search matching all reads the facet data

    auto moved = embassy_article("one", "Missiles struck the embassy.");
    moved.date = "2024-06-02";
    index.add(moved);  // replaces "one", same document
    index.commit();
    reader.reopen();
    const std::map<std::string, std::uint64_t> after{{"2024-05", 1}, {"2024-06", 1}};
    EXPECT_EQ(months_of(reader), after);
    EXPECT_EQ(months_of(late), before);  // still on the first commit
    EXPECT_EQ(months_of(elsewhere), (std::map<std::string, std::uint64_t>{{"2023-01", 1}, {"2023-02", 1}}));
    late.reopen();
    EXPECT_EQ(months_of(late), after);
}

TEST(ApiIndex, DestructorCommits) {
    TempDir dir;
    auto path = dir / "index";
    {
        auto index = Index::create_or_open(path);
        index.add(embassy_article("x", "Text that must survive the destructor."));
    }
    Searcher searcher(path);
    EXPECT_EQ(ids_of(searcher.search(everything())), std::vector<std::string>{"x"});
}

TEST(ApiIndex, OpenReopensExistingIndex) {
    TempDir dir;
    auto path = dir / "index";
    {
        auto index = Index::create_or_open(path);
        index.add(embassy_article("x", "Persisted text."));
        index.commit();
    }
    auto index = Index::open(path);
    EXPECT_EQ(index.size(), 1u);
    EXPECT_EQ(index.add(embassy_article("x", "Persisted text, again.")), AddOutcome::replaced);
    EXPECT_EQ(index.add(embassy_article("y", "New text.")), AddOutcome::added);
    EXPECT_EQ(index.size(), 2u);
}

TEST(ApiIndex, MovedIndexStillWorks) {
    TempDir dir;
    auto first = Index::create_or_open(dir / "index");
    Index moved = std::move(first);
    EXPECT_EQ(moved.add(embassy_article("x", "Moved handle text.")), AddOutcome::added);
    EXPECT_EQ(moved.size(), 1u);
}

TEST(ApiIndex, InfoCountsArticlesAndFacetValues) {
    TempDir dir;
    auto path = dir / "index";
    auto index = Index::create_or_open(path);
    index.add(make_article("kyiv-1", "Strike in Kyiv", "Russian missiles struck Kyiv overnight, Ukraine said."));
    index.add(make_article("kyiv-2", "Kyiv again", "Another barrage hit Kyiv, the capital of Ukraine."));
    index.commit();
    auto info = index.info();
    EXPECT_EQ(info.articles, 2u);
    EXPECT_GT(info.size_bytes, 0u);
    EXPECT_EQ(info.format_version, index_format_version);
    EXPECT_EQ(info.path, path.string());
    ASSERT_EQ(info.facets.size(), all_facets.size());
    bool found_kyiv = false;
    for (const auto& [facet, counts] : info.facets) {
        for (std::size_t i = 1; i < counts.size(); ++i) EXPECT_GE(counts[i - 1].count, counts[i].count);
        for (const auto& c : counts) {
            if (facet == Facet::location && c.value == "Kyiv") {
                found_kyiv = true;
                EXPECT_EQ(c.count, 2u);
            }
        }
    }
    EXPECT_TRUE(found_kyiv);
    // A searcher reports the same summary.
    Searcher searcher(path);
    auto seen = searcher.info();
    EXPECT_EQ(seen.articles, info.articles);
    EXPECT_EQ(seen.format_version, info.format_version);
}

TEST(ApiIndex, InfoOfCorpusHasAllArticles) {
    TempDir dir;
    auto path = newsfacet::testing::index_corpus(dir);
    Searcher searcher(path);
    auto info = searcher.info();
    EXPECT_EQ(info.articles, newsfacet::testing::corpus_articles);
    EXPECT_GT(info.size_bytes, 0u);
}

TEST(ApiIndex, TwoIndexesInOneProcessAreIndependent) {
    TempDir dir;
    auto path_a = dir / "a";
    auto path_b = dir / "b";
    auto a = Index::create_or_open(path_a);
    auto b = Index::create_or_open(path_b);
    a.add(embassy_article("shared-id", "Alpha text about pelicans."));
    b.add(embassy_article("shared-id", "Beta text about flamingos."));
    b.add(embassy_article("only-b", "Beta text about herons."));
    EXPECT_EQ(a.size(), 1u);
    EXPECT_EQ(b.size(), 2u);
    EXPECT_TRUE(a.remove("shared-id"));
    EXPECT_EQ(a.size(), 0u);
    EXPECT_EQ(b.size(), 2u);
    a.add(embassy_article("only-a", "Alpha text about pelicans."));
    a.commit();
    b.commit();

    Searcher sa(path_a);
    Searcher sb(path_b);
    EXPECT_EQ(ids_of(sa.search(everything("pelicans"))), std::vector<std::string>{"only-a"});
    EXPECT_EQ(sa.search(everything("flamingos")).total, 0u);
    EXPECT_EQ(ids_of(sb.search(everything("flamingos"))), std::vector<std::string>{"shared-id"});
    EXPECT_EQ(sb.search(everything("pelicans")).total, 0u);
    EXPECT_EQ(sb.search(everything()).total, 2u);
}

TEST(ApiIndex, SecondWriterOnSameIndexIsLocked) {
    TempDir dir;
    auto path = dir / "index";
    auto first = Index::create_or_open(path);
    EXPECT_THROW((void)Index::create_or_open(path), IndexLockedError);
    EXPECT_THROW((void)Index::open(path), IndexLockedError);
}

TEST(ApiIndex, AddWithPrecomputedTagging) {
    TempDir dir;
    auto path = dir / "index";
    auto index = Index::create_or_open(path);
    auto article = make_article("t", "Kharkiv report", "Shelling hit Kharkiv in Ukraine on Monday.");
    auto tagging = index.tagger().tag(article);
    EXPECT_EQ(index.add(article, tagging), AddOutcome::added);
    index.commit();
    Searcher searcher(path);
    auto request = everything();
    request.filters[Facet::location] = {"Kharkiv"};
    auto results = searcher.search(request);
    ASSERT_EQ(results.total, 1u);
    EXPECT_EQ(results.hits[0].facets.location, tagging.facets.location);
}

TEST(ApiIndex, StoredFieldsRoundTrip) {
    TempDir dir;
    auto path = dir / "index";
    {
        auto index = Index::create_or_open(path);
        Article a = make_article("rt", "Round trip title", "Round trip body text.");
        a.date = "2024-02-03";
        a.source = "Caspian Ledger";
        a.url = "https://example.org/rt";
        a.dateline = "BAKU, Feb 3";
        index.add(a);
    }
    Searcher searcher(path);
    auto results = searcher.search(everything("round"));
    ASSERT_EQ(results.hits.size(), 1u);
    const auto& h = results.hits[0];
    EXPECT_EQ(h.id, "rt");
    EXPECT_EQ(h.title, "Round trip title");
    EXPECT_EQ(h.date, "2024-02-03");
    EXPECT_EQ(h.source, "Caspian Ledger");
    EXPECT_EQ(h.url, "https://example.org/rt");
}

TEST(ApiIndex, SearchingAnEmptyIndex) {
    TempDir dir;
    auto path = dir / "index";
    { auto index = Index::create_or_open(path); }
    Searcher searcher(path);
    for (const std::string query : {"", "embassy", "country:Russia"}) {
        auto results = searcher.search(everything(query));
        EXPECT_EQ(results.total, 0u) << query;
        EXPECT_TRUE(results.hits.empty()) << query;
        ASSERT_EQ(results.facets.size(), all_facets.size()) << query;
        for (const auto& [facet, counts] : results.facets) EXPECT_TRUE(counts.empty()) << query;
    }
    EXPECT_EQ(searcher.info().articles, 0u);
}

TEST(ApiIndex, IdsAreExactBytes) {
    TempDir dir;
    auto index = Index::create_or_open(dir / "index");
    EXPECT_EQ(index.add(make_article("Case", "T", "B")), AddOutcome::added);
    EXPECT_EQ(index.add(make_article("case", "T", "B")), AddOutcome::added);  // ids are case-sensitive
    EXPECT_EQ(index.add(make_article("case ", "T", "B")), AddOutcome::added);
    EXPECT_EQ(index.add(make_article(std::string("a\0b", 3), "T", "B")), AddOutcome::added);
    EXPECT_EQ(index.add(make_article("a", "T", "B")), AddOutcome::added);
    EXPECT_EQ(index.size(), 5u);
    EXPECT_TRUE(index.remove(std::string("a\0b", 3)));
    EXPECT_EQ(index.size(), 4u);
}
