// HTTP responses as web archives hold them: status line, headers, chunked and gzip bodies.
#include <brotli/encode.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <string>
#include <utility>

#include "read/http.hpp"
#include "warc_support.hpp"

namespace http = newsfacet::detail::http;
using newsfacet::testing::gzip;

namespace {
constexpr std::size_t cap = 1 << 20;
}

TEST(ReadHttp, StatusLineAndBody) {
    auto r = http::parse_response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>x</html>");
    EXPECT_TRUE(r.error.empty());
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "<html>x</html>");
    EXPECT_EQ(http::parse_response("HTTP/1.0 404 Not Found\r\n\r\n").status, 404);
    EXPECT_EQ(http::parse_response("HTTP/2 301\r\nLocation: /x\r\n\r\n").status, 301);
    EXPECT_EQ(http::parse_response("HTTP/1.1 204\n\n").status, 204);
    // Not a status line: an error, nothing else.
    for (const char* bad : {"<html>", "HTTP/1.1 2x0 OK\r\n\r\n", "HTTP/1.1 20\r\n\r\n", "HTTP/1.1 2000\r\n\r\n",
                            "HTTP/1.1 099 Low\r\n\r\n", "", "GET / HTTP/1.1\r\n\r\n"}) {
        auto bad_response = http::parse_response(bad);
        EXPECT_FALSE(bad_response.error.empty()) << bad;
        EXPECT_EQ(bad_response.status, 0) << bad;
    }
}

TEST(ReadHttp, HeadersFoldedAnyCaseBareLineFeeds) {
    auto r = http::parse_response(
        "HTTP/1.1 200 OK\nCONTENT-type: text/html;\n  charset=koi8-r\nX-Empty:\nno colon here\nServer: a\n\nbody\n");
    ASSERT_TRUE(r.error.empty());
    EXPECT_EQ(http::header_value(r.headers, "content-type"), "text/html; charset=koi8-r");
    EXPECT_EQ(http::header_value(r.headers, "Server"), "a");
    EXPECT_EQ(http::header_value(r.headers, "X-Empty"), "");
    EXPECT_EQ(http::header_value(r.headers, "Missing"), "");
    EXPECT_EQ(r.body, "body\n");
    // A head that never ends has no body.
    EXPECT_EQ(http::parse_response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n").body, "");
    EXPECT_EQ(http::parse_response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n").body, "");
}

TEST(ReadHttp, HeaderLines) {
    std::vector<http::Header> headers;
    EXPECT_FALSE(http::add_header_line(headers, " continued before any header"));
    EXPECT_FALSE(http::add_header_line(headers, ": no name"));
    EXPECT_FALSE(http::add_header_line(headers, "no colon"));
    EXPECT_TRUE(headers.empty());
    EXPECT_TRUE(http::add_header_line(headers, "WARC-Target-URI:  http://a.example/x "));
    EXPECT_TRUE(http::add_header_line(headers, "\tcontinued"));
    ASSERT_EQ(headers.size(), 1u);
    EXPECT_EQ(headers[0].value, "http://a.example/x continued");
}

TEST(ReadHttp, MediaTypeAndCharset) {
    auto m = http::media_type("Text/HTML; Charset=\"ISO-8859-1\"");
    EXPECT_EQ(m.type, "text/html");
    EXPECT_EQ(m.charset, "iso-8859-1");
    EXPECT_EQ(http::media_type("text/html;charset=utf-8;q=1").charset, "utf-8");
    EXPECT_EQ(http::media_type("application/xhtml+xml").charset, "");
    EXPECT_EQ(http::media_type("").type, "");
    EXPECT_EQ(http::media_type("text/html; boundary=x").charset, "");
}

TEST(ReadHttp, CodingTokensOfEveryHeaderInOrder) {
    std::vector<http::Header> headers{{"Transfer-Encoding", "gzip, Chunked"}, {"X", "y"}, {"transfer-encoding", "br"}};
    EXPECT_EQ(http::header_tokens(headers, "Transfer-Encoding"), (std::vector<std::string>{"gzip", "chunked", "br"}));
    EXPECT_TRUE(http::header_tokens(headers, "Content-Encoding").empty());
}

TEST(ReadHttp, ChunkedWithExtensionsAndTrailers) {
    auto b = http::dechunk("5;name=value\r\nHello\r\n7\r\n, world\r\n0\r\nExpires: never\r\n\r\n", cap);
    EXPECT_TRUE(b.error.empty());
    EXPECT_TRUE(b.warning.empty());
    EXPECT_EQ(b.bytes, "Hello, world");
    // Upper-case hex, bare line feeds, a chunk holding CRLF itself.
    EXPECT_EQ(http::dechunk("A\n0123\r\n5678\n0\n\n", cap).bytes, "0123\r\n5678");
    // Cut short: read as far as it goes, with a warning.
    auto cut = http::dechunk("5\r\nHello\r\n10\r\n, wor", cap);
    EXPECT_EQ(cut.bytes, "Hello, wor");
    EXPECT_FALSE(cut.warning.empty());
    EXPECT_FALSE(http::dechunk("5\r\nHello\r\n", cap).warning.empty());
    // No chunk size at all: stored de-chunked already.
    auto plain = http::dechunk("<!DOCTYPE html><html>", cap);
    EXPECT_TRUE(plain.error.empty());
    EXPECT_EQ(plain.bytes, "<!DOCTYPE html><html>");
    // A malformed size after the first chunk, and a body over the cap, are errors.
    EXPECT_FALSE(http::dechunk("5\r\nHello\r\nzz\r\nxx\r\n0\r\n\r\n", cap).error.empty());
    EXPECT_FALSE(http::dechunk("5\r\nHello\r\nfffffffffffffffff\r\nxx", cap).error.empty());
    auto big = http::dechunk("8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n", 10);
    EXPECT_FALSE(big.error.empty());
    EXPECT_TRUE(big.bytes.empty());
}

TEST(ReadHttp, ContentCodings) {
    const std::string page = "<html><body><p>Caf\xC3\xA9 reopened.</p></body></html>";
    EXPECT_EQ(http::decode(gzip(page), {"gzip"}, cap).bytes, page);
    EXPECT_EQ(http::decode(gzip(page), {"x-gzip"}, cap).bytes, page);
    EXPECT_EQ(http::decode(gzip(gzip(page)), {"gzip", "gzip"}, cap).bytes, page);
    EXPECT_EQ(http::decode(page, {"identity"}, cap).bytes, page);
    EXPECT_EQ(http::decode(page, {}, cap).bytes, page);
    // Labelled gzip but stored decoded: taken as it is.
    EXPECT_EQ(http::decode(page, {"gzip"}, cap).bytes, page);
    // Unsupported codings, corrupt streams and bombs are errors, not crashes.
    auto compress = http::decode("\x1f\x9d\x90", {"compress"}, cap);
    EXPECT_NE(compress.error.find("'compress'"), std::string::npos);
    EXPECT_TRUE(compress.bytes.empty());
    auto corrupt = gzip(page);
    corrupt.replace(12, 8, "garbage!");
    EXPECT_FALSE(http::decode(corrupt, {"gzip"}, cap).error.empty());
    EXPECT_FALSE(http::decode(gzip(page).substr(0, 20), {"gzip"}, cap).error.empty());
    const auto bomb = gzip(std::string(8u << 20, '\0'));
    EXPECT_LT(bomb.size(), 64u << 10);
    auto exploded = http::decode(bomb, {"gzip"}, cap);
    EXPECT_NE(exploded.error.find("MiB"), std::string::npos);
    EXPECT_TRUE(exploded.bytes.empty());
}

TEST(ReadHttp, DecodedBodyDechunksThenDecodes) {
    const std::string page = "<html><body><p>Chunked and gzipped.</p></body></html>";
    const auto chunked = newsfacet::testing::chunked(gzip(page), 7);
    // parse_response's body is a view into its argument: keep each response alive.
    const auto bytes = newsfacet::testing::http_response(
        "200 OK", {{"Content-Encoding", "gzip"}, {"Transfer-Encoding", "chunked"}}, chunked);
    auto r = http::parse_response(bytes);
    auto body = http::decoded_body(r, cap);
    EXPECT_TRUE(body.error.empty()) << body.error;
    EXPECT_EQ(body.bytes, page);
    // Without the header the chunks stay as they are.
    const auto raw_bytes = newsfacet::testing::http_response("200 OK", {}, "5\r\nHello\r\n0\r\n\r\n");
    auto raw = http::parse_response(raw_bytes);
    EXPECT_EQ(http::decoded_body(raw, cap).bytes, "5\r\nHello\r\n0\r\n\r\n");
    // A body over the cap.
    const auto big_bytes = newsfacet::testing::http_response("200 OK", {}, std::string(100, 'x'));
    auto big = http::parse_response(big_bytes);
    EXPECT_FALSE(http::decoded_body(big, 50).error.empty());
}

namespace {

// `data` deflated: as a zlib stream (what RFC 9110 calls deflate) or raw (what many servers send).
std::string deflated(std::string_view data, bool zlib_wrapper) {
    z_stream z{};
    deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, zlib_wrapper ? 15 : -15, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, data.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

std::string brotli(std::string_view data) {
    std::string out(BrotliEncoderMaxCompressedSize(data.size()), '\0');
    std::size_t size = out.size();
    BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, data.size(),
                          reinterpret_cast<const std::uint8_t*>(data.data()), &size,
                          reinterpret_cast<std::uint8_t*>(out.data()));
    out.resize(size);
    return out;
}

}  // namespace

TEST(ReadHttp, DeflateAndBrotliBodies) {
    const std::string page = "<html><body><p>Deflated, or squeezed by Brotli, as browsers fetch it.</p></body></html>";
    for (const auto& [coding, body] : {std::pair{std::string("deflate"), deflated(page, true)},
                                       {std::string("deflate"), deflated(page, false)},
                                       {std::string("br"), brotli(page)}}) {
        const auto decoded = http::decode(body, {coding}, cap);
        EXPECT_TRUE(decoded.error.empty()) << coding << ": " << decoded.error;
        EXPECT_EQ(decoded.bytes, page) << coding;
    }
    // After chunking, under gzip (codings undone last to first).
    const auto bytes = newsfacet::testing::http_response(
        "200 OK", {{"Content-Encoding", "br"}, {"Transfer-Encoding", "chunked"}},
        newsfacet::testing::chunked(brotli(page), 5));
    EXPECT_EQ(http::decoded_body(http::parse_response(bytes), cap).bytes, page);
    EXPECT_EQ(http::decode(gzip(deflated(page, true)), {"deflate", "gzip"}, cap).bytes, page);
}

TEST(ReadHttp, DamagedCutOrExplodingDeflateAndBrotliAreErrors) {
    const std::string page(200000, 'a');  // compresses to a few hundred bytes
    for (const auto& [coding, body] : {std::pair{std::string("deflate"), deflated(page, true)},
                                       {std::string("deflate"), deflated(page, false)},
                                       {std::string("br"), brotli(page)}}) {
        const auto bomb = http::decode(body, {coding}, 100000);
        EXPECT_NE(bomb.error.find("decodes to more than"), std::string::npos) << coding << ": " << bomb.error;
        EXPECT_TRUE(bomb.bytes.empty());
        const auto cut = http::decode(body.substr(0, body.size() / 2), {coding}, cap);
        EXPECT_FALSE(cut.error.empty()) << coding;
        EXPECT_TRUE(cut.bytes.empty());
    }
    for (const std::string coding : {"deflate", "br"}) {
        const auto garbage = http::decode("\xFF\xFEnot compressed at all, not at all", {coding}, cap);
        EXPECT_FALSE(garbage.error.empty()) << coding;
    }
    EXPECT_NE(http::decode("x", {"compress"}, cap).error.find("not supported"), std::string::npos);
}
