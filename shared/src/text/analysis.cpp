#include "text/analysis.hpp"

#include <array>
#include <string_view>

namespace newsfacet::detail {
namespace {

// Function words dropped from natural-language queries ("all strikes affecting embassies").
// They stay indexed, so phrases containing them still match.
constexpr std::array<std::string_view, 81> stop_words = {
    "a", "about", "affect", "affected", "affecting", "affects", "after", "all",
    "also", "an", "and", "any", "are", "article", "articles", "as",
    "at", "be", "been", "but", "by", "can", "concerning", "did",
    "do", "does", "every", "find", "for", "from", "had", "has",
    "have", "how", "i", "if", "in", "into", "involving", "is",
    "it", "its", "latest", "me", "more", "most", "my", "news",
    "of", "on", "or", "our", "over", "recent", "regarding", "report",
    "reports", "show", "so", "some", "stories", "story", "than", "that",
    "the", "their", "them", "there", "these", "they", "this", "to",
    "was", "we", "were", "what", "when", "which", "who", "will",
    "with"};

}  // namespace

Analysis::Analysis()
    : thesaurus(builtin_thesaurus(), "built-in thesaurus"), stemmer(make_stemmer(thesaurus.irregular())) {
    thesaurus.prepare(stemmer);
    for (auto w : stop_words) stopper.add(std::string(w));
}

}  // namespace newsfacet::detail
