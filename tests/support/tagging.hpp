#pragma once
// Tagging one article in a test: one Tagger built once per test binary (it is immutable), and
// an Article from its parts.

#include <newsfacet/tagger.hpp>

#include <string>

namespace newsfacet::testing {

/// The built-in Tagger, built on first use (building it parses the gazetteer).
inline const Tagger& shared_tagger() {
    static const Tagger t;  // immutable: sharing it between tests changes nothing
    return t;
}

/// Tags an article with id "t" and the given fields.
inline Tagging tag_article(const std::string& body, const std::string& title = "",
                           const std::string& date = "", const std::string& dateline = "") {
    Article a;
    a.id = "t";
    a.title = title;
    a.body = body;
    a.date = date;
    a.dateline = dateline;
    return shared_tagger().tag(a);
}

}  // namespace newsfacet::testing
