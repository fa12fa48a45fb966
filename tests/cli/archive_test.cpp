// newsfacet-index over compressed files and archives: the fixtures in tests/data/archives
// (a .tar.gz of saved pages, a .jsonl.zst), standard input, damage and exit codes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "packing.hpp"

using namespace newsfacet::testing;

namespace {

const std::filesystem::path fixtures = std::filesystem::path(NEWSFACET_SOURCE_DIR) / "tests/data/archives";

std::vector<nlohmann::json> dumped(const std::string& out) {
    std::vector<nlohmann::json> articles;
    for (const auto& line : lines_of(out)) articles.push_back(nlohmann::json::parse(line));
    return articles;
}

}  // namespace

TEST(CliArchive, ATarGzOfPagesAndAJsonlZstAreIndexedAndSearchable) {
    TempDir dir;
    auto r = run_index(dir, {"--db", db_of(dir), fixtures.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "5 added")) << r.err;
    auto harbour = search_json(dir, db_of(dir), {"valparaiso"});
    ASSERT_EQ(harbour["results"].size(), 1u) << answer_summary(harbour);
    EXPECT_EQ(harbour["results"][0]["id"], "https://coast.example/world/harbour-reopens");
    EXPECT_EQ(harbour["results"][0]["source"], "Coast Daily");
    auto election = search_json(dir, db_of(dir), {"turnout"});
    ASSERT_EQ(election["results"].size(), 1u);
    // A page without a URL: ARCHIVE/PATH, the archive's path below the directory given.
    EXPECT_EQ(election["results"][0]["id"], "pages.tar.gz/pages/election.html");
    auto wire = search_json(dir, db_of(dir), {"odesa"});
    ASSERT_EQ(wire["results"].size(), 1u);
    EXPECT_EQ(wire["results"][0]["id"], "wire-1");
    EXPECT_EQ(wire["results"][0]["date"], "2024-05-06");
}

TEST(CliArchive, CompressedStandardInputIsReadAsAFileWouldBe) {
    TempDir dir;
    // `newsfacet-index - < dump.jsonl.gz`, a tar.gz piped in, and a plain pipe (`zcat ... |`).
    auto gz = dir.write("dump.bin", compressed(std::string_view("{\"id\": \"g1\", \"title\": \"Gz\", \"body\": \"From a pipe.\"}\n"
                                                                "{\"id\": \"g2\", \"title\": \"Gz\", \"body\": \"Two.\"}\n"),
                                               Compression::gzip));
    auto from_gz = run_index_piped(dir, gz, {"--dump", "-"});
    ASSERT_EQ(from_gz.status, 0) << from_gz.err;
    auto articles = dumped(from_gz.out);
    ASSERT_EQ(articles.size(), 2u);
    EXPECT_EQ(articles[1]["id"], "g2");
    auto from_tar = run_index_piped(dir, fixtures / "pages.tar.gz", {"--dump", "-"});
    ASSERT_EQ(from_tar.status, 0) << from_tar.err;
    auto pages = dumped(from_tar.out);
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_EQ(pages[0]["id"], "stdin/pages/election.html");
    auto from_zst = run_index_piped(dir, fixtures / "wire.jsonl.zst", {"--dump", "-"});
    ASSERT_EQ(from_zst.status, 0) << from_zst.err;
    EXPECT_EQ(dumped(from_zst.out).size(), 3u);
    // --format names the inner format when the bytes cannot tell it.
    auto text = dir.write("story.bin", compressed(std::string_view("Port reopens\n\nShips came back.\n"), Compression::xz));
    auto unnamed = run_index_piped(dir, text, {"--dump", "-"});
    EXPECT_EQ(unnamed.status, 3);
    EXPECT_EQ(lines_of(unnamed.err).size(), 1u) << unnamed.err;
    auto named = run_index_piped(dir, text, {"--dump", "--format", "txt", "-"});
    ASSERT_EQ(named.status, 0) << named.err;
    EXPECT_EQ(dumped(named.out).at(0)["title"], "Port reopens");
}

TEST(CliArchive, ATruncatedFileIsOneErrorLineAndExitThreeWithTheRestIndexed) {
    TempDir dir;
    std::string lines;
    for (int i = 1; i <= 3000; ++i) {
        lines += "{\"id\": \"n" + std::to_string(i) + "\", \"title\": \"Story " + std::to_string(i) +
                 "\", \"body\": \"Grain left the port, story " + std::to_string(i * 7919) + ".\"}\n";
    }
    const auto whole = compressed(lines, Compression::gzip);
    dir.write("in/cut.jsonl.gz", whole.substr(0, whole.size() / 2));
    dir.write("in/ok.json", "{\"id\": \"ok\", \"title\": \"Fine\", \"body\": \"Unharmed story.\"}");
    auto r = run_index(dir, {"--db", db_of(dir), (dir / "in").string()});
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_EQ(lines_containing(r.err, "cut.jsonl.gz"), 1u) << r.err;
    EXPECT_EQ(lines_containing(r.err, "truncated"), 1u) << r.err;
    EXPECT_EQ(search_json(dir, db_of(dir), {"unharmed"})["results"].size(), 1u);
    EXPECT_GT(search_json(dir, db_of(dir), {"story"})["total"].get<long>(), 100);
}
