// Fuzz target: web archives. The input is a WARC file, written to a scratch file and read
// with read_articles (the indexer's path: record reader, HTTP, codings, HTML pages); the same
// bytes go in memory through the record reader and, as one HTTP response, through the HTTP
// parser and decoder.
//
// Findings besides crashes: an exception out of read_articles, an article field that is not
// valid UTF-8 or without an id, a skipped kind or message that is empty, a decoded body over
// its cap, more input consumed than given.

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include <newsfacet/article.hpp>
#include <newsfacet/error.hpp>
#include <newsfacet/json.hpp>
#include <newsfacet/reader.hpp>

#include "article_checks.hpp"
#include "read/http.hpp"
#include "read/warc.hpp"

namespace {

using newsfacet::fuzz::check_article;

void read_file(const std::filesystem::path& file, std::size_t size) {
    newsfacet::ReadHandler handler;
    std::uint64_t consumed = 0;
    handler.on_article = [](newsfacet::Article&& a) { check_article(a); };
    handler.on_error = [](const newsfacet::InputError& e) { NEWSFACET_FUZZ_CHECK(e.what()[0] != '\0'); };
    handler.on_warning = [](const std::string& w) { NEWSFACET_FUZZ_CHECK(!w.empty()); };
    handler.on_skipped = [](std::string_view kind) { NEWSFACET_FUZZ_CHECK(!kind.empty()); };
    handler.on_bytes = [&](std::uint64_t n) { consumed += n; };
    newsfacet::read_articles(file, handler);
    NEWSFACET_FUZZ_CHECK(consumed <= size);
}

void read_in_memory(std::string_view bytes) {
    namespace warc = newsfacet::detail::warc;
    std::istringstream in{std::string(bytes)};
    warc::RecordReader reader(in, [](std::uint64_t, const std::string& message) { NEWSFACET_FUZZ_CHECK(!message.empty()); });
    warc::RecordHead head;
    while (reader.next(head)) {
        NEWSFACET_FUZZ_CHECK(head.offset < bytes.size());
        auto outcome = warc::read_record(reader, head, "memory#1");
        if (outcome.article) check_article(*outcome.article);
        NEWSFACET_FUZZ_CHECK(!(outcome.article && !outcome.skipped.empty()));
        NEWSFACET_FUZZ_CHECK(reader.consumed() <= bytes.size());
    }
}

void read_http(std::string_view bytes) {
    namespace http = newsfacet::detail::http;
    constexpr std::size_t cap = 1 << 20;
    const auto response = http::parse_response(bytes);
    NEWSFACET_FUZZ_CHECK(response.error.empty() == (response.status != 0));
    NEWSFACET_FUZZ_CHECK(response.body.size() <= bytes.size());
    const auto body = http::decoded_body(response, cap);
    NEWSFACET_FUZZ_CHECK(body.bytes.size() <= cap);
    NEWSFACET_FUZZ_CHECK(body.error.empty() || body.bytes.empty());
    const auto plain = http::dechunk(bytes, cap);
    NEWSFACET_FUZZ_CHECK(plain.bytes.size() <= bytes.size());
    (void)http::media_type(bytes.substr(0, 200));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const newsfacet::fuzz::ScratchDir dir("warc");
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto file = dir.path / "crawl.warc";
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    read_file(file, size);
    read_in_memory(bytes);
    read_http(bytes);
    return 0;
}
