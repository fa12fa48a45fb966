// ingest() with one thread and with a preparing thread: the same index, the same callbacks
// in the same order.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"
#include "temp_dir.hpp"

using namespace newsfacet;
using newsfacet::testing::everything;
using newsfacet::testing::ids_of;
using newsfacet::testing::TempDir;

namespace {

// Everything a run reports, as one ordered log.
struct Run {
    IngestStats stats;
    std::vector<std::string> log;
    std::vector<std::uint64_t> progress;  // articles stored, at each progress call
};

Run ingest_with(const std::filesystem::path& db, const std::vector<std::filesystem::path>& paths, unsigned threads) {
    Run run;
    auto index = Index::create_or_open(db);
    IngestHandler handler;
    handler.on_error = [&](const InputError& e) { run.log.push_back(std::string("error ") + e.what()); };
    handler.on_warning = [&](const std::string& w) { run.log.push_back("warning " + w); };
    handler.on_progress = [&](const IngestStats& s) { run.progress.push_back(s.added + s.replaced); };
    IngestOptions options;
    options.threads = threads;
    run.stats = ingest(index, paths, handler, options);
    return run;
}

}  // namespace

TEST(ApiIngestThreads, SameIndexAndSameReportsWithOneOrTwoThreads) {
    TempDir dir;
    // Good articles around bad records, an id given twice (the later one wins), a
    // Windows-1252 file (a warning), a missing path.
    auto feed = dir.write("feed.jsonl",
                          "{\"id\": \"a\", \"title\": \"Embassy struck\", \"body\": \"A missile hit the embassy in Kyiv.\"}\n"
                          "{not json}\n"
                          "{\"id\": \"b\", \"title\": \"Port strike\", \"body\": \"Dockers walked out in Odesa.\"}\n"
                          "{\"id\": \"c\", \"title\": 7}\n"
                          "{\"id\": \"a\", \"title\": \"Embassy struck again\", \"body\": \"Drones hit the embassy.\"}\n");
    auto latin = dir.write("latin.txt", std::string("Caf\xe9 talks\n\nMinisters met in a caf\xe9 in Paris.\n"));
    std::vector<std::filesystem::path> paths = {feed, newsfacet::testing::corpus_dir(), latin, dir / "missing.jsonl"};

    auto one = ingest_with(dir / "one", paths, 1);
    auto two = ingest_with(dir / "two", paths, 2);

    EXPECT_EQ(one.stats.added, two.stats.added);
    EXPECT_EQ(one.stats.replaced, two.stats.replaced);
    EXPECT_EQ(one.stats.failed, two.stats.failed);
    EXPECT_EQ(one.stats.warnings, two.stats.warnings);
    EXPECT_EQ(one.stats.bytes, two.stats.bytes);
    EXPECT_EQ(one.stats.replaced, 1u);
    EXPECT_GE(one.stats.failed, 3u);  // bad JSON, a title that is not text, missing path
    EXPECT_EQ(one.log, two.log);
    EXPECT_EQ(one.progress, two.progress);

    Searcher a(dir / "one"), b(dir / "two");
    for (const char* query : {"", "embassy", "strike", "Ukraine", "café"}) {
        auto ra = a.search(everything(query));
        auto rb = b.search(everything(query));
        EXPECT_EQ(ids_of(ra), ids_of(rb)) << query;
        ASSERT_EQ(ra.hits.size(), rb.hits.size()) << query;
        for (std::size_t i = 0; i < ra.hits.size(); ++i) {
            EXPECT_EQ(ra.hits[i].score, rb.hits[i].score) << query;
            EXPECT_EQ(ra.hits[i].snippet.text, rb.hits[i].snippet.text) << query;
        }
        ASSERT_EQ(ra.facets.size(), rb.facets.size());
        for (std::size_t f = 0; f < ra.facets.size(); ++f) {
            ASSERT_EQ(ra.facets[f].second.size(), rb.facets[f].second.size()) << query;
            for (std::size_t v = 0; v < ra.facets[f].second.size(); ++v) {
                EXPECT_EQ(ra.facets[f].second[v].value, rb.facets[f].second[v].value) << query;
                EXPECT_EQ(ra.facets[f].second[v].count, rb.facets[f].second[v].count) << query;
            }
        }
    }
    for (auto* searcher : {&a, &b}) {
        // The later "a" replaced the first.
        bool found = false;
        for (const auto& hit : searcher->search(everything("embassy")).hits) {
            if (hit.id != "a") continue;
            found = true;
            EXPECT_EQ(hit.title, "Embassy struck again");
        }
        EXPECT_TRUE(found);
    }
}

TEST(ApiIngestThreads, AWriterFailureStopsThePipelineWithoutHanging) {
    TempDir dir;
    std::string many;
    for (int i = 0; i < 2000; ++i) {
        many += "{\"id\": \"n" + std::to_string(i) + "\", \"title\": \"Item " + std::to_string(i) +
                "\", \"body\": \"Body text of item " + std::to_string(i) + ".\"}\n";
    }
    auto feed = dir.write("many.jsonl", many);
    auto index = Index::create_or_open(dir / "db");
    IngestHandler handler;
    int calls = 0;
    // A failure on the writer's side (here from a callback) must end ingest() promptly, with
    // the preparing thread stopped, not blocked on a full queue.
    handler.on_progress = [&](const IngestStats&) {
        if (++calls == 10) throw DatabaseError("simulated writer failure");
    };
    IngestOptions options;
    options.threads = 2;
    EXPECT_THROW((void)ingest(index, {feed}, handler, options), DatabaseError);
    EXPECT_EQ(calls, 10);
}

TEST(ApiIngestThreads, CommitsEveryBatchSoSearchersSeeWholeBatches) {
    TempDir dir;
    std::string feed_text;
    for (int i = 0; i < 7; ++i) {
        feed_text += "{\"id\": \"n" + std::to_string(i) + "\", \"title\": \"Item\", \"body\": \"Body " + std::to_string(i) + ".\"}\n";
    }
    auto feed = dir.write("feed.jsonl", feed_text);
    for (std::uint64_t every : {0u, 3u}) {
        auto db = dir / ("db" + std::to_string(every));
        auto index = Index::create_or_open(db);
        index.commit();
        std::vector<std::uint64_t> visible;
        IngestHandler handler;
        handler.on_progress = [&](const IngestStats&) { visible.push_back(Searcher(db).search(everything()).total); };
        IngestOptions options;
        options.commit_every = every;
        (void)ingest(index, {feed}, handler, options);
        if (every == 0) {
            EXPECT_EQ(visible, (std::vector<std::uint64_t>(7, 0))) << "nothing visible before the end";
        } else {
            EXPECT_EQ(visible, (std::vector<std::uint64_t>{0, 0, 3, 3, 3, 6, 6}));
        }
        EXPECT_EQ(Searcher(db).search(everything()).total, 7u);
    }
}
