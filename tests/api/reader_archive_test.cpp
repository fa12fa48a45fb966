// read_articles over compressed files (.gz .bz2 .xz .zst) and archives (.tar, .tar.*, .zip):
// told by their first bytes, streamed, members read like a directory's files with ids
// ARCHIVE/PATH, damage and bombs ending in one error while the rest is read.
#include <algorithm>
#include <fstream>

#include <gtest/gtest.h>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"
#include "packing.hpp"
#include "temp_dir.hpp"

using namespace newsfacet;
using newsfacet::testing::Compression;
using newsfacet::testing::compressed;
using newsfacet::testing::Member;
using newsfacet::testing::Pieces;
using newsfacet::testing::read_all;
using newsfacet::testing::TempDir;

namespace {

std::string json_line(const std::string& id, const std::string& body) {
    return R"({"id": ")" + id + R"(", "title": "Title )" + id + R"(", "body": ")" + body + "\"}\n";
}

// JSON Lines of articles n1..nN.
std::string numbered_lines(int n) {
    std::string out;
    for (int i = 1; i <= n; ++i) out += json_line("n" + std::to_string(i), "Story number " + std::to_string(i) + " about grain exports.");
    return out;
}

const std::string page =
    "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour reopens | Coast News</title></head><body>"
    "<article><h1>Harbour reopens</h1><p>The harbour reopened on Monday after the storm passed, and the first "
    "ships came back with grain and fuel for the towns along the coast.</p></article></body></html>";

std::vector<std::string> ids_of(const std::vector<Article>& articles) {
    std::vector<std::string> ids;
    for (const auto& a : articles) ids.push_back(a.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::string log_of(const newsfacet::testing::ReadResult& r) {
    std::string out;
    for (const auto& e : r.errors) out += std::string(e.what()) + "\n";
    for (const auto& w : r.warnings) out += "warning: " + w + "\n";
    return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

using Ids = std::vector<std::string>;

}  // namespace

TEST(ApiReaderArchive, JsonLinesInEachCompressionAreRead) {
    TempDir dir;
    const auto lines = json_line("a1", "Talks resumed in Geneva.") + json_line("a2", "Grain left Odesa.");
    for (auto [name, compression] : {std::pair{"d.jsonl.gz", Compression::gzip}, {"d.jsonl.bz2", Compression::bzip2},
                                     {"d.jsonl.xz", Compression::xz}, {"d.jsonl.zst", Compression::zstd}}) {
        auto file = dir.write(name, compressed(lines, compression));
        auto r = read_all(file);
        EXPECT_TRUE(r.errors.empty()) << name << ": " << log_of(r);
        EXPECT_EQ(ids_of(r.articles), (Ids{"a1", "a2"})) << name;
    }
}

TEST(ApiReaderArchive, CompressionIsToldByTheFirstBytesNotTheName) {
    TempDir dir;
    const auto lines = json_line("a1", "Talks resumed in Geneva.") + json_line("a2", "Grain left Odesa.");
    // Named directly without an extension, found in a walk without one, and with a lying one.
    auto bare = dir.write("dump", compressed(lines, Compression::gzip));
    EXPECT_EQ(ids_of(read_all(bare).articles), (Ids{"a1", "a2"}));
    dir.write("walk/part-00000", compressed(lines, Compression::zstd));
    dir.write("walk/noise", "plain noise, no article");
    auto walked = read_all(dir / "walk");
    EXPECT_TRUE(walked.errors.empty()) << log_of(walked);
    EXPECT_EQ(ids_of(walked.articles), (Ids{"a1", "a2"}));
    auto lying = dir.write("lying.jsonl", compressed(lines, Compression::bzip2));
    EXPECT_EQ(ids_of(read_all(lying).articles), (Ids{"a1", "a2"}));
}

TEST(ApiReaderArchive, TheInnerFormatComesFromTheInnerNameElseFromTheBytes) {
    TempDir dir;
    auto html = read_all(dir.write("page.html.xz", compressed(page, Compression::xz)));
    ASSERT_EQ(html.articles.size(), 1u) << log_of(html);
    EXPECT_EQ(html.articles[0].id, "page.html.xz");
    EXPECT_EQ(html.articles[0].title, "Harbour reopens");
    // The inner name says text: the bytes are read as text, though they look like JSON.
    auto text = read_all(dir.write("note.txt.gz", compressed("{not json} a title\n\nA body.\n", Compression::gzip)));
    ASSERT_EQ(text.articles.size(), 1u) << log_of(text);
    EXPECT_EQ(text.articles[0].title, "{not json} a title");
    // No inner extension: sniffed.
    auto sniffed = read_all(dir.write("feed.gz", compressed(page, Compression::gzip)));
    ASSERT_EQ(sniffed.articles.size(), 1u) << log_of(sniffed);
    EXPECT_EQ(sniffed.articles[0].title, "Harbour reopens");
    auto unknown = read_all(dir.write("blob.gz", compressed("neither JSON nor HTML", Compression::gzip)));
    EXPECT_TRUE(unknown.articles.empty());
    ASSERT_EQ(unknown.errors.size(), 1u);
    EXPECT_TRUE(contains(unknown.errors[0].what(), "unsupported file type")) << unknown.errors[0].what();
}

TEST(ApiReaderArchive, EveryMemberOfAMultiMemberGzipIsRead) {
    TempDir dir;
    // As .warc.gz files are made: one gzip member per record, concatenated.
    auto file = dir.write("multi.jsonl.gz", compressed(json_line("m1", "One."), Compression::gzip) +
                                                compressed(json_line("m2", "Two."), Compression::gzip) +
                                                compressed(json_line("m3", "Three."), Compression::gzip));
    auto r = read_all(file);
    EXPECT_TRUE(r.errors.empty()) << log_of(r);
    EXPECT_EQ(ids_of(r.articles), (Ids{"m1", "m2", "m3"}));
}

TEST(ApiReaderArchive, ATruncatedFileIsReadAsFarAsItGoesThenOneError) {
    TempDir dir;
    const auto lines = numbered_lines(5000);
    for (auto [name, compression] : {std::pair{"cut.jsonl.gz", Compression::gzip}, {"cut.jsonl.xz", Compression::xz},
                                     {"cut.jsonl.zst", Compression::zstd}}) {
        const auto whole = compressed(lines, compression);
        auto file = dir.write(name, whole.substr(0, whole.size() * 2 / 3));
        auto r = read_all(file);
        ASSERT_EQ(r.errors.size(), 1u) << name << ": " << log_of(r);
        EXPECT_EQ(r.errors[0].file(), file.string());
        EXPECT_TRUE(contains(r.errors[0].what(), "truncated or damaged")) << r.errors[0].what();
        // What came before the damage, in order, and nothing after it.
        EXPECT_GT(r.articles.size(), 100u) << name;
        EXPECT_LT(r.articles.size(), 5000u) << name;
        for (std::size_t i = 0; i < r.articles.size(); ++i) EXPECT_EQ(r.articles[i].id, "n" + std::to_string(i + 1));
    }
    // The same bytes whole: no error.
    auto whole = read_all(dir.write("whole.jsonl.gz", compressed(lines, Compression::gzip)));
    EXPECT_TRUE(whole.errors.empty());
    EXPECT_EQ(whole.articles.size(), 5000u);
}

TEST(ApiReaderArchive, ADamagedHeaderIsOneError) {
    TempDir dir;
    auto r = read_all(dir.write("bad.jsonl.gz", std::string("\x1F\x8B", 2) + "not really gzip at all"));
    EXPECT_TRUE(r.articles.empty());
    ASSERT_EQ(r.errors.size(), 1u) << log_of(r);
    EXPECT_TRUE(contains(r.errors[0].what(), "damaged")) << r.errors[0].what();
    EXPECT_TRUE(r.warnings.empty()) << log_of(r);
}

TEST(ApiReaderArchive, TarsAndZipsAreReadLikeADirectory) {
    TempDir dir;
    const std::vector<Member> members = {
        {"news/a.json", R"({"title": "Alpha", "body": "Grain talks in Geneva."})"},
        {"news/sub/b.txt", "Beta\n\nElections in Chile.\n"},
        {"news/page", page},                                                   // sniffed
        {"news/c.jsonl.gz", compressed(json_line("c1", "Gamma."), Compression::gzip)},  // compressed member
        {"news/.hidden.json", R"({"title": "Hidden", "body": "No."})"},
        {"news/README.md", "# About\n\nNot an article.\n"},
        {"news/image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)},
        {"news/notes.log", "a log line\n"},
    };
    for (auto [name, bytes] : {std::pair{"n.tar", newsfacet::testing::tar(members)},
                               {"n.tar.gz", newsfacet::testing::tar(members, Compression::gzip)},
                               {"n.tgz", newsfacet::testing::tar(members, Compression::gzip)},
                               {"n.tar.zst", newsfacet::testing::tar(members, Compression::zstd)},
                               {"n.tar.bz2", newsfacet::testing::tar(members, Compression::bzip2)},
                               {"n.zip", newsfacet::testing::zip(members)}}) {
        auto file = dir.write(std::string("one/") + name, bytes);
        auto r = read_all(file);
        EXPECT_TRUE(r.errors.empty() && r.warnings.empty()) << name << ": " << log_of(r);
        const std::string n = name;
        EXPECT_EQ(ids_of(r.articles), (Ids{"c1", n + "/news/a.json", n + "/news/page", n + "/news/sub/b.txt"})) << name;
    }
    // Also with no extension, and from a walk: ids start with the archive's path below the directory.
    dir.write("walk/sub/plain", newsfacet::testing::tar(members));
    auto walked = read_all(dir / "walk");
    EXPECT_TRUE(walked.errors.empty()) << log_of(walked);
    EXPECT_EQ(ids_of(walked.articles), (Ids{"c1", "sub/plain/news/a.json", "sub/plain/news/page", "sub/plain/news/sub/b.txt"}));
}

TEST(ApiReaderArchive, ArchivesInsideArchivesAreSkippedWithAWarning) {
    TempDir dir;
    const auto inner = newsfacet::testing::tar({{"x.json", R"({"title": "Inner", "body": "Deep."})"}});
    auto file = dir.write("outer.zip", newsfacet::testing::zip({{"inner.tar", inner},
                                                                 {"inner.tar.gz", compressed(inner, Compression::gzip)},
                                                                 {"top.json", R"({"title": "Top", "body": "Here."})"}}));
    auto r = read_all(file);
    EXPECT_TRUE(r.errors.empty()) << log_of(r);
    EXPECT_EQ(ids_of(r.articles), (Ids{"outer.zip/top.json"}));
    ASSERT_EQ(r.warnings.size(), 2u) << log_of(r);
    EXPECT_TRUE(contains(r.warnings[0], "outer.zip/inner.tar: an archive or compressed file inside another")) << r.warnings[0];
}

TEST(ApiReaderArchive, MemberNamesOutsideTheArchiveAreOnlyIds) {
    TempDir dir;
    std::filesystem::create_directories(dir / "in");
    auto file = dir.write("in/evil.tar", newsfacet::testing::tar({{"../evil.json", R"({"title": "Up", "body": "Out."})"},
                                                                  {"/abs.json", R"({"title": "Abs", "body": "Root."})"},
                                                                  {"./dot/./c.json", R"({"title": "Dot", "body": "Dot."})"},
                                                                  {"a/../../up.json", R"({"title": "Mid", "body": "Mid."})"}}));
    const auto cwd_before = std::filesystem::current_path();
    auto r = read_all(file);
    EXPECT_TRUE(r.errors.empty()) << log_of(r);
    EXPECT_EQ(ids_of(r.articles), (Ids{"evil.tar/../evil.json", "evil.tar/a/../../up.json", "evil.tar/abs.json", "evil.tar/dot/c.json"}));
    // Nothing was written anywhere.
    EXPECT_FALSE(std::filesystem::exists(dir / "evil.json"));
    EXPECT_FALSE(std::filesystem::exists(dir / "up.json"));
    EXPECT_FALSE(std::filesystem::exists(cwd_before / "abs.json"));
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir / "in"), std::filesystem::directory_iterator()), 1);
}

TEST(ApiReaderArchive, AnArticleAboveTheCapIsOneErrorAndTheRestIsRead) {
    TempDir dir;
    // 200 MiB of one JSON line (a bomb: about 200 KB compressed), then an ordinary line.
    const Pieces bomb = {{R"({"title": "Bomb", "body": ")", 1}, {std::string(1 << 20, '0'), 200}, {"\"}\n", 1},
                         {json_line("after", "Read after the bomb."), 1}};
    auto file = dir.write("bomb.jsonl.gz", compressed(bomb, Compression::gzip));
    ASSERT_LT(std::filesystem::file_size(file), 1u << 20);
    auto r = read_all(file);
    ASSERT_EQ(r.errors.size(), 1u) << log_of(r);
    EXPECT_EQ(r.errors[0].line(), 1u);
    EXPECT_TRUE(contains(r.errors[0].what(), "64 MiB")) << r.errors[0].what();
    EXPECT_EQ(ids_of(r.articles), (Ids{"after"}));
    // A page read whole, in an archive beside another member.
    const auto big_page = "<html><body><p>" + std::string(std::size_t{100} << 20, 'a') + "</p></body></html>";
    auto archive = dir.write("pages.zip", newsfacet::testing::zip({{"big.html", big_page}, {"ok.html", page}}));
    auto pages = read_all(archive);
    ASSERT_EQ(pages.errors.size(), 1u) << log_of(pages);
    EXPECT_EQ(pages.errors[0].file(), archive.string() + "/big.html");
    EXPECT_EQ(ids_of(pages.articles), (Ids{"pages.zip/ok.html"}));
    // The cap is an option: below it the same article is read.
    ReadOptions options;
    options.max_article_bytes = 1024;
    auto small = read_all(dir.write("small.jsonl.gz", compressed(json_line("s1", "Short.") + json_line("s2", std::string(2000, 'x')),
                                                                 Compression::gzip)),
                          options);
    EXPECT_EQ(ids_of(small.articles), (Ids{"s1"}));
    ASSERT_EQ(small.errors.size(), 1u);
    EXPECT_EQ(small.errors[0].line(), 2u);
    EXPECT_TRUE(contains(small.errors[0].what(), "1 KiB")) << small.errors[0].what();
}

TEST(ApiReaderArchive, AnInputAboveItsCapEndsInOneErrorAfterWhatCameBefore) {
    TempDir dir;
    auto file = dir.write("many.jsonl.zst", compressed(numbered_lines(3000), Compression::zstd));
    ReadOptions options;
    options.max_input_bytes = 64 << 10;
    auto r = read_all(file, options);
    ASSERT_EQ(r.errors.size(), 1u) << log_of(r);
    EXPECT_TRUE(contains(r.errors[0].what(), "64 KiB")) << r.errors[0].what();
    EXPECT_GT(r.articles.size(), 100u);
    EXPECT_LT(r.articles.size(), 3000u);
    // An archive's members count together.
    auto archive = dir.write("many.tar", newsfacet::testing::tar({{"a.jsonl", numbered_lines(1000)}, {"b.jsonl", numbered_lines(1000)}}));
    auto capped = read_all(archive, options);
    ASSERT_EQ(capped.errors.size(), 1u) << log_of(capped);
    EXPECT_LT(capped.articles.size(), 2000u);
    // Without the cap, everything.
    EXPECT_EQ(read_all(file).articles.size(), 3000u);
    EXPECT_EQ(read_all(archive).articles.size(), 2000u);
}

TEST(ApiReaderArchive, ProgressCountsThePackedBytesAsInputBytesDoes) {
    TempDir dir;
    dir.write("in/a.jsonl.gz", compressed(numbered_lines(500), Compression::gzip));
    dir.write("in/b.tar.xz", newsfacet::testing::tar({{"b.jsonl", numbered_lines(300)}, {"p.html", page}}, Compression::xz));
    dir.write("in/c.jsonl", numbered_lines(10));
    std::uint64_t consumed = 0;
    std::size_t articles = 0;
    ReadHandler handler;
    handler.on_bytes = [&](std::uint64_t n) { consumed += n; };
    handler.on_article = [&](Article&&) { ++articles; };
    read_articles(dir / "in", handler);
    EXPECT_EQ(articles, 811u);
    EXPECT_EQ(consumed, input_bytes({dir / "in"}));
}
