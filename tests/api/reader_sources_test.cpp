// read_articles beyond file extensions: JSON told by content, standard input's options, field
// mappings and URLs as ids; normalize_url.
#include <gtest/gtest.h>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"
#include "temp_dir.hpp"

using newsfacet::normalize_url;
using newsfacet::testing::read_all;
using newsfacet::testing::TempDir;

TEST(ApiNormalizeUrl, LowerCasesSchemeAndHostAndDropsWhatDoesNotNameThePage) {
    EXPECT_EQ(normalize_url("HTTPS://News.Example.COM/World/Story-1.html"), "https://news.example.com/World/Story-1.html");
    EXPECT_EQ(normalize_url("https://example.com:443/a#comments"), "https://example.com/a");
    EXPECT_EQ(normalize_url("http://example.com:80"), "http://example.com/");
    EXPECT_EQ(normalize_url("http://example.com:8080/a"), "http://example.com:8080/a");
    EXPECT_EQ(normalize_url("https://e.org/a?utm_source=feed&id=7&UTM_Medium=rss&fbclid=x&page=2"),
              "https://e.org/a?id=7&page=2");
    EXPECT_EQ(normalize_url("https://e.org/a?utm_campaign=x"), "https://e.org/a");
    EXPECT_EQ(normalize_url("  https://e.org/a  "), "https://e.org/a");
}

TEST(ApiNormalizeUrl, KeepsWhatItCannotReadAsAnAbsoluteUrl) {
    EXPECT_EQ(normalize_url("example.com/A"), "example.com/A");
    EXPECT_EQ(normalize_url("/relative/Path"), "/relative/Path");
    EXPECT_EQ(normalize_url("https://"), "https://");
    EXPECT_EQ(normalize_url(""), "");
    EXPECT_EQ(normalize_url("http://[::1]:80/x"), "http://[::1]/x");
}

TEST(ApiReaderSources, FilesWithoutAKnownExtensionAreReadWhenTheyHoldJson) {
    TempDir dir;
    auto folder = dir.path() / "dump";
    std::filesystem::create_directories(folder);
    dir.write("dump/part-00000", "{\"title\": \"One\", \"body\": \"A.\"}\n{\"title\": \"Two\", \"body\": \"B.\"}\n");
    dir.write("dump/article", "{\n  \"title\": \"Three\",\n  \"body\": \"C.\"\n}\n");
    dir.write("dump/notes.log", "Not an article.\n");
    dir.write("dump/image.png", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
    auto read = read_all(folder);
    std::vector<std::string> ids;
    for (const auto& a : read.articles) ids.push_back(a.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"article", "part-00000#1", "part-00000#2"}));
    EXPECT_TRUE(read.errors.empty());
    EXPECT_EQ(newsfacet::input_bytes({folder}), std::filesystem::file_size(folder / "part-00000") +
                                                    std::filesystem::file_size(folder / "article"));
}

TEST(ApiReaderSources, ANamedFileOfUnknownFormatIsAnErrorUnlessTheFormatIsGiven) {
    TempDir dir;
    auto file = dir.write("story.dat", "Embassy struck\n\nShells hit the embassy.\n");
    auto read = read_all(file);
    EXPECT_TRUE(read.articles.empty());
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_NE(std::string(read.errors[0].what()).find("unsupported file type"), std::string::npos)
        << read.errors[0].what();

    newsfacet::ReadOptions options;
    options.format = newsfacet::parse_input_format("txt");
    auto given = read_all(file, options);
    ASSERT_EQ(given.articles.size(), 1u);
    EXPECT_EQ(given.articles[0].title, "Embassy struck");
}

TEST(ApiReaderSources, SameUrlIsOneArticle) {
    TempDir dir;
    dir.write("feed.jsonl", "{\"title\": \"Short\", \"link\": \"https://e.org/story?utm_source=rss\"}\n");
    dir.write("page.json", "{\"title\": \"Full\", \"body\": \"All of it.\", \"url\": \"HTTPS://E.ORG/story#top\"}");
    auto read = read_all(dir.path());
    ASSERT_EQ(read.articles.size(), 2u);
    EXPECT_EQ(read.articles[0].id, "https://e.org/story");
    EXPECT_EQ(read.articles[1].id, "https://e.org/story");
}

TEST(ApiReaderSources, FormatAndFieldNamesAreParsedWithClearErrors) {
    EXPECT_EQ(newsfacet::parse_input_format("JSONL"), newsfacet::InputFormat::jsonl);
    EXPECT_EQ(newsfacet::parse_input_format("ndjson"), newsfacet::InputFormat::jsonl);
    EXPECT_EQ(newsfacet::parse_input_format("md"), newsfacet::InputFormat::markdown);
    EXPECT_THROW((void)newsfacet::parse_input_format("pdf"), newsfacet::UsageError);
    auto m = newsfacet::parse_field_mapping("Body=story.text");
    EXPECT_EQ(m.field, "body");
    EXPECT_EQ(m.key, "story.text");
    for (const char* bad : {"body", "body=", "author=by", "=x"}) {
        EXPECT_THROW((void)newsfacet::parse_field_mapping(bad), newsfacet::UsageError) << bad;
    }
}

namespace {

const char* saved_page =
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"windows-1252\"><title>Port of Odesa shelled | Harbour Times</title>"
    "<meta property=\"og:site_name\" content=\"Harbour Times\">"
    "<meta property=\"article:published_time\" content=\"2024-11-18T14:05:00+02:00\">"
    "<link rel=\"canonical\" href=\"https://harbour.example.org/2024/11/odesa-port\"></head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/ports\">Ports</a></nav>"
    "<div class=\"story-body\"><p>Russian missiles struck port infrastructure in Odesa on Monday afternoon, damaging "
    "warehouses, a passenger terminal and a Turkish-owned cargo ship, Ukrainian officials said.</p>"
    "<p>The caf\xE9 by the terminal was destroyed, the mayor said, and ten people were wounded.</p></div>"
    "<div class=\"comments\"><p>First! Great article, thanks for writing about this today.</p></div></body></html>";

}  // namespace

TEST(ApiReaderSources, SavedPagesAreReadAsArticles) {
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "pages");
    dir.write("pages/odesa.html", saved_page);
    dir.write("pages/saved-without-extension", saved_page);
    auto read = read_all(dir.path() / "pages");
    ASSERT_EQ(read.articles.size(), 2u);
    for (const auto& a : read.articles) {
        EXPECT_EQ(a.id, "https://harbour.example.org/2024/11/odesa-port");
        EXPECT_EQ(a.title, "Port of Odesa shelled");
        EXPECT_EQ(a.source, "Harbour Times");
        EXPECT_EQ(a.date, "2024-11-18");
        EXPECT_NE(a.body.find("Turkish-owned cargo ship"), std::string::npos);
        EXPECT_NE(a.body.find("caf\xC3\xA9"), std::string::npos);  // Windows-1252, as declared
        EXPECT_EQ(a.body.find("First!"), std::string::npos) << a.body;
        EXPECT_EQ(a.body.find("Home"), std::string::npos) << a.body;
    }
}
