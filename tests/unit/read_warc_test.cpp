// WARC records: the streaming record reader (heads, blocks, truncation, garbage, oversized
// records) and what each record gives (articles, skipped kinds, errors).
#include <gtest/gtest.h>

#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "read/warc.hpp"
#include "warc_support.hpp"

namespace warc = newsfacet::detail::warc;
using newsfacet::testing::gzip;
using newsfacet::testing::http_response;
using newsfacet::testing::news_page;
using newsfacet::testing::response_record;
using newsfacet::testing::warc_record;

namespace {

struct Problem {
    std::uint64_t offset;
    std::string message;
};

// Every record of `bytes` read through read_record, and the problems met.
struct Read {
    std::vector<warc::RecordHead> heads;
    std::vector<warc::RecordOutcome> outcomes;
    std::vector<Problem> problems;
    std::uint64_t consumed = 0;

    [[nodiscard]] std::vector<std::string> skipped() const {
        std::vector<std::string> out;
        for (const auto& o : outcomes) {
            if (!o.skipped.empty()) out.push_back(o.skipped);
        }
        return out;
    }
    [[nodiscard]] std::vector<newsfacet::Article> articles() const {
        std::vector<newsfacet::Article> out;
        for (const auto& o : outcomes) {
            if (o.article) out.push_back(*o.article);
        }
        return out;
    }
};

Read read_stream(std::istream& in) {
    Read out;
    warc::RecordReader reader(in, [&](std::uint64_t offset, const std::string& message) {
        out.problems.push_back({offset, message});
    });
    warc::RecordHead head;
    while (reader.next(head)) {
        out.heads.push_back(head);
        out.outcomes.push_back(warc::read_record(reader, head, "file.warc#" + std::to_string(out.heads.size())));
    }
    out.consumed = reader.consumed();
    return out;
}

Read read(const std::string& bytes) {
    std::istringstream in(bytes);
    return read_stream(in);
}

// A stream of `head`, then `filler` bytes of 'x' made as they are read, then `tail`: a
// record larger than memory should hold, without holding it in the test either.
class GeneratedBuf : public std::streambuf {
public:
    GeneratedBuf(std::string head, std::uint64_t filler, std::string tail)
        : m_head(std::move(head)), m_filler(filler), m_tail(std::move(tail)) {
        std::memset(m_chunk, 'x', sizeof m_chunk);
        setg(m_head.data(), m_head.data(), m_head.data() + m_head.size());
    }

protected:
    int_type underflow() override {
        if (m_filler > 0) {
            const auto n = std::min<std::uint64_t>(m_filler, sizeof m_chunk);
            m_filler -= n;
            setg(m_chunk, m_chunk, m_chunk + n);
            return traits_type::to_int_type(*gptr());
        }
        if (!m_tail_done) {
            m_tail_done = true;
            setg(m_tail.data(), m_tail.data(), m_tail.data() + m_tail.size());
            if (!m_tail.empty()) return traits_type::to_int_type(*gptr());
        }
        return traits_type::eof();
    }

private:
    std::string m_head;
    std::uint64_t m_filler;
    std::string m_tail;
    bool m_tail_done = false;
    char m_chunk[1 << 16];
};

const std::string page_uri = "https://News.Example.com/world/harbour?utm_source=rss#top";

}  // namespace

TEST(ReadWarc, HeadsAndBlocks) {
    const auto first = warc_record("warcinfo", {{"WARC-Date", "2024-05-07T10:00:00Z"}}, "software: test\r\n");
    const auto second = response_record(page_uri, http_response("200 OK", {{"Content-Type", "text/html"}}, news_page("Harbour reopens")));
    auto r = read(first + second);
    EXPECT_TRUE(r.problems.empty());
    ASSERT_EQ(r.heads.size(), 2u);
    EXPECT_EQ(r.heads[0].version, "WARC/1.1");
    EXPECT_EQ(r.heads[0].type(), "warcinfo");
    EXPECT_EQ(r.heads[0].length, std::string("software: test\r\n").size());
    EXPECT_EQ(r.heads[0].offset, 0u);
    EXPECT_EQ(r.heads[1].offset, first.size());
    EXPECT_EQ(r.heads[1].target_uri(), page_uri);
    EXPECT_EQ(r.consumed, first.size() + second.size());
    EXPECT_EQ(r.skipped(), std::vector<std::string>{"warcinfo"});
    ASSERT_EQ(r.articles().size(), 1u);
}

TEST(ReadWarc, Warc10AngleBracketsLineFeedsAndFolding) {
    // WARC 1.0's examples wrote <URI>; some writers end lines with LF alone; 1.0 allows folding.
    auto record = warc_record("resource",
                              {{"WARC-Target-URI", "<http://news.example.com/ferry>"},
                               {"Content-Type", "text/html;\n charset=utf-8"}},
                              news_page("Ferry strike ends"), "WARC/1.0", "\n");
    auto r = read(record + record);
    EXPECT_TRUE(r.problems.empty());
    ASSERT_EQ(r.heads.size(), 2u);
    EXPECT_EQ(r.heads[0].version, "WARC/1.0");
    EXPECT_EQ(r.heads[0].target_uri(), "http://news.example.com/ferry");
    ASSERT_EQ(r.articles().size(), 2u);
    EXPECT_EQ(r.articles()[0].url, "http://news.example.com/ferry");
    EXPECT_EQ(r.articles()[0].title, "Ferry strike ends");
}

TEST(ReadWarc, ResponseBecomesArticleWithTargetUriAndNoCrawlDate) {
    auto r = read(response_record(page_uri, http_response("200 OK", {{"Content-Type", "text/html; charset=utf-8"}},
                                                         news_page("Harbour reopens"))));
    ASSERT_EQ(r.articles().size(), 1u);
    const auto a = r.articles()[0];
    EXPECT_EQ(a.url, page_uri);
    EXPECT_EQ(a.id, "https://news.example.com/world/harbour");
    EXPECT_EQ(a.title, "Harbour reopens");
    EXPECT_NE(a.body.find("harbour reopened"), std::string::npos);
    // WARC-Date (2024-05-07) says when it was crawled, not when it was published.
    EXPECT_EQ(a.date, "");
}

TEST(ReadWarc, PagesOwnDateAndCanonicalUrlKept) {
    const std::string head = "<meta property=\"article:published_time\" content=\"2023-11-02T09:00:00Z\">"
                             "<link rel=\"canonical\" href=\"https://news.example.com/story/42\">";
    auto r = read(response_record("https://news.example.com/story/42?page=1",
                                  http_response("200 OK", {{"Content-Type", "text/html"}}, news_page("Story", head))));
    ASSERT_EQ(r.articles().size(), 1u);
    EXPECT_EQ(r.articles()[0].date, "2023-11-02");
    EXPECT_EQ(r.articles()[0].id, "https://news.example.com/story/42");
}

TEST(ReadWarc, HttpCharsetIsTheTransportCharset) {
    // KOI8-R bytes for "Привет" ("hello"); the page itself declares nothing, the HTTP header does.
    const std::string koi8 = "\xF0\xD2\xC9\xD7\xC5\xD4";
    auto r = read(response_record(page_uri, http_response("200 OK", {{"Content-Type", "text/html; charset=KOI8-R"}},
                                                          news_page(koi8))));
    ASSERT_EQ(r.articles().size(), 1u);
    EXPECT_EQ(r.articles()[0].title, "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
    EXPECT_TRUE(r.outcomes[0].warnings.empty());
}

TEST(ReadWarc, ChunkedGzipBodyDecoded) {
    const auto body = newsfacet::testing::chunked(gzip(news_page("Chunked story")), 50);
    auto r = read(response_record(page_uri, http_response("200 OK",
                                                          {{"Content-Type", "text/html"},
                                                           {"Content-Encoding", "gzip"},
                                                           {"Transfer-Encoding", "chunked"}},
                                                          body)));
    ASSERT_EQ(r.articles().size(), 1u);
    EXPECT_EQ(r.articles()[0].title, "Chunked story");
}

TEST(ReadWarc, OtherRecordsSkippedByKind) {
    const auto html = news_page("Page");
    std::string bytes;
    bytes += warc_record("request", {{"WARC-Target-URI", page_uri}}, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    bytes += warc_record("metadata", {}, "fetchTimeMs: 1\r\n");
    bytes += warc_record("revisit", {}, "HTTP/1.1 200 OK\r\n\r\n");
    bytes += warc_record("conversion", {}, "text");
    bytes += warc_record("continuation", {}, "rest");
    bytes += response_record(page_uri, http_response("404 Not Found", {{"Content-Type", "text/html"}}, html));
    bytes += response_record(page_uri, http_response("301 Moved", {{"Location", "/x"}}, ""));
    bytes += response_record(page_uri, http_response("503 Busy", {}, html));
    bytes += response_record(page_uri, http_response("200 OK", {{"Content-Type", "image/jpeg"}}, "\xFF\xD8\xFF"));
    bytes += response_record(page_uri, http_response("200 OK", {{"Content-Type", "application/json"}}, "{}"));
    bytes += response_record(page_uri, http_response("200 OK", {}, "%PDF-1.4 binary"));  // sniffed: not HTML
    bytes += response_record(page_uri, http_response("204 No Content", {{"Content-Type", "text/html"}}, ""));
    bytes += response_record("dns:news.example.com", "20240507100000\nnews.example.com. 300 IN A 192.0.2.1\n");
    bytes += warc_record("resource", {{"Content-Type", "image/png"}}, "\x89PNG");
    bytes += warc_record("", {}, "x");
    auto r = read(bytes);
    EXPECT_TRUE(r.problems.empty());
    EXPECT_TRUE(r.articles().empty());
    EXPECT_EQ(r.skipped(), (std::vector<std::string>{"request", "metadata", "revisit", "conversion", "continuation",
                                                     "HTTP 4xx", "HTTP 3xx", "HTTP 5xx", "not HTML", "not HTML",
                                                     "not HTML", "empty", "not HTTP", "not HTML", "untyped"}));
    for (const auto& o : r.outcomes) EXPECT_TRUE(o.error.empty()) << o.error;
}

TEST(ReadWarc, HtmlWithoutContentTypeIsSniffed) {
    auto r = read(response_record(page_uri, http_response("200 OK", {}, "\r\n" + news_page("Sniffed"))));
    ASSERT_EQ(r.articles().size(), 1u);
    EXPECT_EQ(r.articles()[0].title, "Sniffed");
    auto xhtml = read(warc_record("resource", {{"Content-Type", "application/xhtml+xml"}}, news_page("Xhtml")));
    ASSERT_EQ(xhtml.articles().size(), 1u);
    // No URI: the record's place in the file is its id.
    EXPECT_EQ(xhtml.articles()[0].id, "file.warc#1");
    EXPECT_EQ(xhtml.articles()[0].url, "");
}

TEST(ReadWarc, UndecodableBodySkippedWithWarning) {
    auto r = read(response_record(page_uri, http_response("200 OK",
                                                          {{"Content-Type", "text/html"}, {"Content-Encoding", "compress"}},
                                                          "\x1f\x9d\x90\x3c")));
    ASSERT_EQ(r.outcomes.size(), 1u);
    EXPECT_EQ(r.outcomes[0].skipped, "undecodable");
    ASSERT_EQ(r.outcomes[0].warnings.size(), 1u);
    EXPECT_NE(r.outcomes[0].warnings[0].find("'compress'"), std::string::npos);
    EXPECT_TRUE(r.problems.empty());
    // A body damaged in its coding: the same.
    auto damaged = read(response_record(page_uri, http_response("200 OK", {{"Content-Type", "text/html"}, {"Content-Encoding", "br"}},
                                                                "\x1b\x03\x00\xf8")));
    ASSERT_EQ(damaged.outcomes.size(), 1u);
    EXPECT_EQ(damaged.outcomes[0].skipped, "undecodable");
    EXPECT_TRUE(damaged.problems.empty());
}

TEST(ReadWarc, PageWithoutTextSkipped) {
    auto r = read(response_record(page_uri, http_response("200 OK", {{"Content-Type", "text/html"}},
                                                          "<html><head></head><body></body></html>")));
    EXPECT_EQ(r.skipped(), std::vector<std::string>{"no text"});
}

TEST(ReadWarc, TruncatedBlockIsOneProblemAndRecordsBeforeItStay) {
    const auto good = response_record(page_uri, http_response("200 OK", {{"Content-Type", "text/html"}}, news_page("Kept")));
    const auto cut = response_record("https://news.example.com/cut",
                                     http_response("200 OK", {{"Content-Type", "text/html"}}, news_page("Cut")));
    auto r = read(good + cut.substr(0, cut.size() - 100));
    ASSERT_EQ(r.articles().size(), 1u);
    EXPECT_EQ(r.articles()[0].title, "Kept");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].offset, good.size());
    EXPECT_NE(r.problems[0].message.find("truncated"), std::string::npos);
    EXPECT_NE(r.problems[0].message.find("https://news.example.com/cut"), std::string::npos);
    // The truncated record gives no article, skip or error of its own.
    ASSERT_EQ(r.outcomes.size(), 2u);
    EXPECT_FALSE(r.outcomes[1].article);
    EXPECT_TRUE(r.outcomes[1].skipped.empty());
    EXPECT_TRUE(r.outcomes[1].error.empty());

    // A record skipped unread that the input ends inside is one problem too, not a skip.
    const auto request = warc_record("request", {}, std::string(200, 'r'));
    auto skipped = read(request.substr(0, 150));
    EXPECT_EQ(skipped.problems.size(), 1u);
    EXPECT_TRUE(skipped.skipped().empty());

    // The input ends inside a head.
    auto head = read(good + "WARC/1.1\r\nWARC-Type: response\r\nContent-Le");
    EXPECT_EQ(head.articles().size(), 1u);
    ASSERT_EQ(head.problems.size(), 1u);
    EXPECT_NE(head.problems[0].message.find("head"), std::string::npos);
}

TEST(ReadWarc, GarbageBetweenRecordsIsOneProblemThenResynchronised) {
    const auto one = response_record(page_uri, http_response("200 OK", {{"Content-Type", "text/html"}}, news_page("One")));
    const auto two = response_record("https://news.example.com/two",
                                     http_response("200 OK", {{"Content-Type", "text/html"}}, news_page("Two")));
    auto r = read(one + "this is not\r\na WARC record\r\n\x01\x02\x03\r\n" + two);
    ASSERT_EQ(r.articles().size(), 2u);
    EXPECT_EQ(r.articles()[1].title, "Two");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].offset, one.size());
    EXPECT_NE(r.problems[0].message.find("garbage"), std::string::npos);

    // A file of garbage alone: one problem, no records.
    auto junk = read("PK\x03\x04 not a web archive\nat all\n");
    EXPECT_TRUE(junk.heads.empty());
    EXPECT_EQ(junk.problems.size(), 1u);
    // A Content-Length too short leaves the rest of the block as garbage: one problem, and
    // the next record is found.
    auto short_length = one;
    short_length.replace(short_length.find("Content-Length: ") + 16, 1, "1");
    auto resync = read(short_length + two);
    EXPECT_EQ(resync.problems.size(), 1u);
    ASSERT_FALSE(resync.articles().empty());
    EXPECT_EQ(resync.articles().back().title, "Two");
}

TEST(ReadWarc, HeadWithoutValidContentLengthIsSkipped) {
    const auto two = response_record("https://news.example.com/two",
                                     http_response("200 OK", {{"Content-Type", "text/html"}}, news_page("Two")));
    for (const std::string length : {"", "Content-Length: -5\r\n", "Content-Length: 12abc\r\n",
                                     "Content-Length: 99999999999999999999999\r\n"}) {
        auto r = read("WARC/1.1\r\nWARC-Type: response\r\n" + length + "\r\nHTTP/1.1 200 OK\r\n\r\n<html>\r\n\r\n" + two);
        ASSERT_EQ(r.problems.size(), 1u) << length;
        EXPECT_NE(r.problems[0].message.find("Content-Length"), std::string::npos);
        ASSERT_EQ(r.articles().size(), 1u) << length;
        EXPECT_EQ(r.articles()[0].title, "Two");
    }
    // A head line that is no header.
    auto r = read("WARC/1.1\r\nWARC-Type response\r\nContent-Length: 1\r\n\r\nx\r\n\r\n" + two);
    EXPECT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.articles().size(), 1u);
}

TEST(ReadWarc, OversizedRecordSkippedUnread) {
    const std::uint64_t size = warc::max_block_bytes + 1;
    const auto tail = response_record("https://news.example.com/after",
                                      http_response("200 OK", {{"Content-Type", "text/html"}}, news_page("After")));
    for (const std::string type : {"text/html", "video/mp4"}) {
        const std::string http_head = "HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\n\r\n";
        const std::string head = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example.com/huge\r\n"
                                 "Content-Length: " + std::to_string(size) + "\r\n\r\n" + http_head;
        GeneratedBuf buf(head, size - http_head.size(), "\r\n\r\n" + tail);
        std::istream in(&buf);
        auto r = read_stream(in);
        ASSERT_EQ(r.outcomes.size(), 2u) << type;
        if (type == "text/html") {
            EXPECT_NE(r.outcomes[0].error.find("MiB"), std::string::npos);
        } else {
            EXPECT_EQ(r.outcomes[0].skipped, "not HTML");
        }
        ASSERT_EQ(r.articles().size(), 1u);
        EXPECT_EQ(r.articles()[0].title, "After");
        EXPECT_TRUE(r.problems.empty());
    }
}

TEST(ReadWarc, EmptyAndBlankInputs) {
    EXPECT_TRUE(read("").heads.empty());
    EXPECT_TRUE(read("").problems.empty());
    auto blank = read("\r\n\r\n\n");
    EXPECT_TRUE(blank.heads.empty());
    EXPECT_TRUE(blank.problems.empty());
    // A record with an empty block.
    auto r = read(warc_record("resource", {{"Content-Type", "text/html"}}, ""));
    EXPECT_EQ(r.skipped(), std::vector<std::string>{"empty"});
}

TEST(ReadWarc, TargetUriBytesThatAreNotUtf8ArePercentEncoded) {
    auto r = read(response_record("https://news.example.com/caf\xE9?q=\xC3\xA9",
                                  http_response("200 OK", {{"Content-Type", "text/html"}}, news_page("Cafe"))));
    ASSERT_EQ(r.articles().size(), 1u);
    EXPECT_EQ(r.articles()[0].url, "https://news.example.com/caf%E9?q=%C3%A9");
    EXPECT_EQ(r.articles()[0].id, "https://news.example.com/caf%E9?q=%C3%A9");
    // Valid UTF-8 is kept as written.
    auto utf8 = read(response_record("https://news.example.com/caf\xC3\xA9",
                                     http_response("200 OK", {{"Content-Type", "text/html"}}, news_page("Cafe"))));
    ASSERT_EQ(utf8.articles().size(), 1u);
    EXPECT_EQ(utf8.articles()[0].url, "https://news.example.com/caf\xC3\xA9");
}
