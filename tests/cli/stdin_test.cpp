// newsfacet-index reading standard input ("-"), --format and --field.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

using namespace newsfacet::testing;

namespace {

const char* scraper_lines =
    "{\"headline\": \"Shells hit the embassy in Kyiv\", \"maintext\": \"Shells struck the Azerbaijani embassy in Kyiv overnight.\", "
    "\"date_publish\": \"2024-03-04 10:30:00\", \"source_domain\": \"example.com\", "
    "\"url\": \"https://Example.com/kyiv-embassy?utm_source=rss\"}\n"
    "{\"title\": \"Port of Odesa shelled\", \"text\": \"Russian shells hit the grain terminal in Odesa.\"}\n";

}  // namespace

TEST(CliStdin, JsonLinesFromAPipeAreIndexedAndSearchable) {
    TempDir dir;
    auto input = dir.write("dump.data", scraper_lines);
    auto r = run_index_piped(dir, input, {"--db", db_of(dir), "-"});
    ASSERT_EQ(r.status, 0) << r.err;
    auto j = search_json(dir, db_of(dir), {"embassy"});
    ASSERT_EQ(j["results"].size(), 1u) << answer_summary(j);
    EXPECT_EQ(j["results"][0]["id"], "https://example.com/kyiv-embassy");
    EXPECT_EQ(j["results"][0]["date"], "2024-03-04T10:30:00Z");
    EXPECT_EQ(j["results"][0]["source"], "example.com");
    auto odesa = search_json(dir, db_of(dir), {"odesa"});
    ASSERT_EQ(odesa["results"].size(), 1u);
    EXPECT_EQ(odesa["results"][0]["id"], "stdin#2");
}

TEST(CliStdin, TextNeedsItsFormatNamed) {
    TempDir dir;
    auto input = dir.write("story", "Embassy struck in Kyiv\n\nShells hit the embassy.\n");
    auto unknown = run_index_piped(dir, input, {"--dump", "-"});
    EXPECT_EQ(unknown.status, 3);
    EXPECT_EQ(lines_of(unknown.err).size(), 1u) << unknown.err;
    EXPECT_TRUE(contains(unknown.err, "standard input")) << unknown.err;
    EXPECT_TRUE(contains(unknown.err, "--format")) << unknown.err;
    auto text = run_index_piped(dir, input, {"--dump", "--format", "txt", "-"});
    ASSERT_EQ(text.status, 0) << text.err;
    auto article = nlohmann::json::parse(text.out);
    EXPECT_EQ(article["id"], "stdin");
    EXPECT_EQ(article["title"], "Embassy struck in Kyiv");
}

TEST(CliStdin, FieldMapsAnyKey) {
    TempDir dir;
    auto input = dir.write("dump.jsonl", "{\"hed\": \"Mapped title\", \"story\": {\"text\": \"Nested body.\"}}\n");
    auto r = run_index(dir, {"--dump", "--field", "title=hed", "--field", "body=story.text", input.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    auto article = nlohmann::json::parse(r.out);
    EXPECT_EQ(article["title"], "Mapped title");
    EXPECT_EQ(article["body"], "Nested body.");
}

TEST(CliStdin, BadFormatOrFieldIsAUsageErrorBeforeAnythingIsWritten) {
    TempDir dir;
    auto input = dir.write("a.jsonl", "{\"title\": \"t\"}\n");
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--db", db_of(dir), "--format", "pdf", input.string()},
             {"--db", db_of(dir), "--field", "author=by", input.string()},
             {"--db", db_of(dir), "--field", "body", input.string()},
             {"--db", db_of(dir), "--info", "--format", "json"}}) {
        auto r = run_index(dir, args);
        EXPECT_EQ(r.status, 2) << args[2] << ": " << r.err;
        EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
        EXPECT_FALSE(std::filesystem::exists(db_of(dir))) << args[2];
    }
}

// Standard input is read once, by the one reader a sharded run has: each article reaches its shard.
TEST(CliStdin, StandardInputIsIndexedIntoShards) {
    TempDir dir;
    std::string lines;
    for (int i = 0; i < 12; ++i) {
        lines += "{\"id\": \"piped-" + std::to_string(i) + "\", \"title\": \"Grain terminal shelled " +
                 std::to_string(i) + "\", \"text\": \"Shells hit the grain terminal in Odesa.\"}\n";
    }
    auto input = dir.write("a.data", lines);
    const auto db = db_of(dir);
    auto r = run_index_piped(dir, input, {"--db", db, "--shards", "2", "-"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "12 added")) << r.err;
    auto j = search_json(dir, db, {"-n", "20", "--no-collapse", "grain"});
    EXPECT_EQ(j["results"].size(), 12u) << answer_summary(j);
    // Both shards got some of them.
    for (const char* shard : {"shard-0", "shard-1"}) {
        auto part = search_json(dir, (std::filesystem::path(db) / shard).string(), {"-n", "0", ""});
        EXPECT_GT(part["total_articles"].get<int>(), 0) << shard;
        EXPECT_LT(part["total_articles"].get<int>(), 12) << shard;
    }
    // Again from the pipe: nothing new in any shard.
    auto again = run_index_piped(dir, input, {"--db", db, "-"});
    ASSERT_EQ(again.status, 0) << again.err;
    EXPECT_TRUE(contains(again.err, "0 added, 0 replaced, 12 unchanged")) << again.err;
}

TEST(CliStdin, PagesFromAPipeAreToldByTheirFirstBytes) {
    TempDir dir;
    auto input = dir.write("page", "<!DOCTYPE html><html><head><title>Embassy struck - Example News</title></head><body>"
                                   "<nav><a href=\"/\">Home</a></nav><article><p>Shells struck the Azerbaijani embassy in "
                                   "Kyiv overnight, damaging the fence and the consular section, officials said.</p>"
                                   "</article></body></html>");
    auto r = run_index_piped(dir, input, {"--dump", "-"});
    ASSERT_EQ(r.status, 0) << r.err;
    auto article = nlohmann::json::parse(r.out);
    EXPECT_EQ(article["id"], "stdin");
    EXPECT_EQ(article["title"], "Embassy struck");
    EXPECT_EQ(article["body"],
              "Shells struck the Azerbaijani embassy in Kyiv overnight, damaging the fence and the consular section, "
              "officials said.");
}
