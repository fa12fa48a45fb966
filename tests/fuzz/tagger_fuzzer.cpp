// Fuzz target: the entity tagger (Tagger::tag, Tagger::canonical, facet_key).
// Input: a flags byte, then the text. Flags: 1 = decode the text as the readers do
// (decode_text: UTF-8 or Windows-1252), else pass the raw bytes (the tagger accepts any
// bytes); 2 = the next byte picks the article's year (1980..2029), for known officials named
// by surname; 4 = the first line is the dateline. Then the first line is the title and the
// rest the body.
//
// Findings besides crashes and hangs: any exception, a mention outside the body or not
// matching its text, facet values not sorted and unique, output not UTF-8 for UTF-8 input.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <newsfacet/article.hpp>
#include <newsfacet/facets.hpp>
#include <newsfacet/json.hpp>
#include <newsfacet/reader.hpp>
#include <newsfacet/tagger.hpp>

#include "fuzz_support.hpp"
#include "text/text.hpp"

namespace {

bool valid_utf8(std::string_view s) {
    return newsfacet::text::first_invalid_utf8(s) == std::string_view::npos;
}

// The text up to the first newline; `rest` moves past it.
std::string take_line(std::string_view& rest) {
    auto eol = rest.find('\n');
    std::string line(rest.substr(0, eol));
    rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
    return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const newsfacet::Tagger tagger;
    const std::uint8_t flags = data[0];
    std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);

    newsfacet::Article article;
    article.id = "fuzz";
    if ((flags & 2) != 0 && !input.empty()) {
        article.date = std::to_string(1980 + static_cast<unsigned char>(input[0]) % 50) + "-06-01";
        input.remove_prefix(1);
    }
    std::string decoded;
    if ((flags & 1) != 0) {
        std::size_t bad = std::string::npos;
        decoded = newsfacet::decode_text(input, bad);
        input = decoded;
    }
    if ((flags & 4) != 0) article.dateline = take_line(input);
    article.title = take_line(input);
    article.body = std::string(input);

    const auto tagging = tagger.tag(article);

    const bool utf8 =
        valid_utf8(article.title) && valid_utf8(article.body) && valid_utf8(article.dateline);
    for (const auto& m : tagging.mentions) {
        NEWSFACET_FUZZ_CHECK(m.start <= m.end && m.end <= article.body.size());
        NEWSFACET_FUZZ_CHECK(m.text == article.body.substr(m.start, m.end - m.start));
        NEWSFACET_FUZZ_CHECK(!m.value.empty());
        if (utf8) NEWSFACET_FUZZ_CHECK(valid_utf8(m.value));
    }
    for (auto facet : newsfacet::all_facets) {
        const auto& values = tagging.facets[facet];
        NEWSFACET_FUZZ_CHECK(std::is_sorted(values.begin(), values.end()));
        NEWSFACET_FUZZ_CHECK(std::adjacent_find(values.begin(), values.end()) == values.end());
        for (const auto& v : values) {
            NEWSFACET_FUZZ_CHECK(!v.empty());
            if (utf8) NEWSFACET_FUZZ_CHECK(valid_utf8(v));
        }
    }
    for (const auto& o : tagging.officials) {
        NEWSFACET_FUZZ_CHECK(!o.name.empty());
        if (utf8) {
            NEWSFACET_FUZZ_CHECK(valid_utf8(o.name) && valid_utf8(o.role) && valid_utf8(o.country));
        }
    }
    (void)newsfacet::to_json(article.id, tagging);

    // The title as a value typed in a filter.
    for (auto facet : newsfacet::all_facets) {
        if (auto canonical = tagger.canonical(facet, article.title)) {
            NEWSFACET_FUZZ_CHECK(!canonical->empty());
        }
    }
    auto key = newsfacet::facet_key(article.title);
    if (valid_utf8(article.title)) NEWSFACET_FUZZ_CHECK(valid_utf8(key));
    return 0;
}
