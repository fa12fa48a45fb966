// newsfacet-index --tag-only: one JSON line per article, nothing indexed.
#include <gtest/gtest.h>

#include <fstream>

#include "cli_support.hpp"

using namespace newsfacet::testing;
using nlohmann::json;

namespace {

std::set<std::string> keys_of(const json& j) {
    std::set<std::string> out;
    for (const auto& [key, value] : j.items()) out.insert(key);
    return out;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void check_tagging(const json& j) {
    EXPECT_EQ(keys_of(j), (std::set<std::string>{"id", "facets", "officials", "organizations", "mentions"}));
    EXPECT_TRUE(j["id"].is_string());
    ASSERT_TRUE(j["facets"].is_object());
    EXPECT_EQ(keys_of(j["facets"]), (std::set<std::string>{"country", "official", "location", "organization"}));
    ASSERT_TRUE(j["mentions"].is_array());
    for (const auto& m : j["mentions"]) {
        EXPECT_EQ(keys_of(m), (std::set<std::string>{"facet", "value", "text", "start", "end", "demonym"}));
        EXPECT_TRUE(m["facet"].is_string());
        EXPECT_TRUE(m["value"].is_string());
        EXPECT_TRUE(m["text"].is_string());
        EXPECT_TRUE(m["start"].is_number_integer());
        EXPECT_TRUE(m["end"].is_number_integer());
        EXPECT_TRUE(m["demonym"].is_boolean());
        EXPECT_LT(m["start"].get<std::size_t>(), m["end"].get<std::size_t>());
    }
}

}  // namespace

TEST(CliTagOnly, SeedArticle) {
    TempDir dir;
    auto seed = corpus_path + "/" + seed_id;
    auto r = run_index(dir, {"--db", db_of(dir), "--tag-only", seed});
    ASSERT_EQ(r.status, 0) << r.err;
    auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), 1u) << r.out;
    auto j = json::parse(lines[0]);
    check_tagging(j);
    EXPECT_EQ(j["id"], seed_id);
    EXPECT_EQ(j["facets"]["country"], (json{"Azerbaijan", "Russia", "Ukraine"}));
    EXPECT_EQ(j["facets"]["official"], (json{"Ilham Aliyev", "Mikhail Yevdokimov", "Volodymyr Zelensky"}));
    EXPECT_TRUE(has_value(j["facets"]["location"], "Kyiv"));
    EXPECT_TRUE(has_value(j["facets"]["location"], "Kharkiv"));
    EXPECT_FALSE(std::filesystem::exists(db_of(dir))) << "--tag-only must not create an index";
}

TEST(CliTagOnly, MentionOffsetsIndexTheBody) {
    TempDir dir;
    auto seed = corpus_path + "/" + seed_id;
    auto r = run_index(dir, {"--tag-only", seed});
    ASSERT_EQ(r.status, 0) << r.err;
    auto j = json::parse(lines_of(r.out).at(0));
    // The seed has no title line, so its body is the whole file without trailing whitespace.
    auto body = read_file(seed);
    while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.pop_back();
    ASSERT_FALSE(j["mentions"].empty());
    for (const auto& m : j["mentions"]) {
        auto start = m["start"].get<std::size_t>();
        auto end = m["end"].get<std::size_t>();
        ASSERT_LE(end, body.size());
        EXPECT_EQ(body.substr(start, end - start), m["text"].get<std::string>()) << m.dump();
    }
}

TEST(CliTagOnly, OneLinePerArticleOfADirectory) {
    TempDir dir;
    auto r = run_index(dir, {"--tag-only", corpus_path});
    ASSERT_EQ(r.status, 0) << r.err;
    auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), corpus_articles);
    std::set<std::string> ids;
    for (const auto& line : lines) {
        auto j = json::parse(line);
        check_tagging(j);
        ids.insert(j["id"].get<std::string>());
    }
    EXPECT_EQ(ids.size(), corpus_articles);
    EXPECT_TRUE(ids.count("wire.jsonl#3"));
    EXPECT_TRUE(ids.count("features/kharkiv-consulates.md"));
}

TEST(CliTagOnly, JsonLinesFile) {
    TempDir dir;
    auto r = run_index(dir, {"--tag-only", corpus_path + "/wire.jsonl"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(lines_of(r.out).size(), 10u);
}

TEST(CliTagOnly, SkippedInputIsThreeButOthersArePrinted) {
    TempDir dir;
    auto good = dir.write("good.txt", "Kyiv report\n\nMissiles struck Kyiv, Ukraine said.\n");
    auto empty = dir.write("empty.txt", "");
    auto r = run_index(dir, {"--tag-only", good.string(), empty.string()});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(lines_of(r.out).size(), 1u);
    EXPECT_EQ(lines_containing(r.err, "empty.txt"), 1u) << r.err;
}

TEST(CliDump, ArticlesRoundTripThroughJsonLines) {
    newsfacet::testing::TempDir dir;
    auto dumped = newsfacet::testing::run_command({NEWSFACET_INDEX_BIN, "--dump", NEWSFACET_CORPUS_DIR}, dir.path());
    ASSERT_EQ(dumped.status, 0) << dumped.err;
    auto file = dir.write("corpus.jsonl", dumped.out);
    std::size_t lines = 0;
    for (char c : dumped.out) lines += c == '\n';
    EXPECT_EQ(lines, 45u);
    auto a = (dir / "a").string(), b = (dir / "b").string();
    ASSERT_EQ(newsfacet::testing::run_command({NEWSFACET_INDEX_BIN, "-q", "--db", a, NEWSFACET_CORPUS_DIR}, dir.path()).status, 0);
    ASSERT_EQ(newsfacet::testing::run_command({NEWSFACET_INDEX_BIN, "-q", "--db", b, file.string()}, dir.path()).status, 0);
    auto ra = newsfacet::testing::run_command({NEWSFACET_SEARCH_BIN, "--db", a, "--json", "embassy strike"}, dir.path());
    auto rb = newsfacet::testing::run_command({NEWSFACET_SEARCH_BIN, "--db", b, "--json", "embassy strike"}, dir.path());
    EXPECT_EQ(ra.out, rb.out);  // same articles, same ids, same answers
}
