// Fuzz target: the article readers. The first byte picks the format (.txt, .md, .json,
// .jsonl, .html, or no extension: told by the first bytes); the rest is the file, written to a scratch file (one per format, reused) and read
// with read_articles, the indexer's path. decode_text and normalize_date run on the same
// bytes in memory.
//
// Findings besides crashes: an exception out of read_articles (it throws only for a missing
// path), an article field that is not valid UTF-8, a date that does not normalise to itself.

#include <array>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>

#include <newsfacet/article.hpp>
#include <newsfacet/error.hpp>
#include <newsfacet/json.hpp>
#include <newsfacet/reader.hpp>

#include "article_checks.hpp"
#include "fuzz_support.hpp"

using newsfacet::fuzz::check_article;
using newsfacet::fuzz::check_normalized;
using newsfacet::fuzz::valid_utf8;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const newsfacet::fuzz::ScratchDir dir("readers");
    static const std::array<std::string, 6> names = {"article.txt", "article.md", "article.json",
                                                     "wire.jsonl", "part-00000", "page.html"};
    const auto& name = names[data[0] % names.size()];
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

    const auto file = dir.path / name;
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    newsfacet::ReadHandler handler;
    handler.on_article = [](newsfacet::Article&& a) { check_article(a); };
    handler.on_error = [](const newsfacet::InputError& e) {
        NEWSFACET_FUZZ_CHECK(e.what()[0] != '\0');
    };
    handler.on_warning = [](const std::string& w) { NEWSFACET_FUZZ_CHECK(!w.empty()); };
    newsfacet::read_articles(file, handler);

    // The same bytes in memory.
    std::size_t bad = std::string::npos;
    auto decoded = newsfacet::decode_text(bytes, bad);
    NEWSFACET_FUZZ_CHECK(valid_utf8(decoded));
    if (bad == std::string::npos) {
        NEWSFACET_FUZZ_CHECK(decoded.size() == bytes.size() || decoded.size() + 3 == bytes.size());
    }
    check_article(newsfacet::parse_text_article(decoded, "memory.md", (data[0] & 4) != 0));
    const auto line = bytes.substr(0, std::min<std::size_t>(bytes.find('\n'), 64));
    try {
        check_normalized(newsfacet::normalize_date(line));
    } catch (const newsfacet::UsageError&) {
    }
    return 0;
}
