#pragma once
// Choosing and marking the passage of an article that best answers a query.

#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

#include <newsfacet/snippet.hpp>

#include "text/analysis.hpp"

namespace newsfacet::detail {

/// How much a matching word is worth, and which query group_id it stands for (a query word
/// and its thesaurus expansions share a group_id).
struct HighlightKey {
    int group_id = 0;
    double weight = 0;
};

/// What to highlight: word stems and exact words. Rarer words and original query words
/// weigh more than common words and expansions.
struct HighlightSpec {
    std::unordered_map<std::string, HighlightKey> stems;  // stem -> key
    std::unordered_map<std::string, HighlightKey> words;  // exact lower-case word -> key
    [[nodiscard]] bool empty() const noexcept { return stems.empty() && words.empty(); }

    /// Adds a Xapian term ("Z"-prefixed stem, plain word; "S" title terms count as body
    /// words). Other prefixed terms (filters, ids) are ignored. Returns false if ignored.
    bool add_term(const std::string& term, HighlightKey key);
};

/// Picks the best passage of `text` of about `max_bytes` bytes: the sentence matching the most
/// (and rarest) query words, extended with its neighbours while it fits; the lead when
/// nothing matches. Matches are marked: a word matches by itself or by its stem (with the
/// analysis' stemmer, so uses `analysis` on this thread only). Cost: linear in the text length.
[[nodiscard]] Snippet make_snippet(std::string_view text, const HighlightSpec& spec,
                                   const Analysis& analysis, std::size_t max_bytes);

}  // namespace newsfacet::detail
