// Fuzz target: the feed reader (read/feed_article over read/xml_walk and read/xml_repair) and
// feed sniffing, on any bytes in memory.
//
// Findings besides crashes: an exception out of read_feed (it never throws for bad input), an
// article field that is not valid UTF-8, an item without an id or without text, a date that
// does not normalise to itself, a url that is not absolute, repaired XML with a control
// character XML forbids or invalid UTF-8 from valid UTF-8.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "article_checks.hpp"
#include "fuzz_support.hpp"
#include "read/feed_article.hpp"
#include "read/feed_sniff.hpp"
#include "read/xml_repair.hpp"
#include "text/text.hpp"

namespace {

using newsfacet::fuzz::valid_utf8;

// Every reader's invariants, and a feed item's own: some text, an absolute URL.
void check_item(const newsfacet::Article& a) {
    newsfacet::fuzz::check_article(a);
    NEWSFACET_FUZZ_CHECK(!a.title.empty() || !a.body.empty());
    if (!a.url.empty()) {
        const auto lower = newsfacet::text::ascii_lower(a.url.substr(0, 8));
        NEWSFACET_FUZZ_CHECK(lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    const auto feed = newsfacet::detail::read_feed(bytes, "fuzz.rss");
    for (const auto& item : feed.items) check_item(item);
    for (const auto& e : feed.errors) NEWSFACET_FUZZ_CHECK(!e.message.empty());
    for (const auto& w : feed.warnings) NEWSFACET_FUZZ_CHECK(!w.empty());

    const auto repaired = newsfacet::detail::xml::repair(bytes);
    for (char c : repaired) {
        const auto u = static_cast<unsigned char>(c);
        NEWSFACET_FUZZ_CHECK(u >= 0x20 || u == '\t' || u == '\n' || u == '\r');
    }
    if (valid_utf8(bytes)) NEWSFACET_FUZZ_CHECK(valid_utf8(repaired));

    (void)newsfacet::detail::sniff_feed(bytes);
    return 0;
}
