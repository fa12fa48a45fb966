// Very large inputs: a 50 MB article is indexed and found; a 1,000,000-line JSON Lines file
// is streamed in constant memory (as much as 1% of it needs).
#include <fstream>

#include <gtest/gtest.h>

#include "cli_support.hpp"
#include "spawn.hpp"

using namespace newsfacet::testing;

namespace {

/// Writes a JSON Lines feed of `lines` short articles to `path` and returns it.
std::filesystem::path write_feed(const std::filesystem::path& path, int lines) {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < lines; ++i) {
        out << R"({"id": "n)" << i << R"(", "title": "Report )" << i
            << R"(", "body": "Grain exports from France rose by )" << i << R"( tonnes this week."})" << '\n';
    }
    return path;
}

}  // namespace

TEST(CliLargeInput, AFiftyMegabyteArticleIsIndexedAndFound) {
    TempDir dir;
    std::filesystem::create_directories(dir / "news");
    {
        std::ofstream out(dir / "news/huge.txt", std::ios::binary);
        out << "An enormous dispatch\n\nOfficials in Kenya said ";
        std::string sentence;
        for (int i = 0; i < 40; ++i) sentence += "word" + std::to_string(i * 7919 % 1000) + " ";
        sentence += "grain exports. ";
        for (std::size_t written = 0; written < 50'000'000; written += sentence.size()) out << sentence;
        out << "The last words mention a zeppelin.\n";
    }
    dir.write("news/small.txt", "Small\n\nA short story about grain.\n");
    auto r = run_index(dir, {"--db", db_of(dir), (dir / "news").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "2 added")) << r.err;
    auto j = search_json(dir, db_of(dir), {"zeppelin"});
    ASSERT_EQ(j["total"], 1) << j.dump();
    EXPECT_EQ(j["results"][0]["title"], "An enormous dispatch");
    EXPECT_LT(j["results"][0]["snippet"].get<std::string>().size(), 1000u);
}

TEST(CliLargeInput, AMillionLineJsonLinesFileIsStreamedInConstantMemory) {
    TempDir dir;
    const auto sample = write_feed(dir / "sample.jsonl", 10'000);
    const auto feed = write_feed(dir / "feed.jsonl", 1'000'000);
    const auto file_kib = static_cast<long>(std::filesystem::file_size(feed) / 1024);
    ASSERT_GT(file_kib, 90'000);
    // Every article read and written out (the reader and the JSON writer; indexing the
    // million takes minutes: measured in the issue notes, not here). The baseline is the same
    // program on 1% of the lines, on this machine and build (allocator, sanitizers): streamed,
    // a hundred times the lines need no more memory than that, give or take; a reader or writer
    // that kept the articles (or their ids) would need tens of megabytes more.
    auto baseline = run_measured({index_bin, "--dump", sample.string()});
    ASSERT_EQ(baseline.status, 0);
    auto dump = run_measured({index_bin, "--dump", feed.string()});
    EXPECT_EQ(dump.status, 0);
    EXPECT_LT(dump.peak_rss_kib - baseline.peak_rss_kib, file_kib / 20)
        << "peak memory (KiB): " << baseline.peak_rss_kib << " for 10,000 lines, " << dump.peak_rss_kib
        << " for a million (a " << file_kib << " KiB file)";
}
