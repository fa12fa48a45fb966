#pragma once
// Invariants of every article a reader hands on, shared by the reader fuzz targets: an id,
// every field valid UTF-8, a date normalised, the article writable as JSON.

#include <string>
#include <string_view>

#include <newsfacet/article.hpp>
#include <newsfacet/json.hpp>
#include <newsfacet/reader.hpp>

#include "fuzz_support.hpp"
#include "text/text.hpp"

namespace newsfacet::fuzz {

inline bool valid_utf8(std::string_view s) { return newsfacet::text::first_invalid_utf8(s) == std::string_view::npos; }

// A normalised date is "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ" and normalises to itself.
inline void check_normalized(const std::string& date) {
    NEWSFACET_FUZZ_CHECK(date.size() == 10 || date.size() == 20);
    NEWSFACET_FUZZ_CHECK(newsfacet::normalize_date(date) == date);
}

inline void check_article(const newsfacet::Article& a) {
    NEWSFACET_FUZZ_CHECK(!a.id.empty());
    NEWSFACET_FUZZ_CHECK(valid_utf8(a.id));
    NEWSFACET_FUZZ_CHECK(valid_utf8(a.title));
    NEWSFACET_FUZZ_CHECK(valid_utf8(a.body));
    NEWSFACET_FUZZ_CHECK(valid_utf8(a.dateline));
    NEWSFACET_FUZZ_CHECK(valid_utf8(a.source));
    NEWSFACET_FUZZ_CHECK(valid_utf8(a.url));
    NEWSFACET_FUZZ_CHECK(valid_utf8(a.language));
    if (!a.date.empty()) check_normalized(a.date);
    (void)newsfacet::to_json(a);
}

}  // namespace newsfacet::fuzz
