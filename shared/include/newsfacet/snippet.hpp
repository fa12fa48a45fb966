#pragma once
// A short passage of an article with the words that matched the query marked.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <newsfacet/export.hpp>

namespace newsfacet {

/// A passage of text with highlighted byte ranges ([first, second) into `text`, sorted,
/// non-overlapping). `text` is plain UTF-8 (not escaped).
struct NEWSFACET_EXPORT Snippet {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> highlights;

    /// The passage as HTML: text escaped (&, <, >, ", '), matches in <mark>...</mark>.
    [[nodiscard]] std::string to_html() const;

    /// The passage with each match wrapped in `open` and `close` (e.g. ANSI colour codes or
    /// "[" and "]"), the text otherwise unchanged.
    [[nodiscard]] std::string marked(const std::string& open, const std::string& close) const;
};

}  // namespace newsfacet
